/**
 * Issue 14, figure c: the regulator's accident statistics (GET /api/v1/accident-stats) as the district admin (district
 * scope) on PostgreSQL, over the 10k-enterprise data set with five years of accidents and near misses
 * (`npm run seed:scale`, phase 5), at 4 connections — target p95 ≤ 100 ms. Each request asks one of the views the page
 * offers (by grade, industry, subdistrict, type, month; all years or one), in turn. In the same run, the statements the
 * service sends for each view (captured through Kysely's log hook for the same actor and query) are replayed through
 * `pg` at the same concurrency — the reads only, without HTTP, session, JSON or presenters — and the API's p95 is
 * reported as a ratio to theirs. The server is the built one (e2e/server.ts) with the job runner off;
 * BENCH_EMERGENCY_URL points it at another database holding the same data set (default: the bench database).
 */
import http from 'node:http';
import type { CompiledQuery } from 'kysely';
import { startServer, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit } from './kit';
import { captureReads } from './capture';
import { drive, request, type Load } from './load';
import { SCALE_EMERGENCY_MARKER } from '../src/cli/seed-scale-emergency';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session';
import { localYear } from '../src/platform/time';
import { statsQuery } from '../src/modules/accidents/reports/accident.schema';
import { accidentStats } from '../src/modules/accidents/reports/accident.service';

type Session = { cookie: string; token: string };

const CONNECTIONS = 4;
const TARGET = 'p95 ≤ 100 ms';

const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function benchEmergencyStats(kit: BenchKit): Promise<Record<string, unknown>> {
  const seconds = kit.seconds;
  const bench = await openBench(kit, { prefix: 'safeduty-bench-es-', urlEnv: 'BENCH_EMERGENCY_URL', jobs: false, poolMax: 8 });
  const { pool, db, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  const out: Record<string, unknown> = { serverCommand };
  try {
    if (!(await bench.hasMarker(SCALE_EMERGENCY_MARKER))) await bench.seedScale();
    const set = (await pool.query<Record<string, number>>(`select (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from accidents where kind = 'accident') as accidents, (select count(*)::int from accidents where kind = 'near_miss') as near_misses,
      (select count(*)::int from accidents where regulators_received_at is not null) as reported, (select count(*)::int from accident_recipients) as recipients`)).rows[0]!;
    console.log(`  c. data set: ${JSON.stringify(set)}`);
    out.dataSet = set;
    server = await startServer({ env: serverEnv, logFile });
    const admin = (await pool.query<{ id: string }>(`select id from users where role = 'district_admin' and not disabled order by created_at limit 1`)).rows[0];
    if (!admin) throw new Error('no district admin on the bench database');
    const s = await createSession(db, admin.id, 3, { ip: '127.0.0.1', userAgent: 'bench/emergency-stats', now: new Date() });
    const session: Session = { cookie: `${SESSION_COOKIE}=${s.token}`, token: s.token };

    // The views of the statistics page: each dimension, over all years and over the last full year.
    const year = localYear(new Date());
    const views: Record<string, string>[] = [];
    for (const by of ['grade', 'industry', 'subdistrict', 'type', 'month']) views.push({ by }, { by, year: String(year - 1) });
    const viewUrl = (q: Record<string, string>) => `/accident-stats?${new URLSearchParams(q).toString()}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
    const get = async (q: Record<string, string>) => {
      const res = await request(agent, new URL(`/api/v1${viewUrl(q)}`, server!.url), 'GET', { cookie: session.cookie, accept: 'application/json' });
      if (res.status !== 200) throw new Error(`${viewUrl(q)}: ${res.status} ${res.text.slice(0, 200)}`);
      return res.text;
    };
    const body = JSON.parse(await get({ by: 'grade' })) as { total: { accidents: number; nearMisses: number; deaths: number } };
    console.log(`  c. district scope, all years: ${JSON.stringify(body.total)}`);
    out.total = body.total;

    let turn = 0;
    const apiOp = async () => {
      await get(views[turn++ % views.length]!);
      return true;
    };
    await drive(CONNECTIONS, 2, apiOp);
    const api = await drive(CONNECTIONS, seconds, apiOp);

    const captured: CompiledQuery[][] = [];
    for (const q of views) captured.push(await captureReads(pool, session.token, (d, ctx) => accidentStats(d, ctx, null, statsQuery.parse(q))));
    let rawTurn = 0;
    const rawOp = async () => {
      for (const q of captured[rawTurn++ % captured.length]!) await pool.query(q.sql, [...q.parameters]);
      return true;
    };
    await drive(CONNECTIONS, 2, rawOp);
    const raw: Load = await drive(CONNECTIONS, seconds, rawOp);
    agent.destroy();
    await pool.query(`delete from sessions where user_agent = 'bench/emergency-stats'`);

    const statements = captured[0]!.length;
    const ratio = api.p95 / raw.p95;
    console.log('');
    console.log('  figure                                   engine    conn   API p50    API p95    raw p50    raw p95   API÷raw p95  stmts  target');
    console.log(`  ${'c. accident statistics, district'.padEnd(40)} ${'postgres'.padEnd(9)} ${String(CONNECTIONS).padStart(4)} ${ms(api.p50).padStart(10)} ${ms(api.p95).padStart(10)} ` +
      `${ms(raw.p50).padStart(10)} ${ms(raw.p95).padStart(10)} ${ratio.toFixed(2).padStart(11)}× ${String(statements).padStart(6)}  ${TARGET}` +
      (api.errors ? `  (${api.errors} errors)` : ''));
    const command = `accident statistics (GET /api/v1/accident-stats, ${views.length} views in turn) as the district admin, ${CONNECTIONS} connections, ${seconds} s ` +
      `(BENCH_EMERGENCY_ONLY=c npm run bench -- emergency; server: ${serverCommand})`;
    kit.report({ name: `accident statistics, district scope p95 (postgres, ${CONNECTIONS} conn)`, value: api.p95, unit: 'ms', command, target: TARGET });
    kit.report({ name: `accident statistics, district scope p50 (postgres, ${CONNECTIONS} conn)`, value: api.p50, unit: 'ms', command });
    kit.report({ name: `accident statistics raw SQL p95 (postgres, ${statements} statements)`, value: raw.p95, unit: 'ms',
      command: 'the statements the service sends, captured and replayed through pg at the same concurrency' });
    kit.report({ name: 'accident statistics API p95 ÷ raw SQL p95 (postgres)', value: ratio, unit: '×', command: 'ratio of the two above' });
    Object.assign(out, { connections: CONNECTIONS, views: views.length, api, raw, statements, ratio, target: TARGET });
    return out;
  } finally {
    await server?.stop();
    await bench.close();
  }
}
