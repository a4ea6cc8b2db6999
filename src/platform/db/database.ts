import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { HookedKysely } from './commit-hooks';
import { lockDataDir } from './data-dir-lock';
import type { DB } from './schema';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type Database = {
  db: Db;
  pool: pg.Pool;
  engine: 'embedded' | 'postgres';
  close: () => Promise<void>;
  /** Embedded engine only: a tarball of the data directory (tests start from it instead of re-creating). */
  dump?: () => Promise<Blob>;
};

// Return dates as strings ('YYYY-MM-DD') and bigint counts as numbers where they fit: the API speaks JSON.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

/**
 * Marks a hot statement of fixed shape (the session read, the audit chain's two, a signature's): on PostgreSQL each
 * connection prepares it once under a name and then only binds it, so the server stops parsing and, once its generic
 * plan holds, planning it on every call — most of a short statement's cost. Put last: `.modifyEnd(PREPARED)` on a
 * query builder, `${PREPARED}` at the end of a `sql` template. Harmless elsewhere (a comment; the embedded engine
 * ignores it). Only fixed-shape statements: each distinct text takes one of a connection's few names.
 */
const PREPARED_TEXT = ' /* prepared */';
export const PREPARED = sql.raw(PREPARED_TEXT);
/** Names one connection gives at most: beyond them a marked statement is sent unnamed, as any other. */
const PREPARED_PER_CONNECTION = 100;

/** Sends the statements that end with PREPARED's comment as named, prepared statements on this connection. */
function prepareMarkedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && callback === undefined && Array.isArray(values) && text.endsWith(PREPARED_TEXT)) {
      let name = names.get(text);
      if (name === undefined && names.size < PREPARED_PER_CONNECTION) names.set(text, (name = `sd_${names.size}`));
      if (name !== undefined) return query({ name, text, values });
    }
    return query(text, values, callback);
  };
}

export type DatabaseOptions = { databaseUrl: string; dataDir: string; poolSize: number; loadDataDir?: Blob };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize });
    pool.on('connect', prepareMarkedStatements);
    const db: Db = new HookedKysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, engine: 'postgres', close: once(() => db.destroy()) };
  }
  // The embedded engine is loaded only when used, so a PostgreSQL deployment never pays for it.
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = opts.dataDir.startsWith('memory://');
  const dataDir = inMemory ? opts.dataDir : path.resolve(opts.dataDir, 'pg');
  // D5: one process per data directory, the server and every CLI alike; taken before the engine reads a byte.
  const unlock = inMemory ? () => {} : lockDataDir(opts.dataDir);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // A laptop-sized buffer pool: the default 128 MB shared_buffers would be most of the process's memory.
  const startParams = [...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', 'shared_buffers=32MB'];
  let pglite: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    pglite = await PGlite.create(dataDir, { startParams, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } catch (e) {
    unlock();
    throw e;
  }
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db: Db = new HookedKysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    engine: 'embedded',
    dump: () => pglite.dumpDataDir('none'),
    close: once(async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        unlock();
      }
    }),
  };
}

/** A close that may be called again (a test that closed the database first, then the platform): the later calls wait for the first. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}
