/**
 * `npm run bench -- hazards [--duration 10] [--connections 32]`: the figures of issue 4 on PostgreSQL.
 *
 * (a) Hazard submission: POST /api/v1/enterprises/:id/hazards at N concurrent keep-alive connections, each connection
 *     reporting for its own enterprise as that enterprise's safety manager, against the writes the service performs
 *     (counter upsert, hazard insert, history event, outbox message, audit append to the enterprise's chain) sent
 *     through `pg` at the same concurrency, in the same run.
 * (b) The regulator dashboard (GET /api/v1/hazard-stats/overview) over the 10k-enterprise data set with ~2 million
 *     hazards (npm run seed:scale, then npm run seed:hazards; each once), as a subdistrict officer, a department
 *     officer and the district admin.
 *
 * Load goes to loopback only; every loop is bounded by a deadline and a request cap. The server runs with its job
 * runner off, so the daily escalation job does not run in the middle of a measurement.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startServer, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit } from './kit';
import { drive } from './load';
import { auditHashV2, canonicalize, GENESIS_HASH } from '../src/platform/audit/canonical';
import { hashPassword } from '../src/platform/auth/password';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session';
import type { DB } from '../src/platform/db/schema';

const HAZARDS = 2_000_000;
const BENCH_PASSWORD = 'Benchhz2026';

type Session = { cookie: string; csrf: string };

async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='))?.split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('login returned no session cookie');
  return { cookie, csrf: body.csrfToken };
}

async function api(baseUrl: string, s: Session, method: string, url: string, body?: unknown): Promise<{ status: number; data: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${baseUrl}${url}`, {
    method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : null };
}

function request(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Reporter = { username: string; userId: string; enterpriseId: string; rootUnitId: string; session: Session };

/**
 * One safety manager per enterprise for N scale enterprises, with a session each. Accounts and sessions are written
 * directly (as a seeder would): the login endpoint allows 20 attempts a minute per address, which is the point of it.
 */
