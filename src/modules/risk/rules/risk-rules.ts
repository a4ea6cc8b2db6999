import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { CONTROL_LEVELS, DEFAULT_RISK_RULES, DIRECT_CONDITIONS, type ControlLevel } from '../points/risk-grading';

const bands = z.object({ g1: z.number().positive(), g2: z.number().nonnegative(), g3: z.number().nonnegative() })
  .refine((b) => b.g1 > b.g2 && b.g2 > b.g3, { message: 'risk.rules.bandsDecrease' });
const level = z.enum(CONTROL_LEVELS as [ControlLevel, ...ControlLevel[]]);
const months = z.number().int().min(1).max(60);

/** The values R-LEC, R-LS, R-MES, R-RISK-3, R-RISK-4 and R-RISK-6 mark [cfg]; a risk assessment keeps its version. */
export const riskRuleSetSchema = z.object({
  lec: bands,
  ls: bands,
  mes: bands,
  directConditions: z.array(z.enum(DIRECT_CONDITIONS)),
  controlLevel: z.object({ 1: level, 2: level, 3: level, 4: level }),
  reassessMonths: z.object({ 1: months, 2: months, 3: months, 4: months }),
});

const bandLabels = (zh: string, en: string) => ({
  zh: { [`${zh}.g1`]: '重大风险阈值（分值大于）', [`${zh}.g2`]: '较大风险阈值（分值大于）', [`${zh}.g3`]: '一般风险阈值（分值大于）' },
  en: { [`${en}.g1`]: 'Grade 1 above', [`${en}.g2`]: 'Grade 2 above', [`${en}.g3`]: 'Grade 3 above' },
});
const lec = bandLabels('lec', 'lec');
const ls = bandLabels('ls', 'ls');
const mes = bandLabels('mes', 'mes');

/** The risk grading rule-set; its name stays `risk`, the kind its versions were saved under before rule-sets were generic. */
export const RISK_RULES = defineRuleSet({
  name: 'risk',
  module: 'risk',
  schema: riskRuleSetSchema,
  defaults: DEFAULT_RISK_RULES,
  rules: ['R-LEC', 'R-LS', 'R-MES', 'R-RISK-3', 'R-RISK-4', 'R-RISK-6'],
  labels: {
    'zh-CN': {
      title: '风险分级规则',
      description: 'LEC、LS、MES 三种方法的分级阈值，直接判定为重大风险的情形，各等级的管控层级和复评周期。每次评价记录所用版本。',
      fields: {
        lec: 'LEC 法（D = L×E×C）', ls: 'LS 法（R = L×S）', mes: 'MES 法（R = M×E×S）', ...lec.zh, ...ls.zh, ...mes.zh,
        directConditions: '直接判定为重大风险的情形', controlLevel: '各等级的管控层级', reassessMonths: '复评周期（月）',
        'controlLevel.1': '重大风险', 'controlLevel.2': '较大风险', 'controlLevel.3': '一般风险', 'controlLevel.4': '低风险',
        'reassessMonths.1': '重大风险', 'reassessMonths.2': '较大风险', 'reassessMonths.3': '一般风险', 'reassessMonths.4': '低风险',
        '@company': '公司级（主要负责人）', '@department': '部门级（分管负责人）', '@workshop': '车间级', '@team': '班组/岗位级',
        '@law_breach': '违反法律法规或国家、行业强制性标准', '@past_accident_uncontrolled': '发生过死亡、重伤事故，且现在管控措施未改进',
        '@major_hazard_source': '构成重大危险源', '@confined_space_uncontrolled': '有限空间作业未采取有效管控措施',
        '@dust_explosion_uncontrolled': '涉爆粉尘作业场所未采取有效管控措施',
      },
    },
    'en-US': {
      title: 'Risk grading rules',
      description: 'Grade bands of the LEC, LS and MES methods, the conditions graded 1 directly, the control level and the re-assessment interval by grade. Each assessment records the version it used.',
      fields: {
        lec: 'LEC (D = L×E×C)', ls: 'LS (R = L×S)', mes: 'MES (R = M×E×S)', ...lec.en, ...ls.en, ...mes.en,
        directConditions: 'Conditions graded 1 directly', controlLevel: 'Control level by grade', reassessMonths: 'Re-assessment interval (months)',
        'controlLevel.1': 'Grade 1', 'controlLevel.2': 'Grade 2', 'controlLevel.3': 'Grade 3', 'controlLevel.4': 'Grade 4',
        'reassessMonths.1': 'Grade 1', 'reassessMonths.2': 'Grade 2', 'reassessMonths.3': 'Grade 3', 'reassessMonths.4': 'Grade 4',
        '@company': 'Company (principal)', '@department': 'Department (deputy)', '@workshop': 'Workshop', '@team': 'Team / post',
        '@law_breach': 'Breach of law or a mandatory standard', '@past_accident_uncontrolled': 'Past fatal or serious accident, controls not improved',
        '@major_hazard_source': 'Major hazard source', '@confined_space_uncontrolled': 'Confined-space work without effective controls',
        '@dust_explosion_uncontrolled': 'Dust-explosion area without effective controls',
      },
    },
  },
});

export const riskRulesMessages = {
  'zh-CN': { 'risk.rules.bandsDecrease': '阈值须依次递减（重大 > 较大 > 一般）' },
  'en-US': { 'risk.rules.bandsDecrease': 'Thresholds must decrease (grade 1 > grade 2 > grade 3)' },
};
