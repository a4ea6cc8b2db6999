import { sql } from 'kysely';
import type { Executor, Tx } from '../db/database';
import type { CalendarDay } from './working-days';

// The official calendar is national: one table for every district and enterprise, so its reads take no scope.

export type CalendarYearRow = {
  year: number; source: string; loadedAt: Date; loadedBy: string | null; holidays: number; workdays: number;
};

const firstDay = (year: number) => `${year}-01-01`;
const lastDay = (year: number) => `${year}-12-31`;

/** Saves and loads of the calendar queue here, one at a time (they are rare, and a load reads the years first). */
export async function lockWorkCalendar(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('work_calendar'))`.execute(tx);
}

/** The loaded years within [fromYear, toYear], oldest first. */
export async function loadedYears(db: Executor, fromYear: number, toYear: number): Promise<number[]> {
  const rows = await db.selectFrom('work_calendar_years').select('year').where('year', '>=', fromYear).where('year', '<=', toYear).orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** The days within [fromYear, toYear] that differ from Monday–Friday. */
export async function calendarDays(db: Executor, fromYear: number, toYear: number): Promise<CalendarDay[]> {
  return db.selectFrom('work_calendar_days').select(['day', 'kind', 'name'])
    .where('day', '>=', firstDay(fromYear)).where('day', '<=', lastDay(toYear)).orderBy('day').execute();
}

/** Every loaded year with who loaded it and how many days of each kind it has, newest first. */
export async function calendarYears(db: Executor): Promise<CalendarYearRow[]> {
  const rows = await db.selectFrom('work_calendar_years as y').leftJoin('users as u', 'u.id', 'y.loaded_by')
    .leftJoin('work_calendar_days as d', (join) => join.on(sql<boolean>`d.day between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)`))
    .select([
      'y.year', 'y.source', 'y.loaded_at', 'u.display_name',
      sql<number>`count(d.day) filter (where d.kind = 'holiday')::int`.as('holidays'),
      sql<number>`count(d.day) filter (where d.kind = 'workday')::int`.as('workdays'),
    ])
    .groupBy(['y.year', 'y.source', 'y.loaded_at', 'u.display_name'])
    .orderBy('y.year', 'desc').execute();
  return rows.map((r) => ({
    year: r.year, source: r.source, loadedAt: r.loaded_at, loadedBy: r.display_name ?? null, holidays: r.holidays, workdays: r.workdays,
  }));
}

/** One year's record, or undefined when the year is not loaded. */
export async function calendarYear(db: Executor, year: number): Promise<Omit<CalendarYearRow, 'holidays' | 'workdays'> | undefined> {
  const row = await db.selectFrom('work_calendar_years as y').leftJoin('users as u', 'u.id', 'y.loaded_by')
    .select(['y.year', 'y.source', 'y.loaded_at', 'u.display_name']).where('y.year', '=', year).executeTakeFirst();
  return row && { year: row.year, source: row.source, loadedAt: row.loaded_at, loadedBy: row.display_name ?? null };
}

/** Replaces one year's days and marks it loaded; the caller holds `lockWorkCalendar`. */
export async function replaceCalendarYear(
  tx: Tx, year: number, days: readonly CalendarDay[], load: { source: string; loadedAt: Date; loadedBy: string | null },
): Promise<void> {
  await tx.deleteFrom('work_calendar_days').where('day', '>=', firstDay(year)).where('day', '<=', lastDay(year)).execute();
  if (days.length) await tx.insertInto('work_calendar_days').values(days.map((d) => ({ day: d.day, kind: d.kind, name: d.name }))).execute();
  await tx.insertInto('work_calendar_years').values({ year, source: load.source, loaded_at: load.loadedAt, loaded_by: load.loadedBy })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: load.source, loaded_at: load.loadedAt, loaded_by: load.loadedBy }))
    .execute();
}

/**
 * Loads years not loaded before, in two statements whatever their number (the start of every platform may run it);
 * the caller holds `lockWorkCalendar` and has checked that none of `years` is loaded.
 */
export async function insertCalendarYears(
  tx: Tx, years: readonly number[], days: readonly CalendarDay[], load: { source: string; loadedAt: Date },
): Promise<void> {
  if (!years.length) return;
  if (days.length) await tx.insertInto('work_calendar_days').values(days.map((d) => ({ day: d.day, kind: d.kind, name: d.name }))).execute();
  await tx.insertInto('work_calendar_years').values(years.map((year) => ({ year, source: load.source, loaded_at: load.loadedAt, loaded_by: null }))).execute();
}
