import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { DrillStatus, DutyStatus, PlanKind } from '../api/drills.api';

const STATUS_COLOR: Record<DrillStatus, string> = { recorded: 'gold', evaluated: 'blue', reported: 'green', voided: 'default' };
const DUTY_COLOR: Record<DutyStatus, string> = {
  upcoming: 'default', due: 'gold', fulfilled: 'green', late_fulfilled: 'lime', overdue: 'red', waived: 'default', none: 'default',
};

export function DrillStatusTag({ status }: { status: DrillStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]} data-testid="drill-status-tag" data-status={status}>{t(`drill.status.${status}`)}</Tag>;
}

export function PlanKindTag({ kind }: { kind: PlanKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'onsite' ? 'purple' : 'blue'}>{t(`drill.planKind.${kind}`)}</Tag>;
}

export function DutyTag({ status }: { status: DutyStatus }) {
  const { t } = useI18n();
  return <Tag color={DUTY_COLOR[status]} data-testid="drill-duty-tag" data-status={status}>{t(`drill.duty.${status}`)}</Tag>;
}
