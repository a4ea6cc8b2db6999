import { periodDays, periodOfDay, periodOfKey, previousPeriod, type Period } from '../../../platform/periods';
import { startOfLocalMonth } from '../../../platform/time';

/**
 * Periods, months and rates for hidden-hazard statistics (R-HAZ-7) and the double report (R-HAZ-5), without I/O.
 * Months and days are the district's local calendar months and days (platform/time.ts), like every "today" on the
 * platform (`todayOf`): a month runs from local midnight on its first day.
 */

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The longest period a dashboard sums over, in months. */
export const MAX_PERIOD_MONTHS = 60;
/** Months in the trend chart. */
export const TREND_MONTHS = 12;

export type Month = { year: number; month: number };

export function parseMonth(key: string): Month | null {
  if (!MONTH.test(key)) return null;
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

export function monthKey(m: Month): string {
  return `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;
}

export function addMonths(m: Month, n: number): Month {
  const i = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export function monthIndex(m: Month): number {
  return m.year * 12 + (m.month - 1);
}

/** The first instant of the month: local midnight on its first day. */
export function monthStart(m: Month): Date {
  return startOfLocalMonth(m.year, m.month);
}

export function monthOfDay(day: string): Month {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthKey({ year: Math.floor(i / 12), month: (i % 12) + 1 }));
  return out;
}

/**
 * A statistics period of whole months: [start, end) as instants, with the months of the trend (the twelve months
 * ending with the period's last month). Without `from` and `to`, the twelve months ending with the current one.
 */
export type StatsPeriod = { from: string; to: string; start: Date; end: Date; trend: string[]; trendStart: Date };

export function statsPeriod(q: { from?: string; to?: string }, today: string): StatsPeriod | null {
  const current = monthOfDay(today);
  const to = q.to ? parseMonth(q.to) : q.from ? addMonths(parseMonth(q.from) ?? current, TREND_MONTHS - 1) : current;
  const from = q.from ? parseMonth(q.from) : to ? addMonths(to, -(TREND_MONTHS - 1)) : null;
  if (!from || !to) return null;
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1 || span > MAX_PERIOD_MONTHS) return null;
  const trendFrom = addMonths(to, -(TREND_MONTHS - 1));
  return {
    from: monthKey(from), to: monthKey(to), start: monthStart(from), end: monthStart(addMonths(to, 1)),
    trend: monthsBetween(trendFrom, to), trendStart: monthStart(trendFrom),
  };
}

export type Rate = { numerator: number; denominator: number; rate: number | null };

/** A share, rounded to four places; no denominator, no rate (not 0 %, not 100 %). */
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null };
}

/** The trend's months in order, each with its figures or zeros. */
export function fillTrend(months: string[], rows: { month: string; found: number; closed: number }[]): { month: string; found: number; closed: number }[] {
  const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), r]));
  return months.map((m) => ({ month: m, found: byMonth.get(m)?.found ?? 0, closed: byMonth.get(m)?.closed ?? 0 }));
}

/** Every key of `keys` once, in that order, with its count or 0; counts under other keys are dropped. */
export function buckets<K extends string>(keys: readonly K[], rows: { key: string | null; count: number }[], nullKey?: K): { key: K; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = r.key ?? nullKey;
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + r.count);
  }
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

// ---- double-report periods (R-HAZ-5) ----

export const REPORT_PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type ReportPeriodType = (typeof REPORT_PERIOD_TYPES)[number];

/** A report period: its first day, and the first day after it (so the period is [start, end)). */
export type ReportPeriod = { type: ReportPeriodType; key: string; start: Date; end: Date; firstDay: string; lastDay: string };

const CYCLE_OF: Record<ReportPeriodType, 'monthly' | 'quarterly' | 'yearly'> = { month: 'monthly', quarter: 'quarterly', year: 'yearly' };

function reportPeriod(type: ReportPeriodType, p: Period): ReportPeriod {
  return { type, key: p.key, start: p.startsAt, end: p.dueAt, ...periodDays(p) };
}

export function parseReportPeriod(type: ReportPeriodType, key: string): ReportPeriod | null {
  const year = Number(key.slice(0, 4));
  if (!(year >= 2000 && year <= 2999)) return null;
  const p = periodOfKey(CYCLE_OF[type], key);
  return p ? reportPeriod(type, p) : null;
}

export function periodKeyValid(type: ReportPeriodType, key: string): boolean {
  return parseReportPeriod(type, key) !== null;
}

/** The last period of the type that has ended by `today`: what an enterprise reports now. */
export function lastEndedPeriod(type: ReportPeriodType, today: string): ReportPeriod {
  const current = periodOfDay(CYCLE_OF[type], today);
  return reportPeriod(type, previousPeriod(CYCLE_OF[type], current.startsAt));
}

export const periodStarted = (p: ReportPeriod, today: string) => today >= p.firstDay;
export const periodEnded = (p: ReportPeriod, today: string) => today > p.lastDay;
