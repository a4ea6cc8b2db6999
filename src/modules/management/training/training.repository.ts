import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { TrainingCourseType, TrainingRetrainingReason } from '../../../platform/db/schema';
import { enterpriseInScope, unitInScope, type AnyScope } from '../../../platform/db/scope';

/*
 * The only place training's SQL lives (R-TRN-1). Every read that may leave the enterprise takes the caller's scope:
 * the enterprise must lie in it, and an org-unit leader sees the people of his branch only.
 */

type Lock = { lock?: boolean };

export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.industry_code', 'e.district_id'])
    .where('e.id', '=', enterpriseId).where(enterpriseInScope(scope, 'e.id')).executeTakeFirst();
}

// ---- people and their hours ----

export type PersonRow = {
  enterprise_id: string; employee_id: string; name: string; employment_form: string; hire_date: string | null; org_unit_id: string; unit_name: string;
  unit_path: string; is_principal: boolean; is_safety: boolean; has_account: boolean; all_hours: string; year_hours: string; legal_year: boolean;
  open_retraining: number;
};

/**
 * The active people of the enterprises (of the caller's branch for a unit leader) with what the shortfall needs, in
 * one statement: their role for the minimums (the principal's account, a safety manager's account or appointment),
 * hours attended in the year of `yearFrom` up to `today` and whether one was a legal-education session, hours attended
 * since `initialFrom` (a new hire's initial training: the caller passes the start of the initial window, with a month's
 * grace for induction before the hire day) and the re-training events no `retraining` session on or after them covers.
 * The year's hours are the stored per-person totals (`training_person_years`, kept by attendance's triggers) less any
 * session dated after `today` (normally none); only the people hired since `initialFrom` have their attendance summed.
 * The accounts, appointments and events are grouped once and joined, so the cost follows the people, not the archive.
 * `employeeIds` narrows it.
 */
type PersonOpts = { yearFrom: string; initialFrom: string; today: string; employeeIds?: readonly string[] };

