import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { EquipmentRegister, type RegisterTab } from '../components/EquipmentRegister';

const TABS: readonly RegisterTab[] = ['all', 'special', 'renovation'];

/** 设备设施台账 (issue 12 §5) of the user's enterprise: all equipment, special equipment, renovation projects. */
export function EquipmentPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'all';
  return (
    <div data-testid="equipment-page">
      <PageHeader title={t('equipment.title')} />
      <Typography.Paragraph type="secondary">{t('equipment.hint')}</Typography.Paragraph>
      <EquipmentRegister enterpriseId={me.scope.enterpriseId ?? ''} initialTab={tab} sync="url" />
    </div>
  );
}
