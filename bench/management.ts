/**
 * `npm run bench -- management [--connections 32]`: the figure of issue 12 on PostgreSQL — publishing a procedure to
 * 5,000 people and recording their acknowledgements at N concurrent, against the raw SQL the path performs, in the
 * same run, over the 10k-enterprise data set with its management system (npm run seed:scale; loaded once).
 *
 * One scale enterprise gets, for this run, a post with 5,000 fresh employees, each with an account and a session
 * (written directly, as a seeder would), and a bench safety manager and principal. Two procedures cover the post, each
 * created and approved (the principal's password signature) through the API beforehand, not timed. Then, timed:
 * - API: POST …/documents/:id/versions/:v/publish as the safety manager (documents.service.ts publishVersion: one
 *   acknowledgement row per person in one statement, the outbox notices, the audit), then the 5,000 people each
 *   POST /api/v1/me/document-acks/:v at N keep-alive connections (acknowledge: the row under its lock, marked, audited);
 * - raw SQL: the same writes through `pg` — the version marked published, the acknowledgement rows and notices (the
 *   repository's INSERT … SELECT), the publish audit row; then per person, in one transaction, the row read under its
 *   lock, marked, and the audit row appended to the enterprise's chain (two statements) — at N concurrent, without
 *   the reads and checks around them (session, scope, the person's account, the response) or HTTP.
 * Both print acknowledgements/s over publish + acknowledgements, and the ratio (target ≥ 0.6). The statements one
 * acknowledgement costs on the API path (session + service) are counted in-process through Kysely's log hook, on a
 * 5,001st person of the same post, and printed with the raw path's count.
 *
 * BENCH_MANAGEMENT_URL points the part at another database holding the same data set (default: the bench database).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startServer, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit } from './kit';
import { drive, percentile, request, type Load } from './load';
import { auditAppend } from './raw-audit';
import { SCALE_MANAGEMENT_MARKER } from '../src/cli/seed-scale-phase';
import { hashPassword } from '../src/platform/auth/password';
import { createSession, loadSession, SESSION_COOKIE } from '../src/platform/auth/session';
import type { DB } from '../src/platform/db/schema';
import { localDay } from '../src/platform/time';
import { acknowledge } from '../src/modules/management/documents/documents.service';
import { overviewPage } from '../src/modules/management/overview/overview.repository';
import { overviewQuery } from '../src/modules/management/overview/overview.schema';
import { decidingWith, keyOf } from '../src/modules/management/overview/overview.service';
import type { Ctx } from '../src/platform/auth/actor';
import type { CompiledQuery } from 'kysely';

const PEOPLE = Math.max(100, Math.min(20_000, Number(process.env.BENCH_ACK_PEOPLE ?? 5_000)));
const BENCH_PASSWORD = 'Benchack2026';
const STATEMENT_TIMEOUT = '600s';

type Session = { cookie: string; csrf: string };
type Person = { employeeId: string; userId: string; session: Session | null; token: string };


async function call(agent: http.Agent, base: string, s: Session, method: string, url: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const res = await request(agent, new URL(`/api/v1${url}`, base), method, {
    cookie: s.cookie, 'x-csrf-token': s.csrf, accept: 'application/json',
    ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
  }, text);
  return { status: res.status, data: res.text ? JSON.parse(res.text) : null };
}

/** `loops` loops share a queue of `items`: a fixed amount of work, timed as a whole. */
async function queueWork<T>(loops: number, items: T[], op: (item: T) => Promise<boolean>): Promise<Load & { firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: loops }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await op(item);
      } catch (err) {
        firstError ??= err instanceof Error ? err.message : String(err);
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { requests: latencies.length, errors, seconds: elapsed, rate: latencies.length / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), firstError };
}


