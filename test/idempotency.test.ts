import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { purgeIdempotencyKeys } from '../src/platform/http/idempotency';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

/** D18: a write repeated with the same Idempotency-Key runs once; the repeat gets the first answer. */

let t: TestPlatform;
let enterpriseId: string;
let safety: Client;
let principal: Client;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-02T02:00:00Z');
  enterpriseId = (await demoIds(t.db)).ownEnterprise.id;
  safety = await t.login('safety');
  principal = await t.login('principal');
});
after(async () => { await t.close(); });

const api = (p: string) => `/api/v1/enterprises/${enterpriseId}${p}`;
const report = (c: Client, body: unknown, key?: string) => c.request('POST', api('/hazards'), body, key ? { 'idempotency-key': key } : {});
const hazardsTitled = async (title: string) =>
  Number((await t.db.selectFrom('hazards').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('title', '=', title).executeTakeFirstOrThrow()).n);

test('D18 the same key and body twice: one hazard, and the repeat gets the first answer', async () => {
  const body = { title: 'D18 重复提交', location: '一车间' };
  const first = await report(safety, body, 'key-repeat-1');
  const second = await report(safety, body, 'key-repeat-1');
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual([second.statusCode, second.data], [201, first.data]);
  assert.equal(second.headers['idempotent-replayed'], 'true');
  assert.equal(await hazardsTitled(body.title), 1);
  // Without a key, a repeat is a new report, as before.
  assert.equal((await report(safety, body)).statusCode, 201);
  assert.equal(await hazardsTitled(body.title), 2);
});

test('D18 the same key with another body is refused with IDEMPOTENCY_KEY_REUSED', async () => {
  assert.equal((await report(safety, { title: 'D18 第一份' }, 'key-reused')).statusCode, 201);
  const other = await report(safety, { title: 'D18 第二份' }, 'key-reused');
  assert.deepEqual([other.statusCode, other.data.error.code], [422, 'IDEMPOTENCY_KEY_REUSED']);
  assert.equal(await hazardsTitled('D18 第二份'), 0);
  // The key is the account's own: another user's same key is another submission.
  assert.equal((await report(principal, { title: 'D18 第二份' }, 'key-reused')).statusCode, 201);
});

test('D18 two requests with the same key at once create one hazard and answer alike', async () => {
  const body = { title: 'D18 并发双击' };
  const [a, b] = await Promise.all([report(safety, body, 'key-concurrent'), report(safety, body, 'key-concurrent')]);
  assert.deepEqual([a.statusCode, b.statusCode], [201, 201], `${a.body} ${b.body}`);
  assert.equal(a.data.id, b.data.id);
  assert.equal(await hazardsTitled(body.title), 1);
});

test('D18 a repeated workflow step is answered as the first was, not refused by the new state', async () => {
  const h = await report(safety, { title: 'D18 确认两次' });
  const confirm = () => safety.request('POST', api(`/hazards/${h.data.id}/confirm`), { hazardClass: 'thing', level: 'general' }, { 'idempotency-key': 'key-confirm' });
  const first = await confirm();
  assert.equal(first.statusCode, 200, first.body);
  const again = await confirm();
  assert.deepEqual([again.statusCode, again.data.status, again.data.version], [200, first.data.status, first.data.version]);
  const events = await t.db.selectFrom('hazard_events').select('op').where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', h.data.id).execute();
  assert.equal(events.filter((e) => e.op === 'confirm').length, 1);
});

test('D18 a malformed key is a 400; answers are kept 14 days, then purged', async () => {
  const bad = await report(safety, { title: 'D18 坏编号' }, 'has spaces and ☃');
  assert.deepEqual([bad.statusCode, bad.data.error.code, bad.data.error.issues[0].path], [400, 'VALIDATION', 'headers.idempotency-key']);
  const kept = () => t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'key-repeat-1').executeTakeFirst();
  await purgeIdempotencyKeys(t.db, new Date('2026-12-15T02:00:00Z'));
  assert.ok(await kept(), 'kept at 13 days');
  await purgeIdempotencyKeys(t.db, new Date('2026-12-17T02:00:00Z'));
  assert.equal(await kept(), undefined, 'purged after 14 days');
});

test('D18 answers that carry secrets are not stored: an initial password is never kept', async () => {
  const admin = await t.login('admin');
  const res = await admin.request('POST', '/api/v1/users', { username: 'd18user', displayName: 'D18', role: 'safety_manager', enterpriseId }, { 'idempotency-key': 'key-user' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'key-user').executeTakeFirst(), undefined);
});
