import { LOCAL_UTC_OFFSET_MINUTES, localFields, localInstant } from './time';

/**
 * Calendar periods on the district's clock (China Standard Time, platform/time.ts), pure: no clock, no I/O. Every
 * module that counts by period — check cycles (R-HAZ-1), double reports (R-HAZ-5), statistics, and the duties that
 * come due monthly, quarterly, half-yearly or yearly — names its periods with these keys:
 *
 *   daily 2026-12-01 · weekly 2026-W49 (ISO week) · monthly 2026-12 · quarterly 2026-Q4 · half_yearly 2026-H2 · yearly 2026
 *
 * A period runs from `startsAt` (inclusive) to `dueAt` (exclusive). The offset is a parameter so the rules can be
 * tested at any offset.
 */
export const PERIOD_CYCLES = ['daily', 'weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type PeriodCycle = (typeof PERIOD_CYCLES)[number];

export type Period = { key: string; startsAt: Date; dueAt: Date };

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The key of a calendar date given by (possibly overflowing) fields: day 0 is the last day of the month before. */
export function dayKey(y: number, m: number, d: number): string {
  const x = new Date(Date.UTC(y, m, d));
  return `${pad(x.getUTCFullYear(), 4)}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
}

/** ISO 8601 week: weeks start on Monday; week 1 is the one holding the year's first Thursday. */
export function isoWeek(y: number, m: number, d: number): { year: number; week: number; monday: { y: number; m: number; d: number } } {
  const date = new Date(Date.UTC(y, m, d));
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  const monday = new Date(date.getTime() - (weekday - 1) * DAY_MS);
  return { year, week, monday: { y: monday.getUTCFullYear(), m: monday.getUTCMonth(), d: monday.getUTCDate() } };
}

/** The period of `cycle` that contains the instant `at`. */
export function periodAt(cycle: PeriodCycle, at: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Period {
  const { y, m, d } = localFields(at, offsetMin);
  const months = (first: number, n: number, key: string): Period =>
    ({ key, startsAt: localInstant(y, first, 1, 0, offsetMin), dueAt: localInstant(y, first + n, 1, 0, offsetMin) });
  switch (cycle) {
    case 'daily':
      return { key: dayKey(y, m, d), startsAt: localInstant(y, m, d, 0, offsetMin), dueAt: localInstant(y, m, d + 1, 0, offsetMin) };
    case 'weekly': {
      const w = isoWeek(y, m, d);
      const startsAt = localInstant(w.monday.y, w.monday.m, w.monday.d, 0, offsetMin);
      return { key: `${w.year}-W${pad(w.week)}`, startsAt, dueAt: localInstant(w.monday.y, w.monday.m, w.monday.d + 7, 0, offsetMin) };
    }
    case 'monthly': return months(m, 1, `${y}-${pad(m + 1)}`);
    case 'quarterly': return months(Math.floor(m / 3) * 3, 3, `${y}-Q${Math.floor(m / 3) + 1}`);
    case 'half_yearly': return months(m < 6 ? 0 : 6, 6, `${y}-H${m < 6 ? 1 : 2}`);
    case 'yearly': return months(0, 12, String(y));
  }
}

const KEY_PATTERN: Record<PeriodCycle, RegExp> = {
  daily: /^(\d{4})-(\d{2})-(\d{2})$/,
  weekly: /^(\d{4})-W(\d{2})$/,
  monthly: /^(\d{4})-(\d{2})$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  half_yearly: /^(\d{4})-H([12])$/,
  yearly: /^(\d{4})$/,
};

/** The period a key names (the inverse of `periodAt`), or null for a malformed key (2026-02-30, week 54, 2026-13…). */
export function periodOfKey(cycle: PeriodCycle, key: string, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Period | null {
  const hit = KEY_PATTERN[cycle].exec(key);
  if (!hit) return null;
  const n = hit.slice(1).map(Number);
  const probe = (() => {
    switch (cycle) {
      case 'daily': return localInstant(n[0]!, n[1]! - 1, n[2]!, 0, offsetMin);
      case 'weekly': {
        // The Monday of ISO week 1 is the Monday on or before 4 January.
        const jan4 = new Date(Date.UTC(n[0]!, 0, 4));
        const weekday = jan4.getUTCDay() || 7;
        return localInstant(n[0]!, 0, 4 - (weekday - 1) + (n[1]! - 1) * 7, 0, offsetMin);
      }
      case 'monthly': return localInstant(n[0]!, n[1]! - 1, 1, 0, offsetMin);
      case 'quarterly': return localInstant(n[0]!, (n[1]! - 1) * 3, 1, 0, offsetMin);
      case 'half_yearly': return localInstant(n[0]!, (n[1]! - 1) * 6, 1, 0, offsetMin);
      case 'yearly': return localInstant(n[0]!, 0, 1, 0, offsetMin);
    }
  })();
  const period = periodAt(cycle, probe, offsetMin);
  return period.key === key ? period : null;
}

/** The cycle a key belongs to, read from its shape. */
export function cycleOfKey(key: string): PeriodCycle | null {
  return PERIOD_CYCLES.find((c) => KEY_PATTERN[c].test(key)) ?? null;
}

/** The period just before the one that contains `at`: what is reported, or missed, once it has ended. */
export function previousPeriod(cycle: PeriodCycle, at: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Period {
  return periodAt(cycle, new Date(periodAt(cycle, at, offsetMin).startsAt.getTime() - 1), offsetMin);
}

/** The local calendar dates of a period's first and last day (YYYY-MM-DD). */
export function periodDays(p: Period, offsetMin = LOCAL_UTC_OFFSET_MINUTES): { firstDay: string; lastDay: string } {
  const first = localFields(p.startsAt, offsetMin);
  const last = localFields(new Date(p.dueAt.getTime() - 1), offsetMin);
  return { firstDay: dayKey(first.y, first.m, first.d), lastDay: dayKey(last.y, last.m, last.d) };
}

/** The period of `cycle` that contains the local calendar date `day` (YYYY-MM-DD). */
export function periodOfDay(cycle: PeriodCycle, day: string, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Period {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return periodAt(cycle, localInstant(y, m - 1, d, 12, offsetMin), offsetMin);
}
