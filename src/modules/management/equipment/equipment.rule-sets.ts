import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { SPECIAL_TYPES, type SpecialType } from './equipment.rules';

const interval = z.number().int().min(1).max(120);

/**
 * The catalogue of obsolete processes and equipment to be phased out (淘汰落后工艺设备目录) [cfg]: a short default drawn
 * from the published national lists, each item with its source. Items marked `verified: false` are to be checked by
 * the district admin against the current official text before they are relied on.
 */
export const OBSOLETE_DEFAULTS = [
  { code: 'hc-2020-liquid-chlorine-brine', kind: 'process', name: '氨冷冻盐水氯气液化工艺', source: '淘汰落后危险化学品安全生产工艺技术设备目录（第一批）（应急厅〔2020〕38号）', verified: false },
  { code: 'hc-2020-open-fire-resin', kind: 'process', name: '用火直接加热的涂料用树脂生产工艺', source: '淘汰落后危险化学品安全生产工艺技术设备目录（第一批）（应急厅〔2020〕38号）', verified: false },
  { code: 'hc-2020-atmospheric-ammonium-nitrate', kind: 'process', name: '常压中和法硝酸铵生产工艺', source: '淘汰落后危险化学品安全生产工艺技术设备目录（第一批）（应急厅〔2020〕38号）', verified: false },
  { code: 'hc-2020-open-centrifuge', kind: 'equipment', name: '用于易燃易爆物料的敞开式离心机', source: '淘汰落后危险化学品安全生产工艺技术设备目录（第一批）（应急厅〔2020〕38号）', verified: false },
  { code: 'hc-2020-bell-gasholder', kind: 'equipment', name: '多节钟罩的氯乙烯气柜', source: '淘汰落后危险化学品安全生产工艺技术设备目录（第一批）（应急厅〔2020〕38号）', verified: false },
  { code: 'mech-2015-natural-circulation-boiler', kind: 'equipment', name: '手烧炉排工业锅炉（高耗能落后机电设备）', source: '高耗能落后机电设备（产品）淘汰目录（第四批）（工业和信息化部公告2016年第13号）', verified: false },
] as const satisfies readonly { code: string; kind: 'process' | 'equipment'; name: string; source: string; verified: boolean }[];

/**
 * Periodic inspection intervals (months) of the special equipment types, from the TSG regulations' usual periods: lifts,
 * boilers (external) and field vehicles yearly; cranes every two years; pressure vessels and piping at their first
 * periodic inspection three years after commissioning (later intervals follow the safety grade the certificate states,
 * which the recorded next due day may override).
 */
export const SPECIAL_INTERVAL_DEFAULTS: Record<SpecialType, number> = {
  boiler: 12, pressure_vessel: 36, lift: 12, crane: 24, field_vehicle: 12, pressure_piping: 36,
};

const TYPE_NAMES: Record<SpecialType, [string, string]> = {
  boiler: ['锅炉', 'Boiler'],
  pressure_vessel: ['压力容器', 'Pressure vessel'],
  lift: ['电梯', 'Lift'],
  crane: ['起重机械', 'Crane'],
  field_vehicle: ['场（厂）内专用机动车辆（叉车等）', 'Field vehicle (forklift…)'],
  pressure_piping: ['压力管道', 'Pressure piping'],
};
export const specialTypeName = (t: SpecialType, zh: boolean) => TYPE_NAMES[t][zh ? 0 : 1];

function fieldLabels(zh: boolean): Record<string, string> {
  const out: Record<string, string> = {
    intervals: zh ? '特种设备定期检验周期（月）' : 'Periodic inspection interval of special equipment (months)',
    dueSoonDays: zh ? '检验到期前多少天显示“即将到期”' : 'Days before the due inspection it shows as due soon',
    obsolete: zh ? '淘汰落后工艺设备目录' : 'Catalogue of obsolete processes and equipment',
    'obsolete.code': zh ? '编号' : 'Code',
    'obsolete.kind': zh ? '类别' : 'Kind',
    'obsolete.name': zh ? '名称' : 'Name',
    'obsolete.source': zh ? '出处' : 'Source',
    'obsolete.verified': zh ? '已核对原文' : 'Checked against the official text',
    '@process': zh ? '工艺' : 'Process',
    '@equipment': zh ? '设备' : 'Equipment',
  };
  for (const t of SPECIAL_TYPES) out[`intervals.${t}`] = specialTypeName(t, zh);
  return out;
}

/** Issue 12 §5 [cfg]: special equipment inspection intervals, the "due soon" window, and the obsolete catalogue. */
export const EQUIPMENT_RULES = defineRuleSet({
  name: 'equipment',
  module: 'management.equipment',
  schema: z.object({
    intervals: z.object(Object.fromEntries(SPECIAL_TYPES.map((t) => [t, interval])) as Record<SpecialType, typeof interval>).strict(),
    dueSoonDays: z.number().int().min(1).max(180),
    obsolete: z.array(z.object({
      code: z.string().regex(/^[a-z0-9-]{2,50}$/),
      kind: z.enum(['process', 'equipment']),
      name: z.string().trim().min(1).max(200),
      source: z.string().trim().max(300),
      verified: z.boolean(),
    }).strict()).max(500).refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: 'equipment.obsoleteDuplicate' }),
  }).strict(),
  defaults: { intervals: { ...SPECIAL_INTERVAL_DEFAULTS }, dueSoonDays: 30, obsolete: OBSOLETE_DEFAULTS.map((i) => ({ ...i })) },
  rules: [],
  labels: {
    'zh-CN': {
      title: '设备设施与特种设备',
      description: '特种设备（锅炉、压力容器、电梯、起重机械、场（厂）内专用机动车辆、压力管道）的定期检验周期，检验到期提醒的提前天数，以及淘汰落后工艺设备目录（台账中与目录相符的设备会被标记）。',
      fields: fieldLabels(true),
    },
    'en-US': {
      title: 'Equipment and special equipment',
      description: 'The periodic inspection interval of each special equipment type (boilers, pressure vessels, lifts, cranes, field vehicles, pressure piping), how early an inspection shows as due soon, and the catalogue of obsolete processes and equipment to phase out (matching equipment is flagged).',
      fields: fieldLabels(false),
    },
  },
});
