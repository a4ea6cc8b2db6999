import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { ListTable } from '../../../app/components/ListTable';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { EnterpriseSummary } from '../api/enterprises.api';
import { EnterpriseStatusTag } from './EnterpriseStatusTag';
import { HighRiskTag } from './HighRiskTag';

type Props = { list: ListState; data: Page<EnterpriseSummary> | undefined; loading: boolean };

export function EnterpriseTable({ list, data, loading }: Props) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const columns: ColumnsType<EnterpriseSummary> = [
    {
      key: 'name', dataIndex: 'name', title: t('enterprise.name'), sorter: true, sortOrder: list.sortOrderOf('name'), fixed: isMobile ? undefined : 'left', width: 240,
      render: (name: string, row) => <Link to={`/enterprises/${row.id}`} data-testid="enterprise-link">{name}</Link>,
    },
    {
      key: 'creditCode', dataIndex: 'creditCode', title: t('enterprise.creditCode'), sorter: true, sortOrder: list.sortOrderOf('creditCode'),
      render: (v: string) => <Typography.Text copyable={{ text: v }} style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    { key: 'subdistrictName', dataIndex: 'subdistrictName', title: t('enterprise.subdistrict') },
    { key: 'industryName', dataIndex: 'industryName', title: t('enterprise.industry') },
    {
      key: 'employeeCount', dataIndex: 'employeeCount', title: t('enterprise.employeeCount'), sorter: true, sortOrder: list.sortOrderOf('employeeCount'), align: 'right',
      render: (v: number) => formatNumber(v, locale),
    },
    { key: 'highRisk', dataIndex: 'highRisk', title: t('enterprise.highRisk'), render: (v: boolean) => (v ? <HighRiskTag highRisk /> : '—') },
    { key: 'status', dataIndex: 'status', title: t('enterprise.status'), render: (v: EnterpriseSummary['status']) => <EnterpriseStatusTag status={v} /> },
    { key: 'principalName', dataIndex: 'principalName', title: t('enterprise.principalName'), render: (v: string) => v || '—' },
    {
      key: 'updatedAt', responsive: ['xxl'], dataIndex: 'updatedAt', title: t('common.updatedAt'), sorter: true, sortOrder: list.sortOrderOf('updatedAt'),
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <ListTable<EnterpriseSummary>
      testId="enterprise-table"
      list={list}
      data={data}
      loading={loading}
      columns={columns}
      empty={t('enterprise.empty')}
    />
  );
}
