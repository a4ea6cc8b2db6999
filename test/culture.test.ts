import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, makeHazard } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';
import { addEmployee, uploadSignature } from './signature-helpers';

// Issue 12 §6: the safety-culture activity log with sign-in on a shared device (platform signatures, sign for another),
// and the reward-and-penalty ledger (安全奖惩台账) with exact-decimal money and an optional link to a hidden hazard.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

test('a pre-shift talk lists its people; a worker without an account signs in on the safety manager\'s device with the last four of the ID number', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const person = await addEmployee(ent, ent.units.team1, { name: '临时工张三' });
  const workerEmployee = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.worker.id).executeTakeFirstOrThrow()).employee_id!;
  const base = `/api/v1/enterprises/${ent.id}/culture-activities`;
  const created = await safety.post(base, { kind: 'pre_shift', heldOn: '2026-12-03', topic: '动火作业风险告知', orgUnitId: ent.units.team1, host: '甲班班长', participantIds: [workerEmployee] });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual([created.data.participants, created.data.signedIn, created.data.abilities.canSignIn], [1, 0, true]);

  const image = await uploadSignature(safety, ent.id);
  const wrong = await safety.post(`${base}/${created.data.id}/sign-ins`, { employeeId: person.id, idLast4: person.last4 === '0000' ? '1111' : '0000', imageAttachmentId: image });
  assert.deepEqual([wrong.statusCode, wrong.data.error.issues[0].path], [400, 'body.idLast4']);
  const signed = await safety.post(`${base}/${created.data.id}/sign-ins`, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: image, device: '班组平板' });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.deepEqual([signed.data.participants, signed.data.signedIn], [2, 1]);
  assert.ok(signed.data.people.find((p: { name: string; signedAt: string | null }) => p.name === '临时工张三')?.signedAt);
  const sig = await t.db.selectFrom('signatures').select(['method', 'signer_employee_id']).where('document_type', '=', 'culture_activity').where('document_id', '=', created.data.id).execute();
  assert.deepEqual(sig, [{ method: 'proxy_pad', signer_employee_id: person.id }]);
  const again = await safety.post(`${base}/${created.data.id}/sign-ins`, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: await uploadSignature(safety, ent.id) });
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'ALREADY_SIGNED']);

  const list = await safety.get(`${base}?kind=pre_shift`);
  assert.deepEqual([list.data.total, list.data.counts.pre_shift, list.data.counts.safety_month], [1, 1, 0]);
  const future = await safety.post(base, { kind: 'safety_month', heldOn: '2026-12-04', topic: '明天的活动' });
  assert.deepEqual([future.statusCode, future.data.error.issues[0].path], [400, 'body.heldOn']);
  const foreignPerson = await safety.post(base, { kind: 'activity_day', heldOn: '2026-12-03', topic: 'x', participantIds: [(await makeEnterprise(t)).rootUnitId] });
  assert.deepEqual([foreignPerson.statusCode, foreignPerson.data.error.issues[0].path], [400, 'body.participantIds']);
});

test('the reward-and-penalty ledger keeps money exact, needs an amount or a measure, and links a hazard only of the same enterprise', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const path = `/api/v1/enterprises/${ent.id}/rewards-penalties`;
  const worker = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.worker.id).executeTakeFirstOrThrow()).employee_id!;
  const hazard = await makeHazard(t, ent);
  const reward = await safety.post(path, { kind: 'reward', employeeId: worker, decidedOn: '2026-12-02', reason: '主动报告储罐区阀门泄漏隐患', amount: '0.1', hazardId: hazard.id });
  assert.equal(reward.statusCode, 201, reward.body);
  assert.deepEqual([reward.data.amount, reward.data.hazardCode], ['0.10', hazard.code]);
  assert.equal((await safety.post(path, { kind: 'reward', employeeId: worker, decidedOn: '2026-12-02', reason: '合理化建议', amount: '0.2' })).statusCode, 201);
  assert.equal((await safety.post(path, { kind: 'penalty', employeeId: worker, decidedOn: '2026-12-03', reason: '未按规定佩戴安全帽', measure: '通报批评' })).statusCode, 201);
  const list = await safety.get(path);
  assert.deepEqual(list.data.totals, { reward: '0.30', penalty: '0.00', count: 3 });

  const neither = await safety.post(path, { kind: 'penalty', employeeId: worker, decidedOn: '2026-12-03', reason: 'x' });
  assert.deepEqual([neither.statusCode, neither.data.error.issues[0].path], [400, 'body.measure']);
  for (const amount of [100, '1e3', '-5', '0.001']) {
    const bad = await safety.post(path, { kind: 'reward', employeeId: worker, decidedOn: '2026-12-03', reason: 'x', amount });
    assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'body.amount'], String(amount));
  }
  const foreignHazard = await makeHazard(t, other);
  const linked = await safety.post(path, { kind: 'reward', employeeId: worker, decidedOn: '2026-12-03', reason: 'x', amount: '1', hazardId: foreignHazard.id });
  assert.deepEqual([linked.statusCode, linked.data.error.issues[0].path], [400, 'body.hazardId']);
});

test('enterprise B cannot read or write A\'s culture records (404); a unit leader or an employee is refused (403)', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const activity = await (await a.login('safety')).post(`/api/v1/enterprises/${a.id}/culture-activities`, { kind: 'activity_day', heldOn: '2026-12-01', topic: '安全活动日' });
  assert.equal(activity.statusCode, 201, activity.body);
  const bSafety = await b.login('safety');
  const e = `/api/v1/enterprises/${a.id}`;
  for (const [method, url, body] of [
    ['GET', `${e}/culture-activities`, undefined], ['POST', `${e}/culture-activities`, { kind: 'other', heldOn: '2026-12-01', topic: 'x' }],
    ['GET', `${e}/culture-activities/${activity.data.id}`, undefined],
    ['POST', `${e}/culture-activities/${activity.data.id}/sign-ins`, { employeeId: a.rootUnitId, idLast4: '0000', imageAttachmentId: a.rootUnitId }],
    ['GET', `${e}/rewards-penalties`, undefined], ['POST', `${e}/rewards-penalties`, { kind: 'reward', employeeId: a.rootUnitId, decidedOn: '2026-12-01', reason: 'x', measure: '表扬' }],
  ] as const) {
    const res = await bSafety.request(method, url, body);
    assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
  }
  for (const who of ['leader', 'worker'] as const) {
    const c = await a.login(who);
    assert.equal((await c.get(`${e}/culture-activities`)).statusCode, 403, who);
    assert.equal((await c.get(`${e}/rewards-penalties`)).statusCode, 403, who);
  }
  const officer = await t.login('guanshang');
  assert.equal((await officer.get(`${e}/rewards-penalties`)).statusCode, 403);
});
