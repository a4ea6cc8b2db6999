import { Col, Input, Row, Select, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { lettersApi, type CommitmentOverviewRow } from '../api/letters.api';

const FILTERS = ['q', 'current'] as const;

/** R-COM-1, for a subdistrict or department: which enterprises in scope have a current commitment signed by their principal. */
export function CommitmentOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['commitments', 'overview', list.query], (signal) => lettersApi.overview(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="commitment-overview-page">
      <PageHeader title={t('commitment.overview.title')} sub={data ? t('commitment.overview.counts', data.counts) : undefined} />
      <Typography.Paragraph type="secondary">{t('commitment.overview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('commitment.overview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={8}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('commitment.overview.all')} value={f.current} onChange={(v?: string) => list.setFilters({ current: v })}
            options={[{ value: 'yes', label: t('commitment.overview.yes') }, { value: 'no', label: t('commitment.overview.no') }]} data-testid="commitment-overview-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<CommitmentOverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('commitment.overview.empty')} filtered={!!(f.q || f.current)} testId="commitment-overview"
          columns={[
            { key: 'name', dataIndex: 'name', title: t('commitment.overview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name') },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('commitment.overview.subdistrict') },
            { key: 'industry', dataIndex: 'industryName', title: t('commitment.overview.industry') },
            {
              key: 'signedAt', title: t('commitment.overview.current'), sorter: true, sortOrder: list.sortOrderOf('signedAt'),
              render: (_: unknown, r) => (r.current
                ? <Tag color={MEANING_TAG.done}>{t('commitment.overview.signed', { year: r.current.year, name: r.current.principalName, date: formatDate(r.current.signedAt) })}</Tag>
                : <Tag color={MEANING_TAG.danger}>{t('commitment.overview.none')}</Tag>),
            },
            { key: 'reported', title: t('commitment.overview.reported'), render: (_: unknown, r) => formatDateTime(r.current?.lastReportedAt ?? null) },
          ]}
        />
      )}
    </div>
  );
}
