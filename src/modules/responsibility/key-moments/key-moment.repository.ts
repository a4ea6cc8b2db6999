import { sql, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { KeyMomentKind, KeyMomentsTable } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope, type SystemScope } from '../../../platform/db/scope';
import { searchWhere } from '../../../platform/db/list-query';
import { LOCAL_OFFSET_SQL } from '../../../platform/time';
import { keyMomentVisibleTo, type Viewer } from './key-moment.policy';

/*
 * Key moments' SQL (issue 11 §9, R-RESP-6): moments and their on-duty check-ins. Reads are filtered by
 * `keyMomentVisibleTo` (the enterprise in scope), writes guarded by the enterprise scope; the daily job passes
 * `systemScope`.
 */

function momentsBase(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('key_moments as km')
    .leftJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'km.enterprise_id').onRef('le.id', '=', 'km.leader_employee_id'))
    .leftJoin('users as cb', 'cb.id', 'km.created_by')
    .selectAll('km')
    .select(['le.name as leader_name', 'cb.display_name as created_by_name'])
    .where('km.enterprise_id', '=', enterpriseId)
    .where(keyMomentVisibleTo(viewer, 'km'));
}

/** The moments overlapping the days [from, to], earliest first. */
export async function momentsBetween(db: Executor, viewer: Viewer, enterpriseId: string, q: { from: string; to: string; kind?: KeyMomentKind }) {
  let query = momentsBase(db, viewer, enterpriseId).where('km.starts_on', '<=', q.to).where('km.ends_on', '>=', q.from);
  if (q.kind) query = query.where('km.kind', '=', q.kind);
  return query.orderBy('km.starts_on').orderBy('km.id').execute();
}
export type MomentRow = Awaited<ReturnType<typeof momentsBetween>>[number];

/** One moment the viewer sees; under its row lock when asked (a check-in decides on the committed row). */
export async function findMoment(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<MomentRow | null> {
  const q = momentsBase(db, viewer, enterpriseId).where('km.id', '=', id);
  return (await (opts.lock ? q.forUpdate('km') : q).executeTakeFirst()) ?? null;
}

/** The days of these moments that have at least one check-in. */
export async function checkedDaysOf(db: Executor, viewer: Viewer, enterpriseId: string, momentIds: string[]): Promise<{ moment_id: string; day: string }[]> {
  if (momentIds.length === 0) return [];
  return db.selectFrom('duty_checkins as c').select(['c.moment_id', 'c.day']).distinct()
    .where('c.enterprise_id', '=', enterpriseId).where('c.moment_id', 'in', momentIds)
    .where(enterpriseInScope(viewer.scope, 'c.enterprise_id')).execute();
}

/** A moment's check-ins, oldest first, with who checked in. */
export async function checkinsOf(db: Executor, viewer: Viewer, enterpriseId: string, momentId: string) {
  return db.selectFrom('duty_checkins as c').innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.day', 'c.user_id', 'c.at', 'c.note', 'c.location_text', 'c.location_consent', 'c.latitude', 'c.longitude', 'c.photo_id', 'u.display_name'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.moment_id', '=', momentId)
    .where(enterpriseInScope(viewer.scope, 'c.enterprise_id'))
    .orderBy('c.at').orderBy('c.id').execute();
}

/** Whether the account already checked in for the moment's day. */
export async function hasCheckedIn(db: Executor, scope: AnyScope, enterpriseId: string, momentId: string, day: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('duty_checkins').select('id').where('enterprise_id', '=', enterpriseId).where('moment_id', '=', momentId)
    .where('day', '=', day).where('user_id', '=', userId).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!row;
}

/**
 * The past days of the moments overlapping [from, to] that have no check-in (R-RESP-6: flagged), by day; `today` and
 * later are not yet missing.
 */
