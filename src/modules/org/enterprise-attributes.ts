/**
 * RULES.md §8 [cfg]: the enterprise attributes the rules read, derived from an enterprise's own columns with the
 * district's `enterprise-attributes` rule-set (enterprise-attributes.rule-sets.ts). Pure: no I/O, so the obligations
 * engine, the API and reports derive the same value from the same facts. No module invents its own flag.
 */

/** 大/中/小/微, from the largest down. */
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * The sector rows of the national statistical classification (国家统计局《统计上大中小微型企业划分办法（2017）》,
 * 国统字〔2017〕213号). Their keys differ from every industry code, so one `@value` label names each of them.
 */
export const SIZE_SECTORS = [
  'agriculture', 'industry', 'building', 'wholesale', 'retail', 'transport', 'storage', 'postal', 'accommodation',
  'catering', 'telecom', 'software', 'realEstate', 'propertyManagement', 'leasing', 'other',
] as const;
export type SizeSector = (typeof SIZE_SECTORS)[number];

/**
 * What an industry code is sized by: a sector row, or `notCovered` for an industry outside the 2017 classification's
 * scope (education, health), which is estimated on the `other` row's staff thresholds.
 */
export const SECTOR_CHOICES = [...SIZE_SECTORS, 'notCovered'] as const;
export type SectorChoice = (typeof SECTOR_CHOICES)[number];

/**
 * One row of the size table: the lower bound of each class on each indicator the table lists ("以上" includes the
 * bound). An indicator the row does not use has all three bounds 0 (always met). `assetsIndicator`: the table also
 * lists 资产总额, which the platform does not hold, so a class read from this row is an estimate.
 */
export type SizeRow = {
  staffLarge: number; staffMedium: number; staffSmall: number;
  revenueLarge: number; revenueMedium: number; revenueSmall: number;
  assetsIndicator: boolean;
  source: string;
};

export type EnterpriseAttributeRules = {
  /** Industry codes that are key industries (重点行业领域). */
  keyIndustries: readonly string[];
  /** A crowded venue (人员密集场所) is a key-industry enterprise whatever its industry. */
  crowdedVenueIsKey: boolean;
  /** A hazardous-goods carrier is a key-industry enterprise (road transport incl. carriers) whatever its industry. */
  hazardousGoodsCarrierIsKey: boolean;
  /** Industry code → the sector row it is sized by; a code not listed is sized by `other`. */
  sectorOf: Readonly<Record<string, SectorChoice>>;
  sizeClasses: Readonly<Record<SizeSector, SizeRow>>;
};

/** The facts the derivation reads: the enterprise's columns and its industry's categories (`industries.categories`). */
export type EnterpriseFacts = {
  industryCode: string;
  industryCategories?: readonly string[];
  employeeCount: number;
  /** 营业收入 in 万元; null when not declared. */
  annualRevenueWan: number | null;
  crowdedVenue: boolean;
  hazardousGoodsCarrier: boolean;
  hasWorkersCongress: boolean;
  stateOwned: boolean;
  highRisk: boolean;
  aboveScale: boolean;
  centralProvincial: boolean;
};

export type KeyIndustryBasis = 'industry' | 'crowdedVenue' | 'hazardousGoodsCarrier';

/** What the rules read of an enterprise. Field names are those the obligation definitions' `applies` conditions use. */
export type EnterpriseAttributes = {
  keyIndustry: boolean;
  /** Why it is a key-industry enterprise (empty when it is not). */
  keyIndustryBy: KeyIndustryBasis[];
  sizeClass: SizeClass;
  /** The class rests on less than the table asks: revenue not declared, an indicator the platform does not hold, or an industry outside the table. */
  sizeEstimated: boolean;
  /** The sector row the class was read from. */
  sizeSector: SizeSector;
  hazardousGoodsCarrier: boolean;
  hasWorkersCongress: boolean;
  stateOwned: boolean;
  highRisk: boolean;
  aboveScale: boolean;
  centralProvincial: boolean;
  crowdedVenue: boolean;
  industryCode: string;
  industryCategories: string[];
};

type Indicator = { value: number; bounds: readonly [large: number, medium: number, small: number] };

