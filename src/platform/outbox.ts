import type { Tx } from './db/database';
import { registerMessages, t, type Locale } from './i18n/messages';

/**
 * Kinds of notification, each with a name people read (the tag in the bell and the list): the platform's own here,
 * a module's in its manifest (`notificationKinds`). A kind no one declared (e.g. written by an SQL job) is shown as
 * 通知, never as its code.
 */
export type NotificationKindNames = Record<string, readonly [zhCN: string, enUS: string]>;
const kinds = new Set<string>();

/** Declares kinds of notification with their names in both locales (a module's, through its manifest). */
export function registerNotificationKinds(names: NotificationKindNames): void {
  registerMessages({
    'zh-CN': Object.fromEntries(Object.entries(names).map(([k, v]) => [`notification.kind.${k}`, v[0]])),
    'en-US': Object.fromEntries(Object.entries(names).map(([k, v]) => [`notification.kind.${k}`, v[1]])),
  });
  for (const k of Object.keys(names)) kinds.add(k);
}

registerNotificationKinds({ account: ['账号', 'Account'], system: ['系统', 'System'], other: ['通知', 'Notice'] });

/** The name of a kind in `locale`. */
export function notificationKindName(locale: Locale, kind: string): string {
  return t(locale, kinds.has(kind) ? `notification.kind.${kind}` : 'notification.kind.other');
}


/** A notification for one user, recorded in the business transaction and delivered by the job runner. */
export type NotifyPayload = { userId: string; kind: string; titleKey: string; bodyKey: string; params?: Record<string, string | number>; link?: string | null };

export type OutboxMessage = { topic: 'notify'; payload: NotifyPayload };

export async function enqueueOutbox(tx: Tx, msg: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
  const msgs = Array.isArray(msg) ? msg : [msg as OutboxMessage];
  if (msgs.length === 0) return;
  // One statement for all of them: a notification to every manager costs one round trip, not one each.
  await tx.insertInto('outbox').values(msgs.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) }))).execute();
}
