import { periodAt, periodDays, periodOfDay, type Period } from '../periods';
import { addLocalDays, localDay } from '../time';
import type { ObligationApplies, ObligationParams, OccurrenceStatus, PeriodicCadence } from './obligation.definition';

/**
 * The obligations engine's rules, pure (issue 11 §1): which period a moment counts for, when an occurrence is due,
 * what its status is on a given day, whether an enterprise owes a definition, and the fulfilment rate.
 */

export type OccurrenceWindow = { periodKey: string; startsOn: string; dueOn: string };

/** The due day of a periodic duty for the period: its last day plus the grace days, or the yearly fixed day. */
export function periodicWindow(cadence: PeriodicCadence, period: Period): OccurrenceWindow {
  const { firstDay, lastDay } = periodDays(period);
  if (cadence.kind === 'yearly' && cadence.dueMonthDay) {
    return { periodKey: period.key, startsOn: firstDay, dueOn: `${firstDay.slice(0, 4)}-${cadence.dueMonthDay}` };
  }
  return { periodKey: period.key, startsOn: firstDay, dueOn: addLocalDays(lastDay, cadence.graceDays) };
}

/** The window of the period a moment counts for (R-RESP-5: a record on 31 March 23:30 China time counts for Q1). */
export function windowAt(cadence: PeriodicCadence, at: Date): OccurrenceWindow {
  return periodicWindow(cadence, periodAt(cadence.kind, at));
}

/** The window of the period holding a local day. */
export function windowOfDay(cadence: PeriodicCadence, day: string): OccurrenceWindow {
  return periodicWindow(cadence, periodOfDay(cadence.kind, day));
}

/** Every window of a periodic cadence whose period starts in `year` (the windows of the first days of its months). */
export function windowsOfYear(cadence: PeriodicCadence, year: number): OccurrenceWindow[] {
  const out = new Map<string, OccurrenceWindow>();
  for (let m = 1; m <= 12; m++) {
    const w = windowOfDay(cadence, `${year}-${String(m).padStart(2, '0')}-01`);
    out.set(w.periodKey, w);
  }
  return [...out.values()];
}

/**
 * The windows the job keeps materialised on `today`: the current period and the next one (created ahead as
 * `upcoming`, so reminders can lead the period and people see what is coming).
 */
export function windowsToMaterialise(cadence: PeriodicCadence, today: string): OccurrenceWindow[] {
  const current = windowOfDay(cadence, today);
  const next = windowOfDay(cadence, addLocalDays(periodLastDay(cadence, today), 1));
  return [current, next];
}

function periodLastDay(cadence: PeriodicCadence, day: string): string {
  return periodDays(periodOfDay(cadence.kind, day)).lastDay;
}

/**
 * Never retroactively: an enterprise owes the periods that start on or after the later of the definition's effective
 * date and its onboarding date.
 */
export function owesWindow(window: OccurrenceWindow, effectiveFrom: string, onboardedOn: string | null): boolean {
  const from = onboardedOn && onboardedOn > effectiveFrom ? onboardedOn : effectiveFrom;
  return window.startsOn >= from;
}

/** The status an open occurrence has on `today` (upcoming before its period, due in it, overdue after its due day). */
export function openStatusOn(startsOn: string, dueOn: string, today: string): 'upcoming' | 'due' | 'overdue' {
  if (today < startsOn) return 'upcoming';
  return today > dueOn ? 'overdue' : 'due';
}

/** Fulfilled on time when recorded on or before its due day, else late. */
export function fulfilledStatus(dueOn: string, at: Date): 'fulfilled' | 'late_fulfilled' {
  return localDay(at) <= dueOn ? 'fulfilled' : 'late_fulfilled';
}

export const OPEN_STATUSES = ['upcoming', 'due', 'overdue'] as const satisfies readonly OccurrenceStatus[];

export type EnterpriseFacts = {
  industryCategories: readonly string[];
  keyIndustry: boolean;
  stateOwned: boolean;
  highRisk: boolean;
  hasWorkersCongress: boolean;
  hazardousGoodsCarrier: boolean;
  crowdedVenue: boolean;
  centralProvincial: boolean;
  aboveScale: boolean;
  sizeClass: 'large' | 'medium' | 'small' | 'micro';
};

/**
 * Whether an enterprise owes a definition: every condition given holds (and, with `anyOf` or `anyOfCategories`, at
 * least one of its flags or categories).
 */
export function applies(a: ObligationApplies, e: EnterpriseFacts): boolean {
  if (a.industryCategories?.length && !a.industryCategories.some((c) => e.industryCategories.includes(c))) return false;
  if (a.keyIndustry !== undefined && a.keyIndustry !== e.keyIndustry) return false;
  if (a.stateOwned !== undefined && a.stateOwned !== e.stateOwned) return false;
  if (a.highRisk !== undefined && a.highRisk !== e.highRisk) return false;
  if (a.hasWorkersCongress !== undefined && a.hasWorkersCongress !== e.hasWorkersCongress) return false;
  if (a.hazardousGoodsCarrier !== undefined && a.hazardousGoodsCarrier !== e.hazardousGoodsCarrier) return false;
  if (a.sizeClasses?.length && !a.sizeClasses.includes(e.sizeClass)) return false;
  if ((a.anyOf?.length || a.anyOfCategories?.length)
    && !(a.anyOf ?? []).some((flag) => e[flag]) && !(a.anyOfCategories ?? []).some((c) => e.industryCategories.includes(c))) return false;
  return true;
}

/** Whether a definition's conditions need the derived size class (computed in code, not in SQL). */
export function needsSizeClass(params: ObligationParams): boolean {
  return (params.applies.sizeClasses?.length ?? 0) > 0;
}

export type Rate = { due: number; fulfilled: number; onTime: number; late: number; overdue: number; waived: number; rate: number | null; onTimeRate: number | null };

/**
 * 履职率 (R-RESP-5) = fulfilled ÷ due, on time and late counted apart. "Due" is every occurrence whose due day has come
 * (fulfilled, late, overdue, or fulfilled ahead of its day); waived ones leave the denominator and are listed beside it.
 */
export function rateOf(counts: Partial<Record<OccurrenceStatus, number>>): Rate {
  const onTime = counts.fulfilled ?? 0;
  const late = counts.late_fulfilled ?? 0;
  const overdue = counts.overdue ?? 0;
  const due = onTime + late + overdue;
  return {
    due, fulfilled: onTime + late, onTime, late, overdue, waived: counts.waived ?? 0,
    rate: due ? (onTime + late) / due : null, onTimeRate: due ? onTime / due : null,
  };
}
