import { addLocalDays, addLocalMonths } from '../../../platform/time';

/*
 * Issue 12 §5, pure rules of the equipment register: when a special equipment's next periodic inspection falls due,
 * what state its inspection is in on a day, and the exact decimal of an investment. No I/O: the service, the daily job,
 * the regulators' list and the web read the same answers.
 */

/** The special equipment types of 特种设备目录 that the register tracks (rule-set `equipment`, one interval each). */
export const SPECIAL_TYPES = ['boiler', 'pressure_vessel', 'lift', 'crane', 'field_vehicle', 'pressure_piping'] as const;
export type SpecialType = (typeof SPECIAL_TYPES)[number];

/** The next periodic inspection: the inspection day plus the type's interval in months (end-of-month clamped). */
export function nextInspectionDue(inspectedOn: string, intervalMonths: number): string {
  return addLocalMonths(inspectedOn, intervalMonths);
}

export const INSPECTION_STATES = ['none', 'ok', 'due_soon', 'overdue'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/**
 * A special equipment's inspection on `today`: `overdue` from the day after the due day (the due day itself is still
 * in time), `due_soon` within `soonDays` before it, else `ok`; `none` when no due day is recorded (not special, or
 * never inspected).
 */
export function inspectionState(nextDue: string | null, today: string, soonDays: number): InspectionState {
  if (!nextDue) return 'none';
  if (today > nextDue) return 'overdue';
  return addLocalDays(today, soonDays) >= nextDue ? 'due_soon' : 'ok';
}

/** Days past the due day (0 while in time). */
export function daysOverdue(nextDue: string | null, today: string): number {
  if (!nextDue || today <= nextDue) return 0;
  return Math.round((Date.parse(today) - Date.parse(nextDue)) / 86_400_000);
}

/** A yuan amount as exact decimal text: up to 12 integer digits and 2 decimals, no sign, no exponent. */
export const DECIMAL_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Normalises a decimal to two places as text, without passing through a float ("12" → "12.00", "3.5" → "3.50"). */
export function decimal2(v: string): string {
  const [i = '0', f = ''] = v.split('.');
  return `${i}.${f.padEnd(2, '0')}`;
}

/** Exact sum of decimal amounts (two places) through integer cents, as text. */
export function sumDecimal(values: readonly string[]): string {
  let cents = 0n;
  for (const v of values) {
    const [i = '0', f = ''] = decimal2(v).split('.');
    cents += BigInt(i) * 100n + BigInt(f);
  }
  const whole = cents / 100n;
  const rest = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${rest}`;
}
