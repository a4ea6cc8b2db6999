import { Card } from 'antd';
import { Chart, CHART_COLORS } from '../../../app/components/Chart';

export type ChartSeries = { name: string; values: number[] };

type Props = {
  title: string;
  kind: 'pie' | 'bar' | 'line';
  /** Category names (x axis, or pie slices). */
  labels: string[];
  series: ChartSeries[];
  height?: number;
  testId?: string;
  /** A click on a bar or slice: its index in `labels` (drill-down). */
  onPick?: (index: number) => void;
};

/** Pie, bar or line for the hazard dashboards, on the shared chart. */
export function HazardChart({ title, kind, labels, series, height = 260, testId, onPick }: Props) {
  const empty = series.every((s) => s.values.every((v) => v === 0));
  const first = series[0] ?? { name: '', values: [] };
  const option = kind === 'pie'
    ? {
      color: CHART_COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: { show: false }, data: labels.map((name, i) => ({ name, value: first.values[i] ?? 0 })).filter((d) => d.value > 0) }],
    }
    : {
      color: CHART_COLORS,
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
