import type { Locale } from '../../../platform/i18n/messages';
import { periodLabel, type LabelOptions } from '../../../platform/period-labels';

/*
 * A check task's period in words, pure and shared with the web app (web/src/modules/hazards/api/check-period.ts):
 * the calendar periods as the platform names them, a shift as its production day and the shift's name. It imports
 * nothing of the server's beyond the platform's calendar, so the web bundle takes no database types with it.
 */

/**
 * The shifts of check.rules.ts (SHIFT_CODES) as people on site call them: A starts the production day in the morning,
 * B eight hours later, C is the night shift that runs past midnight, so 2026-12-01#C is "12月1日 夜班", the night of
 * 1 December.
 */
export const SHIFT_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { A: '早班', B: '中班', C: '夜班' },
  'en-US': { A: 'morning shift', B: 'evening shift', C: 'night shift' },
};

const SHIFT_KEY = /^(\d{4}-\d{2}-\d{2})#(\w+)$/;

/** 2026-12 → 2026年12月 / Dec 2026; 2026-12-01#C → 12月1日 夜班 / 1 Dec, night shift; see platform/period-labels.ts. */
export function checkPeriodLabel(key: string, locale: Locale, opts: LabelOptions = {}): string {
  const shift = SHIFT_KEY.exec(key);
  if (!shift) return periodLabel(key, locale, opts);
  const [, day, code] = shift;
  const name = SHIFT_NAMES[locale][code];
  const dayText = periodLabel(day, locale, opts);
  // A key of no known shape (2027-02-29#A, shift D) is shown as it is.
  if (!name || dayText === day) return key;
  return locale === 'en-US' ? `${dayText}, ${name}` : `${dayText} ${name}`;
}
