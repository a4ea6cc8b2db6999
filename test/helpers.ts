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

export type Client = {
  csrf: string | null;
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Res>;
  get: (url: string, headers?: Record<string, string>) => Promise<Res>;
  post: (url: string, body?: unknown) => Promise<Res>;
  put: (url: string, body?: unknown) => Promise<Res>;
  patch: (url: string, body?: unknown) => Promise<Res>;
  delete: (url: string) => Promise<Res>;
};

async function throwawayDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `safeduty_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Creating an embedded database and loading the demo district takes seconds; every test file needs the same one.
 * The first file to need it saves a snapshot keyed by the migrations, the seed code and the day; the others start from it.
 */
function templatePath(now: Date): string {
  const h = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '..');
  for (const dir of ['migrations', 'src/seed']) {
    for (const f of readdirSync(path.join(root, dir)).sort()) h.update(f).update(readFileSync(path.join(root, dir, f)));
  }
  h.update(readFileSync(path.join(root, 'src/modules/org/credit-code.ts'))).update(readFileSync(path.join(root, 'src/modules/org/id-number.ts')));
  // The demo's hazards are dated relative to the day it is loaded (overdue, in time, this month): a snapshot serves
  // that local day of the test clock only.
  h.update(localDay(now));
  return path.join(os.tmpdir(), `safeduty-test-${h.digest('hex').slice(0, 16)}.tar`);
}

export async function createTestPlatform(overrides: Partial<Config> = {}, opts: { modules?: readonly ModuleManifest[] } = {}): Promise<TestPlatform> {
  const base = process.env.TEST_DATABASE_URL;
  const throwaway = base ? await throwawayDatabase(base) : null;
  const config = loadConfig({}, {
    databaseUrl: throwaway?.url ?? '', dataDir: 'memory://', seedDemo: true, logLevel: 'silent', jobsEnabled: false,
    dbPoolSize: 5, rateLimitPerMinute: 100_000, webDist: '/nonexistent', ...overrides,
  });
  const clock = { now: new Date() };
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
