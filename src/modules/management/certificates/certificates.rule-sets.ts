import { z } from 'zod';
import type { Executor } from '../../../platform/db/database';
import { currentRules, defineRuleSet } from '../../../platform/rules';
import { CERTIFICATE_KINDS, type CatalogueType, type CertificateKindCode, type KindPeriods } from './certificates.rules';

/**
 * The catalogue of certificate types [cfg]. Special operations: the ten categories of the 特种作业目录 (特种作业人员安全
 * 技术培训考核管理规定, annex), each with the operations it names as aliases, so a post's free text (低压电工作业) finds
 * its category. Special equipment operators: the items of TSG Z6001-2019 (叉车司机 N1, 起重机司机 Q2 …). Safety
 * qualification: the principal's and the safety managers' 安全生产知识和管理能力考核合格证.
 */
export const CATALOGUE_DEFAULTS: CatalogueType[] = [
  { code: 'so-electrical', kind: 'special_operation', name: '电工作业', aliases: ['高压电工作业', '低压电工作业', '防爆电气作业', '电工', '电工证'] },
  { code: 'so-welding', kind: 'special_operation', name: '焊接与热切割作业', aliases: ['熔化焊接与热切割作业', '压力焊作业', '钎焊作业', '焊工', '电焊', '焊工证'] },
  { code: 'so-height', kind: 'special_operation', name: '高处作业', aliases: ['登高架设作业', '高处安装、维护、拆除作业', '登高作业'] },
  { code: 'so-refrigeration', kind: 'special_operation', name: '制冷与空调作业', aliases: ['制冷与空调设备运行操作作业', '制冷与空调设备安装修理作业'] },
  { code: 'so-coal', kind: 'special_operation', name: '煤矿安全作业', aliases: ['煤矿井下电气作业', '煤矿瓦斯检查作业', '煤矿爆破作业'] },
  { code: 'so-mining', kind: 'special_operation', name: '金属非金属矿山安全作业', aliases: ['金属非金属矿井通风作业', '尾矿作业', '金属非金属矿山爆破作业'] },
  { code: 'so-oil-gas', kind: 'special_operation', name: '石油天然气安全作业', aliases: ['司钻作业'] },
  { code: 'so-metallurgy', kind: 'special_operation', name: '冶金（有色）生产安全作业', aliases: ['煤气作业'] },
  { code: 'so-hazchem', kind: 'special_operation', name: '危险化学品安全作业', aliases: ['光气及光气化工艺作业', '氯碱电解工艺作业', '氯化工艺作业', '硝化工艺作业', '合成氨工艺作业', '加氢工艺作业', '氧化工艺作业', '过氧化工艺作业', '胺基化工艺作业', '磺化工艺作业', '聚合工艺作业', '危险化学品特种作业'] },
  { code: 'so-fireworks', kind: 'special_operation', name: '烟花爆竹安全作业', aliases: ['烟火药制造作业', '黑火药制造作业', '引火线制造作业'] },
  { code: 'se-A', kind: 'special_equipment', name: '特种设备安全管理（A）', aliases: ['特种设备安全管理员'] },
  { code: 'se-G1', kind: 'special_equipment', name: '工业锅炉司炉（G1）', aliases: ['锅炉司炉', '司炉工'] },
  { code: 'se-R1', kind: 'special_equipment', name: '快开门式压力容器操作（R1）', aliases: ['压力容器操作'] },
  { code: 'se-P', kind: 'special_equipment', name: '气瓶充装（P）', aliases: ['气瓶充装'] },
  { code: 'se-Q1', kind: 'special_equipment', name: '起重机指挥（Q1）', aliases: ['起重指挥', '司索指挥'] },
  { code: 'se-Q2', kind: 'special_equipment', name: '起重机司机（Q2）', aliases: ['起重机司机', '行车工', '桥门式起重机司机'] },
  { code: 'se-N1', kind: 'special_equipment', name: '叉车司机（N1）', aliases: ['叉车司机', '场（厂）内专用机动车辆作业', '特种设备作业（场（厂）内专用机动车辆）', '场内机动车辆司机', '叉车'] },
  { code: 'se-T', kind: 'special_equipment', name: '电梯修理（T）', aliases: ['电梯修理', '电梯维修'] },
  { code: 'sq-principal', kind: 'safety_qualification', name: '主要负责人安全生产知识和管理能力考核合格证', aliases: ['主要负责人安全资格证', '主要负责人'] },
  { code: 'sq-manager', kind: 'safety_qualification', name: '安全生产管理人员安全生产知识和管理能力考核合格证', aliases: ['安全管理人员安全资格证', '安全生产管理人员'] },
];

/**
 * R-TRN-2 [cfg]: special-operation certificates valid 6 years, reviewed every 3 (every 6 after 10 years' continuous
 * compliant work); special-equipment operators' certificates valid 4 years (renewed, no review in between); the
 * safety-qualification certificate valid 3 years.
 */
export const PERIOD_DEFAULTS: Record<CertificateKindCode, KindPeriods> = {
  special_operation: { validYears: 6, reviewYears: 3, extendedReviewYears: 6, compliantYearsForExtension: 10 },
  special_equipment: { validYears: 4, reviewYears: 0, extendedReviewYears: 0, compliantYearsForExtension: 10 },
  safety_qualification: { validYears: 3, reviewYears: 0, extendedReviewYears: 0, compliantYearsForExtension: 10 },
};

