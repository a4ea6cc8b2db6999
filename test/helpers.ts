import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/database';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { createPlatform, type Platform } from '../src/app';
import type { ModuleManifest } from '../src/platform/module';
import { loadConfig, type Config } from '../src/platform/config';
import type { Db } from '../src/platform/db/database';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { localDay } from '../src/platform/time';
import type { ApiPath, BodyOf, ErrorBody, QueryOf, ResponseOf } from '../web/src/api/types';

/**
 * A real platform on a real database for one test file: the embedded engine in memory by default, or a throwaway
 * database on the PostgreSQL server named by TEST_DATABASE_URL. Demo data is loaded; nothing is mocked.
 */
export type TestPlatform = {
  platform: Platform;
  db: Db;
  config: Config;
  clock: { now: Date };
  login: (username: string, password?: string) => Promise<Client>;
  anonymous: () => Client;
  close: () => Promise<void>;
};

export type Res = LightMyRequestResponse & { body: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The `{name}` parameters of an API path, e.g. `{ enterpriseId: string; id: string }`. */
export type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? { [k in K]: string } & PathParams<Rest> : unknown;
/** An answer typed from the route's response schema; `error` is the documented error body's content on a 4xx. */
export type Typed<T> = Omit<Res, 'data'> & { data: T; error: ErrorBody['error'] | undefined };
type Query = Record<string, string | number | boolean | undefined>;

/**
 * Calls typed from the server's schemas (the OpenAPI document's generated types, as the web app uses): the path is a
 * route template, its parameters and the body are checked at compile time, and `data` has the response's type.
 */
export type TypedApi = {
  get: <P extends ApiPath>(path: P, params: PathParams<P>, query?: QueryOf<P> & Query) => Promise<Typed<ResponseOf<P>>>;
  post: <P extends ApiPath>(path: P, params: PathParams<P>, body: BodyOf<P, 'post'>) => Promise<Typed<ResponseOf<P, 'post'>>>;
  put: <P extends ApiPath>(path: P, params: PathParams<P>, body: BodyOf<P, 'put'>) => Promise<Typed<ResponseOf<P, 'put'>>>;
  patch: <P extends ApiPath>(path: P, params: PathParams<P>, body: BodyOf<P, 'patch'>) => Promise<Typed<ResponseOf<P, 'patch'>>>;
  delete: <P extends ApiPath>(path: P, params: PathParams<P>) => Promise<Typed<ResponseOf<P, 'delete'>>>;
};

/** `/enterprises/{enterpriseId}` with `{ enterpriseId }` filled in and the query appended, under /api/v1. */
export function apiUrl(path: string, params: object, query?: Query): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = (params as Record<string, string | undefined>)[k];
    if (v === undefined) throw new Error(`apiUrl: no value for {${k}} in ${path}`);
    return encodeURIComponent(v);
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
  const q = qs.toString();
  return `/api/v1${filled}${q ? `?${q}` : ''}`;
}

export type Client = {
  csrf: string | null;
  /** Typed calls: `await c.api.get('/enterprises/{enterpriseId}/hazards', { enterpriseId })`. */
  api: TypedApi;
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Res>;
  get: (url: string, headers?: Record<string, string>) => Promise<Res>;
  post: (url: string, body?: unknown) => Promise<Res>;
  put: (url: string, body?: unknown) => Promise<Res>;
  patch: (url: string, body?: unknown) => Promise<Res>;
  delete: (url: string) => Promise<Res>;
};

async function adminQuery(baseUrl: string, run: (c: pg.Client) => Promise<void>): Promise<void> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await run(c);
  } finally {
    await c.end();
  }
}

/**
 * A throwaway database for one test file, cloned from a template that holds the migrated schema and the demo district
 * (`create database … template …`, a file copy): loading the demo through the services takes seconds, and every test
 * file needs the same one. The first file to need a template builds it, under an advisory lock so two files do not both
 * build it; it is keyed like the embedded snapshot (migrations, seed code, local day), and older templates are dropped.
 */