export async function gapsBetween(db: Executor, viewer: Viewer, enterpriseId: string, q: { from: string; to: string; today: string }) {
  const r = await sql<{ moment_id: string; name: string; kind: KeyMomentKind; day: string }>`
    select km.id as moment_id, km.name, km.kind, to_char(d.day, 'YYYY-MM-DD') as day
      from key_moments km
      cross join lateral generate_series(greatest(km.starts_on, ${q.from}::date), least(km.ends_on, ${q.to}::date, ${q.today}::date - 1), interval '1 day') as d (day)
     where km.enterprise_id = ${enterpriseId} and ${keyMomentVisibleTo(viewer, 'km')}
       and km.starts_on <= ${q.to}::date and km.ends_on >= ${q.from}::date
       and not exists (select 1 from duty_checkins c where c.enterprise_id = km.enterprise_id and c.moment_id = km.id and c.day = d.day::date)
     order by d.day, km.name, km.id
     limit 500`.execute(db);
  return r.rows;
}

// ---- writes ----

export type MomentValues = {
  kind: KeyMomentKind; name: string; starts_on: string; ends_on: string; source: 'calendar' | 'suspension' | 'declared';
  shutdown_from: string | null; shutdown_to: string | null; leader_employee_id: string | null; leader_user_id: string | null; note: string;
  rule_set_version: number; created_by: string | null;
};

export async function insertMoment(tx: Tx, scope: AnyScope, enterpriseId: string, values: MomentValues, at: Date): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const row = await tx.insertInto('key_moments').values({ ...values, enterprise_id: enterpriseId, created_at: at, updated_at: at })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * One set-based statement: a holiday period's moment for every active enterprise of the district that joined on or
 * before its first day and has none yet (the partial unique index keeps it once). Returns the moments it made.
 */
export async function insertHolidayMoments(db: Executor, _scope: SystemScope, districtId: string,
  p: { name: string; startsOn: string; endsOn: string; ruleSetVersion: number; at: Date }): Promise<{ enterprise_id: string; id: string }[]> {
  const r = await sql<{ enterprise_id: string; id: string }>`
    insert into key_moments (enterprise_id, kind, name, starts_on, ends_on, source, rule_set_version, created_at, updated_at)
    select e.id, 'holiday', ${p.name}, ${p.startsOn}::date, ${p.endsOn}::date, 'calendar', ${p.ruleSetVersion}, ${p.at}, ${p.at}
      from enterprises e where e.district_id = ${districtId} and e.status = 'active'
       and coalesce(e.onboarded_on, (e.created_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date) <= ${p.startsOn}::date
    on conflict (enterprise_id, starts_on, name) where source = 'calendar' do nothing
    returning enterprise_id, id`.execute(db);
  return r.rows;
}

