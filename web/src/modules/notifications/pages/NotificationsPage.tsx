import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, Pagination, Segmented, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { announceNotificationsChanged, internalLink, notificationsApi, type Notification } from '../api/notifications.api';

const FILTERS = ['unreadOnly'] as const;

export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const unreadOnly = list.filters.unreadOnly === 'true';
  const query = { page: list.page, pageSize: list.pageSize, unreadOnly: unreadOnly || undefined };
  const { data, error, loading, reload } = useApiQuery(['notifications', 'list', query], (signal) => notificationsApi.list(query, signal));

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    try {
      await notificationsApi.markRead(n.id);
      announceNotificationsChanged();
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const open = async (n: Notification) => {
    await markRead(n);
    const link = internalLink(n.link);
    if (link) navigate(link);
  };

  const readAll = async () => {
    try {
      await notificationsApi.markAllRead();
      announceNotificationsChanged();
      message.success(t('notifications.allRead'));
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div data-testid="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        extra={<Button icon={<CheckOutlined />} onClick={() => void readAll()} data-testid="notifications-read-all">{t('notifications.readAll')}</Button>}
      />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => list.setFilters({ unreadOnly: v === 'unread' ? 'true' : undefined })}
          options={[{ label: t('notifications.all'), value: 'all' }, { label: t('notifications.unread'), value: 'unread' }]}
        />
        {error && <ErrorState error={error} onRetry={reload} />}
        {!error && !loading && data?.items.length === 0 && <Empty description={t('notifications.empty')} />}
        {!error && (
          <div data-testid="notification-list" style={{ opacity: loading ? 0.5 : 1 }}>
            {data?.items.map((n) => (
              <Flex key={n.id} gap={12} align="flex-start" style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
                <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
                <div style={{ flex: 1, minWidth: 0, cursor: 'pointer' }} onClick={() => void open(n)}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <Tag>{n.kindName}</Tag>
                  </Flex>
                  {n.body && <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{n.body}</Typography.Paragraph>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
                </div>
                {!n.readAt && <Button size="small" type="link" onClick={() => void markRead(n)}>{t('notifications.markRead')}</Button>}
              </Flex>
            ))}
          </div>
        )}
        {data && data.total > 0 && (
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={list.page}
            pageSize={list.pageSize}
            total={data.total}
            showSizeChanger={false}
            onChange={(page, pageSize) => list.onTableChange({ current: page, pageSize }, null, [])}
          />
        )}
      </Card>
    </div>
  );
}
