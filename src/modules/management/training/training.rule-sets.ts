import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import { COURSE_TYPES, INDUCTION_TYPES, TRAINING_ROLES, type Minimums, type TrainingRole } from './training.rules';

/**
 * R-TRN-1's high-risk sectors — coal, non-coal mining, hazardous chemicals, fireworks, metal smelting — as the
 * reference table marks them (category `training_strict`). The district has no coal mines; a district that has them
 * adds their industry code here.
 */
export const DEFAULT_HIGH_RISK_INDUSTRIES = INDUSTRIES.filter((i) => i.categories.includes('training_strict')).map((i) => i.code);

/**
 * R-TRN-1 [cfg] minimum hours (安全生产培训管理办法, 生产经营单位安全培训规定): principal and safety managers 32 h initial and
 * 12 h yearly (48 / 16 in the high-risk sectors); new employees 24 h initial (72 h in those sectors, and 20 h yearly
 * re-training there). Other employees' yearly minimum is not set by the rule: the default is 0 (no yearly hours owed
 * outside the high-risk sectors) and a district that wants one (e.g. 8 h) sets it here.
 */
export const DEFAULT_MINIMUMS: Minimums = {
  standard: { principal: { initial: 32, yearly: 12 }, safety_manager: { initial: 32, yearly: 12 }, employee: { initial: 24, yearly: 0 } },
  highRisk: { principal: { initial: 48, yearly: 16 }, safety_manager: { initial: 48, yearly: 16 }, employee: { initial: 72, yearly: 20 } },
};

const hours = z.number().min(0).max(500);
const pair = z.object({ initial: hours, yearly: hours }).strict();
const byRole = z.object(Object.fromEntries(TRAINING_ROLES.map((r) => [r, pair])) as Record<TrainingRole, typeof pair>).strict();

const ROLE_NAMES: Record<TrainingRole, [string, string]> = {
  principal: ['主要负责人', 'Principal'], safety_manager: ['安全生产管理人员', 'Safety managers'], employee: ['其他从业人员（各种用工形式）', 'Other employees (every employment form)'],
};

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    highRiskIndustries: zh ? '高危行业（按行业代码；学时要求更高）' : 'High-risk sectors (industry codes; higher hours)',
    minimums: zh ? '最低培训学时' : 'Minimum training hours',
    'minimums.standard': zh ? '一般行业' : 'Other sectors',
    'minimums.highRisk': zh ? '高危行业' : 'High-risk sectors',
    initialWindowDays: zh ? '新入职（岗前培训期）天数：入职后多少天内按初次培训学时计' : 'Days after joining during which the initial hours apply',
    returnAfterMonths: zh ? '离岗多少个月以上重新上岗须再培训' : 'Months away after which a returning person is re-trained',
    inductionLevels: zh ? '上岗前必须通过的三级安全教育' : 'Induction levels required before working a post',
    checkinMinutes: zh ? '扫码签到二维码有效时间（分钟）' : 'Minutes a QR check-in link stays valid',
  };
  for (const band of ['standard', 'highRisk']) {
    for (const r of TRAINING_ROLES) {
      out[`minimums.${band}.${r}`] = ROLE_NAMES[r][zh ? 0 : 1];
      out[`minimums.${band}.${r}.initial`] = zh ? '初次培训（学时）' : 'Initial (hours)';
      out[`minimums.${band}.${r}.yearly`] = zh ? '每年再培训（学时）' : 'Yearly (hours)';
    }
  }
  out['@induction_company'] = zh ? '公司级' : 'Company level';
  out['@induction_workshop'] = zh ? '车间级' : 'Workshop level';
  out['@induction_team'] = zh ? '班组级' : 'Team level';
  return out;
}

/** Issue 13 §1 [cfg]: training minimums by role × sector × initial/yearly, the induction levels, re-training, QR check-in. */
export const TRAINING_RULES = defineRuleSet({
  name: 'training',
  module: 'management.training',
  schema: z.object({
    highRiskIndustries: z.array(z.string().regex(/^[a-z_]{2,40}$/)).max(100),
    minimums: z.object({ standard: byRole, highRisk: byRole }).strict(),
    initialWindowDays: z.number().int().min(1).max(730),
    returnAfterMonths: z.number().int().min(1).max(120),
    inductionLevels: z.array(z.enum(INDUCTION_TYPES)).min(1).max(3),
    checkinMinutes: z.number().int().min(5).max(24 * 60),
  }).strict(),
  defaults: {
    highRiskIndustries: DEFAULT_HIGH_RISK_INDUSTRIES, minimums: DEFAULT_MINIMUMS, initialWindowDays: 365, returnAfterMonths: 12,
    inductionLevels: [...INDUCTION_TYPES], checkinMinutes: 120,
  },
  rules: ['R-TRN-1', 'R-TRN-2'],
  labels: {
    'zh-CN': {
      title: '安全培训学时',
      description: '主要负责人、安全生产管理人员和其他从业人员（含各种用工形式）的初次培训和每年再培训最低学时，高危行业的更高要求，新入职人员的岗前培训期，离岗后重新上岗须再培训的时限，以及上岗前必须通过的三级安全教育（R-TRN-1、R-TRN-2）。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Safety training hours',
      description: 'Minimum initial and yearly training hours of principals, safety managers and other employees (every employment form), higher in the high-risk sectors; how long a new hire counts as new; after how long away a returning person is re-trained; and the induction levels required before working a post (R-TRN-1, R-TRN-2).',
      fields: fieldLabels(false),
    },
  },
});

/** The course types people see (zh-CN, en-US). */
export const COURSE_NAMES: Record<(typeof COURSE_TYPES)[number], [string, string]> = {
  legal_education: ['学法培训', 'Legal education'],
  induction_company: ['三级教育：公司级', 'Induction: company level'],
  induction_workshop: ['三级教育：车间级', 'Induction: workshop level'],
  induction_team: ['三级教育：班组级', 'Induction: team level'],
  special: ['专项培训', 'Special training'],
  regular: ['日常/年度再培训', 'Regular / yearly training'],
  emergency: ['应急知识培训', 'Emergency basics'],
  retraining: ['转岗/复岗/新工艺再培训', 'Re-training (new post, return, new process)'],
  other: ['其他', 'Other'],
};
