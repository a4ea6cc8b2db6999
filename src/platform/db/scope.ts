import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Scope } from '../auth/actor';
import { notFound } from '../errors';
import type { Executor } from './database';
import { searchWhere } from './list-query';

/**
 * The scope of the system's own work, done for no user: the scheduled jobs (hazard escalation), the demo seed, and the
 * public page behind a card's QR code, whose token is the only credential. Every repository function takes a scope
 * as its first argument after the database; work without a user passes this one, so each unrestricted read or write
 * names itself at its call site (grep `systemScope`) instead of hiding behind a missing argument. It sees every
 * enterprise. It is never an account's scope: sessions build a `Scope` from the account, and no route can pass this.
 */
export type SystemScope = { readonly kind: 'system' };
export const systemScope: SystemScope = Object.freeze({ kind: 'system' });

/** What a repository function called by both people and the system accepts. */
export type AnyScope = Scope | SystemScope;

/**
 * A condition that holds when the enterprise id in `column` lies in the caller's scope.
 * Every repository query over enterprise-owned data goes through this, so nothing outside scope is ever read.
 */
export function enterpriseInScope(scope: AnyScope, column: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  switch (scope.kind) {
    case 'system':
      return sql<SqlBool>`true`;
    case 'district':
      return sql<SqlBool>`${ref} in (select id from enterprises where district_id = ${scope.districtId})`;
    case 'department':
      return sql<SqlBool>`${ref} in (select e.id from enterprises e join department_industries di
        on di.industry_code = e.industry_code where di.department_id = ${scope.departmentId})`;
    case 'subdistrict':
      return sql<SqlBool>`${ref} in (select id from enterprises where subdistrict_id = ${scope.subdistrictId})`;
    case 'enterprise':
      return sql<SqlBool>`${ref} = ${scope.enterpriseId}`;
    case 'institution':
      return sql<SqlBool>`${ref} in (${institutionEnterprises(scope.institutionId)})`;
  }
}

/** The same condition on the enterprises table itself (alias `alias`), written so indexes on it are used directly. */
export function enterpriseRowInScope(scope: AnyScope, alias: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (scope.kind) {
    case 'system':
      return sql<SqlBool>`true`;
    case 'district':
      return sql<SqlBool>`${col('district_id')} = ${scope.districtId}`;
    case 'department':
      return sql<SqlBool>`${col('industry_code')} in (select industry_code from department_industries where department_id = ${scope.departmentId})`;
    case 'subdistrict':
      return sql<SqlBool>`${col('subdistrict_id')} = ${scope.subdistrictId}`;
    case 'enterprise':
      return sql<SqlBool>`${col('id')} = ${scope.enterpriseId}`;
    case 'institution':
      return sql<SqlBool>`${col('id')} in (${institutionEnterprises(scope.institutionId)})`;
  }
}

/** The filters every regulators' list of enterprises offers: location, industry, and name or credit code. */
export type RegulatedFilters = { subdistrictId?: string | undefined; industryCode?: string | undefined; q?: string | undefined };

/**
 * The regulators' lists' base (alias `alias` on enterprises): the active enterprises in the caller's scope (subdistrict
 * by location, department by industry), narrowed by the list's filters. One condition per part, joined with `and`.
 */
export function regulatedEnterprises(scope: AnyScope, alias: string, f: RegulatedFilters = {}): RawBuilder<SqlBool>[] {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const where = [enterpriseRowInScope(scope, alias), sql<SqlBool>`${col('status')} = 'active'`];
  if (f.subdistrictId) where.push(sql<SqlBool>`${col('subdistrict_id')} = ${f.subdistrictId}`);
  if (f.industryCode) where.push(sql<SqlBool>`${col('industry_code')} = ${f.industryCode}`);
  if (f.q) where.push(searchWhere(f.q, [`${alias}.name`, { column: `${alias}.credit_code`, upper: true }]));
  return where;
}

/**
 * The regulators' lists' starting query: `enterprises as e` with its subdistrict (`sd`) and industry (`i`), narrowed to
 * `regulatedEnterprises`. Each list joins its own figures onto it.
 */
export function regulatedList(db: Executor, scope: AnyScope, f: RegulatedFilters = {}) {
  return db.selectFrom('enterprises as e')
    .innerJoin('subdistricts as sd', 'sd.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .where(sql<SqlBool>`${sql.join(regulatedEnterprises(scope, 'e', f), sql` and `)}`);
}

/**
 * The enterprises an institution's staff see. Issue 12 §4, R-INS-1: an insurer sees the enterprises of its policies in
 * force (confirmed by the enterprise, and the period holding today: `liability_policies.in_force`, kept on the platform
 * clock by the insurance module); a service institution the enterprises linked to it by hand.
 */
function institutionEnterprises(institutionId: string): RawBuilder<unknown> {
  return sql`select ie.enterprise_id from institution_enterprises ie join institutions i on i.id = ie.institution_id
    where ie.institution_id = ${institutionId} and i.kind <> 'insurer'
    union all select lp.enterprise_id from liability_policies lp where lp.institution_id = ${institutionId} and lp.in_force`;
}

/** For org-unit leaders: a condition on a unit path column limiting rows to their unit and its descendants. */
export function unitInScope(scope: AnyScope, pathColumn: string): RawBuilder<SqlBool> {
  const path = scope.kind === 'system' ? null : unitSubtree(scope);
  if (path === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(pathColumn)} like ${path + '%'}`;
}

/**
 * For org-unit leaders: a condition that the org unit named by (`enterpriseColumn`, `unitIdColumn`) lies in their
 * subtree, for tables that carry a unit id but not its path. Always true for a scope that sees whole enterprises.
 */
export function orgUnitInScope(scope: AnyScope, enterpriseColumn: string, unitIdColumn: string): RawBuilder<SqlBool> {
  const path = scope.kind === 'system' ? null : unitSubtree(scope);
  if (path === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (select 1 from org_units scope_u where scope_u.enterprise_id = ${sql.ref(enterpriseColumn)}
    and scope_u.id = ${sql.ref(unitIdColumn)} and scope_u.path like ${path + '%'})`;
}

/**
 * The guard for a write that has no WHERE to carry `enterpriseInScope`: an insert of one enterprise's rows. The
 * enterprise lies in the scope, or "not found". An enterprise's own people and the system need no query.
 */
export async function requireInScope(db: Executor, scope: AnyScope, enterpriseId: string): Promise<void> {
  if (scope.kind === 'system') return;
  if (scope.kind === 'enterprise') {
    if (scope.enterpriseId !== enterpriseId) throw notFound();
    return;
  }
  const e = await db.selectFrom('enterprises as e').select('e.id').where('e.id', '=', enterpriseId)
    .where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
  if (!e) throw notFound();
}
