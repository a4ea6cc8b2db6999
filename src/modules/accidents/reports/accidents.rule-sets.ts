import { z } from 'zod';
import type { AccidentType } from '../../../platform/db/schema/accidents';
import { defineRuleSet } from '../../../platform/rules';

/** GB 6441-86's twenty accident types, in the standard's order, with their names. */
export const ACCIDENT_TYPES = [
  ['object_strike', '物体打击', 'Struck by object'], ['vehicle', '车辆伤害', 'Vehicle injury'], ['machinery', '机械伤害', 'Machinery injury'],
  ['lifting', '起重伤害', 'Lifting injury'], ['electrocution', '触电', 'Electric shock'], ['drowning', '淹溺', 'Drowning'], ['scald', '灼烫', 'Burns and scalds'],
  ['fire', '火灾', 'Fire'], ['fall_from_height', '高处坠落', 'Fall from height'], ['collapse', '坍塌', 'Collapse'], ['roof_fall', '冒顶片帮', 'Roof and rib fall'],
  ['water_inrush', '透水', 'Water inrush'], ['blasting', '放炮', 'Blasting'], ['explosive', '火药爆炸', 'Explosives explosion'],
  ['gas_explosion', '瓦斯爆炸', 'Firedamp explosion'], ['boiler_explosion', '锅炉爆炸', 'Boiler explosion'], ['vessel_explosion', '容器爆炸', 'Pressure vessel explosion'],
  ['other_explosion', '其它爆炸', 'Other explosion'], ['poisoning_asphyxia', '中毒和窒息', 'Poisoning and asphyxia'], ['other_injury', '其它伤害', 'Other injury'],
] as const satisfies readonly (readonly [AccidentType, string, string])[];
export const ACCIDENT_TYPE_CODES = ACCIDENT_TYPES.map((t) => t[0]) as [AccidentType, ...AccidentType[]];

const rulesSchema = z.object({
  missingCountAsDeaths: z.boolean(),
  lateReportMinutes: z.number().int().min(1).max(24 * 60),
  onsiteGapMinutes: z.number().int().min(1).max(24 * 60),
  forwardMinutes: z.number().int().min(1).max(24 * 60),
  supplementWindowDays: z.number().int().min(1).max(366),
  supplementWindowShortDays: z.number().int().min(1).max(366),
  shortWindowTypes: z.array(z.enum(ACCIDENT_TYPE_CODES)).max(20),
}).strict();
export type AccidentRules = z.infer<typeof rulesSchema>;

function fieldLabels(zh: boolean): Record<string, string> {
  return {
    missingCountAsDeaths: zh ? '定级时失踪人数计入死亡人数' : 'Missing persons count as deaths for grading',
    lateReportMinutes: zh ? '单位负责人接到报告后向监管部门报告的时限（分钟，超过为迟报）' : 'Minutes the unit head has to report to the regulators (later = late)',
    onsiteGapMinutes: zh ? '事故发生至单位负责人获知超过多少分钟单独提示' : 'Minutes from the accident to the unit head being informed before it is flagged',
    forwardMinutes: zh ? '区级逐级上报时限（分钟）' : 'Minutes the district has to forward upward',
    supplementWindowDays: zh ? '续报期限（天，自事故发生起）' : 'Supplementary report window (days from the accident)',
    supplementWindowShortDays: zh ? '道路交通、火灾事故续报期限（天）' : 'Window for road traffic and fire accidents (days)',
    shortWindowTypes: zh ? '适用较短续报期限的事故类别' : 'Accident types with the shorter window',
    ...Object.fromEntries(ACCIDENT_TYPES.map(([code, name, nameEn]) => [`@${code}`, zh ? name : nameEn])),
  };
}

/**
 * Issue 14 §4 [cfg]: R-ACC-1 whether missing persons count as deaths for grading; R-ACC-2 the one-hour limit from the
 * unit head's notice, the on-site gap that is flagged, the district's two-hour upward step; R-ACC-3 the 30-day window
 * for supplementary reports and the 7-day one for road traffic (车辆伤害) and fire.
 */
export const ACCIDENT_RULES = defineRuleSet({
  name: 'accidents',
  module: 'accidents.reports',
  schema: rulesSchema,
  defaults: {
    missingCountAsDeaths: true,
    lateReportMinutes: 60,
    onsiteGapMinutes: 30,
    forwardMinutes: 120,
    supplementWindowDays: 30,
    supplementWindowShortDays: 7,
    shortWindowTypes: ['vehicle', 'fire'],
  },
  rules: ['R-ACC-1', 'R-ACC-2', 'R-ACC-3'],
  labels: {
    'zh-CN': {
      title: '事故报告',
      description: '事故定级时失踪人员是否计入死亡，迟报时限（单位负责人获知后 1 小时），现场至单位负责人的间隔提示，区级逐级上报时限（2 小时），续报期限（30 日；道路交通、火灾 7 日）。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Accident reports',
      description: 'Whether missing persons count as deaths for grading, the late-report limit (1 hour from the unit head being informed), the on-site gap flag, the district\'s upward step (2 hours), the supplementary-report windows (30 days; 7 for road traffic and fire).',
      fields: fieldLabels(false),
    },
  },
});
