import { ExportOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Pagination, Skeleton, Tabs, Tag } from 'antd';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import type { Query } from '../../../app/api';
import { checksApi } from '../api/checks.api';
import { CheckTaskCard } from '../components/CheckTaskCard';
import { useExport } from '../../../app/components/useExport';

const TABS = ['mine', 'open', 'done', 'missed'] as const;
/** What an empty tab will show, and when. */
const EMPTY: Record<string, MessageKey> = { mine: 'check.noTasksMine', open: 'check.noTasksOpen', done: 'check.noTasksDone', missed: 'check.noTasksMissed' };

function tabQuery(tab: string): Query {
  switch (tab) {
    case 'open': return { status: 'open' };
    case 'done': return { status: 'done' };
    case 'missed': return { status: 'missed' };
    default: return { mine: 'true', status: 'open' };
  }
}

/**
 * "我的检查任务": what is due now at my post or for me; the other tabs show the enterprise's open, done and missed tasks.
 * The export carries the open tab's whole list, every page.
 */
export function CheckTasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const { exporting, start } = useExport();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const list = useListState({ sync: 'url', filterKeys: ['tab', 'date', 'since'], defaultPageSize: 20 });
  const tab = list.filters.tab ?? 'mine';
  // The workbench opens "today's tasks" and "missed this month" with a date; a tag shows it and clears it.
  const { date, since } = list.filters;
  const query: Query = { ...tabQuery(tab), ...(date ? { date } : {}), ...(since ? { since } : {}) };
  const { data, error, loading, reload } = useApiQuery(
    ['check-tasks', enterpriseId, 'list', query, list.page, list.pageSize],
    (signal) => checksApi.tasks(enterpriseId, { page: list.page, pageSize: list.pageSize, ...query }, signal),
    !!enterpriseId,
  );

  const doExport = () => {
    return start((onProgress) => {
      return checksApi.exportTasks(enterpriseId, query, t('check.exportFile'), onProgress);
    });
  };

  return (
    <div data-testid="check-tasks-page" style={{ maxWidth: 860 }}>
      <PageHeader
        title={t('check.myTasks')}
        sub={me.scope.name}
        extra={enterpriseId && (
          <Button icon={<ExportOutlined />} loading={exporting} disabled={!data?.total} onClick={() => void doExport()} data-testid="check-task-export">
            {t('hazard.export')}
          </Button>
        )}
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => list.setFilters({ tab: key === 'mine' ? undefined : key })}
          items={TABS.map((k) => ({
            key: k,
            label: (
              <span data-testid={`check-tab-${k}`}>
                {t(`checkTab.${k}`)}
                {k === 'missed' && !!data?.counts.missed && tab !== 'missed' && <Badge count={data.counts.missed} size="small" style={{ marginLeft: 4 }} />}
              </span>
            ),
          }))}
        />
        {(date || since) && (
          <Flex gap={8} style={{ marginBottom: 8 }}>
            {date && <Tag closable onClose={() => list.setFilters({ date: undefined })} data-testid="check-filter-date">{t('check.filterDate', { date })}</Tag>}
            {since && <Tag closable onClose={() => list.setFilters({ since: undefined })} data-testid="check-filter-since">{t('check.filterSince', { date: since })}</Tag>}
          </Flex>
        )}
        {error ? <ErrorState error={error} onRetry={reload} /> : loading && !data ? <Skeleton active /> : !data || data.items.length === 0 ? (
          <Empty description={t(EMPTY[tab] ?? 'check.noTasksOpen')} />
        ) : (
          <Flex vertical gap={8} data-testid="check-task-list">
            {data.items.map((task) => <CheckTaskCard key={task.id} enterpriseId={enterpriseId} task={task} />)}
            {data.total > list.pageSize && (
              <Flex justify="center">
                <Pagination simple current={list.page} pageSize={list.pageSize} total={data.total} onChange={(page) => list.onTableChange({ current: page, pageSize: list.pageSize }, {}, {})} />
              </Flex>
            )}
          </Flex>
        )}
      </Card>
    </div>
  );
}
