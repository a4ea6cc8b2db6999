import { Input, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { trainingApi, type OverviewRow } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

const FILTERS = ['q'] as const;
/** The figures read worst first: the first click on their header sorts descending. */
const WORST_FIRST = ['descend', 'ascend'] as ('descend' | 'ascend')[];

/**
 * Regulators (issue 13 §5): the enterprises in scope with their training figures, a page at a time, each opening its
 * file; the headers of the name and the figures sort (people short, the share short, legal-education coverage, hours).
 */
export function TrainingOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['training', 'overview', list.query], (signal) => trainingApi.supervise(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="training-overview-page">
      <PageHeader title={t('training.overview.title')} />
      <Typography.Paragraph type="secondary">{t('training.overview.hint')}</Typography.Paragraph>
      <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('training.search')} style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(v) => list.setFilters({ q: v.trim() || undefined })} />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" testId="training-overview"
          columns={[
            { key: 'name', title: t('training.col.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=training`}>{r.name}</Link> },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('training.col.subdistrict') },
            { key: 'industry', dataIndex: 'industryName', title: t('training.col.industry') },
            { key: 'people', dataIndex: 'people', title: t('training.people'), align: 'right' },
            { key: 'shortfall', title: t('training.shortfallPeople'), align: 'right', sorter: true, sortDirections: WORST_FIRST, sortOrder: list.sortOrderOf('shortfall'),
              render: (_: unknown, r) => (r.shortfallPeople ? <Typography.Text type="danger">{r.shortfallPeople}</Typography.Text> : 0) },
            { key: 'shortfallRate', title: t('training.col.shortfallRate'), align: 'right', sorter: true, sortDirections: WORST_FIRST, sortOrder: list.sortOrderOf('shortfallRate'),
              render: (_: unknown, r) => (r.people ? `${Math.round((r.shortfallPeople * 1000) / r.people) / 10}%` : '—') },
            { key: 'legalRate', title: t('training.legalCoverage'), align: 'right', sorter: true, sortOrder: list.sortOrderOf('legalRate'),
              render: (_: unknown, r) => (r.legalEducationRate === null ? '—' : `${r.legalEducationRate}%`) },
            { key: 'hours', dataIndex: 'hoursThisYear', title: t('training.hoursThisYear'), align: 'right', sorter: true, sortOrder: list.sortOrderOf('hours') },
            { key: 'reviewed', dataIndex: 'planReviewedQuarters', title: t('training.reviewedQuarters'), align: 'right' },
          ]}
        />
      )}
    </div>
  );
}
