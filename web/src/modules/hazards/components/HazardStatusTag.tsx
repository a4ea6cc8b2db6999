import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardStatus } from '../api/hazards.api';

const COLORS: Record<HazardStatus, string> = {
  reported: 'orange', confirmed: 'gold', rectifying: 'processing', submitted: 'purple', closed: 'success', voided: 'default',
};

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[status]} data-testid="hazard-status-tag" data-status={status}>{tx(`hazardStatus.${status}`, status)}</Tag>;
}
