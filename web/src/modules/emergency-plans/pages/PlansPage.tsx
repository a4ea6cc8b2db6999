import { useState } from 'react';
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { PLAN_KINDS, PLAN_STATUSES, plansApi, type PlanKind, type PlanStatus, type PlanSummary } from '../api/emergency-plans.api';
import { PlanFormDrawer } from '../components/PlanFormDrawer';
import { PlanKindTag, PlanStatusTag } from '../components/PlanTags';

const FILTERS = ['q', 'kind', 'status', 'returned'] as const;

/** 应急预案: the enterprise's plans (managers: all; staff: those issued to them), and 编制预案 for the managers. */
export function PlansPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApiQuery(['emergency-plans', enterpriseId, 'list', list.query], (signal) => plansApi.list(enterpriseId, list.query, signal));
  const { exporting, start } = useExport();
  const f = list.filters;
  const exportList = () => start((onProgress) => {
    const { page: _page, pageSize: _pageSize, ...filters } = list.query;
    return plansApi.exportList(enterpriseId, filters, t('emergencyPlans.exportPlansFile'), onProgress);
  });
  const detail = (id: string) => `/enterprises/${enterpriseId}/emergency-plans/${id}`;
  return (
    <div data-testid="plans-page">
      <PageHeader title={t('emergencyPlans.title')} extra={(
        <Flex gap={8} wrap>
          <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="plan-export">{t('emergencyPlans.export')}</Button>
          {data?.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">{t('emergencyPlans.create')}</Button>}
        </Flex>
      )} />
      <Typography.Paragraph type="secondary">{t('emergencyPlans.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('emergencyPlans.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('emergencyPlans.allKinds')} value={f.kind} onChange={(v?: string) => list.setFilters({ kind: v })}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`emergencyPlans.kind.${k}`) }))} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('emergencyPlans.allStatuses')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={PLAN_STATUSES.map((k) => ({ value: k, label: t(`emergencyPlans.status.${k}`) }))} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<PlanSummary>
          list={list} data={data} loading={loading} empty={t('emergencyPlans.empty')} testId="plan-table"
          onRow={(p) => ({ onClick: () => void navigate(detail(p.id)), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'title', dataIndex: 'title', title: t('emergencyPlans.field.title'), sorter: true, sortOrder: list.sortOrderOf('title'),
              render: (v: string, p) => (
                <Flex gap={6} align="center">
                  {p.unread && <Badge status="processing" />}
                  <Link to={detail(p.id)} onClick={(e) => e.stopPropagation()}>{v}</Link>
                </Flex>
              ),
            },
            { key: 'kind', dataIndex: 'kind', title: t('emergencyPlans.field.kind'), sorter: true, sortOrder: list.sortOrderOf('kind'), render: (v: PlanKind) => <PlanKindTag kind={v} /> },
            { key: 'currentVersion', dataIndex: 'currentVersion', title: t('emergencyPlans.field.version'), render: (v: number) => t('emergencyPlans.versionNo', { n: v }) },
            {
              key: 'status', dataIndex: 'status', title: t('emergencyPlans.field.status'),
              render: (v: PlanStatus, p) => (
                <Flex vertical gap={2}>
                  <span><PlanStatusTag status={v} /></span>
                  {p.returnedFilings > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('emergencyPlans.returnedCount', { n: p.returnedFilings })}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'updatedAt', dataIndex: 'updatedAt', title: t('emergencyPlans.field.updatedAt'), sorter: true, sortOrder: list.sortOrderOf('updatedAt'), render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
      {creating && (
        <PlanFormDrawer enterpriseId={enterpriseId} onSaved={(p) => { setCreating(false); void navigate(detail(p.id)); }} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}
