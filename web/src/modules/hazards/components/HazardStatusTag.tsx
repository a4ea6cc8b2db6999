import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardStatus } from '../api/hazards.api';
import { STATUS_TAG } from './status-style';

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const { tx } = useI18n();
  return <Tag color={STATUS_TAG[status]} data-testid="hazard-status-tag" data-status={status}>{tx(`hazardStatus.${status}`, status)}</Tag>;
}
