import { useEffect, useRef } from 'react';
import { Card, Empty } from 'antd';
import { useI18n } from '../../../app/i18n';

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

const COLORS = ['#1f5fbf', '#52c41a', '#faad14', '#ff4d4f', '#13c2c2', '#722ed1', '#eb2f96', '#8c8c8c'];

/** Pie, bar or line for the hazard dashboards; echarts is fetched on first use. */
export function HazardChart({ title, kind, labels, series, height = 260, testId, onPick }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const empty = series.every((s) => s.values.every((v) => v === 0));
  const key = JSON.stringify([kind, labels, series]);

  useEffect(() => {
    const el = ref.current;
    if (!el || empty) return;
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    const observer = new ResizeObserver(() => chart?.resize());
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed) return;
      const instance = echarts.init(el, undefined, { renderer: 'canvas' });
      chart = instance;
      const first = series[0] ?? { name: '', values: [] };
      instance.setOption(kind === 'pie'
        ? {
          color: COLORS,
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { bottom: 0, type: 'scroll' },
          series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: { show: false }, data: labels.map((name, i) => ({ name, value: first.values[i] ?? 0 })).filter((d) => d.value > 0) }],
        }
        : {
          color: COLORS,
          tooltip: { trigger: 'axis' },
          legend: series.length > 1 ? { top: 0 } : undefined,
          grid: { left: 8, right: 8, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: labels, axisLabel: { interval: kind === 'line' ? 'auto' : 0, rotate: kind === 'bar' && labels.length > 5 ? 35 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map((s) => ({ name: s.name, type: kind, data: s.values, barMaxWidth: 32 })),
        });
      instance.on('click', (p: { dataIndex?: number }) => {
        if (typeof p.dataIndex === 'number') pickRef.current?.(p.dataIndex);
      });
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [key, empty]);

  return (
    <Card title={title} size="small" data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> : <div ref={ref} style={{ height, width: '100%' }} />}
    </Card>
  );
}
