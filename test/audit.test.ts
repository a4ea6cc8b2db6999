import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../src/platform/audit/audit';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

test('a write and its audit row commit together, with before/after, actor, IP and request id', async () => {
  const c = await t.login('safety');
  const { ownEnterprise } = await demoIds(t.db);
  const e = await c.get(`/api/v1/enterprises/${ownEnterprise.id}`);
  const res = await c.request('PATCH', `/api/v1/enterprises/${ownEnterprise.id}`, { address: '昆明市官渡区关上街道 新地址 8 号', version: e.data.version }, { 'x-request-id': 'audit-test-0001' });
  assert.equal(res.statusCode, 200);
  const row = await t.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'audit-test-0001').executeTakeFirstOrThrow();
  assert.equal(row.action, 'enterprise.update');
  assert.equal(row.actor_role, 'safety_manager');
  assert.equal((row.before as { address: string }).address, e.data.address);
  assert.equal((row.after as { address: string }).address, '昆明市官渡区关上街道 新地址 8 号');
  assert.ok(row.ip);
});

test('a refused write leaves neither the change nor an audit row', async () => {
  const c = await t.login('safety');
  const { ownEnterprise } = await demoIds(t.db);
  const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const stale = await c.patch(`/api/v1/enterprises/${ownEnterprise.id}`, { address: 'x', version: 0 });
  assert.equal(stale.statusCode, 409);
  const afterCount = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(afterCount.n), Number(before.n));
});

test('the chain verifies, and an edit made directly in SQL is reported at exactly that row', async () => {
  const admin = await t.login('admin');
  const ok = await admin.get('/api/v1/audit/verify');
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.data.ok, true);
  assert.ok(ok.data.checked >= 3);
  const target = await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'enterprise.update').executeTakeFirstOrThrow();
  const seq = Number(target.seq);
  await sql`update audit_log set after = jsonb_set(after, '{address}', '"篡改"') where seq = ${seq}`.execute(t.db);
  const report = await verifyAuditChain(t.db);
  assert.equal(report.ok, false);
  assert.deepEqual(report.problems, [{ seq, reason: 'hash_mismatch' }]);
  // Deleting a row is found as a gap and a broken link at the next row.
  await sql`delete from audit_log where seq = ${seq}`.execute(t.db);
  const report2 = await verifyAuditChain(t.db);
  assert.deepEqual(report2.problems, [{ seq: seq + 1, reason: 'gap' }, { seq: seq + 1, reason: 'prev_hash_mismatch' }]);
});

test('enterprise managers read only their own enterprise\'s audit rows', async () => {
  const c = await t.login('principal');
  const { ownEnterprise } = await demoIds(t.db);
  const res = await c.get('/api/v1/audit?pageSize=200');
  assert.equal(res.statusCode, 200);
  assert.ok(res.data.items.length > 0);
  assert.ok(res.data.items.every((r: { enterpriseId: string }) => r.enterpriseId === ownEnterprise.id));
});
