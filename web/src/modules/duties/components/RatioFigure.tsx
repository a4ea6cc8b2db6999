import { Progress, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR } from '../../../app/palette';
import type { Ratio } from '../api/duties.api';

/** Full coverage is green; anything short of it is still owed (orange); nothing to cover is grey. */
export function ratioColour(r: Ratio): string {
  if (r.percent === null) return MEANING_COLOUR.none;
  return r.percent === 100 ? MEANING_COLOUR.done : MEANING_COLOUR.warning;
}

/** A coverage figure: its rate as a bar and "covered / total". */
export function RatioFigure({ ratio, label, testId }: { ratio: Ratio; label?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId} style={{ minWidth: 140 }}>
      {label && <Typography.Text type="secondary">{label}</Typography.Text>}
      <Progress percent={ratio.percent ?? 0} strokeColor={ratioColour(ratio)} format={() => (ratio.percent === null ? '—' : `${ratio.percent}%`)} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dutyCoverage.ofTotal', { covered: ratio.covered, total: ratio.total })}</Typography.Text>
    </div>
  );
}
