import type { Executor } from '../../platform/db/database';
import { systemScope } from '../../platform/db/scope';
import { currentRules, type Versioned } from '../../platform/rules';
import { enterpriseAttributesOf } from '../org';
import { emergencyRequirements, type EmergencyProfile, type EmergencyRequirements } from './emergency.requirements';
import { EMERGENCY_RULES, type EmergencyRuleSet } from './emergency.rule-sets';

/**
 * RULES.md §5/§8: what the emergency rules read of an enterprise — its industry and the industry's categories, high
 * risk (the industry's or the enterprise's own flag), the size class the org module derives (RULES.md §8), and the
 * hazardous-goods-carrier and crowded-venue flags. Null when the enterprise does not exist. Callers check the user's
 * scope themselves; this reads for the rules, not for a person.
 */
export async function emergencyProfileOf(db: Executor, enterpriseId: string): Promise<EmergencyProfile | null> {
  const attrs = await enterpriseAttributesOf(db, systemScope, enterpriseId);
  if (!attrs) return null;
  const industry = await db.selectFrom('industries').select('high_risk').where('code', '=', attrs.industryCode).executeTakeFirst();
  return {
    industryCode: attrs.industryCode, industryCategories: attrs.industryCategories,
    highRisk: attrs.highRisk || (industry?.high_risk ?? false), sizeClass: attrs.sizeClass,
    hazardousGoodsCarrier: attrs.hazardousGoodsCarrier, crowdedVenue: attrs.crowdedVenue,
  };
}

export type EmergencyRequirementsRecord = EmergencyRequirements & {
  profile: EmergencyProfile;
  /** The enterprise's district's `emergency` rule-set in force (its version decided the requirements). */
  rules: Versioned<EmergencyRuleSet>;
};

/** R-EMG-1…3: the requirements for the enterprise under its district's `emergency` rule-set in force; null when it does not exist. */
export async function emergencyRequirementsOf(db: Executor, enterpriseId: string): Promise<EmergencyRequirementsRecord | null> {
  const profile = await emergencyProfileOf(db, enterpriseId);
  if (!profile) return null;
  const rules = await currentRules(db, { enterpriseId }, EMERGENCY_RULES);
  return { ...emergencyRequirements(profile, rules.value), profile, rules };
}
