import { Card } from 'antd';
import { Chart, CHART_COLORS } from '../../../app/components/Chart';

type Props = {
  title: string;
  kind: 'pie' | 'bar';
  data: { name: string; value: number }[];
  testId?: string;
};

/** A small pie or bar chart of counts, on the shared chart. */
export function CountChart({ title, kind, data, testId }: Props) {
  const empty = data.every((d) => d.value === 0);
  const option = kind === 'pie'
    ? {
      color: CHART_COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], data, label: { show: false } }],
    }
    : {
      color: CHART_COLORS,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 6 ? 35 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 32 }],
    };

  return (
    <Card title={title} size="small" data-testid={testId}>
      <Chart option={option} empty={empty} />
    </Card>
  );
}
