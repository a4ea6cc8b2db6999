import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { enterpriseInScope, orgUnitInScope, type AnyScope } from '../../../platform/db/scope';

/**
 * A person's protective equipment is visible wherever his enterprise is in scope; to a unit leader, the people of his
 * unit and its descendants only. `alias` is an `employees` row: the one rule for the ledger, the gaps and the counts.
 */
export function ppePersonVisibleTo(scope: AnyScope, alias = 'e'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)})`;
}
