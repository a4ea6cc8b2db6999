import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Executor } from './db/database';
import type { DB, Role } from './db/schema';

/**
 * The directory: who the people around a record are — an enterprise's managers, its principal, the unit leaders above
 * a unit, the regulators of an enterprise (departments by industry, the subdistrict by location). Every notification
 * and escalation asks here instead of querying accounts by hand. Each function returns a subquery of active accounts'
 * ids (`select id`), so a caller can execute it, use it in `where(…, 'in', …)`, or join it into a set-based
 * insert … select; `idsOf` runs one and gives the ids, deduplicated and sorted.
 */
export type Recipients = SelectQueryBuilder<DB, 'users', { id: string }>;
/** An enterprise id: a value, or an SQL expression for set-based statements (e.g. `sql.ref('e.id')`). */
export type EnterpriseRef = string | Expression<string>;

/** The roles that manage an enterprise's safety: its principal and its safety managers. */
export const MANAGER_ROLES = ['enterprise_principal', 'safety_manager'] as const satisfies readonly Role[];

const active = (db: Executor) => db.selectFrom('users').select('users.id').where('users.disabled', '=', false);
const ref = (e: EnterpriseRef): Expression<string> => (typeof e === 'string' ? sql<string>`${e}::uuid` : e);

/** Active accounts of the enterprise holding one of `roles`. */
export function accountsOf(db: Executor, enterpriseId: EnterpriseRef, roles: readonly Role[]): Recipients {
  return active(db).where('users.role', 'in', roles).where('users.enterprise_id', '=', ref(enterpriseId));
}

/** The principal and the safety managers of the enterprise. */
export const managersOf = (db: Executor, enterpriseId: EnterpriseRef) => accountsOf(db, enterpriseId, MANAGER_ROLES);
export const principalsOf = (db: Executor, enterpriseId: EnterpriseRef) => accountsOf(db, enterpriseId, ['enterprise_principal']);
export const safetyManagersOf = (db: Executor, enterpriseId: EnterpriseRef) => accountsOf(db, enterpriseId, ['safety_manager']);

/** Unit leaders whose unit is the one at `unitPath` or one above it (their path is a prefix of it). */
export function unitLeadersOver(db: Executor, enterpriseId: string, unitPath: string): Recipients {
  return active(db).where('users.role', '=', 'unit_leader').where('users.enterprise_id', '=', enterpriseId)
    .where((eb) => eb.exists(eb.selectFrom('org_units as ou').select(sql.lit(1).as('one'))
      .whereRef('ou.enterprise_id', '=', 'users.enterprise_id').whereRef('ou.id', '=', 'users.org_unit_id')
      .where(sql<SqlBool>`${unitPath} like ou.path || '%'`)));
}

/** Officers of the subdistrict the enterprise lies in (supervision by location). */
export function subdistrictOfficersOf(db: Executor, enterpriseId: EnterpriseRef): Recipients {
  return active(db).where('users.role', '=', 'subdistrict_officer')
    .where('users.subdistrict_id', '=', (eb) => eb.selectFrom('enterprises as de').select('de.subdistrict_id').where('de.id', '=', ref(enterpriseId)));
}

/** Officers of the departments supervising the enterprise's industry (supervision by industry). */
export function departmentOfficersOf(db: Executor, enterpriseId: EnterpriseRef): Recipients {
  return active(db).where('users.role', '=', 'department_officer')
    .where('users.department_id', 'in', (eb) => eb.selectFrom('department_industries as di')
      .innerJoin('enterprises as de', 'de.industry_code', 'di.industry_code').select('di.department_id').where('de.id', '=', ref(enterpriseId)));
}

/** Every regulator of the enterprise: the departments of its industry and its subdistrict. */
export function regulatorsOf(db: Executor, enterpriseId: EnterpriseRef): Recipients {
  return active(db).where((eb) => eb.or([
    eb('users.id', 'in', departmentOfficersOf(db, enterpriseId)),
    eb('users.id', 'in', subdistrictOfficersOf(db, enterpriseId)),
  ]));
}

/** Officers of the district's departments that supervise any of `industries`. */
export function departmentOfficersFor(db: Executor, districtId: string, industries: readonly string[]): Recipients {
  return active(db).where('users.role', '=', 'department_officer')
    .where('users.department_id', 'in', (eb) => eb.selectFrom('departments as d').innerJoin('department_industries as di', 'di.department_id', 'd.id')
      .select('d.id').where('d.district_id', '=', districtId).where('di.industry_code', 'in', industries.length ? [...industries] : ['']));
}

/** Runs a directory query: the ids, deduplicated and sorted (a stable order for notifications and tests). */
export async function idsOf(query: Recipients): Promise<string[]> {
  return [...new Set((await query.execute()).map((r) => r.id))].sort();
}
