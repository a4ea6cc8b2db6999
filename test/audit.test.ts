import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain, writeAudit } from '../src/platform/audit/audit';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';
import type { Ctx } from '../src/platform/auth/actor';

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

test('writes in different enterprises go to separate chains, each gap-free from 1, and do not wait for each other', async () => {
  const { ownEnterprise, foreign } = await demoIds(t.db);
  const ctx: Ctx = { actor: null, ip: '127.0.0.1', requestId: 'chain-test', locale: 'zh-CN', now: t.clock.now };
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let locked!: () => void;
  const hasLock = new Promise<void>((r) => { locked = r; });
  const first = t.db.transaction().execute(async (tx) => {
    await writeAudit(tx, ctx, { action: 'test.a', entityType: 'test', entityId: 'a', enterpriseId: ownEnterprise.id });
    locked();
    await held;
  });
  await hasLock;
  if (t.platform.database.engine === 'postgres') {
    // A real server has more connections than one: the other enterprise's append commits while the first
    // transaction is still open (with one global lock this would wait forever on `held`).
    await t.db.transaction().execute(async (tx) => {
      await writeAudit(tx, ctx, { action: 'test.b', entityType: 'test', entityId: 'b', enterpriseId: foreign.id });
    });
  }
  release();
  await first;
  const chains = await t.db.selectFrom('audit_log').select(['chain', (eb) => eb.fn.min('chain_seq').as('first'),
    (eb) => eb.fn.max('chain_seq').as('last'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('chain').execute();
  const own = chains.find((c) => c.chain === ownEnterprise.id);
  assert.ok(own, 'the enterprise has its own chain');
  for (const c of chains) {
    assert.equal(Number(c.first), 1, `chain ${c.chain} starts at 1`);
    assert.equal(Number(c.last), Number(c.n), `chain ${c.chain} has no gaps`);
  }
  const report = await verifyAuditChain(t.db);
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  assert.equal(report.chains, chains.length);
});

test('audit rows are appended as the transaction commits: the chain is locked last, and a record is written as it was when given', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const ctx: Ctx = { actor: null, ip: '127.0.0.1', requestId: 'chain-last', locale: 'zh-CN', now: t.clock.now };
  const count = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('request_id', '=', 'chain-last').executeTakeFirstOrThrow()).n);
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let written!: () => void;
  const hasWritten = new Promise<void>((r) => { written = r; });
  const after = { state: 'as written' };
  const first = t.db.transaction().execute(async (tx) => {
    await writeAudit(tx, ctx, { action: 'test.first', entityType: 'test', entityId: 'first', enterpriseId: ownEnterprise.id, after });
    after.state = 'changed later';
    // Not in the table yet, even for this transaction: it is appended when the work is done.
    const own = await tx.selectFrom('audit_log').select('seq').where('request_id', '=', 'chain-last').execute();
    assert.equal(own.length, 0);
    written();
    await held;
  });
  await hasWritten;
  if (t.platform.database.engine === 'postgres') {
    // The same chain: this append commits while the first transaction is still working (before, it waited for it).
    await t.db.transaction().execute(async (tx) => {
      await writeAudit(tx, ctx, { action: 'test.second', entityType: 'test', entityId: 'second', enterpriseId: ownEnterprise.id });
    });
    assert.equal(await count(), 1);
  }
  release();
  await first;
  const rows = await t.db.selectFrom('audit_log').select(['action', 'after', 'chain_seq']).where('request_id', '=', 'chain-last').orderBy('chain_seq').execute();
  assert.deepEqual(rows.map((r) => r.action), t.platform.database.engine === 'postgres' ? ['test.second', 'test.first'] : ['test.first']);
  assert.deepEqual(rows.at(-1)!.after, { state: 'as written' });
  // A transaction that fails after writing its audit row leaves none.
  await assert.rejects(t.db.transaction().execute(async (tx) => {
    await writeAudit(tx, ctx, { action: 'test.failed', entityType: 'test', entityId: 'failed', enterpriseId: ownEnterprise.id });
    throw new Error('the change fails');
  }), /the change fails/);
  assert.equal(await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.failed').executeTakeFirst(), undefined);
  const report = await verifyAuditChain(t.db);
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});

test('the chains verify, and an edit made directly in SQL is reported at exactly that row', async () => {
  const admin = await t.login('admin');
  const ok = await admin.get('/api/v1/audit/verify');
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.data.ok, true);
  assert.ok(ok.data.checked >= 3);
  const target = await t.db.selectFrom('audit_log').select(['seq', 'chain', 'chain_seq']).where('action', '=', 'enterprise.update').executeTakeFirstOrThrow();
  const seq = Number(target.seq);
  const { ownEnterprise } = await demoIds(t.db);
  assert.equal(target.chain, ownEnterprise.id, 'an enterprise\'s writes go to its own chain');
  // Two more writes in the same chain, so that the edited row has a successor there.
  const c = await t.login('safety');
  for (const address of ['昆明市官渡区关上街道 9 号', '昆明市官渡区关上街道 10 号']) {
    const e = await c.get(`/api/v1/enterprises/${ownEnterprise.id}`);
    assert.equal((await c.patch(`/api/v1/enterprises/${ownEnterprise.id}`, { address, version: e.data.version })).statusCode, 200);
  }
  await sql`update audit_log set after = jsonb_set(after, '{address}', '"篡改"') where seq = ${seq}`.execute(t.db);
  const report = await verifyAuditChain(t.db);
  assert.equal(report.ok, false);
  assert.deepEqual(report.problems, [{ seq, chain: ownEnterprise.id, reason: 'hash_mismatch' }]);
  // Deleting a row is found as a gap and a broken link at the next row of the same chain.
  const next = await t.db.selectFrom('audit_log').select('seq').where('chain', '=', ownEnterprise.id)
    .where('chain_seq', '=', String(Number(target.chain_seq) + 1) as never).executeTakeFirstOrThrow();
  await sql`delete from audit_log where seq = ${seq}`.execute(t.db);
  const report2 = await verifyAuditChain(t.db);
  const nextSeq = Number(next.seq);
  assert.deepEqual(report2.problems, [
    { seq: nextSeq, chain: ownEnterprise.id, reason: 'gap' }, { seq: nextSeq, chain: ownEnterprise.id, reason: 'prev_hash_mismatch' },
  ]);
  // Cutting the last row off the chain leaves no broken link behind it, but the chain's head no longer matches.
  const last = await t.db.selectFrom('audit_log').select('seq').where('chain', '=', ownEnterprise.id).orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
  await sql`delete from audit_log where seq = ${last.seq}`.execute(t.db);
  const newLast = await t.db.selectFrom('audit_log').select('seq').where('chain', '=', ownEnterprise.id).orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const report3 = await verifyAuditChain(t.db);
  assert.deepEqual(report3.problems.filter((p) => p.reason === 'head_mismatch'), [{ seq: Number(newLast.seq), chain: ownEnterprise.id, reason: 'head_mismatch' }]);
});

