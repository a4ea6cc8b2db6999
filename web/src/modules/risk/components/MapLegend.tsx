import { Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { RiskMap } from '../api/risk-map.api';
import { GRADE_HEX } from './grade-style';

/** The four colours with their names and how many points of each are drawn on this plan. */
export function MapLegend({ legend, unplaced, compact = false }: { legend: RiskMap['legend']; unplaced?: number; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex vertical={!compact} wrap gap={compact ? 16 : 8} data-testid="risk-map-legend">
      {legend.map((l) => (
        <Flex key={l.grade} align="center" gap={8}>
          <span style={{ width: 18, height: 18, borderRadius: 4, background: GRADE_HEX[l.grade], opacity: 0.85, display: 'inline-block', printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' }} />
          <span>{t(`risk.grade.${l.grade}`)}</span>
          <Typography.Text strong data-testid={`legend-count-${l.grade}`}>{l.count}</Typography.Text>
        </Flex>
      ))}
      {unplaced !== undefined && unplaced > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risk.map.unplacedCount', { n: unplaced })}</Typography.Text>}
    </Flex>
  );
}
