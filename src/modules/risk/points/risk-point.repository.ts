import { sql, type Insertable, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { ControlLevelName, RiskAssessmentsTable, RiskPointsTable } from '../../../platform/db/schema';
import { enterpriseInScope, requireInScope } from '../../../platform/db/scope';
import { postVisibleTo } from '../../org';
import { riskPointRowVisibleTo, riskPointVisibleTo } from './risk-point.policy';
import type { MeasuresInput, RiskListQuery } from './risk-point.schema';
import { listPage, searchWhere, type SortTerm } from '../../../platform/db/list-query';

/*
 * The risk ledger's SQL (R-RISK-1 … R-RISK-8): risk points and the rows that follow them — posts, controllers, control
 * measures and their check items, assessments. Every read is filtered by `riskPointVisibleTo` / `riskPointRowVisibleTo`
 * (risk-point.policy.ts), or by the enterprise scope where a value must be unique in the whole enterprise; every write
 * is guarded by the enterprise scope (which point a caller may change is decided by the service on the row it loaded).
 */

const SORT = { code: 'r.code', name: 'r.name', grade: 'r.grade', reassessDue: 'r.reassess_due', updatedAt: 'r.updated_at' } as const;
/** Every sort key puts points without the value (no grade, no due date) last. */
const SORT_MAP = Object.fromEntries(Object.entries(SORT).map(([k, by]) => [k, { by, nulls: 'last' }])) as Record<keyof typeof SORT, SortTerm>;

/** R-RISK-8: grade 1–2 points missing any of the four required items. */
export const MISSING_R8 = sql<boolean>`(r.grade <= 2 and not (r.has_warning_signs and r.has_monitoring and r.has_emergency_equipment and r.has_escape_routes))`;

function ledgerBase(db: Executor, scope: Scope, enterpriseId: string, q: Partial<RiskListQuery>, today: string) {
  let query = db.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .where('r.enterprise_id', '=', enterpriseId)
    .where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r'));
  if (q.grade) query = query.where('r.grade', '=', q.grade as 1 | 2 | 3 | 4);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  if (q.floorPlanId) query = query.where('r.floor_plan_id', '=', q.floorPlanId);
  if (q.orgUnitId) {
    const unitId = q.orgUnitId;
    query = query.where('u.path', 'like', (eb) => eb.selectFrom('org_units').select(sql<string>`path || '%'`.as('p')).where('enterprise_id', '=', enterpriseId).where('id', '=', unitId));
  }
  if (q.q) query = query.where(searchWhere(q.q, ['r.name', 'r.code', 'r.location']));
  switch (q.flag) {
    case 'missingR8': query = query.where(MISSING_R8); break;
    case 'overdue': query = query.where('r.reassess_due', '<', today); break;
    case 'controlFailing': query = query.where('r.control_failing', '=', true); break;
    case 'unassessed': query = query.where('r.grade', 'is', null); break;
    case undefined: break;
  }
  return query;
}

export async function listRiskPoints(db: Executor, scope: Scope, enterpriseId: string, q: RiskListQuery, today: string) {
  const base = ledgerBase(db, scope, enterpriseId, q, today);
  const { items: rows, total } = await listPage(base, {
    select: (qb) => qb.selectAll('r').select(['u.name as org_unit_name', MISSING_R8.as('missing_r8')]),
    sort: { map: SORT_MAP, key: q.sort, order: q.order, tiebreak: [{ by: 'r.code', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
  return { rows, total };
}
export type RiskRow = Awaited<ReturnType<typeof listRiskPoints>>['rows'][number];

/**
 * Posts, controllers, measures and latest scores for a set of points: one query each, not one per point. Each follows
 * its point (risk-point.policy.ts): nothing of a point outside the scope.
 */
export async function loadRiskExtras(db: Executor, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return { posts: [], controllers: [], measures: [], items: [], latest: [] };
  const [posts, controllers, measures, items, latest] = await Promise.all([
    db.selectFrom('risk_point_posts as rp').innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'rp.enterprise_id').onRef('p.id', '=', 'rp.post_id'))
      .select(['rp.risk_point_id', 'p.id', 'p.name']).where('rp.enterprise_id', '=', enterpriseId).where('rp.risk_point_id', 'in', ids)
      .where(riskPointRowVisibleTo(scope, 'rp')).execute(),
    db.selectFrom('risk_controllers as c').innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'c.enterprise_id').onRef('m.id', '=', 'c.employee_id'))
      .select(['c.risk_point_id', 'c.level', 'c.employee_id', 'm.name']).where('c.enterprise_id', '=', enterpriseId).where('c.risk_point_id', 'in', ids)
      .where(riskPointRowVisibleTo(scope, 'c')).execute(),
    db.selectFrom('control_measures as cm').leftJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'cm.enterprise_id').onRef('m.id', '=', 'cm.owner_employee_id'))
      .select(['cm.id', 'cm.risk_point_id', 'cm.category', 'cm.content', 'cm.owner_employee_id', 'm.name as owner_name', 'cm.sort'])
      .where('cm.enterprise_id', '=', enterpriseId).where('cm.risk_point_id', 'in', ids).where(riskPointRowVisibleTo(scope, 'cm')).orderBy('cm.sort').execute(),
    db.selectFrom('risk_check_items as ci').selectAll('ci').where('ci.enterprise_id', '=', enterpriseId).where('ci.risk_point_id', 'in', ids)
      .where(riskPointRowVisibleTo(scope, 'ci')).execute(),
    db.selectFrom('risk_assessments as a').select(['a.risk_point_id', 'a.methods', 'a.stage', 'a.assessed_at'])
      .where('a.enterprise_id', '=', enterpriseId).where('a.risk_point_id', 'in', ids).where(riskPointRowVisibleTo(scope, 'a'))
      .distinctOn('a.risk_point_id').orderBy('a.risk_point_id').orderBy('a.seq', 'desc').execute(),
  ]);
  return { posts, controllers, measures, items, latest };
}

