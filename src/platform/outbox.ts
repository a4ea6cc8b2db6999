import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterCommit } from './db/commit-hooks';
import type { Db, Executor, Tx } from './db/database';
import { ChannelListener, NOTIFY_MAX_BYTES, notifyChannel } from './db/listen';
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

/** The PostgreSQL channel on which instances tell each other whose bell changed (README "Notifications"). */
export const BELL_CHANNEL = 'safeduty_bell';

type BellNews = { from: string; users: string[] };

/**
 * The payloads that tell the other instances of `userIds`: as few as fit, each under PostgreSQL's limit, tagged with
 * the sending process so that it skips its own.
 */
export function bellPayloads(from: string, userIds: Iterable<string>): string[] {
  const payloads: string[] = [];
  const head = Buffer.byteLength(JSON.stringify({ from, users: [] }));
  let users: string[] = [];
  let size = head;
  for (const id of new Set(userIds)) {
    // The id's JSON string and its comma.
    const cost = Buffer.byteLength(JSON.stringify(id)) + 1;
    if (users.length > 0 && size + cost > NOTIFY_MAX_BYTES) {
      payloads.push(JSON.stringify({ from, users } satisfies BellNews));
      users = [];
      size = head;
    }
    users.push(id);
    size += cost;
  }
  if (users.length > 0) payloads.push(JSON.stringify({ from, users } satisfies BellNews));
  return payloads;
}

/** A payload of the bell's channel, or null for one this code did not write (another program may use the channel). */
export function readBellPayload(payload: string): BellNews | null {
  try {
    const v = JSON.parse(payload) as Partial<BellNews> | null;
    if (typeof v?.from !== 'string' || !Array.isArray(v.users) || !v.users.every((u) => typeof u === 'string')) return null;
    return { from: v.from, users: v.users };
  } catch {
    return null;
  }
}

type Logger = { info: (o: object, m?: string) => void; warn: (o: object, m?: string) => void; error: (o: object, m?: string) => void };

/**
 * Wake-ups for the people whose bell changed (notifications delivered, read): the live stream of each of their tabs
 * recounts (src/modules/notifications/notification.stream.ts). Within the process directly; on PostgreSQL, once
 * `acrossInstances` has connected it, also through NOTIFY on BELL_CHANNEL, which every instance LISTENs to, so a
 * notification dispatched by one instance reaches the streams held by another within moments (issue 14).
 */
export class BellSignals {
  private readonly byUser = new Map<string, Set<() => void>>();
  /** Tags this process's NOTIFYs: its own come back to it, and it has already woken its streams. */
  readonly origin = randomUUID();
  private relay: { db: Db; log: Logger } | null = null;

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

  /**
   * The bells of `userIds` changed and the change is committed (notifications read): this process's streams recount,
   * and the other instances are told. Not for use inside a transaction: that is `announce` (then `wake` after commit).
   */
  signal(userIds: Iterable<string>): void {
    const ids = [...new Set(userIds)];
    this.wake(ids);
    const relay = this.relay;
    if (!relay || ids.length === 0) return;
    // The change is already committed: a lost NOTIFY costs the other instances' streams a wait until their heartbeat.
    void this.publish(relay.db, ids).catch((err: unknown) => relay.log.error({ err }, 'bell: notify failed'));
  }

  /**
   * Tells the other instances of the bells `tx` changes, delivered when it commits (nothing if it rolls back). The
   * caller wakes this process's streams itself once it has committed (`wake`). Nothing to do on the embedded engine.
   */
  async announce(tx: Tx, userIds: Iterable<string>): Promise<void> {
    if (this.relay) await this.publish(tx, userIds);
  }

  private async publish(exec: Executor, userIds: Iterable<string>): Promise<void> {
    for (const payload of bellPayloads(this.origin, userIds)) await notifyChannel(exec, BELL_CHANNEL, payload);
  }

  /** Wakes this process's streams of `userIds` only. */
  wake(userIds: Iterable<string>): void {
    for (const id of new Set(userIds)) for (const l of this.byUser.get(id) ?? []) l();
  }

  /** Wakes every stream of this process (news may have been missed while the listener was reconnecting). */
  wakeAll(): void {
    for (const set of [...this.byUser.values()]) for (const l of [...set]) l();
  }

  /** What another instance said on BELL_CHANNEL: wakes the streams it names. Its own and foreign payloads are skipped. */
  receive(payload: string): void {
    const news = readBellPayload(payload);
    if (news && news.from !== this.origin) this.wake(news.users);
  }

  /**
   * On PostgreSQL: from now on every change is also NOTIFYed to the other instances, and theirs are heard through a
   * connection of its own that LISTENs to BELL_CHANNEL (reconnected when it drops). Resolves once it listens (or its
   * first attempt failed and is retried in the background); the returned function closes it.
   */
  async acrossInstances(db: Db, connection: pg.ClientConfig, log: Logger): Promise<() => Promise<void>> {
    const listener = new ChannelListener({
      connection, channel: BELL_CHANNEL, log,
      onMessage: (payload) => this.receive(payload),
      onReconnect: () => this.wakeAll(),
    });
    this.relay = { db, log };
    await listener.start();
    return async () => {
      this.relay = null;
      await listener.close();
    };
  }

  /** How many listeners are open (tests, the stream's per-user cap). */
  listeners(userId?: string): number {
    if (userId !== undefined) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
