import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ReportStatus } from '../api/risk-report.api';

const COLOUR: Record<ReportStatus, string> = { none: 'default', draft: 'blue', confirmed: 'gold', submitted: 'green' };

export function ReportStatusTag({ status, onTime }: { status: ReportStatus; onTime?: boolean | null }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOUR[status]} data-testid="report-status" data-status={status}>
      {t(`risk.reportStatus.${status}`)}{status === 'submitted' && onTime === false ? t('risk.report.late') : ''}
    </Tag>
  );
}
