import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { enqueueOutbox } from '../src/platform/outbox';
import { createTestPlatform, type TestPlatform } from './helpers';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { openEventStream, sessionCookie } from './event-stream';

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

const cookieOf = (username: string) => sessionCookie(t.platform.app, username);

const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** Opens the stream as an EventSource would and reads its events one by one. */
const open = (cookie: string) => openEventStream(`${base}/api/v1/notifications/stream`, cookie, { 'accept-encoding': 'gzip' });

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
