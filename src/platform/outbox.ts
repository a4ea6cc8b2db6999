import type { Tx } from './db/database';

/** A notification for one user, recorded in the business transaction and delivered by the job runner. */
export type NotifyPayload = { userId: string; kind: string; titleKey: string; bodyKey: string; params?: Record<string, string | number>; link?: string | null };

export type OutboxMessage = { topic: 'notify'; payload: NotifyPayload };

export async function enqueueOutbox(tx: Tx, msg: OutboxMessage): Promise<void> {
  await tx.insertInto('outbox').values({ topic: msg.topic, payload: JSON.stringify(msg.payload) }).execute();
}
