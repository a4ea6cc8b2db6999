import type { Scope } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';
import { enterpriseRowInScope } from '../../platform/db/scope';
import type { EnterpriseListQuery } from './enterprise.schema';
import { containsPattern } from '../../platform/db/like';

const SORT_COLUMNS = {
  name: 'e.name',
  creditCode: 'e.credit_code',
  employeeCount: 'e.employee_count',
  updatedAt: 'e.updated_at',
} as const;

function baseQuery(db: Executor) {
  return db.selectFrom('enterprises as e')
    .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code');
}

function filtered(db: Executor, scope: Scope, q: EnterpriseListQuery) {
  let query = db.selectFrom('enterprises as e').where(enterpriseRowInScope(scope, 'e'));
  if (q.subdistrictId) query = query.where('e.subdistrict_id', '=', q.subdistrictId);
  if (q.industryCode) query = query.where('e.industry_code', '=', q.industryCode);
  if (q.status) query = query.where('e.status', '=', q.status);
  if (q.highRisk !== undefined) query = query.where('e.high_risk', '=', q.highRisk);
  if (q.q) {
    const like = containsPattern(q.q);
    query = query.where((eb) => eb.or([eb('e.name', 'like', like), eb('e.credit_code', 'like', like.toUpperCase())]));
  }
  return query;
}

/**
 * The directory page and its total in one round trip. Ordered by an indexed column within the scope, PostgreSQL
 * reads just the page's rows (the (subdistrict_id, name, id) and (industry_code, name, id) indexes); the total is
 * an index-only count evaluated once as a scalar subquery.
 */
export async function listEnterprises(db: Executor, scope: Scope, q: EnterpriseListQuery) {
  const total = filtered(db, scope, q).select((eb) => eb.fn.countAll<number>().as('n'));
  return filtered(db, scope, q)
    .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .select(['e.id', 'e.credit_code', 'e.name', 'e.subdistrict_id', 's.name as subdistrict_name', 'e.industry_code',
      'i.name as industry_name', 'e.employee_count', 'e.high_risk', 'e.status', 'e.principal_name', 'e.updated_at',
      total.as('total')])
    .orderBy(SORT_COLUMNS[q.sort], q.order).orderBy('e.id', q.order)
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
}

/** The total for the same filters, for a page past the end (which has no row to carry it). */
export async function countEnterprises(db: Executor, scope: Scope, q: EnterpriseListQuery) {
  const r = await filtered(db, scope, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findEnterprise(db: Executor, scope: Scope, id: string) {
  return baseQuery(db)
    .selectAll('e')
    .select(['s.name as subdistrict_name', 'i.name as industry_name'])
    .where('e.id', '=', id)
    .where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirst();
}
export type EnterpriseWithNames = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>;
