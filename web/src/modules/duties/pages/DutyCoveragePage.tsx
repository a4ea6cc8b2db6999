import { Card, Col, Input, Row, Switch, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { dutiesApi, type CoverageRow } from '../api/duties.api';
import { CoverageView } from '../components/CoverageView';
import { RatioFigure } from '../components/RatioFigure';

/**
 * 责任制覆盖率: an enterprise's own coverage (its leaders: their subtree); a regulator's list of the enterprises in scope,
 * each opening to its coverage by unit and who is not covered.
 */
export function DutyCoveragePage() {
  const { t } = useI18n();
  const me = useMe();
  const { enterpriseId: picked } = useParams();
  const own = me.scope.enterpriseId;
  const enterpriseId = own ?? picked;
  return (
    <div data-testid="duty-coverage-page">
      <PageHeader title={t('nav.dutyCoverage')} sub={t('dutyCoverage.hint')} />
      {enterpriseId ? <CoverageView enterpriseId={enterpriseId} /> : <CoverageList />}
    </div>
  );
}

const FILTERS = ['q', 'incomplete'] as const;

function CoverageList() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['duties', 'coverage-list', list.query], (signal) => dutiesApi.coverageList(list.query, signal));
  const columns: ColumnsType<CoverageRow> = [
    { key: 'name', dataIndex: 'enterpriseName', title: t('dutyCoverage.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'), render: (v: string, r) => <Link to={`/duty-coverage/${r.enterpriseId}`}>{v}</Link> },
    { key: 'subdistrictName', dataIndex: 'subdistrictName', title: t('dutyCoverage.subdistrict') },
    { key: 'industryName', dataIndex: 'industryName', title: t('dutyCoverage.industry') },
    { key: 'posts', title: t('dutyCoverage.posts'), sorter: true, sortOrder: list.sortOrderOf('posts'), render: (_, r) => <RatioFigure ratio={r.posts} /> },
    { key: 'people', title: t('dutyCoverage.people'), sorter: true, sortOrder: list.sortOrderOf('people'), render: (_, r) => <RatioFigure ratio={r.people} /> },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={10}>
          <Input.Search key={list.filters.q ?? ''} defaultValue={list.filters.q} allowClear placeholder={t('dutyCoverage.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={14}>
          <Switch checked={list.filters.incomplete === 'true'} onChange={(v) => list.setFilters({ incomplete: v ? 'true' : undefined })} />{' '}
          <Typography.Text>{t('dutyCoverage.onlyIncomplete')}</Typography.Text>
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : <ListTable<CoverageRow> list={list} data={data} loading={loading} columns={columns} rowKey="enterpriseId" testId="duty-coverage-list" />}
    </Card>
  );
}
