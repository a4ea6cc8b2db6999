/**
 * What the parts of `npm run bench` share: the kit run.ts hands each part, and the set-up of a part on PostgreSQL —
 * the database (the bench database, or the one a BENCH_…_URL variable names), a temporary folder for the server's
 * log, the server's environment and the command printed with the figures, the part's pools, the data set's markers
 * and the one way to load the data set.
 */
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SERVER_COMMAND, tempDir } from '../e2e/server';
import { MODULES } from '../src/app';
import type { DB } from '../src/platform/db/schema';
import { installModules } from '../src/platform/module';

export type Figure = { name: string; value: number; unit: string; command: string; target?: string };
export type BenchKit = {
  connections: number;
  seconds: number;
  benchUrl: string;
  scaleEnterprises: number;
  report: (f: Figure) => void;
  ensureBenchDatabase: () => Promise<void>;
  hasScaleData: () => Promise<boolean>;
  runNode: (args: string[], env: Record<string, string>) => Promise<number>;
};

export type BenchOptions = {
  /** The temporary folder's name prefix (`safeduty-bench-xx-`). */
  prefix: string;
  /** The variable that points the part at another database holding the same data set; without it, the bench database. */
  urlEnv?: string;
  /** The server's job runner (JOBS_ENABLED, printed in its command); left to the server's default when not given. */
  jobs?: boolean;
  /** More of the server's environment, not printed in its command (LOG_LEVEL). */
  env?: Record<string, string>;
  /** The size of the part's pool. */
  poolMax: number;
  /** A limit on every statement of the part's pools (`-c statement_timeout=…`), none when not given. */
  statementTimeout?: string;
};

export type Bench = {
  url: string;
  data: { dir: string; remove: () => void };
  logFile: string;
  serverEnv: Record<string, string>;
  serverCommand: string;
  pool: pg.Pool;
  db: Kysely<DB>;
  /** Another pool on the same database (same statement limit) with its Kysely, closed with the rest. */
  morePool: (max: number) => { pool: pg.Pool; db: Kysely<DB> };
  /** Whether the database has the app_settings marker `key` (false before its first migration). */
  hasMarker: (key: string) => Promise<boolean>;
  /** `npm run seed:scale` on the part's database, announced as loading `what` once; throws when it fails. */
  seedScale: (what?: string) => Promise<void>;
  /** Ends the pools and removes the temporary folder; the caller stops its server first. */
  close: () => Promise<void>;
};

/** The set-up of a part on PostgreSQL; the part closes it in its `finally`, after stopping its server. */
export async function openBench(kit: BenchKit, o: BenchOptions): Promise<Bench> {
  const url = (o.urlEnv ? process.env[o.urlEnv] : undefined) ?? kit.benchUrl;
  if (url === kit.benchUrl) await kit.ensureBenchDatabase();
  // The parts call services in-process (captured statements, sessions): the modules' definitions and rule-sets.
  installModules(MODULES);
  const data = tempDir(o.prefix);
  const logFile = path.join(data.dir, 'server.log');
  // The API's own per-IP limit would turn a load test into a test of 429s.
  const jobs: Record<string, string> = o.jobs === undefined ? {} : { JOBS_ENABLED: String(o.jobs) };
  const serverEnv: Record<string, string> = { DATABASE_URL: url, SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000000000', ...jobs, ...o.env };
  const serverCommand = `DATABASE_URL=${url} RATE_LIMIT_PER_MINUTE=1000000000 ${o.jobs === undefined ? '' : `JOBS_ENABLED=${o.jobs} `}node ${SERVER_COMMAND.join(' ')}`;
  const opened: { pool: pg.Pool; db: Kysely<DB> }[] = [];
  const morePool = (max: number) => {
    const pool = new pg.Pool({ connectionString: url, max, ...(o.statementTimeout ? { options: `-c statement_timeout=${o.statementTimeout}` } : {}) });
    const made = { pool, db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }) };
    opened.push(made);
    return made;
  };
  const { pool, db } = morePool(o.poolMax);
  const hasMarker = async (key: string) => {
    if (!(await pool.query(`select to_regclass('app_settings') is not null as ok`)).rows[0]?.ok) return false;
    return ((await pool.query('select 1 from app_settings where key = $1', [key])).rowCount ?? 0) > 0;
  };
  const seedScale = async (what = 'the data set') => {
    console.log(`  loading ${what} (once): DATABASE_URL=${url} npm run seed:scale -- --enterprises ${kit.scaleEnterprises}`);
    if (await kit.runNode(['--import', 'tsx', 'src/cli/seed-scale.ts', '--enterprises', String(kit.scaleEnterprises)], { DATABASE_URL: url }) !== 0) throw new Error('seed:scale failed');
  };
  const close = async () => {
    // The pools are ended here rather than through their Kysely (which ends its pool only once it has run a
    // statement); a figure that destroyed a Kysely of its own over one has ended it already.
    for (const x of opened) if (!x.pool.ending) await x.pool.end();
    data.remove();
  };
  return { url, data, logFile, serverEnv, serverCommand, pool, db, morePool, hasMarker, seedScale, close };
}