async function inTransaction<T>(pool: pg.Pool, op: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await op(client);
    await client.query('commit');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The raw publish: the version's state, the acknowledgement rows and the account holders' notices (the repository's statement), the audit row. */
async function rawPublish(pool: pg.Pool, x: { enterpriseId: string; documentId: string; versionId: string; title: string; managerId: string; effectiveOn: string }): Promise<number> {
  return inTransaction(pool, async (c) => {
    const now = new Date();
    await c.query(`update document_versions set status = 'published', published_by = $3, published_at = $4, row_version = row_version + 1
      where enterprise_id = $1 and id = $2 and status = 'approved'`, [x.enterpriseId, x.versionId, x.managerId, now]);
    const asked = (await c.query<{ n: number }>(`with asked as (
        insert into document_acks (enterprise_id, version_id, employee_id, document_id, asked_at)
        select distinct ep.enterprise_id, $2::uuid, ep.employee_id, $3::uuid, $4::timestamptz
        from document_posts dp
        join employee_posts ep on ep.enterprise_id = dp.enterprise_id and ep.post_id = dp.post_id
        join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
        where dp.enterprise_id = $1 and dp.document_id = $3
        on conflict do nothing
        returning employee_id
      ), told as (
        insert into outbox (topic, payload, created_at)
        select 'notify', jsonb_build_object('userId', u.id, 'kind', 'documents.ack', 'titleKey', 'documents.notify.ack.title', 'bodyKey', 'documents.notify.ack.body',
          'params', jsonb_build_object('title', $5::text, 'number', 1), 'link', '/documents/mine'), $4::timestamptz
        from asked a join users u on u.enterprise_id = $1 and u.employee_id = a.employee_id and not u.disabled
        returning id
      )
      select (select count(*)::int from asked) as n, (select count(*) from told) as told`, [x.enterpriseId, x.versionId, x.documentId, now, x.title])).rows[0]!.n;
    await auditAppend(c, x.enterpriseId, { userId: x.managerId, role: 'safety_manager' }, [{
      action: 'documents.publish', entityType: 'document_version', entityId: x.versionId,
      before: { status: 'approved' }, after: { status: 'published', number: 1, effectiveOn: x.effectiveOn, asked },
    }], now);
    return asked;
  });
}

/** The raw acknowledgement: the person's row under its lock, marked, and the audit row appended — one transaction. */
async function rawAck(pool: pg.Pool, enterpriseId: string, versionId: string, p: Person): Promise<boolean> {
  return inTransaction(pool, async (c) => {
    const now = new Date();
    const row = (await c.query<{ acknowledged_at: Date | null }>(`select a.acknowledged_at from document_acks a
      where a.enterprise_id = $1 and a.employee_id = $2 and a.version_id = $3 for update`, [enterpriseId, p.employeeId, versionId])).rows[0];
    if (!row || row.acknowledged_at) return false;
    const upd = await c.query(`update document_acks set acknowledged_at = $4, acknowledged_by = $5, signature_id = null
      where enterprise_id = $1 and employee_id = $2 and version_id = $3 and acknowledged_at is null`, [enterpriseId, p.employeeId, versionId, now, p.userId]);
    await auditAppend(c, enterpriseId, { userId: p.userId, role: 'employee' }, [{
      action: 'documents.acknowledge', entityType: 'document_version', entityId: versionId, after: { employeeId: p.employeeId, number: 1 },
    }], now);
    return upd.rowCount === 1;
  });
}

type Bench = { enterpriseId: string; postId: string; people: Person[]; extra: Person; manager: Session; principal: Session; managerId: string; tag: string };

/** The bench's post, people, accounts and sessions in one scale enterprise (written directly, as a seeder would). */
async function prepare(pool: pg.Pool, db: Kysely<DB>): Promise<Bench> {
  const e = (await pool.query<{ id: string; root: string }>(`select e.id, u.id as root from enterprises e
      join org_units u on u.enterprise_id = e.id and u.parent_id is null
     where e.status = 'active' and e.credit_code like '91______MA%' order by e.credit_code desc limit 1`)).rows[0];
  if (!e) throw new Error('no scale enterprise');
  const tag = Date.now().toString(36);
  const postId = randomUUID();
  await pool.query(`insert into posts (enterprise_id, id, org_unit_id, name, key_post, special_operation) values ($1, $2, $3, $4, false, false)`,
    [e.id, postId, e.root, `压测岗位${tag}`]);
  const n = PEOPLE + 1;
  // People 0..PEOPLE on the post (the last one is counted in-process), and the bench's safety manager and principal off it.
  const ids = Array.from({ length: n + 2 }, () => randomUUID());
  const users = Array.from({ length: n + 2 }, () => randomUUID());
  await pool.query(`insert into employees (enterprise_id, id, name, id_number_masked, id_number_hash, employment_form, org_unit_id, hire_date)
    select $1, x.id, '确认测试' || x.n, '530102********' || lpad((x.n % 10000)::text, 4, '0'), md5(x.id::text || $3) || md5($3 || x.id::text), 'regular', $2, date '2015-01-01'
      from unnest($4::uuid[]) with ordinality as x (id, n)`, [e.id, e.root, randomBytes(8).toString('hex'), ids]);
  await pool.query(`insert into employee_posts (enterprise_id, employee_id, post_id) select $1, x, $2 from unnest($3::uuid[]) x`, [e.id, postId, ids.slice(0, n)]);
  const hash = await hashPassword(BENCH_PASSWORD);
  const roles = ids.map((_, i) => (i === n ? 'safety_manager' : i === n + 1 ? 'enterprise_principal' : 'employee'));
  await pool.query(`insert into users (id, username, display_name, password_hash, role, enterprise_id, employee_id, must_change_password)
    select x.id, 'benchack-' || $1 || '-' || x.n, '确认测试' || x.n, $2, x.role, $3, x.emp, false
      from unnest($4::uuid[], $5::uuid[], $6::text[]) with ordinality as x (id, emp, role, n)`, [tag, hash, e.id, users, ids, roles]);
  const sessions: { token: string; csrf: string }[] = new Array(n + 2);
  for (let i = 0; i < n + 2; i += 64) {
    await Promise.all(Array.from({ length: Math.min(64, n + 2 - i) }, async (_, k) => {
      const s = await createSession(db, users[i + k]!, 3, { ip: '127.0.0.1', userAgent: 'bench/management', now: new Date() });
      sessions[i + k] = { token: s.token, csrf: s.csrfToken };
    }));
  }
  const sessionOf = (i: number): Session => ({ cookie: `${SESSION_COOKIE}=${sessions[i]!.token}`, csrf: sessions[i]!.csrf });
  const people = Array.from({ length: n }, (_, i) => ({ employeeId: ids[i]!, userId: users[i]!, session: sessionOf(i), token: sessions[i]!.token }));
  return { enterpriseId: e.id, postId, people: people.slice(0, PEOPLE), extra: people[PEOPLE]!, manager: sessionOf(n), principal: sessionOf(n + 1), managerId: users[n]!, tag };
}

/** A procedure covering the bench post, created and approved through the API (not timed). */
async function approvedProcedure(agent: http.Agent, base: string, b: Bench, title: string, effectiveOn: string): Promise<{ documentId: string; versionId: string }> {
  const created = await call(agent, base, b.manager, 'POST', `/enterprises/${b.enterpriseId}/documents`, {
    kind: 'procedure', title, postIds: [b.postId], body: `${title}\n第一条 作业前检查设备和防护用品。\n第二条 严格按操作步骤作业。`, effectiveOn, changeNote: '首次发布',
  });
  if (created.status !== 201 && created.status !== 200) throw new Error(`create document: ${created.status} ${JSON.stringify(created.data).slice(0, 300)}`);
  const doc = created.data as { id: string; versions: { id: string }[] };
  const versionId = doc.versions[0]!.id;
  const approved = await call(agent, base, b.principal, 'POST', `/enterprises/${b.enterpriseId}/documents/${doc.id}/versions/${versionId}/approve`,
    { method: 'password', password: BENCH_PASSWORD });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.data).slice(0, 300)}`);
  return { documentId: doc.id, versionId };
}

/** The statements one acknowledgement costs in-process: the session's, then the service's (Kysely's log hook). */
async function countStatements(pool: pg.Pool, b: Bench, versionId: string): Promise<{ session: number; service: number; sqls: string[] }> {
  const sqls: string[] = [];
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (ev) => { if (ev.level === 'query') sqls.push(ev.query.sql); } });
  const actor = await loadSession(db, b.extra.token, new Date());
  if (!actor) throw new Error('no session for the counted person');
  const session = sqls.length;
  await acknowledge(db, { actor, ip: '127.0.0.1', requestId: randomUUID(), locale: 'zh-CN', now: new Date() }, versionId);
  return { session, service: sqls.length - session, sqls };
}

/** The queries the view is read with in the bench, in turn: its default order, by name, a problem, a search, a later page. */
const VIEW_QUERIES: Record<string, string>[] = [{}, { sort: 'name', order: 'asc' }, { problem: 'insurance' }, { q: '化工' }, { page: '3' }, { sort: 'ackRate', order: 'asc' }];

/**
 * Issue 12 §7: the regulators' management-system view at district scope (the district admin), on the whole data set.
 * The first read of a day computes every enterprise's indicators (reported on its own); then GET /management-overview
 * in VIEW_QUERIES' turn at 4 keep-alive connections, and the statements it performs (the staleness check and the
 * page's read, compiled by the repository for the same scope and captured) through pg at 4 concurrent.
 */
async function figureView(kit: BenchKit, pool: pg.Pool, server: RunningServer, serverCommand: string): Promise<Record<string, unknown>> {
  console.log('\n  -- the management-system view, district scope (issue 12 §7) --');
  const seconds = kit.seconds;
  const admin = (await pool.query<{ id: string; district_id: string }>(`select id, district_id from users where role = 'district_admin' and not disabled order by created_at limit 1`)).rows[0]!;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const s = await createSession(db, admin.id, 3, { ip: '127.0.0.1', userAgent: 'bench/management', now: new Date() });
  const session: Session = { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const url = (q: Record<string, string>) => `/management-overview?${new URLSearchParams(q).toString()}`;
  // Rows of another day: the first view computes them all, as the first view after midnight does.
  await pool.query(`update management_indicators set rules_key = 'bench: another day'`);
  const t0 = performance.now();
  const first = await call(agent, server.url, session, 'GET', url({}));
  const firstMs = performance.now() - t0;
  if (first.status !== 200) throw new Error(`view: ${first.status} ${JSON.stringify(first.data).slice(0, 300)}`);
  const total = (first.data as { total: number; counts: Record<string, number> });
  console.log(`  ${total.total} enterprises in scope; with problems: ${JSON.stringify(total.counts)}; first view of the day ${firstMs.toFixed(0)} ms`);
  let turn = 0;
  const op = async () => (await call(agent, server.url, session, 'GET', url(VIEW_QUERIES[turn++ % VIEW_QUERIES.length]!))).status === 200;
  await drive(4, 2, op);
  const four = await drive(4, seconds, op);
  agent.destroy();
  // The same reads as statements: compiled by the repository for the admin's scope and captured, then sent through pg.
  const captured: CompiledQuery[][] = [];
  for (const q of VIEW_QUERIES) {
    const list: CompiledQuery[] = [];
    const capture = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (ev) => { if (ev.level === 'query') list.push(ev.query); } });
    const ctx = { actor: { userId: admin.id, role: 'district_admin', scope: { kind: 'district', districtId: admin.district_id } }, ip: '127.0.0.1', requestId: 'bench', locale: 'zh-CN', now: new Date() } as unknown as Ctx;
    const at = await decidingWith(db, ctx, ctx.now);
    await overviewPage(capture, { kind: 'district', districtId: admin.district_id }, overviewQuery.parse(q), at, keyOf(at), ctx.now);
    captured.push(list);
  }
  let rawTurn = 0;
  const rawOp = async () => {
    for (const q of captured[rawTurn++ % captured.length]!) await pool.query(q.sql, [...q.parameters]);
    return true;
  };
  await drive(4, 2, rawOp);
  const rawFour = await drive(4, seconds, rawOp);
  await pool.query('delete from sessions where user_id = $1 and user_agent = $2', [admin.id, 'bench/management']);
  // Not destroyed: a Kysely's destroy ends its pool, and this one is the shared pool, which the next figure still uses
  // (the kit ends it at the close).
  const command = `GET /api/v1/management-overview (${VIEW_QUERIES.length} queries in turn) as the district admin, ${total.total} enterprises, 4 connections, ${seconds} s (npm run bench -- management; server: ${serverCommand})`;
  kit.report({ name: `view: first read of a day (computes ${total.total} enterprises)`, value: firstMs, unit: 'ms', command });
  kit.report({ name: `view p95, 4 connections (${four.rate.toFixed(0)} req/s)`, value: four.p95, unit: 'ms', command, target: '≤ 100 ms' });
  kit.report({ name: 'view p50, 4 connections', value: four.p50, unit: 'ms', command });
  const sqlCommand = `its ${captured[0]!.length} statements per read (staleness check, page) through pg, 4 concurrent, ${seconds} s`;
  kit.report({ name: `raw SQL view p95, 4 concurrent (${rawFour.rate.toFixed(0)} reads/s)`, value: rawFour.p95, unit: 'ms', command: sqlCommand });
  kit.report({ name: 'view efficiency, 4 connections (API req/s ÷ raw SQL reads/s)', value: four.rate / rawFour.rate, unit: '×', command: 'ratio of the two rates above' });
  if (four.errors || rawFour.errors) console.log(`  errors: ${four.errors} API, ${rawFour.errors} SQL`);
  return { enterprises: total.total, firstMs, four, sql: rawFour, statements: captured[0]!.map((q) => q.sql) };
}

export async function benchManagement(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('\n== management system: publishing a procedure and its acknowledgements (issue 12) ==');
  const n = kit.connections;
  const bench = await openBench(kit, { prefix: 'safeduty-bench-mg-', urlEnv: 'BENCH_MANAGEMENT_URL', jobs: false, poolMax: Math.max(n, 8), statementTimeout: STATEMENT_TIMEOUT });
  const { pool, db, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  try {
    server = await startServer({ env: serverEnv, logFile });
    if (!(await bench.hasMarker(SCALE_MANAGEMENT_MARKER))) {
      await bench.seedScale();
      await server.stop();
      server = await startServer({ env: serverEnv, logFile });
    }
    const set = (await pool.query<{ enterprises: number; documents: number; acks: number }>(`select (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from documents) as documents, (select count(*)::int from document_acks) as acks`)).rows[0]!;
    console.log(`  data set: ${set.enterprises} enterprises, ${set.documents} documents, ${set.acks} acknowledgement rows`);
    // BENCH_MANAGEMENT_ONLY=view or =acks runs one of the two figures.
    const only = process.env.BENCH_MANAGEMENT_ONLY;
    const view = only === 'acks' ? null : await figureView(kit, pool, server, serverCommand);
    if (only === 'view') return { dataSet: set, view };
    const b = await prepare(pool, db);
    const agent = new http.Agent({ keepAlive: true, maxSockets: n });
    const today = localDay(new Date());
    const apiDoc = await approvedProcedure(agent, server.url, b, `压测操作规程甲${b.tag}`, today);
    const rawDoc = await approvedProcedure(agent, server.url, b, `压测操作规程乙${b.tag}`, today);
    console.log(`  enterprise ${b.enterpriseId}: ${PEOPLE + 1} people on the bench post, two approved procedures covering it`);

    // API: publish, then every person acknowledges on their own session.
    const t0 = performance.now();
    const published = await call(agent, server.url, b.manager, 'POST', `/enterprises/${b.enterpriseId}/documents/${apiDoc.documentId}/versions/${apiDoc.versionId}/publish`);
    const apiPublishMs = performance.now() - t0;
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.data).slice(0, 300)}`);
    const apiAsked = (published.data as { acks: { asked: number } }).acks.asked;
    const api = await queueWork(n, b.people, async (p) => {
      const res = await call(agent, server!.url, p.session!, 'POST', `/me/document-acks/${apiDoc.versionId}`);
      if (res.status !== 200) throw new Error(`acknowledge: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`);
      return true;
    });
    const apiTotal = apiPublishMs / 1000 + api.seconds;
    agent.destroy();

    // Raw SQL: the same writes through pg.
    const t1 = performance.now();
    const rawAsked = await rawPublish(pool, { enterpriseId: b.enterpriseId, ...rawDoc, title: `压测操作规程乙${b.tag}`, managerId: b.managerId, effectiveOn: today });
    const rawPublishMs = performance.now() - t1;
    const raw = await queueWork(n, b.people, (p) => rawAck(pool, b.enterpriseId, rawDoc.versionId, p));
    const rawTotal = rawPublishMs / 1000 + raw.seconds;

    const counted = await countStatements(pool, b, apiDoc.versionId);
    const done = (await pool.query<{ api: number; raw: number }>(`select count(*) filter (where version_id = $1 and acknowledged_at is not null)::int as api,
      count(*) filter (where version_id = $2 and acknowledged_at is not null)::int as raw from document_acks where enterprise_id = $3`,
    [apiDoc.versionId, rawDoc.versionId, b.enterpriseId])).rows[0]!;
    console.log(`  asked: API ${apiAsked}, raw ${rawAsked}; acknowledged: API ${done.api} (incl. the counted one), raw ${done.raw}`);
    if (api.firstError || raw.firstError) console.log(`  first error: API ${api.firstError ?? '-'}, raw ${raw.firstError ?? '-'}`);
    console.log(`  statements per acknowledgement on the API path: ${counted.session} for the session + ${counted.service} in documents.service acknowledge ` +
      `(raw path: 6 — begin, select … for update, update, audit head, audit row, commit)`);
    for (const q of counted.sqls) console.log(`    · ${q.replace(/\s+/g, ' ').slice(0, 150)}`);

    // The accounts made for this run are disabled and their sessions dropped; the rows stay (audited).
    await pool.query(`delete from sessions where user_id in (select id from users where username like $1)`, [`benchack-${b.tag}-%`]);
    await pool.query(`update users set disabled = true where username like $1`, [`benchack-${b.tag}-%`]);

    const command = `POST …/documents/:id/versions/:v/publish (to ${apiAsked} people), then POST /api/v1/me/document-acks/:v by each of them on their own session, ` +
      `${n} keep-alive connections (npm run bench -- management; server: ${serverCommand})`;
    kit.report({ name: `API publish to ${apiAsked} people`, value: apiPublishMs, unit: 'ms', command });
    kit.report({ name: `API acknowledgements/s (${n} connections, acks only)`, value: api.rate, unit: 'req/s', command });
    kit.report({ name: 'API acknowledge latency p50', value: api.p50, unit: 'ms', command });
    kit.report({ name: 'API acknowledge latency p99', value: api.p99, unit: 'ms', command });
    kit.report({ name: `API publish + ${PEOPLE} acknowledgements, acks/s`, value: PEOPLE / apiTotal, unit: 'acks/s', command });
    const sqlCommand = `the same writes through pg.Pool(max ${Math.max(n, 8)}): publish (version, acknowledgement rows + notices, audit) in one transaction, then per person ` +
      `(row for update, mark, audit append) in one transaction, ${n} concurrent`;
    kit.report({ name: `raw SQL publish to ${rawAsked} people`, value: rawPublishMs, unit: 'ms', command: sqlCommand });
    kit.report({ name: `raw SQL acknowledgements/s (${n} concurrent, acks only)`, value: raw.rate, unit: 'tx/s', command: sqlCommand });
    kit.report({ name: 'raw SQL acknowledge latency p99', value: raw.p99, unit: 'ms', command: sqlCommand });
    kit.report({ name: `raw SQL publish + ${PEOPLE} acknowledgements, acks/s`, value: PEOPLE / rawTotal, unit: 'acks/s', command: sqlCommand });
    kit.report({ name: 'API efficiency (API acks/s ÷ raw SQL acks/s, publish included)', value: rawTotal / apiTotal, unit: '×', command: 'ratio of the two totals above', target: '≥ 0.6' });
    if (api.errors || raw.errors) console.log(`  errors: API ${api.errors}, SQL ${raw.errors}`);
    return {
      dataSet: set, view, enterpriseId: b.enterpriseId, people: PEOPLE, connections: n, apiPublishMs, rawPublishMs, api, sql: raw,
      efficiency: rawTotal / apiTotal, statements: { session: counted.session, service: counted.service, raw: 6, sqls: counted.sqls }, serverCommand,
    };
  } finally {
    await server?.stop();
    await bench.close();
  }
}
