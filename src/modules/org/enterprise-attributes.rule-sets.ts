import { z } from 'zod';
import { defineRuleSet, type RuleSetValue } from '../../platform/rules';
import { INDUSTRIES } from '../../seed/reference-data';
import { SECTOR_CHOICES, SIZE_SECTORS, type EnterpriseAttributeRules, type SectorChoice, type SizeRow, type SizeSector } from './enterprise-attributes';

/** The industry codes of the reference table (`industries`), in its order. */
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

/** RULES.md §8 default: mining, hazardous chemicals, fireworks, civil explosives, metal smelting, construction, road transport, urban rail, town gas. */
export const DEFAULT_KEY_INDUSTRIES = [
  'non_coal_mining', 'hazardous_chemicals', 'fireworks', 'civil_explosives', 'metal_smelting', 'construction', 'road_transport', 'urban_rail', 'gas',
] as const;

/**
 * The sector row each industry is sized by (GB/T 4754-2017 门类 behind the 2017 办法): mining, manufacturing and
 * gas supply are 工业; road transport and urban rail (5412) are 交通运输业; malls and supermarkets are 零售业; culture and
 * tourism (R) is among 其他未列明行业; education (P) and health (Q 卫生) lie outside the 办法's scope.
 */
const DEFAULT_SECTOR_OF: Record<string, SectorChoice> = {
  hazardous_chemicals: 'industry', non_coal_mining: 'industry', metal_smelting: 'industry', fireworks: 'industry',
  civil_explosives: 'industry', construction: 'building', road_transport: 'transport', urban_rail: 'transport', gas: 'industry',
  fishery: 'agriculture', machinery: 'industry', light_industry: 'industry', building_materials: 'industry',
  food_processing: 'industry', commerce: 'retail', warehousing: 'storage', hotel_catering: 'accommodation',
  culture_tourism: 'other', education: 'notCovered', healthcare: 'notCovered',
};

const SOURCE = '国家统计局《统计上大中小微型企业划分办法（2017）》（国统字〔2017〕213号）';
const row = (staff: [number, number, number] | null, revenue: [number, number, number] | null, note: string, assetsIndicator = false): SizeRow => ({
  staffLarge: staff?.[0] ?? 0, staffMedium: staff?.[1] ?? 0, staffSmall: staff?.[2] ?? 0,
  revenueLarge: revenue?.[0] ?? 0, revenueMedium: revenue?.[1] ?? 0, revenueSmall: revenue?.[2] ?? 0,
  assetsIndicator, source: `${SOURCE}，${note}`,
});

/** The 2017 table, row by row: the lower bounds of large, medium and small (staff in people, revenue in 万元). */
export const SIZE_TABLE_2017: Record<SizeSector, SizeRow> = {
  agriculture: row(null, [20000, 500, 50], '农、林、牧、渔业（A）：营业收入'),
  industry: row([1000, 300, 20], [40000, 2000, 300], '工业（B 采矿业、C 制造业、D 电力热力燃气及水生产和供应业）：从业人员和营业收入'),
  building: row(null, [80000, 6000, 300], '建筑业（E）：营业收入和资产总额（资产总额 Z≥80000、5000、300 万元，平台未采集）', true),
  wholesale: row([200, 20, 5], [40000, 5000, 1000], '批发业（51）：从业人员和营业收入'),
  retail: row([300, 50, 10], [20000, 500, 100], '零售业（52）：从业人员和营业收入'),
  transport: row([1000, 300, 20], [30000, 3000, 200], '交通运输业（54–58，不含铁路运输业）：从业人员和营业收入'),
  storage: row([200, 100, 20], [30000, 1000, 100], '仓储业（59）：从业人员和营业收入'),
  postal: row([1000, 300, 20], [30000, 2000, 100], '邮政业（60）：从业人员和营业收入'),
  accommodation: row([300, 100, 10], [10000, 2000, 100], '住宿业（61）：从业人员和营业收入'),
  catering: row([300, 100, 10], [10000, 2000, 100], '餐饮业（62）：从业人员和营业收入'),
  telecom: row([2000, 100, 10], [100000, 1000, 100], '信息传输业（63、64）：从业人员和营业收入'),
  software: row([300, 100, 10], [10000, 1000, 50], '软件和信息技术服务业（65）：从业人员和营业收入'),
  realEstate: row(null, [200000, 1000, 100], '房地产开发经营（7010）：营业收入和资产总额（资产总额 Z≥10000、5000、2000 万元，平台未采集）', true),
  propertyManagement: row([1000, 300, 100], [5000, 1000, 500], '物业管理（702）：从业人员和营业收入'),
  leasing: row([300, 100, 10], null, '租赁和商务服务业（L）：从业人员和资产总额（资产总额 Z≥120000、8000、100 万元，平台未采集）', true),
  other: row([300, 100, 10], null, '其他未列明行业（M、N、O、社会工作、R 等）：从业人员'),
};