function personQuery(db: Executor, scope: AnyScope, enterpriseIds: readonly string[], opts: PersonOpts) {
  const { initialFrom, today } = opts;
  const year = Number(opts.yearFrom.slice(0, 4));
  let q = db.selectFrom('employees as e')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .leftJoin('training_person_years as y', (j) => j.onRef('y.enterprise_id', '=', 'e.enterprise_id').onRef('y.employee_id', '=', 'e.id').on('y.year', '=', year))
    // Attendance of the year dated after `today` (a date moved back, or a day asked about in the past) is taken off.
    .leftJoin((eb) => eb.selectFrom('training_attendance as fa')
      .select(['fa.enterprise_id', 'fa.employee_id'])
      .select(sql<string>`sum(fa.hours)`.as('hours'))
      .select(sql<number>`(count(*) filter (where fa.course_type = 'legal_education'))::int`.as('legal'))
      .where('fa.enterprise_id', 'in', enterpriseIds).where('fa.held_on', '>', today).where('fa.held_on', '<=', `${year}-12-31`)
      .groupBy(['fa.enterprise_id', 'fa.employee_id']).as('fy'), (j) => j.onRef('fy.enterprise_id', '=', 'e.enterprise_id').onRef('fy.employee_id', '=', 'e.id'))
    // A new hire's initial hours: only people hired since the window's start (with its grace) can be in the initial
    // phase, so only their attendance is summed (found through them, not through the enterprise's attendance).
    .leftJoin((eb) => eb.selectFrom('employees as ne')
      .innerJoin('training_attendance as a', (j) => j.onRef('a.enterprise_id', '=', 'ne.enterprise_id').onRef('a.employee_id', '=', 'ne.id'))
      .select(['ne.enterprise_id', 'ne.id as employee_id', sql<string>`sum(a.hours)`.as('hours')])
      .where('ne.enterprise_id', 'in', enterpriseIds).where('ne.status', '=', 'active').where('ne.hire_date', '>=', initialFrom)
      .where('a.held_on', '>=', initialFrom).where('a.held_on', '<=', today)
      .groupBy(['ne.enterprise_id', 'ne.id']).as('ih'), (j) => j.onRef('ih.enterprise_id', '=', 'e.enterprise_id').onRef('ih.employee_id', '=', 'e.id'))
    .leftJoin((eb) => eb.selectFrom('users as au')
      .select(['au.enterprise_id', 'au.employee_id'])
      .select(sql<boolean>`bool_or(au.role = 'enterprise_principal')`.as('principal'))
      .select(sql<boolean>`bool_or(au.role = 'safety_manager')`.as('safety'))
      .where('au.enterprise_id', 'in', enterpriseIds).where('au.employee_id', 'is not', null).where('au.disabled', '=', false)
      .groupBy(['au.enterprise_id', 'au.employee_id']).as('acc'), (j) => j.onRef('acc.enterprise_id', '=', 'e.enterprise_id').onRef('acc.employee_id', '=', 'e.id'))
    .leftJoin((eb) => eb.selectFrom('safety_staff as ss').select(['ss.enterprise_id', 'ss.employee_id'])
      .where('ss.enterprise_id', 'in', enterpriseIds).groupBy(['ss.enterprise_id', 'ss.employee_id']).as('st'),
    (j) => j.onRef('st.enterprise_id', '=', 'e.enterprise_id').onRef('st.employee_id', '=', 'e.id'))
    .leftJoin((eb) => eb.selectFrom('training_retraining_events as r')
      .select(['r.enterprise_id', 'r.employee_id', (x) => x.fn.countAll<number>().as('n')])
      .where('r.enterprise_id', 'in', enterpriseIds).where('r.occurred_on', '<=', today)
      .where(sql<SqlBool>`not exists (select 1 from training_attendance ra where ra.enterprise_id = r.enterprise_id and ra.employee_id = r.employee_id
        and ra.course_type = 'retraining' and ra.held_on >= r.occurred_on and ra.held_on <= ${today}::date)`)
      .groupBy(['r.enterprise_id', 'r.employee_id']).as('re'), (j) => j.onRef('re.enterprise_id', '=', 'e.enterprise_id').onRef('re.employee_id', '=', 'e.id'))
    .select(['e.enterprise_id', 'e.id as employee_id', 'e.name', 'e.employment_form', 'e.hire_date', 'e.org_unit_id', 'u.name as unit_name', 'u.path as unit_path'])
    .select(sql<boolean>`coalesce(acc.principal, false)`.as('is_principal'))
    .select(sql<boolean>`(coalesce(acc.safety, false) or st.employee_id is not null)`.as('is_safety'))
    .select(sql<boolean>`(acc.employee_id is not null)`.as('has_account'))
    .select(sql<string>`coalesce(ih.hours, 0)`.as('all_hours'))
    .select(sql<string>`(coalesce(y.hours, 0) - coalesce(fy.hours, 0))`.as('year_hours'))
    .select(sql<boolean>`(coalesce(y.legal_sessions, 0) - coalesce(fy.legal, 0)) > 0`.as('legal_year'))
    .select(sql<number>`coalesce(re.n, 0)::int`.as('open_retraining'))
    .where('e.enterprise_id', 'in', enterpriseIds).where('e.status', '=', 'active')
    .where(enterpriseInScope(scope, 'e.enterprise_id')).where(unitInScope(scope, 'u.path'));
  if (opts.employeeIds) q = q.where('e.id', 'in', opts.employeeIds);
  return q;
}

export async function personRows(db: Executor, scope: AnyScope, enterpriseIds: readonly string[], opts: PersonOpts): Promise<PersonRow[]> {
  if (!enterpriseIds.length || (opts.employeeIds && !opts.employeeIds.length)) return [];
  const rows = await personQuery(db, scope, enterpriseIds, opts).orderBy('u.path').orderBy('e.name').execute();
  return rows.map((r) => ({ ...r, all_hours: String(r.all_hours), year_hours: String(r.year_hours), open_retraining: Number(r.open_retraining) }));
}

export type DigestPerson = {
  employeeId: string; name: string; unitName: string; employmentForm: string; role: 'principal' | 'safety_manager' | 'employee'; phase: 'initial' | 'yearly';
  required: number; done: number; openRetraining: number; short: boolean;
};
export type DigestUnit = { orgUnitId: string; name: string; people: number; shortfall: number; legalCovered: number; hours: number };
type Band = Record<'principal' | 'safety_manager' | 'employee', { initial: number; yearly: number }>;

/**
 * R-TRN-1 for one enterprise's list, in one statement returning little: the people's rows of `personQuery` graded in
 * SQL by the same rule as `shortfallOf` (training.rules.ts; a test holds the two together) — role, phase (hired after
 * `windowStart` and by `today`: initial), required hours from the band of minimums, hours done — then the people short
 * (or everyone) and the counts per unit, as JSON. The 5,000-person list thus ships only who is short.
 */
