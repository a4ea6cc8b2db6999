import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatMoney, type Figures } from '../api/investment.api';

/** The year's account (R-INV-1): carried in, required and booked accrual, used, balance, and the flags. */
export function FiguresCard({ figures, extra }: { figures: Figures; extra?: ReactNode }) {
  const { t } = useI18n();
  const f = figures;
  const items: [string, string | null, boolean][] = [
    [t('investment.fig.carryIn'), f.carryIn, false],
    [t('investment.fig.required'), f.required, false],
    [t('investment.fig.accrued'), f.accrued, f.flags.shortfall],
    [t('investment.fig.used'), f.used, false],
    [t('investment.fig.balance'), f.balance, f.flags.overspent],
    [t('investment.fig.ineligible'), f.usedIneligible, f.flags.ineligible],
  ];
  return (
    <Card size="small" extra={extra} data-testid="investment-figures" title={<FlagTags figures={f} />}>
      <Row gutter={[12, 12]}>
        {items.map(([title, value, bad]) => (
          <Col xs={12} md={8} lg={4} key={title}>
            <Statistic title={title} value={value === null ? t('investment.fig.notComputed') : formatMoney(value)} styles={{ content: { fontSize: 18, color: bad ? '#c62828' : undefined } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function FlagTags({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const f = figures.flags;
  if (!f.shortfall && !f.ineligible && !f.overspent) return <Tag color="success">{t('investment.flag.ok')}</Tag>;
  return (
    <Flex wrap gap={4}>
      {f.shortfall && <Tag color="error">{t('investment.flag.shortfall')} {formatMoney(figures.shortfall)}</Tag>}
      {f.ineligible && <Tag color="warning">{t('investment.flag.ineligible')}</Tag>}
      {f.overspent && <Tag color="error">{t('investment.flag.overspent')}</Tag>}
    </Flex>
  );
}
