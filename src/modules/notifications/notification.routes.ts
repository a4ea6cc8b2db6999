import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { idParams, okResponse, pageOf, pageQuery } from '../../platform/http/route';
import { requireActor } from '../../platform/auth/actor';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification.service';
import { BellStreams } from './notification.stream';

const item = z.object({ id: z.string(), kind: z.string(), kindName: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.date(), readAt: z.date().nullable() });

export const notificationRoutes: RouteModule = (app, { db, jobs, now }) => {
  const streams = new BellStreams(db, jobs.bells, now);
  // Open streams never end by themselves: they are ended before the server waits for its connections to close.
  app.addHook('preClose', async () => { streams.endAll(); });
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
  app.get('/notifications/stream', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'],
      description: '未读数的实时推送。请求头 Accept: text/event-stream 时为 SSE 流：打开时及每次变化时发送 `event: count`，数据同下；'
        + '每 25 秒一次心跳。其他请求（或同一用户已开流过多时）只返回一次当前未读数。',
      response: { 200: z.object({ count: z.number() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx);
    const count = await unreadCount(db, req.ctx);
    if (!BellStreams.wanted(req) || !streams.admits(actor.userId)) return { count };
    streams.serve(req, reply, actor, count);
    return reply;
  });
  app.post('/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await markRead(db, req.ctx, req.params.id);
    // The person's other tabs recount.
    jobs.bells.signal([requireActor(req.ctx).userId]);
    return { ok: true as const };
  });
  app.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], response: { 200: okResponse } },
  }, async (req) => {
    await markAllRead(db, req.ctx);
    jobs.bells.signal([requireActor(req.ctx).userId]);
    return { ok: true as const };
  });
};
