import { Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { RescueBoard } from '../components/RescueBoard';

/** 应急救援力量与物资 (issue 14 §2) of the user's enterprise: requirements, rescue organisation, equipment, contacts. */
export function RescuePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="rescue-page">
      <PageHeader title={t('rescue.title')} />
      <Typography.Paragraph type="secondary">{t('rescue.hint')}</Typography.Paragraph>
      <RescueBoard enterpriseId={me.scope.enterpriseId ?? ''} sync="url" />
    </div>
  );
}
