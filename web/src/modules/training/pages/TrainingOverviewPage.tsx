import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useApiQuery } from '../../../app/useApi';
import { trainingApi, type OverviewRow } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

/** Regulators (issue 13 §5): the enterprises in scope with their training figures, a page at a time, each opening its file. */
export function TrainingOverviewPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useApiQuery(['training', 'overview', page, q], (signal) => trainingApi.supervise({ page, pageSize: 20, q: q || undefined }, signal));
  return (
    <div data-testid="training-overview-page">
      <PageHeader title={t('training.overview.title')} />
      <Typography.Paragraph type="secondary">{t('training.overview.hint')}</Typography.Paragraph>
      <Input.Search allowClear placeholder={t('training.search')} style={{ maxWidth: 320, marginBottom: 12 }} onSearch={(v) => { setQ(v); setPage(1); }} />
      <Table<OverviewRow> rowKey="enterpriseId" size="small" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: true }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('training.col.enterprise'), dataIndex: 'name', render: (n: string, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=training`}>{n}</Link> },
          { title: t('training.col.subdistrict'), dataIndex: 'subdistrictName' },
          { title: t('training.col.industry'), dataIndex: 'industryName' },
          { title: t('training.people'), dataIndex: 'people' },
          { title: t('training.shortfallPeople'), dataIndex: 'shortfallPeople', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          { title: t('training.legalCoverage'), dataIndex: 'legalEducationRate', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: t('training.hoursThisYear'), dataIndex: 'hoursThisYear' },
          { title: t('training.reviewedQuarters'), dataIndex: 'planReviewedQuarters' },
        ]} />
    </div>
  );
}
