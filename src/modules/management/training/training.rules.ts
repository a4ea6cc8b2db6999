import type { TrainingCourseType } from '../../../platform/db/schema';

/*
 * R-TRN-1: the pure rules of training — who owes how many hours, which phase a person is in, whether a re-training is
 * open, coverage figures and the quarter's plan-versus-actual. No I/O: the service, the facts and the demo share them.
 */

export const COURSE_TYPES = [
  'legal_education', 'induction_company', 'induction_workshop', 'induction_team', 'special', 'regular', 'emergency', 'retraining', 'other',
] as const satisfies readonly TrainingCourseType[];
export const INDUCTION_TYPES = ['induction_company', 'induction_workshop', 'induction_team'] as const satisfies readonly TrainingCourseType[];
export const RETRAINING_REASONS = ['post_change', 'return', 'new_process', 'new_equipment'] as const;

/** What a person is to the training minimums: the principal, a safety manager, or any other employee (every employment form). */
export type TrainingRole = 'principal' | 'safety_manager' | 'employee';
export const TRAINING_ROLES = ['principal', 'safety_manager', 'employee'] as const satisfies readonly TrainingRole[];
/** Initial (a person in his first period after joining) or yearly (re-training every calendar year after). */
export type TrainingPhase = 'initial' | 'yearly';

export type HoursPair = { initial: number; yearly: number };
export type Minimums = { standard: Record<TrainingRole, HoursPair>; highRisk: Record<TrainingRole, HoursPair> };

/** R-TRN-1 [cfg]: the hours a person of this role owes in this phase, in an ordinary or a high-risk sector. */
export function requiredHours(minimums: Minimums, role: TrainingRole, highRisk: boolean, phase: TrainingPhase): number {
  return (highRisk ? minimums.highRisk : minimums.standard)[role][phase];
}

/** Adds days to an ISO day (UTC arithmetic on the calendar day; no clock involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole months from `from` to `to` (ISO days), counting a month only when its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * A person hired within the last `initialWindowDays` (on `today` or before) owes the initial hours, counted over what
 * he attended since the window's start (and its month of grace, `initialFrom`); anyone else (or with no hire day on the roster) owes the yearly hours of the calendar year.
 */
export function phaseOf(hireDate: string | null, today: string, initialWindowDays: number): TrainingPhase {
  return hireDate !== null && hireDate <= today && hireDate > addDays(today, -initialWindowDays) ? 'initial' : 'yearly';
}

/** Days before the initial window still counted for a new hire: induction held in the weeks before the hire day. */
export const INITIAL_GRACE_DAYS = 31;

/** The first day whose attendance counts towards a new hire's initial hours (the window and its grace before `today`). */
export const initialFrom = (today: string, initialWindowDays: number) => addDays(today, -(initialWindowDays + INITIAL_GRACE_DAYS));

export type PersonHours = {
  role: TrainingRole; hireDate: string | null; allHours: number; yearHours: number; openRetraining: number;
};

export type Shortfall = { phase: TrainingPhase; required: number; done: number; missing: number; openRetraining: number; short: boolean };

/** R-TRN-1: required, done and missing hours for one person; an open re-training is a shortfall of its own. */
export function shortfallOf(p: PersonHours, opts: { minimums: Minimums; highRisk: boolean; today: string; initialWindowDays: number }): Shortfall {
  const phase = phaseOf(p.hireDate, opts.today, opts.initialWindowDays);
  const required = requiredHours(opts.minimums, p.role, opts.highRisk, phase);
  const done = round1(phase === 'initial' ? p.allHours : p.yearHours);
  const missing = round1(Math.max(0, required - done));
  return { phase, required, done, missing, openRetraining: p.openRetraining, short: missing > 0 || p.openRetraining > 0 };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A share as a percentage with one decimal; null when nobody is counted. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** The quarter (1–4) of a month index 1–12, and the months of a quarter. */
export const quarterOfMonth = (month: number) => Math.floor((month - 1) / 3) + 1;
export const monthsOfQuarter = (quarter: number) => [quarter * 3 - 2, quarter * 3 - 1, quarter * 3];

/** The first and last day of a quarter (ISO days). */
export function quarterDays(year: number, quarter: number): { from: string; to: string } {
  const first = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return { from: first, to: addDays(next, -1) };
}

export type PlanItem = { lineNo: number; courseType: TrainingCourseType; title: string; target: string; plannedHours: number; month: number };
export type HeldSession = { id: string; courseType: TrainingCourseType; title: string; heldOn: string; hours: number; attendees: number };
export type PlanLine = PlanItem & { held: { id: string; title: string; heldOn: string; hours: number; attendees: number }[]; heldHours: number; done: boolean };

/**
 * The quarter's plan-versus-actual: each planned item of a month in the quarter, with the sessions of its course type
 * held in the quarter (a session counts for the first item of its type it can fill, in month order); the sessions no
 * item took are listed as unplanned. An item is done when the hours held for it reach the planned hours.
 */
export function planVersusActual(items: readonly PlanItem[], sessions: readonly HeldSession[], quarter: number) {
  const months = monthsOfQuarter(quarter);
  const planned = items.filter((i) => months.includes(i.month)).sort((a, b) => a.month - b.month || a.lineNo - b.lineNo);
  const left = [...sessions].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const lines: PlanLine[] = planned.map((i) => ({ ...i, held: [], heldHours: 0, done: false }));
  for (const line of lines) {
    for (let k = 0; k < left.length && line.heldHours < line.plannedHours;) {
      const s = left[k]!;
      if (s.courseType !== line.courseType) { k++; continue; }
      line.held.push({ id: s.id, title: s.title, heldOn: s.heldOn, hours: s.hours, attendees: s.attendees });
      line.heldHours = round1(line.heldHours + s.hours);
      left.splice(k, 1);
    }
    line.done = line.heldHours >= line.plannedHours;
  }
  const plannedHours = round1(lines.reduce((s, l) => s + l.plannedHours, 0));
  const heldHours = round1(sessions.reduce((s, l) => s + l.hours, 0));
  return {
    lines, unplanned: left.map((s) => ({ id: s.id, courseType: s.courseType, title: s.title, heldOn: s.heldOn, hours: s.hours, attendees: s.attendees })),
    plannedItems: lines.length, doneItems: lines.filter((l) => l.done).length, plannedHours, heldHours,
    sessions: sessions.length, attendances: sessions.reduce((s, l) => s + l.attendees, 0),
  };
}
