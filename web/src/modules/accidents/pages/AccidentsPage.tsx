import { Button, Card, Flex, Segmented, Table } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { accidentsApi, type AccidentSummary } from '../api/accidents.api';
import { AccidentTags } from '../components/AccidentTags';

const FILTERS = ['kind'] as const;

/** The enterprise's accidents and near misses, newest first, with grade and lateness flags. */
export function AccidentsPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 20 });
  const { data, error, loading, reload } = useApiQuery(['accidents', enterpriseId, list.query], (signal) => accidentsApi.list(enterpriseId, list.query, signal));
  return (
    <div data-testid="accidents-page">
      <PageHeader title={t('accidents.title')} extra={
        <>
          <Link to={`/enterprises/${enterpriseId}/accidents/report`}><Button type="primary" danger icon={<AlertOutlined />} data-testid="new-quick-report">{t('accidents.action.newReport')}</Button></Link>
          <Link to={`/enterprises/${enterpriseId}/accident-stats`}><Button>{t('accidents.nav.stats')}</Button></Link>
        </>
      } />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented value={list.filters.kind ?? 'all'} onChange={(v) => list.setFilters({ kind: v === 'all' ? undefined : String(v) })}
            options={[{ value: 'all', label: t('accidents.filter.all') }, { value: 'accident', label: t('accidents.kind.accident') }, { value: 'near_miss', label: t('accidents.kind.near_miss') }]} />
        </Flex>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table<AccidentSummary> rowKey="id" size="middle" loading={loading} dataSource={data?.items ?? []} scroll={{ x: true }}
            pagination={{
              current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, {}),
            }}
            columns={[
              { title: t('accidents.col.occurredAt'), dataIndex: 'occurredAt', width: 160, render: (v: string) => formatDateTime(v) },
              { title: t('accidents.col.summary'), dataIndex: 'summary', render: (v: string, r) => <Link to={`/enterprises/${enterpriseId}/accidents/${r.id}`}>{v}</Link> },
              { title: t('accidents.col.casualties'), key: 'c', width: 130, render: (_: unknown, r) => `${r.deaths} / ${r.seriousInjuries} / ${r.missing}` },
              { title: t('accidents.col.flags'), key: 'f', render: (_: unknown, r) => <AccidentTags a={r} /> },
            ]} />
        )}
      </Card>
    </div>
  );
}
