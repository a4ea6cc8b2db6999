import { sql, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import type { DrillActionsTable, DrillsTable } from '../../../platform/db/schema/drills';
import { enterpriseInScope, type AnyScope } from '../../../platform/db/scope';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { DRILL_FILE_OWNER, drillRowVisibleTo, drillVisibleTo, type Viewer } from './drill.policy';
import type { DrillListQuery, ReportedListQuery } from './drill.schema';

/*
 * Drills' SQL (issue 14 §3): drills and the rows that follow them — participants, follow-up actions, history. Every
 * read is filtered by the viewer's `drillVisibleTo` (drill.policy.ts), so a drill outside it is "not found"; every
 * write is guarded by the enterprise scope (which drill a caller may change is decided by the service on the row it
 * loaded under its lock).
 */

/** One drill the viewer sees, as a select not yet run: the workflow adds its `for update` to this same statement (D1). */
export function selectDrill(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('drills as d')
    .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'd.enterprise_id').onRef('oe.id', '=', 'd.organiser_employee_id'))
    .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'd.enterprise_id').onRef('p.id', '=', 'd.plan_id'))
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .leftJoin('users as rb', 'rb.id', 'd.recorded_by')
    .selectAll('d')
    .select([
      'oe.name as organiser_name', 'p.title as plan_title', 'e.name as enterprise_name', 'rb.display_name as recorded_by_name',
      // The organiser is the enterprise's principal by an active principal account of his.
      sql<boolean>`exists (select 1 from users pu where pu.enterprise_id = d.enterprise_id and pu.employee_id = d.organiser_employee_id
        and pu.role = 'enterprise_principal' and not pu.disabled and pu.id = ${viewer.userId})`.as('viewer_is_principal_organiser'),
    ])
    .where('d.enterprise_id', '=', enterpriseId).where('d.id', '=', id)
    .where(drillVisibleTo(viewer, 'd'));
}

export async function findDrill(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectDrill(db, viewer, enterpriseId, id);
  const row = await (opts.lock ? q.forUpdate('d') : q).executeTakeFirst();
  return row ?? null;
}
export type DrillRow = NonNullable<Awaited<ReturnType<typeof findDrill>>>;

/**
 * The status of a drill's plan, held (share lock) until the caller commits: a withdrawal of the plan (which takes its
 * row lock) waits for it, or it sees the withdrawal.
 */
export async function planStatusHeld(tx: Executor, enterpriseId: string, planId: string): Promise<string | null> {
  const r = await tx.selectFrom('emergency_plans').select('status').where('enterprise_id', '=', enterpriseId).where('id', '=', planId).forShare().executeTakeFirst();
  return r?.status ?? null;
}

/** A plan of the enterprise (any kind and state but withdrawn), for the drill that covers it. */
export async function planOf(db: Executor, scope: AnyScope, enterpriseId: string, planId: string) {
  const row = await db.selectFrom('emergency_plans').select(['id', 'kind', 'title', 'status', 'issued_at'])
    .where('enterprise_id', '=', enterpriseId).where('id', '=', planId).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row ?? null;
}

/** The enterprise's plans a drill may cover (not withdrawn), for the form. */
export async function drillablePlans(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('emergency_plans').select(['id', 'kind', 'title', 'status'])
    .where('enterprise_id', '=', enterpriseId).where('status', '<>', 'withdrawn').where(enterpriseInScope(scope, 'enterprise_id'))
    .orderBy('kind').orderBy('title').orderBy('id').execute();
}

/**
 * The on-site disposal plans in force — issued once and not withdrawn, a revision being drafted included (its issued
 * version stays in force): each owes its half-yearly drill (R-EMG-2).
 */
export async function issuedOnsitePlans(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('emergency_plans').select(['id', 'title'])
    .where('enterprise_id', '=', enterpriseId).where('kind', '=', 'onsite').where('issued_at', 'is not', null).where('status', '<>', 'withdrawn')
    .where(enterpriseInScope(scope, 'enterprise_id')).orderBy('title').orderBy('id').execute();
}

