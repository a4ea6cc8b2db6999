import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ALERT_MAX_ATTEMPTS, deliverAlerts, enqueueAlerts, registerAlertJobs, type AlertDriver } from '../src/platform/alerts';
import { JobRunner } from '../src/platform/jobs/runner';
import { alertDriverOf } from '../src/platform/alerts/alert.drivers';
import { loadConfig } from '../src/platform/config';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-05-11T02:00:00Z');
});
after(() => t.close());

async function write(text: string, phone = '13900000000'): Promise<string[]> {
  await t.db.transaction().execute((tx) => enqueueAlerts(tx, { now: t.clock.now }, [{ kind: 'test', enterpriseId: null, phone, label: '值班室', text }]));
  return (await t.db.selectFrom('alert_messages').select('id').where('text', '=', text).execute()).map((r) => r.id);
}

test('an alert is written with an outbox message; the outbox\'s alert handler sends it through the configured driver and records the attempt', async () => {
  const ids = await write('alert one');
  const msg = await t.db.selectFrom('outbox').select(['topic', 'payload', 'processed_at']).where('topic', '=', 'alert').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual(msg.payload, { alertId: ids[0] });
  assert.equal(msg.processed_at, null);
  await t.platform.jobs.tick();
  const row = await t.db.selectFrom('alert_messages').select(['status', 'attempts']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'sent', attempts: 1 });
  const attempts = await t.db.selectFrom('alert_attempts').select(['driver', 'ok']).where('alert_id', '=', ids[0]!).execute();
  assert.deepEqual(attempts, [{ driver: 'recording', ok: true }]);
});

test('a failing alert is tried again by the outbox after its backoff, and the message ends with the alert\'s attempts', async () => {
  const runner = new JobRunner(t.db, { pollMs: 1000, now: () => t.clock.now });
  registerAlertJobs(runner, loadConfig({ ALERT_DRIVER: 'sms' }));
  const ids = await write('alert three');
  const message = () => t.db.selectFrom('outbox').select(['attempts', 'processed_at', 'run_at', 'last_error']).where('payload', '@>', JSON.stringify({ alertId: ids[0] })).executeTakeFirstOrThrow();
  const alert = () => t.db.selectFrom('alert_messages').select(['status', 'attempts']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
  const start = t.clock.now;
  try {
    // The SMS driver without its URL fails every attempt, visibly.
    await runner.dispatchOutbox(10_000);
    let m = await message();
    assert.equal(m.attempts, 1);
    assert.equal(m.processed_at, null);
    assert.equal(m.run_at?.getTime(), start.getTime() + 2000, 'tried again after 2^1 s');
    assert.match(m.last_error ?? '', /not delivered/);
    // Not before its time.
    await runner.dispatchOutbox(10_000);
    assert.equal((await alert()).attempts, 1);
    for (let i = 2; i <= ALERT_MAX_ATTEMPTS; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 1000 * 2 ** (i - 1));
      await runner.dispatchOutbox(10_000);
      }
    m = await message();
    assert.deepEqual(await alert(), { status: 'failed', attempts: ALERT_MAX_ATTEMPTS });
    assert.ok(m.processed_at, 'the message ends with the alert');
  } finally {
    t.clock.now = start;
  }
});

test('a failing provider is retried and each attempt recorded; after the last attempt the alert is failed', async () => {
  const ids = await write('alert two');
  const broken: AlertDriver = { name: 'broken', send: async () => { throw new Error('gateway down'); } };
  for (let i = 1; i < ALERT_MAX_ATTEMPTS; i++) await assert.rejects(deliverAlerts(t.db, broken, ids, t.clock.now), /not delivered/);
  await deliverAlerts(t.db, broken, ids, t.clock.now);
  const row = await t.db.selectFrom('alert_messages').select(['status', 'attempts']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'failed', attempts: ALERT_MAX_ATTEMPTS });
  const attempts = await t.db.selectFrom('alert_attempts').select(['ok', 'error']).where('alert_id', '=', ids[0]!).execute();
  assert.equal(attempts.length, ALERT_MAX_ATTEMPTS);
  assert.ok(attempts.every((a) => !a.ok && a.error === 'gateway down'));
  // A sent or failed alert is not sent again.
  const ok: AlertDriver = { name: 'ok', send: async () => {} };
  assert.deepEqual(await deliverAlerts(t.db, ok, ids, t.clock.now), { sent: 0, pending: 0 });
});

test('the SMS, 企业微信 and 钉钉 drivers post what their providers expect', async () => {
  const seen: { url: string; auth: string | undefined; body: unknown }[] = [];
  let reply = '{"errcode":0}';
  const server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => { data += c.toString(); });
    req.on('end', () => { seen.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) }); res.setHeader('content-type', 'application/json'); res.end(reply); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const alert = { id: 'x', phone: '13800000000', label: '张三', text: '事故快报', link: null };
    const sms = alertDriverOf(loadConfig({ ALERT_DRIVER: 'sms', ALERT_SMS_URL: `${base}/sms`, ALERT_SMS_TOKEN: 'k' }));
    await sms.send(alert);
    assert.deepEqual(seen.at(-1), { url: '/sms', auth: 'Bearer k', body: { phone: '13800000000', text: '事故快报' } });
    const wecom = alertDriverOf(loadConfig({ ALERT_DRIVER: 'wecom', ALERT_WEBHOOK_URL: `${base}/wecom?key=1` }));
    await wecom.send(alert);
    assert.deepEqual(seen.at(-1)?.body, { msgtype: 'text', text: { content: '事故快报', mentioned_mobile_list: ['13800000000'] } });
    const ding = alertDriverOf(loadConfig({ ALERT_DRIVER: 'dingtalk', ALERT_WEBHOOK_URL: `${base}/ding` }));
    await ding.send(alert);
    assert.deepEqual(seen.at(-1)?.body, { msgtype: 'text', text: { content: '事故快报' }, at: { atMobiles: ['13800000000'] } });
    reply = '{"errcode":310000,"errmsg":"sign not match"}';
    await assert.rejects(ding.send(alert), /310000/);
    await assert.rejects(sms.send({ ...alert, phone: '' }), /no phone/);
    await assert.rejects(alertDriverOf(loadConfig({ ALERT_DRIVER: 'wecom' })).send(alert), /ALERT_WEBHOOK_URL/);
  } finally {
    server.close();
  }
});

test('the driver is configured by name; an unknown one is refused at boot', () => {
  assert.equal(loadConfig({}).alertDriver, 'recording');
  assert.equal(alertDriverOf(loadConfig({ ALERT_DRIVER: 'log' })).name, 'log');
  assert.throws(() => loadConfig({ ALERT_DRIVER: 'pigeon' }));
});