// ---- one point ----

/** One active point the scope sees, with its unit's name and path. */
export async function findRiskPoint(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  const row = await db.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .selectAll('r').select(['u.name as org_unit_name', 'u.path as unit_path'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', '=', id).where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r')).executeTakeFirst();
  return row ?? null;
}

/** R-RISK-6: a point's assessments, newest first, with who assessed. */
export async function pointAssessments(db: Executor, scope: Scope, enterpriseId: string, pointId: string) {
  return db.selectFrom('risk_assessments as a').leftJoin('users as u', 'u.id', 'a.assessed_by')
    .select(['a.id', 'a.stage', 'a.grade', 'a.methods', 'a.rule_set_version', 'a.reason', 'u.display_name', 'a.assessed_at'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.risk_point_id', '=', pointId).where(riskPointRowVisibleTo(scope, 'a'))
    .orderBy('a.seq', 'desc').execute();
}

/** A point's residual grade, if assessed (the current grade follows it). */
export async function residualGradeOf(db: Executor, scope: Scope, enterpriseId: string, pointId: string) {
  const row = await db.selectFrom('risk_points').select(['residual_grade']).where('enterprise_id', '=', enterpriseId).where('id', '=', pointId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirstOrThrow();
  return row.residual_grade;
}

/** Whether a point of the enterprise has the code: a code is unique in the whole enterprise, whoever sees the point. */
export async function riskPointCodeTaken(db: Executor, scope: Scope, enterpriseId: string, code: string): Promise<boolean> {
  const row = await db.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', code)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!row;
}

// ---- what a point names ----

export async function orgUnitExists(db: Executor, scope: Scope, enterpriseId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!row;
}

/** Which of these posts exist (and the scope sees). */
export async function postsFound(db: Executor, scope: Scope, enterpriseId: string, ids: string[]) {
  return db.selectFrom('posts as p').select('p.id').where('p.enterprise_id', '=', enterpriseId).where('p.id', 'in', ids)
    .where(postVisibleTo(scope, 'p')).execute();
}

/** Which of these employees exist in the enterprise (active ones only, with `activeOnly`). */
export async function employeesFound(db: Executor, scope: Scope, enterpriseId: string, ids: string[], opts: { activeOnly: boolean }) {
  let q = db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids)
    .where(enterpriseInScope(scope, 'enterprise_id'));
  if (opts.activeOnly) q = q.where('status', '=', 'active');
  return q.execute();
}

// ---- writes ----

export async function insertRiskPoint(tx: Tx, scope: Scope, enterpriseId: string, values: Omit<Insertable<RiskPointsTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('risk_points').values({ enterprise_id: enterpriseId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Changes the columns of one point. */
export async function updateRiskPointRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<RiskPointsTable>): Promise<void> {
  await tx.updateTable('risk_points').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Changes one point if it is still at `version`; the row as written, or undefined if another change came first. */
export async function updateRiskPointAt(tx: Tx, scope: Scope, enterpriseId: string, id: string, version: number, changes: Updateable<RiskPointsTable>) {
  return tx.updateTable('risk_points').set(changes)
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version)
    .where(enterpriseInScope(scope, 'enterprise_id')).returningAll().executeTakeFirst();
}

export async function insertAssessment(tx: Tx, scope: Scope, enterpriseId: string, values: Omit<Insertable<RiskAssessmentsTable>, 'enterprise_id'>): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('risk_assessments').values({ enterprise_id: enterpriseId, ...values }).execute();
}

/** Links a point to posts (none: nothing is written). */
export async function insertPointPosts(tx: Tx, scope: Scope, enterpriseId: string, pointId: string, postIds: readonly string[]): Promise<void> {
  if (postIds.length === 0) return;
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('risk_point_posts').values([...new Set(postIds)].map((p) => ({ enterprise_id: enterpriseId, risk_point_id: pointId, post_id: p }))).execute();
}

export async function deletePointPosts(tx: Tx, scope: Scope, enterpriseId: string, pointId: string): Promise<void> {
  await tx.deleteFrom('risk_point_posts').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', pointId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** R-RISK-4: a point's responsible people, by level. */
export async function pointControllers(db: Executor, scope: Scope, enterpriseId: string, pointId: string) {
  return db.selectFrom('risk_controllers as c').select(['c.level', 'c.employee_id']).where('c.enterprise_id', '=', enterpriseId).where('c.risk_point_id', '=', pointId)
    .where(riskPointRowVisibleTo(scope, 'c')).execute();
}

/** R-RISK-4: replaces a point's responsible people with `entries` (level, employee). */
export async function replaceControllers(tx: Tx, scope: Scope, enterpriseId: string, pointId: string, entries: readonly (readonly [ControlLevelName, string])[]): Promise<void> {
  await tx.deleteFrom('risk_controllers').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', pointId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  if (entries.length === 0) return;
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('risk_controllers').values(entries.map(([level, employeeId]) => ({ enterprise_id: enterpriseId, risk_point_id: pointId, level, employee_id: employeeId }))).execute();
}

/** R-RISK-5: a point's measures as the audit records them. */
export async function pointMeasureTexts(db: Executor, scope: Scope, enterpriseId: string, pointId: string) {
  return db.selectFrom('control_measures as cm').select(['cm.category', 'cm.content']).where('cm.enterprise_id', '=', enterpriseId).where('cm.risk_point_id', '=', pointId)
    .where(riskPointRowVisibleTo(scope, 'cm')).execute();
}

/** R-RISK-5: replaces a point's measures, in order, each with its check items. */
export async function replaceMeasures(tx: Tx, scope: Scope, enterpriseId: string, pointId: string, measures: MeasuresInput['measures']): Promise<void> {
  await tx.deleteFrom('control_measures').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', pointId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  if (measures.length > 0) await requireInScope(tx, scope, enterpriseId);
  for (const [i, m] of measures.entries()) {
    const row = await tx.insertInto('control_measures').values({ enterprise_id: enterpriseId, risk_point_id: pointId, category: m.category, content: m.content, owner_employee_id: m.ownerEmployeeId, sort: i })
      .returning('id').executeTakeFirstOrThrow();
    if (m.checkItems.length) {
      await tx.insertInto('risk_check_items').values(m.checkItems.map((c) => ({ enterprise_id: enterpriseId, risk_point_id: pointId, measure_id: row.id, content: c.content, method: c.method, cycle: c.cycle, post_id: c.postId }))).execute();
    }
  }
}

// ---- figures and lists for others ----

/**
 * Counts by grade and the ledger's warning flags over the active points the scope sees (D11: a unit leader's summary
 * counts his branch, as his ledger does).
 */
export async function riskSummaryCounts(db: Executor, scope: Scope, enterpriseId: string, todayIso: string) {
  const r = await db.selectFrom('risk_points as r').where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r'))
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 1).as('g1'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 2).as('g2'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 3).as('g3'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 4).as('g4'),
      eb.fn.countAll<number>().filterWhere('r.grade', 'is', null).as('unassessed'),
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '<', todayIso).as('overdue'),
      eb.fn.countAll<number>().filterWhere('r.control_failing', '=', true).as('failing'),
    ]).executeTakeFirstOrThrow();
  const missing = await db.selectFrom('risk_points as r').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r')).where('r.grade', '<=', 2)
    .where((eb) => eb.not(eb.and([eb('r.has_warning_signs', '=', true), eb('r.has_monitoring', '=', true), eb('r.has_emergency_equipment', '=', true), eb('r.has_escape_routes', '=', true)])))
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return { total: n(r.total), byGrade: { 1: n(r.g1), 2: n(r.g2), 3: n(r.g3), 4: n(r.g4) }, unassessed: n(r.unassessed), overdue: n(r.overdue), controlFailing: n(r.failing), missingR8: n(missing.n) };
}

