import { Checkbox, Col, Input, Row, Tag, Tooltip } from 'antd';
import { ListTable } from '../../../app/components/ListTable';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { documentsApi, type OverviewRow } from '../api/documents.api';

const FILTERS = ['q', 'missing'] as const;

/** 安全生产规章制度建立情况 (R-DOC-1): the enterprises in scope, the required rules each lacks, and its acknowledgement rate. */
export function DocumentsOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['documents', 'overview', list.query], (signal) => documentsApi.overview(list.query, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="documents-overview">
      <PageHeader title={t('documents.overview.title')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}><Input.Search allowClear defaultValue={list.filters.q} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} /></Col>
        <Col xs={24} md={8}>
          <Checkbox checked={list.filters.missing === 'yes'} onChange={(e) => list.setFilters({ missing: e.target.checked ? 'yes' : undefined })}>{t('documents.overview.onlyMissing')}</Checkbox>
        </Col>
      </Row>
      <ListTable<OverviewRow>
        list={list} data={data} loading={loading} testId="documents-overview-list" rowKey="enterpriseId"
        columns={[
          { key: 'name', dataIndex: 'name', title: t('documents.overview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name') },
          { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('documents.overview.subdistrict') },
          { key: 'industry', dataIndex: 'industryName', title: t('documents.overview.industry') },
          {
            key: 'missing', title: t('documents.overview.missing'), sorter: true, sortOrder: list.sortOrderOf('missing'),
            render: (_: unknown, r) => (r.missing ? <Tooltip title={r.missingNames.join('、')}><Tag color="error">{r.missing}/{r.required}</Tag></Tooltip> : <Tag color="success">0/{r.required}</Tag>),
          },
          { key: 'rate', title: t('documents.overview.rate'), sorter: true, sortOrder: list.sortOrderOf('rate'), render: (_: unknown, r) => (r.rate === null ? '—' : `${r.rate}%（${r.acknowledged}/${r.asked}）`) },
          { key: 'reviewed', title: t('documents.overview.reviewed'), render: (_: unknown, r) => <Tag color={r.reviewedThisYear ? 'success' : 'warning'}>{t(r.reviewedThisYear ? 'documents.overview.reviewedYes' : 'documents.overview.reviewedNo')}</Tag> },
        ]}
      />
    </div>
  );
}
