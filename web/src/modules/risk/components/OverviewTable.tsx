import { Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, NEUTRAL, SERIES_MEANING } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { OverviewItem } from '../api/risk-report.api';
import { GRADE_HEX, GRADE_TEXT, GRADES } from './grade-style';

type Props = { list: ListState; data: Page<OverviewItem> | undefined; loading: boolean };

/** Enterprises in scope with their counts by grade and warnings; each drills down to its read-only ledger and map. */
export function OverviewTable({ list, data, loading }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const zero = <span style={{ color: NEUTRAL }}>0</span>;
  const warn = (key: 'overdue' | 'missingR8' | 'controlFailing') => (n: number) => (n > 0 ? <Tag color={MEANING_TAG[SERIES_MEANING[key]]}>{n}</Tag> : zero);
  const columns: ColumnsType<OverviewItem> = [
    {
      key: 'name', dataIndex: 'name', title: t('enterprise.name'), sorter: true, sortOrder: list.sortOrderOf('name'), fixed: isMobile ? undefined : 'left',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/risk/overview/${r.enterpriseId}`} data-testid="overview-enterprise">{v}</Link>
          {!r.hasLedger && <Tag color="default">{t('risk.overview.noLedger')}</Tag>}
        </Space>
      ),
    },
    { key: 'subdistrictName', responsive: ['xxl'], dataIndex: 'subdistrictName', title: t('enterprise.subdistrict') },
    { key: 'industryName', responsive: ['xxl'], dataIndex: 'industryName', title: t('enterprise.industry') },
    { key: 'total', dataIndex: 'total', title: t('risk.overview.points'), sorter: true, sortOrder: list.sortOrderOf('total') },
    ...GRADES.map((g) => ({
      key: `grade${g}`, title: t(`risk.gradeShort.${g}`), sorter: g <= 2, sortOrder: g <= 2 ? list.sortOrderOf(`grade${g}`) : undefined,
      render: (_: unknown, r: OverviewItem) => (r.byGrade[g] > 0
        ? <span style={{ background: GRADE_HEX[g], color: GRADE_TEXT[g], padding: '0 8px', borderRadius: 4, fontWeight: 600 }}>{r.byGrade[g]}</span>
        : zero),
    })),
    { key: 'unassessed', width: 92, dataIndex: 'unassessed', title: t('risk.flag.unassessed'), sorter: true, sortOrder: list.sortOrderOf('unassessed') },
    { key: 'overdue', width: 92, dataIndex: 'overdue', title: t('risk.flag.overdue'), sorter: true, sortOrder: list.sortOrderOf('overdue'), render: warn('overdue') },
    { key: 'missingR8', width: 92, dataIndex: 'missingR8', title: t('risk.flag.missingR8'), sorter: true, sortOrder: list.sortOrderOf('missingR8'), render: warn('missingR8') },
    { key: 'controlFailing', width: 92, dataIndex: 'controlFailing', title: t('risk.flag.controlFailing'), sorter: true, sortOrder: list.sortOrderOf('controlFailing'), render: warn('controlFailing') },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, r) => (
        <Space>
          <Link to={`/risk/overview/${r.enterpriseId}`}>{t('risk.overview.ledger')}</Link>
          <Link to={`/risk/overview/${r.enterpriseId}/map`}>{t('nav.riskMap')}</Link>
        </Space>
      ),
    },
  ];
  return (
    <Table<OverviewItem>
      data-testid="risk-overview-table"
      rowKey="enterpriseId"
      size={isMobile ? 'small' : 'middle'}
      columns={columns}
      dataSource={data?.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(Object.values(list.filters).some(Boolean) ? 'common.noMatch' : 'enterprise.empty')} /> }}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onChange={list.onTableChange}
      pagination={{ current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showTotal: (total) => t('common.total', { total }) }}
    />
  );
}
