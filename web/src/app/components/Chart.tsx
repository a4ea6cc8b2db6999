import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../i18n';
import { CATEGORY_COLOURS } from '../palette';

type Props = {
  option: EChartsCoreOption;
  /** Shows "no data" instead of an empty figure. */
  empty: boolean;
  height?: number;
  testId?: string;
  /** A click on a bar, point or slice: its data index (drill-down). */
  onPick?: (index: number) => void;
};

/**
 * One ECharts figure: echarts itself is fetched the first time a chart is shown (its own chunk), the chart follows
 * its box's size, and it is drawn again only when the option changes. `data-rendered` tells browser tests it is drawn.
 */
export function Chart({ option, empty, height = 260, testId, onPick }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
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
      // A series without a colour of its own takes a category colour, never echarts' default green or red.
      instance.setOption({ color: [...CATEGORY_COLOURS], ...(JSON.parse(key) as EChartsCoreOption) });
      instance.on('click', (p: { dataIndex?: number }) => {
        if (typeof p.dataIndex === 'number') pickRef.current?.(p.dataIndex);
      });
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
