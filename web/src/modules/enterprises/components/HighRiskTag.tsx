import { WarningFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

export function HighRiskTag({ highRisk }: { highRisk: boolean }) {
  const { t } = useI18n();
  if (!highRisk) return null;
  return <Tag color="red" icon={<WarningFilled />}>{t('enterprise.highRisk')}</Tag>;
}
