import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { MajorItem } from '../api/risk-report.api';
import { RiskFlags } from './RiskFlags';

type Props = { list: ListState; data: Page<MajorItem> | undefined; loading: boolean };

/** Every grade-1 point in scope, with its enterprise, control level and warnings. */
export function MajorRiskTable({ list, data, loading }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const columns: ColumnsType<MajorItem> = [
    {
      key: 'enterprise', dataIndex: 'enterpriseName', title: t('enterprise.name'), sorter: true, sortOrder: list.sortOrderOf('enterprise'),
      render: (v: string, r) => <Link to={`/risk/overview/${r.enterpriseId}`}>{v}</Link>,
    },
    { key: 'code', dataIndex: 'code', title: t('risk.code') },
    {
      key: 'name', dataIndex: 'name', title: t('risk.name'),
      render: (v: string, r) => <>{v} {r.majorHazardSource && <Tag color="magenta">{t('risk.majorHazardSourceShort')}</Tag>}</>,
    },
    { key: 'kind', dataIndex: 'kind', title: t('risk.kindLabel'), render: (v: MajorItem['kind']) => t(`risk.kind.${v}`) },
    { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('risk.orgUnit') },
    { key: 'subdistrictName', dataIndex: 'subdistrictName', title: t('enterprise.subdistrict') },
    { key: 'industryName', dataIndex: 'industryName', title: t('enterprise.industry') },
    { key: 'controlLevel', dataIndex: 'controlLevel', title: t('risk.controlLevel'), render: (v: MajorItem['controlLevel']) => (v ? t(`risk.level.${v}`) : '—') },
    { key: 'reassessDue', dataIndex: 'reassessDue', title: t('risk.reassessDue'), sorter: true, sortOrder: list.sortOrderOf('reassessDue'), render: (v: string | null) => formatDate(v) },
    { key: 'flags', title: t('risk.flags'), render: (_, r) => <RiskFlags missingR8={r.missingR8} overdue={r.overdue} controlFailing={r.controlFailing} /> },
  ];
  return (
    <Table<MajorItem>
      data-testid="risk-major-table"
      rowKey="riskPointId"
      size={isMobile ? 'small' : 'middle'}
      columns={columns}
      dataSource={data?.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(Object.values(list.filters).some(Boolean) ? 'risk.emptyFiltered' : 'risk.overview.majorEmpty')} /> }}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onChange={list.onTableChange}
      pagination={{ current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showTotal: (total) => t('common.total', { total }) }}
    />
  );
}
