import { sql, type Insertable, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { ControlMeasuresTable, RiskAssessmentsTable, RiskControllersTable, RiskPointPostsTable, RiskPointsTable } from '../../../platform/db/schema';
import { enterpriseInScope, requireInScope } from '../../../platform/db/scope';
import { postVisibleTo } from '../../org';
import { riskPointRowVisibleTo, riskPointVisibleTo } from '../points/risk-point.policy';

/*
 * Whole-ledger reads for the export and bulk writes for the import. Reads go by enterprise, not by a list of ids:
 * one query per table whatever the size of the ledger, grouped in memory by the service. What belongs to a point
 * follows the point (risk-point.policy.ts); units, employees and codes are the enterprise's reference, read whole.
 */

export async function unitsOf(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'parent_id', 'name']).where('enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'enterprise_id')).orderBy('sort').orderBy('name').execute();
}

/** The posts the scope sees (org post.policy.ts). */
export async function postsOf(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('posts as p').select(['p.id', 'p.org_unit_id', 'p.name']).where('p.enterprise_id', '=', enterpriseId)
    .where(postVisibleTo(scope, 'p')).orderBy('p.name').execute();
}

export async function activeEmployees(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('employees').select(['id', 'name', 'org_unit_id']).where('enterprise_id', '=', enterpriseId).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Every code in use, archived points included: codes are unique per enterprise, so none is hidden by a unit. */
export async function takenCodes(db: Executor, scope: Scope, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('risk_points').select('code').where('enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return new Set(rows.map((r) => r.code));
}

export async function ledgerMeasures(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('control_measures as m').select(['m.risk_point_id', 'm.category', 'm.content'])
    .where('m.enterprise_id', '=', enterpriseId).where(riskPointRowVisibleTo(scope, 'm')).orderBy('m.risk_point_id').orderBy('m.sort').execute();
}

export async function ledgerControllers(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('risk_controllers as c')
    .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'c.enterprise_id').onRef('m.id', '=', 'c.employee_id'))
    .select(['c.risk_point_id', 'c.level', 'c.employee_id', 'm.name', 'm.org_unit_id'])
    .where('c.enterprise_id', '=', enterpriseId).where(riskPointRowVisibleTo(scope, 'c')).execute();
}

export async function ledgerPointPosts(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('risk_point_posts as rp').select(['rp.risk_point_id', 'rp.post_id']).where('rp.enterprise_id', '=', enterpriseId)
    .where(riskPointRowVisibleTo(scope, 'rp')).execute();
}

/** The latest assessment of each point at each stage, with the inputs it was graded from. */
export async function ledgerAssessments(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('risk_assessments as a').select(['a.risk_point_id', 'a.stage', 'a.methods'])
    .where('a.enterprise_id', '=', enterpriseId).where(riskPointRowVisibleTo(scope, 'a'))
    .distinctOn(['a.risk_point_id', 'a.stage']).orderBy('a.risk_point_id').orderBy('a.stage').orderBy('a.seq', 'desc').execute();
}

/** Employee names held by more than one active employee of the enterprise: those are written with their unit. */
export async function sharedEmployeeNames(db: Executor, scope: Scope, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('employees').select('name').where('enterprise_id', '=', enterpriseId).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .groupBy('name').having((eb) => eb.fn.countAll(), '>', 1).execute();
  return new Set(rows.map((r) => r.name));
}

// Rows per INSERT: far below the bind-parameter limit (65,535) for the widest table, few round trips for 5,000 points.
const BATCH_PARAMS = 30_000;

async function insertBatched<T extends object>(rows: T[], columns: number, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(BATCH_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Rows of one enterprise, whatever `enterprise_id` they were built with. */
const ofEnterprise = <T extends { enterprise_id: string }>(rows: T[], enterpriseId: string): T[] => rows.map((r) => ({ ...r, enterprise_id: enterpriseId }));

/** An import's new rows, all of one enterprise in scope. */
export async function insertLedger(tx: Tx, scope: Scope, enterpriseId: string, data: {
  points: Insertable<RiskPointsTable>[];
  assessments: Insertable<RiskAssessmentsTable>[];
  controllers: Insertable<RiskControllersTable>[];
  measures: Insertable<ControlMeasuresTable>[];
  posts: Insertable<RiskPointPostsTable>[];
}) {
  await requireInScope(tx, scope, enterpriseId);
  await insertBatched(ofEnterprise(data.points, enterpriseId), 26, (c) => tx.insertInto('risk_points').values(c).execute());
  // The embedded engine has no autovacuum: without fresh statistics the foreign-key checks of the rows below keep
  // planning for an empty table and scan it once per row.
  await sql`analyze risk_points`.execute(tx);
  await insertBatched(ofEnterprise(data.assessments, enterpriseId), 10, (c) => tx.insertInto('risk_assessments').values(c).execute());
  await insertBatched(ofEnterprise(data.controllers, enterpriseId), 4, (c) => tx.insertInto('risk_controllers').values(c).execute());
  await insertBatched(ofEnterprise(data.measures, enterpriseId), 7, (c) => tx.insertInto('control_measures').values(c).execute());
  await insertBatched(ofEnterprise(data.posts, enterpriseId), 3, (c) => tx.insertInto('risk_point_posts').values(c).execute());
  await sql`analyze risk_assessments, risk_controllers, control_measures, risk_point_posts`.execute(tx);
}

/** The enterprise's points by code, archived ones included: an imported row with an active point's code updates it. */
export async function pointsByCode(db: Executor, scope: Scope, enterpriseId: string) {
  const rows = await db.selectFrom('risk_points as r').select(['r.id', 'r.code', 'r.name', 'r.status', 'r.grade'])
    .where('r.enterprise_id', '=', enterpriseId).where(riskPointVisibleTo(scope, 'r')).orderBy('r.code').execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** The points an import updates, locked until it commits (a concurrent edit or archive waits, then sees the import). */
export async function lockPoints(tx: Tx, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('risk_points as r').select(['r.id', 'r.status', 'r.version', 'r.grade'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', 'in', ids).where(riskPointVisibleTo(scope, 'r')).forUpdate('r').execute();
}

/** An updated point's fields as its row says (its grade changes only through an assessment). */
export async function updateLedgerPoint(tx: Tx, scope: Scope, enterpriseId: string, id: string, version: number, values: Updateable<RiskPointsTable>) {
  await tx.updateTable('risk_points').set({ ...values, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** An updated point's controllers and posts are the file's: the old ones go, insertLedger writes the new. */
export async function clearControllersAndPosts(tx: Tx, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.deleteFrom('risk_controllers').where('enterprise_id', '=', enterpriseId).where('risk_point_id', 'in', ids)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  await tx.deleteFrom('risk_point_posts').where('enterprise_id', '=', enterpriseId).where('risk_point_id', 'in', ids)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The measures of the points an import updates, with their ids (a kept measure keeps its check items). */
export async function measuresOf(tx: Tx, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('control_measures as m').select(['m.id', 'm.risk_point_id', 'm.category', 'm.content'])
    .where('m.enterprise_id', '=', enterpriseId).where('m.risk_point_id', 'in', ids).where(riskPointRowVisibleTo(scope, 'm')).execute();
}

/** Measures no longer in the file (their check items go with them). */
export async function deleteMeasures(tx: Tx, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.deleteFrom('control_measures').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