const count = z.number().int().min(0).max(10_000_000);
const bounds = (a: number, b: number, c: number) => (a === 0 && b === 0 && c === 0) || (a > b && b > c && c > 0);
const sizeRow = z.object({
  staffLarge: count, staffMedium: count, staffSmall: count,
  revenueLarge: count, revenueMedium: count, revenueSmall: count,
  assetsIndicator: z.boolean(),
  source: z.string().trim().max(300),
}).strict()
  .refine((r) => bounds(r.staffLarge, r.staffMedium, r.staffSmall), { message: 'enterpriseAttributes.rules.staffBounds', path: ['staffSmall'] })
  .refine((r) => bounds(r.revenueLarge, r.revenueMedium, r.revenueSmall), { message: 'enterpriseAttributes.rules.revenueBounds', path: ['revenueSmall'] })
  .refine((r) => r.staffSmall > 0 || r.revenueSmall > 0, { message: 'enterpriseAttributes.rules.noIndicator' });

const sectorChoice = z.enum(SECTOR_CHOICES);
// A code missing from a stored value (an industry added later) reads its default sector instead of failing to parse.
const sectorOf = z.object(Object.fromEntries(INDUSTRY_CODES.map((c) => [c, sectorChoice.default(DEFAULT_SECTOR_OF[c] ?? 'other')]))).strict();
const sizeClasses = z.object(Object.fromEntries(SIZE_SECTORS.map((s) => [s, sizeRow])) as Record<SizeSector, typeof sizeRow>).strict()
  // Revenue not declared, or an industry outside the table, is sized on the `other` row's staff bounds.
  .refine((t) => t.other.staffSmall > 0, { message: 'enterpriseAttributes.rules.otherNeedsStaff', path: ['other', 'staffSmall'] });

const SIZE_FIELDS: Record<'zh-CN' | 'en-US', Record<string, string>> = {
  'zh-CN': {
    staffLarge: '大型：从业人员（人）以上', staffMedium: '中型：从业人员（人）以上', staffSmall: '小型：从业人员（人）以上',
    revenueLarge: '大型：营业收入（万元）以上', revenueMedium: '中型：营业收入（万元）以上', revenueSmall: '小型：营业收入（万元）以上',
    assetsIndicator: '表中另有资产总额指标（平台未采集，划分结果为估算）', source: '依据',
  },
  'en-US': {
    staffLarge: 'Large: staff at least', staffMedium: 'Medium: staff at least', staffSmall: 'Small: staff at least',
    revenueLarge: 'Large: revenue (10k CNY) at least', revenueMedium: 'Medium: revenue (10k CNY) at least', revenueSmall: 'Small: revenue (10k CNY) at least',
    assetsIndicator: 'The table also uses total assets (not held: the class is an estimate)', source: 'Source',
  },
};
const SECTOR_NAMES: Record<SectorChoice, [string, string]> = {
  agriculture: ['农、林、牧、渔业', 'Agriculture, forestry, animal husbandry, fishery'],
  industry: ['工业', 'Industry'],
  building: ['建筑业', 'Building'],
  wholesale: ['批发业', 'Wholesale'],
  retail: ['零售业', 'Retail'],
  transport: ['交通运输业', 'Transport'],
  storage: ['仓储业', 'Storage'],
  postal: ['邮政业', 'Postal services'],
  accommodation: ['住宿业', 'Accommodation'],
  catering: ['餐饮业', 'Catering'],
  telecom: ['信息传输业', 'Information transmission'],
  software: ['软件和信息技术服务业', 'Software and IT services'],
  realEstate: ['房地产开发经营', 'Real-estate development'],
  propertyManagement: ['物业管理', 'Property management'],
  leasing: ['租赁和商务服务业', 'Leasing and business services'],
  other: ['其他未列明行业', 'Other industries'],
  notCovered: ['不在划分办法范围内（按其他未列明行业的从业人员估算）', 'Outside the classification (estimated on the staff of other industries)'],
};

