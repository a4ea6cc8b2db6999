import type { ModuleManifest } from '../../platform/module';
import { drillsManifest } from './drills/drills.manifest';
import { plansManifest } from './plans/plans.manifest';
import { rescueManifest } from './rescue/rescue.manifest';

/**
 * Emergency preparedness (应急管理, RULES.md §5 R-EMG-1…3, issue 14): plans and their filing (plans/), drills and their
 * follow-up (drills/), rescue organisation, equipment and contacts (rescue/). Each sub-domain is its own manifest,
 * listed once in src/app.ts.
 */
export const emergencyModules: readonly ModuleManifest[] = [plansManifest, drillsManifest, rescueManifest];

export {
  emergencyRequirements, type EmergencyProfile, type EmergencyRequirements, type EmergencyRules, type EnterpriseSelector, type SizeClass,
} from './emergency.requirements';
export { EMERGENCY_RULES, EMERGENCY_REQUIREMENT_DEFAULTS, type EmergencyRuleSet } from './emergency.rule-sets';
export { emergencyProfileOf, emergencyRequirementsOf, type EmergencyRequirementsRecord } from './emergency.profile';
export { rescueReadiness } from './rescue/rescue.service';
export { PLAN_REVISION_NEEDED } from './plans/plans.obligations';
export { emergencyFacts, type EmergencyFacts } from './emergency.readiness';
