import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, type Meaning } from '../../../app/palette';
import type { ReportStatus } from '../api/double-report.api';

// A confirmed report waits on its submission (orange); a submitted one is done (green).
const MEANING: Record<ReportStatus, Meaning> = { draft: 'none', confirmed: 'warning', submitted: 'done' };

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[MEANING[status]]} data-testid="report-status" data-status={status}>{t(`doubleReportStatus.${status}`)}</Tag>;
}
