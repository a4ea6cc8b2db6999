import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createPlatform, type Platform } from '../src/app';
import { NOTIFY_MAX_BYTES } from '../src/platform/db/listen';
import { BellSignals, bellPayloads, enqueueOutbox } from '../src/platform/outbox';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { openEventStream, sessionCookie } from './event-stream';
import { createTestPlatform, type TestPlatform } from './helpers';

/*
 * Issue 14: an accident reaches the regulator's bell within seconds, whichever instance dispatched it. Two platforms
 * on one PostgreSQL database (instance A holds the stream, instance B dispatches), hearing each other through
 * LISTEN/NOTIFY. The embedded engine is one process and has no listener: those tests need TEST_DATABASE_URL.
 */

test('the bell\'s payloads stay under PostgreSQL\'s limit and together name every user once', () => {
  const from = randomUUID();
  const ids = Array.from({ length: 1000 }, () => randomUUID());
  const payloads = bellPayloads(from, [...ids, ...ids.slice(0, 10)]);
  assert.ok(payloads.length > 1, 'a thousand ids do not fit one payload');
  for (const p of payloads) assert.ok(Buffer.byteLength(p) <= NOTIFY_MAX_BYTES, `${Buffer.byteLength(p)} bytes`);
  const named = payloads.flatMap((p) => (JSON.parse(p) as { from: string; users: string[] }).users);
  assert.deepEqual(named, ids);
  assert.deepEqual(bellPayloads(from, []), []);
});

test('an instance skips its own payloads and ones it cannot read, and wakes the streams another instance names', () => {
  const bells = new BellSignals();
  const user = randomUUID();
  let woken = 0;
  bells.subscribe(user, () => { woken++; });
  for (const p of bellPayloads(bells.origin, [user])) bells.receive(p);
  bells.receive('not json');
  bells.receive(JSON.stringify({ from: randomUUID(), users: [42] }));
  assert.equal(woken, 0);
  for (const p of bellPayloads(randomUUID(), [randomUUID(), user])) bells.receive(p);
  assert.equal(woken, 1);
});

describe('two instances on one PostgreSQL database', { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (TEST_DATABASE_URL)' }, () => {
  let a: TestPlatform;
  let b: Platform;
  let base: string;
  before(async () => {
    // Polls of a minute and no running runner: what reaches A's stream within seconds came through NOTIFY, not a poll
    // (and not A's heartbeat, 25 s).
    a = await createTestPlatform({ jobsPollMs: 60_000 });
    b = await createPlatform(a.config, { now: () => a.clock.now });
    await b.app.ready();
    await a.platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(a.platform.app.server.address() as AddressInfo).port}`;
    // The demo's pending messages are delivered first, so that the counts below move by the test's own only.
    while (await b.jobs.dispatchOutbox() > 0) { /* next batch */ }
  });
  after(async () => {
    b?.database.pool.on('error', () => undefined);
    await b?.close();
    await a?.close();
  });

  const cookieOf = (username: string) => sessionCookie(a.platform.app, username);


  const userId = async (username: string) => (await a.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  /** Opens the bell's stream on instance A and collects the counts it sends. */
  const open = (cookie: string) => openEventStream(`${base}/api/v1/notifications/stream`, cookie);

  /** Waits until `check` holds, or fails after `ms`. */
  async function until(what: string, ms: number, check: () => boolean | Promise<boolean>): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** A notification for `user`, written and dispatched on instance B. */
  async function notifyOnB(user: string): Promise<void> {
    await b.database.db.transaction().execute((tx) => enqueueOutbox(tx, {
      topic: 'notify', payload: { userId: user, kind: 'system', titleKey: 'notification.kind.system', bodyKey: 'notification.kind.system' },
    }));
    while (await b.jobs.dispatchOutbox() > 0) { /* next batch */ }
  }

  /** The listeners' backends on the test's database (`LISTEN` is the last statement each of them ran). */
  async function listenerPids(): Promise<number[]> {
    const res = await b.database.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and state = 'idle' and query ilike 'listen%' order by pid`);
    return res.rows.map((r) => r.pid);
  }

  test('a notification dispatched on instance B reaches the stream held by instance A within seconds', async () => {
    const s = await open(await cookieOf('yjj'));
    try {
      await until('the stream\'s first count', 5000, () => s.counts().length > 0);
      const first = s.counts()[0]!;
      await notifyOnB(await userId('yjj'));
      await until('the new count on A', 2000, () => s.counts().includes(first + 1));
    } finally {
      s.close();
    }
  });

  test('reading on instance B reaches the stream held by instance A', async () => {
    await notifyOnB(await userId('yjj'));
    const s = await open(await cookieOf('yjj'));
    try {
      await until('the stream\'s count', 5000, () => s.counts().length > 0);
      assert.ok(s.counts()[0]! > 0);
      const login = await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'yjj', password: DEMO_PASSWORD } });
      const cookie = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
      const read = await b.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken }, payload: {} });
      assert.equal(read.statusCode, 200, read.body);
      await until('the count of 0 on A', 2000, () => s.counts().at(-1) === 0);
    } finally {
      s.close();
    }
  });

  test('a thousand users\' news, split over several NOTIFYs, all reach the other instance', async () => {
    const ids = Array.from({ length: 1000 }, () => randomUUID());
    const heard = new Set<string>();
    const unsubscribe = ids.map((id) => a.platform.jobs.bells.subscribe(id, () => heard.add(id)));
    try {
      b.jobs.bells.signal(ids);
      await until('every id heard on A', 5000, () => heard.size === ids.length);
    } finally {
      for (const u of unsubscribe) u();
    }
  });

  test('a listener whose connection is killed reconnects and still delivers', async () => {
    const killed = await listenerPids();
    assert.equal(killed.length, 2, 'one listener per instance');
    await b.database.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    await until('two new listeners', 15_000, async () => {
      const now = await listenerPids();
      return now.length === 2 && now.every((p) => !killed.includes(p));
    });
    const s = await open(await cookieOf('zjj'));
    try {
      await until('the stream\'s first count', 5000, () => s.counts().length > 0);
      const first = s.counts()[0]!;
      await notifyOnB(await userId('zjj'));
      await until('the new count on A', 2000, () => s.counts().includes(first + 1));
    } finally {
      s.close();
    }
  });
});

test('a listener its owner never closed does not keep the process alive (a test file or a CLI still exits)', { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (TEST_DATABASE_URL)' }, async () => {
  // A child process connects a listener, checks it listens, and returns without closing it: it must exit by itself.
  const script = `
    import { ChannelListener } from ${JSON.stringify(new URL('../src/platform/db/listen.ts', import.meta.url).pathname)};
    const l = new ChannelListener({ connection: { connectionString: process.env.TEST_DATABASE_URL }, channel: 'safeduty_test_unref', onMessage: () => {} });
    await l.start();
    if (!l.listening) process.exit(3);
    console.log('listening');
  `;
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve('still running after 20 s'); }, 20_000);
    child.on('exit', (c) => { clearTimeout(timer); resolve(c ?? -1); });
  });
  assert.equal(code, 0, `the child: ${code}, printed ${JSON.stringify(out)}`);
  assert.match(out, /listening/);
});
