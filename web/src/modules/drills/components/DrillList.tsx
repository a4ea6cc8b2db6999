import { useState } from 'react';
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { useExport } from '../../../app/components/useExport';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { DRILL_STATUSES, PLAN_KINDS, drillsApi, type DrillPlan, type DrillSummary } from '../api/drills.api';
import { DrillFormDrawer } from './DrillFormDrawer';
import { DrillStatusTag, PlanKindTag } from './DrillTags';

const FILTERS = ['q', 'planKind', 'status', 'year', 'awaitingMe', 'myActions'] as const;

/** The drills of one enterprise; `record` (a duty's link, `?record=1`) opens the recorder at once. */

export function DrillList({ enterpriseId, plans, record = false }: { enterpriseId: string; plans: DrillPlan['plans']; record?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [recording, setRecording] = useState(record);
  const { exporting, start } = useExport();
  const { data, error, loading, reload } = useApiQuery(['drills', enterpriseId, 'list', list.query], (signal) => drillsApi.list(enterpriseId, list.query, signal));
  const f = list.filters;
  const detail = (id: string) => `/enterprises/${enterpriseId}/drills/${id}`;
  const exportList = () => start((onProgress) => {
    const { page: _page, pageSize: _pageSize, ...filters } = list.query;
    return drillsApi.exportList(enterpriseId, filters, t('drill.exportFile'), onProgress);
  });

  return (
    <div data-testid="drill-list">
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="drill-export">{t('drill.export')}</Button>
        {data?.canRecord && plans.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="drill-record">{t('drill.record')}</Button>
        )}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('drill.searchPlaceholder')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('drill.allKinds')} value={f.planKind} onChange={(v?: string) => list.setFilters({ planKind: v })}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`drill.planKind.${k}`) }))} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('drill.allStatuses')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={DRILL_STATUSES.map((k) => ({ value: k, label: t(`drill.status.${k}`) }))} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<DrillSummary>
          list={list} data={data} loading={loading} empty={t('drill.empty')} testId="drill-table"
          onRow={(d) => ({ onClick: () => void navigate(detail(d.id)), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'startedAt', dataIndex: 'startedAt', title: t('drill.field.time'), sorter: true, sortOrder: list.sortOrderOf('startedAt'), render: (v: string) => formatDateTime(v) },
            {
              key: 'scenario', dataIndex: 'scenario', title: t('drill.field.scenario'),
              render: (v: string, d) => <Flex vertical gap={2}><Link to={detail(d.id)} onClick={(e) => e.stopPropagation()}>{v}</Link><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.planTitle} · {t(`drill.form.${d.form}`)}</Typography.Text></Flex>,
            },
            { key: 'planKind', dataIndex: 'planKind', title: t('drill.field.planKind'), sorter: true, sortOrder: list.sortOrderOf('planKind'), render: (v: DrillSummary['planKind']) => <PlanKindTag kind={v} /> },
            { key: 'organiserName', dataIndex: 'organiserName', title: t('drill.field.organiser'), render: (v: string, d) => (d.byPrincipal ? <span>{v}（{t('drill.byPrincipal')}）</span> : v) },
            {
              key: 'actions', title: t('drill.field.actions'),
              render: (_: unknown, d) => (
                <Flex vertical gap={2}>
                  <span>{t('drill.counts', { people: d.participantCount })}</span>
                  {d.openActions > 0 && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('drill.openActions', { n: d.openActions })}</Typography.Text>}
                  {d.overdueActions > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('drill.overdueActions', { n: d.overdueActions })}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'status', dataIndex: 'status', title: t('drill.field.status'), render: (v: DrillSummary['status']) => <DrillStatusTag status={v} /> },
          ]}
        />
      )}
      {recording && data?.canRecord && (
        <DrillFormDrawer enterpriseId={enterpriseId} onSaved={(d) => { setRecording(false); void navigate(detail(d.id)); }} onClose={() => setRecording(false)} />
      )}
    </div>
  );
}
