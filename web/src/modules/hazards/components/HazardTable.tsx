import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { ListTable } from '../../../app/components/ListTable';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import type { HazardSummary } from '../api/hazards.api';
import { HazardFlags } from './HazardFlags';
import { HazardLevelTag } from './HazardLevelTag';
import { HazardStatusTag } from './HazardStatusTag';

type Props = {
  list: ListState;
  data: Page<HazardSummary> | undefined;
  loading: boolean;
  /** The enterprise of every row, or undefined on a cross-enterprise list (each row carries its own). */
  enterpriseId?: string;
  /** What the list shows when it has no rows: what will appear here and when. */
  empty?: string;
};

export const hazardLink = (h: HazardSummary, enterpriseId?: string) => `/enterprises/${enterpriseId ?? h.enterpriseId}/hazards/${h.id}`;

/**
 * The ledger on a desktop: code, title, level, status, unit, rectifier, deadline, flags. Across enterprises a code is
 * not unique (each enterprise numbers its own YH-2026-0001), so there the code column names the enterprise below it.
 */
/** Columns shown from 1600 px up: at 1366 px the table fits without scrolling sideways (issue 10); the detail has them. */
const WIDE_ONLY: Breakpoint[] = ['xxl'];

export function HazardTable({ list, data, loading, enterpriseId, empty }: Props) {
  const { t, tx } = useI18n();
  // The cross-enterprise list sorts by report time, deadline or enterprise only.
  const cross = !enterpriseId;
  const columns: ColumnsType<HazardSummary> = [
    cross ? {
      key: 'enterprise', dataIndex: 'code', title: t('hazard.codeEnterprise'), sorter: true, sortOrder: list.sortOrderOf('enterprise'), fixed: 'left', width: 220,
      render: (v: string, h) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 220 }}>
          <Link to={hazardLink(h)} data-testid="hazard-link">{v}</Link>
          <Link to={`/hazard-overview/${h.enterpriseId}`} data-testid="hazard-enterprise">
            <Typography.Text style={{ maxWidth: 220 }} ellipsis={{ tooltip: h.enterpriseName }}>{h.enterpriseName}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[h.subdistrictName, h.industryName].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    } : {
      key: 'code', dataIndex: 'code', title: t('hazard.code'), sorter: true, sortOrder: list.sortOrderOf('code'), fixed: 'left', width: 130,
      render: (v: string, h) => <Link to={hazardLink(h, enterpriseId)} data-testid="hazard-link">{v}</Link>,
    },
    {
      key: 'title', dataIndex: 'title', title: t('hazard.title'),
      render: (v: string, h) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: v }}>{v}</Typography.Text>
          <HazardFlags hazard={h} />
        </Space>
      ),
    },
    { key: 'level', dataIndex: 'level', title: t('hazard.level'), sorter: !cross, sortOrder: list.sortOrderOf('level'), render: (v: HazardSummary['level']) => <HazardLevelTag level={v} /> },
    { key: 'status', dataIndex: 'status', title: t('hazard.status'), render: (v: HazardSummary['status']) => <HazardStatusTag status={v} /> },
    { key: 'source', responsive: WIDE_ONLY, dataIndex: 'source', title: t('hazard.source'), render: (v: string) => tx(`hazardSource.${v}`, v) },
    { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('hazard.orgUnit') },
    ...(cross ? [] : [{ key: 'rectifierName', dataIndex: 'rectifierName', title: t('hazard.rectifier'), render: (v: string | null) => v ?? '—' }]),
    { key: 'deadline', dataIndex: 'deadline', title: t('hazard.deadline'), sorter: true, sortOrder: list.sortOrderOf('deadline'), render: (v: string | null) => formatDate(v) },
    { key: 'reportedAt', responsive: WIDE_ONLY, dataIndex: 'reportedAt', title: t('hazard.reportedAt'), sorter: true, sortOrder: list.sortOrderOf('reportedAt'), render: (v: string) => formatDateTime(v) },
  ];
  return (
    <ListTable<HazardSummary>
      testId="hazard-table"
      list={list}
      data={data}
      loading={loading}
      columns={columns}
      empty={empty}
      // The ledger's sentence already says whether its filters found nothing; its tab is a filter that does not count.
      filtered={false}
      rowClassName={(h) => (h.overdue ? 'hazard-row-overdue' : '')}
    />
  );
}
