import { sql, type SqlBool } from 'kysely';
import type { AnyScope } from '../../../platform/db/scope';
import { enterpriseInScope, enterpriseRowInScope } from '../../../platform/db/scope';
import type { Executor, Tx } from '../../../platform/db/database';
import type {
  AccidentActionsTable, AccidentInterviewsTable, AccidentInvestigationsTable, AccidentReportingFindingsTable, InvestigationConductor, ReportingFindingKind,
} from '../../../platform/db/schema/accident-followup';
import type { Insertable, Updateable } from 'kysely';
import { accidentVisibleTo, followupActionVisibleTo, type Viewer } from './followup.policy';

/*
 * The accident follow-up's SQL (issue 14 §4–5, migration 0119). Reads go through `accidentVisibleTo` (followup.policy.ts),
 * so an accident outside it is "not found"; writes name the enterprise, decided by the service on the row it loaded
 * under its lock. The core `accidents` table (0114, 0118) is read here, never written.
 */

// ---- the accident ----

export function selectAccident(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('accidents as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .select([
      'a.enterprise_id', 'a.id', 'a.kind', 'a.occurred_at', 'a.place', 'a.summary', 'a.deaths', 'a.missing', 'a.serious_injuries', 'a.minor_injuries',
      'a.direct_loss', 'a.grade', 'a.regulators_received_at', 'a.version', 'e.name as enterprise_name', 'e.subdistrict_id', 'e.industry_code', 'e.district_id',
    ])
    .where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id).where(accidentVisibleTo(viewer, 'a'));
}

export async function findAccident(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectAccident(db, viewer, enterpriseId, id);
  return (await (opts.lock ? q.forUpdate('a') : q).executeTakeFirst()) ?? null;
}
export type AccidentRow = NonNullable<Awaited<ReturnType<typeof findAccident>>>;

