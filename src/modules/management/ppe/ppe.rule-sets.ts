import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';

/*
 * Issue 13 §3, R-PPE-1 [cfg]: the catalogue of post types, the protective items with the national standard each must
 * meet, and the default issue standard per post type (item, quantity per issue, replacement cycle in months). The
 * enterprise maps each of its posts to a post type, or gives a post its own list (ppe_posts). The quantities and cycles
 * are common practice, not a national figure: GB 39800.1-2020 leaves them to the enterprise's own 配备标准, which is
 * why they are configurable. Standards marked `verified: false` are to be checked by the district admin against the
 * current official text before they are relied on.
 */

const code = z.string().regex(/^[a-z0-9_]{2,50}$/);

export const PPE_POST_TYPES = [
  { code: 'welder', name: '焊工（电焊、气焊、切割）' },
  { code: 'electrician', name: '电工' },
  { code: 'height', name: '高处作业' },
  { code: 'noise', name: '噪声岗位' },
  { code: 'dust', name: '粉尘岗位' },
  { code: 'chemical', name: '化学品岗位' },
  { code: 'machining', name: '机加工' },
  { code: 'general', name: '一般岗位' },
] as const;

export const PPE_ITEMS = [
  { code: 'helmet', name: '安全帽', standard: 'GB 2811-2019《头部防护 安全帽》', verified: true },
  { code: 'goggles', name: '防护眼镜/面屏', standard: 'GB 14866《眼面部防护 通用技术规范》', verified: false },
  { code: 'welding_mask', name: '焊接面罩', standard: 'GB/T 3609.1-2008《职业眼面部防护 焊接防护 第1部分：焊接防护具》', verified: false },
  { code: 'welding_suit', name: '焊接防护服', standard: 'GB 8965.2-2022《防护服装 阻燃服 第2部分：焊接服》', verified: false },
  { code: 'dust_mask', name: '防尘口罩', standard: 'GB 2626-2019《呼吸防护 自吸过滤式防颗粒物呼吸器》', verified: true },
  { code: 'gas_mask', name: '防毒面具', standard: 'GB 2890-2022《呼吸防护 自吸过滤式防毒面具》', verified: false },
  { code: 'earplugs', name: '耳塞', standard: 'GB/T 31422-2015《个体防护装备 护听器的通用技术条件》', verified: false },
  { code: 'gloves', name: '防护手套', standard: 'GB/T 12624-2020《手部防护 通用测试方法》', verified: false },
  { code: 'insulating_gloves', name: '绝缘手套', standard: 'GB/T 17622-2008《带电作业用绝缘手套》', verified: false },
  { code: 'chem_gloves', name: '防化手套', standard: 'GB 28881-2012《手部防护 化学品及微生物防护手套》', verified: false },
  { code: 'insulating_shoes', name: '绝缘鞋', standard: 'GB 12011-2009《足部防护 电绝缘鞋》', verified: true },
  { code: 'safety_shoes', name: '安全鞋', standard: 'GB 21148-2020《足部防护 安全鞋》', verified: false },
  { code: 'harness', name: '安全带', standard: 'GB 6095-2021《坠落防护 安全带》', verified: true },
  { code: 'chem_suit', name: '防化服', standard: 'GB 24539-2021《防护服装 化学防护服》', verified: false },
] as const;

type PostTypeCode = (typeof PPE_POST_TYPES)[number]['code'];
type ItemCode = (typeof PPE_ITEMS)[number]['code'];

/** The default issue standard: [post type, item, quantity per issue, replacement cycle in months (null: when worn out)]. */
export const PPE_STANDARD_DEFAULTS: readonly [PostTypeCode, ItemCode, number, number | null][] = [
  ['welder', 'helmet', 1, 30], ['welder', 'welding_mask', 1, 12], ['welder', 'welding_suit', 1, 12], ['welder', 'gloves', 6, 3], ['welder', 'safety_shoes', 1, 12],
  ['electrician', 'helmet', 1, 30], ['electrician', 'insulating_shoes', 1, 12], ['electrician', 'insulating_gloves', 1, 6], ['electrician', 'goggles', 1, 24],
  ['height', 'helmet', 1, 30], ['height', 'harness', 1, 36], ['height', 'safety_shoes', 1, 12],
  ['noise', 'earplugs', 10, 1], ['noise', 'helmet', 1, 30],
  ['dust', 'dust_mask', 20, 1], ['dust', 'goggles', 1, 12], ['dust', 'helmet', 1, 30],
  ['chemical', 'chem_suit', 1, 12], ['chemical', 'chem_gloves', 2, 3], ['chemical', 'goggles', 1, 12], ['chemical', 'gas_mask', 1, 12], ['chemical', 'safety_shoes', 1, 12],
  ['machining', 'goggles', 1, 12], ['machining', 'safety_shoes', 1, 12], ['machining', 'earplugs', 10, 1],
  ['general', 'helmet', 1, 30], ['general', 'gloves', 6, 3],
];

