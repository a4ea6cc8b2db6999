import { Kysely, type Transaction, type TransactionBuilder } from 'kysely';

/**
 * Work a transaction does last, just before it commits: the audit rows. Appending to an enterprise's audit chain locks
 * the chain's head until the commit, so a row appended in the middle of a transaction holds that lock while the
 * transaction goes on to wait for others (a signature's unique key, a letter's lock) — and a second transaction that
 * holds those and then appends to the same chain deadlocks with it. Appended last, the head's lock is the last lock a
 * transaction takes, and no cycle can run through it.
 */
type Hooks = Map<string, () => Promise<void>>;
const open = new WeakMap<object, Hooks>();
const committed = new WeakMap<object, Map<string, () => void>>();

/**
 * Runs `last` once per `key` when `tx`'s callback has returned, before the commit (not at all when it throws: the
 * transaction rolls back). Returns false for a transaction not begun by `db.transaction()` of a database opened here
 * (a bench's own Kysely): the caller then does the work at once.
 */
export function beforeCommit(tx: Transaction<never> | object, key: string, last: () => Promise<void>): boolean {
  const hooks = open.get(tx);
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, last);
  return true;
}

/**
 * Runs `then` once per `key` after `tx` has committed (never when it rolls back): a signal that what it wrote can now be
 * read, such as waking the outbox's dispatcher. Returns false when `tx` was not begun here (the caller decides).
 */
export function afterCommit(tx: Transaction<never> | object, key: string, then: () => void): boolean {
  const after = committed.get(tx);
  if (!after) return false;
  if (!after.has(key)) after.set(key, then);
  return true;
}

function withHooks<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const hooked = Object.create(builder) as TransactionBuilder<DB>;
  hooked.execute = async (callback) => {
    const after = new Map<string, () => void>();
    const result = await builder.execute(async (tx) => {
      const hooks: Hooks = new Map();
      open.set(tx, hooks);
      committed.set(tx, after);
      const result = await callback(tx);
      // A hook may add another (none does yet): run until none is left, each once.
      while (hooks.size > 0) {
        const [key, run] = hooks.entries().next().value!;
        await run();
        hooks.delete(key);
      }
      open.delete(tx);
      committed.delete(tx);
      return result;
    });
    // The transaction has committed: a failing signal must not turn it into an error for the caller.
    for (const then of after.values()) {
      try { then(); } catch { /* a signal, not part of the work */ }
    }
    return result;
  };
  hooked.setIsolationLevel = (level) => withHooks(builder.setIsolationLevel(level));
  hooked.setAccessMode = (mode) => withHooks(builder.setAccessMode(mode));
  return hooked;
}

/** Kysely whose transactions run their `beforeCommit` work before committing. */
export class HookedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    return withHooks(super.transaction());
  }
}