/** The accidents of `ids` the viewer sees in the enterprise (for an interview that covers several). */
export async function findAccidents(db: Executor, viewer: Viewer, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('accidents as a').select(['a.id', 'a.kind', 'a.regulators_received_at', 'a.occurred_at'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.id', 'in', [...ids]).where(accidentVisibleTo(viewer, 'a')).forUpdate('a').execute();
}

// ---- interviews ----

export async function insertInterview(tx: Tx, enterpriseId: string, values: Omit<Insertable<AccidentInterviewsTable>, 'enterprise_id'>): Promise<string> {
  return (await tx.insertInto('accident_interviews').values({ ...values, enterprise_id: enterpriseId }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function linkInterview(tx: Tx, enterpriseId: string, interviewId: string, accidentIds: readonly string[]): Promise<void> {
  await tx.insertInto('accident_interview_accidents')
    .values(accidentIds.map((accidentId) => ({ enterprise_id: enterpriseId, interview_id: interviewId, accident_id: accidentId }))).execute();
}

/** Which of these accidents an interview already covers (the caller holds the accidents' locks). */
export async function interviewedAccidents(db: Executor, enterpriseId: string, accidentIds: readonly string[]): Promise<string[]> {
  if (!accidentIds.length) return [];
  const rows = await db.selectFrom('accident_interview_accidents').select('accident_id').distinct()
    .where('enterprise_id', '=', enterpriseId).where('accident_id', 'in', [...accidentIds]).execute();
  return rows.map((r) => r.accident_id);
}

function interviewColumns(db: Executor) {
  return db.selectFrom('accident_interviews as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .leftJoin('users as rb', 'rb.id', 'i.recorded_by')
    .selectAll('i')
    .select([
      'e.name as enterprise_name', 'd.name as department_name', 'rb.display_name as recorded_by_name',
      sql<string[]>`(select coalesce(array_agg(ia.accident_id::text order by ia.accident_id), '{}') from accident_interview_accidents ia
        where ia.enterprise_id = i.enterprise_id and ia.interview_id = i.id)`.as('accident_ids'),
    ]);
}

/** The interviews the viewer sees: those covering at least one accident visible to them. */
const interviewVisible = (viewer: Viewer) => sql<SqlBool>`exists (select 1 from accident_interview_accidents via join accidents va
  on va.enterprise_id = via.enterprise_id and va.id = via.accident_id
  where via.enterprise_id = i.enterprise_id and via.interview_id = i.id and ${accidentVisibleTo(viewer, 'va')})`;

export async function interviewsOfAccident(db: Executor, viewer: Viewer, enterpriseId: string, accidentId: string) {
  return interviewColumns(db).where('i.enterprise_id', '=', enterpriseId).where(interviewVisible(viewer))
    .where((eb) => eb.exists(eb.selectFrom('accident_interview_accidents as x').select('x.interview_id')
      .whereRef('x.enterprise_id', '=', 'i.enterprise_id').whereRef('x.interview_id', '=', 'i.id').where('x.accident_id', '=', accidentId)))
    .orderBy('i.held_at').orderBy('i.id').execute();
}

export async function findInterview(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = interviewColumns(db).where('i.enterprise_id', '=', enterpriseId).where('i.id', '=', id).where(interviewVisible(viewer));
  return (await (opts.lock ? q.forUpdate('i') : q).executeTakeFirst()) ?? null;
}
export type InterviewRow = NonNullable<Awaited<ReturnType<typeof findInterview>>>;

export async function updateInterview(tx: Tx, enterpriseId: string, id: string, version: number, changes: Updateable<AccidentInterviewsTable>): Promise<boolean> {
  const r = await tx.updateTable('accident_interviews').set({ ...changes, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The interviews held in the viewer's scope, newest first (the department's "done" list and the export). */
export async function interviewsInScope(db: Executor, viewer: Viewer, f: { from: Date; to: Date; limit: number }) {
  return interviewColumns(db).where(interviewVisible(viewer)).where('i.held_at', '>=', f.from).where('i.held_at', '<', f.to)
    .orderBy('i.held_at', 'desc').orderBy('i.id').limit(f.limit).execute();
}

/**
 * R-RESP-8: the accidents reported to the regulators in the viewer's scope that no interview covers yet, oldest report
 * first (the department's "due" list). Near misses never reach the regulators.
 */
export async function accidentsAwaitingInterview(db: Executor, viewer: Viewer, limit: number) {
  return db.selectFrom('accidents as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .select(['a.enterprise_id', 'a.id', 'a.occurred_at', 'a.regulators_received_at', 'a.summary', 'a.grade', 'a.deaths', 'a.serious_injuries', 'e.name as enterprise_name'])
    .where('a.kind', '=', 'accident').where('a.regulators_received_at', 'is not', null).where('e.status', '=', 'active')
    .where(accidentVisibleTo(viewer, 'a'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('accident_interview_accidents as ia').select('ia.interview_id')
      .whereRef('ia.enterprise_id', '=', 'a.enterprise_id').whereRef('ia.accident_id', '=', 'a.id'))))
    .orderBy('a.regulators_received_at').orderBy('a.id').limit(limit).execute();
}

/**
 * R-RESP-8's rate per department: of the enterprises in the scope with at least one accident (near misses excluded)
 * reported in the period, how many were interviewed about every one of them. Departments of the district (only the
 * caller's own for a department officer); an enterprise counts for each department supervising its industry.
 */
export async function interviewRateRows(db: Executor, scope: AnyScope, from: Date, to: Date) {
  const departments = scope.kind === 'department' ? sql`d.id = ${scope.departmentId}`
    : scope.kind === 'district' ? sql`d.district_id = ${scope.districtId}`
      : scope.kind === 'subdistrict' ? sql`d.district_id = (select s.district_id from subdistricts s where s.id = ${scope.subdistrictId})`
        : sql`false`;
  const rows = await sql<{ department_id: string; department_name: string; with_accidents: number; interviewed: number }>`
    with acc as (
      select a.enterprise_id, e.industry_code, bool_and(exists (select 1 from accident_interview_accidents ia
               where ia.enterprise_id = a.enterprise_id and ia.accident_id = a.id)) as interviewed
        from accidents a join enterprises e on e.id = a.enterprise_id
       where a.kind = 'accident' and a.regulators_received_at is not null and a.occurred_at >= ${from} and a.occurred_at < ${to}
         and ${enterpriseRowInScope(scope, 'e')}
       group by a.enterprise_id, e.industry_code)
    select d.id as department_id, d.name as department_name,
           (select count(*)::int from acc join department_industries di on di.industry_code = acc.industry_code where di.department_id = d.id) as with_accidents,
           (select count(*)::int from acc join department_industries di on di.industry_code = acc.industry_code where di.department_id = d.id and acc.interviewed) as interviewed
      from departments d where ${departments}
     order by d.code, d.id`.execute(db);
  return rows.rows;
}

// ---- investigation ----

export async function findInvestigation(db: Executor, enterpriseId: string, accidentId: string, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('accident_investigations as v').leftJoin('users as cb', 'cb.id', 'v.concluded_by')
    .selectAll('v').select('cb.display_name as concluded_by_name')
    .where('v.enterprise_id', '=', enterpriseId).where('v.accident_id', '=', accidentId);
  return (await (opts.lock ? q.forUpdate('v') : q).executeTakeFirst()) ?? null;
}
export type InvestigationRow = NonNullable<Awaited<ReturnType<typeof findInvestigation>>>;

export async function insertInvestigation(tx: Tx, enterpriseId: string, accidentId: string, values: { conducted_by: InvestigationConductor; entrusted_at: Date | null; entrusted_by: string | null; created_by: string; at: Date }) {
  await tx.insertInto('accident_investigations').values({
    enterprise_id: enterpriseId, accident_id: accidentId, conducted_by: values.conducted_by, entrusted_at: values.entrusted_at, entrusted_by: values.entrusted_by,
    responsibility_accident: null, created_by: values.created_by, created_at: values.at, updated_at: values.at,
  }).execute();
}

export async function updateInvestigation(tx: Tx, enterpriseId: string, accidentId: string, version: number, changes: Updateable<AccidentInvestigationsTable>): Promise<boolean> {
  const r = await tx.updateTable('accident_investigations').set({ ...changes, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('accident_id', '=', accidentId).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** R-CRD-1: the concluded responsibility accidents in the scope, to offer to the credit list (newest first). */
export async function responsibilityAccidents(db: Executor, scope: AnyScope, since: Date) {
  return db.selectFrom('accident_investigations as v')
    .innerJoin('accidents as a', (j) => j.onRef('a.enterprise_id', '=', 'v.enterprise_id').onRef('a.id', '=', 'v.accident_id'))
    .select(['v.enterprise_id', 'v.accident_id', 'a.grade', 'a.occurred_at', 'v.concluded_at'])
    .where('v.responsibility_accident', '=', true).where('v.status', '=', 'concluded').where('a.kind', '=', 'accident')
    .where('v.concluded_at', '>=', since).where(enterpriseInScope(scope, 'v.enterprise_id'))
    .orderBy('v.concluded_at', 'desc').execute();
}

// ---- actions ----

function actionColumns(db: Executor) {
  return db.selectFrom('accident_actions as x')
    .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'x.enterprise_id').onRef('oe.id', '=', 'x.owner_employee_id'))
    .innerJoin('accidents as a', (j) => j.onRef('a.enterprise_id', '=', 'x.enterprise_id').onRef('a.id', '=', 'x.accident_id'))
    .leftJoin('users as dbu', 'dbu.id', 'x.done_by')
    .selectAll('x')
    .select(['oe.name as owner_name', 'dbu.display_name as done_by_name', 'a.summary as accident_summary', 'a.occurred_at as accident_occurred_at']);
}

export async function actionsOfAccident(db: Executor, viewer: Viewer, enterpriseId: string, accidentId: string) {
  return actionColumns(db).where('x.enterprise_id', '=', enterpriseId).where('x.accident_id', '=', accidentId)
    .where(followupActionVisibleTo(viewer, 'x')).orderBy('x.due_on').orderBy('x.id').execute();
}
export type ActionRow = Awaited<ReturnType<typeof actionsOfAccident>>[number];

/** The actions of the enterprise the viewer sees; `mineOf`: only those owned by that employee; `open`: not done. */
export async function listActionRows(db: Executor, viewer: Viewer, enterpriseId: string, f: { mineOf?: string | null; open?: boolean; limit: number }) {
  let q = actionColumns(db).where('x.enterprise_id', '=', enterpriseId).where(followupActionVisibleTo(viewer, 'x'));
  if (f.mineOf !== undefined) q = f.mineOf === null ? q.where(sql<SqlBool>`false`) : q.where('x.owner_employee_id', '=', f.mineOf);
  if (f.open) q = q.where('x.status', '=', 'open');
  return q.orderBy('x.status', 'desc').orderBy('x.due_on').orderBy('x.id').limit(f.limit).execute();
}

export async function findAction(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = actionColumns(db).where('x.enterprise_id', '=', enterpriseId).where('x.id', '=', id).where(followupActionVisibleTo(viewer, 'x'));
  return (await (opts.lock ? q.forUpdate('x') : q).executeTakeFirst()) ?? null;
}

export async function insertAction(tx: Tx, enterpriseId: string, values: Omit<Insertable<AccidentActionsTable>, 'enterprise_id'>): Promise<string> {
  return (await tx.insertInto('accident_actions').values({ ...values, enterprise_id: enterpriseId }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAction(tx: Tx, enterpriseId: string, id: string, version: number, changes: Updateable<AccidentActionsTable>): Promise<boolean> {
  const r = await tx.updateTable('accident_actions').set({ ...changes, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The active employees among `ids` and their accounts (an action's owner must be one). */
export async function activeEmployees(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { name: string; userId: string | null }>();
  const rows = await db.selectFrom('employees as m').select(['m.id', 'm.name',
    sql<string | null>`(select u.id from users u where u.enterprise_id = m.enterprise_id and u.employee_id = m.id and not u.disabled order by u.created_at limit 1)`.as('user_id')])
    .where('m.enterprise_id', '=', enterpriseId).where('m.id', 'in', [...ids]).where('m.status', '=', 'active').execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, userId: r.user_id }]));
}

export async function employeeOfAccount(db: Executor, userId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirst())?.employee_id ?? null;
}

// ---- reporting findings ----

export async function insertFinding(tx: Tx, enterpriseId: string, values: Omit<Insertable<AccidentReportingFindingsTable>, 'enterprise_id'>): Promise<string> {
  return (await tx.insertInto('accident_reporting_findings').values({ ...values, enterprise_id: enterpriseId }).returning('id').executeTakeFirstOrThrow()).id;
}

function findingColumns(db: Executor) {
  return db.selectFrom('accident_reporting_findings as f')
    .innerJoin('accidents as a', (j) => j.onRef('a.enterprise_id', '=', 'f.enterprise_id').onRef('a.id', '=', 'f.accident_id'))
    .innerJoin('enterprises as e', 'e.id', 'f.enterprise_id')
    .leftJoin('departments as d', 'd.id', 'f.department_id')
    .leftJoin('subdistricts as s', 's.id', 'f.subdistrict_id')
    .leftJoin('users as rb', 'rb.id', 'f.recorded_by')
    .selectAll('f')
    .select(['e.name as enterprise_name', 'a.summary as accident_summary', 'a.occurred_at as accident_occurred_at',
      sql<string | null>`coalesce(d.name, s.name)`.as('office_name'), 'rb.display_name as recorded_by_name']);
}

export async function findingsOfAccident(db: Executor, viewer: Viewer, enterpriseId: string, accidentId: string) {
  return findingColumns(db).where('f.enterprise_id', '=', enterpriseId).where('f.accident_id', '=', accidentId).where(accidentVisibleTo(viewer, 'a'))
    .orderBy('f.found_on').orderBy('f.id').execute();
}
export type FindingRow = Awaited<ReturnType<typeof findingsOfAccident>>[number];

export async function findFinding(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return (await findingColumns(db).where('f.enterprise_id', '=', enterpriseId).where('f.id', '=', id).where(accidentVisibleTo(viewer, 'a')).executeTakeFirst()) ?? null;
}

/** The regulators' list of findings in the scope, newest first; queryable by kind and period (the credit list reads it). */
export async function findingsInScope(db: Executor, viewer: Viewer, f: { kind?: ReportingFindingKind; from?: string; to?: string; page: number; pageSize: number }) {
  let q = findingColumns(db).where(accidentVisibleTo(viewer, 'a'));
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  if (f.from) q = q.where('f.found_on', '>=', f.from);
  if (f.to) q = q.where('f.found_on', '<=', f.to);
  const [items, total] = await Promise.all([
    q.orderBy('f.found_on', 'desc').orderBy('f.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

// ---- risk links and the insurer's notice ----

export async function insertRiskLink(tx: Tx, enterpriseId: string, accidentId: string, riskPointId: string, by: string, at: Date): Promise<boolean> {
  const r = await tx.insertInto('accident_risk_links').values({ enterprise_id: enterpriseId, accident_id: accidentId, risk_point_id: riskPointId, linked_by: by, linked_at: at })
    .onConflict((oc) => oc.doNothing()).returning('risk_point_id').executeTakeFirst();
  return r !== undefined;
}

/** The points an accident is linked to, with their grade and control flag as the risk module keeps them now. */
export async function riskLinksOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_risk_links as l')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'l.enterprise_id').onRef('r.id', '=', 'l.risk_point_id'))
    .select(['l.risk_point_id', 'r.code', 'r.name', 'r.grade', 'r.control_failing', 'r.reassess_due', 'l.linked_at'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.accident_id', '=', accidentId).orderBy('r.code').execute();
}

/** The new notice's id; null when the accident was already notified under that policy. */
export async function insertInsurerNotice(tx: Tx, enterpriseId: string, v: { accidentId: string; policyId: string; institutionId: string; by: string | null; at: Date }): Promise<string | null> {
  const r = await tx.insertInto('accident_insurance_notices').values({
    enterprise_id: enterpriseId, accident_id: v.accidentId, policy_id: v.policyId, institution_id: v.institutionId, created_by: v.by, created_at: v.at,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function insurerNoticesOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_insurance_notices as n')
    .innerJoin('institutions as ins', 'ins.id', 'n.institution_id')
    .innerJoin('liability_policies as p', (j) => j.onRef('p.enterprise_id', '=', 'n.enterprise_id').onRef('p.id', '=', 'n.policy_id'))
    .select(['n.id', 'ins.name as institution_name', 'p.policy_number', 'n.created_at'])
    .where('n.enterprise_id', '=', enterpriseId).where('n.accident_id', '=', accidentId).orderBy('n.created_at').execute();
}

/** The active staff accounts of an institution (the insurer told of an accident). */
export async function institutionAccounts(db: Executor, institutionId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('institution_id', '=', institutionId).where('disabled', '=', false).execute()).map((r) => r.id);
}

/** The enterprise's managers' accounts (told of an entrusted investigation). */
export async function managerAccounts(db: Executor, enterpriseId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('disabled', '=', false)
    .where('role', 'in', ['enterprise_principal', 'safety_manager']).execute()).map((r) => r.id);
}

/** The department of an officer's account (the interviewing or finding office). */
export async function officeOf(db: Executor, userId: string) {
  return db.selectFrom('users').select(['department_id', 'subdistrict_id']).where('id', '=', userId).executeTakeFirst();
}
