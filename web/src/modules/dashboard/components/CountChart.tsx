import { Card, Flex, Statistic } from 'antd';
import { Chart } from '../../../app/components/Chart';
import { CATEGORY, categoryColour } from '../../../app/palette';

type Props = {
  title: string;
  kind: 'pie' | 'bar';
  /** A slice's `colour` when it means something (an enterprise's status); otherwise category colours. */
  data: { name: string; value: number; colour?: string }[];
  testId?: string;
};

/**
 * A small pie or bar chart of counts, on the shared chart, with the numbers on it. A pie of one value says nothing a
 * number does not: it becomes that number.
 */
export function CountChart({ title, kind, data, testId }: Props) {
  const empty = data.every((d) => d.value === 0);
  const nonZero = data.filter((d) => d.value > 0);
  if (kind === 'pie' && nonZero.length === 1) {
    return (
      <Card title={title} size="small" data-testid={testId}>
        <Flex justify="center" style={{ padding: '16px 0' }}><Statistic title={nonZero[0]!.name} value={nonZero[0]!.value} /></Flex>
      </Card>
    );
  }
  const option = kind === 'pie'
    ? {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: { show: true, formatter: '{c}' },
        data: data.map((d, i) => ({ name: d.name, value: d.value, itemStyle: { color: d.colour ?? categoryColour(i) } })),
      }],
    }
    : {
      color: [CATEGORY.blue],
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 6 ? 35 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 32, label: { show: true, position: 'top' } }],
    };

  return (
    <Card title={title} size="small" data-testid={testId}>
      <Chart option={option} empty={empty} />
    </Card>
  );
}
