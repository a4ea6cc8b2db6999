import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { enterpriseInScope, orgUnitInScope, type AnyScope } from '../../../platform/db/scope';

/**
 * An equipment record is visible wherever its enterprise is in scope; to an org-unit leader, the equipment of his unit
 * and its descendants only (as risk points). The one rule for the list, the detail, the inspections and the counts.
 */
export function equipmentVisibleTo(scope: AnyScope, alias = 'q'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)})`;
}
