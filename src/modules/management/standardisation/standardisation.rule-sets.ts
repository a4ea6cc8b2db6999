import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';

/**
 * The automatic prefills (issue 13 §4): each names a computation over the platform's records that gives an element's
 * score and the records behind it (standardisation.prefill.ts). An element whose records cannot be read reads "not
 * assessed" and leaves the assessed maximum.
 */
export const PREFILLS = [
  'resp.coverage', 'resp.principalRate', 'investment.fee', 'documents.laws', 'documents.required', 'documents.acks', 'training.plan', 'training.people',
  'equipment.special', 'ppe.issue', 'risk.r8', 'risk.ledger', 'hazards.loop', 'reviews.yearly', 'emergency', 'accidents',
] as const;
export type Prefill = (typeof PREFILLS)[number];

export const GRADES = ['1', '2', '3'] as const;
export type Grade = (typeof GRADES)[number];

type Element = { code: string; name: string; maxPoints: number; rule: string; prefill: Prefill | null };

/**
 * R-STD-1 [cfg]: GB/T 33000-2016 chapter 5 (核心技术要求), its eight first-level elements (5.1–5.8) and their 28
 * second-level elements. The standard names the elements; it gives no points: the weights below are the platform's
 * default (each first-level element's share of 100, split over its second-level elements), to be replaced by the
 * industry's own scoring rules (评分细则) where the district adopts them.
 */
export const FIRST_LEVEL_DEFAULTS = [
  { code: '5.1', name: '目标职责' },
  { code: '5.2', name: '制度化管理' },
  { code: '5.3', name: '教育培训' },
  { code: '5.4', name: '现场管理' },
  { code: '5.5', name: '安全风险管控及隐患排查治理' },
  { code: '5.6', name: '应急管理' },
  { code: '5.7', name: '事故管理' },
  { code: '5.8', name: '持续改进' },
] as const;

