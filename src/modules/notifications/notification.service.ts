import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { listPage } from '../../platform/db/list-query';
import { notFound } from '../../platform/errors';
import { writeAudit } from '../../platform/audit/audit';
import { t, type Locale } from '../../platform/i18n/messages';
import { deadlineLabel, periodLabel } from '../../platform/period-labels';
import { notificationKindName } from '../../platform/outbox';

// Notifications belong to one user: every query is keyed by the caller's id, so nobody reads another's.
export async function unreadCount(db: Db, ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A notification's parameters in the reader's words: a `period` key ("2026-12-01#C") as its label, a `due` instant as
 * a deadline ("12月31日 24:00"); anything else as stored. Older rows stored `due` already formatted: left as is.
 */
export function readableParams(params: Record<string, string | number> | null, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { ...(params ?? {}) };
  if (typeof out.period === 'string') out.period = periodLabel(out.period, locale);
  if (typeof out.due === 'string' && INSTANT.test(out.due)) out.due = deadlineLabel(new Date(out.due), locale);
  return out;
}

export async function listNotifications(db: Db, ctx: Ctx, q: { page: number; pageSize: number; unreadOnly?: boolean }) {
  const actor = requireActor(ctx);
  let query = db.selectFrom('notifications').where('user_id', '=', actor.userId);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  const { items: rows, total } = await listPage(query, {
    select: (qb) => qb.selectAll(),
    sort: { map: { createdAt: 'created_at' }, key: 'createdAt', order: 'desc', tiebreak: [{ by: 'id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
  return {
    // Rendered in the reader's language now, from the keys kept with the notification (older rows keep their text).
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, kindName: notificationKindName(ctx.locale, r.kind),
      title: r.title_key ? t(ctx.locale, r.title_key, readableParams(r.params, ctx.locale)) : r.title,
      body: r.body_key ? t(ctx.locale, r.body_key, readableParams(r.params, ctx.locale)) : r.body,
      link: r.link, createdAt: r.created_at, readAt: r.read_at,
    })),
    total, page: q.page, pageSize: q.pageSize, unreadCount: await unreadCount(db, ctx),
  };
}

export async function markRead(db: Db, ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await tx.updateTable('notifications').set({ read_at: ctx.now }).where('id', '=', id).where('user_id', '=', actor.userId)
      .where('read_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) {
      const exists = await tx.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (!exists) throw notFound();
      return;
    }
    await writeAudit(tx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id });
  });
}

export async function markAllRead(db: Db, ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const rows = await tx.updateTable('notifications').set({ read_at: ctx.now }).where('user_id', '=', actor.userId).where('read_at', 'is', null).returning('id').execute();
    if (rows.length > 0) await writeAudit(tx, ctx, { action: 'notification.read_all', entityType: 'user', entityId: actor.userId, after: { count: rows.length } });
  });
}
