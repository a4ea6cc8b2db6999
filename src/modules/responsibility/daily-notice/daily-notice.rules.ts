/*
 * R-COM-1, issue 11 §6: the daily safety-risk assessment and commitment notice (安全风险研判与承诺公告) of hazardous-
 * chemical enterprises, pure: the special operations it counts, the commitment sentence, the content the principal
 * signs, and the days a month owes. No clock and no I/O: the day comes in.
 */

/** The eight special operations of GB 30871 (特殊作业): 动火, 受限空间, 盲板抽堵, 高处, 吊装, 临时用电, 动土, 断路. */
export const SPECIAL_WORK_KINDS = [
  'hot_work', 'confined_space', 'blind_plate', 'work_at_height', 'lifting', 'temporary_power', 'excavation', 'road_closure',
] as const;
export type SpecialWorkKind = (typeof SPECIAL_WORK_KINDS)[number];
export type SpecialWork = Record<SpecialWorkKind, number>;

export const SPECIAL_WORK_NAMES: Record<SpecialWorkKind, [string, string]> = {
  hot_work: ['动火作业', 'Hot work'],
  confined_space: ['受限空间作业', 'Confined-space entry'],
  blind_plate: ['盲板抽堵作业', 'Blind-plate work'],
  work_at_height: ['高处作业', 'Work at height'],
  lifting: ['吊装作业', 'Lifting'],
  temporary_power: ['临时用电作业', 'Temporary power'],
  excavation: ['动土作业', 'Excavation'],
  road_closure: ['断路作业', 'Road closure'],
};

/** The commitment sentence of the 应急管理部 guidance, signed by the principal [cfg: rule-set `daily-risk-notice`]. */
export const DEFAULT_COMMITMENT = '今天我公司已进行安全风险研判，各项安全风险防控措施已落实到位，我承诺所有生产装置处于安全运行状态，罐区、仓库等重大危险源安全风险得到有效管控。';

export type NoticeFigures = {
  units: { running: number; stopped: number; maintenance: number };
  majorHazards: { total: number; safe: boolean };
  specialWork: SpecialWork;
  trialProduction: boolean;
  startStop: boolean;
  maintenanceWork: boolean;
  note: string;
};

/** What the principal signs (its canonical JSON is hashed by platform/signatures): the enterprise, the day, the figures, the words. */
export type NoticeContent = NoticeFigures & { enterprise: { id: string; name: string }; day: string; commitment: string; principalName: string };

/** Every kind present, missing ones 0: a stored value from before a kind was added still reads. */
export function specialWorkOf(stored: unknown): SpecialWork {
  const src = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(SPECIAL_WORK_KINDS.map((k) => [k, Number.isInteger(src[k]) ? (src[k] as number) : 0])) as SpecialWork;
}

/** The total count of the day's special operations. */
export function specialWorkTotal(w: SpecialWork): number {
  return SPECIAL_WORK_KINDS.reduce((n, k) => n + w[k], 0);
}

/**
 * How many days of `month` (YYYY-MM) an enterprise owed the notice by `today` (YYYY-MM-DD): from the later of the
 * month's first day and the day it joined (`onboardedOn`, no duty predates joining), to the earlier of the month's
 * last day and today. 0 for a month that has not begun or an enterprise that joined after it.
 */
export function daysOwed(month: string, today: string, onboardedOn: string | null): number {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const from = onboardedOn && onboardedOn > first ? onboardedOn : first;
  const to = today < last ? today : last;
  if (to < from) return 0;
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}
