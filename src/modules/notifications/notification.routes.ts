import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { idParams, okResponse, pageOf, pageQuery } from '../../platform/http/route';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification.service';

const item = z.object({ id: z.string(), kind: z.string(), kindName: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.date(), readAt: z.date().nullable() });

export const notificationRoutes: RouteModule = (app, { db }) => {
  app.get('/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'],
      querystring: z.object({ ...pageQuery, unreadOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
      response: { 200: pageOf(item).extend({ unreadCount: z.number() }) },
    },
  }, async (req) => listNotifications(db, req.ctx, req.query));
  app.get('/notifications/unread-count', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], response: { 200: z.object({ count: z.number() }) } },
  }, async (req) => ({ count: await unreadCount(db, req.ctx) }));
  app.post('/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await markRead(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], response: { 200: okResponse } },
  }, async (req) => {
    await markAllRead(db, req.ctx);
    return { ok: true as const };
  });
};
