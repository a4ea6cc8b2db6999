import { Empty, Table } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { doubleReportApi, type SubmittedReport } from '../api/double-report.api';
import { periodLabel } from '../api/check-period';

/** R-HAZ-5: the workers' congress view — the enterprise's submitted double reports, read only. */
export function CongressReports({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['double-reports', enterpriseId, 'submitted'], (signal) => doubleReportApi.submitted(enterpriseId, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Table<SubmittedReport>
      data-testid="congress-reports"
      size="middle"
      rowKey={(r) => `${r.periodType}:${r.periodKey}`}
      loading={loading}
      dataSource={data?.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('doubleReport.congressEmpty')} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'period', title: t('doubleReport.period'),
          render: (_, r) => <Link to={`/enterprises/${enterpriseId}/hazard-reports/${r.periodType}/${r.periodKey}`}>{t(`doubleReportType.${r.periodType}`)} {periodLabel(r.periodKey, locale)}</Link>,
        },
        { key: 'found', dataIndex: 'found', title: t('doubleReport.found'), align: 'right' },
        { key: 'fixed', dataIndex: 'fixed', title: t('doubleReport.fixed'), align: 'right' },
        { key: 'overdue', dataIndex: 'overdueAtEnd', title: t('doubleReport.overdueAtEnd'), align: 'right' },
        { key: 'major', dataIndex: 'majorOpenAtEnd', title: t('doubleReport.majorOpenAtEnd'), align: 'right' },
        { key: 'confirmedBy', dataIndex: 'confirmedBy', title: t('doubleReport.confirmedBy'), render: (v: string | null) => v ?? '—' },
        { key: 'submittedAt', dataIndex: 'submittedAt', title: t('doubleReport.submittedAt'), render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
