import { Badge, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { accidentsApi, type InboxItem } from '../api/accidents.api';
import { AccidentTags } from '../components/AccidentTags';
import { DutyPhones } from '../components/DutyPhones';

const FILTERS = ['unread'] as const;
/** The inbox looks again every few seconds: an accident must not wait for someone to press refresh. */
const POLL_MS = 5000;

/** 事故接报: the accidents received by the officer's department or subdistrict (the district admin: all), with flags. */
export function AccidentInboxPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 20 });
  const { data, error, loading, reload } = useApiQuery(['accidents', 'inbox', 'list', list.query], (signal) => accidentsApi.inbox(list.query, signal));
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <div data-testid="accident-inbox-page">
      <PageHeader title={<Badge count={data?.unread ?? 0} offset={[12, 0]}>{t('accidents.nav.inbox')}</Badge>} sub={t('accidents.inbox.hint')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented value={list.filters.unread === 'true' ? 'unread' : 'all'} onChange={(v) => list.setFilters({ unread: v === 'unread' ? 'true' : undefined })}
            options={[{ value: 'all', label: t('accidents.filter.all') }, { value: 'unread', label: t('accidents.filter.unread') }]} />
        </Flex>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table<InboxItem> rowKey="id" size="middle" loading={loading && !data} dataSource={data?.items ?? []} scroll={{ x: true }}
            pagination={{
              current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, {}),
            }}
            columns={[
              { title: t('accidents.col.received'), dataIndex: 'regulatorsReceivedAt', width: 160, render: (v: string | null) => formatDateTime(v) },
              { title: t('accidents.col.enterprise'), key: 'e', render: (_: unknown, r) => <><div>{r.enterpriseName}</div><Typography.Text type="secondary">{r.subdistrictName} · {r.industryName}</Typography.Text></> },
              { title: t('accidents.col.summary'), dataIndex: 'summary', render: (v: string, r) => <Link to={`/accident-inbox/${r.id}`} style={{ fontWeight: r.readAt ? undefined : 600 }}>{v}</Link> },
              { title: t('accidents.col.casualties'), key: 'c', width: 130, render: (_: unknown, r) => `${r.deaths} / ${r.seriousInjuries} / ${r.missing}` },
              { title: t('accidents.col.flags'), key: 'f', render: (_: unknown, r) => <AccidentTags a={r} unread={!r.readAt} /> },
            ]} />
        )}
      </Card>
      <DutyPhones />
    </div>
  );
}
