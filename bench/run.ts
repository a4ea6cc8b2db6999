/**
 * `npm run bench [-- embedded|postgres|web …] [--duration 10] [--connections 32]`: the figures of issue 2 §11,
 * each printed with the command that produced it, and written to .bench/results.json.
 *
 * - embedded: spawn → first 200 of /api/health on an empty DATA_DIR (migrate + demo data) and on the existing one;
 *   resident memory (VmRSS) of the server process after start.
 * - postgres: the enterprise directory as the demo subdistrict officer over the 10k-enterprise data set, at N
 *   concurrent keep-alive connections, against the same SQL run directly through `pg` at the same concurrency.
 * - web: gzip size of the JavaScript the login page loads before it renders.
 *
 * Load goes to loopback only, and every loop is bounded by a deadline and a request cap.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { ROOT, SERVER_COMMAND, startServer, tempDir, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit, type Figure } from './kit';
import { drive } from './load';
import type { DB } from '../src/platform/db/schema';
import { listEnterprises } from '../src/modules/org/enterprise.repository';
import { enterpriseListQuery } from '../src/modules/org/enterprise.schema';
import { benchHazards } from './hazards';
import { benchObligations } from './obligations';
import { benchManagement } from './management';
import { benchCompetence } from './competence';
import { benchEmergency } from './emergency';

const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'safeduty_bench';
const BENCH_URL = `postgres://postgres@127.0.0.1:5432/${BENCH_DB}`;
const SCALE_ENTERPRISES = 10_000;
const LIST_PATH = '/api/v1/enterprises?page=1&pageSize=20&sort=name';

const results: Record<string, Record<string, unknown> & { figures: Figure[] }> = {};
let part = '';
let lastCommand = '';

function report(f: Figure): void {
  (results[part] ??= { figures: [] }).figures.push(f);
  // Each command is printed once, above the figures it produced.
  if (f.command !== lastCommand) console.log(`  $ ${f.command}`);
  lastCommand = f.command;
  const digits = f.unit === 's' || f.unit === '×' ? 2 : 1;
  console.log(`      ${f.name.padEnd(58)} ${`${f.value.toFixed(digits)} ${f.unit}`.padStart(14)}${f.target ? `   (target ${f.target})` : ''}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function httpGet(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function runNode(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// ---------------------------------------------------------------------------------------------------------------
async function benchEmbedded(): Promise<void> {
  console.log('\n== embedded engine (PGlite) ==');
  const data = tempDir('safeduty-bench-');
  const dataDir = path.join(data.dir, 'data');
  const logFile = path.join(data.dir, 'server.log');
  const command = `DATA_DIR=${dataDir} node ${SERVER_COMMAND.join(' ')}   # spawn → first 200 of GET /api/health`;
  try {
    let server = await startServer({ env: { DATA_DIR: dataDir }, logFile });
    const firstMs = server.readyMs;
    await sleep(1_000);
    const firstRss = rssMb(server.pid);
    await server.stop();

    const existing: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < 3; i++) {
      server = await startServer({ env: { DATA_DIR: dataDir }, logFile });
      existing.push(server.readyMs);
      await sleep(1_000);
      rss.push(rssMb(server.pid));
      await server.stop();
    }
    report({ name: 'first start, empty DATA_DIR (migrate + demo data)', value: firstMs / 1000, unit: 's', command, target: '≤ 20 s' });
    report({ name: `start on the existing DATA_DIR (median of ${existing.length})`, value: median(existing) / 1000, unit: 's', command, target: '≤ 2 s' });
    report({ name: 'resident memory 1 s after start (VmRSS, existing DATA_DIR)', value: Math.max(...rss), unit: 'MB',
      command: `grep VmRSS /proc/<server pid>/status   # server started as above`, target: '≤ 400 MB' });
    report({ name: 'resident memory 1 s after the first start (VmRSS)', value: firstRss, unit: 'MB', command: `grep VmRSS /proc/<server pid>/status` });
    Object.assign(results.embedded!, { firstStartMs: firstMs, existingStartMs: existing, rssMb: rss, firstStartRssMb: firstRss, command });
  } finally {
    data.remove();
  }
}

// ---------------------------------------------------------------------------------------------------------------
async function ensureBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB]);
    if (exists.rowCount === 0) {
      console.log(`  creating database ${BENCH_DB}`);
      await admin.query(`create database ${BENCH_DB}`);
    }
  } finally {
    await admin.end();
  }
}

async function hasScaleData(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    const r = await client.query(`select to_regclass('app_settings') is not null as ok`);
    if (!r.rows[0]?.ok) return false;
    return ((await client.query(`select 1 from app_settings where key = 'seed_scale'`)).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function login(baseUrl: string): Promise<{ cookie: string; username: string }> {
  const demo = (await (await fetch(`${baseUrl}/api/v1/auth/demo-accounts`)).json()) as { accounts: { username: string; password: string; role: string }[] };
  const officer = demo.accounts.find((a) => a.role === 'subdistrict_officer');
  if (!officer) throw new Error('no demo subdistrict officer: was the demo data loaded?');
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: officer.username, password: officer.password }),
  });
  if (res.status !== 200) throw new Error(`login as ${officer.username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='))?.split(';')[0];
  if (!cookie) throw new Error('login returned no sd_session cookie');
  return { cookie, username: officer.username };
}

/**
 * The SQL of the directory endpoint, taken from the repository itself (src/modules/org/enterprise.repository.ts):
 * the query is built by `listEnterprises` with the officer's scope and the endpoint's parsed query, and captured
 * through Kysely's log hook, so the raw figure follows the repository when it changes.
 */
