import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Scope } from '../../../platform/auth/actor';
import { enterpriseInScope, orgUnitInScope } from '../../../platform/db/scope';

/**
 * A risk point is visible wherever its enterprise is in scope; to an org-unit leader, the points of his unit and its
 * descendants only. The one rule for the ledger, a point's detail, the summary counts and the post report page.
 */
export function riskPointVisibleTo(scope: Scope, alias = 'r'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)})`;
}

/**
 * A row attached to a risk point (a measure, a controller, a post link, an assessment, a check item) follows its point:
 * visible when the point is. Where the scope sees whole enterprises that is the enterprise's own condition (the
 * foreign key holds the point in the same enterprise), without a second look at the point.
 */
export function riskPointRowVisibleTo(scope: Scope, alias: string, pointColumn = 'risk_point_id'): RawBuilder<SqlBool> {
  if (unitSubtree(scope) === null) return enterpriseInScope(scope, `${alias}.enterprise_id`);
  return sql<SqlBool>`exists (select 1 from risk_points vr where vr.enterprise_id = ${sql.ref(`${alias}.enterprise_id`)}
    and vr.id = ${sql.ref(`${alias}.${pointColumn}`)} and ${riskPointVisibleTo(scope, 'vr')})`;
}
