import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { insuranceApi, type PolicySummary } from '../api/insurance.api';
import { PolicyDrawer } from '../components/PolicyDrawer';

const FILTERS = ['q', 'status'] as const;

/**
 * 安责险保单 for the insurer's staff (R-INS-1): the policies its institution entered, and entering a new one for an
 * enterprise found by its credit code; a pending one opens for editing (its insured people are chosen there).
 */
export function InsurerPoliciesPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['insurance', 'policies', list.query], (signal) => insuranceApi.policies(list.query, signal));
  const [drawer, setDrawer] = useState<{ id: string | null } | null>(null);
  const f = list.filters;
  return (
    <div data-testid="insurer-policies-page">
      <PageHeader title={t('insurance.policies.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })} data-testid="policy-new">{t('insurance.policies.new')}</Button>} />
      <Typography.Paragraph type="secondary">{t('insurance.policies.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('insurance.policies.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={10}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('insurance.policies.all')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={(['pending', 'confirmed'] as const).map((s) => ({ value: s, label: t(`insurance.status.${s}`) }))} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<PolicySummary> list={list} data={data} loading={loading} empty={t('insurance.policies.empty')} testId="insurer-policies"
          onRow={(r) => ({ onClick: () => setDrawer({ id: r.id }), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'enterprise', dataIndex: 'enterpriseName', title: t('insurance.field.enterprise'), sorter: true, sortOrder: list.sortOrderOf('enterprise') },
            { key: 'number', dataIndex: 'policyNumber', title: t('insurance.field.policyNumber') },
            { key: 'startsOn', title: t('insurance.field.period'), sorter: true, sortOrder: list.sortOrderOf('startsOn'), render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}` },
            { key: 'people', title: t('insurance.field.people'), render: (_: unknown, r) => t('insurance.people.count', { n: r.people }) },
            { key: 'premium', dataIndex: 'premium', title: t('insurance.field.premium'), align: 'right' },
            { key: 'status', title: t('insurance.field.status'), render: (_: unknown, r) => <Tag color={MEANING_TAG[r.status === 'confirmed' ? 'done' : 'warning']}>{t(`insurance.status.${r.status}`)}</Tag> },
          ]} />
      )}
      <PolicyDrawer open={!!drawer} policyId={drawer?.id ?? null} onClose={() => setDrawer(null)} onSaved={(p) => setDrawer({ id: p.id })} />
    </div>
  );
}
