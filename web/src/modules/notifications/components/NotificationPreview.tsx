import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { announceNotificationsChanged, internalLink, notificationsApi, type Notification } from '../api/notifications.api';

const PREVIEW = { page: 1, pageSize: 5, unreadOnly: true };

/** The bell's popover: the five newest unread notifications. */
export function NotificationPreview({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, loading } = useApiQuery(['notifications', 'list', PREVIEW], (signal) => notificationsApi.list(PREVIEW, signal));

  const openOne = async (n: Notification) => {
    await notificationsApi.markRead(n.id).catch(() => undefined);
    announceNotificationsChanged();
    onClose();
    navigate(internalLink(n.link) ?? '/notifications');
  };

  const readAll = async () => {
    await notificationsApi.markAllRead().catch(() => undefined);
    announceNotificationsChanged();
    onClose();
  };

  return (
    <div style={{ width: 300, maxWidth: 'calc(100vw - 48px)' }} data-testid="notification-preview">
      {loading && <Flex justify="center" style={{ padding: 16 }}><Spin /></Flex>}
      {!loading && (data?.items.length ?? 0) === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.noneUnread')} />}
      {!loading && data?.items.map((n) => (
        <div
          key={n.id}
          role="button"
          tabIndex={0}
          onClick={() => void openOne(n)}
          onKeyDown={(e) => { if (e.key === 'Enter') void openOne(n); }}
          style={{ padding: '8px 4px', cursor: 'pointer', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <Typography.Text strong ellipsis style={{ display: 'block' }}>{n.title}</Typography.Text>
          {n.body && <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>{n.body}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
        </div>
      ))}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button size="small" type="link" onClick={() => void readAll()} disabled={!data || data.items.length === 0}>{t('notifications.readAll')}</Button>
        <Button size="small" type="link" onClick={() => { onClose(); navigate('/notifications'); }}>{t('notifications.viewAll')}</Button>
      </Flex>
    </div>
  );
}
