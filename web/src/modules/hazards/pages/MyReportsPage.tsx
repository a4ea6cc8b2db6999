import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Segmented, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { myReportsApi, type MyReport } from '../api/my-reports.api';
import { HazardLevelTag } from '../components/HazardLevelTag';
import { HazardStatusTag } from '../components/HazardStatusTag';

const FILTERS = ['status'] as const;

/**
 * 我上报的 (issue 10): the hazards I reported, to whichever enterprise, and what became of each — for an insurer's
 * risk engineer or a service institution's assessor, who report but do not read the enterprise's ledger.
 */
export function MyReportsPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 20 });
  const status = list.filters.status ?? 'all';
  const query = { page: list.page, pageSize: list.pageSize, ...(status === 'all' ? {} : { status }) };
  const { data, error, loading, reload } = useApiQuery(['hazards', 'reported-by-me', query], (signal) => myReportsApi.list(query, signal));

  return (
    <div data-testid="my-reports-page" style={{ maxWidth: 860 }}>
      <PageHeader
        title={t('nav.myReports')}
        extra={<Link to="/report"><Button type="primary" icon={<PlusOutlined />}>{t('nav.hazardReport')}</Button></Link>}
      />
      <Card>
        <Segmented
          value={status}
          onChange={(v) => list.setFilters({ status: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('hazardTab.all') },
            { value: 'open', label: t('myReports.open') },
            { value: 'closed', label: t('hazardStatus.closed') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="my-reports-filter"
        />
        {error ? <ErrorState error={error} onRetry={reload} /> : loading && !data ? <Skeleton active /> : !data || data.items.length === 0 ? (
          <Empty description={t('myReports.empty')} />
        ) : (
          <>
            <List
              dataSource={data.items}
              rowKey="id"
              pagination={{
                current: list.page, pageSize: list.pageSize, total: data.total, size: 'small', showSizeChanger: false,
                showTotal: (total) => t('common.total', { total }),
                onChange: (page) => list.onTableChange({ current: page, pageSize: list.pageSize }, {}, {}),
              }}
              renderItem={(h: MyReport) => (
                <List.Item data-testid="my-report">
                  <List.Item.Meta
                    title={<Flex gap={8} wrap align="center"><Typography.Text strong>{h.title}</Typography.Text><HazardStatusTag status={h.status} />{h.level === 'major' && <HazardLevelTag level={h.level} />}</Flex>}
                    description={(
                      <Flex vertical gap={2}>
                        <span>{h.enterpriseName} · {h.code}{h.location ? ` · ${h.location}` : ''}</span>
                        <span>{t('myReports.reportedAt', { at: formatDateTime(h.reportedAt) })}</span>
                        {h.deadline && h.status !== 'closed' && h.status !== 'voided' && <span>{t('myReports.deadline', { date: formatDate(h.deadline) })}</span>}
                        {h.closedAt && <span>{t('myReports.closedAt', { at: formatDateTime(h.closedAt) })}</span>}
                        {h.voidReason && <span>{t('myReports.voided', { reason: h.voidReason })}</span>}
                      </Flex>
                    )}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </div>
  );
}
