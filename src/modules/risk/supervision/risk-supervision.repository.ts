import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import type { DB, EnterprisesTable, RiskPointsTable } from '../../../platform/db/schema';
import { enterpriseRowInScope } from '../../../platform/db/scope';
import { MISSING_R8 } from '../points/risk-point.repository';
import type { MajorQuery, OverviewFlag, OverviewQuery, OverviewSummaryQuery } from './risk-supervision.schema';
import { listPage, searchWhere, type SortTerm } from '../../../platform/db/list-query';

/**
 * Regulator views over the risk ledgers of every enterprise in scope (issue 3 §8). Scope is applied to the
 * enterprises table itself (its (subdistrict_id|industry_code|district_id, name, id) indexes); per-enterprise counts
 * are aggregates inside the same statement, never one query per enterprise.
 */
const missingR8 = MISSING_R8 as Expression<SqlBool>;
type Filters = OverviewSummaryQuery & { q?: string; flag?: OverviewFlag };
type EnterpriseEb = ExpressionBuilder<DB & { e: EnterprisesTable }, 'e'>;
type PointEb = ExpressionBuilder<DB & { e: EnterprisesTable; r: RiskPointsTable }, 'e' | 'r'>;

/** An active point of enterprise `e` matching `cond` exists. */
function hasPoint(eb: EnterpriseEb, cond: (r: PointEb) => Expression<SqlBool>) {
  return eb.exists(eb.selectFrom('risk_points as r').select(sql`1`.as('one'))
    .whereRef('r.enterprise_id', '=', 'e.id').where('r.status', '=', 'active').where(cond));
}

/** Enterprises in scope that operate (a closed one has no ledger to keep), with the overview's filters. */
function enterprisesInScope(db: Executor, scope: Scope, f: Filters, today: string) {
  let query = db.selectFrom('enterprises as e').where(enterpriseRowInScope(scope, 'e')).where('e.status', '<>', 'closed');
  if (f.subdistrictId) query = query.where('e.subdistrict_id', '=', f.subdistrictId);
  if (f.industryCode) query = query.where('e.industry_code', '=', f.industryCode);
  if (f.q) query = query.where(searchWhere(f.q, ['e.name', { column: 'e.credit_code', upper: true }]));
  switch (f.flag) {
    case 'noLedger': query = query.where((eb) => eb.not(hasPoint(eb, () => sql<SqlBool>`true`))); break;
    case 'overdue': query = query.where((eb) => hasPoint(eb, (r) => r('r.reassess_due', '<', today))); break;
    case 'missingR8': query = query.where((eb) => hasPoint(eb, () => missingR8)); break;
    case 'controlFailing': query = query.where((eb) => hasPoint(eb, (r) => r('r.control_failing', '=', true))); break;
    case 'hasGrade1': query = query.where((eb) => hasPoint(eb, (r) => r('r.grade', '=', 1))); break;
    case undefined: break;
  }
  return query;
}

/** The per-enterprise counts, over the active points aliased `r`. */
function countColumns(today: string) {
  return [
    sql<number>`count(*)`.as('total'),
    sql<number>`count(*) filter (where r.grade = 1)`.as('g1'),
    sql<number>`count(*) filter (where r.grade = 2)`.as('g2'),
    sql<number>`count(*) filter (where r.grade = 3)`.as('g3'),
    sql<number>`count(*) filter (where r.grade = 4)`.as('g4'),
    sql<number>`count(*) filter (where r.grade is null)`.as('unassessed'),
    sql<number>`count(*) filter (where r.reassess_due < ${today})`.as('overdue'),
    sql<number>`count(*) filter (where ${MISSING_R8})`.as('missing_r8'),
    sql<number>`count(*) filter (where r.control_failing)`.as('failing'),
  ] as const;
}
const COUNTS = ['total', 'g1', 'g2', 'g3', 'g4', 'unassessed', 'overdue', 'missing_r8', 'failing'] as const;

/** The counts of one enterprise `e` (for a page of them): an aggregate without GROUP BY, so no points gives zeros. */
function countsOfOne(eb: EnterpriseEb, today: string) {
  return eb.selectFrom('risk_points as r').whereRef('r.enterprise_id', '=', 'e.id').where('r.status', '=', 'active')
    .select(countColumns(today)).as('a');
}

/** The counts of every enterprise in scope that has points, in one pass over their points (a hash aggregate). */
function countsOfAll(db: Executor, scope: Scope, f: Filters, today: string) {
  return db.selectFrom('risk_points as r').where('r.status', '=', 'active')
    .where('r.enterprise_id', 'in', enterprisesInScope(db, scope, f, today).select('e.id'))
    .groupBy('r.enterprise_id')
    .select(['r.enterprise_id', ...countColumns(today)]);
}

const ENTERPRISE_COLUMNS = ['e.id', 'e.name', 'e.credit_code', 'e.subdistrict_id', 's.name as subdistrict_name', 'e.industry_code', 'i.name as industry_name'] as const;
const COUNT_SORT = {
  total: 'total', grade1: 'g1', grade2: 'g2', unassessed: 'unassessed', overdue: 'overdue', missingR8: 'missing_r8', controlFailing: 'failing',
} as const;

/**
 * The overview page and its total in one statement. Sorted by name, the page's enterprises are picked first from
 * the name index and only they are counted (one index probe each); sorted by a count, the points of every enterprise
 * in scope are counted in one hash aggregate, then the enterprises sorted by it.
 */
