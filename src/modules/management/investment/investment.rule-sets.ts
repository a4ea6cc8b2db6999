import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import { PERCENT_PATTERN, type Schedule } from './investment.rules';

const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];
const DOC = '财资〔2022〕136号《企业安全生产费用提取和使用管理办法》';

/**
 * R-INV-1 [cfg]: the categories of use (使用范围) of 财资〔2022〕136号, as its general list reads for the industries it
 * covers (the hazardous-goods article's ten items, shared in substance by the others). Spending recorded under any
 * other category is flagged as outside the eligible uses.
 */
export const DEFAULT_CATEGORIES: { code: string; name: string }[] = [
  { code: 'facilities', name: '完善、改造和维护安全防护设施设备支出' },
  { code: 'emergency', name: '配备、维护、保养应急救援器材、设备支出和应急救援队伍建设、应急预案制修订与应急演练支出' },
  { code: 'risk_hazard', name: '开展安全风险分级管控和事故隐患排查整改支出，安全生产信息化、智能化建设、运维和网络安全支出' },
  { code: 'inspection', name: '安全生产检查、评估评价（不含新建、改建、扩建项目安全评价）、咨询和标准化建设支出' },
  { code: 'ppe', name: '配备和更新现场作业人员安全防护用品支出' },
  { code: 'training', name: '安全生产宣传、教育、培训和从业人员发现并报告事故隐患的奖励支出' },
  { code: 'new_tech', name: '安全生产适用的新技术、新标准、新工艺、新装备的推广应用支出' },
  { code: 'testing', name: '安全设施及特种设备检测检验、检定校准支出' },
  { code: 'liability_insurance', name: '安全生产责任保险支出' },
  { code: 'other_direct', name: '其他与安全生产直接相关的支出' },
];

/** The category code of a use recorded as outside the eligible categories (职工福利、节日慰问 …): always flagged. */
export const OUTSIDE_CATEGORY = 'outside';

const construction = (key: string, name: string, rate: string): Schedule => ({
  key: `construction.${key}`, name: `建设工程施工：${name}`, basis: 'project_cost', rate, source: `${DOC} 建设工程施工企业提取标准`, verified: true,
});
const unverified = (s: Omit<Schedule, 'verified'>): Schedule => ({ ...s, verified: false, source: `${s.source}（数值待区应急管理局核实）` });

/**
 * R-INV-1 [cfg]: every industry 财资〔2022〕136号 covers, each row with its source. Construction and hazardous goods are
 * the rows RULES.md states and the tests check; the others are written from memory of the document and ship
 * `verified: false`, so they refuse to compute until the district admin compares them with the document and confirms
 * them on the rule-set screen.
 */