/** Every enterprise's issued on-site plans, and the withdrawn ones (the daily job). */
export async function onsitePlansByStatus(db: Executor, status: 'issued' | 'withdrawn') {
  const q = db.selectFrom('emergency_plans').select(['enterprise_id', 'id', 'title']).where('kind', '=', 'onsite');
  return (status === 'issued' ? q.where('issued_at', 'is not', null).where('status', '<>', 'withdrawn') : q.where('status', '=', 'withdrawn')).execute();
}

export async function activeEmployeeIds(db: Executor, scope: AnyScope, enterpriseId: string, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('employees').select('id')
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', unique).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return new Set(rows.map((r) => r.id));
}

/** The employee behind an account (null for an account without one). */
export async function employeeOfAccount(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirst();
  return row?.employee_id ?? null;
}

/** The active accounts behind some employees of the enterprise (to notify). */
export async function accountsOfEmployees(db: Executor, scope: AnyScope, enterpriseId: string, employeeIds: string[]): Promise<string[]> {
  const unique = [...new Set(employeeIds)];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('employee_id', 'in', unique)
    .where('disabled', '=', false).where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return rows.map((r) => r.id);
}

/** The enterprise's active principal accounts linked to an employee (the principal confirms he organised a drill). */
export async function principalAccountsOf(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId)
    .where('role', '=', 'enterprise_principal').where('disabled', '=', false).where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return rows.map((r) => r.id);
}