export async function overviewPage(db: Executor, scope: Scope, q: OverviewQuery, today: string) {
  const total = enterprisesInScope(db, scope, q, today).select((eb) => eb.fn.countAll<number>().as('n'));
  if (q.sort === 'name') {
    const page = enterprisesInScope(db, scope, q, today).select(['e.id', 'e.name'])
      .orderBy('e.name', q.order).orderBy('e.id', q.order).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    return db.selectFrom(page.as('p'))
      .innerJoin('enterprises as e', 'e.id', 'p.id')
      .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
      .innerJoin('industries as i', 'i.code', 'e.industry_code')
      .innerJoinLateral((eb) => countsOfOne(eb, today), (j) => j.onTrue())
      .select([...ENTERPRISE_COLUMNS, ...COUNTS.map((c) => sql<number>`${sql.ref(`a.${c}`)}`.as(c)), total.as('total_count')])
      .orderBy('e.name', q.order).orderBy('e.id', q.order)
      .execute();
  }
  const count = (c: string) => sql<number>`coalesce(${sql.ref(`a.${c}`)}, 0)`;
  const sort = q.sort;
  return enterprisesInScope(db, scope, q, today)
    .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .leftJoin(countsOfAll(db, scope, q, today).as('a'), 'a.enterprise_id', 'e.id')
    .select([...ENTERPRISE_COLUMNS, ...COUNTS.map((c) => count(c).as(c)), total.as('total_count')])
    .$call((qb) => (sort === 'risk'
      // A ranking, riskiest first whatever `order` says: major, then considerable, then missing on-site items (R-RISK-8).
      ? qb.orderBy(count('g1'), 'desc').orderBy(count('g2'), 'desc').orderBy(count('missing_r8'), 'desc')
      : qb.orderBy(count(COUNT_SORT[sort]), q.order)))
    .orderBy('e.name').orderBy('e.id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize)
    .execute();
}
export type OverviewRow = Awaited<ReturnType<typeof overviewPage>>[number];

/** The total alone, for a page past the end (which has no row to carry it). */
export async function overviewCount(db: Executor, scope: Scope, q: OverviewQuery, today: string): Promise<number> {
  const r = await enterprisesInScope(db, scope, q, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The cards above the overview: enterprises and points in scope, summed over the per-enterprise counts. */
export async function overviewTotals(db: Executor, scope: Scope, f: OverviewSummaryQuery, today: string) {
  const sum = (c: string) => sql<number>`coalesce(sum(${sql.ref(`a.${c}`)}), 0)`;
  const having = (c: string) => sql<number>`count(*) filter (where ${sql.ref(`a.${c}`)} > 0)`;
  return db.selectFrom(countsOfAll(db, scope, f, today).as('a'))
    .select([
      enterprisesInScope(db, scope, f, today).select((eb) => eb.fn.countAll<number>().as('n')).as('enterprises'),
      sql<number>`count(*)`.as('with_ledger'),
      ...COUNTS.map((c) => sum(c).as(c)),
      having('g1').as('e_g1'), having('overdue').as('e_overdue'), having('missing_r8').as('e_missing_r8'), having('failing').as('e_failing'),
    ])
    .executeTakeFirstOrThrow();
}

function majorBase(db: Executor, scope: Scope, q: MajorQuery, today: string) {
  let query = db.selectFrom('risk_points as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .where('r.grade', '=', 1).where('r.status', '=', 'active')
    .where(enterpriseRowInScope(scope, 'e')).where('e.status', '<>', 'closed');
  if (q.subdistrictId) query = query.where('e.subdistrict_id', '=', q.subdistrictId);
  if (q.industryCode) query = query.where('e.industry_code', '=', q.industryCode);
  if (q.q) query = query.where(searchWhere(q.q, ['e.name', 'r.name', 'r.code']));
  switch (q.flag) {
    case 'overdue': query = query.where('r.reassess_due', '<', today); break;
    case 'missingR8': query = query.where(missingR8); break;
    case 'controlFailing': query = query.where('r.control_failing', '=', true); break;
    case undefined: break;
  }
  return query;
}

const MAJOR_SORT: Record<'enterprise' | 'reassessDue', SortTerm[]> = {
  reassessDue: [{ by: 'r.reassess_due', nulls: 'last' }, { by: 'e.name', dir: 'asc' }, { by: 'r.code', dir: 'asc' }],
  enterprise: ['e.name', 'r.enterprise_id', { by: 'r.code', dir: 'asc' }],
};

/** Every grade-1 point in scope, with its enterprise (the partial index on grade-1 points serves it). */
export async function majorRiskPage(db: Executor, scope: Scope, q: MajorQuery, today: string) {
  const base = majorBase(db, scope, q, today);
  const { items: rows, total } = await listPage(base, {
    select: (qb) => qb
      .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
      .innerJoin('industries as i', 'i.code', 'e.industry_code')
      .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
      .select(['r.id', 'r.enterprise_id', 'e.name as enterprise_name', 'e.subdistrict_id', 's.name as subdistrict_name', 'e.industry_code', 'i.name as industry_name',
        'r.code', 'r.name', 'r.kind', 'u.name as org_unit_name', 'r.major_hazard_source', 'r.control_level', 'r.reassess_due', 'r.control_failing',
        'r.has_warning_signs', 'r.has_monitoring', 'r.has_emergency_equipment', 'r.has_escape_routes']),
    sort: { map: MAJOR_SORT, key: q.sort, order: q.order, tiebreak: [] },
    page: q.page, pageSize: q.pageSize,
  });
  return { rows, total };
}
