import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';

/** R-RESP-3, R-COM-1 [cfg] defaults. */
export const LETTERS_DEFAULTS = { lateHireDays: 30, commitmentReportCycle: 'quarterly', newPrincipalDays: 30 } as const;

/**
 * R-RESP-3 [cfg]: how many days someone hired after a campaign started has to sign their own letter; R-COM-1 [cfg]: how
 * often the principal's commitment is reported to the subdistrict, and how many days a new principal has to sign a new
 * commitment.
 */
export const LETTERS_RULES = defineRuleSet({
  name: 'letters',
  module: 'responsibility.letters',
  schema: z.object({
    lateHireDays: z.number().int().min(1).max(365),
    commitmentReportCycle: z.enum(['quarterly', 'half_yearly', 'yearly']),
    newPrincipalDays: z.number().int().min(1).max(365),
  }),
  defaults: { ...LETTERS_DEFAULTS },
  rules: ['R-RESP-3', 'R-COM-1'],
  labels: {
    'zh-CN': {
      title: '责任书与安全承诺',
      description: '年度签订后新入职人员须在多少天内签订本人责任书；主要负责人安全承诺向街道报告的周期；主要负责人变更后新负责人须在多少天内签署新的承诺。',
      fields: {
        lateHireDays: '新入职人员签订期限（天）',
        commitmentReportCycle: '安全承诺报告周期',
        newPrincipalDays: '新任主要负责人签署承诺期限（天）',
        '@quarterly': '每季度', '@half_yearly': '每半年', '@yearly': '每年',
      },
    },
    'en-US': {
      title: 'Letters and safety commitments',
      description: 'How many days someone hired after the yearly signing has to sign their own letter; how often the principal\'s safety commitment is reported to the subdistrict; how many days a new principal has to sign a new commitment.',
      fields: {
        lateHireDays: 'Days a later hire has to sign',
        commitmentReportCycle: 'Commitment report cycle',
        newPrincipalDays: 'Days a new principal has to sign',
        '@quarterly': 'Quarterly', '@half_yearly': 'Half-yearly', '@yearly': 'Yearly',
      },
    },
  },
});
