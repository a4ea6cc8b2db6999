/*
 * The district's calendar, pure: no clock, no I/O. Every calendar date, month and year the platform computes — "today",
 * overdue deadlines, escalation days, hazard code years, statistics months, report periods, check periods — is the
 * district's local date, so a day turns over at local midnight, not at 08:00 in Kunming.
 */

/**
 * The district's offset from UTC in minutes: China Standard Time (UTC+8), which keeps no daylight saving, so one
 * constant describes every instant. A district elsewhere would change this constant and the offset written into
 * migrations/0009_local_time.sql (hazard_month_rows), nothing else.
 */
export const LOCAL_UTC_OFFSET_MINUTES = 480;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local wall-clock fields: the month counts from 0, as in Date. */
export type LocalFields = { y: number; m: number; d: number; h: number; min: number };

/** The local wall-clock fields of an instant. */
export function localFields(at: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): LocalFields {
  const d = new Date(at.getTime() + offsetMin * MINUTE_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** The instant of a local wall-clock time (month from 0); out-of-range fields roll over (day 32, month 12, hour 24…). */
export function localInstant(y: number, m: number, d = 1, h = 0, offsetMin = LOCAL_UTC_OFFSET_MINUTES): Date {
  return new Date(Date.UTC(y, m, d, h) - offsetMin * MINUTE_MS);
}

/** The local calendar date of an instant, YYYY-MM-DD: the platform's "today" of `ctx.now`. */
export function localDay(at: Date): string {
  const l = localFields(at);
  return `${pad(l.y, 4)}-${pad(l.m + 1)}-${pad(l.d)}`;
}

/** The local calendar year of an instant. */
export function localYear(at: Date): number {
  return localFields(at).y;
}

/** The local calendar month of an instant, YYYY-MM. */
export function localMonth(at: Date): string {
  const l = localFields(at);
  return `${pad(l.y, 4)}-${pad(l.m + 1)}`;
}

/** The local calendar month of an instant, 0 (January) to 11 (December). */
export function localMonthIndex(at: Date): number {
  return localFields(at).m;
}

/** The local time of an instant to the minute, YYYY-MM-DD HH:mm, as people on site write it. */
export function localDateTime(at: Date): string {
  const l = localFields(at);
  return `${localDay(at)} ${pad(l.h)}:${pad(l.min)}`;
}

/** A calendar date (YYYY-MM-DD) moved by `n` days; pure calendar arithmetic, no instant involved. */
export function addLocalDays(day: string, n: number): string {
  return new Date(Date.parse(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A calendar date (YYYY-MM-DD) moved by `n` months, clamped to the end of a shorter month: 31 August + 6 months is
 * 28 February (29 in a leap year), never 3 March. Pure calendar arithmetic, no instant involved.
 */
export function addLocalMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const i = y * 12 + (m - 1) + n;
  const year = Math.floor(i / 12);
  const month = i - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** The first instant of a local calendar date (YYYY-MM-DD): local midnight. */
export function startOfLocalDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localInstant(y, m - 1, d);
}

/** The first instant of a local calendar month (month 1–12; 13 rolls over to January of the next year). */
export function startOfLocalMonth(year: number, month: number): Date {
  return localInstant(year, month - 1, 1);
}

/** The first instant of a local calendar year: 00:00 on 1 January, local time. */
export function startOfLocalYear(year: number): Date {
  return localInstant(year, 0, 1);
}

/**
 * The offset as a PostgreSQL interval literal, for `ts at time zone ${LOCAL_OFFSET_SQL}` (a timestamptz to local
 * wall-clock time). It must be an interval: the text '+08' is read as a POSIX zone, where the sign is the other way
 * round (UTC−8).
 */
export function offsetIntervalSql(offsetMin = LOCAL_UTC_OFFSET_MINUTES): string {
  const abs = Math.abs(offsetMin);
  return `interval '${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}'`;
}

export const LOCAL_OFFSET_SQL = offsetIntervalSql();