export async function insertDrill(db: Executor, scope: AnyScope, enterpriseId: string, values: {
  plan_id: string; plan_kind: 'comprehensive' | 'special' | 'onsite'; form: 'tabletop' | 'practical'; scenario: string; started_at: Date; ended_at: Date;
  place: string; organiser_employee_id: string; by_principal: boolean; principal_confirmed_at: Date | null; recorded_by: string; now: Date;
}): Promise<string> {
  void scope;
  const { now, ...rest } = values;
  const row = await db.insertInto('drills').values({ enterprise_id: enterpriseId, ...rest, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDrill(db: Executor, scope: AnyScope, enterpriseId: string, id: string, values: Updateable<DrillsTable>): Promise<void> {
  await db.updateTable('drills').set(values).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function insertDrillEvent(db: Executor, scope: AnyScope, enterpriseId: string, drillId: string,
  e: { op: string; from: string | null; to: string; actorId: string | null; at: Date; note: string }): Promise<void> {
  void scope;
  await db.insertInto('drill_events').values({
    enterprise_id: enterpriseId, drill_id: drillId, op: e.op, from_status: e.from, to_status: e.to, actor_id: e.actorId, at: e.at, note: e.note,
  }).execute();
}

/**
 * Sets the drill's participant list: people no longer listed are removed (someone who signed in cannot be: 409 from the
 * caller, see `signedParticipantIds`), people newly listed are 'manual' (a listing by the organiser — a sign-in is never
 * claimed by the client, only made through `recordSignIn`), and people already listed keep their sign-in.
 */
export async function replaceParticipants(db: Executor, scope: AnyScope, enterpriseId: string, drillId: string,
  people: { employeeId: string }[], at: Date): Promise<void> {
  const ids = [...new Set(people.map((p) => p.employeeId))];
  let gone = db.deleteFrom('drill_participants').where('enterprise_id', '=', enterpriseId).where('drill_id', '=', drillId)
    .where(enterpriseInScope(scope, 'enterprise_id'));
  if (ids.length) gone = gone.where('employee_id', 'not in', ids);
  await gone.execute();
  if (!ids.length) return;
  await db.insertInto('drill_participants').values(ids.map((employeeId) => ({
    enterprise_id: enterpriseId, drill_id: drillId, employee_id: employeeId, sign_in: 'manual' as const, signed_at: at,
  }))).onConflict((oc) => oc.columns(['enterprise_id', 'drill_id', 'employee_id']).doNothing()).execute();
}

/** The participants of the drill who signed in with a signature (their sign-in is evidence: they stay listed). */
export async function signedParticipantIds(db: Executor, enterpriseId: string, drillId: string): Promise<string[]> {
  const rows = await db.selectFrom('drill_participants').select('employee_id')
    .where('enterprise_id', '=', enterpriseId).where('drill_id', '=', drillId).where('signature_id', 'is not', null).execute();
  return rows.map((r) => r.employee_id);
}

/** The drill's participants with whether each has an account and signed in (the sign-in device's list). */
export async function signInRoster(db: Executor, enterpriseId: string, drillId: string) {
  return db.selectFrom('drill_participants as a')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'a.enterprise_id').onRef('e.id', '=', 'a.employee_id'))
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['a.employee_id', 'e.name', 'u.name as unit_name', 'a.signature_id'])
    .select((eb) => eb.exists(eb.selectFrom('users as x').select('x.id').whereRef('x.employee_id', '=', 'a.employee_id')
      .whereRef('x.enterprise_id', '=', 'a.enterprise_id').where('x.disabled', '=', false)).as('has_account'))
    .where('a.enterprise_id', '=', enterpriseId).where('a.drill_id', '=', drillId)
    .orderBy('e.name').orderBy('a.employee_id').execute();
}

/** A participant's row under its lock, or null when he is not listed on the drill. */
export async function lockParticipant(tx: Executor, enterpriseId: string, drillId: string, employeeId: string) {
  return (await tx.selectFrom('drill_participants').select(['employee_id', 'signature_id'])
    .where('enterprise_id', '=', enterpriseId).where('drill_id', '=', drillId).where('employee_id', '=', employeeId)
    .forUpdate().executeTakeFirst()) ?? null;
}

/** Records a participant's signed sign-in. */
export async function recordSignIn(tx: Executor, enterpriseId: string, drillId: string, employeeId: string, signatureId: string, at: Date): Promise<void> {
  await tx.updateTable('drill_participants').set({ sign_in: 'signature', signature_id: signatureId, signed_at: at })
    .where('enterprise_id', '=', enterpriseId).where('drill_id', '=', drillId).where('employee_id', '=', employeeId).execute();
}

export async function drillParticipants(db: Executor, viewer: Viewer, enterpriseId: string, drillId: string) {
  return db.selectFrom('drill_participants as a')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'a.enterprise_id').onRef('e.id', '=', 'a.employee_id'))
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['a.employee_id', 'e.name', 'u.name as unit_name', 'a.sign_in', 'a.signed_at'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.drill_id', '=', drillId).where(drillRowVisibleTo(viewer, 'a'))
    .orderBy('e.name').orderBy('a.employee_id').execute();
}

export async function drillEvents(db: Executor, viewer: Viewer, enterpriseId: string, drillId: string) {
  return db.selectFrom('drill_events as ev').leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.op', 'ev.from_status', 'ev.to_status', 'u.display_name', 'ev.at', 'ev.note'])
    .where('ev.enterprise_id', '=', enterpriseId).where('ev.drill_id', '=', drillId).where(drillRowVisibleTo(viewer, 'ev'))
    .orderBy('ev.seq').execute();
}

// ---- follow-up actions ----

function selectActions(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('drill_actions as a')
    .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'a.enterprise_id').onRef('oe.id', '=', 'a.owner_employee_id'))
    .innerJoin('drills as d', (j) => j.onRef('d.enterprise_id', '=', 'a.enterprise_id').onRef('d.id', '=', 'a.drill_id'))
    .leftJoin('users as db', 'db.id', 'a.done_by')
    .selectAll('a')
    .select(['oe.name as owner_name', 'd.status as drill_status', 'd.scenario as drill_scenario', 'db.display_name as done_by_name'])
    .where('a.enterprise_id', '=', enterpriseId).where(drillRowVisibleTo(viewer, 'a'));
}

