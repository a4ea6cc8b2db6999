import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import { MONEY_PATTERN } from './insurance.rules';

const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

/**
 * R-INS-1 [cfg] default: the industries of the reference data in its `liability_insurance` category — mining, hazardous
 * chemicals, fireworks, transport, construction, civil explosives, metal smelting, fishery (2025 rules).
 */
export const LIABILITY_DEFAULT_INDUSTRIES = INDUSTRIES.filter((i) => i.categories.includes('liability_insurance')).map((i) => i.code);

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    industries: zh ? '须投保安全生产责任保险的行业' : 'Industries that must hold safety-liability insurance',
    minCover: zh ? '每人死亡伤残保额下限（元）' : 'Minimum cover per person for death or disability (CNY)',
  };
  for (const i of INDUSTRIES) out[`@${i.code}`] = zh ? i.name : i.nameEn;
  return out;
}

/**
 * R-INS-1 [cfg], issue 12 §4: which enterprises must hold safety-liability insurance (安责险), by industry, and the
 * least cover per person. The rest of the check (everyone insured, same cover, premium paid by the unit) is the rule.
 */
export const LIABILITY_INSURANCE_RULES = defineRuleSet({
  name: 'liability-insurance',
  module: 'management.insurance',
  schema: z.object({
    industries: z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length),
    minCover: z.string().regex(MONEY_PATTERN),
  }).strict(),
  defaults: { industries: LIABILITY_DEFAULT_INDUSTRIES, minCover: '400000.00' },
  rules: ['R-INS-1'],
  labels: {
    'zh-CN': {
      title: '安全生产责任保险',
      description: '设定哪些行业的企业必须投保安全生产责任保险，以及每人死亡伤残保额的下限。保单须覆盖全部在册从业人员（各种用工形式），每人保额相同，保费由单位缴纳。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Safety-liability insurance',
      description: 'Set which industries must hold safety-liability insurance and the least cover per person for death or disability. A policy covers every employee on the roster (every employment form) with the same cover, and the unit pays the premium.',
      fields: fieldLabels(false),
    },
  },
});
