import { z } from 'zod';
import { defineRuleSet, type RuleSetValue } from '../../platform/rules';
import { INDUSTRIES } from '../../seed/reference-data';
import type { EmergencyRules, EnterpriseSelector, SizeClass } from './emergency.requirements';

/** The industry codes of the reference table (`industries`), in its order. */
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];
/** The industry categories of the reference table (src/seed/reference-data.ts). */
const CATEGORY_CODES = [...new Set(INDUSTRIES.flatMap((i) => i.categories))].sort() as [string, ...string[]];
const SIZES = ['large', 'medium', 'small', 'micro'] as const satisfies readonly SizeClass[];
const MEDIUM_OR_LARGER: SizeClass[] = ['large', 'medium'];

const none: EnterpriseSelector = { categories: [], industries: [], highRisk: false, hazardousGoodsCarriers: false, crowdedVenues: false, sizeClasses: [] };

/**
 * The law behind the defaults:
 * - R-EMG-3, 安全生产法 Art 82: producers, traders and storers of hazardous goods (hazardous chemicals, fireworks, civil
 *   explosives, town gas — industry category `rescue_org`), hazardous-goods carriers, mining, metal smelting, urban rail,
 *   construction and crowded venues set up a rescue organisation; small and micro ones may instead name part-time
 *   rescuers and sign a rescue agreement with a nearby professional team.
 * - R-EMG-2, 生产安全事故应急预案管理办法 Art 33: the same sectors (category `drill_half_year`, carriers, crowded venues)
 *   drill their plans at least once per half-year and report the drills to the regulator.
 * - R-EMG-1, Art 35: high-risk units (mining, smelting, construction, hazardous goods incl. carriers, fireworks — the
 *   high-risk industries) and medium-or-larger units evaluate their plans every 3 years.
 * - R-EMG-1, Art 21: mining, metal smelting, producers/traders/storers/carriers of flammable, explosive and hazardous
 *   goods, fireworks, and medium-or-larger other units have their plans reviewed by experts (评审); everyone else
 *   demonstrates them (论证).
 */
export const EMERGENCY_REQUIREMENT_DEFAULTS: EmergencyRules = {
  rescueOrganisation: { ...none, categories: ['rescue_org'], hazardousGoodsCarriers: true, crowdedVenues: true },
  partTimeSizeClasses: ['small', 'micro'],
  halfYearlyDrills: { ...none, categories: ['drill_half_year'], hazardousGoodsCarriers: true, crowdedVenues: true },
  reportDrills: { ...none, categories: ['drill_half_year'], hazardousGoodsCarriers: true, crowdedVenues: true },
  threeYearEvaluation: { ...none, highRisk: true, hazardousGoodsCarriers: true, sizeClasses: MEDIUM_OR_LARGER },
  planReview: {
    ...none, industries: ['hazardous_chemicals', 'non_coal_mining', 'metal_smelting', 'fireworks', 'civil_explosives', 'gas'],
    hazardousGoodsCarriers: true, sizeClasses: MEDIUM_OR_LARGER,
  },
};

const selector = z.object({
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length),
  industries: z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length),
  highRisk: z.boolean(),
  hazardousGoodsCarriers: z.boolean(),
  crowdedVenues: z.boolean(),
  sizeClasses: z.array(z.enum(SIZES)).max(SIZES.length),
}).strict();
const days = z.number().int().min(1).max(365);

const rulesSchema = z.object({
  rescueOrganisation: selector,
  partTimeSizeClasses: z.array(z.enum(SIZES)).max(SIZES.length),
  halfYearlyDrills: selector,
  reportDrills: selector,
  threeYearEvaluation: selector,
  planReview: selector,
  /** Rescue agreements show as expiring, and are reminded daily, this many days before their end. */
  agreementReminderDays: days,
  /** Equipment inspections and expiry dates show as due, and are reminded daily, this many days before. */
  equipmentReminderDays: days,
}).strict();