async function throwawayDatabase(baseUrl: string, now: Date): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `safeduty_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const template = `safeduty_tpl_${templateKey(now)}`;
  const urlOf = (db: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${db}`;
    return url.toString();
  };
  await adminQuery(baseUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['safeduty-test-template']);
    try {
      const exists = (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount;
      if (!exists) {
        const stale = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'safeduty\\_tpl\\_%'`);
        for (const { datname } of stale.rows) await admin.query(`drop database if exists ${datname} with (force)`);
        const building = `${template}_b`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const config = loadConfig({}, { databaseUrl: urlOf(building), dataDir: 'memory://', seedDemo: true, logLevel: 'silent', jobsEnabled: false, dbPoolSize: 2, webDist: '/nonexistent' });
        const built = await createPlatform(config, { now: () => now });
        built.database.pool.on('error', () => undefined);
        await built.close();
        // The pool's sockets may still be closing: a template must have no session when it is renamed or copied.
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [building]);
        await admin.query(`alter database ${building} rename to ${template}`);
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['safeduty-test-template']);
    }
  });
  return {
    url: urlOf(name),
    drop: () => adminQuery(baseUrl, async (c) => { await c.query(`drop database if exists ${name} with (force)`); }),
  };
}

/**
 * Creating an embedded database and loading the demo district takes seconds; every test file needs the same one.
 * The first file to need it saves a snapshot keyed by the migrations, the seed code and the day; the others start from it.
 */
function templateKey(now: Date): string {
  const h = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '..');
  for (const dir of ['migrations', 'src/seed']) {
    for (const f of readdirSync(path.join(root, dir)).sort()) h.update(f).update(readFileSync(path.join(root, dir, f)));
  }
  h.update(readFileSync(path.join(root, 'src/modules/org/credit-code.ts'))).update(readFileSync(path.join(root, 'src/modules/org/id-number.ts')));
  // The demo's hazards are dated relative to the day it is loaded (overdue, in time, this month): a snapshot serves
  // that local day of the test clock only.
  h.update(localDay(now));
  return h.digest('hex').slice(0, 16);
}

function templatePath(now: Date): string {
  return path.join(os.tmpdir(), `safeduty-test-${templateKey(now)}.tar`);
}

export async function createTestPlatform(overrides: Partial<Config> = {}, opts: { modules?: readonly ModuleManifest[] } = {}): Promise<TestPlatform> {
  const base = process.env.TEST_DATABASE_URL;
  const clock = { now: new Date() };
  const throwaway = base ? await throwawayDatabase(base, clock.now) : null;
  const config = loadConfig({}, {
    databaseUrl: throwaway?.url ?? '', dataDir: 'memory://', seedDemo: true, logLevel: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent', jobsEnabled: false,
    dbPoolSize: 5, rateLimitPerMinute: 100_000, loginRateLimitPerMinute: 10_000, webDist: '/nonexistent',
    // Sessions expire on the platform clock, which tests move by days and months: a test's sign-in lasts ten years
    // unless the test says otherwise.
    sessionTtlHours: 24 * 3650, ...overrides,
  });
  const template = throwaway ? null : templatePath(clock.now);
  const database = template && existsSync(template)
    ? await openDatabase({ databaseUrl: '', dataDir: 'memory://', poolSize: 1, loadDataDir: new Blob([readFileSync(template)]) })
    : undefined;
  const platform = await createPlatform(config, { now: () => clock.now, database, modules: opts.modules });
  if (template && !database && platform.database.dump) {
    const blob = await platform.database.dump();
    const tmp = `${template}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, template);
  }
  await platform.app.ready();

  // The answer as it came, typed by the caller's route; `error` lifted out of the documented error body.
  const typed = <T>(res: Res): Typed<T> => Object.assign(res, { error: (res.data as Partial<ErrorBody> | null)?.error });
  const client = (cookie: string | null, csrf: string | null): Client => {
    const c: Client = {
      csrf,
      request: async (method, url, body, headers = {}) => {
        const res = await platform.app.inject({
          method: method as 'GET', url,
          headers: { ...(cookie ? { cookie } : {}), ...(c.csrf && method !== 'GET' ? { 'x-csrf-token': c.csrf } : {}), ...headers },
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        let data: unknown = null;
        try { data = res.json(); } catch { data = null; }
        return Object.assign(res, { data }) as Res;
      },
      get: (url, headers) => c.request('GET', url, undefined, headers),
      post: (url, body) => c.request('POST', url, body ?? {}),
      put: (url, body) => c.request('PUT', url, body ?? {}),
      patch: (url, body) => c.request('PATCH', url, body ?? {}),
      delete: (url) => c.request('DELETE', url),
      api: {
        get: (path, params, query) => c.request('GET', apiUrl(path, params as object, query)).then((r) => typed(r)),
        post: (path, params, body) => c.request('POST', apiUrl(path, params as object), body ?? {}).then((r) => typed(r)),
        put: (path, params, body) => c.request('PUT', apiUrl(path, params as object), body ?? {}).then((r) => typed(r)),
        patch: (path, params, body) => c.request('PATCH', apiUrl(path, params as object), body ?? {}).then((r) => typed(r)),
        delete: (path, params) => c.request('DELETE', apiUrl(path, params as object)).then((r) => typed(r)),
      },
    };
    return c;
  };

  return {
    platform, db: platform.database.db, config, clock,
    anonymous: () => client(null, null),
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
      return client(cookie, (res.json() as { csrfToken: string }).csrfToken);
    },
    close: async () => {
      // pg's pool.end() resolves before its sockets close; the forced drop below may then kill a connection that
      // is still closing. That error is expected and must not fail the test file.
      platform.database.pool.on('error', () => undefined);
      await platform.close();
      await throwaway?.drop();
    },
  };
}

/**
 * Delivers every pending outbox message, however many the demo and the test queued (one dispatch takes a batch of 200,
 * oldest first, so a message a test just wrote may wait behind the demo's).
 */
export async function drainOutbox(t: TestPlatform): Promise<void> {
  while (await t.platform.jobs.dispatchOutbox() > 0) { /* next batch */ }
}

/** Every notification in the person's bell, page after page (daily jobs may have put many before the one a test seeks). */
export async function allNotifications(c: Client): Promise<{ title: string; body: string; kind: string; link: string | null }[]> {
  const all: { title: string; body: string; kind: string; link: string | null }[] = [];
  for (let page = 1; ; page++) {
    const res = await c.get(`/api/v1/notifications?pageSize=100&page=${page}`);
    if (res.statusCode !== 200) throw new Error(`notifications: ${res.statusCode} ${res.body}`);
    all.push(...(res.data.items as typeof all));
    if (res.data.items.length < 100) return all;
  }
}

/**
 * Sets the test clock to the moment the demo was loaded, until the calling test ends. A demo test reads the demo's
 * dates relative to its own day: the suite may reuse a demo loaded by an earlier process (under faketime, at another
 * date), while a file may have fixed its clock to another day.
 */
export async function onDemoDay(t: TestPlatform, test: { after: (fn: () => void) => void }): Promise<Date> {
  const fixed = t.clock.now;
  t.clock.now = (await t.db.selectFrom('audit_log').select('at').where('action', '=', 'system.seed_demo').executeTakeFirstOrThrow()).at;
  test.after(() => { t.clock.now = fixed; });
  return t.clock.now;
}

/** Ids the tests need from the demo district. */
export async function demoIds(db: Db) {
  const subs = await db.selectFrom('subdistricts').select(['id', 'name']).orderBy('code').execute();
  const ents = await db.selectFrom('enterprises').select(['id', 'name', 'subdistrict_id', 'industry_code']).orderBy('credit_code').execute();
  const principal = await db.selectFrom('users').select(['enterprise_id']).where('username', '=', 'principal').executeTakeFirstOrThrow();
  const ownEnterprise = ents.find((e) => e.id === principal.enterprise_id)!;
  // Another enterprise outside the demo officer's subdistrict (关上街道) and the 应急局's industries.
  const foreign = ents.find((e) => e.subdistrict_id !== ownEnterprise.subdistrict_id && e.industry_code === 'construction')!;
  return { subs, ents, ownEnterprise, foreign };
}