async function reporters(pool: pg.Pool, n: number): Promise<Reporter[]> {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const ents = (await pool.query<{ id: string; root: string }>(`
    select e.id, u.id as root from enterprises e join org_units u on u.enterprise_id = e.id and u.parent_id is null
    where e.status = 'active' and e.credit_code like '91______MA%'
    order by e.credit_code desc limit $1`, [n])).rows;
  if (ents.length < n) throw new Error(`only ${ents.length} scale enterprises for ${n} reporters`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const out: Reporter[] = [];
  for (const [i, e] of ents.entries()) {
    const username = `benchhz${String(i + 1).padStart(2, '0')}`;
    await pool.query(`insert into users (username, display_name, password_hash, role, enterprise_id, must_change_password)
      values ($1, $2, $3, 'safety_manager', $4, false) on conflict (username) do nothing`, [username, `基准测试安全员${i + 1}`, passwordHash, e.id]);
    const user = (await pool.query<{ id: string; enterprise_id: string }>('select id, enterprise_id from users where username = $1', [username])).rows[0]!;
    const root = (await pool.query<{ id: string }>('select id from org_units where enterprise_id = $1 and parent_id is null', [user.enterprise_id])).rows[0]!;
    const { token, csrfToken } = await createSession(db, user.id, 2, { ip: '127.0.0.1', userAgent: 'bench/hazards', now: new Date() });
    out.push({ username, userId: user.id, enterpriseId: user.enterprise_id, rootUnitId: root.id, session: { cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken } });
  }
  return out;
}

/**
 * The writes of reportHazard (src/modules/hazards/hazard.service.ts) for a safety manager reporting a general
 * hazard without photos or risk point: the same statements, values and audit chain, without the reads and checks
 * around them (scope, unit, managers) or HTTP.
 */
async function rawReport(pool: pg.Pool, r: Reporter, title: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const now = new Date();
    const year = now.getUTCFullYear();
    const counter = await client.query<{ n: number }>(`insert into code_counters (enterprise_id, series, year, n) values ($1, 'hazard', $2, 1)
      on conflict (enterprise_id, series, year) do update set n = code_counters.n + 1 returning n`, [r.enterpriseId, year]);
    const code = `YH-${year}-${String(counter.rows[0]!.n).padStart(4, '0')}`;
    const row = (await client.query(`insert into hazards (enterprise_id, code, title, description, source, hazard_class, level, major_criterion,
        risk_point_id, org_unit_id, location, reported_by, reported_at, check_task_id, checklist_item_id, created_at, updated_at)
      values ($1, $2, $3, '', 'self_check', null, 'general', null, null, $4, '', $5, $6, null, null, $6, $6) returning *`,
    [r.enterpriseId, code, title, r.rootUnitId, r.userId, now])).rows[0] as Record<string, unknown>;
    await client.query(`insert into hazard_events (enterprise_id, hazard_id, op, from_status, to_status, actor_id, at, note, photo_ids)
      values ($1, $2, 'report', null, 'reported', $3, $4, '', '{}')`, [r.enterpriseId, row.id, r.userId, now]);
    await client.query('insert into outbox (topic, payload) values ($1, $2)', ['notify', JSON.stringify({
      userId: r.userId, kind: 'hazard.reported', titleKey: 'hazard.notify.reported.title', bodyKey: 'hazard.notify.reported.body',
      params: { code, title }, link: `/enterprises/${r.enterpriseId}/hazards/${String(row.id)}`,
    })]);
    // Appended to the enterprise's own audit chain: move its head on (locking it), then the row (src/platform/audit/audit.ts).
    const chain = r.enterpriseId;
    const head = (await client.query<{ chain_seq: string; hash: string }>(`insert into audit_chain_heads (chain, chain_seq, hash) values ($1, 1, $2)
      on conflict (chain) do update set chain_seq = audit_chain_heads.chain_seq + 1 returning chain_seq, hash`, [chain, GENESIS_HASH])).rows[0]!;
    const chainSeq = Number(head.chain_seq);
    const prevHash = head.hash;
    const at = new Date();
    const after = canonicalize(row);
    const entry = {
      chain, chainSeq, at, actorId: r.userId, actorRole: 'safety_manager', actorScope: `enterprise:${r.enterpriseId}`, action: 'hazard.report', entityType: 'hazard',
      entityId: String(row.id), enterpriseId: r.enterpriseId, before: null, after, ip: '127.0.0.1', requestId: randomUUID(), prevHash,
    };
    await client.query(`with head as (update audit_chain_heads set hash = $15 where chain = $1)
      insert into audit_log (chain, chain_seq, at, actor_id, actor_role, actor_scope, action, entity_type, entity_id, enterprise_id, before, after, ip, request_id, prev_hash, hash)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, null, $11, $12, $13, $14, $15)`,
    [chain, chainSeq, at, entry.actorId, entry.actorRole, entry.actorScope, entry.action, entry.entityType, entry.entityId, entry.enterpriseId, JSON.stringify(after),
      entry.ip, entry.requestId, prevHash, auditHashV2(entry)]);
    await client.query('commit');
    return true;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function ensureHazardData(kit: BenchKit, pool: pg.Pool): Promise<boolean> {
  const has = (await pool.query(`select 1 from app_settings where key = 'seed_hazards'`)).rowCount ?? 0;
  if (has > 0) return false;
  console.log(`  loading ~${HAZARDS} hazards (once): DATABASE_URL=${kit.benchUrl} npm run seed:hazards -- --hazards ${HAZARDS}`);
  const code = await kit.runNode(['--import', 'tsx', 'src/cli/seed-hazards.ts', '--hazards', String(HAZARDS)], { DATABASE_URL: kit.benchUrl });
  if (code !== 0) throw new Error('seed:hazards failed');
  return true;
}

export async function benchHazards(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('\n== hazards (issue 4) ==');
  const { connections, seconds, report } = kit;
  const bench = await openBench(kit, { prefix: 'safeduty-bench-hz-', jobs: false, poolMax: connections });
  const { pool, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  const out: Record<string, unknown> = { connections, seconds, serverCommand };
  try {
    server = await startServer({ env: serverEnv, logFile });
    let seeded = false;
    if (!(await kit.hasScaleData())) {
      await bench.seedScale(`${kit.scaleEnterprises} enterprises`);
      seeded = true;
    }
    seeded = (await ensureHazardData(kit, pool)) || seeded;
    if (seeded) {
      await server.stop();
      server = await startServer({ env: serverEnv, logFile });
    }
    const set = (await pool.query<{ enterprises: number; hazards: number; open: number }>(`select (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from hazards) as hazards,
      (select count(*)::int from hazards where status in ('reported', 'confirmed', 'rectifying', 'submitted')) as open`)).rows[0]!;
    console.log(`  data set: ${set.enterprises} enterprises, ${set.hazards} hazards (${set.open} open)`);
    out.dataSet = set;

    // ---- (a) hazard submission ----
    const team = await reporters(pool, connections);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    let n = 0;
    const apiOp = async (loop: number) => {
      const r = team[loop % team.length]!;
      const body = JSON.stringify({ title: `基准测试隐患 ${++n}` });
      const status = await request(agent, new URL(`/api/v1/enterprises/${r.enterpriseId}/hazards`, server!.url), 'POST', {
        cookie: r.session.cookie, 'x-csrf-token': r.session.csrf, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)),
      }, body);
      return status === 201;
    };
    const probe = await apiOp(0);
    if (!probe) {
      const r = team[0]!;
      const res = await fetch(new URL(`/api/v1/enterprises/${r.enterpriseId}/hazards`, server.url), {
        method: 'POST', headers: { cookie: r.session.cookie, 'x-csrf-token': r.session.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ title: '基准测试隐患' }),
      });
      throw new Error(`POST hazards did not answer 201: ${res.status} ${await res.text()}`);
    }
    await drive(connections, 2, apiOp);
    const apiLoad = await drive(connections, seconds, apiOp);
    // The same 32 connections offering half the rate the server just sustained: the latency people see when the
    // server is busy but not saturated (a closed loop at saturation measures the queue: 32 ÷ rate).
    const pacedRate = Math.round(apiLoad.rate / 2);
    const paced = await drive(connections, seconds, apiOp, pacedRate);
    agent.destroy();
    const rawOp = (loop: number) => rawReport(pool, team[loop % team.length]!, `基准测试隐患（SQL）${++n}`);
    await drive(connections, 2, rawOp);
    const rawLoad = await drive(connections, seconds, rawOp);
    const rawPaced = await drive(connections, seconds, rawOp, pacedRate);
    // The run leaves the data set as it found it: its hazards (with their history; the statistics follow through the
    // triggers) and their notifications go. The audit log keeps its rows: the chain is never cut.
    const users = team.map((r) => r.userId);
    const cleaned = await pool.query('delete from hazards where reported_by = any($1)', [users]);
    await pool.query(`delete from outbox where payload->>'userId' = any($1)`, [users]);
    console.log(`  removed the ${cleaned.rowCount} hazards this run (and any earlier one) reported`);

    const apiCommand = `POST /api/v1/enterprises/:id/hazards, ${connections} keep-alive connections (one safety manager and enterprise each), ${seconds} s (npm run bench -- hazards; server: ${serverCommand})`;
    report({ name: `API hazard submissions/s (${connections} connections)`, value: apiLoad.rate, unit: 'req/s', command: apiCommand });
    report({ name: 'API hazard submission latency p50', value: apiLoad.p50, unit: 'ms', command: apiCommand });
    report({ name: 'API hazard submission latency p99', value: apiLoad.p99, unit: 'ms', command: apiCommand, target: '≤ 50 ms' });
    const pacedCommand = `the same, ${connections} connections offering ${pacedRate} req/s (half the rate above) on a schedule; latency from the scheduled time`;
    report({ name: `API hazard submission latency p50 at ${pacedRate} req/s offered`, value: paced.p50, unit: 'ms', command: pacedCommand });
    report({ name: `API hazard submission latency p99 at ${pacedRate} req/s offered`, value: paced.p99, unit: 'ms', command: pacedCommand, target: '≤ 50 ms' });
    const sqlCommand = `the same writes (counter, hazard, event, outbox, audit appended to the enterprise's chain) in one transaction through pg.Pool(max ${connections}), ${connections} concurrent, ${seconds} s`;
    report({ name: `raw SQL hazard writes/s (${connections} concurrent)`, value: rawLoad.rate, unit: 'tx/s', command: sqlCommand });
    report({ name: 'raw SQL hazard write latency p99', value: rawLoad.p99, unit: 'ms', command: sqlCommand });
    const rawPacedCommand = `the same writes, ${connections} concurrent, offering ${pacedRate} tx/s on a schedule (as the paced API figure)`;
    report({ name: `raw SQL hazard write latency p50 at ${pacedRate} tx/s offered`, value: rawPaced.p50, unit: 'ms', command: rawPacedCommand });
    report({ name: `raw SQL hazard write latency p99 at ${pacedRate} tx/s offered`, value: rawPaced.p99, unit: 'ms', command: rawPacedCommand });
    report({ name: 'API efficiency (API req/s ÷ raw SQL tx/s)', value: apiLoad.rate / rawLoad.rate, unit: '×', command: 'ratio of the two figures above', target: '≥ 0.5' });
    if (apiLoad.errors || rawLoad.errors) console.log(`  errors: API ${apiLoad.errors}, SQL ${rawLoad.errors}`);
    out.submission = { api: apiLoad, paced: { offered: pacedRate, ...paced }, sql: rawLoad, sqlPaced: rawPaced, efficiency: apiLoad.rate / rawLoad.rate };

    // ---- (b) the regulator dashboard ----
    if (process.env.BENCH_HAZARDS_PART === 'submission') return out;
    const demo = (await (await fetch(`${server.url}/api/v1/auth/demo-accounts`)).json()) as { accounts: { username: string; password: string }[] };
    const dashboards: Record<string, unknown> = {};
    for (const username of ['guanshang', 'yjj', 'admin']) {
      const account = demo.accounts.find((a) => a.username === username);
      if (!account) continue;
      const s = await login(server.url, username, account.password);
      const url = new URL('/api/v1/hazard-stats/overview', server.url);
      const first = await api(server.url, s, 'GET', url.pathname);
      if (first.status !== 200) throw new Error(`overview as ${username}: ${first.status} ${JSON.stringify(first.data)}`);
      const scope = `${first.data.totals.enterprises} enterprises, ${first.data.totals.found} hazards found and ${first.data.totals.open} open in ${first.data.from}…${first.data.to}`;
      console.log(`  as ${username}: ${scope}`);
      const dashAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      const op = async () => (await request(dashAgent, url, 'GET', { cookie: s.cookie, accept: 'application/json' })) === 200;
      await drive(2, 2, op);
      const one = await drive(1, seconds, op);
      const four = await drive(4, seconds, op);
      dashAgent.destroy();
      const command = `GET /api/v1/hazard-stats/overview as ${username} (${scope}), ${seconds} s (npm run bench -- hazards)`;
      report({ name: `overview as ${username}: p95, 1 connection`, value: one.p95, unit: 'ms', command, target: '≤ 200 ms' });
      report({ name: `overview as ${username}: p50, 1 connection`, value: one.p50, unit: 'ms', command });
      report({ name: `overview as ${username}: p95, 4 connections (${four.rate.toFixed(0)} req/s)`, value: four.p95, unit: 'ms', command, target: '≤ 200 ms' });
      if (one.errors || four.errors) console.log(`  errors: ${one.errors + four.errors}`);
      dashboards[username] = { scope, one, four };
    }
    out.dashboard = dashboards;
    return out;
  } finally {
    await server?.stop();
    await bench.close();
  }
}
