/**
 * RULES.md §5 R-EMG-1…3, pure: what the emergency rules ask of one enterprise, from its industry (code, categories,
 * high-risk), its size class (RULES.md §8, derived by the org module) and its hazardous-goods-carrier and
 * crowded-venue flags, under the district's `emergency` rule-set [cfg] (emergency.rule-sets.ts holds the defaults and
 * the law behind each).
 */

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

export type EmergencyProfile = {
  industryCode: string;
  industryCategories: readonly string[];
  highRisk: boolean;
  /** RULES.md §8; null when it is not known (then no size-based clause applies, and part-time rescuers are not offered). */
  sizeClass: SizeClass | null;
  hazardousGoodsCarrier: boolean;
  crowdedVenue: boolean;
};

export type EmergencyRequirements = {
  /** R-EMG-3: a rescue team; small/micro units may instead name part-time rescuers and sign an agreement with a nearby professional team. */
  rescueOrganisation: 'team' | 'team_or_parttime' | 'not_required';
  /** R-EMG-2 sectors: a drill at least once per half-year. */
  halfYearlyDrills: boolean;
  /** R-EMG-2 sectors: each drill is reported to the regulator. */
  reportDrills: boolean;
  /** R-EMG-1: the plans are evaluated every 3 years. */
  threeYearEvaluation: boolean;
  /** R-EMG-1 (预案管理办法 Art 21): expert review (评审) or demonstration (论证). */
  planReview: 'review' | 'demonstration';
};

/**
 * Which enterprises a clause applies to: any one of the listed conditions is enough. `categories` are the industry
 * categories of the reference table (industries.categories), `industries` industry codes, `sizeClasses` the size
 * classes that count whatever the industry.
 */
export type EnterpriseSelector = {
  categories: readonly string[];
  industries: readonly string[];
  highRisk: boolean;
  hazardousGoodsCarriers: boolean;
  crowdedVenues: boolean;
  sizeClasses: readonly SizeClass[];
};

/** The [cfg] values of the `emergency` rule-set that decide the requirements. */
export type EmergencyRules = {
  /** R-EMG-3 (安全生产法 Art 82): who must have a rescue organisation. */
  rescueOrganisation: EnterpriseSelector;
  /** R-EMG-3: the size classes among them that may name part-time rescuers and sign an agreement instead. */
  partTimeSizeClasses: readonly SizeClass[];
  /** R-EMG-2 (预案管理办法 Art 33): who drills at least once per half-year. */
  halfYearlyDrills: EnterpriseSelector;
  /** R-EMG-2 (Art 33): who reports each drill to the regulator. */
  reportDrills: EnterpriseSelector;
  /** R-EMG-1 (Art 35): who evaluates the plans every 3 years. */
  threeYearEvaluation: EnterpriseSelector;
  /** R-EMG-1 (Art 21): whose plans go to expert review (评审); all others are demonstrated (论证). */
  planReview: EnterpriseSelector;
};

/** Whether the selector picks the enterprise. */
export function selects(s: EnterpriseSelector, p: EmergencyProfile): boolean {
  return s.categories.some((c) => p.industryCategories.includes(c))
    || s.industries.includes(p.industryCode)
    || (s.highRisk && p.highRisk)
    || (s.hazardousGoodsCarriers && p.hazardousGoodsCarrier)
    || (s.crowdedVenues && p.crowdedVenue)
    || (p.sizeClass !== null && s.sizeClasses.includes(p.sizeClass));
}

/** RULES.md R-EMG-1…3: the requirements for one enterprise under the rules. */
export function emergencyRequirements(p: EmergencyProfile, rules: EmergencyRules): EmergencyRequirements {
  const rescue = selects(rules.rescueOrganisation, p);
  return {
    rescueOrganisation: !rescue ? 'not_required'
      : p.sizeClass !== null && rules.partTimeSizeClasses.includes(p.sizeClass) ? 'team_or_parttime' : 'team',
    halfYearlyDrills: selects(rules.halfYearlyDrills, p),
    reportDrills: selects(rules.reportDrills, p),
    threeYearEvaluation: selects(rules.threeYearEvaluation, p),
    planReview: selects(rules.planReview, p) ? 'review' : 'demonstration',
  };
}