/** R-TRN-2 [cfg]: the industries whose principal and safety managers need a safety-qualification certificate. */
export const QUALIFICATION_INDUSTRY_DEFAULTS = [
  'hazardous_chemicals', 'fireworks', 'civil_explosives', 'gas', 'non_coal_mining', 'metal_smelting', 'construction', 'road_transport', 'urban_rail',
];

/** R-TRN-2 [cfg]: days after the appointment within which a principal or safety manager passes the assessment (six months). */
export const QUALIFICATION_DAYS_DEFAULT = 183;

const periods = z.object({
  validYears: z.number().int().min(1).max(20), reviewYears: z.number().int().min(0).max(20), extendedReviewYears: z.number().int().min(0).max(20),
  compliantYearsForExtension: z.number().int().min(1).max(30),
}).strict();

const KIND_NAMES: Record<CertificateKindCode, [string, string]> = {
  special_operation: ['特种作业操作证', 'Special-operation certificate'],
  special_equipment: ['特种设备作业人员证', 'Special-equipment operator certificate'],
  safety_qualification: ['安全生产知识和管理能力考核合格证', 'Safety qualification certificate'],
};
export const kindName = (k: CertificateKindCode, zh = true) => KIND_NAMES[k][zh ? 0 : 1];

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    periods: zh ? '有效期与复审周期（年）' : 'Validity and review cycle (years)',
    soonDays: zh ? '到期或复审前多少天显示“即将到期”' : 'Days before expiry or review it shows as due soon',
    qualificationIndustries: zh ? '主要负责人和安全管理人员须持安全生产知识和管理能力考核合格证的行业' : 'Industries whose principal and safety managers need a safety qualification',
    qualificationDays: zh ? '任职后多少天内须取得安全生产知识和管理能力考核合格证' : 'Days after the appointment to pass the safety qualification',
    types: zh ? '证书类型目录' : 'Catalogue of certificate types',
    'types.code': zh ? '编号' : 'Code', 'types.kind': zh ? '证书种类' : 'Kind', 'types.name': zh ? '名称' : 'Name', 'types.aliases': zh ? '别名（岗位填写的证书类型）' : 'Aliases (as posts name them)',
  };
  for (const k of CERTIFICATE_KINDS) {
    out[`periods.${k}`] = kindName(k, zh);
    out[`periods.${k}.validYears`] = zh ? '有效期' : 'Valid for';
    out[`periods.${k}.reviewYears`] = zh ? '复审周期（0 表示不复审）' : 'Review every (0: none)';
    out[`periods.${k}.extendedReviewYears`] = zh ? '延长后的复审周期' : 'Extended review cycle';
    out[`periods.${k}.compliantYearsForExtension`] = zh ? '连续从事本工种且无违章的年数（可延长复审）' : 'Compliant years that allow the extension';
    out[`@${k}`] = kindName(k, zh);
  }
  return out;
}

/** Issue 13 §2 [cfg]: the certificate types, the periods of each kind, the "due soon" window, who needs a safety qualification. */
export const CERTIFICATE_RULES = defineRuleSet({
  name: 'certificates',
  module: 'management.certificates',
  schema: z.object({
    periods: z.object({ special_operation: periods, special_equipment: periods, safety_qualification: periods }).strict(),
    soonDays: z.number().int().min(1).max(365),
    qualificationIndustries: z.array(z.string().min(1).max(50)).max(100),
    qualificationDays: z.number().int().min(1).max(730),
    types: z.array(z.object({
      code: z.string().regex(/^[a-zA-Z0-9-]{2,50}$/), kind: z.enum(CERTIFICATE_KINDS), name: z.string().trim().min(1).max(100),
      aliases: z.array(z.string().trim().min(1).max(100)).max(50),
    }).strict()).min(1).max(500).refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: 'certificates.typeDuplicate' }),
  }).strict(),
  defaults: {
    periods: { ...PERIOD_DEFAULTS }, soonDays: 60, qualificationIndustries: [...QUALIFICATION_INDUSTRY_DEFAULTS], qualificationDays: QUALIFICATION_DAYS_DEFAULT,
    types: CATALOGUE_DEFAULTS.map((c) => ({ ...c, aliases: [...c.aliases] })),
  },
  rules: [],
  labels: {
    'zh-CN': {
      title: '持证上岗',
      description: '特种作业操作证、特种设备作业人员证、安全生产知识和管理能力考核合格证的类型目录，各类证书的有效期与复审周期（连续从事本工种 10 年以上无违章的可延长复审周期），到期与复审提醒的提前天数，须持安全资格证的行业，以及主要负责人和安全管理人员任职后取得安全资格证的期限（默认 6 个月）。岗位所填的证书类型按名称和别名与目录对应。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Certificates',
      description: 'The catalogue of special-operation, special-equipment and safety-qualification certificate types, the validity and review cycle of each kind (longer after ten compliant years), how early expiry and review show as due, the industries whose principal and safety managers need a safety qualification, and how long after the appointment they have to pass it (six months by default). A post\'s certificate type is matched to the catalogue by name and aliases.',
      fields: fieldLabels(false),
    },
  },
});

/** The rule-set in force for an enterprise (its district's). */
export const rulesOf = async (db: Executor, enterpriseId: string) => (await currentRules(db, { enterpriseId }, CERTIFICATE_RULES)).value;
export type CertificateRules = Awaited<ReturnType<typeof rulesOf>>;
