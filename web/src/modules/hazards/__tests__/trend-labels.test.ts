import { describe, expect, test } from 'vitest';
import { trendLabels } from '../components/trend-labels';

const t = ((key: string, p: Record<string, string | number> = {}) => (key === 'stats.partialMonth' ? `${p.month}（截至${p.day}日）` : key)) as never;

describe('trend labels (issue 10: a partial current month is marked as partial)', () => {
  test('the running month says to which day; ended months stay as they are', () => {
    expect(trendLabels(['2026-10', '2026-11', '2026-12'], '2026-12-05', t)).toEqual(['2026-10', '2026-11', '2026-12（截至5日）']);
  });
  test('on the last day of the month, or when the figures stand at an ended month, nothing is marked', () => {
    expect(trendLabels(['2026-12'], '2026-12-31', t)).toEqual(['2026-12']);
    expect(trendLabels(['2024-02'], '2024-02-29', t)).toEqual(['2024-02']);
    expect(trendLabels(['2028-02'], '2028-02-28', t)).toEqual(['2028-02（截至28日）']);
    expect(trendLabels(['2026-11'], '2026-12-05', t)).toEqual(['2026-11']);
  });
});
