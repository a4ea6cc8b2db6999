import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { OccurrenceStatus } from '../api/obligations.api';
import { OccurrenceStatusTag } from './OccurrenceStatusTag';
import { waivedReasonText } from './waived-reason';

/** A row of a regulator's "who has submitted" list, as the engine describes it (`none`: the enterprise does not owe it). */
export type DutyStatusRow = { dutyStatus: OccurrenceStatus | 'none'; dueDate: string | null; waivedReason: string | null };

/**
 * Where an enterprise stands on a period's duty in a regulator's list (issue 11 §1, the obligations engine): its status
 * and due day, the waiver's reason, or "not owed" (with why, `noneHint`) for an enterprise outside the period's duty.
 */
export function DutyStatusCell({ row, noneHint }: { row: DutyStatusRow; noneHint: string }) {
  const { t } = useI18n();
  if (row.dutyStatus === 'none') {
    return (
      <Tooltip title={noneHint}>
        <Tag color={MEANING_TAG.none} data-testid="report-duty" data-status="none">{t('obligation.dutyNone')}</Tag>
      </Tooltip>
    );
  }
  return (
    <Flex vertical gap={2} data-testid="report-duty" data-status={row.dutyStatus}>
      <span><OccurrenceStatusTag status={row.dutyStatus} /></span>
      {row.dutyStatus === 'waived' && row.waivedReason
        ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('obligation.dutyWaived', { reason: waivedReasonText(row.waivedReason, t) })}</Typography.Text>
        : row.dueDate && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('obligation.dutyDue', { date: row.dueDate })}</Typography.Text>}
    </Flex>
  );
}