function fieldLabels(locale: 'zh-CN' | 'en-US'): Record<string, string> {
  const zh = locale === 'zh-CN';
  const out: Record<string, string> = {
    keyIndustries: zh ? '重点行业领域' : 'Key industries',
    crowdedVenueIsKey: zh ? '人员密集场所一律属于重点行业领域' : 'A crowded venue is always a key-industry enterprise',
    hazardousGoodsCarrierIsKey: zh ? '危险货物运输企业一律属于重点行业领域' : 'A hazardous-goods carrier is always a key-industry enterprise',
    sectorOf: zh ? '各行业按哪一行划分规模' : 'The size-table row of each industry',
    sizeClasses: zh ? '企业规模划分标准（大型、中型、小型须同时满足所列指标的下限，否则下划一档）' : 'Size classes (large, medium and small must meet every listed bound, else one class down)',
  };
  for (const i of INDUSTRIES) {
    out[`@${i.code}`] = zh ? i.name : i.nameEn;
    out[`sectorOf.${i.code}`] = zh ? i.name : i.nameEn;
  }
  for (const s of SECTOR_CHOICES) out[`@${s}`] = SECTOR_NAMES[s][zh ? 0 : 1];
  for (const s of SIZE_SECTORS) {
    out[`sizeClasses.${s}`] = SECTOR_NAMES[s][zh ? 0 : 1];
    for (const [f, label] of Object.entries(SIZE_FIELDS[locale])) out[`sizeClasses.${s}.${f}`] = label;
  }
  return out;
}

/**
 * RULES.md §8 [cfg]: which enterprises are key-industry ones (重点行业领域) and the size class (大/中/小/微) thresholds of
 * the national statistical classification (2017), with the sector row of each industry.
 */
export const ENTERPRISE_ATTRIBUTE_RULES = defineRuleSet({
  name: 'enterprise-attributes',
  module: 'org',
  schema: z.object({
    keyIndustries: z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length),
    crowdedVenueIsKey: z.boolean(),
    hazardousGoodsCarrierIsKey: z.boolean(),
    sectorOf,
    sizeClasses,
  }).strict(),
  defaults: {
    keyIndustries: [...DEFAULT_KEY_INDUSTRIES],
    crowdedVenueIsKey: true,
    hazardousGoodsCarrierIsKey: true,
    sectorOf: Object.fromEntries(INDUSTRY_CODES.map((c) => [c, DEFAULT_SECTOR_OF[c] ?? 'other'])),
    sizeClasses: SIZE_TABLE_2017,
  },
  rules: ['RULES §8'],
  labels: {
    'zh-CN': {
      title: '企业属性（重点行业与企业规模）',
      description: '规则第 8 节：哪些行业属于重点行业领域（人员密集场所和危险货物运输企业可一律计入），以及按国家统计局《统计上大中小微型企业划分办法（2017）》划分大、中、小、微型企业的标准和各行业所用的行。未填营业收入的企业只按从业人员划分，结果标为估算。',
      fields: fieldLabels('zh-CN'),
    },
    'en-US': {
      title: 'Enterprise attributes (key industries and size)',
      description: 'RULES §8: which industries are key industries (crowded venues and hazardous-goods carriers may always count), and the large/medium/small/micro thresholds of the national statistical classification (2017) with the row each industry is sized by. An enterprise without declared revenue is sized on staff alone and marked as an estimate.',
      fields: fieldLabels('en-US'),
    },
  },
});

export type EnterpriseAttributeRuleSet = RuleSetValue<typeof ENTERPRISE_ATTRIBUTE_RULES>;
// The rule-set's value is exactly what the pure derivation reads.
ENTERPRISE_ATTRIBUTE_RULES.defaults satisfies EnterpriseAttributeRules;