const SELECTOR_FIELDS = ['rescueOrganisation', 'halfYearlyDrills', 'reportDrills', 'threeYearEvaluation', 'planReview'] as const;

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    rescueOrganisation: zh ? '应当建立应急救援组织的单位（安全生产法第八十二条）' : 'Units that must have a rescue organisation (Work Safety Law Art 82)',
    partTimeSizeClasses: zh ? '可指定兼职应急救援人员并与邻近专业救援队伍签订救援协议的规模' : 'Size classes that may name part-time rescuers and sign an agreement with a nearby professional team',
    halfYearlyDrills: zh ? '每半年至少组织一次应急预案演练的单位（预案管理办法第三十三条）' : 'Units that drill at least once per half-year (Plan Measures Art 33)',
    reportDrills: zh ? '演练情况须报送监管部门的单位' : 'Units that report their drills to the regulator',
    threeYearEvaluation: zh ? '每三年进行一次应急预案评估的单位（第三十五条）' : 'Units that evaluate their plans every 3 years (Art 35)',
    planReview: zh ? '应急预案须组织专家评审的单位（第二十一条，其他单位组织论证）' : 'Units whose plans go to expert review (Art 21; the others demonstrate them)',
    agreementReminderDays: zh ? '救援协议到期前多少天起每日提醒' : 'Remind daily from this many days before a rescue agreement ends',
    equipmentReminderDays: zh ? '应急物资装备检查、有效期到期前多少天起每日提醒' : 'Remind daily from this many days before an equipment inspection or expiry is due',
    '@large': zh ? '大型' : 'Large', '@medium': zh ? '中型' : 'Medium', '@small': zh ? '小型' : 'Small', '@micro': zh ? '微型' : 'Micro',
    '@team_required': zh ? '须设安全管理机构的行业' : 'Industries needing a safety department',
    '@engineer_required': zh ? '应配注册安全工程师的行业' : 'Industries employing safety engineers',
    '@engineer_mandatory': zh ? '法定须配注册安全工程师的行业' : 'Industries obliged to employ safety engineers',
    '@liability_insurance': zh ? '应投保安全生产责任保险的行业' : 'Industries needing liability insurance',
    '@rescue_org': zh ? '应建立应急救援组织的行业' : 'Industries needing a rescue organisation',
    '@drill_half_year': zh ? '每半年演练的行业' : 'Industries drilling every half-year',
    '@training_strict': zh ? '高危行业培训要求' : 'Strict training industries',
  };
  for (const f of SELECTOR_FIELDS) {
    out[`${f}.categories`] = zh ? '行业类别' : 'Industry categories';
    out[`${f}.industries`] = zh ? '行业' : 'Industries';
    out[`${f}.highRisk`] = zh ? '高危行业单位' : 'High-risk industries';
    out[`${f}.hazardousGoodsCarriers`] = zh ? '危险货物运输单位' : 'Hazardous-goods carriers';
    out[`${f}.crowdedVenues`] = zh ? '人员密集场所经营单位' : 'Crowded venues';
    out[`${f}.sizeClasses`] = zh ? '不论行业，达到以下规模的单位' : 'Any industry, at these size classes';
  }
  for (const i of INDUSTRIES) out[`@${i.code}`] = zh ? i.name : i.nameEn;
  return out;
}

const copy = (s: EnterpriseSelector) => ({ ...s, categories: [...s.categories], industries: [...s.industries], sizeClasses: [...s.sizeClasses] });
const D = EMERGENCY_REQUIREMENT_DEFAULTS;

/**
 * R-EMG-1…3 [cfg], issue 14: who must have a rescue organisation (and who may use part-time rescuers), who drills every
 * half-year and reports it, who evaluates plans every 3 years, whose plans are reviewed rather than demonstrated, and
 * the rescue reminders' lead times. Read through emergency.profile.ts (`emergencyRequirementsOf`).
 */
export const EMERGENCY_RULES = defineRuleSet({
  name: 'emergency',
  module: 'emergency.rescue',
  schema: rulesSchema,
  defaults: {
    rescueOrganisation: copy(D.rescueOrganisation), partTimeSizeClasses: [...D.partTimeSizeClasses],
    halfYearlyDrills: copy(D.halfYearlyDrills), reportDrills: copy(D.reportDrills),
    threeYearEvaluation: copy(D.threeYearEvaluation), planReview: copy(D.planReview),
    agreementReminderDays: 30, equipmentReminderDays: 7,
  },
  rules: ['R-EMG-1', 'R-EMG-2', 'R-EMG-3'],
  labels: {
    'zh-CN': {
      title: '应急管理要求',
      description: '按行业类别、高危行业、危险货物运输、人员密集场所和企业规模，确定哪些单位须建立应急救援组织（小微企业可指定兼职救援人员并签订救援协议）、每半年演练并报送、每三年评估应急预案、预案须专家评审（其他单位论证），以及救援协议和应急物资到期提醒的提前天数。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Emergency requirements',
      description: 'By industry category, high-risk industry, hazardous-goods carrier, crowded venue and size class: who must have a rescue organisation (small and micro units may name part-time rescuers under an agreement), who drills every half-year and reports it, who evaluates plans every 3 years, whose plans go to expert review (the others are demonstrated), and how early rescue agreements and equipment are reminded.',
      fields: fieldLabels(false),
    },
  },
});
export type EmergencyRuleSet = RuleSetValue<typeof EMERGENCY_RULES>;
