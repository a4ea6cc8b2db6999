import { Col, Input, Select, Tag, Typography, Row } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { insuranceApi, type CoverageRow } from '../api/insurance.api';

const FILTERS = ['q', 'status'] as const;
const STATUSES = ['failing', 'missing', 'noncompliant', 'compliant'] as const;

/**
 * 安责险投保情况 (R-INS-1, issue 12 §7) for the regulators: the enterprises in scope that must hold safety-liability
 * insurance, each with its current policy, the people it leaves out and why it falls short; a row opens the
 * enterprise's file at its insurance tab.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['insurance', 'coverage', list.query], (signal) => insuranceApi.coverage(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="insurance-coverage-page">
      <PageHeader title={t('insurance.coverage.title')} sub={data ? t('insurance.coverage.counts', { today: data.today, ...data.counts }) : undefined} />
      <Typography.Paragraph type="secondary">{t('insurance.coverage.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('insurance.coverage.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={10}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('insurance.coverage.all')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`insurance.coverage.${s}`) }))} data-testid="insurance-coverage-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<CoverageRow> list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('insurance.coverage.empty')} testId="insurance-coverage"
          columns={[
            {
              key: 'name', title: t('insurance.field.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=insurance`}>{r.name}</Link>,
            },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('insurance.field.subdistrict') },
            { key: 'industry', dataIndex: 'industryName', title: t('insurance.field.industry') },
            {
              key: 'endsOn', title: t('insurance.current.title'), sorter: true, sortOrder: list.sortOrderOf('endsOn'),
              render: (_: unknown, r) => (r.policy ? `${r.policy.institutionName} · ${r.policy.endsOn}` : <Tag color={MEANING_TAG.danger}>{t('insurance.coverage.missing')}</Tag>),
            },
            {
              key: 'uninsured', title: t('insurance.field.uninsured'), sorter: true, sortOrder: list.sortOrderOf('uninsured'), align: 'right',
              render: (_: unknown, r) => <Typography.Text type={r.uninsured ? 'danger' : undefined}>{r.uninsured}/{r.employees}</Typography.Text>,
            },
            {
              key: 'check', title: t('insurance.field.check'),
              render: (_: unknown, r) => (r.compliant
                ? <Tag color={MEANING_TAG.done}>{t('insurance.check.ok')}</Tag>
                : r.reasons.filter((x) => x !== 'NO_POLICY').map((x) => <Tag key={x} color={MEANING_TAG.danger}>{t(`insurance.reason.${x}`)}</Tag>)),
            },
          ]} />
      )}
    </div>
  );
}
