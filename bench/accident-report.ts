/**
 * Figure b of `npm run bench -- emergency` (issue 14): a quick report with 3 phone photos of ~300 KB on the embedded
 * engine, 1 connection — target p95 ≤ 300 ms. A temporary DATA_DIR gets the demo data on the server's first start; a
 * worker of a demo enterprise sends POST /api/v1/enterprises/:id/accidents as multipart (the report's JSON and three
 * JPEGs with a phone's Exif and GPS) in a closed loop. The photos are stored pending and re-encoded by the job
 * `attachments.process` (platform/files/deferred.ts): measured once with the job runner off (the request alone) and
 * once with it on (the re-encoding competing for the same process, as in production).
 * Against it, the SQL the path performs, writes included: the statements the service sends, captured through Kysely's
 * log hook while its transactions are rolled back instead of committed, then replayed through `pg` on the same engine
 * (each transaction again rolled back, so every replay inserts the same rows into the same state).
 */
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PostgresDialect, type CompiledQuery, type DatabaseConnection, type Dialect } from 'kysely';
import type pg from 'pg';
import sharp from 'sharp';
import { SERVER_COMMAND, startServer, tempDir, type RunningServer } from '../e2e/server';
import type { BenchKit } from './kit';
import { drive, request, type Load } from './load';
import { MODULES } from '../src/app';
import type { Ctx } from '../src/platform/auth/actor';
import { createSession, loadSession, SESSION_COOKIE } from '../src/platform/auth/session';
import { HookedKysely } from '../src/platform/db/commit-hooks';
import { openDatabase, type Db } from '../src/platform/db/database';
import type { DB } from '../src/platform/db/schema';
import { installModules } from '../src/platform/module';
import { quickReport } from '../src/modules/accidents/reports/accident.service';
import { quickReportInput } from '../src/modules/accidents/reports/accident.schema';

const PHOTOS = 3;
const REPORT = { summary: '二号仓库叉车倒车撞到货架，一人左腿受伤，已送医', place: '二号仓库', minorInjuries: 1 };

/**
 * A phone photo after the web app's shrinking (1600 px, JPEG 0.82): smooth shapes with sensor grain, so it does not
 * compress away, with the Exif a phone writes (GPS included), ~300 KB.
 */
async function phonePhoto(): Promise<Buffer> {
  const [w, h, sw, sh, grain] = [1344, 1008, 160, 120, 12];
  const base = await sharp(randomBytes(sw * sh * 3), { raw: { width: sw, height: sh, channels: 3 } }).resize(w, h, { kernel: 'cubic' }).raw().toBuffer();
  const noise = randomBytes(w * h * 3);
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i]! + (noise[i]! % grain) - grain / 2));
  return sharp(base, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 82 })
    .withExif({ IFD0: { Make: 'Phone', Model: 'Bench' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '25/1 2/1 3/1', GPSLongitudeRef: 'E', GPSLongitude: '102/1 42/1 0/1' } })
    .toBuffer();
}

