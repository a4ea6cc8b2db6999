import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { FilingStatus, PlanKind, PlanStatus } from '../api/emergency-plans.api';

const STATUS_COLOR: Record<PlanStatus, string> = {
  draft: 'default', reviewing: 'processing', reviewed: 'cyan', signed: 'blue', issued: 'gold', filed: 'green', withdrawn: 'default',
};
const FILING_COLOR: Record<FilingStatus, string> = { pending: 'processing', accepted: 'green', returned: 'red', withdrawn: 'default' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]} data-testid="plan-status">{t(`emergencyPlans.status.${status}`)}</Tag>;
}

export function PlanKindTag({ kind }: { kind: PlanKind }) {
  const { t } = useI18n();
  return <Tag>{t(`emergencyPlans.kind.${kind}`)}</Tag>;
}

export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const { t } = useI18n();
  return <Tag color={FILING_COLOR[status]}>{t(`emergencyPlans.filing.${status}`)}</Tag>;
}
