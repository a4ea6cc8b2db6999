import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { enqueueOutbox } from '../src/platform/outbox';
import { createTestPlatform, type TestPlatform } from './helpers';
import { DEMO_PASSWORD } from '../src/seed/demo';

/*
 * Issue 14: the bell's live stream. A real server on a loopback port (the stream is a long response, which an
 * injected request cannot follow), real sessions, the outbox's dispatcher writing the notifications.
 */
let t: TestPlatform;
let base: string;
before(async () => {
  // A poll of a minute: what reaches the stream within a second came through the after-commit wake-up, not the poll.
  t = await createTestPlatform({ jobsPollMs: 60_000 });
  await t.platform.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.platform.app.server.address() as AddressInfo).port}`;
});
after(() => t.close());

async function cookieOf(username: string): Promise<string> {
  const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
}

const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

type Stream = { status: number; headers: http.IncomingHttpHeaders; next: (ms?: number) => Promise<{ event: string; data: unknown } | null>; ended: Promise<void>; close: () => void };

/** Opens the stream as an EventSource would and reads its events one by one. */
function open(cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/v1/notifications/stream`, { headers: { cookie, accept: 'text/event-stream', 'accept-encoding': 'gzip' } }, (res) => {
      const queue: { event: string; data: unknown }[] = [];
      const waiting: ((e: { event: string; data: unknown } | null) => void)[] = [];
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (!event || data === undefined) continue;
          const e = { event, data: JSON.parse(data) as unknown };
          const w = waiting.shift();
          if (w) w(e);
          else queue.push(e);
        }
      });
      const ended = new Promise<void>((r) => res.on('end', () => r()));
      resolve({
        status: res.statusCode ?? 0, headers: res.headers, ended, close: () => req.destroy(),
        next: (ms = 3000) => new Promise((r) => {
          const e = queue.shift();
          if (e) return r(e);
          const timer = setTimeout(() => { waiting.splice(waiting.indexOf(done), 1); r(null); }, ms);
          const done = (x: { event: string; data: unknown } | null) => { clearTimeout(timer); r(x); };
          waiting.push(done);
        }),
      });
    });
    req.on('error', reject);
  });
}

async function notify(userIds: string[]): Promise<void> {
  await t.db.transaction().execute((tx) => enqueueOutbox(tx, userIds.map((u) => ({
    topic: 'notify' as const, payload: { userId: u, kind: 'system', titleKey: 'notification.kind.system', bodyKey: 'notification.kind.system' },
  }))));
}

test('the stream sends the caller\'s own count, then the new count after the outbox is dispatched; another person\'s notifications do not reach it', async () => {
  const yjj = await cookieOf('yjj');
  await t.platform.jobs.tick();
  const s = await open(yjj);
  try {
    assert.equal(s.status, 200);
    assert.match(String(s.headers['content-type']), /^text\/event-stream/);
    // Never compressed: gzip would hold the events back until its buffer fills.
    assert.equal(s.headers['content-encoding'], undefined);
    const first = await s.next();
    const unread = (await t.platform.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count', headers: { cookie: yjj } })).json<{ count: number }>().count;
    assert.deepEqual(first, { event: 'count', data: { count: unread } });

    await notify([await userId('yjj')]);
    await t.platform.jobs.tick();
    assert.deepEqual(await s.next(), { event: 'count', data: { count: unread + 1 } });

    // Two notifications for someone else: nothing for this stream (its count is its owner's alone).
    await notify([await userId('zjj'), await userId('worker')]);
    await t.platform.jobs.tick();
    assert.equal(await s.next(500), null);

    // Reading one in another tab reaches this one.
    const latest = (await t.platform.app.inject({ method: 'GET', url: '/api/v1/notifications?unreadOnly=true&pageSize=1', headers: { cookie: yjj } })).json<{ items: { id: string }[] }>();
    const login = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'yjj', password: DEMO_PASSWORD } });
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const cookie2 = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
    const read = await t.platform.app.inject({ method: 'POST', url: `/api/v1/notifications/${latest.items[0]!.id}/read`, headers: { cookie: cookie2, 'x-csrf-token': csrf }, payload: {} });
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(await s.next(), { event: 'count', data: { count: unread } });
  } finally {
    s.close();
  }
});

test('a running runner dispatches right after the commit, without waiting for its poll', async () => {
  const s = await open(await cookieOf('zjj'));
  try {
    const first = (await s.next()) as { data: { count: number } };
    t.platform.jobs.start();
    const sent = performance.now();
    await notify([await userId('zjj')]);
    const e = await s.next(5000);
    assert.deepEqual(e, { event: 'count', data: { count: first.data.count + 1 } });
    // The poll is a minute here: a second is the after-commit wake-up's doing.
    assert.ok(performance.now() - sent < 1000, `${Math.round(performance.now() - sent)} ms`);
  } finally {
    await t.platform.jobs.stop();
    s.close();
  }
});

test('without Accept: text/event-stream the route answers the count once; anonymous callers get 401', async () => {
  const cookie = await cookieOf('worker');
  const once = await t.platform.app.inject({ method: 'GET', url: '/api/v1/notifications/stream', headers: { cookie } });
  assert.equal(once.statusCode, 200);
  assert.equal(typeof once.json<{ count: number }>().count, 'number');
  const anon = await t.platform.app.inject({ method: 'GET', url: '/api/v1/notifications/stream', headers: { accept: 'text/event-stream' } });
  assert.equal(anon.statusCode, 401);
});

test('the server ends open streams when it shuts down', async () => {
  const s = await open(await cookieOf('worker'));
  await s.next();
  const closing = t.platform.app.close();
  await Promise.race([s.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 5000))]);
  await closing;
});