function multipart(report: object, photos: Buffer[]): { body: Buffer; type: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`)];
  photos.forEach((p, i) => parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), p, Buffer.from('\r\n'),
  ));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** A statement the service sent, with the rows it returned (the ids a later statement names). */
type Sent = { query: CompiledQuery; rows: Record<string, unknown>[] };

/**
 * PostgreSQL's dialect whose transactions roll back where they would commit (the service's writes are seen, not kept),
 * recording every statement sent on its connections — begin and rollback included — with the rows it returned.
 */
function rollingBack(pool: pg.Pool, sent: Sent[]): Dialect {
  const base = new PostgresDialect({ pool });
  return {
    createAdapter: () => base.createAdapter(),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
    createDriver: () => {
      const driver = base.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async () => {
        const conn = await acquire();
        const run = conn.executeQuery.bind(conn);
        const recording: DatabaseConnection = {
          executeQuery: async <R>(q: CompiledQuery) => {
            const res = await run<R>(q);
            sent.push({ query: q, rows: res.rows as Record<string, unknown>[] });
            return res;
          },
          streamQuery: (q, chunk) => conn.streamQuery(q, chunk),
        };
        (recording as unknown as { original: DatabaseConnection }).original = conn;
        return recording;
      };
      const release = driver.releaseConnection.bind(driver);
      driver.releaseConnection = (c) => release((c as unknown as { original: DatabaseConnection }).original);
      driver.commitTransaction = (conn: DatabaseConnection) => driver.rollbackTransaction(conn);
      return driver;
    },
  };
}

/** Every statement the quick report sends (begin and rollback included), its transactions rolled back. */
async function capture(pool: pg.Pool, token: string, enterpriseId: string, photos: Buffer[]): Promise<Sent[]> {
  const list: Sent[] = [];
  const db = new HookedKysely<DB>({ dialect: rollingBack(pool, list) });
  const actor = await loadSession(db, token, new Date());
  if (!actor) throw new Error('no session to capture with');
  list.length = 0;
  const ctx = { actor, ip: '127.0.0.1', requestId: 'bench', locale: 'zh-CN', now: new Date() } as unknown as Ctx;
  const res = await quickReport(db as unknown as Db, ctx, enterpriseId, quickReportInput.parse(REPORT), photos);
  if (res.photosLinked !== PHOTOS) throw new Error(`capture: ${res.photosLinked} photos stored`);
  return list;
}

/**
 * The statements again, on one connection of the pool; a transaction's begin and end are replayed as they were sent.
 * A value a statement returned in the capture (a new row's id) is replaced, in the statements after it, by the value
 * the replayed statement returned. A statement that fails stops the run (its transaction rolled back), reported once.
 */
let replayError: string | null = null;
const replay = (pool: pg.Pool, qs: Sent[]) => async () => {
  const client = await pool.connect();
  const now = new Map<unknown, unknown>();
  try {
    for (const { query, rows } of qs) {
      try {
        const params: unknown[] = query.parameters.map((p: unknown) => (now.has(p) ? now.get(p) : p));
        const res = await client.query<Record<string, unknown>>(query.sql, params);
        rows.forEach((row, i) => {
          const again = res.rows[i];
          for (const [k, v] of Object.entries(row)) if (typeof v === 'string' && again) now.set(v, again[k]);
        });
      } catch (err) {
        replayError ??= `${err instanceof Error ? err.message : String(err)} in: ${query.sql.slice(0, 300)}`;
        await client.query('rollback');
        return false;
      }
    }
  } finally {
    client.release();
  }
  return true;
};

type Row = { figure: string; jobs: boolean; api: Load; pendingAfter: number };
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function benchAccidentReport(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('  b. quick report with 3 photos, embedded engine, 1 connection');
  installModules(MODULES);
  const seconds = kit.seconds;
  const photos = await Promise.all(Array.from({ length: PHOTOS }, () => phonePhoto()));
  console.log(`     photos: ${photos.map((p) => `${Math.round(p.length / 1024)} KB`).join(', ')} (1344×1008 JPEG with Exif/GPS)`);
  const data = tempDir('safeduty-bench-ar-');
  const dataDir = path.join(data.dir, 'data');
  const logFile = path.join(data.dir, 'server.log');
  const baseEnv = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000000' };
  let server: RunningServer | undefined;
  try {
    // The first start loads the demo data; the engine is then opened here (one process at a time holds a data dir).
    // The demo seed takes minutes on a busy two-core machine: more than startServer's default wait.
    server = await startServer({ env: { ...baseEnv, JOBS_ENABLED: 'false' }, logFile, timeoutMs: 15 * 60_000 });
    await server.stop();
    server = undefined;
    const database = await openDatabase({ databaseUrl: '', dataDir, poolSize: 1 });
    let qs: Sent[];
    let raw: Load;
    let session: { cookie: string; csrf: string };
    let enterpriseId: string;
    try {
      const worker = await database.db.selectFrom('users').select(['id', 'enterprise_id', 'username']).where('role', '=', 'employee')
        .where('enterprise_id', 'is not', null).where('disabled', '=', false).orderBy('username').executeTakeFirstOrThrow();
      enterpriseId = worker.enterprise_id!;
      // The demo's accounts are asked to set a password at their first sign-in: this one has.
      await database.db.updateTable('users').set({ must_change_password: false }).where('id', '=', worker.id).execute();
      const s = await createSession(database.db, worker.id, 3, { ip: '127.0.0.1', userAgent: 'bench/accident-report', now: new Date() });
      session = { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
      qs = await capture(database.pool, s.token, enterpriseId, photos);
      console.log(`     worker ${worker.username}; the path sends ${qs.length} statements (${qs.filter((q) => /^\s*(insert|update|delete)/i.test(q.query.sql)).length} writes)`);
      await drive(1, 2, replay(database.pool, qs));
      raw = await drive(1, seconds, replay(database.pool, qs));
      if (replayError) throw new Error(`raw replay: ${replayError}`);
      console.log(`     raw SQL: p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)} (${raw.requests} replays)`);
    } finally {
      await database.close();
    }

    const rows: Row[] = [];
    const form = () => multipart(REPORT, photos);
    for (const jobs of [false, true]) {
      server = await startServer({ env: { ...baseEnv, JOBS_ENABLED: String(jobs), JOBS_POLL_MS: '200' }, logFile });
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const url = new URL(`/api/v1/enterprises/${enterpriseId}/accidents`, server.url);
      const op = async () => {
        const m = form();
        const res = await request(agent, url, 'POST', { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': m.type, 'content-length': String(m.body.length) }, m.body);
        if (res.status !== 201) throw new Error(`quick report: ${res.status} ${res.text.slice(0, 200)}`);
        const body = JSON.parse(res.text) as { photosLinked: number };
        return body.photosLinked === PHOTOS;
      };
      const first = performance.now();
      await op();
      console.log(`     jobs ${jobs ? 'on' : 'off'}: first report ${ms(performance.now() - first)}`);
      await drive(1, 2, op);
      const api = await drive(1, seconds, op);
      agent.destroy();
      await server.stop();
      server = undefined;
      // What the job left pending when the loop stopped (with the runner off: everything sent).
      const db = await openDatabase({ databaseUrl: '', dataDir, poolSize: 1 });
      const pending = await db.db.selectFrom('attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('enterprise_id', '=', enterpriseId).where('state', '=', 'pending').executeTakeFirstOrThrow();
      await db.close();
      rows.push({ figure: `quick report + ${PHOTOS} photos`, jobs, api, pendingAfter: Number(pending.n) });
    }

    console.log('');
    console.log('  figure                          jobs   conn   API p50    API p95    raw p50    raw p95   API÷raw p95  stmts  target');
    const command = `npm run bench -- emergency (BENCH_EMERGENCY_ONLY=b), ${seconds} s; server: DATA_DIR=<temp> JOBS_ENABLED=false|true node ${SERVER_COMMAND.join(' ')}`;
    for (const r of rows) {
      console.log(`  ${r.figure.padEnd(31)} ${(r.jobs ? 'on' : 'off').padEnd(5)} ${'1'.padStart(5)} ${ms(r.api.p50).padStart(10)} ${ms(r.api.p95).padStart(10)} ` +
        `${ms(raw.p50).padStart(10)} ${ms(raw.p95).padStart(10)} ${(r.api.p95 / raw.p95).toFixed(2).padStart(11)}× ${String(qs.length).padStart(6)}  p95 ≤ 300 ms` +
        `  (${r.api.requests} reports${r.api.errors ? `, ${r.api.errors} errors` : ''}; ${r.pendingAfter} photos pending after)`);
      const jobs = r.jobs ? 'job runner on' : 'job runner off';
      kit.report({ name: `b. ${r.figure} p95 (embedded, 1 conn, ${jobs})`, value: r.api.p95, unit: 'ms', command, target: 'p95 ≤ 300 ms' });
      kit.report({ name: `b. ${r.figure} p50 (embedded, 1 conn, ${jobs})`, value: r.api.p50, unit: 'ms', command });
      kit.report({ name: `b. ${r.figure} API p95 ÷ raw SQL p95 (embedded, ${jobs})`, value: r.api.p95 / raw.p95, unit: '×', command: 'ratio to the raw SQL below' });
    }
    kit.report({ name: `b. ${PHOTOS} photos' quick report raw SQL p95 (embedded, ${qs.length} statements)`, value: raw.p95, unit: 'ms',
      command: 'the statements the service sends, writes included, captured with its transactions rolled back and replayed through pg the same way' });
    return {
      photosKb: photos.map((p) => Math.round(p.length / 1024)), statements: qs.length, raw,
      rows: rows.map((r) => ({ figure: r.figure, jobs: r.jobs, api: r.api, pendingAfter: r.pendingAfter, ratioP95: r.api.p95 / raw.p95 })),
    };
  } finally {
    await server?.stop();
    data.remove();
  }
}