export const DEFAULT_SCHEDULES: Schedule[] = [
  construction('mining', '矿山工程', '3.5'),
  construction('railway', '铁路工程', '3'),
  construction('building', '房屋建筑工程', '3'),
  construction('urban_rail', '城市轨道交通工程', '3'),
  construction('water', '水利水电工程', '2.5'),
  construction('power', '电力工程', '2.5'),
  construction('smelting', '冶炼工程', '2'),
  construction('installation', '机电安装工程', '2'),
  construction('chemical', '化工石油工程', '2'),
  construction('telecom', '通信工程', '2'),
  construction('municipal', '市政公用工程', '1.5'),
  construction('port', '港口与航道工程', '1.5'),
  construction('highway', '公路工程', '1.5'),
  {
    key: 'hazardous_goods', name: '危险品生产与储存（上一年度营业收入，超额累退）', basis: 'revenue_progressive',
    bands: [{ upTo: 10_000_000, rate: '4.5' }, { upTo: 100_000_000, rate: '2.25' }, { upTo: 1_000_000_000, rate: '0.55' }, { upTo: null, rate: '0.2' }],
    source: `${DOC} 危险品生产与储存企业提取标准`, verified: true,
  },
  unverified({ key: 'coal.outburst', name: '煤炭生产：煤与瓦斯突出矿井、冲击地压矿井（原煤产量）', basis: 'per_unit', unitAmount: '50', unit: '吨', source: `${DOC} 煤炭生产企业提取标准` }),
  unverified({ key: 'coal.high_gas', name: '煤炭生产：高瓦斯矿井、水文地质类型复杂和极复杂矿井（原煤产量）', basis: 'per_unit', unitAmount: '30', unit: '吨', source: `${DOC} 煤炭生产企业提取标准` }),
  unverified({ key: 'coal.other_underground', name: '煤炭生产：其他井工矿（原煤产量）', basis: 'per_unit', unitAmount: '15', unit: '吨', source: `${DOC} 煤炭生产企业提取标准` }),
  unverified({ key: 'coal.open_pit', name: '煤炭生产：露天矿（原煤产量）', basis: 'per_unit', unitAmount: '5', unit: '吨', source: `${DOC} 煤炭生产企业提取标准` }),
  unverified({ key: 'non_coal.metal_underground', name: '非煤矿山：金属矿山井工矿（开采量）', basis: 'per_unit', unitAmount: '15', unit: '吨', source: `${DOC} 非煤矿山开采企业提取标准` }),
  unverified({ key: 'non_coal.metal_open', name: '非煤矿山：金属矿山露天矿（开采量）', basis: 'per_unit', unitAmount: '6', unit: '吨', source: `${DOC} 非煤矿山开采企业提取标准` }),
  unverified({ key: 'non_coal.nonmetal_underground', name: '非煤矿山：非金属矿山井工矿（开采量）', basis: 'per_unit', unitAmount: '8', unit: '吨', source: `${DOC} 非煤矿山开采企业提取标准` }),
  unverified({ key: 'non_coal.nonmetal_open', name: '非煤矿山：非金属矿山露天矿（开采量）', basis: 'per_unit', unitAmount: '3', unit: '吨', source: `${DOC} 非煤矿山开采企业提取标准` }),
  unverified({ key: 'non_coal.oil', name: '非煤矿山：石油（原油产量）', basis: 'per_unit', unitAmount: '20', unit: '吨', source: `${DOC} 非煤矿山开采企业提取标准` }),
  unverified({ key: 'transport.general', name: '交通运输：普通货运（上一年度营业收入）', basis: 'revenue_flat', rate: '1', source: `${DOC} 交通运输企业提取标准` }),
  unverified({ key: 'transport.special', name: '交通运输：客运、管道运输、危险品等特殊货运（上一年度营业收入）', basis: 'revenue_flat', rate: '1.5', source: `${DOC} 交通运输企业提取标准` }),
  unverified({
    key: 'fireworks', name: '烟花爆竹生产（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 烟花爆竹生产企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '4' }, { upTo: 100_000_000, rate: '3' }, { upTo: null, rate: '2.5' }],
  }),
  unverified({
    key: 'metallurgy', name: '冶金（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 冶金企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '3' }, { upTo: 100_000_000, rate: '1.5' }, { upTo: 1_000_000_000, rate: '0.5' }, { upTo: 5_000_000_000, rate: '0.2' }, { upTo: 10_000_000_000, rate: '0.1' }, { upTo: null, rate: '0.05' }],
  }),
  unverified({
    key: 'machinery', name: '机械制造（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 机械制造企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '2.35' }, { upTo: 100_000_000, rate: '1.25' }, { upTo: 1_000_000_000, rate: '0.25' }, { upTo: 5_000_000_000, rate: '0.1' }, { upTo: null, rate: '0.05' }],
  }),
  unverified({
    key: 'civil_explosives', name: '民用爆炸物品生产（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 民用爆炸物品生产企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '4' }, { upTo: 100_000_000, rate: '2' }, { upTo: 1_000_000_000, rate: '0.5' }, { upTo: null, rate: '0.2' }],
  }),
  unverified({
    key: 'weapons', name: '武器装备研制生产与试验（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 武器装备研制生产与试验企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '3' }, { upTo: 100_000_000, rate: '1.5' }, { upTo: 1_000_000_000, rate: '0.5' }, { upTo: null, rate: '0.2' }],
  }),
  unverified({
    key: 'power.generation', name: '电力生产（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 电力生产与供应企业提取标准`,
    bands: [{ upTo: 10_000_000, rate: '3' }, { upTo: 100_000_000, rate: '1.5' }, { upTo: 1_000_000_000, rate: '1' }, { upTo: 5_000_000_000, rate: '0.8' }, { upTo: 10_000_000_000, rate: '0.6' }, { upTo: null, rate: '0.2' }],
  }),
  unverified({
    key: 'power.supply', name: '电力供应（上一年度营业收入，超额累退）', basis: 'revenue_progressive', source: `${DOC} 电力生产与供应企业提取标准`,
    bands: [{ upTo: 50_000_000_000, rate: '0.5' }, { upTo: 100_000_000_000, rate: '0.4' }, { upTo: 200_000_000_000, rate: '0.3' }, { upTo: null, rate: '0.2' }],
  }),
];

