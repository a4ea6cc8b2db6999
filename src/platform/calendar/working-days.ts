/**
 * Working-day arithmetic on China's official calendar (issue 11 §1): pure, no I/O, no clock. Days are local calendar
 * dates written YYYY-MM-DD (src/platform/time.ts), never instants.
 *
 * The rule: in a year whose calendar is loaded, a day is worked when it is an adjusted working weekend day (调休上班),
 * else when it is Monday to Friday and not a holiday. A year not loaded (its calendar is not published yet) counts
 * Monday to Friday only, and any date reached by counting through it is provisional: loading that year may move it.
 */

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
/** 'holiday': a day off (on a weekday it changes the count; on a weekend it only names the day); 'workday': a Saturday or Sunday worked instead. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export type CalendarDay = { day: string; kind: CalendarDayKind; name: string };

/** One process's view of the calendar: the days that differ from Monday–Friday, in the years that are loaded. */
export type WorkCalendar = {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  readonly years: ReadonlySet<number>;
};

/** The calendar of the loaded `years` from their days (days of other years are left out: those years count weekdays). */
export function workCalendar(years: Iterable<number>, days: Iterable<Pick<CalendarDay, 'day' | 'kind'>>): WorkCalendar {
  const loaded = new Set(years);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) {
    if (!loaded.has(yearOf(d.day))) continue;
    (d.kind === 'holiday' ? holidays : workdays).add(d.day);
  }
  return { holidays, workdays, years: loaded };
}

/** No year loaded: Monday to Friday, everything provisional. */
export const WEEKDAYS_ONLY: WorkCalendar = workCalendar([], []);

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date, or null (`2026-02-30` matches the pattern but is no date). */
function epochDayOrNull(day: string): number | null {
  const m = DATE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function epochDay(day: string): number {
  const e = epochDayOrNull(day);
  if (e === null) throw new RangeError(`not a calendar date: ${day}`);
  return e;
}

function dayOf(epoch: number): string {
  return new Date(epoch * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: string): number {
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function isYearLoaded(cal: WorkCalendar, year: number): boolean {
  return cal.years.has(year);
}

/** Whether people work on `day` under the official calendar (Monday to Friday in a year not loaded). */
export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  if (!cal.years.has(yearOf(day))) return !isWeekend(day);
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return !isWeekend(day);
}

/**
 * The `n`th working day after `startDay` ("within N working days"): counting starts the next day, whatever
 * `startDay` is, so a start on a holiday or a weekend is counted from like any other; n = 0 is `startDay` itself.
 * `provisional` is true when a day counted over lies in a year that is not loaded.
 */
export function addWorkingDays(cal: WorkCalendar, startDay: string, n: number): { day: string; provisional: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let e = epochDay(startDay);
  let left = n;
  let provisional = false;
  while (left > 0) {
    e += 1;
    const day = dayOf(e);
    if (!cal.years.has(yearOf(day))) provisional = true;
    if (isWorkingDay(cal, day)) left -= 1;
  }
  return { day: dayOf(e), provisional };
}

/**
 * The working days after `a` up to and including `b` (negative when `b` is before `a`), so that
 * `workingDaysBetween(cal, a, addWorkingDays(cal, a, n).day).days === n`: e.g. the working days a deadline is late.
 * `provisional` as for `addWorkingDays`.
 */
export function workingDaysBetween(cal: WorkCalendar, a: string, b: string): { days: number; provisional: boolean } {
  const from = epochDay(a);
  const to = epochDay(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  let provisional = false;
  for (let e = lo + 1; e <= hi; e++) {
    const day = dayOf(e);
    if (!cal.years.has(yearOf(day))) provisional = true;
    if (isWorkingDay(cal, day)) days += 1;
  }
  return { days: sign * days, provisional };
}

export type CalendarProblem = { index: number; problem: 'invalidDate' | 'outsideYear' | 'duplicate' | 'workdayNotWeekend' };

/**
 * What is wrong with one year's list of days before it replaces the stored year: every day a real date inside that
 * year, listed once, and an adjusted working day on a Saturday or Sunday (a holiday may fall on any day).
 */
export function calendarYearProblems(year: number, days: readonly Pick<CalendarDay, 'day' | 'kind'>[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  days.forEach((d, index) => {
    if (epochDayOrNull(d.day) === null) problems.push({ index, problem: 'invalidDate' });
    else if (yearOf(d.day) !== year) problems.push({ index, problem: 'outsideYear' });
    else if (seen.has(d.day)) problems.push({ index, problem: 'duplicate' });
    else if (d.kind === 'workday' && !isWeekend(d.day)) problems.push({ index, problem: 'workdayNotWeekend' });
    seen.add(d.day);
  });
  return problems;
}
