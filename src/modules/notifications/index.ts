import type { ModuleManifest } from '../../platform/module';
import { notificationRoutes } from './notification.routes';

/** The bell: notifications dispatched from the outbox. */
export const notificationsModule: ModuleManifest = { name: 'notifications', routes: [notificationRoutes], auditEntities: ['notification'] };