/**
 * Which reference industries accrue the fee, and by which schedules (the calculator offers them; the regulators'
 * list counts the enterprises of these industries as in scope).
 */
export const DEFAULT_INDUSTRY_SCHEDULES: { industry: string; schedules: string[] }[] = [
  { industry: 'hazardous_chemicals', schedules: ['hazardous_goods'] },
  { industry: 'fireworks', schedules: ['fireworks'] },
  { industry: 'civil_explosives', schedules: ['civil_explosives'] },
  { industry: 'construction', schedules: DEFAULT_SCHEDULES.filter((s) => s.basis === 'project_cost').map((s) => s.key) },
  { industry: 'non_coal_mining', schedules: DEFAULT_SCHEDULES.filter((s) => s.key.startsWith('non_coal.')).map((s) => s.key) },
  { industry: 'metal_smelting', schedules: ['metallurgy'] },
  { industry: 'machinery', schedules: ['machinery'] },
  { industry: 'road_transport', schedules: ['transport.general', 'transport.special'] },
  { industry: 'urban_rail', schedules: ['transport.special'] },
];

const percent = z.string().regex(PERCENT_PATTERN);
const schedule = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_.]{0,59}$/),
  name: z.string().trim().min(1).max(100),
  basis: z.enum(['project_cost', 'revenue_progressive', 'revenue_flat', 'per_unit']),
  rate: percent.optional(),
  bands: z.array(z.object({ upTo: z.number().int().positive().max(1e15).nullable(), rate: percent })).min(1).max(10).optional(),
  unitAmount: z.string().regex(/^\d{1,8}(\.\d{1,2})?$/).optional(),
  unit: z.string().trim().min(1).max(10).optional(),
  source: z.string().trim().min(1).max(300),
  verified: z.boolean(),
}).strict().superRefine((s, ctx) => {
  if ((s.basis === 'project_cost' || s.basis === 'revenue_flat') && !s.rate) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'rules.invalid.value' });
  if (s.basis === 'per_unit' && (!s.unitAmount || !s.unit)) ctx.addIssue({ code: 'custom', path: ['unitAmount'], message: 'rules.invalid.value' });
  if (s.basis === 'revenue_progressive') {
    const b = s.bands ?? [];
    // Bands rise, and only the last is open-ended.
    const ok = b.length > 0 && b.every((x, i) => (i === b.length - 1 ? x.upTo === null : x.upTo !== null && (i === 0 || x.upTo > b[i - 1]!.upTo!)));
    if (!ok) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'rules.invalid.value' });
  }
});

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    categories: zh ? '安全生产费用使用范围（类别）' : 'Categories of use of the safety fee',
    'categories.code': zh ? '代码' : 'Code',
    'categories.name': zh ? '名称' : 'Name',
    schedules: zh ? '提取标准（逐行注明出处；未核实的行不能计算）' : 'Accrual schedules (each with its source; unverified rows do not compute)',
    'schedules.key': zh ? '代码' : 'Code',
    'schedules.name': zh ? '名称' : 'Name',
    'schedules.basis': zh ? '计提依据' : 'Basis',
    'schedules.rate': zh ? '提取比例（%）' : 'Rate (%)',
    'schedules.bands': zh ? '超额累退分档' : 'Progressive bands',
    'schedules.bands.upTo': zh ? '本档上限（元，空为无上限）' : 'Band upper bound (CNY; empty: none)',
    'schedules.bands.rate': zh ? '本档比例（%）' : 'Band rate (%)',
    'schedules.unitAmount': zh ? '每单位提取金额（元）' : 'Amount per unit (CNY)',
    'schedules.unit': zh ? '计量单位' : 'Unit',
    'schedules.source': zh ? '出处' : 'Source',
    'schedules.verified': zh ? '已核实' : 'Verified',
    '@project_cost': zh ? '工程造价' : 'Project cost',
    '@revenue_progressive': zh ? '上一年度营业收入（超额累退）' : 'Prior-year revenue (progressive)',
    '@revenue_flat': zh ? '上一年度营业收入（固定比例）' : 'Prior-year revenue (flat rate)',
    '@per_unit': zh ? '产量' : 'Output',
    industries: zh ? '各行业适用的提取标准' : 'Schedules by industry',
    'industries.industry': zh ? '行业' : 'Industry',
    'industries.schedules': zh ? '提取标准代码' : 'Schedule codes',
  };
  for (const i of INDUSTRIES) out[`@${i.code}`] = zh ? i.name : i.nameEn;
  return out;
}

