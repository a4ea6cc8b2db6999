import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, type Meaning } from '../../../app/palette';
import type { ReportStatus } from '../api/risk-report.api';

// Confirmed waits on its submission (orange); submitted is green only when on time: a late report is red.
const MEANING: Record<ReportStatus, Meaning> = { none: 'none', draft: 'normal', confirmed: 'warning', submitted: 'done' };

export function ReportStatusTag({ status, onTime }: { status: ReportStatus; onTime?: boolean | null }) {
  const { t } = useI18n();
  return (
    <Tag color={MEANING_TAG[status === 'submitted' && onTime === false ? 'danger' : MEANING[status]]} data-testid="report-status" data-status={status}>
      {t(`risk.reportStatus.${status}`)}{status === 'submitted' && onTime === false ? t('risk.report.late') : ''}
    </Tag>
  );
}
