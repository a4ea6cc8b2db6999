import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR, MEANING_TEXT } from '../../../app/palette';
import type { Rate } from '../api/obligations.api';
import { percent, rateMeaning } from './rate-format';

type Props = { title: string; rate: Rate; onTime?: boolean; definition?: string; testId?: string };

/** One rate as a ring with what it is made of ("12 / 15"), and what it is a share of one tap away. */
export function RateFigure({ title, rate, onTime, definition, testId }: Props) {
  const { t } = useI18n();
  const value = onTime ? rate.onTimeRate : rate.rate;
  const meaning = rateMeaning(value);
  const pct = value === null ? 0 : Math.round(value * 1000) / 10;
  return (
    <Card size="small" data-testid={testId} data-rate={value ?? ''}>
      <Flex align="center" gap={16}>
        <Progress
          type="circle"
          size={64}
          percent={pct}
          status="normal"
          strokeColor={MEANING_COLOUR[meaning]}
          format={() => <span style={{ color: MEANING_TEXT[meaning], fontSize: 14 }}>{percent(value)}</span>}
        />
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">
            {title}
            {definition && <Tooltip title={definition}><InfoCircleOutlined style={{ marginInlineStart: 6 }} aria-label={definition} /></Tooltip>}
          </Typography.Text>
          <div><Typography.Text strong>{t('obligation.rates.ofDue', { n: onTime ? rate.onTime : rate.fulfilled, total: rate.due })}</Typography.Text></div>
        </div>
      </Flex>
    </Card>
  );
}