/** The employee record behind an account of an enterprise in scope, if it has one. */
export async function accountEmployeeId(db: Executor, scope: Scope, userId: string): Promise<string | null> {
  const user = await db.selectFrom('users').select(['employee_id']).where('id', '=', userId).where(enterpriseInScope(scope, 'enterprise_id'))
    .executeTakeFirstOrThrow();
  return user.employee_id;
}

/**
 * "My risks": the active points where the employee is a responsible person at some level. The rule is the
 * responsibility, not the unit: a person sees every point he answers for in the enterprise.
 */
export async function risksControlledBy(db: Executor, scope: Scope, enterpriseId: string, employeeId: string) {
  return db.selectFrom('risk_controllers as c')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'c.enterprise_id').onRef('r.id', '=', 'c.risk_point_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(['r.id', 'r.code', 'r.name', 'r.grade', 'r.reassess_due', 'r.control_failing', 'u.name as org_unit_name', 'c.level'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.employee_id', '=', employeeId).where('r.status', '=', 'active')
    .where(enterpriseInScope(scope, 'c.enterprise_id'))
    .orderBy('r.grade').orderBy('r.code').execute();
}

/** R-RISK-5: the check items derived from the control measures of the active points the scope sees; one post's, with `postId`. */
export async function riskCheckItems(db: Executor, scope: Scope, enterpriseId: string, opts: { postId?: string }) {
  let q = db.selectFrom('risk_check_items as i')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'i.enterprise_id').onRef('r.id', '=', 'i.risk_point_id'))
    .innerJoin('control_measures as m', (j) => j.onRef('m.enterprise_id', '=', 'i.enterprise_id').onRef('m.id', '=', 'i.measure_id'))
    .select(['i.id', 'i.content', 'i.method', 'i.cycle', 'i.post_id', 'r.id as risk_point_id', 'r.code as risk_code', 'r.name as risk_name', 'r.grade', 'm.category', 'm.content as measure'])
    .where('i.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r'));
  if (opts.postId) q = q.where('i.post_id', '=', opts.postId);
  return q.orderBy('r.code').execute();
}