async function captureListSql(pool: pg.Pool, username: string): Promise<CompiledQuery> {
  let captured: CompiledQuery | undefined;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured = event.query;
    },
  });
  const user = await db.selectFrom('users').select('subdistrict_id').where('username', '=', username).executeTakeFirstOrThrow();
  if (!user.subdistrict_id) throw new Error(`${username} has no subdistrict`);
  const q = enterpriseListQuery.parse(Object.fromEntries(new URL(LIST_PATH, 'http://x').searchParams));
  const page = await listEnterprises(db, { kind: 'subdistrict', subdistrictId: user.subdistrict_id }, q);
  if (!captured || page.items.length === 0) throw new Error('could not capture the directory SQL');
  return captured;
}

async function benchPostgres(kit: BenchKit): Promise<void> {
  console.log('\n== PostgreSQL ==');
  const { connections, seconds } = kit;
  // The server's job runner is left as configured (JOBS_ENABLED not set), as this figure has always run.
  const bench = await openBench(kit, { prefix: 'safeduty-bench-pg-', poolMax: connections });
  const { pool, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  try {
    // The first start migrates and loads the demo district; seed:scale needs its subdistricts and industries.
    server = await startServer({ env: serverEnv, logFile });
    if (!(await hasScaleData())) {
      await bench.seedScale(`${SCALE_ENTERPRISES} enterprises`);
      // Restart so the server's pool and plans start from the final data set.
      await server.stop();
      server = await startServer({ env: serverEnv, logFile });
    }
    const counts = (await pool.query<{ enterprises: number; employees: number }>(
      'select (select count(*)::int from enterprises) as enterprises, (select count(*)::int from employees) as employees')).rows[0]!;
    console.log(`  data set: ${counts.enterprises} enterprises, ${counts.employees} employees`);

    const { cookie, username } = await login(server.url);
    const url = new URL(LIST_PATH, server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const headers = { cookie, accept: 'application/json' };
    const probe = await fetch(url, { headers });
    const page = (await probe.json()) as { total: number; items: unknown[] };
    if (probe.status !== 200) throw new Error(`directory answered ${probe.status}`);
    console.log(`  as ${username}: ${page.total} enterprises in scope, ${page.items.length} on page 1`);

    const apiOp = async () => (await httpGet(agent, url, headers)) === 200;
    await drive(connections, 2, apiOp);
    const api = await drive(connections, seconds, apiOp);
    agent.destroy();

    const compiled = await captureListSql(pool, username);
    const sqlText = compiled.sql;
    const params = [...compiled.parameters];
    const sqlOp = async () => (await pool.query(sqlText, params)).rowCount === page.items.length;
    await drive(connections, 2, sqlOp);
    const raw = await drive(connections, seconds, sqlOp);

    const apiCommand = `GET ${LIST_PATH} as ${username}, ${connections} keep-alive connections, ${seconds} s (npm run bench -- postgres; server: ${serverCommand})`;
    report({ name: `API directory requests/s (${connections} connections)`, value: api.rate, unit: 'req/s', command: apiCommand });
    report({ name: 'API directory latency p50', value: api.p50, unit: 'ms', command: apiCommand });
    report({ name: 'API directory latency p99', value: api.p99, unit: 'ms', command: apiCommand, target: '≤ 50 ms' });
    const sqlCommand = `the same SQL through pg.Pool(max ${connections}), ${connections} concurrent, ${seconds} s (npm run bench -- postgres)`;
    report({ name: `raw SQL queries/s (${connections} concurrent)`, value: raw.rate, unit: 'q/s', command: sqlCommand });
    report({ name: 'raw SQL latency p99', value: raw.p99, unit: 'ms', command: sqlCommand });
    report({ name: 'API efficiency (API req/s ÷ raw SQL q/s)', value: api.rate / raw.rate, unit: '×', command: 'ratio of the two figures above', target: '≥ 0.5' });
    if (api.errors || raw.errors) console.log(`  errors: API ${api.errors}, SQL ${raw.errors}`);
    Object.assign(results.postgres!, { dataSet: counts, user: username, connections, seconds, api, sql: raw, efficiency: api.rate / raw.rate, query: sqlText, serverCommand });
  } finally {
    await server?.stop();
    await bench.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
type ManifestChunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

function benchWeb(): void {
  console.log('\n== web ==');
  const dist = path.join(ROOT, 'web', 'dist');
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    console.log('  web/dist is missing: run `npm run build` first');
    return;
  }
  const html = readFileSync(indexFile, 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) initial.add(m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file.replace(/^\//, ''))), { level: 9 }).length;
  const htmlFiles = [...initial].filter((f) => f.endsWith('.js'));
  const htmlBytes = htmlFiles.reduce((n, f) => n + gz(f), 0);

  // The login route is code-split: add the chunk that renders it and the static imports of both (Vite's manifest).
  const withLogin = new Set(htmlFiles.map((f) => f.replace(/^\//, '')));
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  let loginChunk: string | undefined;
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
    const seen = new Set<string>();
    const add = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      withLogin.add(chunk.file);
      for (const imp of chunk.imports ?? []) add(imp);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) add(key);
    loginChunk = Object.keys(manifest).find((k) => /LoginPage\.tsx$/.test(k));
    if (loginChunk) add(loginChunk);
  }
  const loginBytes = [...withLogin].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
  const command = 'gzip -9 of each <script src> and <link rel=modulepreload> in web/dist/index.html (npm run bench -- web)';
  report({ name: `initial JS of index.html (${htmlFiles.length} files, gzip)`, value: htmlBytes / 1024, unit: 'KB', command });
  if (loginChunk) {
    report({ name: `… plus the login route's chunks (${withLogin.size} files, gzip)`, value: loginBytes / 1024, unit: 'KB',
      command: `the above plus ${loginChunk} and its static imports from web/dist/.vite/manifest.json`, target: '≤ 300 KB' });
  }
  Object.assign(results.web!, { indexHtmlFiles: htmlFiles, indexHtmlGzipBytes: htmlBytes, loginFiles: [...withLogin], loginGzipBytes: loginBytes });
}

// ---------------------------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
    allowPositionals: true,
  });
  const parts = positionals.length ? positionals : ['embedded', 'postgres', 'web'];
  for (const p of parts) if (!['embedded', 'postgres', 'web', 'hazards', 'obligations', 'management', 'competence', 'emergency'].includes(p)) throw new Error(`unknown part ${p} (embedded, postgres, web, hazards, obligations, management, competence, emergency)`);
  const seconds = Math.min(120, Math.max(1, Number(values.duration)));
  const connections = Math.min(256, Math.max(1, Number(values.connections)));
  console.log(`SafeDuty bench: ${parts.join(', ')} · ${os.cpus().length} cores · Node ${process.version}`);
  const kit: BenchKit = { connections, seconds, benchUrl: BENCH_URL, scaleEnterprises: SCALE_ENTERPRISES, report, ensureBenchDatabase, hasScaleData, runNode };

  for (const p of parts) {
    part = p;
    results[p] = { figures: [] };
    if (p === 'embedded') await benchEmbedded();
    if (p === 'postgres') await benchPostgres(kit);
    if (p === 'web') benchWeb();
    if (p === 'hazards') Object.assign(results.hazards!, await benchHazards(kit));
    if (p === 'obligations') Object.assign(results.obligations!, await benchObligations(kit));
    if (p === 'management') Object.assign(results.management!, await benchManagement(kit));
    if (p === 'emergency') Object.assign(results.emergency!, await benchEmergency(kit));
    if (p === 'competence') Object.assign(results.competence!, await benchCompetence(kit));
  }

  const outDir = path.join(ROOT, '.bench');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...previous, ...results, at: new Date().toISOString(), cores: os.cpus().length, node: process.version }, null, 2));
  console.log(`\nwritten to .bench/results.json`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
