import type { Locale } from './i18n/messages';
import { cycleOfKey, periodDays, periodOfKey } from './periods';
import { LOCAL_UTC_OFFSET_MINUTES, localFields } from './time';

/*
 * Period keys (platform/periods.ts) and deadlines as people read them, pure: no clock, no I/O, no Node dependency, so
 * the web app formats with these very functions (web/src/modules/hazards/api/check-period.ts).
 *
 *   key        2026-12-01       2026-W49                              2026-12     2026-Q4          2026-H2       2026
 *   zh-CN      12月1日          2026年第49周（11月30日–12月6日）      2026年12月  2026年第四季度   2026年下半年  2026年
 *   en-US      1 Dec            Week 49, 2026 (30 Nov – 6 Dec)         Dec 2026    Q4 2026          H2 2026       2026
 *
 * A day is named without its year unless asked (`year: true`, for a sheet that outlives the season). A key of no
 * known shape is shown as it is.
 */

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['一', '二', '三', '四'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export type LabelOptions = { year?: boolean };

/** A calendar day, month from 1: 12月1日 / 1 Dec, with the year when asked: 2026年12月1日 / 1 Dec 2026. */
export function dayLabel(y: number, month: number, d: number, locale: Locale, opts: LabelOptions = {}): string {
  if (locale === 'en-US') return `${d} ${MONTHS_EN[month - 1]}${opts.year ? ` ${y}` : ''}`;
  return `${opts.year ? `${y}年` : ''}${month}月${d}日`;
}

const dayOfKey = (day: string) => day.split('-').map(Number) as [number, number, number];

/** A calendar period key (daily, weekly, monthly, quarterly, half-yearly, yearly) in words. */
export function periodLabel(key: string, locale: Locale, opts: LabelOptions = {}): string {
  const cycle = cycleOfKey(key);
  const period = cycle && periodOfKey(cycle, key);
  if (!cycle || !period) return key;
  const [y, n] = key.split(/-[WQH]?/).map(Number) as [number, number | undefined];
  const en = locale === 'en-US';
  switch (cycle) {
    case 'daily': {
      const [yy, mm, dd] = dayOfKey(key);
      return dayLabel(yy, mm, dd, locale, opts);
    }
    case 'weekly': {
      // An ISO week belongs to the year of its Thursday, so week 1 may start in December: its days say their month.
      const { firstDay, lastDay } = periodDays(period);
      const [first, last] = [dayOfKey(firstDay), dayOfKey(lastDay)];
      const from = dayLabel(first[0], first[1], first[2], locale);
      const to = dayLabel(last[0], last[1], last[2], locale);
      return en ? `Week ${n}, ${y} (${from} – ${to})` : `${y}年第${n}周（${from}–${to}）`;
    }
    case 'monthly': return en ? `${MONTHS_EN[n! - 1]} ${y}` : `${y}年${n}月`;
    case 'quarterly': return en ? `Q${n} ${y}` : `${y}年第${QUARTERS_ZH[n! - 1]}季度`;
    case 'half_yearly': return en ? `H${n} ${y}` : `${y}年${n === 1 ? '上' : '下'}半年`;
    case 'yearly': return en ? String(y) : `${y}年`;
  }
}

/**
 * The local day and time a deadline falls on. A period ends at the first instant of the next one, so a deadline at
 * local midnight is the end of the day before, 24:00: a December task is due "31 December 24:00", not "1 January 00:00".
 */
export function deadlineParts(dueAt: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): { y: number; month: number; d: number; time: string } {
  const l = localFields(dueAt, offsetMin);
  if (l.h === 0 && l.min === 0) {
    const before = localFields(new Date(dueAt.getTime() - 1), offsetMin);
    return { y: before.y, month: before.m + 1, d: before.d, time: '24:00' };
  }
  return { y: l.y, month: l.m + 1, d: l.d, time: `${pad(l.h)}:${pad(l.min)}` };
}

/** A deadline on screen: 12月31日 24:00 / 31 Dec 24:00. */
export function deadlineLabel(dueAt: Date, locale: Locale, opts: LabelOptions = {}, offsetMin = LOCAL_UTC_OFFSET_MINUTES): string {
  const p = deadlineParts(dueAt, offsetMin);
  return `${dayLabel(p.y, p.month, p.d, locale, opts)} ${p.time}`;
}

/** A deadline in a sheet, as the other times there (YYYY-MM-DD HH:mm): 2026-12-31 24:00. */
export function deadlineStamp(dueAt: Date, offsetMin = LOCAL_UTC_OFFSET_MINUTES): string {
  const p = deadlineParts(dueAt, offsetMin);
  return `${pad(p.y, 4)}-${pad(p.month)}-${pad(p.d)} ${p.time}`;
}
