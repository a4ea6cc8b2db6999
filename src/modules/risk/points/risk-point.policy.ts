import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import { enterpriseInScope, orgUnitInScope } from '../../../platform/db/scope';

/**
 * A risk point is visible wherever its enterprise is in scope; to an org-unit leader, the points of his unit and its
 * descendants only. The one rule for the ledger, a point's detail, the summary counts and the post report page.
 */
export function riskPointVisibleTo(scope: Scope, alias = 'r'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)})`;
}
