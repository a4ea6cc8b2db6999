import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

/**
 * Conflicting requests at the same moment, on PostgreSQL only: the embedded engine has one connection and runs them
 * one after the other anyway. The test platform's pool (5 connections) lets these requests really overlap.
 */
const skip = !process.env.TEST_DATABASE_URL;

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
const users = new Map<string, Client>();
before(async () => {
  if (skip) return;
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  for (const u of ['safety', 'principal', 'leader', 'worker']) users.set(u, await t.login(u));
});
after(async () => { if (!skip) await t.close(); });

const as = (u: string) => users.get(u)!;
const url = (p = '') => `/api/v1/enterprises/${ids.ownEnterprise.id}/hazards${p}`;
const ROUNDS = 6;

function png(seed: number): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed & 0xff, seed >> 8])]);
}

async function upload(c: Client, seed: number): Promise<string[]> {
  const boundary = `----sd${seed}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png(seed),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids as string[];
}

async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** A hazard reported by the safety manager, rectified by the workshop leader and submitted for acceptance. */
async function submittedHazard(round: number): Promise<string> {
  const r = await as('safety').post(url(), { title: `CONC-${round}` });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.data.id as string;
  assert.equal((await as('safety').post(url(`/${id}/confirm`), { level: 'general', hazardClass: 'thing' })).statusCode, 200);
  const deadline = new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  assert.equal((await as('safety').post(url(`/${id}/assign`), { rectifierId: await userId('leader'), measures: '整改', deadline })).statusCode, 200);
  const submitted = await as('leader').post(url(`/${id}/submit`), { note: '已整改', photoIds: await upload(as('leader'), round) });
  assert.equal(submitted.data.status, 'submitted', submitted.body);
  return id;
}

/** Exactly one of two requests won; the other was refused 409 STATE, having decided on the winner's committed state. */
function oneWins(results: Res[]): number {
  const statuses = results.map((r) => r.statusCode);
  assert.deepEqual([...statuses].sort(), [200, 409], results.map((r) => r.body).join('\n'));
  const loser = results.find((r) => r.statusCode === 409)!;
  assert.deepEqual([loser.data.error.code, loser.data.error.reason], ['STATE', 'STATE']);
  return statuses.indexOf(200);
}

async function finalRow(id: string) {
  const row = await t.db.selectFrom('hazards').select(['status', 'closed_at', 'accepted_by', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const events = await t.db.selectFrom('hazard_events').select(['op', 'from_status', 'to_status']).where('hazard_id', '=', id).orderBy('seq').execute();
  // The history is one chain: every step starts where the one before it ended, and the row is where the last ended.
  events.slice(1).forEach((e, i) => assert.equal(e.from_status, events[i]!.to_status, `${e.op} after ${events[i]!.op}`));
  assert.equal(row.status, events.at(-1)!.to_status);
  return { row, ops: events.map((e) => e.op), last: events.at(-1)! };
}

test('D1 accept ∥ reject on one submitted hazard: one wins, the other gets 409 STATE, the row matches the winner', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await submittedHazard(round);
    const results = await Promise.all([
      as('safety').post(url(`/${id}/accept`), { note: '验收合格，同意销号' }),
      as('principal').post(url(`/${id}/reject`), { note: '整改不到位，退回' }),
    ]);
    const winner = oneWins(results);
    const { row, ops, last } = await finalRow(id);
    assert.deepEqual(ops, ['report', 'confirm', 'assign', 'submit', winner === 0 ? 'accept' : 'reject']);
    assert.equal(row.status, last.to_status);
    if (winner === 0) assert.ok(row.status === 'closed' && row.closed_at && row.accepted_by, 'closed with its acceptance');
    else assert.ok(row.status === 'rectifying' && !row.closed_at && !row.accepted_by, 'sent back, never closed');
    assert.equal(row.version, 5);
  }
});

test('D1 accept ∥ accept: one acceptance, one close notification', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await submittedHazard(100 + round);
    const results = await Promise.all([
      as('safety').post(url(`/${id}/accept`), { note: '验收合格' }),
      as('principal').post(url(`/${id}/accept`), { note: '验收合格' }),
    ]);
    oneWins(results);
    const { row, ops } = await finalRow(id);
    assert.deepEqual(ops.filter((o) => o === 'accept'), ['accept']);
    assert.equal(row.status, 'closed');
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'hazard.accept').execute();
    assert.equal(audits.length, 1);
  }
});

test('D1 confirm ∥ void on one reported hazard: never voided and then confirmed', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const r = await as('worker').post(url(), { title: `CONC-CV-${round}` });
    const id = r.data.id as string;
    const [confirmed, voided] = await Promise.all([
      as('safety').post(url(`/${id}/confirm`), { level: 'major', hazardClass: 'thing', majorCriterion: '重大隐患判定标准' }),
      as('principal').post(url(`/${id}/void`), { reason: '重复上报' }),
    ]);
    const { row, ops } = await finalRow(id);
    // A confirmed hazard may still be voided, so "confirm, then void" is a legal outcome; "void, then confirm" is not.
    if (voided.statusCode === 200 && confirmed.statusCode === 200) assert.deepEqual(ops, ['report', 'confirm', 'void']);
    else assert.deepEqual(ops, ['report', oneWins([confirmed, voided]) === 0 ? 'confirm' : 'void']);
    assert.equal(row.status, voided.statusCode === 200 ? 'voided' : 'confirmed');
  }
});

test('D12 16 risk points created at once without a code all succeed, with distinct FX- codes', { skip }, async () => {
  const unit = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const results = await Promise.all(Array.from({ length: 16 }, (_, k) =>
    as('safety').post(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-points`, { name: `CONC-RP${k}`, kind: 'place', orgUnitId: unit.id })));
  assert.deepEqual(results.map((r) => r.statusCode), Array(16).fill(201), results.map((r) => r.body).join('\n'));
  const codes = results.map((r) => r.data.code as string);
  assert.equal(new Set(codes).size, 16);
  for (const c of codes) assert.match(c, /^FX-\d{3,}$/);
});
