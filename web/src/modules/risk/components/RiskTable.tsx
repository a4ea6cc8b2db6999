import type { HTMLAttributes } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { ListTable } from '../../../app/components/ListTable';
import type { ColumnsType } from 'antd/es/table';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { ListState } from '../../../app/useListState';
import type { RiskPage, RiskSummary } from '../api/risk.api';
import { GradeTag } from './GradeTag';
import { RiskFlags } from './RiskFlags';

type Props = {
  list: ListState;
  data: RiskPage | undefined;
  loading: boolean;
  onOpen: (p: RiskSummary) => void;
};

/** 一企一清单: one row per risk point with its grade in colour, control, people and warnings. */
/** Columns shown from 1600 px up: at 1366 px the ledger fits without scrolling sideways (issue 10); the point's page has them all. */
const WIDE_ONLY: Breakpoint[] = ['xxl'];

export function RiskTable({ list, data, loading, onOpen }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const columns: ColumnsType<RiskSummary> = [
    { key: 'code', dataIndex: 'code', title: t('risk.code'), sorter: true, sortOrder: list.sortOrderOf('code'), width: 96 },
    {
      key: 'name', dataIndex: 'name', title: t('risk.name'), sorter: true, sortOrder: list.sortOrderOf('name'), fixed: isMobile ? undefined : 'left',
      render: (v: string, p) => (
        <Space size={4} wrap>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(p)} data-testid="risk-open">{v}</Button>
          {p.majorHazardSource && <Tag color="magenta">{t('risk.majorHazardSourceShort')}</Tag>}
        </Space>
      ),
    },
    { key: 'kind', responsive: WIDE_ONLY, dataIndex: 'kind', title: t('risk.kindLabel'), render: (v: RiskSummary['kind']) => t(`risk.kind.${v}`) },
    { key: 'orgUnitName', dataIndex: 'orgUnitName', title: t('risk.orgUnit') },
    {
      key: 'grade', dataIndex: 'grade', title: t('risk.gradeLabel'), sorter: true, sortOrder: list.sortOrderOf('grade'),
      render: (g: RiskSummary['grade']) => <GradeTag grade={g} short testId="risk-grade" />,
    },
    { key: 'scores', responsive: WIDE_ONLY, dataIndex: 'scores', title: t('risk.scores'), render: (v: string) => v || '—' },
    { key: 'controlLevel', dataIndex: 'controlLevel', title: t('risk.controlLevel'), render: (v: RiskSummary['controlLevel']) => (v ? t(`risk.level.${v}`) : '—') },
    {
      // One line per controller, wrapping within a bounded width rather than one long line pushing the table wide.
      key: 'controllers', dataIndex: 'controllers', title: t('risk.controllers'), width: 180,
      render: (cs: RiskSummary['controllers']) => (cs.length === 0
        ? <Typography.Text type="secondary">—</Typography.Text>
        : <span style={{ fontSize: 12, display: 'block', whiteSpace: 'normal' }}>{cs.map((c) => <div key={`${c.level}:${c.name}`}>{`${t(`risk.levelShort.${c.level}`)}${t('risk.p.colon')}${c.name}`}</div>)}</span>),
    },
    { key: 'postNames', responsive: WIDE_ONLY, dataIndex: 'postNames', title: t('risk.posts'), render: (v: string[]) => (v.length ? v.join(t('risk.p.list')) : '—') },
    { key: 'measures', responsive: WIDE_ONLY, dataIndex: 'measures', title: t('risk.measureCount'), render: (v: RiskSummary['measures']) => v.length },
    { key: 'reassessDue', dataIndex: 'reassessDue', title: t('risk.reassessDue'), sorter: true, sortOrder: list.sortOrderOf('reassessDue'), render: (v: string | null) => formatDate(v) },
    {
      key: 'flags', title: t('risk.flags'),
      render: (_, p) => <RiskFlags missingR8={p.missingR8} overdue={p.overdue} controlFailing={p.controlFailing} />,
    },
  ];
  return (
    <ListTable<RiskSummary>
      testId="risk-table"
      list={list}
      data={data}
      loading={loading}
      columns={columns}
      empty={t('risk.empty')}
      noMatch={t('risk.emptyFiltered')}
      onRow={(p) => ({ 'data-code': p.code } as HTMLAttributes<HTMLElement>)}
    />
  );
}
