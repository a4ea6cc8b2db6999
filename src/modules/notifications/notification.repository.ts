import type { Actor } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';
import { listPage } from '../../platform/db/list-query';

/*
 * Notifications belong to one user: every statement is keyed by the recipient's id, so nobody reads or marks
 * another's. The caller passes themselves (their scope and id); the outbox's dispatcher writes them.
 */

/** The caller reading their own notifications. */
export type Recipient = Pick<Actor, 'scope' | 'userId'>;

export async function countUnread(db: Executor, who: Recipient): Promise<number> {
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', who.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of the caller's notifications, newest first, and the total. */
export async function listNotificationRows(db: Executor, who: Recipient, q: { page: number; pageSize: number; unreadOnly?: boolean }) {
  let query = db.selectFrom('notifications').where('user_id', '=', who.userId);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  return listPage(query, {
    select: (qb) => qb.selectAll(),
    sort: { map: { createdAt: 'created_at' }, key: 'createdAt', order: 'desc', tiebreak: [{ by: 'id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/** Marks one unread notification of the caller read; false when there is no such unread one. */
export async function markNotificationRead(tx: Tx, who: Recipient, id: string, now: Date): Promise<boolean> {
  const r = await tx.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', who.userId)
    .where('read_at', 'is', null).returning('id').executeTakeFirst();
  return !!r;
}

export async function notificationExists(db: Executor, who: Recipient, id: string): Promise<boolean> {
  const r = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', who.userId).executeTakeFirst();
  return !!r;
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(tx: Tx, who: Recipient, now: Date): Promise<number> {
  const rows = await tx.updateTable('notifications').set({ read_at: now }).where('user_id', '=', who.userId).where('read_at', 'is', null).returning('id').execute();
  return rows.length;
}
