import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';
import { enterpriseInScope } from '../../platform/db/scope';

/**
 * The names of an org unit and its ancestors below the company, "一车间 / 甲班", as a SQL expression over the
 * org_units row aliased `alias`; the company itself is written with its own name. Built in the same query from the
 * materialised path (an ancestor's path is a prefix of the unit's), so lists do not load the tree to name a unit.
 * Posts are named by it because two units may each have an "操作工".
 */
export function unitPathLabel(alias: string): RawBuilder<string> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<string>`coalesce((select string_agg(pa.name, ' / ' order by length(pa.path)) from org_units pa
    where pa.enterprise_id = ${col('enterprise_id')} and pa.parent_id is not null
      and ${col('path')} like pa.path || '%'), ${col('name')})`;
}

/** The path label of one unit (see `unitPathLabel`); empty when the unit is gone. */
export async function unitPathOf(db: Executor, scope: Scope, enterpriseId: string, unitId: string): Promise<string> {
  const row = await db.selectFrom('org_units as u').select(unitPathLabel('u').as('unit_path'))
    .where('u.enterprise_id', '=', enterpriseId).where('u.id', '=', unitId).where(enterpriseInScope(scope, 'u.enterprise_id')).executeTakeFirst();
  return row?.unit_path ?? '';
}