test('enterprise managers read only their own enterprise\'s audit rows', async () => {
  const c = await t.login('principal');
  const { ownEnterprise } = await demoIds(t.db);
  const res = await c.get('/api/v1/audit?pageSize=200');
  assert.equal(res.statusCode, 200);
  assert.ok(res.data.items.length > 0);
  assert.ok(res.data.items.every((r: { enterpriseId: string }) => r.enterpriseId === ownEnterprise.id));
});

test('rows from before the per-enterprise chains (one global chain, hash version 1) still verify', async () => {
  const { auditHash, GENESIS_HASH } = await import('../src/platform/audit/canonical');
  await sql`delete from audit_log`.execute(t.db);
  await sql`delete from audit_chain_heads`.execute(t.db);
  let prevHash = GENESIS_HASH;
  for (const seq of [1, 2]) {
    const row = { seq, at: new Date(Date.UTC(2026, 0, seq)), actorId: null, actorRole: null, actorScope: null, action: 'legacy', entityType: 'test',
      entityId: String(seq), enterpriseId: null, before: null, after: { n: seq }, ip: null, requestId: null, prevHash };
    const hash = auditHash(row);
    await sql`insert into audit_log (seq, chain, chain_seq, hash_version, at, action, entity_type, entity_id, after, prev_hash, hash)
      values (${seq}, 'global', ${seq}, 1, ${row.at}, 'legacy', 'test', ${String(seq)}, ${JSON.stringify(row.after)}::jsonb, ${prevHash}, ${hash})`.execute(t.db);
    prevHash = hash;
  }
  await sql`insert into audit_chain_heads (chain, chain_seq, hash) values ('global', 2, ${prevHash})`.execute(t.db);
  assert.deepEqual(await verifyAuditChain(t.db), { ok: true, checked: 2, chains: 1, lastSeq: 2, problems: [] });
  await sql`update audit_log set after = '{"n": 9}' where seq = 1`.execute(t.db);
  assert.deepEqual((await verifyAuditChain(t.db)).problems, [{ seq: 1, chain: 'global', reason: 'hash_mismatch' }]);
});