export async function drillActions(db: Executor, viewer: Viewer, enterpriseId: string, drillId: string) {
  return selectActions(db, viewer, enterpriseId).where('a.drill_id', '=', drillId).orderBy('a.sort').orderBy('a.id').execute();
}

export async function findAction(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectActions(db, viewer, enterpriseId).where('a.id', '=', id);
  return (await (opts.lock ? q.forUpdate('a') : q).executeTakeFirst()) ?? null;
}
export type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

export async function insertActions(db: Executor, scope: AnyScope, enterpriseId: string, drillId: string,
  actions: { content: string; ownerEmployeeId: string; dueOn: string }[], now: Date, startSort: number): Promise<string[]> {
  void scope;
  if (!actions.length) return [];
  const rows = await db.insertInto('drill_actions').values(actions.map((a, i) => ({
    enterprise_id: enterpriseId, drill_id: drillId, sort: startSort + i, content: a.content, owner_employee_id: a.ownerEmployeeId, due_on: a.dueOn,
    created_at: now, updated_at: now,
  }))).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function actionCount(db: Executor, enterpriseId: string, drillId: string): Promise<number> {
  const r = await db.selectFrom('drill_actions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId).where('drill_id', '=', drillId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateAction(db: Executor, scope: AnyScope, row: ActionRow, values: Updateable<DrillActionsTable>): Promise<void> {
  const res = await db.updateTable('drill_actions').set({ ...values, version: row.version + 1 })
    .where('enterprise_id', '=', row.enterprise_id).where('id', '=', row.id).where('version', '=', row.version)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Error(`drill action ${row.id} changed under its lock`);
}

// ---- lists ----

const DRILL_SORT = { startedAt: { by: 'd.started_at' }, planKind: [{ by: 'd.plan_kind' }, { by: 'd.started_at', dir: 'desc' }] } as const;

/** A recorded drill naming the viewer's own principal account's employee organiser, not yet confirmed by him. */
function awaitingPrincipal(viewer: Viewer, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.status`)} = 'recorded' and not ${sql.ref(`${alias}.by_principal`)} and ${sql.ref(`${alias}.plan_kind`)} <> 'onsite'
    and exists (select 1 from users pu where pu.id = ${viewer.userId} and pu.role = 'enterprise_principal'
      and pu.enterprise_id = ${sql.ref(`${alias}.enterprise_id`)} and pu.employee_id = ${sql.ref(`${alias}.organiser_employee_id`)}))`;
}

/** A drill with an open follow-up action owned by the viewer's employee. */
function ownsOpenAction(viewer: Viewer, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from drill_actions oa where oa.enterprise_id = ${sql.ref(`${alias}.enterprise_id`)} and oa.drill_id = ${sql.ref(`${alias}.id`)}
    and oa.status = 'open' and oa.owner_employee_id = (select vme.employee_id from users vme where vme.id = ${viewer.userId}))`;
}

/** The workbench's drill figures for the viewer: drills awaiting his confirmation, his open actions and how many are overdue. */
export async function drillWorkCounts(db: Executor, viewer: Viewer, enterpriseId: string, today: string) {
  const [confirm, actions] = await Promise.all([
    db.selectFrom('drills as d').where('d.enterprise_id', '=', enterpriseId).where(drillVisibleTo(viewer, 'd')).where(awaitingPrincipal(viewer, 'd'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('drill_actions as a').innerJoin('drills as d', (j) => j.onRef('d.enterprise_id', '=', 'a.enterprise_id').onRef('d.id', '=', 'a.drill_id'))
      .where('a.enterprise_id', '=', enterpriseId).where('a.status', '=', 'open').where(drillVisibleTo(viewer, 'd'))
      .where(sql<SqlBool>`a.owner_employee_id = (select vme.employee_id from users vme where vme.id = ${viewer.userId})`)
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) filter (where a.due_on < ${today})`.as('overdue')]).executeTakeFirstOrThrow(),
  ]);
  return { toConfirm: Number(confirm.n), mine: Number(actions.n), mineOverdue: Number(actions.overdue) };
}

