import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DONE, SAFETY } from '../../../app/palette';
import { HAZARD_LEVELS, type HazardStatus } from '../api/hazards.api';
import { HazardChart } from '../components/HazardChart';
import { LEVEL_HEX, STATUS_HEX, STATUS_TAG } from '../components/status-style';

type Option = { color?: string[]; series: { name?: string; data: { name: string; itemStyle: { color: string } }[] }[] };
const drawn: Option[] = [];
vi.mock('../../../app/components/Chart', () => ({
  Chart: ({ option }: { option: Option }) => {
    drawn.push(option);
    return null;
  },
}));

afterEach(() => {
  cleanup();
  drawn.length = 0;
});

describe('hazard chart colours', () => {
  test('overdue is red and open orange, whichever comes first', () => {
    const labels = ['关上街道', '金马街道'];
    for (const order of [['open', 'overdue'], ['overdue', 'open']] as const) {
      render(<HazardChart title="" kind="bar" labels={labels} series={order.map((key) => ({ key, name: key, values: [2, 1] }))} />);
      const option = drawn.at(-1)!;
      const colourOf = (key: string) => option.color![option.series.findIndex((s) => s.name === key)];
      expect(colourOf('overdue')).toBe(SAFETY.red);
      expect(colourOf('open')).toBe(SAFETY.orange);
    }
  });

  test('found is blue and closed green on the trend', () => {
    render(<HazardChart title="" kind="line" labels={['2026-01']} series={[{ key: 'found', name: 'found', values: [3] }, { key: 'closed', name: 'closed', values: [2] }]} />);
    expect(drawn.at(-1)!.color).toEqual([SAFETY.blue, DONE]);
  });

  test('a major slice is red in the level pie, even when it is second', () => {
    render(<HazardChart title="" kind="pie" labels={['一般隐患', '重大隐患']} colours={HAZARD_LEVELS.map((l) => LEVEL_HEX[l])} series={[{ key: 'total', name: '', values: [5, 2] }]} />);
    const slices = drawn.at(-1)!.series[0]!.data;
    expect(slices.find((s) => s.name === '重大隐患')!.itemStyle.color).toBe(SAFETY.red);
    expect(slices.find((s) => s.name === '一般隐患')!.itemStyle.color).toBe(SAFETY.yellow);
  });

  test('only a closed hazard is green, as a tag or a slice', () => {
    const statuses = Object.keys(STATUS_HEX) as HazardStatus[];
    expect(statuses.filter((s) => STATUS_HEX[s] === DONE)).toEqual(['closed']);
    expect(statuses.filter((s) => ['green', 'success'].includes(STATUS_TAG[s]))).toEqual(['closed']);
  });
});
