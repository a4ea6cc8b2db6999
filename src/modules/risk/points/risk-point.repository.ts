import { sql } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import { riskPointRowVisibleTo, riskPointVisibleTo } from './risk-point.policy';
import type { RiskListQuery } from './risk-point.schema';
import { listPage, searchWhere, type SortTerm } from '../../../platform/db/list-query';

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