export const ELEMENT_DEFAULTS: readonly Element[] = [
  { code: '5.1.1', name: '目标', maxPoints: 3, rule: '制定安全生产目标和指标，分解到各级组织并考核', prefill: null },
  { code: '5.1.2', name: '机构和职责', maxPoints: 4, rule: '全员安全生产责任清单覆盖全部岗位和人员：按人员覆盖率得分', prefill: 'resp.coverage' },
  { code: '5.1.3', name: '全员参与', maxPoints: 2, rule: '主要负责人履职（“十个一”等）：按本年度主要负责人履职率得分', prefill: 'resp.principalRate' },
  { code: '5.1.4', name: '安全生产投入', maxPoints: 4, rule: '足额提取安全生产费用（或预算经批准）：按已提取 ÷ 应提取得分', prefill: 'investment.fee' },
  { code: '5.1.5', name: '安全文化建设', maxPoints: 2, rule: '开展安全文化建设活动，形成安全价值观', prefill: null },
  { code: '5.1.6', name: '安全生产信息化建设', maxPoints: 1, rule: '运用信息化手段开展安全生产管理', prefill: null },
  { code: '5.2.1', name: '法规标准识别', maxPoints: 2, rule: '识别适用的法律法规和标准并转化为规章制度：按已关联制度的法规比例得分', prefill: 'documents.laws' },
  { code: '5.2.2', name: '规章制度', maxPoints: 3, rule: '建立行业要求的安全生产规章制度：按已建立 ÷ 应建立得分', prefill: 'documents.required' },
  { code: '5.2.3', name: '操作规程', maxPoints: 3, rule: '操作规程发放到岗位并人人知晓：按最新版本的阅知确认率得分', prefill: 'documents.acks' },
  { code: '5.2.4', name: '文档管理', maxPoints: 2, rule: '文件、记录和档案的管理与定期评估', prefill: null },
  { code: '5.3.1', name: '教育培训管理', maxPoints: 4, rule: '培训计划经主要负责人按季度检查：按已检查季度 ÷ 已过季度得分', prefill: 'training.plan' },
  { code: '5.3.2', name: '人员教育培训', maxPoints: 6, rule: '从业人员培训学时达标：按学时无欠缺的人员比例得分', prefill: 'training.people' },
  { code: '5.4.1', name: '设备设施管理', maxPoints: 8, rule: '特种设备按期检验：按未超期 ÷ 全部特种设备得分', prefill: 'equipment.special' },
  { code: '5.4.2', name: '作业安全', maxPoints: 8, rule: '作业环境、作业行为、岗位达标和相关方管理', prefill: null },
  { code: '5.4.3', name: '职业健康', maxPoints: 5, rule: '按标准发放劳动防护用品：按已足额发放的人员比例得分', prefill: 'ppe.issue' },
  { code: '5.4.4', name: '警示标志', maxPoints: 3, rule: '一、二级风险场所设置警示标志等“四个到位”：按到位的风险点比例得分', prefill: 'risk.r8' },
  { code: '5.5.1', name: '安全风险管理', maxPoints: 6, rule: '风险点辨识、评估分级并按期复评：按已评估且未超期的风险点比例得分', prefill: 'risk.ledger' },
  { code: '5.5.2', name: '重大危险源辨识和管理', maxPoints: 4, rule: '重大危险源辨识、评估、备案和监控', prefill: null },
  { code: '5.5.3', name: '隐患排查治理', maxPoints: 8, rule: '检查任务按时完成、隐患按期整改闭环：按两项比例的平均得分', prefill: 'hazards.loop' },
  { code: '5.5.4', name: '预测预警', maxPoints: 2, rule: '根据风险和隐患情况进行预测预警', prefill: null },
  { code: '5.6.1', name: '应急准备', maxPoints: 5, rule: '应急预案编制、评审、备案，应急队伍、物资和演练', prefill: 'emergency' },
  { code: '5.6.2', name: '应急处置', maxPoints: 3, rule: '事故发生后按预案处置', prefill: 'emergency' },
  { code: '5.6.3', name: '应急评估', maxPoints: 2, rule: '对应急准备和处置工作进行评估', prefill: 'emergency' },
  { code: '5.7.1', name: '报告', maxPoints: 2, rule: '按规定及时、如实报告事故', prefill: 'accidents' },
  { code: '5.7.2', name: '调查和处理', maxPoints: 2, rule: '事故调查、原因分析和责任追究', prefill: 'accidents' },
  { code: '5.7.3', name: '管理', maxPoints: 1, rule: '事故档案和统计分析', prefill: 'accidents' },
  { code: '5.8.1', name: '绩效评定', maxPoints: 3, rule: '每年评审责任制、规章制度、安全投入：按已完成的年度评审项数 ÷ 3 得分', prefill: 'reviews.yearly' },
  { code: '5.8.2', name: '持续改进', maxPoints: 2, rule: '根据绩效评定结果制定并落实改进措施', prefill: null },
];

const elementSchema = z.object({
  code: z.string().regex(/^5\.[1-8]\.[0-9]{1,2}$/),
  name: z.string().trim().min(1).max(60),
  maxPoints: z.number().min(0).max(100),
  rule: z.string().trim().max(500),
  prefill: z.enum(PREFILLS).nullable(),
}).strict();

export const standardisationRulesSchema = z.object({
  firstLevel: z.array(z.object({ code: z.string().regex(/^5\.[1-8]$/), name: z.string().trim().min(1).max(60) }).strict()).min(1).max(8)
    .refine((l) => new Set(l.map((x) => x.code)).size === l.length, { message: 'standardisation.rules.duplicate' }),
  elements: z.array(elementSchema).min(1).max(200)
    .refine((l) => new Set(l.map((x) => x.code)).size === l.length, { message: 'standardisation.rules.duplicate' }),
  /** Intended-grade thresholds on the normalised total (of 100): 一级 ≥ first, 二级 ≥ second, 三级 ≥ third. */
  grades: z.object({ first: z.number().min(0).max(100), second: z.number().min(0).max(100), third: z.number().min(0).max(100) }).strict()
    .refine((g) => g.first >= g.second && g.second >= g.third, { message: 'standardisation.rules.gradeOrder' }),
  /** An awarded grade's certificate is valid this many years from the review. */
  certificateYears: z.number().int().min(1).max(10),
  /** The re-review is to be requested this many months before the certificate expires. */
  reReviewMonthsBefore: z.number().int().min(0).max(24),
}).strict().refine((v) => v.elements.every((e) => v.firstLevel.some((f) => e.code.startsWith(`${f.code}.`))), { message: 'standardisation.rules.orphan' });

export type StandardisationRules = z.infer<typeof standardisationRulesSchema>;