export async function updateMoment(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, changes: Updateable<KeyMomentsTable>): Promise<void> {
  await tx.updateTable('key_moments').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export type CheckinValues = {
  momentId: string; day: string; userId: string; employeeId: string | null; at: Date; note: string; locationText: string;
  locationConsent: boolean; latitude: number | null; longitude: number | null; photoId: string;
};

export async function insertCheckin(tx: Tx, scope: AnyScope, enterpriseId: string, c: CheckinValues): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const row = await tx.insertInto('duty_checkins').values({
    enterprise_id: enterpriseId, moment_id: c.momentId, day: c.day, user_id: c.userId, employee_id: c.employeeId, at: c.at, note: c.note,
    location_text: c.locationText, location_consent: c.locationConsent, latitude: c.latitude, longitude: c.longitude, photo_id: c.photoId,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The check-in a photo belongs to (a photo is read through its check-in's moment). */
export async function checkinOfPhoto(db: Executor, scope: AnyScope, enterpriseId: string, photoId: string) {
  return db.selectFrom('duty_checkins').select(['id', 'moment_id']).where('enterprise_id', '=', enterpriseId).where('photo_id', '=', photoId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

// ---- people and enterprises ----

/** An active employee of the enterprise, with his active account (the first, if he has several), or undefined. */
export async function activeEmployeeWithAccount(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string) {
  return db.selectFrom('employees as e')
    .select(['e.id', 'e.name', sql<string | null>`(select u.id from users u where u.enterprise_id = e.enterprise_id and u.employee_id = e.id
      and not u.disabled order by u.created_at, u.id limit 1)`.as('account_id')])
    .where('e.enterprise_id', '=', enterpriseId).where('e.id', '=', employeeId).where('e.status', '=', 'active')
    .where(enterpriseInScope(scope, 'e.enterprise_id')).executeTakeFirst();
}

/** The employee record behind an account (null for an account without one). */
export async function employeeOfAccount(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirst();
  return row?.employee_id ?? null;
}

/** The enterprise's name and status, in the scope. */
export async function enterpriseBasics(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.status', 'e.district_id'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

/** Every district (the daily job walks them). */
export async function districtIds(db: Executor, _scope: SystemScope): Promise<string[]> {
  return (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((r) => r.id);
}

// ---- edits and deletions ----

/** Deletes a moment (its duty is withdrawn by the service; a moment with a check-in is kept, migration 0089). */
export async function deleteMoment(tx: Tx, scope: AnyScope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('key_moments').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- the to-do lists (workbench) ----

/** What waits on someone: today's check-in not made yet (`checkin`), an upcoming moment without a named leader (`noLeader`). */
export type MomentTodo = 'checkin' | 'noLeader';
/** Who asks, for `checkin`: the principal is on duty at every moment, anyone else at those he is named leader of. */
export type OnDutyPerson = { userId: string; employeeId: string | null; isPrincipal: boolean };

/**
 * R-RESP-6: the moments (`km`) a to-do counts on `today`: `checkin`, under way today with no check-in for today yet by
 * anyone, and the person on duty; `noLeader`, not started yet and no leader named (the principal by default).
 */
function todoWhere(todo: MomentTodo, today: string, who: OnDutyPerson): RawBuilder<SqlBool> {
  if (todo === 'noLeader') return sql<SqlBool>`(km.starts_on > ${today}::date and km.leader_employee_id is null)`;
  const onDuty = who.isPrincipal ? sql<SqlBool>`true`
    : sql<SqlBool>`(km.leader_user_id = ${who.userId} or (km.leader_employee_id is not null and km.leader_employee_id = ${who.employeeId}))`;
  return sql<SqlBool>`(km.starts_on <= ${today}::date and km.ends_on >= ${today}::date and ${onDuty}
    and not exists (select 1 from duty_checkins tc where tc.enterprise_id = km.enterprise_id and tc.moment_id = km.id and tc.day = ${today}::date))`;
}

/** The moments of a to-do, earliest first (the list the workbench opens). */
export async function momentsTodo(db: Executor, viewer: Viewer, enterpriseId: string, todo: MomentTodo, today: string, who: OnDutyPerson, kind?: KeyMomentKind) {
  let query = momentsBase(db, viewer, enterpriseId).where(todoWhere(todo, today, who));
  if (kind) query = query.where('km.kind', '=', kind);
  return query.orderBy('km.starts_on').orderBy('km.id').execute();
}

/** How many moments a to-do counts (the workbench's figure: the total of `momentsTodo`). */
export async function countTodo(db: Executor, viewer: Viewer, enterpriseId: string, todo: MomentTodo, today: string, who: OnDutyPerson): Promise<number> {
  const r = await db.selectFrom('key_moments as km').select(sql<number>`count(*)::int`.as('n'))
    .where('km.enterprise_id', '=', enterpriseId).where(keyMomentVisibleTo(viewer, 'km')).where(todoWhere(todo, today, who))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- the regulators' view (issue 11 §10) ----

export type OverviewFilter = {
  year: number; today: string; subdistrictId?: string; industryCode?: string; q?: string;
  state?: 'current' | 'upcoming' | 'missing' | 'uncheckedToday';
  sort: 'name' | 'missing' | 'rate' | 'current' | 'next'; order: 'asc' | 'desc'; page: number; pageSize: number;
};
export type OverviewRow = {
  id: string; name: string; subdistrict_id: string; subdistrict: string; industry_code: string; industry: string;
  current: number; current_unchecked: number; upcoming: number; next_starts_on: string | null; next_name: string | null;
  owed: number; checked: number; missing: number; total: number;
};

/**
 * R-RESP-6, issue 11 §10: one row per enterprise in the regulator's scope (not closed): its moments under way today
 * (and how many have no check-in for today yet), those to come (the next one's first day), and over the year's days up
 * to today the days owed (past days, and today once checked in), checked in and missing; filtered, sorted, one page
 * with the total.
 */
export async function overviewPage(db: Executor, scope: AnyScope, f: OverviewFilter): Promise<OverviewRow[]> {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const t = f.today;
  const checkedOn = (day: RawBuilder<unknown>) => sql<SqlBool>`exists (select 1 from duty_checkins c where c.enterprise_id = km.enterprise_id
    and c.moment_id = km.id and c.day = ${day})`;
  const where = sql.join([
    sql`${enterpriseRowInScope(scope, 'e')}`,
    sql`e.status <> 'closed'`,
    f.subdistrictId ? sql`e.subdistrict_id = ${f.subdistrictId}` : sql`true`,
    f.industryCode ? sql`e.industry_code = ${f.industryCode}` : sql`true`,
    f.q ? searchWhere(f.q, ['e.name']) : sql`true`,
  ], sql` and `);
  const state = {
    current: sql`x.current > 0`, upcoming: sql`x.upcoming > 0`, missing: sql`x.missing > 0`, uncheckedToday: sql`x.current_unchecked > 0`,
  };
  const dir = sql.raw(f.order === 'desc' ? 'desc' : 'asc');
  const orderBy = {
    name: sql`x.name ${dir}`,
    missing: sql`x.missing ${dir}, x.current_unchecked ${dir}, x.name`,
    rate: sql`(case when x.owed = 0 then null else x.checked::float / x.owed end) ${dir} nulls last, x.name`,
    current: sql`x.current ${dir}, x.current_unchecked ${dir}, x.name`,
    next: sql`x.next_starts_on ${dir} nulls last, x.name`,
  }[f.sort];
  const r = await sql<OverviewRow>`select x.*, count(*) over ()::int as total from (
      select e.id, e.name, e.subdistrict_id, sd.name as subdistrict, e.industry_code, i.name as industry, m.*, d.*
        from enterprises e join subdistricts sd on sd.id = e.subdistrict_id join industries i on i.code = e.industry_code
        cross join lateral (
          select count(*) filter (where km.starts_on <= ${t}::date)::int as current,
                 count(*) filter (where km.starts_on <= ${t}::date and not ${checkedOn(sql`${t}::date`)})::int as current_unchecked,
                 count(*) filter (where km.starts_on > ${t}::date)::int as upcoming,
                 to_char(min(km.starts_on) filter (where km.starts_on > ${t}::date), 'YYYY-MM-DD') as next_starts_on,
                 (array_agg(km.name order by km.starts_on, km.id) filter (where km.starts_on > ${t}::date))[1] as next_name
            from key_moments km where km.enterprise_id = e.id and km.ends_on >= ${t}::date) m
        cross join lateral (
          select count(*) filter (where g.day < ${t}::date or g.checked)::int as owed,
                 count(*) filter (where g.checked)::int as checked,
                 count(*) filter (where g.day < ${t}::date and not g.checked)::int as missing
            from key_moments km
            cross join lateral generate_series(greatest(km.starts_on, ${from}::date), least(km.ends_on, ${to}::date, ${t}::date), interval '1 day') as s (d)
            cross join lateral (select s.d::date as day, ${checkedOn(sql`s.d::date`)} as checked) g
           where km.enterprise_id = e.id and km.starts_on <= least(${to}::date, ${t}::date) and km.ends_on >= ${from}::date) d
       where ${where}) x
    ${f.state ? sql`where ${state[f.state]}` : sql``}
    order by ${orderBy}, x.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return r.rows;
}

/** The total alone, for a page past the end (which has no row to carry it). */
export async function overviewCount(db: Executor, scope: AnyScope, f: OverviewFilter): Promise<number> {
  if (f.page === 1) return 0;
  const rows = await overviewPage(db, scope, { ...f, page: 1, pageSize: 1 });
  return rows[0]?.total ?? 0;
}
