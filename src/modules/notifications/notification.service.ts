import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { writeAudit } from '../../platform/audit/audit';
import { t, type Locale } from '../../platform/i18n/messages';
import { deadlineLabel, periodLabel } from '../../platform/period-labels';
import { notificationKindName } from '../../platform/outbox';
import { countUnread, listNotificationRows, markAllNotificationsRead, markNotificationRead, notificationExists } from './notification.repository';

// Notifications belong to one user: every query is keyed by the caller's id, so nobody reads another's.
export async function unreadCount(db: Db, ctx: Ctx): Promise<number> {
  return countUnread(db, requireActor(ctx));
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
  const { items: rows, total } = await listNotificationRows(db, actor, q);
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
    if (!(await markNotificationRead(tx, actor, id, ctx.now))) {
      if (!(await notificationExists(tx, actor, id))) throw notFound();
      return;
    }
    await writeAudit(tx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id });
  });
}

export async function markAllRead(db: Db, ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const count = await markAllNotificationsRead(tx, actor, ctx.now);
    if (count > 0) await writeAudit(tx, ctx, { action: 'notification.read_all', entityType: 'user', entityId: actor.userId, after: { count } });
  });
}
