import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';
import type { EnterprisesTable } from '../../platform/db/schema';
import { enterpriseRowInScope } from '../../platform/db/scope';
import type { EnterpriseListQuery } from './enterprise.schema';
import { listPage, searchWhere } from '../../platform/db/list-query';

export const ENTERPRISE_SORT = {
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
  if (q.q) query = query.where(searchWhere(q.q, ['e.name', { column: 'e.credit_code', upper: true }]));
  return query;
}

/**
 * The directory page and its total in one round trip. Ordered by an indexed column within the scope, PostgreSQL
 * reads just the page's rows (the (subdistrict_id, name, id) and (industry_code, name, id) indexes); the total is
 * an index-only count evaluated once as a scalar subquery.
 */
export async function listEnterprises(db: Executor, scope: Scope, q: EnterpriseListQuery) {
  return listPage(filtered(db, scope, q), {
    select: (qb) => qb
      .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
      .innerJoin('industries as i', 'i.code', 'e.industry_code')
      .select(['e.id', 'e.credit_code', 'e.name', 'e.subdistrict_id', 's.name as subdistrict_name', 'e.industry_code',
        'i.name as industry_name', 'e.employee_count', 'e.high_risk', 'e.status', 'e.principal_name', 'e.updated_at']),
    sort: { map: ENTERPRISE_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize, count: 'subquery',
  });
}

export async function findEnterprise(db: Executor, scope: Scope, id: string) {
  return baseQuery(db)
    .selectAll('e')
    .select(['s.name as subdistrict_name', 'i.name as industry_name', 'i.categories as industry_categories'])
    .where('e.id', '=', id)
    .where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirst();
}
export type EnterpriseWithNames = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>;

/** The scope of the district admin, the one who registers enterprises. */
export type DistrictScope = Extract<Scope, { kind: 'district' }>;

/**
 * Whether the enterprise's district has this subdistrict. Subdistricts are the district's reference data, readable by
 * every scope that may edit an enterprise of the district: nothing to narrow.
 */
export async function subdistrictOfDistrict(db: Executor, _scope: Scope, districtId: string, subdistrictId: string): Promise<boolean> {
  const s = await db.selectFrom('subdistricts').select('id').where('id', '=', subdistrictId).where('district_id', '=', districtId).executeTakeFirst();
  return !!s;
}

/** Whether the industry code exists: the national classification, the same for every scope. */
export async function industryExists(db: Executor, _scope: Scope, code: string): Promise<boolean> {
  const i = await db.selectFrom('industries').select('code').where('code', '=', code).executeTakeFirst();
  return !!i;
}

/**
 * Whether an enterprise holds this credit code. Credit codes are unique across every enterprise, so the check looks
 * past the caller's scope; it answers only whether the code is taken.
 */
export async function creditCodeTaken(db: Executor, _scope: Scope, creditCode: string): Promise<boolean> {
  const dup = await db.selectFrom('enterprises').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
  return !!dup;
}

/** A new enterprise of the district admin's own district. */
export async function insertEnterprise(tx: Tx, scope: DistrictScope, values: Omit<Insertable<EnterprisesTable>, 'district_id'>) {
  return tx.insertInto('enterprises').values({ ...values, district_id: scope.districtId }).returningAll().executeTakeFirstOrThrow();
}

/** Applies the change only if nobody changed the row since `version`; undefined when the version is stale. */
export async function updateEnterpriseRow(tx: Tx, scope: Scope, id: string, version: number, changes: Updateable<EnterprisesTable>) {
  return tx.updateTable('enterprises as e').set({ ...changes, version: version + 1 })
    .where('e.id', '=', id).where('e.version', '=', version).where(enterpriseRowInScope(scope, 'e'))
    .returningAll().executeTakeFirst();
}
