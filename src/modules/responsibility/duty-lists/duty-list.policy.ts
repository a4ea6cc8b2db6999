import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Actor, type Scope } from '../../../platform/auth/actor';
import { enterpriseInScope, orgUnitInScope } from '../../../platform/db/scope';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * The employee record of the account looking (sessions carry it for employees only; principals, safety managers and
 * unit leaders are people of the enterprise too). Null for an account without one, which then owns no row.
 */
export function viewerEmployee(viewer: Pick<Actor, 'userId'>): RawBuilder<string | null> {
  return sql<string | null>`(select vu_e.employee_id from users vu_e where vu_e.id = ${viewer.userId})`;
}

/**
 * D11, RULES §0: a duty list is visible wherever its enterprise is in scope. An org-unit leader sees the lists attached
 * to a post, a unit or a person of his unit and its descendants; not another unit's, nor lists attached to nothing yet
 * (the managers' work in progress).
 */
export function dutyListVisibleTo(scope: Scope, alias = 'l'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(scope, `${alias}.enterprise_id`);
  const path = unitSubtree(scope);
  if (path === null) return inScope;
  return sql<SqlBool>`(${inScope} and exists (select 1 from duty_list_assignments va
    left join posts vp on vp.enterprise_id = va.enterprise_id and vp.id = va.post_id
    left join employees ve on ve.enterprise_id = va.enterprise_id and ve.id = va.employee_id
    join org_units vu on vu.enterprise_id = va.enterprise_id and vu.id = coalesce(va.org_unit_id, vp.org_unit_id, ve.org_unit_id)
    where va.enterprise_id = ${ref(alias, 'enterprise_id')} and va.list_id = ${ref(alias, 'id')} and vu.path like ${`${path}%`}))`;
}

/** Who is looking at assessment rows: the scope, and the account (a row names its assessor). */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/**
 * R-RESP-2: a person's assessment row. The enterprise's managers see every row; an org-unit leader the rows of his
 * subtree and those he assesses; an employee his own; a regulator the principal's (a self-assessment the subdistrict
 * reads). The published results are read through the notice (公示), which every employee sees.
 */
export function scoreRowVisibleTo(viewer: Viewer, alias = 's'): RawBuilder<SqlBool> {
  const scope = viewer.scope;
  const inScope = enterpriseInScope(scope, `${alias}.enterprise_id`);
  if (scope.kind !== 'enterprise') {
    return scope.kind === 'district' ? inScope : sql<SqlBool>`(${inScope} and ${ref(alias, 'is_principal')})`;
  }
  if (scope.capacity === 'manager') return inScope;
  const own = sql<SqlBool>`${ref(alias, 'employee_id')} = ${viewerEmployee(viewer)}`;
  if (scope.capacity === 'employee') return sql<SqlBool>`(${inScope} and ${own})`;
  return sql<SqlBool>`(${inScope} and (${own} or ${ref(alias, 'assessor_user_id')} = ${viewer.userId}
    or ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)}))`;
}
