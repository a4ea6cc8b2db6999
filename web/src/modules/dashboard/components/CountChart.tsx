import { useEffect, useRef } from 'react';
import { Card, Empty } from 'antd';
import { useI18n } from '../../../app/i18n';

type Props = {
  title: string;
  kind: 'pie' | 'bar';
  data: { name: string; value: number }[];
  testId?: string;
};

const COLORS = ['#1f5fbf', '#52c41a', '#faad14', '#ff4d4f', '#13c2c2', '#722ed1', '#eb2f96', '#8c8c8c'];

/** A small pie or bar chart; echarts is fetched on first use so that no other page pays for it. */
export function CountChart({ title, kind, data, testId }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const empty = data.every((d) => d.value === 0);

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
      instance.setOption(kind === 'pie'
        ? {
          color: COLORS,
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { bottom: 0, type: 'scroll' },
          series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], data, label: { show: false } }],
        }
        : {
          color: COLORS,
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 6 ? 35 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 32 }],
        });
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [kind, JSON.stringify(data), empty]);

  return (
    <Card title={title} size="small" data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> : <div ref={ref} style={{ height: 260, width: '100%' }} />}
    </Card>
  );
}
