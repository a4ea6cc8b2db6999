import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../../../app/components/Chart';

type Props = { option: EChartsCoreOption; empty: boolean; height?: number; testId?: string };

/** One figure of the annual report, on the shared chart. */
export function ReportChart({ option, empty, height = 280, testId }: Props) {
  return <Chart option={option} empty={empty} height={height} testId={testId} />;
}
