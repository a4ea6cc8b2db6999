import { afterCommit } from './db/commit-hooks';
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

/**
 * The outbox's topics and their payloads. `notify` is turned into rows of the bell by the dispatcher itself; every other
 * topic is delivered by the handler registered for it (`JobRunner.handleTopic`), e.g. `alert` (src/platform/alerts).
 */
export type OutboxTopics = {
  notify: NotifyPayload;
  /** One alert that leaves the browser (a row of alert_messages), sent through the configured driver. */
  alert: { alertId: string };
};

export type OutboxMessage = { [K in keyof OutboxTopics]: { topic: K; payload: OutboxTopics[K] } }[keyof OutboxTopics];

/** Who wants to know that outbox messages were committed (the runner of this process, to dispatch them at once). */
const writtenListeners = new Set<() => void>();

/** Calls `listener` after each transaction that wrote outbox messages has committed; returns the unsubscribe. */
export function onOutboxWritten(listener: () => void): () => void {
  writtenListeners.add(listener);
  return () => { writtenListeners.delete(listener); };
}

function announceWritten(): void {
  for (const l of writtenListeners) l();
}

export async function enqueueOutbox(tx: Tx, msg: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
  const msgs = Array.isArray(msg) ? msg : [msg as OutboxMessage];
  if (msgs.length === 0) return;
  // One statement for all of them: a notification to every manager costs one round trip, not one each.
  await tx.insertInto('outbox').values(msgs.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) }))).execute();
  // Issue 14: delivered soon after the commit rather than at the runner's next poll. A transaction not begun by the
  // platform's database (a bench's own) announces at once; the dispatcher then finds nothing yet and the poll delivers.
  if (!afterCommit(tx, 'outbox.written', announceWritten)) announceWritten();
}

/**
 * Wake-ups for the people whose bell changed (notifications delivered, read): the live stream of each of their tabs
 * recounts. In-process: a stream hears of the notifications dispatched by its own instance at once, and of another
 * instance's at its next heartbeat (src/modules/notifications/notification.stream.ts).
 */
export class BellSignals {
  private readonly byUser = new Map<string, Set<() => void>>();

  /** Calls `listener` whenever `userId`'s bell may have changed; returns the unsubscribe. */
  subscribe(userId: string, listener: () => void): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  signal(userIds: Iterable<string>): void {
    for (const id of new Set(userIds)) for (const l of this.byUser.get(id) ?? []) l();
  }

  /** How many listeners are open (tests, the stream's per-user cap). */
  listeners(userId?: string): number {
    if (userId !== undefined) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
