import { addLocalDays } from '../../../platform/time';

/*
 * Key moments and mentoring (issue 11 §9, R-RESP-6, R-RESP-9), pure: no clock, no I/O. Days are local calendar dates
 * (YYYY-MM-DD), compared as text.
 */

export type CalendarEntry = { day: string; kind: 'holiday' | 'workday'; name: string };
export type HolidayPeriod = { name: string; startsOn: string; endsOn: string };

/**
 * The statutory holiday periods of the official calendar: runs of consecutive holiday days with the same name (国庆节
 * 1–7 October 2026 is one period, 中秋 25–27 September another). Days are read in date order whatever order they come in.
 */
export function holidayPeriods(days: readonly CalendarEntry[]): HolidayPeriod[] {
  const holidays = days.filter((d) => d.kind === 'holiday').slice().sort((a, b) => a.day.localeCompare(b.day));
  const out: HolidayPeriod[] = [];
  for (const d of holidays) {
    const last = out.at(-1);
    if (last && last.name === d.name && addLocalDays(last.endsOn, 1) === d.day) last.endsOn = d.day;
    else out.push({ name: d.name, startsOn: d.day, endsOn: d.day });
  }
  return out;
}

/** Every day of a moment, first to last. */
export function momentDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = startsOn; d <= endsOn; d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** Days from `from` to `to`, both counted (a shutdown of 1–7 October lasts 7 days). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

export const DAY_STATUSES = ['done', 'missing', 'today', 'upcoming'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/** A moment's day on `today`: checked in (done), past without a check-in (missing, flagged), today still open, or to come. */
export function dayStatus(day: string, today: string, checkedIn: boolean): DayStatus {
  if (checkedIn) return 'done';
  if (day < today) return 'missing';
  return day === today ? 'today' : 'upcoming';
}

export const MOMENT_STATES = ['upcoming', 'ongoing', 'ended'] as const;
export type MomentState = (typeof MOMENT_STATES)[number];

export function momentState(startsOn: string, endsOn: string, today: string): MomentState {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'ended' : 'ongoing';
}

/**
 * A declared resumption (R-RESP-6 [cfg]): the shutdown must have lasted at least `shutdownDays` days; the moment is the
 * `resumptionDays` days from the day after it. Returns the moment's days, or the refusal.
 */
export function resumptionAfter(shutdownFrom: string, shutdownTo: string, rules: { shutdownDays: number; resumptionDays: number }):
  { ok: true; startsOn: string; endsOn: string } | { ok: false; reason: 'order' | 'tooShort' } {
  if (shutdownTo < shutdownFrom) return { ok: false, reason: 'order' };
  if (daysInclusive(shutdownFrom, shutdownTo) < rules.shutdownDays) return { ok: false, reason: 'tooShort' };
  const startsOn = addLocalDays(shutdownTo, 1);
  return { ok: true, startsOn, endsOn: addLocalDays(startsOn, rules.resumptionDays - 1) };
}

/**
 * R-RESP-9 [cfg]: a new hire without a mentor, `daysSinceHire` days after the hire date, is flagged once more than
 * `noticeDays` have passed (the mentoring duty falls due on the day the notice ends).
 */
export function mentorFlag(hireDate: string, today: string, noticeDays: number): { daysSinceHire: number; dueOn: string; overdue: boolean } {
  const dueOn = addLocalDays(hireDate, noticeDays);
  return { daysSinceHire: daysInclusive(hireDate, today) - 1, dueOn, overdue: today > dueOn };
}
