import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import { enterpriseInScope, orgUnitInScope } from '../../platform/db/scope';

/** A post is visible wherever its enterprise is in scope; to an org-unit leader, the posts of his unit and below. */
export function postVisibleTo(scope: Scope, alias = 'p'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)})`;
}
