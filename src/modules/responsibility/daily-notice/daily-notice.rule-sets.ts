import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import { DEFAULT_COMMITMENT } from './daily-notice.rules';

/** The industry codes of the reference table (`industries`), in its order. */
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

/** R-COM-1 [cfg] default: the hazardous-chemical production and storage enterprises of the reference data. */
export const DAILY_NOTICE_DEFAULT_INDUSTRIES = ['hazardous_chemicals'] as const;

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    industries: zh ? '须每日发布公告的行业' : 'Industries that post the notice daily',
    commitment: zh ? '承诺内容（主要负责人签署）' : 'Commitment sentence (signed by the principal)',
  };
  for (const i of INDUSTRIES) out[`@${i.code}`] = zh ? i.name : i.nameEn;
  return out;
}

/**
 * R-COM-1 [cfg], issue 11 §6: which enterprises owe the daily safety-risk assessment and commitment notice
 * (安全风险研判与承诺公告, 应急管理部 guidance for 危险化学品企业), by industry, and the commitment sentence the principal signs.
 */
export const DAILY_NOTICE_RULES = defineRuleSet({
  name: 'daily-risk-notice',
  module: 'responsibility.daily-notice',
  schema: z.object({
    industries: z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length),
    commitment: z.string().trim().min(10).max(1000),
  }).strict(),
  defaults: { industries: [...DAILY_NOTICE_DEFAULT_INDUSTRIES], commitment: DEFAULT_COMMITMENT },
  rules: ['R-COM-1'],
  labels: {
    'zh-CN': {
      title: '安全风险研判与承诺公告',
      description: '危险化学品企业每天进行安全风险研判，由主要负责人签署承诺并在企业门口和平台公告。这里设定哪些行业的企业须每日发布公告，以及主要负责人签署的承诺内容。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Daily risk assessment and commitment notice',
      description: 'Hazardous-chemical enterprises assess the day\'s safety risks every day; the principal signs the commitment and posts it at the gate and on the platform. Set which industries owe the notice and the commitment sentence the principal signs.',
      fields: fieldLabels(false),
    },
  },
});