/**
 * 2017 办法, note 1: large, medium and small must meet the lower bound of every indicator listed, else the enterprise
 * falls to the next class down; micro needs only one indicator below the small bound.
 */
function classOn(indicators: readonly Indicator[]): SizeClass {
  for (const [i, cls] of (['large', 'medium', 'small'] as const).entries()) {
    if (indicators.every((x) => x.value >= x.bounds[i]!)) return cls;
  }
  return 'micro';
}

const usesStaff = (row: SizeRow) => row.staffSmall > 0;
const usesRevenue = (row: SizeRow) => row.revenueSmall > 0;
const staffOf = (row: SizeRow, staff: number): Indicator => ({ value: staff, bounds: [row.staffLarge, row.staffMedium, row.staffSmall] });

/**
 * The size class on the sector row's indicators. Where revenue is needed but not declared, the class is read on staff
 * alone and marked estimated; a row without a staff indicator (agriculture, building, real-estate development) then
 * borrows the `other` row's staff bounds.
 */
export function sizeClassOf(
  rules: Pick<EnterpriseAttributeRules, 'sectorOf' | 'sizeClasses'>, industryCode: string, staff: number, revenueWan: number | null,
): { sizeClass: SizeClass; sizeEstimated: boolean; sizeSector: SizeSector } {
  const choice = rules.sectorOf[industryCode] ?? 'other';
  const sector: SizeSector = choice === 'notCovered' ? 'other' : choice;
  const row = rules.sizeClasses[sector];
  const other = rules.sizeClasses.other;
  if (choice === 'notCovered') return { sizeClass: classOn([staffOf(other, staff)]), sizeEstimated: true, sizeSector: sector };
  if (usesRevenue(row) && revenueWan === null) {
    const staffRow = usesStaff(row) ? row : other;
    return { sizeClass: classOn([staffOf(staffRow, staff)]), sizeEstimated: true, sizeSector: sector };
  }
  const indicators: Indicator[] = [];
  if (usesStaff(row)) indicators.push(staffOf(row, staff));
  if (usesRevenue(row)) indicators.push({ value: revenueWan ?? 0, bounds: [row.revenueLarge, row.revenueMedium, row.revenueSmall] });
  return { sizeClass: classOn(indicators), sizeEstimated: row.assetsIndicator, sizeSector: sector };
}

/** Why an enterprise is a key-industry one (重点行业领域), by its industry and by the two flags that override it. */
export function keyIndustryBasis(
  rules: Pick<EnterpriseAttributeRules, 'keyIndustries' | 'crowdedVenueIsKey' | 'hazardousGoodsCarrierIsKey'>,
  e: Pick<EnterpriseFacts, 'industryCode' | 'crowdedVenue' | 'hazardousGoodsCarrier'>,
): KeyIndustryBasis[] {
  const by: KeyIndustryBasis[] = [];
  if (rules.keyIndustries.includes(e.industryCode)) by.push('industry');
  if (rules.crowdedVenueIsKey && e.crowdedVenue) by.push('crowdedVenue');
  if (rules.hazardousGoodsCarrierIsKey && e.hazardousGoodsCarrier) by.push('hazardousGoodsCarrier');
  return by;
}

/** RULES.md §8: every attribute the rules read, derived from the enterprise's facts with the rule-set in force. */
export function deriveEnterpriseAttributes(e: EnterpriseFacts, rules: EnterpriseAttributeRules): EnterpriseAttributes {
  const keyIndustryBy = keyIndustryBasis(rules, e);
  return {
    keyIndustry: keyIndustryBy.length > 0,
    keyIndustryBy,
    ...sizeClassOf(rules, e.industryCode, e.employeeCount, e.annualRevenueWan),
    hazardousGoodsCarrier: e.hazardousGoodsCarrier,
    hasWorkersCongress: e.hasWorkersCongress,
    stateOwned: e.stateOwned,
    highRisk: e.highRisk,
    aboveScale: e.aboveScale,
    centralProvincial: e.centralProvincial,
    crowdedVenue: e.crowdedVenue,
    industryCode: e.industryCode,
    industryCategories: [...(e.industryCategories ?? [])],
  };
}
