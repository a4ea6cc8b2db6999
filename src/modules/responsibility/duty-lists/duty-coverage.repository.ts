import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import type { EmploymentForm } from '../../../platform/db/schema';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, orgUnitInScope, unitInScope, type AnyScope } from '../../../platform/db/scope';
import type { CoveragePerson, CoveragePost, CoverageUnit } from './duty-coverage.rules';
import { personCovered, postCovered } from './duty-list.repository';
import { COVERAGE_SORT, type CoverageListQuery } from './duty-list.schema';

/*
 * R-RESP-1 coverage, counted from the database: the units, posts and active people of an enterprise the caller sees
 * (a unit leader his subtree), each post and person with whether a current list covers it. The figures are computed
 * by duty-coverage.rules.ts; the regulators' list counts per enterprise in one statement.
 */

export async function coverageUnits(db: Executor, scope: AnyScope, enterpriseId: string): Promise<CoverageUnit[]> {
  const rows = await db.selectFrom('org_units as u').select(['u.id', 'u.parent_id', 'u.name', 'u.kind', 'u.path'])
    .where('u.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'u.enterprise_id')).where(unitInScope(scope, 'u.path'))
    .orderBy('u.path').execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, path: r.path }));
}

export async function coveragePosts(db: Executor, scope: AnyScope, enterpriseId: string): Promise<CoveragePost[]> {
  const rows = await db.selectFrom('posts as p').select(['p.id', 'p.name', 'p.org_unit_id', postCovered('p').as('covered')])
    .where('p.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'p.enterprise_id')).where(orgUnitInScope(scope, 'p.enterprise_id', 'p.org_unit_id'))
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.org_unit_id, covered: Boolean(r.covered) }));
}

/** Every active person of every employment form, with the names of their posts. */
export async function coveragePeople(db: Executor, scope: AnyScope, enterpriseId: string): Promise<CoveragePerson[]> {
  const rows = await db.selectFrom('employees as m')
    .select(['m.id', 'm.name', 'm.org_unit_id', 'm.employment_form', personCovered('m').as('covered'),
      sql<string[] | null>`(select array_agg(pp.name order by pp.name) from employee_posts ep join posts pp on pp.enterprise_id = ep.enterprise_id and pp.id = ep.post_id
        where ep.enterprise_id = m.enterprise_id and ep.employee_id = m.id)`.as('post_names')])
    .where('m.enterprise_id', '=', enterpriseId).where('m.status', '=', 'active')
    .where(enterpriseInScope(scope, 'm.enterprise_id')).where(orgUnitInScope(scope, 'm.enterprise_id', 'm.org_unit_id'))
    .execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, unitId: r.org_unit_id, employmentForm: r.employment_form as EmploymentForm, covered: Boolean(r.covered), postNames: r.post_names ?? [],
  }));
}

/**
 * The regulators' list: each enterprise in scope (operating) with its post and people coverage, counted in the same
 * statement (per-enterprise scalar subqueries over the indexes on posts and employees), a unit leader's over his
 * subtree. Sorted by name or by a rate, lowest first when ascending; an enterprise with nothing to cover sorts last.
 */
export async function coverageByEnterprise(db: Executor, scope: Scope, q: CoverageListQuery) {
  const unitOk = (alias: string) => orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`);
  let inner = db.selectFrom('enterprises as e')
    .innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .where(enterpriseRowInScope(scope, 'e')).where('e.status', '<>', 'closed');
  if (q.subdistrictId) inner = inner.where('e.subdistrict_id', '=', q.subdistrictId);
  if (q.industryCode) inner = inner.where('e.industry_code', '=', q.industryCode);
  if (q.q) inner = inner.where(searchWhere(q.q, ['e.name', { column: 'e.credit_code', upper: true }]));
  const counted = inner.select(['e.id', 'e.name', 's.name as subdistrict_name', 'i.name as industry_name',
    sql<number>`(select count(*) from posts p where p.enterprise_id = e.id and ${unitOk('p')})`.as('posts_total'),
    sql<number>`(select count(*) from posts p where p.enterprise_id = e.id and ${unitOk('p')} and ${postCovered('p')})`.as('posts_covered'),
    sql<number>`(select count(*) from employees m where m.enterprise_id = e.id and m.status = 'active' and ${unitOk('m')})`.as('people_total'),
    sql<number>`(select count(*) from employees m where m.enterprise_id = e.id and m.status = 'active' and ${unitOk('m')} and ${personCovered('m')})`.as('people_covered'),
  ]);
  let filtered = db.selectFrom(counted.as('c')).select(['c.id', 'c.name', 'c.subdistrict_name', 'c.industry_name', 'c.posts_total', 'c.posts_covered', 'c.people_total', 'c.people_covered',
    sql<number | null>`case when c.posts_total = 0 then null else c.posts_covered::numeric / c.posts_total end`.as('posts_rate'),
    sql<number | null>`case when c.people_total = 0 then null else c.people_covered::numeric / c.people_total end`.as('people_rate'),
  ]);
  if (q.incomplete) filtered = filtered.where(sql<SqlBool>`(c.posts_covered < c.posts_total or c.people_covered < c.people_total or c.posts_total = 0 or c.people_total = 0)`);
  const outer = db.selectFrom(filtered.as('x'));
  return listPage(outer, {
    select: (qb) => qb.selectAll('x'),
    sort: { map: Object.fromEntries(Object.entries(COVERAGE_SORT).map(([k, v]) => [k, k === 'name' ? v : { by: v, nulls: 'last' as const }])), key: q.sort, order: q.order, tiebreak: ['x.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}