export type DrillListFilter = DrillListQuery & { from?: Date; before?: Date; today: string };

export async function listDrillRows(db: Executor, viewer: Viewer, enterpriseId: string, q: DrillListFilter) {
  let base = db.selectFrom('drills as d').where('d.enterprise_id', '=', enterpriseId).where(drillVisibleTo(viewer, 'd'));
  if (q.planKind) base = base.where('d.plan_kind', '=', q.planKind);
  if (q.status) base = base.where('d.status', '=', q.status);
  if (q.from) base = base.where('d.started_at', '>=', q.from);
  if (q.before) base = base.where('d.started_at', '<', q.before);
  if (q.q) base = base.where(searchWhere(q.q, ['d.scenario', 'd.place']));
  if (q.awaitingMe) base = base.where(awaitingPrincipal(viewer, 'd'));
  if (q.myActions) base = base.where(ownsOpenAction(viewer, 'd'));
  return listPage(base, {
    select: (qb) => qb
      .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'd.enterprise_id').onRef('oe.id', '=', 'd.organiser_employee_id'))
      .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'd.enterprise_id').onRef('p.id', '=', 'd.plan_id'))
      .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
      .select(['d.id', 'd.enterprise_id', 'e.name as enterprise_name', 'd.plan_id', 'p.title as plan_title', 'd.plan_kind', 'd.form', 'd.scenario',
        'd.started_at', 'd.ended_at', 'd.place', 'oe.name as organiser_name', 'd.by_principal', 'd.status', 'd.reported_at',
        sql<number>`(select count(*) from drill_participants x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id)`.as('participant_count'),
        sql<number>`(select count(*) from drill_actions x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id and x.status = 'open')`.as('open_actions'),
        sql<number>`(select count(*) from drill_actions x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id and x.status = 'open'
          and x.due_on < ${q.today})`.as('overdue_actions')]),
    sort: { map: DRILL_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'd.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/** The regulators' list: drills reported by the enterprises in the viewer's scope, newest first. */
export async function listReportedRows(db: Executor, viewer: Viewer, q: ReportedListQuery & { today: string }) {
  let base = db.selectFrom('drills as d').where('d.status', '=', 'reported').where(drillVisibleTo(viewer, 'd'));
  if (q.q) base = base.where(searchWhere(q.q, ['d.scenario', 'd.place']));
  return listPage(base, {
    select: (qb) => qb
      .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'd.enterprise_id').onRef('oe.id', '=', 'd.organiser_employee_id'))
      .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'd.enterprise_id').onRef('p.id', '=', 'd.plan_id'))
      .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
      .select(['d.id', 'd.enterprise_id', 'e.name as enterprise_name', 'd.plan_id', 'p.title as plan_title', 'd.plan_kind', 'd.form', 'd.scenario',
        'd.started_at', 'd.ended_at', 'd.place', 'oe.name as organiser_name', 'd.by_principal', 'd.status', 'd.reported_at',
        sql<number>`(select count(*) from drill_participants x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id)`.as('participant_count'),
        sql<number>`(select count(*) from drill_actions x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id and x.status = 'open')`.as('open_actions'),
        sql<number>`(select count(*) from drill_actions x where x.enterprise_id = d.enterprise_id and x.drill_id = d.id and x.status = 'open'
          and x.due_on < ${q.today})`.as('overdue_actions')]),
    sort: { map: { reportedAt: { by: 'd.reported_at' } }, key: 'reportedAt', order: 'desc', tiebreak: [{ by: 'd.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

export async function drillOfFile(db: Executor, scope: AnyScope, enterpriseId: string, fileId: string): Promise<string | null> {
  const row = await db.selectFrom('attachment_links').select('owner_id')
    .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', fileId).where('owner_type', '=', DRILL_FILE_OWNER)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row?.owner_id ?? null;
}