export async function shortfallDigest(db: Executor, scope: AnyScope, enterpriseId: string, opts: PersonOpts & { windowStart: string; band: Band; onlyShort: boolean }) {
  const p = personQuery(db, scope, [enterpriseId], opts);
  const b = opts.band;
  const req = (phase: 'initial' | 'yearly') => sql`case x.role when 'principal' then ${b.principal[phase]}::numeric when 'safety_manager' then ${b.safety_manager[phase]}::numeric else ${b.employee[phase]}::numeric end`;
  const r = await sql<{ items: DigestPerson[] | null; units: DigestUnit[] | null }>`
    with p as (${p}),
    s as (
      select p.*, x.role, x.phase,
        (case x.phase when 'initial' then p.all_hours else p.year_hours end)::numeric as done,
        (case x.phase when 'initial' then ${req('initial')} else ${req('yearly')} end) as required
      from p cross join lateral (select
        case when p.is_principal then 'principal' when p.is_safety then 'safety_manager' else 'employee' end as role,
        case when p.hire_date is not null and p.hire_date <= ${opts.today}::date and p.hire_date > ${opts.windowStart}::date then 'initial' else 'yearly' end as phase) x
    ),
    f as (select s.*, (s.done < s.required or s.open_retraining > 0) as short from s)
    select
      (select json_agg(json_build_object('employeeId', f.employee_id, 'name', f.name, 'unitName', f.unit_name, 'employmentForm', f.employment_form,
        'role', f.role, 'phase', f.phase, 'required', f.required, 'done', f.done, 'openRetraining', f.open_retraining, 'short', f.short) order by f.unit_path, f.name)
        from f where f.short or ${!opts.onlyShort}::boolean) as items,
      (select json_agg(json_build_object('orgUnitId', u.org_unit_id, 'name', u.unit_name, 'people', u.people, 'shortfall', u.shortfall,
        'legalCovered', u.legal, 'hours', u.hours) order by u.unit_path)
        from (select f.org_unit_id, f.unit_name, f.unit_path, count(*)::int as people, (count(*) filter (where f.short))::int as shortfall,
          (count(*) filter (where f.legal_year))::int as legal, coalesce(sum(f.year_hours), 0) as hours from f group by f.org_unit_id, f.unit_name, f.unit_path) u) as units
  `.execute(db);
  const row = r.rows[0];
  return {
    items: (row?.items ?? []).map((i) => ({ ...i, required: Number(i.required), done: Number(i.done), openRetraining: Number(i.openRetraining) })),
    units: (row?.units ?? []).map((u) => ({ ...u, hours: Number(u.hours) })),
  };
}

/** One person of the enterprise in the caller's scope (a unit leader: of his branch), active or not. */
export async function findPerson(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string) {
  return db.selectFrom('employees as e')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['e.id', 'e.name', 'e.employment_form', 'e.hire_date', 'e.status', 'e.id_number_masked', 'u.name as unit_name', 'u.path as unit_path'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.id', '=', employeeId)
    .where(enterpriseInScope(scope, 'e.enterprise_id')).where(unitInScope(scope, 'u.path')).executeTakeFirst();
}

export async function employeeOfUser(db: Executor, userId: string, enterpriseId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('employee_id').where('id', '=', userId).where('enterprise_id', '=', enterpriseId).executeTakeFirst())?.employee_id ?? null;
}

/** The unit paths' names for display ("公司/一车间/甲班"). */
export async function unitNames(db: Executor, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'path', 'parent_id']).where('enterprise_id', '=', enterpriseId).execute();
}

// ---- plans ----

