import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { EnterpriseStatus } from '../api/enterprises.api';

const COLORS: Record<EnterpriseStatus, string> = { active: 'green', suspended: 'orange', closed: 'default' };

export function EnterpriseStatusTag({ status }: { status: EnterpriseStatus }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[status]}>{tx(`enterpriseStatus.${status}`, status)}</Tag>;
}
