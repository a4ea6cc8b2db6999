import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../../app/i18n';

type Props = { option: EChartsCoreOption; empty: boolean; height?: number; testId?: string };

/** One ECharts figure; echarts itself is fetched the first time a chart is shown. */
export function ReportChart({ option, empty, height = 280, testId }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);

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
      instance.setOption(JSON.parse(key) as EChartsCoreOption);
      el.setAttribute('data-rendered', 'true');
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [key, empty]);

  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />;
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} />;
}
