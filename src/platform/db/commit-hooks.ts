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

function withHooks<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const hooked = Object.create(builder) as TransactionBuilder<DB>;
  hooked.execute = (callback) => builder.execute(async (tx) => {
    const hooks: Hooks = new Map();
    open.set(tx, hooks);
    const result = await callback(tx);
    // A hook may add another (none does yet): run until none is left, each once.
    while (hooks.size > 0) {
      const [key, run] = hooks.entries().next().value!;
      await run();
      hooks.delete(key);
    }
    open.delete(tx);
    return result;
  });
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
