import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import type { StaffingRules } from './staffing.rules';

/** The industry codes of the reference table (`industries`), in its order. */
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];
const withCategory = (c: string) => INDUSTRIES.filter((i) => i.categories.includes(c)).map((i) => i.code);

/**
 * The defaults, from the industries' categories (src/seed/reference-data.ts): R-TEAM-1 `team_required`; R-TEAM-2
 * `engineer_required` (the seed's set plus the law's) and `engineer_mandatory` (the law's, Art 27). The ratios are
 * RULES.md's: ≥ 300-staff mining, construction and hazardous-goods units 15% of safety staff (≥ 1 while ≤ 7);
 * hazardous-chemical firms full-time staff ≥ 2% of headcount (≥ 1 below 50).
 */
export const STAFFING_DEFAULTS: StaffingRules = {
  teamIndustries: withCategory('team_required'),
  carriersNeedTeam: true,
  sizeThreshold: 100,
  engineerIndustries: withCategory('engineer_required'),
  engineerMandatoryIndustries: withCategory('engineer_mandatory'),
  engineerRatio: {
    industries: ['non_coal_mining', 'construction', 'hazardous_chemicals', 'fireworks', 'civil_explosives'],
    minHeadcount: 300, percentOfSafetyStaff: 15, smallStaffMax: 7, minimumWhenSmall: 1,
  },
  fullTimeRatio: { industries: ['hazardous_chemicals'], percentOfHeadcount: 2, smallHeadcountBelow: 50, minimumWhenSmall: 1 },
};

const industries = z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length);
const people = z.number().int().min(0).max(100_000);
// A share in percent, to two decimals (the check computes in basis points).
const percent = z.number().min(0).max(100).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { message: 'staffing.percentDecimals' });

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    teamIndustries: zh ? '不论规模须设置安全生产管理机构或配备专职安全生产管理人员的行业' : 'Industries that need a safety department or full-time safety staff at any size',
    carriersNeedTeam: zh ? '危险货物运输企业不论行业均按运输单位要求' : 'Hazardous-goods carriers count as transport units whatever their industry',
    sizeThreshold: zh ? '从业人员超过该人数须设置机构或配备专职人员（含本数以下可配专职或兼职）' : 'Above this many employees a department or full-time staff is required (at or below it, full-time or part-time staff)',
    engineerIndustries: zh ? '应配足注册安全工程师的行业' : 'Industries that employ registered safety engineers',
    engineerMandatoryIndustries: zh ? '法定必须配备注册安全工程师的行业（未配备即不达标）' : 'Industries the law obliges to employ registered safety engineers (missing one is a breach)',
    engineerRatio: zh ? '注册安全工程师比例' : 'Registered safety engineer ratio',
    'engineerRatio.industries': zh ? '适用比例要求的行业' : 'Industries the ratio applies to',
    'engineerRatio.minHeadcount': zh ? '从业人员达到该人数起适用' : 'Applies from this many employees',
    'engineerRatio.percentOfSafetyStaff': zh ? '占安全生产管理人员的比例（%）' : 'Share of the safety staff (%)',
    'engineerRatio.smallStaffMax': zh ? '安全生产管理人员不超过该人数时' : 'When the safety staff are at most',
    'engineerRatio.minimumWhenSmall': zh ? '至少配备注册安全工程师人数' : 'At least this many engineers',
    fullTimeRatio: zh ? '专职安全生产管理人员比例（危险化学品企业）' : 'Full-time safety staff ratio (hazardous-chemical firms)',
    'fullTimeRatio.industries': zh ? '适用的行业' : 'Industries it applies to',
    'fullTimeRatio.percentOfHeadcount': zh ? '不低于从业人员的比例（%）' : 'At least this share of the headcount (%)',
    'fullTimeRatio.smallHeadcountBelow': zh ? '从业人员少于该人数时' : 'When the headcount is below',
    'fullTimeRatio.minimumWhenSmall': zh ? '至少配备专职人员人数' : 'At least this many full-time staff',
  };
  for (const i of INDUSTRIES) out[`@${i.code}`] = zh ? i.name : i.nameEn;
  return out;
}

/**
 * R-TEAM-1/2 [cfg], issue 12 §1: who must have a safety department or full-time safety staff, who must employ
 * registered safety engineers and in what ratio. Read by the staffing check (staffing.rules.ts).
 */
export const STAFFING_RULES = defineRuleSet({
  name: 'safety-staffing',
  module: 'management.staffing',
  schema: z.object({
    teamIndustries: industries,
    carriersNeedTeam: z.boolean(),
    sizeThreshold: people,
    engineerIndustries: industries,
    engineerMandatoryIndustries: industries,
    engineerRatio: z.object({ industries, minHeadcount: people, percentOfSafetyStaff: percent, smallStaffMax: people, minimumWhenSmall: people }).strict(),
    fullTimeRatio: z.object({ industries, percentOfHeadcount: percent, smallHeadcountBelow: people, minimumWhenSmall: people }).strict(),
  }).strict(),
  defaults: {
    ...STAFFING_DEFAULTS,
    teamIndustries: [...STAFFING_DEFAULTS.teamIndustries], engineerIndustries: [...STAFFING_DEFAULTS.engineerIndustries],
    engineerMandatoryIndustries: [...STAFFING_DEFAULTS.engineerMandatoryIndustries],
    engineerRatio: { ...STAFFING_DEFAULTS.engineerRatio, industries: [...STAFFING_DEFAULTS.engineerRatio.industries] },
    fullTimeRatio: { ...STAFFING_DEFAULTS.fullTimeRatio, industries: [...STAFFING_DEFAULTS.fullTimeRatio.industries] },
  },
  rules: ['R-TEAM-1', 'R-TEAM-2'],
  labels: {
    'zh-CN': {
      title: '安全生产管理机构和人员配备',
      description: '《安全生产法》第二十四条、第二十七条：哪些行业不论规模都须设置安全生产管理机构或配备专职安全生产管理人员，从业人员多少人以上须设置机构或配备专职人员，哪些行业须配备注册安全工程师及其比例。外包的安全生产管理服务不能代替。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Safety department and safety staff',
      description: 'Work Safety Law Art 24 and 27: which industries need a safety department or full-time safety staff at any size, above how many employees others do, which industries employ registered safety engineers and in what ratio. Outsourced safety management never replaces them.',
      fields: fieldLabels(false),
    },
  },
});