export async function findPlan(db: Executor, scope: AnyScope, enterpriseId: string, year: number, opts: Lock = {}) {
  let q = db.selectFrom('training_plans').selectAll().where('enterprise_id', '=', enterpriseId).where('year', '=', year).where(enterpriseInScope(scope, 'enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function planItems(db: Executor, enterpriseId: string, planId: string) {
  return db.selectFrom('training_plan_items').selectAll().where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).orderBy('line_no').execute();
}

export async function insertPlan(tx: Tx, enterpriseId: string, v: { year: number; note: string; by: string; now: Date }): Promise<string | undefined> {
  return (await tx.insertInto('training_plans').values({ enterprise_id: enterpriseId, year: v.year, note: v.note, created_by: v.by, created_at: v.now, updated_at: v.now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).returning('id').executeTakeFirst())?.id;
}

export async function updatePlan(tx: Tx, enterpriseId: string, id: string, version: number, note: string, now: Date): Promise<boolean> {
  const r = await tx.updateTable('training_plans').set({ note, updated_at: now, version: sql`version + 1` })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type PlanItemValues = { course_type: TrainingCourseType; title: string; target: string; planned_hours: string; month: number };

export async function replacePlanItems(tx: Tx, enterpriseId: string, planId: string, items: readonly PlanItemValues[]): Promise<void> {
  await tx.deleteFrom('training_plan_items').where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).execute();
  if (items.length) {
    await tx.insertInto('training_plan_items').values(items.map((i, n) => ({ enterprise_id: enterpriseId, plan_id: planId, line_no: n + 1, ...i }))).execute();
  }
}

// ---- sessions ----

export type SessionValues = { course_type: TrainingCourseType; title: string; trainer: string; held_on: string; hours: string; exam_held: boolean; note: string };

export async function findSession(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: Lock = {}) {
  let q = db.selectFrom('training_sessions').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertSession(tx: Tx, enterpriseId: string, v: SessionValues, by: string | null, now: Date): Promise<string> {
  return (await tx.insertInto('training_sessions').values({ enterprise_id: enterpriseId, ...v, created_by: by, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a session and keeps its attendance's copied day, hours and type in step, under the version last read. */
export async function updateSession(tx: Tx, enterpriseId: string, id: string, version: number, v: SessionValues, now: Date): Promise<boolean> {
  const r = await tx.updateTable('training_sessions').set({ ...v, updated_at: now, version: sql`version + 1` })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await tx.updateTable('training_attendance').set({ held_on: v.held_on, hours: v.hours, course_type: v.course_type })
    .where('enterprise_id', '=', enterpriseId).where('session_id', '=', id).execute();
  return true;
}

export async function deleteSessionRow(tx: Tx, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('training_sessions').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

export async function setCheckin(tx: Tx, enterpriseId: string, id: string, tokenSha256: string, expiresAt: Date): Promise<void> {
  await tx.updateTable('training_sessions').set({ checkin_token_sha256: tokenSha256, checkin_expires_at: expiresAt })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** The session a check-in link names (by the SHA-256 of its secret), locked. */
export async function sessionByCheckin(tx: Tx, tokenSha256: string) {
  return tx.selectFrom('training_sessions').selectAll().where('checkin_token_sha256', '=', tokenSha256).forUpdate().executeTakeFirst();
}

/** Sessions of the enterprise in a day range, with how many attended, newest first. */
export async function listSessions(db: Executor, scope: AnyScope, enterpriseId: string, q: { from: string; to: string; courseType?: TrainingCourseType | undefined }) {
  let query = db.selectFrom('training_sessions as s')
    .select(['s.id', 's.course_type', 's.title', 's.trainer', 's.held_on', 's.hours', 's.exam_held', 's.note', 's.version', 's.checkin_expires_at'])
    .select(sql<number>`(select count(*) from training_attendance a where a.enterprise_id = s.enterprise_id and a.session_id = s.id)::int`.as('attendees'))
    .where('s.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 's.enterprise_id'))
    .where('s.held_on', '>=', q.from).where('s.held_on', '<=', q.to);
  if (q.courseType) query = query.where('s.course_type', '=', q.courseType);
  return query.orderBy('s.held_on', 'desc').orderBy('s.created_at', 'desc').limit(1000).execute();
}

// ---- attendance ----

export type AttendanceValues = {
  session_id: string; employee_id: string; held_on: string; hours: string; course_type: TrainingCourseType; method: 'qr' | 'proxy_pad' | 'import' | 'manager';
  score: string | null; passed: boolean | null; signature_id: string | null; recorded_by: string | null; recorded_at: Date;
};

/** Records attendance; a person already on the session's list stays as first recorded (returns false). */
export async function insertAttendance(tx: Tx, enterpriseId: string, rows: readonly AttendanceValues[]): Promise<number> {
  if (!rows.length) return 0;
  const r = await tx.insertInto('training_attendance').values(rows.map((v) => ({ enterprise_id: enterpriseId, ...v })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'session_id', 'employee_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function findAttendance(db: Executor, enterpriseId: string, sessionId: string, employeeId: string, opts: Lock = {}) {
  let q = db.selectFrom('training_attendance').selectAll().where('enterprise_id', '=', enterpriseId).where('session_id', '=', sessionId).where('employee_id', '=', employeeId);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateAttendanceResult(tx: Tx, enterpriseId: string, sessionId: string, employeeId: string, v: { score: string | null; passed: boolean | null }) {
  await tx.updateTable('training_attendance').set(v).where('enterprise_id', '=', enterpriseId).where('session_id', '=', sessionId).where('employee_id', '=', employeeId).execute();
}

export async function deleteAttendanceRow(tx: Tx, enterpriseId: string, sessionId: string, employeeId: string) {
  await tx.deleteFrom('training_attendance').where('enterprise_id', '=', enterpriseId).where('session_id', '=', sessionId).where('employee_id', '=', employeeId).execute();
}

/** A session's attendance list, of the caller's branch for a unit leader. */
export async function sessionAttendance(db: Executor, scope: AnyScope, enterpriseId: string, sessionId: string) {
  return db.selectFrom('training_attendance as a')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'a.enterprise_id').onRef('e.id', '=', 'a.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['a.employee_id', 'e.name', 'u.name as unit_name', 'a.method', 'a.score', 'a.passed', 'a.signature_id', 'a.recorded_at'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.session_id', '=', sessionId)
    .where(enterpriseInScope(scope, 'a.enterprise_id')).where(unitInScope(scope, 'u.path'))
    .orderBy('u.path').orderBy('e.name').execute();
}

/** One person's attendances (his archive), newest first. */
export async function personAttendance(db: Executor, enterpriseId: string, employeeId: string) {
  return db.selectFrom('training_attendance as a')
    .innerJoin('training_sessions as s', (j) => j.onRef('s.enterprise_id', '=', 'a.enterprise_id').onRef('s.id', '=', 'a.session_id'))
    .select(['a.session_id', 'a.held_on', 'a.hours', 'a.course_type', 'a.method', 'a.score', 'a.passed', 's.title', 's.trainer', 's.exam_held'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.employee_id', '=', employeeId)
    .orderBy('a.held_on', 'desc').execute();
}

// ---- re-training events and prior training ----

export async function insertRetraining(tx: Tx, enterpriseId: string, v: { employee_id: string; reason: TrainingRetrainingReason; occurred_on: string; away_since: string | null; note: string }, by: string, now: Date) {
  return (await tx.insertInto('training_retraining_events').values({ enterprise_id: enterpriseId, ...v, created_by: by, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function personRetraining(db: Executor, enterpriseId: string, employeeId: string, today: string) {
  return db.selectFrom('training_retraining_events as r')
    .select(['r.id', 'r.reason', 'r.occurred_on', 'r.away_since', 'r.note'])
    .select(sql<string | null>`(select min(ra.held_on)::text from training_attendance ra where ra.enterprise_id = r.enterprise_id and ra.employee_id = r.employee_id
      and ra.course_type = 'retraining' and ra.held_on >= r.occurred_on and ra.held_on <= ${today}::date)`.as('covered_on'))
    .where('r.enterprise_id', '=', enterpriseId).where('r.employee_id', '=', employeeId).orderBy('r.occurred_on', 'desc').execute();
}

export async function findPrior(db: Executor, enterpriseId: string, employeeId: string) {
  return db.selectFrom('training_prior').selectAll().where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).executeTakeFirst();
}

export async function upsertPrior(tx: Tx, enterpriseId: string, employeeIds: readonly string[], v: { attachment_id: string | null; note: string; by: string | null; now: Date }) {
  if (!employeeIds.length) return;
  await tx.insertInto('training_prior')
    .values(employeeIds.map((employee_id) => ({ enterprise_id: enterpriseId, employee_id, attachment_id: v.attachment_id, note: v.note, recorded_by: v.by, recorded_at: v.now })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'employee_id']).doUpdateSet((eb) => ({
      attachment_id: eb.ref('excluded.attachment_id'), note: eb.ref('excluded.note'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: eb.ref('excluded.recorded_at'),
    }))).execute();
}

/**
 * R-TRN-2: of the people listed, those of the enterprise who have neither passed every required induction level (an
 * attendance not failed: `passed` null where no exam was held) nor a "trained before joining" record. One statement.
 */
/**
 * R-TRN-2 as a condition: the person (`enterpriseId`, `employeeId`: SQL of the caller's statement) has NOT passed the
 * pre-post training — fewer of the required induction `levels` (a text[] expression) attended and not failed than there
 * are levels, and no "trained before joining" record. The one definition for the training module's checks and the
 * certificates module's lists.
 */
export function untrainedSql(enterpriseId: RawBuilder<unknown>, employeeId: RawBuilder<unknown>, levels: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(not exists (select 1 from training_prior tp where tp.enterprise_id = ${enterpriseId} and tp.employee_id = ${employeeId})
    and (select count(distinct ta.course_type) from training_attendance ta where ta.enterprise_id = ${enterpriseId} and ta.employee_id = ${employeeId}
      and ta.course_type = any(${levels}) and ta.passed is not false) < cardinality(${levels}))`;
}

export async function untrainedIds(db: Executor, enterpriseId: string, employeeIds: readonly string[], levels: readonly TrainingCourseType[]): Promise<string[]> {
  if (!employeeIds.length) return [];
  const rows = await db.selectFrom(sql<{ id: string }>`(select unnest(${sql.val([...new Set(employeeIds)])}::uuid[]) as id)`.as('x'))
    .select('x.id')
    .where(untrainedSql(sql`${enterpriseId}::uuid`, sql.ref('x.id'), sql`${sql.val([...levels])}::text[]`))
    .execute();
  return rows.map((r) => r.id);
}

// ---- the principal's quarterly check ----

export async function listReviews(db: Executor, scope: AnyScope, enterpriseId: string, year: number | undefined) {
  let q = db.selectFrom('training_plan_reviews as r').leftJoin('users as u', 'u.id', 'r.signed_by')
    .select(['r.id', 'r.year', 'r.quarter', 'r.comments', 'r.report', 'r.content_sha256', 'r.signature_id', 'r.signed_at', 'u.display_name as signed_by_name'])
    .where('r.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'r.enterprise_id'));
  if (year !== undefined) q = q.where('r.year', '=', year);
  return q.orderBy('r.year', 'desc').orderBy('r.quarter', 'desc').execute();
}

/** Takes the enterprise's row lock for a quarter's review: two principals' tabs signing at once are serialised. */
export async function lockEnterprise(tx: Tx, enterpriseId: string): Promise<void> {
  await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forUpdate().executeTakeFirst();
}

export async function findReview(db: Executor, enterpriseId: string, year: number, quarter: number) {
  return db.selectFrom('training_plan_reviews').select(['id']).where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('quarter', '=', quarter).executeTakeFirst();
}

export async function insertReview(tx: Tx, enterpriseId: string, v: { year: number; quarter: number; comments: string; report: string; content_sha256: string; signature_id: string; signed_by: string; signed_at: Date }) {
  return (await tx.insertInto('training_plan_reviews').values({ enterprise_id: enterpriseId, ...v }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sessions held in a day range with their attendance counts (the quarter's report). */
export async function heldSessions(db: Executor, enterpriseId: string, from: string, to: string) {
  return db.selectFrom('training_sessions as s')
    .select(['s.id', 's.course_type', 's.title', 's.held_on', 's.hours'])
    .select(sql<number>`(select count(*) from training_attendance a where a.enterprise_id = s.enterprise_id and a.session_id = s.id)::int`.as('attendees'))
    .where('s.enterprise_id', '=', enterpriseId).where('s.held_on', '>=', from).where('s.held_on', '<=', to).orderBy('s.held_on').execute();
}

// ---- regulators and facts ----

/** Quarters of a year the principal signed, per enterprise. */
export async function reviewedQuarters(db: Executor, enterpriseIds: readonly string[], year: number) {
  if (!enterpriseIds.length) return [];
  return db.selectFrom('training_plan_reviews').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', 'in', enterpriseIds).where('year', '=', year).groupBy('enterprise_id').execute();
}

/** Materials' owner rows: a session's files. */
export async function sessionOfMaterial(db: Executor, enterpriseId: string, attachmentId: string): Promise<string | null> {
  return (await db.selectFrom('attachment_links').select('owner_id').where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', attachmentId)
    .where('owner_type', '=', 'training_session').executeTakeFirst())?.owner_id ?? null;
}

export async function materialsOf(db: Executor, enterpriseId: string, sessionId: string) {
  return db.selectFrom('attachment_links as l').innerJoin('attachments as f', (j) => j.onRef('f.enterprise_id', '=', 'l.enterprise_id').onRef('f.id', '=', 'l.attachment_id'))
    .select(['f.id', 'f.name', 'f.size', 'f.mime', 'f.kind'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', '=', 'training_session').where('l.owner_id', '=', sessionId).orderBy('l.created_at').execute();
}