/** R-INV-1 [cfg]: the safety production fee of 财资〔2022〕136号 — its categories of use, accrual schedules and industries. */
export const SAFETY_FEE_RULES = defineRuleSet({
  name: 'safety-fee',
  module: 'management.investment',
  schema: z.object({
    categories: z.array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).refine((c) => c !== OUTSIDE_CATEGORY), name: z.string().trim().min(1).max(200) }).strict()).min(1).max(40),
    schedules: z.array(schedule).min(1).max(100),
    industries: z.array(z.object({ industry: z.enum(INDUSTRY_CODES), schedules: z.array(z.string().max(60)).max(30) }).strict()).max(INDUSTRY_CODES.length),
  }).strict().superRefine((v, ctx) => {
    const keys = new Set(v.schedules.map((s) => s.key));
    if (keys.size !== v.schedules.length) ctx.addIssue({ code: 'custom', path: ['schedules'], message: 'rules.invalid.value' });
    const codes = new Set(v.categories.map((c) => c.code));
    if (codes.size !== v.categories.length) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'rules.invalid.value' });
    v.industries.forEach((i, n) => {
      if (i.schedules.some((s) => !keys.has(s))) ctx.addIssue({ code: 'custom', path: ['industries', n, 'schedules'], message: 'rules.invalid.value' });
    });
  }),
  defaults: { categories: DEFAULT_CATEGORIES, schedules: DEFAULT_SCHEDULES, industries: DEFAULT_INDUSTRY_SCHEDULES },
  rules: ['R-INV-1'],
  labels: {
    'zh-CN': {
      title: '安全生产费用提取标准与使用范围',
      description: '按财资〔2022〕136号设定各行业安全生产费用的提取标准（建设工程按工程造价，危险品生产与储存等按上一年度营业收入超额累退）和使用范围。每行注明出处；标记为“未核实”的行须由区应急管理局对照原文核实并勾选“已核实”后才能用于计算。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Safety fee: accrual schedules and categories of use',
      description: 'The accrual schedules of the safety production fee by industry under Cai Zi [2022] No. 136 (construction by project cost, hazardous goods and others by the prior year\'s revenue, progressively) and its categories of use. Each row names its source; rows not yet verified compute only after the district admin checks them against the document and ticks "verified".',
      fields: fieldLabels(false),
    },
  },
});
