import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR, MEANING_TEXT } from '../../../app/palette';
import type { Rate } from '../api/hazard-stats.api';

/**
 * A share with what it is made of ("12 / 15"); no denominator shows a dash, not 0 % or 100 %. A share under 80 % is
 * failing (red); otherwise it is drawn in the informational blue, never a reassuring green for a partial result. The
 * definition (what is counted over what) is one tap away.
 */
export function RateCard({ title, rate, testId, definition }: { title: string; rate: Rate; testId?: string; definition?: string }) {
  const { t } = useI18n();
  const pct = rate.rate === null ? null : Math.round(rate.rate * 1000) / 10;
  const meaning = pct !== null && pct < 80 ? 'danger' : 'normal';
  return (
    <Card size="small" data-testid={testId}>
      <Flex align="center" gap={16}>
        <Progress type="circle" size={64} percent={pct ?? 0} format={() => <span style={{ color: pct === null ? undefined : MEANING_TEXT[meaning] }}>{pct === null ? '—' : `${pct}%`}</span>} status="normal" strokeColor={MEANING_COLOUR[meaning]} />
        <div>
          <Typography.Text type="secondary">
            {title}
            {/* What the share is of (numerator ÷ denominator), so nobody reads it as something else (issue 10). */}
            {definition && <Tooltip title={definition}><InfoCircleOutlined style={{ marginLeft: 6 }} aria-label={definition} data-testid={testId ? `${testId}-definition` : undefined} /></Tooltip>}
          </Typography.Text>
          <div><Typography.Text strong>{t('stats.ofTotal', { n: rate.numerator, total: rate.denominator })}</Typography.Text></div>
        </div>
      </Flex>
    </Card>
  );
}
