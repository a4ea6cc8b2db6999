import { sql, type SqlBool, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { EmergencyPlanVersionsTable } from '../../../platform/db/schema/emergency-plans';
import { enterpriseInScope, enterpriseRowInScope, type AnyScope } from '../../../platform/db/scope';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import type { FilingStatus, PlanKind, PlanState } from './plan-workflow';
import { filingVisibleTo, PLAN_FILE_OWNER, planVisibleTo, type Viewer } from './plan.policy';

/*
 * Emergency plans' SQL (issue 14 §1, R-EMG-1): plans, their versions, history, read receipts, filings and yearly
 * reviews/evaluations. Every read of a plan is filtered by `planVisibleTo`, every read of a filing by `filingVisibleTo`
 * (plan.policy.ts), so what lies outside is "not found"; writes are guarded by the enterprise scope (which plan a caller
 * may change is decided by the service on the row it loaded under its lock).
 */

// ---- one plan ----

/** One plan the viewer sees, as a select not yet run: the workflow adds its `for update` to this same statement (D1). */
export function selectPlan(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('emergency_plans as p')
    .selectAll('p')
    .select([
      sql<boolean>`exists (select 1 from emergency_plan_filings ff where ff.enterprise_id = p.enterprise_id and ff.plan_id = p.id
        and ff.version_no = p.current_version)`.as('has_filings'),
      sql<boolean>`exists (select 1 from emergency_plan_filings fr where fr.enterprise_id = p.enterprise_id and fr.plan_id = p.id
        and fr.version_no = p.current_version and fr.status = 'returned')`.as('has_returned'),
    ])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', id)
    .where(planVisibleTo(viewer, 'p'));
}

export async function findPlan(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectPlan(db, viewer, enterpriseId, id);
  const row = await (opts.lock ? q.forUpdate('p') : q).executeTakeFirst();
  return row ?? null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function insertPlan(tx: Tx, scope: AnyScope, enterpriseId: string, v: { kind: PlanKind; title: string; createdBy: string; at: Date }) {
  const row = await tx.insertInto('emergency_plans').values({
    enterprise_id: enterpriseId, kind: v.kind, title: v.title, created_by: v.createdBy, created_at: v.at, updated_at: v.at, filed_version: null,
  }).returning('id').executeTakeFirstOrThrow();
  void scope;
  return row.id;
}

export async function updatePlanRow(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, values: { title?: string; current_version?: number; issued_at?: Date; filed_version?: number | null }) {
  await tx.updateTable('emergency_plans').set(values).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Moves a plan's state outside a workflow step (the offices' acceptance): guarded on the state it decided from. */
export async function movePlan(tx: Tx, enterpriseId: string, id: string, from: PlanState, to: PlanState, values: { filed_version?: number }, at: Date): Promise<boolean> {
  const r = await tx.updateTable('emergency_plans').set({ ...values, status: to, version: sql`version + 1`, updated_at: at })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- versions ----

export type VersionValues = Pick<Updateable<EmergencyPlanVersionsTable>, 'scope' | 'organisation' | 'response_levels' | 'procedures' | 'resources' | 'body'
  | 'risk_point_ids' | 'post_ids' | 'rescue_organisation' | 'contacts'>;

export async function insertVersion(tx: Tx, enterpriseId: string, planId: string, number: number, values: VersionValues & {
  revision_cause?: EmergencyPlanVersionsTable['revision_cause']; revision_note?: string; created_by: string; at: Date;
}) {
  const { at, ...rest } = values;
  await tx.insertInto('emergency_plan_versions').values({ ...rest, enterprise_id: enterpriseId, plan_id: planId, number, created_at: at, updated_at: at } as never).execute();
}

export async function updateVersion(tx: Tx, enterpriseId: string, planId: string, number: number, values: Updateable<EmergencyPlanVersionsTable>) {
  await tx.updateTable('emergency_plan_versions').set(values).where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('number', '=', number).execute();
}

/** A version of a plan the viewer sees (staff: issued versions only). */
export async function findVersion(db: Executor, viewer: Viewer, enterpriseId: string, planId: string, number: number) {
  let q = db.selectFrom('emergency_plan_versions as v')
    .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'v.enterprise_id').onRef('p.id', '=', 'v.plan_id'))
    .leftJoin('users as su', 'su.id', 'v.signed_by')
    .selectAll('v').select(['su.display_name as signed_by_name'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.plan_id', '=', planId).where('v.number', '=', number).where(planVisibleTo(viewer, 'p'));
  if (!(viewer.scope.kind === 'enterprise' && viewer.scope.capacity === 'manager')) q = q.where('v.issued_at', 'is not', null);
  return (await q.executeTakeFirst()) ?? null;
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** The plan's versions, newest first (summary columns). */
export async function listVersions(db: Executor, viewer: Viewer, enterpriseId: string, planId: string) {
  let q = db.selectFrom('emergency_plan_versions as v')
    .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'v.enterprise_id').onRef('p.id', '=', 'v.plan_id'))
    .select(['v.number', 'v.revision_cause', 'v.revision_note', 'v.review_mode', 'v.review_conclusion', 'v.reviewed_on', 'v.signed_at', 'v.issued_at', 'v.created_at', 'v.content_sha256'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.plan_id', '=', planId).where(planVisibleTo(viewer, 'p'));
  if (!(viewer.scope.kind === 'enterprise' && viewer.scope.capacity === 'manager')) q = q.where('v.issued_at', 'is not', null);
  return q.orderBy('v.number', 'desc').execute();
}

// ---- history ----

export async function insertPlanEvent(tx: Tx, enterpriseId: string, planId: string, e: { versionNo: number; op: string; from: string | null; to: string; actorId: string | null; at: Date; note: string }) {
  await tx.insertInto('emergency_plan_events').values({
    enterprise_id: enterpriseId, plan_id: planId, version_no: e.versionNo, op: e.op, from_status: e.from, to_status: e.to, actor_id: e.actorId, at: e.at, note: e.note,
  }).execute();
}

export async function planEvents(db: Executor, viewer: Viewer, enterpriseId: string, planId: string) {
  return db.selectFrom('emergency_plan_events as ev')
    .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'ev.enterprise_id').onRef('p.id', '=', 'ev.plan_id'))
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.version_no', 'ev.op', 'ev.from_status', 'ev.to_status', 'ev.at', 'ev.note', 'u.display_name'])
    .where('ev.enterprise_id', '=', enterpriseId).where('ev.plan_id', '=', planId).where(planVisibleTo(viewer, 'p'))
    .orderBy('ev.seq').execute();
}

// ---- list ----

export type PlanListFilter = { kind?: PlanKind | undefined; status?: PlanState | undefined; returned?: boolean | undefined; q?: string | undefined; page: number; pageSize: number; order: 'asc' | 'desc'; sort: 'updatedAt' | 'title' | 'kind' };
const PLAN_SORT = { updatedAt: 'p.updated_at', title: 'p.title', kind: 'p.kind' } as const;

export async function listPlanRows(db: Executor, viewer: Viewer, enterpriseId: string, q: PlanListFilter) {
  let base = db.selectFrom('emergency_plans as p').where('p.enterprise_id', '=', enterpriseId).where(planVisibleTo(viewer, 'p'));
  if (q.kind) base = base.where('p.kind', '=', q.kind);
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.returned) {
    base = base.where(sql<SqlBool>`exists (select 1 from emergency_plan_filings rf where rf.enterprise_id = p.enterprise_id and rf.plan_id = p.id
      and rf.version_no = p.current_version and rf.status = 'returned')`);
  }
  if (q.q) base = base.where(searchWhere(q.q, ['p.title']));
  return listPage(base, {
    select: (qb) => qb.select(['p.id', 'p.kind', 'p.title', 'p.status', 'p.current_version', 'p.filed_version', 'p.issued_at', 'p.updated_at',
      sql<number>`(select count(*) from emergency_plan_filings f where f.enterprise_id = p.enterprise_id and f.plan_id = p.id
        and f.version_no = p.current_version and f.status = 'returned')`.as('returned_filings'),
      sql<boolean>`exists (select 1 from emergency_plan_receipts r where r.enterprise_id = p.enterprise_id and r.plan_id = p.id
        and r.user_id = ${viewer.userId} and r.read_at is null and p.status <> 'withdrawn')`.as('unread')]),
    sort: { map: PLAN_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'p.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

// ---- references checked in the enterprise ----

export async function knownRiskPoints(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function knownPosts(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Active accounts of the enterprise among `ids` (the staff a plan is issued to). */
export async function activeAccounts(db: Executor, enterpriseId: string, ids?: readonly string[]): Promise<string[]> {
  let q = db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('disabled', '=', false);
  if (ids) q = q.where('id', 'in', ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  return (await q.orderBy('id').execute()).map((r) => r.id);
}

export async function knownEmployees(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function knownUnits(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export type PlanAudience = { employeeIds: readonly string[]; unitIds: readonly string[]; postIds: readonly string[] };

/**
 * The active accounts of the people a plan is issued to, named by employee, by unit (the unit and every unit under it,
 * by the person's unit on the roster, else the account's own) or by post held. Returned with the employee of each, so
 * the caller can tell which named person has no account.
 */
export async function audienceAccounts(db: Executor, enterpriseId: string, a: PlanAudience): Promise<{ userId: string; employeeId: string | null }[]> {
  if (!a.employeeIds.length && !a.unitIds.length && !a.postIds.length) return [];
  const rows = await db.selectFrom('users as u')
    .leftJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'u.enterprise_id').onRef('e.id', '=', 'u.employee_id'))
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'u.enterprise_id').on(sql<SqlBool>`ou.id = coalesce(e.org_unit_id, u.org_unit_id)`))
    .select(['u.id', 'u.employee_id'])
    .where('u.enterprise_id', '=', enterpriseId).where('u.disabled', '=', false)
    .where((eb) => eb.or([
      ...(a.employeeIds.length ? [eb('u.employee_id', 'in', [...a.employeeIds])] : []),
      ...(a.unitIds.length ? [eb.exists(eb.selectFrom('org_units as top').select('top.id')
        .where('top.enterprise_id', '=', enterpriseId).where('top.id', 'in', [...a.unitIds])
        .where(sql<SqlBool>`ou.path like top.path || '%'`))] : []),
      ...(a.postIds.length ? [eb.exists(eb.selectFrom('employee_posts as ep').select('ep.post_id')
        .where('ep.enterprise_id', '=', enterpriseId).whereRef('ep.employee_id', '=', 'u.employee_id').where('ep.post_id', 'in', [...a.postIds]))] : []),
    ]))
    .orderBy('u.id').execute();
  return rows.map((r) => ({ userId: r.id, employeeId: r.employee_id }));
}

// ---- read receipts ----

export async function insertReceipts(tx: Tx, enterpriseId: string, planId: string, versionNo: number, userIds: readonly string[], at: Date) {
  if (!userIds.length) return;
  await tx.insertInto('emergency_plan_receipts')
    .values(userIds.map((u) => ({ enterprise_id: enterpriseId, plan_id: planId, version_no: versionNo, user_id: u, created_at: at })))
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function markReceiptRead(tx: Tx, enterpriseId: string, planId: string, versionNo: number, userId: string, at: Date): Promise<boolean> {
  const r = await tx.updateTable('emergency_plan_receipts').set({ read_at: at })
    .where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('version_no', '=', versionNo).where('user_id', '=', userId)
    .where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function receiptsOf(db: Executor, enterpriseId: string, planId: string, versionNo: number) {
  return db.selectFrom('emergency_plan_receipts as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'r.enterprise_id').onRef('e.id', '=', 'u.employee_id'))
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'e.enterprise_id').onRef('ou.id', '=', 'e.org_unit_id'))
    .select(['r.user_id', 'u.display_name', 'ou.name as unit_name', 'r.read_at'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.plan_id', '=', planId).where('r.version_no', '=', versionNo)
    .orderBy('r.read_at', (ob) => ob.desc().nullsFirst()).orderBy('u.display_name').execute();
}

export async function myReceipt(db: Executor, enterpriseId: string, planId: string, versionNo: number, userId: string) {
  return (await db.selectFrom('emergency_plan_receipts').select(['read_at']).where('enterprise_id', '=', enterpriseId)
    .where('plan_id', '=', planId).where('version_no', '=', versionNo).where('user_id', '=', userId).executeTakeFirst()) ?? null;
}

// ---- filings ----

/**
 * R-EMG-1: the offices an enterprise files its plans with: the emergency management department of its district (code
 * `YJJ`, the lookup the reference data seeds) and every department of its district supervising its industry.
 */
export async function filingOfficesOf(db: Executor, enterpriseId: string): Promise<{ emergency: string | null; industry: string[] }> {
  const ent = await db.selectFrom('enterprises').select(['district_id', 'industry_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const yjj = await db.selectFrom('departments').select('id').where('district_id', '=', ent.district_id).where('code', '=', 'YJJ').executeTakeFirst();
  const industry = await db.selectFrom('departments as d').innerJoin('department_industries as di', 'di.department_id', 'd.id')
    .select('d.id').where('d.district_id', '=', ent.district_id).where('di.industry_code', '=', ent.industry_code).orderBy('d.code').execute();
  return { emergency: yjj?.id ?? null, industry: industry.map((r) => r.id) };
}

export async function insertFilings(tx: Tx, enterpriseId: string, planId: string, versionNo: number, departmentIds: readonly string[], by: string, at: Date) {
  if (!departmentIds.length) return;
  await tx.insertInto('emergency_plan_filings').values(departmentIds.map((d) => ({
    enterprise_id: enterpriseId, plan_id: planId, version_no: versionNo, department_id: d, submitted_at: at, submitted_by: by, created_at: at, updated_at: at,
  }))).execute();
}

const filingColumns = [
  'f.id', 'f.enterprise_id', 'f.plan_id', 'f.version_no', 'f.department_id', 'f.status', 'f.submitted_at', 'f.rounds', 'f.receipt_no', 'f.return_reason',
  'f.decided_at', 'f.version', 'd.name as department_name', 'd.code as department_code', 'p.title as plan_title', 'p.kind as plan_kind',
  'e.name as enterprise_name', 'du.display_name as decided_by_name',
] as const;

function filingsBase(db: Executor, scope: AnyScope) {
  return db.selectFrom('emergency_plan_filings as f')
    .innerJoin('departments as d', 'd.id', 'f.department_id')
    .innerJoin('emergency_plans as p', (j) => j.onRef('p.enterprise_id', '=', 'f.enterprise_id').onRef('p.id', '=', 'f.plan_id'))
    .innerJoin('enterprises as e', 'e.id', 'f.enterprise_id')
    .leftJoin('users as du', 'du.id', 'f.decided_by')
    .where(filingVisibleTo(scope, 'f'));
}

/** The filings of one plan (all its versions), newest version first. */
export async function filingsOfPlan(db: Executor, scope: AnyScope, enterpriseId: string, planId: string) {
  return filingsBase(db, scope).select(filingColumns).where('f.enterprise_id', '=', enterpriseId).where('f.plan_id', '=', planId)
    .orderBy('f.version_no', 'desc').orderBy('d.code').execute();
}

export async function findFiling(db: Executor, scope: AnyScope, id: string, opts: { lock?: boolean } = {}) {
  const q = filingsBase(db, scope).select(filingColumns).where('f.id', '=', id);
  return (await (opts.lock ? q.forUpdate('f') : q).executeTakeFirst()) ?? null;
}
export type FilingRow = NonNullable<Awaited<ReturnType<typeof findFiling>>>;

export type FilingListFilter = { status?: FilingStatus | undefined; q?: string | undefined; page: number; pageSize: number; order: 'asc' | 'desc'; sort: 'submittedAt' | 'enterprise' };
const FILING_SORT = { submittedAt: 'f.submitted_at', enterprise: 'e.name' } as const;

/** The regulator's inbox: filings addressed to the caller's office (or in his district / subdistrict). */
export async function listFilingRows(db: Executor, scope: AnyScope, q: FilingListFilter) {
  let base = filingsBase(db, scope).where(enterpriseRowInScope(scope.kind === 'department' ? { kind: 'system' } : scope, 'e'));
  if (q.status) base = base.where('f.status', '=', q.status);
  if (q.q) base = base.where(searchWhere(q.q, ['e.name', 'p.title', { column: 'e.credit_code', upper: true }]));
  return listPage(base, {
    select: (qb) => qb.select(filingColumns),
    sort: { map: FILING_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'f.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

export async function updateFiling(tx: Tx, enterpriseId: string, id: string, expectedVersion: number, values: {
  status: FilingStatus; receipt_no?: string | null; return_reason?: string | null; decided_by?: string | null; decided_at?: Date | null;
  submitted_at?: Date; submitted_by?: string; rounds?: number; updated_at: Date;
}): Promise<boolean> {
  const r = await tx.updateTable('emergency_plan_filings').set({ ...values, version: sql`version + 1` })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The plan a filing is of, under its row lock (taken before the filing's: the order every step takes). */
export async function lockPlanOfFiling(tx: Tx, f: Pick<FilingRow, 'enterprise_id' | 'plan_id'>) {
  return tx.selectFrom('emergency_plans').select(['status', 'current_version', 'title', 'version'])
    .where('enterprise_id', '=', f.enterprise_id).where('id', '=', f.plan_id).forUpdate().executeTakeFirstOrThrow();
}

/** The version a filing filed (the caller has seen the filing). */
export async function versionOfFiling(db: Executor, f: Pick<FilingRow, 'enterprise_id' | 'plan_id' | 'version_no'>) {
  return db.selectFrom('emergency_plan_versions as v').leftJoin('users as su', 'su.id', 'v.signed_by').selectAll('v').select('su.display_name as signed_by_name')
    .where('v.enterprise_id', '=', f.enterprise_id).where('v.plan_id', '=', f.plan_id).where('v.number', '=', f.version_no).executeTakeFirstOrThrow();
}

/** The plan a file is attached to (null when it is not a plan's file). */
export async function planOfFile(db: Executor, enterpriseId: string, fileId: string): Promise<string | null> {
  const row = await db.selectFrom('attachment_links').select('owner_id').where('enterprise_id', '=', enterpriseId)
    .where('attachment_id', '=', fileId).where('owner_type', '=', PLAN_FILE_OWNER).executeTakeFirst();
  return row?.owner_id ?? null;
}

export async function filingStatuses(db: Executor, enterpriseId: string, planId: string, versionNo: number): Promise<FilingStatus[]> {
  const rows = await db.selectFrom('emergency_plan_filings').select('status').where('enterprise_id', '=', enterpriseId)
    .where('plan_id', '=', planId).where('version_no', '=', versionNo).execute();
  return rows.map((r) => r.status);
}

export async function returnedFilingIds(db: Executor, enterpriseId: string, planId: string, versionNo: number) {
  return db.selectFrom('emergency_plan_filings').select(['id', 'version', 'rounds', 'department_id']).where('enterprise_id', '=', enterpriseId)
    .where('plan_id', '=', planId).where('version_no', '=', versionNo).where('status', '=', 'returned').execute();
}

/**
 * The plan's filings still open, of any version: waiting for an office (pending) or for the enterprise's correction
 * (returned). A withdrawal withdraws them (R-EMG-1); the caller holds the plan's row lock, which every decision takes first.
 */
export async function openFilingsOfPlan(db: Executor, enterpriseId: string, planId: string) {
  return db.selectFrom('emergency_plan_filings').select(['id', 'version', 'status', 'department_id']).where('enterprise_id', '=', enterpriseId)
    .where('plan_id', '=', planId).where('status', 'in', ['pending', 'returned']).orderBy('id').execute();
}

/** Filings waiting for the office's decision (the officers' workbench). */
export async function pendingFilingCount(db: Executor, departmentId: string): Promise<number> {
  const r = await db.selectFrom('emergency_plan_filings').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', departmentId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The enterprise's plans waiting for the principal's signature, and its returned filings (the managers' workbench). */
export async function enterpriseWorkCounts(db: Executor, enterpriseId: string) {
  const r = await db.selectFrom('emergency_plans as p').select([
    sql<number>`count(*) filter (where p.status = 'reviewed')`.as('to_sign'),
    sql<number>`count(*) filter (where exists (select 1 from emergency_plan_filings f where f.enterprise_id = p.enterprise_id and f.plan_id = p.id
      and f.version_no = p.current_version and f.status = 'returned'))`.as('returned'),
  ]).where('p.enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
  return { toSign: Number(r.to_sign), returned: Number(r.returned) };
}

export async function officersOf(db: Executor, departmentIds: readonly string[]): Promise<string[]> {
  if (!departmentIds.length) return [];
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'department_officer').where('disabled', '=', false)
    .where('department_id', 'in', [...departmentIds]).execute();
  return rows.map((r) => r.id);
}

// ---- yearly reviews and evaluations ----

export async function insertAssessment(tx: Tx, enterpriseId: string, v: {
  plan_id: string; version_no: number; kind: 'yearly_review' | 'evaluation'; reviewer: string; reviewed_on: string; changed: boolean; reason: string; created_by: string; created_at: Date;
}) {
  return (await tx.insertInto('emergency_plan_assessments').values({ ...v, enterprise_id: enterpriseId }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findAssessment(db: Executor, enterpriseId: string, planId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('emergency_plan_assessments').selectAll().where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('id', '=', id);
  return (await (opts.lock ? q.forUpdate() : q).executeTakeFirst()) ?? null;
}

export async function markAssessmentSigned(tx: Tx, enterpriseId: string, id: string, v: { content_sha256: string; signature_id: string; signed_by: string; signed_at: Date }) {
  await tx.updateTable('emergency_plan_assessments').set(v).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

export async function assessmentsOf(db: Executor, enterpriseId: string, planId: string) {
  return db.selectFrom('emergency_plan_assessments as a').leftJoin('users as u', 'u.id', 'a.signed_by')
    .select(['a.id', 'a.version_no', 'a.kind', 'a.reviewer', 'a.reviewed_on', 'a.changed', 'a.reason', 'a.signed_at', 'u.display_name as signed_by_name'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.plan_id', '=', planId).orderBy('a.reviewed_on', 'desc').orderBy('a.id').execute();
}

/** The enterprise's name, for an export's file name (the caller's scope holds it). */
export async function enterpriseNameOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprises as e').select('e.name').where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirstOrThrow();
  return e.name;
}
