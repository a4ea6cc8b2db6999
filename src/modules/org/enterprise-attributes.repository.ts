import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { enterpriseRowInScope, type AnyScope } from '../../platform/db/scope';
import type { EnterpriseAttributeRules } from './enterprise-attributes';

/**
 * The facts RULES.md §8 derives an enterprise's attributes from: its own columns and its industry's categories, for
 * one enterprise or every enterprise the scope sees (the obligations engine passes `systemScope`).
 */
export async function enterpriseFactRows(db: Executor, scope: AnyScope, enterpriseId?: string) {
  let q = db.selectFrom('enterprises as e').innerJoin('industries as i', 'i.code', 'e.industry_code')
    .select([
      'e.id', 'e.district_id', 'e.status', 'e.industry_code', 'i.categories as industry_categories', 'e.employee_count',
      'e.annual_revenue_wan', 'e.crowded_venue', 'e.hazardous_goods_carrier', 'e.has_workers_congress', 'e.state_owned',
      'e.high_risk', 'e.above_scale', 'e.central_provincial', 'e.actual_controller', 'e.onboarded_on',
    ])
    .where(enterpriseRowInScope(scope, 'e'));
  if (enterpriseId !== undefined) q = q.where('e.id', '=', enterpriseId);
  return q.orderBy('e.id').execute();
}
export type EnterpriseFactRow = Awaited<ReturnType<typeof enterpriseFactRows>>[number];

/**
 * RULES.md §8 in SQL: the condition that the enterprise under `alias` is a key-industry one under these rules, the
 * same decision as `keyIndustryBasis` (its industry is listed, or it is a crowded venue or a hazardous-goods carrier
 * where those count), for queries that select enterprises instead of deriving them one by one.
 */
export function keyIndustryWhere(rules: Pick<EnterpriseAttributeRules, 'keyIndustries' | 'crowdedVenueIsKey' | 'hazardousGoodsCarrierIsKey'>, alias: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<unknown>[] = [];
  if (rules.keyIndustries.length > 0) parts.push(sql`${col('industry_code')} in (${sql.join([...rules.keyIndustries])})`);
  if (rules.crowdedVenueIsKey) parts.push(sql`${col('crowded_venue')}`);
  if (rules.hazardousGoodsCarrierIsKey) parts.push(sql`${col('hazardous_goods_carrier')}`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
