import { Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { InsuranceDetail } from '../components/InsuranceDetail';

/** 保险 (R-INS-1) of the user's own enterprise: policies to confirm, the 安责险 check, the work-injury coverage. */
export function InsurancePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="insurance-page">
      <PageHeader title={t('insurance.page.title')} />
      <Typography.Paragraph type="secondary">{t('insurance.page.hint')}</Typography.Paragraph>
      <InsuranceDetail enterpriseId={me.scope.enterpriseId ?? ''} />
    </div>
  );
}
