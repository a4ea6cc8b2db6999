import { Tag } from 'antd';
import { MEANING_TAG } from '../../../app/palette';
import type { PpeIssue } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';

/** An issue's receipt (awaiting, signed, voided) and, for the latest live one, its replacement state. */
export function IssueStatusTag({ issue }: { issue: Pick<PpeIssue, 'status' | 'replacement'> }) {
  const { t } = useI18n();
  const status = { awaiting: MEANING_TAG.warning, signed: MEANING_TAG.done, voided: MEANING_TAG.none }[issue.status];
  return (
    <>
      <Tag color={status}>{t(`ppe.status.${issue.status}`)}</Tag>
      {(issue.replacement === 'overdue' || issue.replacement === 'due_soon') && (
        <Tag color={issue.replacement === 'overdue' ? MEANING_TAG.danger : MEANING_TAG.warning}>{t(`ppe.replacement.${issue.replacement}`)}</Tag>
      )}
    </>
  );
}