export const STANDARDISATION_DEFAULTS: StandardisationRules = {
  firstLevel: FIRST_LEVEL_DEFAULTS.map((f) => ({ ...f })),
  elements: ELEMENT_DEFAULTS.map((e) => ({ ...e })),
  grades: { first: 90, second: 75, third: 60 },
  certificateYears: 3,
  reReviewMonthsBefore: 3,
};

const PREFILL_NAMES: Record<Prefill, [string, string]> = {
  'resp.coverage': ['责任清单覆盖率', 'Duty-list coverage'],
  'resp.principalRate': ['主要负责人履职率', "Principal's fulfilment rate"],
  'investment.fee': ['安全生产费用提取', 'Safety fee accrued'],
  'documents.laws': ['法律法规识别与转化', 'Laws adopted and implemented'],
  'documents.required': ['必备规章制度', 'Required rules'],
  'documents.acks': ['制度规程阅知确认', 'Rules acknowledged'],
  'training.plan': ['培训计划季度检查', 'Quarterly checks of the training plan'],
  'training.people': ['培训学时达标', 'Training hours met'],
  'equipment.special': ['特种设备按期检验', 'Special equipment inspected on time'],
  'ppe.issue': ['劳动防护用品发放', 'PPE issued'],
  'risk.r8': ['一二级风险点“四个到位”', 'Grade 1–2 points with R-RISK-8 measures'],
  'risk.ledger': ['风险点评估与复评', 'Risk points assessed and reassessed'],
  'hazards.loop': ['检查任务与隐患闭环', 'Check tasks and the hazard loop'],
  'reviews.yearly': ['年度评审（责任制、制度、投入）', 'Yearly reviews (duties, rules, investment)'],
  emergency: ['应急管理（预案备案、演练、救援组织）', 'Emergency management (plans filed, drills, rescue organisation)'],
  accidents: ['事故管理（按时报告、调查结案）', 'Accident management (reported in time, investigated)'],
};
export const prefillName = (p: Prefill, zh: boolean) => PREFILL_NAMES[p][zh ? 0 : 1];

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    firstLevel: zh ? '一级要素' : 'First-level elements',
    'firstLevel.code': zh ? '编号' : 'Code',
    'firstLevel.name': zh ? '名称' : 'Name',
    elements: zh ? '二级要素（GB/T 33000-2016）' : 'Second-level elements (GB/T 33000-2016)',
    'elements.code': zh ? '编号' : 'Code',
    'elements.name': zh ? '名称' : 'Name',
    'elements.maxPoints': zh ? '满分' : 'Maximum points',
    'elements.rule': zh ? '评分规则' : 'Scoring rule',
    'elements.prefill': zh ? '自动预填来源' : 'Automatic prefill',
    grades: zh ? '拟申请等级分数线（折算为百分制）' : 'Intended-grade thresholds (of 100)',
    'grades.first': zh ? '一级' : 'Grade 1',
    'grades.second': zh ? '二级' : 'Grade 2',
    'grades.third': zh ? '三级' : 'Grade 3',
    certificateYears: zh ? '评审等级证书有效期（年）' : 'Certificate validity (years)',
    reReviewMonthsBefore: zh ? '证书到期前多少个月申请复评' : 'Months before expiry to request the re-review',
  };
  for (const p of PREFILLS) out[`@${p}`] = prefillName(p, zh);
  return out;
}

/** R-STD-1 [cfg]: the element table, its points and prefills, the grade thresholds, the certificate's validity. */
export const STANDARDISATION_RULES = defineRuleSet({
  name: 'standardisation',
  module: 'management.standardisation',
  schema: standardisationRulesSchema,
  defaults: STANDARDISATION_DEFAULTS,
  rules: ['R-STD-1'],
  labels: {
    'zh-CN': {
      title: '安全生产标准化自评',
      description: 'GB/T 33000-2016 的一级、二级要素及各要素满分、评分规则和自动预填来源（合计默认 100 分），拟申请等级的分数线（一级 90、二级 75、三级 60），外部评审等级证书有效期和复评申请提前期（R-STD-1）。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Standardisation self-assessment',
      description: 'The first- and second-level elements of GB/T 33000-2016 with their maximum points, scoring rules and automatic prefills (100 points by default), the intended-grade thresholds (90/75/60), and the external review certificate\'s validity and re-review lead time (R-STD-1).',
      fields: fieldLabels(false),
    },
  },
});
