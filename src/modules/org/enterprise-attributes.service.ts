import type { Executor } from '../../platform/db/database';
import type { AnyScope } from '../../platform/db/scope';
import { currentRules, currentRulesByDistrict, type Versioned } from '../../platform/rules';
import { deriveEnterpriseAttributes, type EnterpriseAttributes, type EnterpriseFacts } from './enterprise-attributes';
import { enterpriseFactRows, type EnterpriseFactRow } from './enterprise-attributes.repository';
import { ENTERPRISE_ATTRIBUTE_RULES, type EnterpriseAttributeRuleSet } from './enterprise-attributes.rule-sets';

/** An enterprise's derived attributes with what the rules read beside them, and the rule-set version that decided. */
export type EnterpriseAttributeRecord = EnterpriseAttributes & {
  enterpriseId: string;
  districtId: string;
  status: 'active' | 'suspended' | 'closed';
  actualController: string;
  /** The local date it joined the platform (YYYY-MM-DD): no obligation starts before it; null only for rows loaded in bulk without one. */
  onboardedOn: string | null;
  /** The `enterprise-attributes` rule-set version the attributes were derived with (0 = the RULES.md defaults). */
  ruleSetVersion: number;
};

/** The facts of a row as the pure derivation reads them (revenue is numeric in SQL, a string from the driver). */
export function factsOf(row: Pick<EnterpriseFactRow, 'industry_code' | 'industry_categories' | 'employee_count' | 'annual_revenue_wan' | 'crowded_venue'
  | 'hazardous_goods_carrier' | 'has_workers_congress' | 'state_owned' | 'high_risk' | 'above_scale' | 'central_provincial'>): EnterpriseFacts {
  return {
    industryCode: row.industry_code, industryCategories: row.industry_categories, employeeCount: row.employee_count,
    annualRevenueWan: row.annual_revenue_wan === null ? null : Number(row.annual_revenue_wan),
    crowdedVenue: row.crowded_venue, hazardousGoodsCarrier: row.hazardous_goods_carrier, hasWorkersCongress: row.has_workers_congress,
    stateOwned: row.state_owned, highRisk: row.high_risk, aboveScale: row.above_scale, centralProvincial: row.central_provincial,
  };
}

function record(row: EnterpriseFactRow, rules: Versioned<EnterpriseAttributeRuleSet>): EnterpriseAttributeRecord {
  return {
    ...deriveEnterpriseAttributes(factsOf(row), rules.value),
    enterpriseId: row.id, districtId: row.district_id, status: row.status, actualController: row.actual_controller,
    onboardedOn: row.onboarded_on, ruleSetVersion: rules.version,
  };
}

/**
 * RULES.md §8: one enterprise's attributes under its district's rule-set in force; null when it does not exist or lies
 * outside the scope. Jobs and engines that work for no user pass `systemScope`.
 */
export async function enterpriseAttributesOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<EnterpriseAttributeRecord | null> {
  const [row] = await enterpriseFactRows(db, scope, enterpriseId);
  if (!row) return null;
  return record(row, await currentRules(db, row.district_id, ENTERPRISE_ATTRIBUTE_RULES));
}

/** RULES.md §8: the attributes of every enterprise in the scope, each under its own district's rule-set in force. */
export async function enterpriseAttributesIn(db: Executor, scope: AnyScope): Promise<EnterpriseAttributeRecord[]> {
  const [rows, rules] = await Promise.all([enterpriseFactRows(db, scope), currentRulesByDistrict(db, ENTERPRISE_ATTRIBUTE_RULES)]);
  return rows.map((r) => record(r, rules.get(r.district_id)!));
}
