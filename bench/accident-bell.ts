/**
 * Issue 14, figure a: from a quick report's submission to the regulator's bell changing in the browser, p95 over 200
 * reports ≤ 5 s, measured while hazard submissions run at half their sustained rate.
 *
 * The server runs on PostgreSQL (the bench database with the 10k-enterprise data set) with its job runner ON, as in
 * production. Real Chromium shows the home page signed in as the district emergency bureau's officer (yjj); a
 * MutationObserver on the bell's exact count (`data-count`) reports each change with its time. The demo plant's
 * worker files a quick report and its principal reports it up at once (R-ACC-2: the regulators' bell changes when the
 * unit reports to them); each report is timed from the quick report's send to the bell showing one more. Meanwhile
 * N safety managers of scale enterprises submit hazards at half the rate measured for them a moment before (closed
 * loop, N connections). The raw SQL of the notification's insert and the unread count's read is timed beside it.
 *
 * Load goes to loopback only; every loop is bounded by a deadline and a count.
 */
import http from 'node:http';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { startServer, type RunningServer } from '../e2e/server';
import { drive, percentile, request } from './load';
import { openBench, type BenchKit } from './kit';
import { hashPassword } from '../src/platform/auth/password';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session';
import type { DB } from '../src/platform/db/schema';

const REPORTS = Number(process.env.BENCH_BELL_REPORTS ?? 200);
/** One quick report every this many milliseconds. */
const SPACING_MS = Number(process.env.BENCH_BELL_SPACING_MS ?? 1000);
/** How long the last report may take to reach the bell before it counts as lost. */
const SETTLE_MS = 30_000;
const PASSWORD = 'Demo@Guandu2026';
const BENCH_PASSWORD = 'Benchbell2026';

type Session = { cookie: string; csrf: string };

async function login(baseUrl: string, username: string, password: string): Promise<Session & { me: { id: string; scope: { enterpriseId: string | null } } }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
  if (!cookie) throw new Error('login returned no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  const me = (await (await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { id: string; scope: { enterpriseId: string | null } };
  return { cookie, csrf: body.csrfToken, me };
}

type Reporter = { enterpriseId: string; session: Session };

