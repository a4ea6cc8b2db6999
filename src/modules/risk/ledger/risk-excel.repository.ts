import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { ControlMeasuresTable, RiskAssessmentsTable, RiskControllersTable, RiskPointPostsTable, RiskPointsTable } from '../../../platform/db/schema';

/*
 * Whole-ledger reads for the export and bulk writes for the import. Reads go by enterprise, not by a list of ids:
 * one query per table whatever the size of the ledger, grouped in memory by the service.
 */

export async function unitsOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'parent_id', 'name']).where('enterprise_id', '=', enterpriseId).orderBy('sort').orderBy('name').execute();
}

export async function postsOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('posts').select(['id', 'org_unit_id', 'name']).where('enterprise_id', '=', enterpriseId).orderBy('name').execute();
}

export async function activeEmployees(db: Executor, enterpriseId: string) {
  return db.selectFrom('employees').select(['id', 'name', 'org_unit_id']).where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').execute();
}

/** Every code in use, archived points included: codes are unique per enterprise. */
export async function takenCodes(db: Executor, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('risk_points').select('code').where('enterprise_id', '=', enterpriseId).execute();
  return new Set(rows.map((r) => r.code));
}

export async function ledgerMeasures(db: Executor, enterpriseId: string) {
  return db.selectFrom('control_measures').select(['risk_point_id', 'category', 'content'])
    .where('enterprise_id', '=', enterpriseId).orderBy('risk_point_id').orderBy('sort').execute();
}

export async function ledgerControllers(db: Executor, enterpriseId: string) {
  return db.selectFrom('risk_controllers as c')
    .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'c.enterprise_id').onRef('m.id', '=', 'c.employee_id'))
    .select(['c.risk_point_id', 'c.level', 'c.employee_id', 'm.name', 'm.org_unit_id'])
    .where('c.enterprise_id', '=', enterpriseId).execute();
}

export async function ledgerPointPosts(db: Executor, enterpriseId: string) {
  return db.selectFrom('risk_point_posts').select(['risk_point_id', 'post_id']).where('enterprise_id', '=', enterpriseId).execute();
}

/** The latest assessment of each point at each stage, with the inputs it was graded from. */
export async function ledgerAssessments(db: Executor, enterpriseId: string) {
  return db.selectFrom('risk_assessments').select(['risk_point_id', 'stage', 'methods'])
    .where('enterprise_id', '=', enterpriseId)
    .distinctOn(['risk_point_id', 'stage']).orderBy('risk_point_id').orderBy('stage').orderBy('seq', 'desc').execute();
}

/** Employee names held by more than one active employee: those are written with their unit. */
export async function sharedEmployeeNames(db: Executor, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('employees').select('name').where('enterprise_id', '=', enterpriseId).where('status', '=', 'active')
    .groupBy('name').having((eb) => eb.fn.countAll(), '>', 1).execute();
  return new Set(rows.map((r) => r.name));
}

// Rows per INSERT: far below the bind-parameter limit (65,535) for the widest table, few round trips for 5,000 points.
const BATCH_PARAMS = 30_000;

async function insertBatched<T extends object>(rows: T[], columns: number, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(BATCH_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function insertLedger(tx: Tx, data: {
  points: Insertable<RiskPointsTable>[];
  assessments: Insertable<RiskAssessmentsTable>[];
  controllers: Insertable<RiskControllersTable>[];
  measures: Insertable<ControlMeasuresTable>[];
  posts: Insertable<RiskPointPostsTable>[];
}) {
  await insertBatched(data.points, 26, (c) => tx.insertInto('risk_points').values(c).execute());
  // The embedded engine has no autovacuum: without fresh statistics the foreign-key checks of the rows below keep
  // planning for an empty table and scan it once per row.
  await sql`analyze risk_points`.execute(tx);
  await insertBatched(data.assessments, 10, (c) => tx.insertInto('risk_assessments').values(c).execute());
  await insertBatched(data.controllers, 4, (c) => tx.insertInto('risk_controllers').values(c).execute());
  await insertBatched(data.measures, 7, (c) => tx.insertInto('control_measures').values(c).execute());
  await insertBatched(data.posts, 3, (c) => tx.insertInto('risk_point_posts').values(c).execute());
  await sql`analyze risk_assessments, risk_controllers, control_measures, risk_point_posts`.execute(tx);
}

/** The enterprise's points by code, archived ones included: an imported row with an active point's code updates it. */
export async function pointsByCode(db: Executor, enterpriseId: string) {
  const rows = await db.selectFrom('risk_points').select(['id', 'code', 'name', 'status', 'grade'])
    .where('enterprise_id', '=', enterpriseId).orderBy('code').execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** The points an import updates, locked until it commits (a concurrent edit or archive waits, then sees the import). */
export async function lockPoints(tx: Tx, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('risk_points').select(['id', 'status', 'version', 'grade'])
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).forUpdate().execute();
}

/** An updated point's fields as its row says (its grade changes only through an assessment). */
export async function updateLedgerPoint(tx: Tx, enterpriseId: string, id: string, version: number, values: Updateable<RiskPointsTable>) {
  await tx.updateTable('risk_points').set({ ...values, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** An updated point's controllers and posts are the file's: the old ones go, insertLedger writes the new. */
export async function clearControllersAndPosts(tx: Tx, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.deleteFrom('risk_controllers').where('enterprise_id', '=', enterpriseId).where('risk_point_id', 'in', ids).execute();
  await tx.deleteFrom('risk_point_posts').where('enterprise_id', '=', enterpriseId).where('risk_point_id', 'in', ids).execute();
}

/** The measures of the points an import updates, with their ids (a kept measure keeps its check items). */
export async function measuresOf(tx: Tx, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('control_measures').select(['id', 'risk_point_id', 'category', 'content'])
    .where('enterprise_id', '=', enterpriseId).where('risk_point_id', 'in', ids).execute();
}

/** Measures no longer in the file (their check items go with them). */
export async function deleteMeasures(tx: Tx, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.deleteFrom('control_measures').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
}

