import { periodAt } from '../../../../../src/platform/periods';
import { addLocalDays, localDay } from '../../../../../src/platform/time';
import type { Cadence } from './obligations.api';

/*
 * Periods and days of the duties on the district's clock (UTC+8), with the very pure functions the server uses
 * (src/platform/periods.ts, period-labels.ts, time.ts): a monthly duty's period 2026-03 reads "2026年3月" and "today"
 * is China's today whatever the browser's zone.
 */
export { periodLabel } from '../../../../../src/platform/period-labels';

/** Today on the district's clock, YYYY-MM-DD. */
export function districtToday(now: Date = new Date()): string {
  return localDay(now);
}

export { addLocalDays };

/** The key of the period running now for a periodic cadence (2026-03, 2026-Q1, 2026-H1, 2026); none for an event. */
export function currentPeriodKey(cadence: Cadence, now: Date = new Date()): string | null {
  return cadence === 'event' ? null : periodAt(cadence, now).key;
}

/** Whole days from `from` to `to` (calendar dates): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first and last day of a month key (YYYY-MM). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month key `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month key (YYYY-MM) if `value` is one. */
export function isMonthKey(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
