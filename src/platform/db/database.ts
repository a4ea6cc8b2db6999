import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
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

export type DatabaseOptions = { databaseUrl: string; dataDir: string; poolSize: number; loadDataDir?: Blob };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize });
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