const rulesSchema = z.object({
  postTypes: z.array(z.object({ code, name: z.string().trim().min(1).max(50) }).strict()).min(1).max(100),
  items: z.array(z.object({ code, name: z.string().trim().min(1).max(100), standard: z.string().trim().max(200), verified: z.boolean() }).strict()).min(1).max(200),
  standards: z.array(z.object({
    postType: code, item: code, quantity: z.number().int().min(1).max(1000), cycleMonths: z.number().int().min(1).max(120).nullable(),
  }).strict()).max(2000),
  dueSoonDays: z.number().int().min(1).max(180),
  /** The daily reminder to the safety managers counts the replacements due within this many days (and those overdue). */
  reminderDays: z.number().int().min(1).max(180),
}).strict()
  .refine((r) => new Set(r.postTypes.map((p) => p.code)).size === r.postTypes.length, { path: ['postTypes'], message: 'ppe.rules.duplicate' })
  .refine((r) => new Set(r.items.map((p) => p.code)).size === r.items.length, { path: ['items'], message: 'ppe.rules.duplicate' })
  .refine((r) => r.standards.every((s) => r.postTypes.some((p) => p.code === s.postType) && r.items.some((i) => i.code === s.item)), { path: ['standards'], message: 'ppe.rules.unknownCode' })
  .refine((r) => new Set(r.standards.map((s) => `${s.postType}:${s.item}`)).size === r.standards.length, { path: ['standards'], message: 'ppe.rules.duplicate' });

function fieldLabels(zh: boolean): Record<string, string> {
  return {
    postTypes: zh ? '岗位类别' : 'Post types',
    'postTypes.code': zh ? '代码' : 'Code',
    'postTypes.name': zh ? '名称' : 'Name',
    items: zh ? '劳动防护用品' : 'Protective items',
    'items.code': zh ? '代码' : 'Code',
    'items.name': zh ? '名称' : 'Name',
    'items.standard': zh ? '执行标准' : 'Standard',
    'items.verified': zh ? '已核对原文' : 'Checked against the official text',
    standards: zh ? '各岗位类别的配备标准' : 'Issue standard per post type',
    'standards.postType': zh ? '岗位类别' : 'Post type',
    'standards.item': zh ? '防护用品' : 'Item',
    'standards.quantity': zh ? '每次发放数量' : 'Quantity per issue',
    'standards.cycleMonths': zh ? '更换周期（月，空为损坏即换）' : 'Replacement cycle (months; empty: when worn out)',
    dueSoonDays: zh ? '更换日期前多少天显示“即将到期”' : 'Days before the replacement day it shows as due soon',
    reminderDays: zh ? '每日提醒安全管理人员：更换日期在多少天内的防护用品（及已超期的）' : 'Daily reminder to the safety managers: replacements due within this many days (and those overdue)',
  };
}

/** Issue 13 §3 [cfg]: post types, items and standards, the default issue standard, the "due soon" window and the reminder's. */
export const PPE_RULES = defineRuleSet({
  name: 'ppe',
  module: 'management.ppe',
  schema: rulesSchema,
  defaults: {
    postTypes: PPE_POST_TYPES.map((p) => ({ ...p })),
    items: PPE_ITEMS.map((i) => ({ ...i })),
    standards: PPE_STANDARD_DEFAULTS.map(([postType, item, quantity, cycleMonths]) => ({ postType, item, quantity, cycleMonths })),
    dueSoonDays: 30,
    reminderDays: 15,
  },
  rules: [],
  labels: {
    'zh-CN': {
      title: '劳动防护用品',
      description: '岗位类别、劳动防护用品及其执行标准，各岗位类别的默认配备标准（每次发放数量、更换周期），以及更换日期前多少天显示“即将到期”、多少天内每日提醒安全管理人员。企业把本企业的岗位对应到岗位类别，也可为岗位单独调整配备标准。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Personal protective equipment',
      description: 'Post types, protective items with their standards, the default issue standard of each post type (quantity per issue, replacement cycle), how early a replacement shows as due, and how early the safety managers are reminded each day. Each enterprise maps its posts to a post type and may adjust a post\'s own list.',
      fields: fieldLabels(false),
    },
  },
});
export type PpeRules = z.infer<typeof rulesSchema>;
