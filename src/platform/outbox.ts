import type { Tx } from './db/database';

/** A notification for one user, recorded in the business transaction and delivered by the job runner. */
export type NotifyPayload = { userId: string; kind: string; titleKey: string; bodyKey: string; params?: Record<string, string | number>; link?: string | null };

export type OutboxMessage = { topic: 'notify'; payload: NotifyPayload };

export async function enqueueOutbox(tx: Tx, msg: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
  const msgs = Array.isArray(msg) ? msg : [msg as OutboxMessage];
  if (msgs.length === 0) return;
  // One statement for all of them: a notification to every manager costs one round trip, not one each.
  await tx.insertInto('outbox').values(msgs.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) }))).execute();
}
