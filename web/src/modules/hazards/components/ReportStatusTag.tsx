import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ReportStatus } from '../api/double-report.api';

const COLORS: Record<ReportStatus, string> = { draft: 'default', confirmed: 'gold', submitted: 'success' };

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]} data-testid="report-status" data-status={status}>{t(`doubleReportStatus.${status}`)}</Tag>;
}
