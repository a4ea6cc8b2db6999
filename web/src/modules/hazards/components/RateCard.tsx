import { Card, Flex, Progress, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Rate } from '../api/hazard-stats.api';

/** A share with what it is made of ("12 / 15"); no denominator shows a dash, not 0 % or 100 %. */
export function RateCard({ title, rate, testId }: { title: string; rate: Rate; testId?: string }) {
  const { t } = useI18n();
  const pct = rate.rate === null ? null : Math.round(rate.rate * 1000) / 10;
  return (
    <Card size="small" data-testid={testId}>
      <Flex align="center" gap={16}>
        <Progress type="circle" size={64} percent={pct ?? 0} format={() => (pct === null ? '—' : `${pct}%`)} status={pct !== null && pct < 80 ? 'exception' : 'normal'} />
        <div>
          <Typography.Text type="secondary">{title}</Typography.Text>
          <div><Typography.Text strong>{t('stats.ofTotal', { n: rate.numerator, total: rate.denominator })}</Typography.Text></div>
        </div>
      </Flex>
    </Card>
  );
}
