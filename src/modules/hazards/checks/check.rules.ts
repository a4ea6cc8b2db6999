import type { CheckCycle } from '../../../platform/db/schema';
import { cycleOfKey as calendarCycleOfKey, dayKey, periodAt as calendarPeriodAt, periodOfKey as calendarPeriodOfKey, type Period } from '../../../platform/periods';
import { LOCAL_UTC_OFFSET_MINUTES, localFields, localInstant } from '../../../platform/time';

/**
 * Check periods (R-HAZ-1 frequencies), pure: no clock, no I/O. Periods follow the district's wall clock
 * (platform/time.ts: China Standard Time, UTC+8) [cfg], so a "daily" check ends at local midnight, not at 08:00.
 * The offset is a parameter so the rules can be tested at any offset.
 *
 * Keys: 2026-12-01 (day), 2026-12-01#A/#B/#C (shifts of that production day), 2026-W49 (ISO week),
 * 2026-12 (month), 2026-Q4 (quarter), 2026 (year). A period runs from `startsAt` (inclusive) to `dueAt` (exclusive):
 * a task still open at `dueAt` is missed.
 */
export const CHECK_CYCLES = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const satisfies readonly CheckCycle[];

/**
 * Three eight-hour shifts; the production day starts with the morning shift, by default at 08:00 [cfg: the rule-set
 * `check-cycles`, `shiftDayStartHour`], so the night shift of 2026-12-01 (#C) runs from 00:00 to 08:00 on 2 December,
 * as people on site say it. Shift A starts at the day's start hour, B eight hours later, C sixteen.
 */
export const SHIFT_CODES = ['A', 'B', 'C'] as const;
export const SHIFT_HOURS = 8;
export const DEFAULT_DAY_START_HOUR = 8;

/** The shifts of a production day starting at `dayStartHour`, their start hours counted from that day's midnight. */
export function shiftsOf(dayStartHour = DEFAULT_DAY_START_HOUR) {
  return SHIFT_CODES.map((code, i) => ({ code, startHour: dayStartHour + i * SHIFT_HOURS }));
}

const HOUR_MS = 3_600_000;

/**
 * How long before the due time the assignee is reminded of an open task, by default [cfg]; a district's rule-set
 * `check-cycles` (check.rule-sets.ts) may change it.
 */
export const DEFAULT_REMIND_BEFORE_HOURS: Record<CheckCycle, number> = {
  shift: 1,
  daily: 3,
  weekly: 24,
  monthly: 3 * 24,
  quarterly: 7 * 24,
  yearly: 15 * 24,
};

export type { Period } from '../../../platform/periods';

/**
 * The period of `cycle` that contains the instant `at`; shifts are the checks' own (their production day starting at
 * `dayStartHour`), the rest the platform's periods.
 */
export function periodAt(cycle: CheckCycle, at: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES, dayStartHour = DEFAULT_DAY_START_HOUR): Period {
  if (cycle !== 'shift') return calendarPeriodAt(cycle, at, offsetMin);
  const { y, m, d, h } = localFields(at, offsetMin);
  // Before the day's start hour the night shift of the previous production day is on.
  const day = h < dayStartHour ? d - 1 : d;
  const hourOfDay = h < dayStartHour ? h + 24 : h;
  const shift = [...shiftsOf(dayStartHour)].reverse().find((s) => hourOfDay >= s.startHour)!;
  const startsAt = localInstant(y, m, day, shift.startHour, offsetMin);
  return { key: `${dayKey(y, m, day)}#${shift.code}`, startsAt, dueAt: new Date(startsAt.getTime() + SHIFT_HOURS * HOUR_MS) };
}

const SHIFT_KEY = /^(\d{4})-(\d{2})-(\d{2})#([ABC])$/;

/** The period a stored key names (the inverse of `periodAt`), or null for a malformed key. */
export function periodOfKey(cycle: CheckCycle, key: string, offsetMin = LOCAL_UTC_OFFSET_MINUTES, dayStartHour = DEFAULT_DAY_START_HOUR): Period | null {
  if (cycle !== 'shift') return calendarPeriodOfKey(cycle, key, offsetMin);
  const hit = SHIFT_KEY.exec(key);
  if (!hit) return null;
  const n = hit.slice(1, 4).map(Number);
  const shift = shiftsOf(dayStartHour).find((s) => s.code === hit[4])!;
  const period = periodAt('shift', localInstant(n[0]!, n[1]! - 1, n[2]!, shift.startHour, offsetMin), offsetMin, dayStartHour);
  // Rejects keys that do not round-trip: 2026-02-30#A…
  return period.key === key ? period : null;
}

/** The cycle a key belongs to, read from its shape (tasks keep their key when a plan's cycle changes later). */
export function cycleOfKey(key: string): CheckCycle | null {
  if (SHIFT_KEY.test(key)) return 'shift';
  const cycle = calendarCycleOfKey(key);
  return cycle && (CHECK_CYCLES as readonly string[]).includes(cycle) ? cycle as CheckCycle : null;
}

/** Every period key, of any cycle, that belongs to the local date `date` (YYYY-MM-DD): the tasks "of that day". */
export function periodKeysOfDate(date: string, offsetMin = LOCAL_UTC_OFFSET_MINUTES): string[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const noon = localInstant(y, m - 1, d, 12, offsetMin);
  const day = periodAt('daily', noon, offsetMin).key;
  return [
    day, ...SHIFT_CODES.map((c) => `${day}#${c}`),
    periodAt('weekly', noon, offsetMin).key, periodAt('monthly', noon, offsetMin).key,
    periodAt('quarterly', noon, offsetMin).key, periodAt('yearly', noon, offsetMin).key,
  ];
}

/** When the assignee of an open task is reminded. */
export function remindAt(cycle: CheckCycle, dueAt: Date, remindBeforeHours: Record<CheckCycle, number> = DEFAULT_REMIND_BEFORE_HOURS): Date {
  return new Date(dueAt.getTime() - remindBeforeHours[cycle] * HOUR_MS);
}

/** The first instant of a local calendar period, for "this month" / "this year" rankings. */
export function startOfLocal(unit: 'month' | 'year', at: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Date {
  return periodAt(unit === 'month' ? 'monthly' : 'yearly', at, offsetMin).startsAt;
}

/** The most a hazard title holds (hazard.schema.ts). */
const TITLE_MAX = 200;

/**
 * The title of the hazard a failed check item opens: what is wrong, not the passing criterion — the checker's note,
 * else "不合格：" and the item. Cut at the title's length with an ellipsis, on a character boundary.
 */
export function failedItemTitle(content: string, note: string | null | undefined): string {
  const text = note?.trim() ? note.trim() : `不合格：${content.trim()}`;
  const chars = [...text];
  return chars.length <= TITLE_MAX ? text : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}
