/**
 * `npm run bench -- competence [--duration 10]`: the figures of issue 13, each against the SQL its path performs,
 * measured in the same run (the statements the service sends, captured through Kysely's log hook for the same actor
 * and query, then sent through `pg` — the reads only, without HTTP, session, JSON or the checks between them):
 * a. the training-shortfall list (GET /api/v1/enterprises/:id/training/shortfalls) of the 5,000-employee enterprise
 *    with 3 years of records, as its safety manager, 1 connection: on PostgreSQL (the 10k-enterprise data set of
 *    `npm run seed:scale`, phase 4) and on the embedded engine (a temporary DATA_DIR with the demo data, to which the
 *    same enterprise and its training are added by `seedBigEnterpriseTraining`) — target p95 ≤ 100 ms;
 * b. the regulators' competence view (GET /api/v1/competence-overview) as the district admin on PostgreSQL, after one
 *    call that stores the day's indicators: p95 at 4 connections — target ≤ 100 ms;
 * c. a prefilled self-assessment (GET /api/v1/enterprises/:id/standardisation/:year) of one scale enterprise, as its
 *    safety manager, 1 connection: p50/p95 — target ≤ 300 ms.
 * The server is the built one (e2e/server.ts) with the job runner off. BENCH_COMPETENCE_URL points the PostgreSQL
 * figures at another database holding the same data set (default: the bench database).
 */
import http from 'node:http';
import path from 'node:path';
import type { Kysely, CompiledQuery } from 'kysely';
import { SERVER_COMMAND, startServer, tempDir, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit } from './kit';
import { captureReads, replayReads } from './capture';
import { drive, request, type Load } from './load';
import { MODULES } from '../src/app';
import { BIG_ENTERPRISE_EMPLOYEES, SCALE_COMPETENCE_MARKER, seedBigEnterpriseTraining } from '../src/cli/seed-scale-competence';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/database';
import type { DB } from '../src/platform/db/schema';
import { installModules } from '../src/platform/module';
import { localYear } from '../src/platform/time';
import { competenceQuery } from '../src/modules/management/overview/competence.schema';
import { competenceOverview } from '../src/modules/management/overview/competence.service';
import { getAssessment } from '../src/modules/management/standardisation/standardisation.service';
import { listShortfalls } from '../src/modules/management/training/training.service';

type Session = { cookie: string; csrf: string; token: string };
type Row = { figure: string; engine: string; connections: number; api: Load; raw: Load; statements: number; target: string };

async function session(db: Kysely<DB>, userId: string): Promise<Session> {
  const s = await createSession(db, userId, 3, { ip: '127.0.0.1', userAgent: 'bench/competence', now: new Date() });
  return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken, token: s.token };
}

function getter(agent: http.Agent, base: string, s: Session, url: string): () => Promise<boolean> {
  return async () => {
    const res = await request(agent, new URL(`/api/v1${url}`, base), 'GET', { cookie: s.cookie, accept: 'application/json' });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
    return true;
  };
}

