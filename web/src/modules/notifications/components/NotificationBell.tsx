import { useEffect, useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { unreadFeed } from '../api/unread-feed';
import { NotificationPreview } from './NotificationPreview';

/**
 * Unread count, pushed by the server as it changes (the tab's one stream; the 30 s poll while the stream is down);
 * click for the latest few. The exact count is on `data-count` (the badge shows 99+).
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => unreadFeed.subscribe(setCount), []);

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
        <Button type="text" data-testid="notification-bell" data-count={count} aria-label={t('notifications.bellLabel', { count })}>
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}
