import type { Translate } from '../../../app/i18n';

/**
 * The month labels of a trend, the current month marked as partial ("2026-12（截至5日）"): a month still running is
 * not a month that went badly (issue 10). `asOf` is the day the figures stand at (YYYY-MM-DD).
 */
export function trendLabels(months: readonly string[], asOf: string, t: Translate): string[] {
  const current = asOf.slice(0, 7);
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return months.map((month) => (month === current && d < lastDay ? t('stats.partialMonth', { month, day: d }) : month));
}
