import { Card } from 'antd';
import { Chart } from '../../../app/components/Chart';
import { categoryColour, seriesColour, type SeriesKey } from '../../../app/palette';

/** A line or bar series: its key says what it counts (found, closed, open, overdue…) and so its colour. */
export type ChartSeries = { key: SeriesKey; name: string; values: number[] };

type Props = {
  title: string;
  kind: 'pie' | 'bar' | 'line';
  /** Category names (x axis, or pie slices). */
  labels: string[];
  series: ChartSeries[];
  height?: number;
  testId?: string;
  /** A pie's slice colours, one per label, when the slices mean something (status, level); otherwise category colours. */
  colours?: string[];
  /** A click on a bar or slice: its index in `labels` (drill-down). */
  onPick?: (index: number) => void;
};

/**
 * Pie, bar or line for the hazard dashboards, on the shared chart. Colours follow what is counted, not the order:
 * overdue is red and closed green wherever they stand.
 */
export function HazardChart({ title, kind, labels, series, height = 260, testId, colours, onPick }: Props) {
  const empty = series.every((s) => s.values.every((v) => v === 0));
  const first = series[0] ?? { name: '', values: [] };
  const option = kind === 'pie'
    ? {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: { show: false },
        data: labels
          .map((name, i) => ({ name, value: first.values[i] ?? 0, itemStyle: { color: colours?.[i] ?? categoryColour(i) } }))
          .filter((d) => d.value > 0),
      }],
    }
    : {
      color: series.map((s) => seriesColour(s.key)),
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 8, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: kind === 'line' ? 'auto' : 0, rotate: kind === 'bar' && labels.length > 5 ? 35 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.values, barMaxWidth: 32 })),
    };
  // A pie's slices are the non-zero labels: map a click back to the label's index.
  const pieIndex = labels.map((_, i) => i).filter((i) => (first.values[i] ?? 0) > 0);
  const pick = onPick && ((index: number) => onPick(kind === 'pie' ? (pieIndex[index] ?? index) : index));

  return (
    <Card title={title} size="small" data-testid={testId}>
      <Chart option={option} empty={empty} height={height} onPick={pick} />
    </Card>
  );
}
