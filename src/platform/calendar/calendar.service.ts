import { requireActor, type Ctx } from '../auth/actor';
import { txListeners, type TxListener } from '../tx-listeners';
import { writeAudit } from '../audit/audit';
import type { Db, Executor, Tx } from '../db/database';
import { AppError, forbidden, type FieldIssue } from '../errors';
import {
  calendarDays, calendarYear, calendarYears, insertCalendarYears, loadedYears, lockWorkCalendar, replaceCalendarYear,
} from './calendar.repository';
import { PACKAGED_SOURCE, PACKAGED_YEARS, packagedCalendarYear } from './official-calendar';
import { addWorkingDays, calendarYearProblems, workCalendar, yearOf, type CalendarDay, type WorkCalendar } from './working-days';

// ---- reading the calendar ----

/**
 * The calendar of the years [fromYear, toYear], read from the database each time (a few dozen rows a year, no cache:
 * a save is seen at once by every process). Years outside the range read as not loaded, so ask for every year the
 * arithmetic may reach, or use `workingDaysAfter`.
 */
export async function loadWorkCalendar(db: Executor, fromYear: number, toYear: number): Promise<WorkCalendar> {
  const [years, days] = await Promise.all([loadedYears(db, fromYear, toYear), calendarDays(db, fromYear, toYear)]);
  return workCalendar(years, days);
}

/**
 * The `n`th working day after `startDay` on the stored calendar (see `addWorkingDays`), reading the years it can
 * reach: 200 working days never span more than 300 calendar days, so one year more per 200 covers any start.
 */
export async function workingDaysAfter(db: Executor, startDay: string, n: number): Promise<{ day: string; provisional: boolean }> {
  const from = yearOf(startDay);
  return addWorkingDays(await loadWorkCalendar(db, from, from + 1 + Math.floor(n / 200)), startDay, n);
}

// ---- listeners ----

/**
 * Told, inside the transaction that loaded or replaced a year, that the year changed: e.g. the obligations engine
 * recomputes the due dates counted through it and notifies the owners of the ones that move. `ctx` is the admin's
 * request, or a system context (no actor) when the platform loads the packaged calendar. A listener that throws rolls
 * the change back.
 */
export type CalendarListener = TxListener<number>;

const listeners = txListeners<number>();

/** Adds a listener for the life of the process; returns its removal (tests). */
export const registerCalendarListener = listeners.on;

/** The same as `registerCalendarListener`, by the name the issue gives it. */
export const onCalendarChanged = registerCalendarListener;

const calendarChanged = (tx: Tx, year: number, ctx: Ctx) => listeners.emit(tx, ctx, year);

// ---- the packaged calendar ----

/**
 * Loads each year of PACKAGED_YEARS not loaded yet from the `chinese-days` package, at every platform start and in
 * the demo seed: one select when they are all there (the usual case), else one transaction with one insert of days and
 * one of years, whatever their number. A year already loaded (the package's or an admin's) is never replaced here.
 */
export async function seedWorkCalendarFromPackage(db: Db, now: Date): Promise<number[]> {
  const wanted: number[] = [];
  for (let y = PACKAGED_YEARS.from; y <= PACKAGED_YEARS.to; y++) if (packagedCalendarYear(y)) wanted.push(y);
  if ((await loadedYears(db, PACKAGED_YEARS.from, PACKAGED_YEARS.to)).length === wanted.length) return [];
  return db.transaction().execute(async (tx) => {
    await lockWorkCalendar(tx);
    const loaded = new Set(await loadedYears(tx, PACKAGED_YEARS.from, PACKAGED_YEARS.to));
    const years = wanted.filter((y) => !loaded.has(y));
    await insertCalendarYears(tx, years, years.flatMap((y) => packagedCalendarYear(y) ?? []), { source: PACKAGED_SOURCE, loadedAt: now });
    const ctx: Ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now };
    for (const year of years) await calendarChanged(tx, year, ctx);
    return years;
  });
}

// ---- the admin API ----

function requireDistrictAdmin(ctx: Ctx): void {
  // The official calendar is kept by the district administrator, like the rule-sets (permission rules.manage).
  if (requireActor(ctx).scope.kind !== 'district') throw forbidden();
}

/** Every loaded year, newest first, with its counts and who loaded it. */
export async function listCalendarYears(db: Executor, ctx: Ctx) {
  requireDistrictAdmin(ctx);
  return { items: await calendarYears(db) };
}

/** One year: loaded or not, and its days in order (none when not loaded: it counts Monday to Friday). */
export async function getCalendarYear(db: Executor, ctx: Ctx, year: number) {
  requireDistrictAdmin(ctx);
  return yearView(db, year);
}

async function yearView(db: Executor, year: number) {
  const [row, days] = await Promise.all([calendarYear(db, year), calendarDays(db, year, year)]);
  return { year, loaded: !!row, source: row?.source ?? null, loadedAt: row?.loadedAt ?? null, loadedBy: row?.loadedBy ?? null, days: row ? days : [] };
}

/**
 * Replaces one year's holidays and adjusted working days and marks the year loaded, in one transaction with its audit
 * row; the listeners run in the same transaction, so due dates counted through the year move with it or not at all.
 */
export async function saveCalendarYear(db: Db, ctx: Ctx, year: number, days: readonly CalendarDay[], source: string) {
  requireDistrictAdmin(ctx);
  const actor = requireActor(ctx);
  const problems = calendarYearProblems(year, days);
  if (problems.length) {
    throw new AppError('VALIDATION', {
      issues: problems.map(({ index, problem }): FieldIssue => {
        const day = days[index]!.day;
        const path = `body.days.${index}.day`;
        switch (problem) {
          case 'invalidDate': return { path, message: 'validation.date' };
          case 'outsideYear': return { path, message: 'calendar.invalid.outsideYear', params: { day, year } };
          case 'duplicate': return { path, message: 'calendar.invalid.duplicate', params: { day } };
          case 'workdayNotWeekend': return { path, message: 'calendar.invalid.workdayNotWeekend', params: { day } };
        }
      }),
    });
  }
  const sorted = [...days].map((d) => ({ day: d.day, kind: d.kind, name: d.name.trim() })).sort((a, b) => a.day.localeCompare(b.day));
  return db.transaction().execute(async (tx) => {
    await lockWorkCalendar(tx);
    const before = await yearView(tx, year);
    await replaceCalendarYear(tx, year, sorted, { source, loadedAt: ctx.now, loadedBy: actor.userId });
    await writeAudit(tx, ctx, {
      action: 'calendar.save', entityType: 'work_calendar', entityId: String(year),
      before: before.loaded ? { source: before.source, days: before.days } : null, after: { source, days: sorted },
    });
    await calendarChanged(tx, year, ctx);
    return yearView(tx, year);
  });
}
