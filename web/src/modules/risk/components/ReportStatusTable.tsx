import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { ReportStatusItem, ReportStatusPage } from '../api/risk-report.api';
import { DutyStatusCell } from '../../obligations/components/DutyStatusCell';
import { ReportStatusTag } from './ReportStatusTag';

type Props = { list: ListState; data: ReportStatusPage | undefined; loading: boolean; year: number };

/** Who in scope has and has not submitted the year's report, and when. */
export function ReportStatusTable({ list, data, loading, year }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const columns: ColumnsType<ReportStatusItem> = [
    { key: 'name', dataIndex: 'name', title: t('enterprise.name'), fixed: isMobile ? undefined : 'left' },
    { key: 'subdistrictName', dataIndex: 'subdistrictName', title: t('enterprise.subdistrict') },
    { key: 'industryName', dataIndex: 'industryName', title: t('enterprise.industry') },
    { key: 'status', dataIndex: 'status', title: t('risk.reports.statusFilter'), render: (s: ReportStatusItem['status'], r) => <><ReportStatusTag status={s} onTime={r.onTime} />{(r.submittedVersion ?? 1) > 1 && <Tag>{t('submission.version', { n: r.submittedVersion! })}</Tag>}</> },
    { key: 'duty', dataIndex: 'dutyStatus', title: t('risk.reports.duty'), render: (_: ReportStatusItem['dutyStatus'], r) => <DutyStatusCell row={r} noneHint={t('risk.reports.dutyNoneHint')} /> },
    { key: 'submittedAt', dataIndex: 'submittedAt', title: t('risk.reports.submittedAt'), render: (v: string | null, r) => (v ? `${formatDateTime(v)}${r.submittedBy ? ` · ${r.submittedBy}` : ''}` : '—') },
    {
      key: 'view', title: t('common.actions'),
      render: (_, r) => (r.status === 'submitted' ? <Link to={`/risk/reports/${year}/${r.enterpriseId}`} data-testid="report-view">{t('risk.reports.view')}</Link> : '—'),
    },
  ];
  return (
    <Table<ReportStatusItem>
      data-testid="risk-report-status-table"
      rowKey="enterpriseId"
      size={isMobile ? 'small' : 'middle'}
      columns={columns}
      dataSource={data?.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(Object.entries(list.filters).some(([k, v]) => k !== 'year' && v) ? 'common.noMatch' : 'risk.overview.statusEmpty')} /> }}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onChange={list.onTableChange}
      pagination={{ current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showTotal: (total) => t('common.total', { total }) }}
    />
  );
}
