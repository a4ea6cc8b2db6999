import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * D25: bulk writes of an import, a few hundred rows per statement, with a turn of the event loop between
 * statements.
 *
 * Why this shape: on the embedded engine every statement runs synchronously inside this process (PGlite is
 * WebAssembly on the main thread) and the pool has one connection. A 1,000-row INSERT chained straight to the next
 * never gives the event loop back, so nothing else — not even /api/health — is served until the whole import has
 * committed. An import stays one transaction (all or nothing: its rows, its audit row and its outbox message commit
 * together, so a crash or an error leaves no half-imported roster), but its statements are short (tens of ms) and
 * the loop turns between them: requests that need no database keep answering throughout, and those that do wait
 * only for the write phase of the transaction (~0.5 s for 5,000 employees), never for the parsing or the
 * validation, which the services do before opening it. Staging tables or chunked transactions with compensation
 * would shorten that wait further at the price of a second, non-atomic path; `bench/embedded-import.ts` shows the
 * wait is well inside the 1 s target, so the simple shape is kept.
 */
export async function insertInChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < rows.length; i += step) {
    if (i > 0) await yieldToLoop();
    await insert(rows.slice(i, i + step));
  }
}

/** Rows per statement for a table of `columns` columns: about 6,000 bound parameters, i.e. a few hundred rows. */
export const chunkRows = (columns: number) => Math.max(1, Math.floor(6_000 / columns));
