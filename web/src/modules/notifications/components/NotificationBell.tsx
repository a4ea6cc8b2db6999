import { useCallback, useEffect, useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { NOTIFICATIONS_CHANGED, notificationsApi } from '../api/notifications.api';
import { NotificationPreview } from './NotificationPreview';

const POLL_MS = 30_000;

/** Unread count, polled every 30 s (skipped while the tab is hidden); click for the latest few. */
export function NotificationBell() {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    notificationsApi.unreadCount().then((r) => setCount(r.count)).catch(() => undefined);
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (!document.hidden) refresh();
    };
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<NotificationPreview onClose={() => setOpen(false)} />}
      title={t('notifications.title')}
    >
      <Tooltip title={t('notifications.title')} open={open ? false : undefined}>
        <Button type="text" data-testid="notification-bell" aria-label={t('notifications.bellLabel', { count })}>
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}