/** A safety manager with a session for each of `n` scale enterprises, written directly (as bench/hazards.ts does). */
async function hazardReporters(pool: pg.Pool, n: number): Promise<{ team: Reporter[]; userIds: string[] }> {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const ents = (await pool.query<{ id: string }>(`select e.id from enterprises e where e.status = 'active' and e.credit_code like '91______MA%'
    order by e.credit_code asc limit $1`, [n])).rows;
  if (ents.length < n) throw new Error(`only ${ents.length} scale enterprises for ${n} reporters (npm run seed:scale)`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const team: Reporter[] = [];
  const userIds: string[] = [];
  for (const [i, e] of ents.entries()) {
    const username = `benchbell${String(i + 1).padStart(2, '0')}`;
    await pool.query(`insert into users (username, display_name, password_hash, role, enterprise_id, must_change_password)
      values ($1, $2, $3, 'safety_manager', $4, false) on conflict (username) do nothing`, [username, `铃声基准安全员${i + 1}`, passwordHash, e.id]);
    const user = (await pool.query<{ id: string; enterprise_id: string }>('select id, enterprise_id from users where username = $1', [username])).rows[0]!;
    const { token, csrfToken } = await createSession(db, user.id, 2, { ip: '127.0.0.1', userAgent: 'bench/accident-bell', now: new Date() });
    team.push({ enterpriseId: user.enterprise_id, session: { cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken } });
    userIds.push(user.id);
  }
  return { team, userIds };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  return { n: values.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

export async function benchAccidentBell(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log(`\n-- a. quick report → the regulator's bell in the browser, ${REPORTS} reports, hazards at half their sustained rate --`);
  const { connections, seconds, report } = kit;
  await kit.ensureBenchDatabase();
  if (!(await kit.hasScaleData())) throw new Error('the bench database has no scale data: run npm run bench -- hazards (or npm run seed:scale) first');
  // The job runner is on: the outbox is dispatched as in production (after each commit, and every JOBS_POLL_MS).
  const bench = await openBench(kit, { prefix: 'safeduty-bench-bell-', jobs: true, env: { LOG_LEVEL: 'warn' }, poolMax: 4 });
  const { pool, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const out: Record<string, unknown> = { reports: REPORTS, spacingMs: SPACING_MS, serverCommand };
  let hazardUsers: string[] = [];
  try {
    server = await startServer({ env: serverEnv, logFile });
    const base = server.url;
    // The runner's first passes (the day's scheduled jobs over the data set) finish before anything is measured.
    const settleUntil = performance.now() + 300_000;
    for (;;) {
      const busy = (await pool.query<{ n: number }>(`select (select count(*)::int from jobs where state in ('pending', 'running') and run_at <= now())
        + (select count(*)::int from outbox where processed_at is null and (run_at is null or run_at <= now())) as n`)).rows[0]!.n;
      if (busy === 0 || performance.now() > settleUntil) {
        if (busy) console.log(`  ${busy} jobs and outbox messages still pending after 5 minutes; measuring anyway`);
        break;
      }
      await sleep(1000);
    }

    const worker = await login(base, 'worker', PASSWORD);
    const principal = await login(base, 'principal', PASSWORD);
    const officer = await login(base, 'yjj', PASSWORD);
    const enterpriseId = worker.me.scope.enterpriseId;
    if (!enterpriseId || principal.me.scope.enterpriseId !== enterpriseId) throw new Error('the demo worker and principal are not of one enterprise');
    // A bell that starts at zero: what changes during the run is the run's doing.
    await pool.query('update notifications set read_at = now() where user_id = $1 and read_at is null', [officer.me.id]);

    // The regulator's page, with a watcher on the bell's exact count.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const [name, value] = officer.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const changes: { at: number; count: number }[] = [];
    await page.exposeFunction('benchBellChanged', (count: number, at: number) => { changes.push({ at, count }); });
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="notification-bell"]', { timeout: 60_000 });
    // A string, run in the page (the bench is compiled without the DOM's types).
    await page.evaluate(`(() => {
      const bell = document.querySelector('[data-testid="notification-bell"]');
      new MutationObserver(() => window.benchBellChanged(Number(bell.getAttribute('data-count')), Date.now()))
        .observe(bell, { attributes: true, attributeFilter: ['data-count'] });
    })()`);
    // The stream opens with the page; give it a moment.
    await sleep(2000);

    // The sustained hazard-submission rate, measured now (closed loop), then half of it offered during the reports.
    const { team, userIds } = await hazardReporters(pool, connections);
    hazardUsers = userIds;
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    let n = 0;
    const hazardOp = async (loop: number) => {
      const r = team[loop % team.length]!;
      const body = JSON.stringify({ title: `铃声基准隐患 ${++n}` });
      const res = await request(agent, new URL(`/api/v1/enterprises/${r.enterpriseId}/hazards`, base), 'POST', {
        cookie: r.session.cookie, 'x-csrf-token': r.session.csrf, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)),
      }, body);
      return res.status === 201;
    };
    await drive(connections, 2, hazardOp);
    const sustained = await drive(connections, seconds, hazardOp);
    const halfRate = Math.max(1, Math.round(sustained.rate / 2));
    console.log(`  hazard submissions sustained ${sustained.rate.toFixed(0)}/s at ${connections} connections (job runner on); offering ${halfRate}/s during the reports`);
    await sleep(2000);
    const baseline = Number(await page.getAttribute('[data-testid="notification-bell"]', 'data-count'));

    // The reports, on a schedule, with the hazards in parallel for as long as they take.
    const api = async (s: Session, url: string, body: unknown) => {
      const text = JSON.stringify(body);
      const res = await request(agent, new URL(url, base), 'POST', { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }, text);
      return { status: res.status, data: res.text ? JSON.parse(res.text) as { id?: string } : {} };
    };
    const sent: { quick: number; up: number; answered: number }[] = [];
    const failures: string[] = [];
    const reportsDone = (async () => {
      const start = Date.now();
      for (let i = 0; i < REPORTS; i++) {
        const due = start + i * SPACING_MS;
        if (due > Date.now()) await sleep(due - Date.now());
        const quick = Date.now();
        const q = await api(worker, `/api/v1/enterprises/${enterpriseId}/accidents`, { summary: `铃声基准：二车间管线泄漏 ${i + 1}`, place: '二车间' });
        if (q.status !== 201 || !q.data.id) { failures.push(`quick report ${i + 1}: ${q.status}`); continue; }
        const up = Date.now();
        const u = await api(principal, `/api/v1/enterprises/${enterpriseId}/accidents/${q.data.id}/report-up`, {});
        if (u.status !== 200) { failures.push(`report-up ${i + 1}: ${u.status}`); continue; }
        sent.push({ quick, up, answered: Date.now() });
      }
    })();
    const hazardsDuringRun = drive(connections, (REPORTS * SPACING_MS) / 1000 + 2, hazardOp, halfRate);
    await reportsDone;
    const hazardLoad = await hazardsDuringRun;
    const settle = Date.now() + SETTLE_MS;
    while ((changes.at(-1)?.count ?? 0) < baseline + sent.length && Date.now() < settle) await sleep(200);
    agent.destroy();

    // Report k reached the bell when it first showed baseline + k or more.
    const toBell: number[] = [];
    const fromReportUp: number[] = [];
    let lost = 0;
    for (const [k, s] of sent.entries()) {
      const hit = changes.find((c) => c.count >= baseline + k + 1);
      if (!hit) { lost++; continue; }
      toBell.push(Math.max(0, hit.at - s.quick));
      fromReportUp.push(Math.max(0, hit.at - s.up));
    }
    const apiRoundTrips = summary(sent.map((s) => s.answered - s.quick));
    const extra = Math.max(0, (changes.at(-1)?.count ?? 0) - baseline - sent.length);
    if (failures.length) console.log(`  ${failures.length} reports failed: ${failures.slice(0, 5).join('; ')}`);
    if (lost) console.log(`  ${lost} reports never reached the bell within ${SETTLE_MS / 1000} s of the last`);
    if (extra) console.log(`  the bell counted ${extra} notifications besides the reports (the runner's own jobs): the attribution may be early by as many`);

    // The SQL floor: the notification's insert and the unread count's read, as the dispatcher and the stream do them.
    const rawTimes: number[] = [];
    const client = await pool.connect();
    try {
      for (let i = 0; i < REPORTS; i++) {
        const t0 = performance.now();
        await client.query('begin');
        await client.query(`insert into notifications (user_id, kind, title, body, link) values ($1, 'accident.received', $2, $3, $4)`,
          [officer.me.id, '事故报告：铃声基准', '基准测试', '/accident-inbox']);
        await client.query('commit');
        await client.query('select count(*) from notifications where user_id = $1 and read_at is null', [officer.me.id]);
        rawTimes.push(performance.now() - t0);
      }
      await client.query(`delete from notifications where user_id = $1 and title = '事故报告：铃声基准'`, [officer.me.id]);
    } finally {
      client.release();
    }
    const raw = summary(rawTimes);
    const bell = summary(toBell);
    const up = summary(fromReportUp);

    const command = `${REPORTS} quick reports (demo worker) each reported up at once (demo principal), one every ${SPACING_MS} ms, to yjj's bell in Chromium (EventSource), `
      + `while ${connections} connections offer ${halfRate} hazard submissions/s (half of ${sustained.rate.toFixed(0)}/s sustained); npm run bench -- emergency (BENCH_EMERGENCY_ONLY=a); server: ${serverCommand}`;
    report({ name: `quick report → regulator's bell p95 (${bell.n} reports)`, value: bell.p95, unit: 'ms', command, target: '≤ 5000 ms' });
    report({ name: 'quick report → regulator\'s bell p50', value: bell.p50, unit: 'ms', command });
    report({ name: 'report-up → regulator\'s bell p95', value: up.p95, unit: 'ms', command });
    report({ name: 'the two API calls (quick report + report-up) p95', value: apiRoundTrips.p95, unit: 'ms', command });
    report({ name: `hazard submission latency p95 at ${halfRate}/s offered during the run`, value: hazardLoad.p95, unit: 'ms', command });
    const rawCommand = `insert of one notification (own transaction) + the unread count's select through pg, ${REPORTS} times, 1 connection`;
    report({ name: 'raw SQL notification insert + unread count p95', value: raw.p95, unit: 'ms', command: rawCommand });
    report({ name: 'raw SQL notification insert + unread count p50', value: raw.p50, unit: 'ms', command: rawCommand });
    report({ name: 'bell p95 ÷ raw SQL p95', value: bell.p95 / raw.p95, unit: '×', command: 'ratio of the two figures above' });
    Object.assign(out, {
      sustainedHazards: sustained, hazardsDuringRun: { offered: halfRate, ...hazardLoad }, toBell: bell, fromReportUp: up, apiRoundTrips, raw,
      failures: failures.length, lost, extraNotifications: extra, bellChanges: changes.length,
    });
    await context.close();
    return out;
  } finally {
    await browser.close().catch(() => undefined);
    // The run's hazards (and their notices) go, as bench/hazards.ts leaves the data set; the accidents stay (an
    // accident report is never deleted), read.
    if (hazardUsers.length) {
      await pool.query('delete from hazards where reported_by = any($1)', [hazardUsers]).catch(() => undefined);
      await pool.query(`delete from outbox where payload->>'userId' = any($1)`, [hazardUsers]).catch(() => undefined);
    }
    await server?.stop();
    await bench.close();
  }
}
