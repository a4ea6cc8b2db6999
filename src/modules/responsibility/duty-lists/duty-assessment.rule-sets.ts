import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { DEFAULT_BANDS, PRINCIPAL_ASSESSORS } from './duty-assessment.rules';

const percent = z.number().int().min(1).max(100);

/**
 * R-RESP-2 [cfg]: the grade bands of the yearly duty assessment (the lowest percentage of a person's points that earns
 * each grade), and who assesses the principal: the board or parent company, whose result a manager records, or the
 * principal himself, in a self-assessment the subdistrict reads. A campaign keeps the version it was opened under.
 */
export const DUTY_ASSESSMENT_RULES = defineRuleSet({
  name: 'duty-assessment',
  module: 'responsibility',
  schema: z.object({
    bands: z.object({ excellent: percent, good: percent, pass: percent })
      .refine((b) => b.excellent > b.good, { message: 'duty.rules.bandOrder', path: ['excellent'] })
      .refine((b) => b.good > b.pass, { message: 'duty.rules.bandOrder', path: ['good'] }),
    principalAssessedBy: z.enum(PRINCIPAL_ASSESSORS),
  }),
  defaults: { bands: DEFAULT_BANDS, principalAssessedBy: 'board' },
  rules: ['R-RESP-2'],
  labels: {
    'zh-CN': {
      title: '安全生产责任制考核',
      description: '全员安全生产责任制年度考核的等级划分（按得分占应得分的百分比，"以上"含本数），以及主要负责人由谁考核：董事会或上级公司（由企业管理人员录入结果），或本人自评（街道可查阅）。',
      fields: {
        bands: '等级分数线（%）', 'bands.excellent': '优秀（以上）', 'bands.good': '良好（以上）', 'bands.pass': '合格（以上，以下为不合格）',
        principalAssessedBy: '主要负责人考核方式', '@board': '董事会或上级公司考核', '@self': '本人自评（街道查阅）',
      },
    },
    'en-US': {
      title: 'Duty assessment',
      description: 'The grades of the yearly assessment of every person\'s duties (by the score as a percentage of the points; a band includes its number), and who assesses the principal: the board or parent company (a manager records the result), or the principal in a self-assessment the subdistrict reads.',
      fields: {
        bands: 'Grade bands (%)', 'bands.excellent': 'Excellent from', 'bands.good': 'Good from', 'bands.pass': 'Pass from (below: fail)',
        principalAssessedBy: 'The principal is assessed by', '@board': 'The board or parent company', '@self': 'Self-assessment (read by the subdistrict)',
      },
    },
  },
});
