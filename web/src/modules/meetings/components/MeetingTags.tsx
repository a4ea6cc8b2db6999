import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { ActionStatus, MeetingStatus, MeetingType } from '../api/meetings.api';

// Minutes waiting for their chair are waiting on someone (orange); confirmed is what finished well (green).
const STATUS_MEANING = { draft: 'warning', confirmed: 'done', voided: 'none' } as const;
const ACTION_MEANING = { open: 'warning', done: 'done', cancelled: 'none' } as const;

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[STATUS_MEANING[status]]} data-testid="meeting-status-tag" data-status={status}>{t(`meeting.status.${status}`)}</Tag>;
}

export function MeetingTypeTag({ type }: { type: MeetingType }) {
  const { t } = useI18n();
  return <Tag color={type === 'safety_topic' || type === 'safety_committee' || type === 'congress' || type === 'staff_assembly' ? 'blue' : 'default'}>{t(`meeting.type.${type}`)}</Tag>;
}

/** An action's state; an open one past its due date reads overdue, in red. */
export function ActionStatusTag({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  const { t } = useI18n();
  if (overdue) return <Tag color={MEANING_TAG.danger} data-testid="action-status-tag" data-status="overdue">{t('action.status.overdue')}</Tag>;
  return <Tag color={MEANING_TAG[ACTION_MEANING[status]]} data-testid="action-status-tag" data-status={status}>{t(`action.status.${status}`)}</Tag>;
}
