import type { Ctx } from './auth/actor';
import type { Tx } from './db/database';

/** A listener told of a change inside the transaction that made it; if it throws, the change rolls back. */
export type TxListener<E> = (tx: Tx, ctx: Ctx, event: E) => Promise<void>;

/**
 * How a lower module tells the modules above it of a change without importing them: it owns one of these, exports
 * `on` through its index, and calls `emit` in the transaction that made the change. The listeners run in
 * registration order, in that transaction.
 */
export function txListeners<E>(): { on: (listener: TxListener<E>) => () => void; emit: (tx: Tx, ctx: Ctx, event: E) => Promise<void> } {
  const listeners = new Set<TxListener<E>>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    async emit(tx, ctx, event) {
      for (const listener of listeners) await listener(tx, ctx, event);
    },
  };
}