async function firstCall(op: () => Promise<boolean>, what: string): Promise<number> {
  const t0 = performance.now();
  try {
    await op();
  } catch (err) {
    throw new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return performance.now() - t0;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** One GET allowed 20 minutes (the first view of a day computes every enterprise's indicators). */
function longGet(base: string, s: Session, url: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(`/api/v1${url}`, base), { headers: { cookie: s.cookie, accept: 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(true) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.setTimeout(20 * 60_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
  });
}

/** a, embedded: a temporary DATA_DIR (demo data by the first start), the big enterprise added in-process, then timed. */
async function embeddedShortfall(seconds: number): Promise<Row & { buildMs: number; shortfall: unknown }> {
  const data = tempDir('safeduty-bench-cp-');
  const dataDir = path.join(data.dir, 'data');
  const logFile = path.join(data.dir, 'server.log');
  const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000000', JOBS_ENABLED: 'false' };
  let server: RunningServer | undefined = await startServer({ env, logFile });
  try {
    await server.stop();
    server = undefined;
    // The same enterprise (5,000 people, 3 years of training), written by the seeder's own statements.
    const database = await openDatabase({ databaseUrl: '', dataDir, poolSize: 1 });
    let qs: CompiledQuery[];
    let raw: Load;
    let s: Session;
    let enterpriseId: string;
    let buildMs: number;
    try {
      installModules(MODULES);
      const t0 = performance.now();
      const big = await seedBigEnterpriseTraining(database.db, { secret: loadConfig().appSecret, seed: 20260101, year: localYear(new Date()), historyYears: 2, now: new Date() });
      buildMs = performance.now() - t0;
      enterpriseId = big.id;
      await database.pool.query('analyze');
      s = await session(database.db as unknown as Kysely<DB>, big.safetyUserId);
      qs = await captureReads(database.pool, s.token, (db, ctx) => listShortfalls(db, ctx, enterpriseId, { all: 'no' }));
      await drive(1, 2, replayReads(database.pool, qs));
      raw = await drive(1, seconds, replayReads(database.pool, qs));
    } finally {
      await database.close();
    }
    server = await startServer({ env, logFile });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const op = getter(agent, server.url, s, `/enterprises/${enterpriseId}/training/shortfalls`);
    const res = await request(agent, new URL(`/api/v1/enterprises/${enterpriseId}/training/shortfalls`, server.url), 'GET', { cookie: s.cookie, accept: 'application/json' });
    const body = JSON.parse(res.text) as { people: number; shortfallPeople: number };
    await drive(1, 2, op);
    const api = await drive(1, seconds, op);
    agent.destroy();
    return { figure: `a. shortfall list, ${BIG_ENTERPRISE_EMPLOYEES} people`, engine: 'embedded', connections: 1, api, raw, statements: qs.length, target: 'p95 ≤ 100 ms',
      buildMs, shortfall: { people: body.people, short: body.shortfallPeople } };
  } finally {
    await server?.stop();
    data.remove();
  }
}

export async function benchCompetence(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('\n== competence: training shortfalls, the regulators\' competence view, the prefilled self-assessment (issue 13) ==');
  const seconds = kit.seconds;
  const bench = await openBench(kit, { prefix: 'safeduty-bench-cq-', urlEnv: 'BENCH_COMPETENCE_URL', jobs: false, poolMax: 8 });
  const { pool, db, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  const rows: Row[] = [];
  const out: Record<string, unknown> = { serverCommand };
  try {
    if (!(await bench.hasMarker(SCALE_COMPETENCE_MARKER))) await bench.seedScale();
    server = await startServer({ env: serverEnv, logFile });
    const marker = (await pool.query<{ value: { bigEnterpriseId: string; year: number } }>(`select value from app_settings where key = $1`, [SCALE_COMPETENCE_MARKER])).rows[0]!.value;
    const set = (await pool.query<Record<string, number>>(`select (select count(*)::int from enterprises) as enterprises, (select count(*)::int from training_attendance) as attendance,
      (select count(*)::int from certificates) as certificates, (select count(*)::int from ppe_issues) as ppe_issues,
      (select count(*)::int from training_attendance where enterprise_id = $1) as big_attendance`, [marker.bigEnterpriseId])).rows[0]!;
    console.log(`  data set: ${JSON.stringify(set)}`);
    out.dataSet = set;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

    // a. the shortfall list of the 5,000-person enterprise, PostgreSQL.
    const manager = (await pool.query<{ id: string }>(`select u.id from users u join enterprises e on e.id = u.enterprise_id
      where u.enterprise_id = $1 and u.username = 's' || e.credit_code`, [marker.bigEnterpriseId])).rows[0]!;
    const ms1 = await session(db, manager.id);
    const shortUrl = `/enterprises/${marker.bigEnterpriseId}/training/shortfalls`;
    const shortOp = getter(agent, server.url, ms1, shortUrl);
    const first = await firstCall(shortOp, 'shortfalls');
    const shortBody = JSON.parse((await request(agent, new URL(`/api/v1${shortUrl}`, server.url), 'GET', { cookie: ms1.cookie, accept: 'application/json' })).text) as { people: number; shortfallPeople: number };
    console.log(`  a. ${shortBody.people} people, ${shortBody.shortfallPeople} short (first call ${ms(first)})`);
    await drive(1, 2, shortOp);
    const shortApi = await drive(1, seconds, shortOp);
    const shortQs = await captureReads(pool, ms1.token, (d, ctx) => listShortfalls(d, ctx, marker.bigEnterpriseId, { all: 'no' }));
    await drive(1, 2, replayReads(pool, shortQs));
    const shortRaw = await drive(1, seconds, replayReads(pool, shortQs));
    rows.push({ figure: `a. shortfall list, ${shortBody.people} people`, engine: 'postgres', connections: 1, api: shortApi, raw: shortRaw, statements: shortQs.length, target: 'p95 ≤ 100 ms' });
    out.shortfallPeople = { people: shortBody.people, short: shortBody.shortfallPeople };

    // b. the competence view, district admin, 4 connections, after the call that stores the day's indicators.
    const admin = (await pool.query<{ id: string }>(`select id from users where role = 'district_admin' and not disabled order by created_at limit 1`)).rows[0]!;
    const as = await session(db, admin.id);
    const views: Record<string, string>[] = [{}, { sort: 'name', order: 'asc' }, { problem: 'training' }, { problem: 'certificates' }, { page: '3' }];
    const viewUrl = (q: Record<string, string>) => `/competence-overview?${new URLSearchParams(q).toString()}`;
    const warm = await firstCall(() => longGet(server!.url, as, viewUrl({})), 'competence-overview');
    const viewBody = JSON.parse((await request(agent, new URL(`/api/v1${viewUrl({})}`, server.url), 'GET', { cookie: as.cookie, accept: 'application/json' })).text) as { total: number; counts: Record<string, number> };
    console.log(`  b. ${viewBody.total} enterprises in scope, with problems ${JSON.stringify(viewBody.counts)} (warm-up call storing the indicators ${ms(warm)})`);
    let turn = 0;
    const viewOp = async () => getter(agent, server!.url, as, viewUrl(views[turn++ % views.length]!))();
    await drive(4, 2, viewOp);
    const viewApi = await drive(4, seconds, viewOp);
    const viewQs: CompiledQuery[][] = [];
    for (const q of views) viewQs.push(await captureReads(pool, as.token, (d, ctx) => competenceOverview(d, ctx, competenceQuery.parse(q))));
    let rawTurn = 0;
    const viewRawOp = async () => replayReads(pool, viewQs[rawTurn++ % viewQs.length]!)();
    await drive(4, 2, viewRawOp);
    const viewRaw = await drive(4, seconds, viewRawOp);
    rows.push({ figure: `b. competence view, ${viewBody.total} enterprises`, engine: 'postgres', connections: 4, api: viewApi, raw: viewRaw, statements: viewQs[0]!.length, target: 'p95 ≤ 100 ms' });
    out.firstViewMs = warm;

    // c. the prefilled self-assessment of one scale enterprise (the first active one with its safety manager's account).
    const ent = (await pool.query<{ id: string; user_id: string }>(`select e.id, u.id as user_id from enterprises e join users u on u.enterprise_id = e.id and u.username = 's' || e.credit_code
      where e.credit_code like '91______MA%' and e.status = 'active' and e.id <> $1 order by e.credit_code limit 1`, [marker.bigEnterpriseId])).rows[0]!;
    const es = await session(db, ent.user_id);
    const year = localYear(new Date());
    const stdOp = getter(agent, server.url, es, `/enterprises/${ent.id}/standardisation/${year}`);
    const firstStd = await firstCall(stdOp, 'standardisation');
    await drive(1, 2, stdOp);
    const stdApi = await drive(1, seconds, stdOp);
    const stdQs = await captureReads(pool, es.token, (d, ctx) => getAssessment(d, ctx, ent.id, year));
    await drive(1, 2, replayReads(pool, stdQs));
    const stdRaw = await drive(1, seconds, replayReads(pool, stdQs));
    rows.push({ figure: 'c. prefilled self-assessment', engine: 'postgres', connections: 1, api: stdApi, raw: stdRaw, statements: stdQs.length, target: '≤ 300 ms' });
    out.firstAssessmentMs = firstStd;
    agent.destroy();
    await pool.query(`delete from sessions where user_agent = 'bench/competence'`);
    await server.stop();
    server = undefined;

    // a. again on the embedded engine.
    const emb = await embeddedShortfall(seconds);
    console.log(`  a (embedded). built the ${BIG_ENTERPRISE_EMPLOYEES}-person enterprise with its training in ${(emb.buildMs / 1000).toFixed(1)} s; ${JSON.stringify(emb.shortfall)}`);
    rows.push(emb);
    out.embedded = { buildMs: emb.buildMs, shortfall: emb.shortfall };

    console.log('');
    console.log('  figure                                   engine    conn   API p50    API p95    raw p50    raw p95   API÷raw p95  stmts  target');
    for (const r of rows) {
      console.log(`  ${r.figure.padEnd(40)} ${r.engine.padEnd(9)} ${String(r.connections).padStart(4)} ${ms(r.api.p50).padStart(10)} ${ms(r.api.p95).padStart(10)} ` +
        `${ms(r.raw.p50).padStart(10)} ${ms(r.raw.p95).padStart(10)} ${(r.api.p95 / r.raw.p95).toFixed(2).padStart(11)}× ${String(r.statements).padStart(6)}  ${r.target}` +
        (r.api.errors ? `  (${r.api.errors} errors)` : ''));
      const command = `${r.figure} on ${r.engine}, ${r.connections} connection(s), ${seconds} s (npm run bench -- competence; server: ${r.engine === 'postgres' ? serverCommand : `DATA_DIR=<temp> JOBS_ENABLED=false node ${SERVER_COMMAND.join(' ')}`})`;
      kit.report({ name: `${r.figure} p95 (${r.engine}, ${r.connections} conn)`, value: r.api.p95, unit: 'ms', command, target: r.target });
      kit.report({ name: `${r.figure} p50 (${r.engine}, ${r.connections} conn)`, value: r.api.p50, unit: 'ms', command });
      kit.report({ name: `${r.figure} raw SQL p95 (${r.engine}, ${r.statements} statements)`, value: r.raw.p95, unit: 'ms', command: 'the statements the service sends, captured and replayed through pg' });
      kit.report({ name: `${r.figure} API p95 ÷ raw SQL p95 (${r.engine})`, value: r.api.p95 / r.raw.p95, unit: '×', command: 'ratio of the two above' });
    }
    out.rows = rows.map((r) => ({ figure: r.figure, engine: r.engine, connections: r.connections, api: r.api, raw: r.raw, statements: r.statements, target: r.target }));
    return out;
  } finally {
    await server?.stop();
    await bench.close();
  }
}
