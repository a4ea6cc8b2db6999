import type { ModuleManifest } from '../../platform/module';
import { notificationRoutes } from './notification.routes';

/** The bell: notifications dispatched from the outbox. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications', routes: [notificationRoutes],
  auditEntities: { notification: ['通知', 'Notification'] },
  auditActions: { 'notification.read': ['阅读通知', 'Notification read'], 'notification.read_all': ['全部通知标为已读', 'All notifications marked read'] },
};
