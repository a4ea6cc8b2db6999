import { Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { StaffingDetail } from '../components/StaffingDetail';

/**
 * 安全管理机构和人员 (R-TEAM-1/2, issue 12 §1) of the user's enterprise: the staffing check with what is missing, the
 * safety department, the full-time and part-time safety staff, the registered safety engineers and outsourced services.
 */
export function StaffingPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="staffing-page">
      <PageHeader title={t('staffing.title')} />
      <Typography.Paragraph type="secondary">{t('staffing.hint')}</Typography.Paragraph>
      <StaffingDetail enterpriseId={me.scope.enterpriseId ?? ''} />
    </div>
  );
}
