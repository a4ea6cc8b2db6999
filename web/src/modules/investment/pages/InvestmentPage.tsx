import { Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { InvestmentDetail } from '../components/InvestmentDetail';

/**
 * 安全生产投入 (R-INV-1, issue 12 §3) of the user's enterprise: the year's budget, the safety fee's accrual calculator,
 * the usage ledger with its balance and import, the audits and the principal's yearly check.
 */
export function InvestmentPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="investment-page">
      <PageHeader title={t('investment.title')} />
      <Typography.Paragraph type="secondary">{t('investment.hint')}</Typography.Paragraph>
      <InvestmentDetail enterpriseId={me.scope.enterpriseId ?? ''} />
    </div>
  );
}
