import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';
import { addEmployee, uploadSignature } from './signature-helpers';

// R-RISK-7, issue 12 §2: each person on a post acknowledges the current content of his post's risk-notice card (on a
// phone, or on a shared device without an account); "every employee knows the risks of his post" is a figure.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-04T02:00:00Z'); // 2026-12-04 10:00 China time
});
after(async () => { await t.close(); });

const api = (ent: FreshEnterprise, rest: string) => `/api/v1/enterprises/${ent.id}${rest}`;

/** A post in a unit of the enterprise, with the given roster people on it. */
async function post(ent: FreshEnterprise, unitId: string, name: string, employeeIds: string[]) {
  const p = await t.db.insertInto('posts').values({ enterprise_id: ent.id, org_unit_id: unitId, name }).returning('id').executeTakeFirstOrThrow();
  if (employeeIds.length) await t.db.insertInto('employee_posts').values(employeeIds.map((employee_id) => ({ enterprise_id: ent.id, employee_id, post_id: p.id }))).execute();
  return p.id;
}

/** A risk point linked to the posts, with one control measure, made by the safety manager through the API. */
async function riskPoint(ent: FreshEnterprise, unitId: string, postIds: string[], name = '反应釜区域') {
  const safety = await ent.login('safety');
  const created = await safety.post(api(ent, '/risk-points'), { name, kind: 'place', orgUnitId: unitId, postIds });
  assert.equal(created.statusCode, 201, created.body);
  await measures(ent, created.data.id, ['定期检查反应釜密封']);
  return created.data.id as string;
}

async function measures(ent: FreshEnterprise, pointId: string, contents: string[]) {
  const res = await (await ent.login('safety')).put(api(ent, `/risk-points/${pointId}/measures`), { measures: contents.map((content) => ({ category: 'management', content })) });
  assert.equal(res.statusCode, 200, res.body);
}

async function employeeOf(ent: FreshEnterprise, who: keyof FreshEnterprise['users']) {
  return (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
}

type MyCard = { card: { post: { id: string }; contentSha256: string; points: unknown[] }; acknowledgedAt: string | null; changedSinceAck: boolean };
async function myCards(c: Client): Promise<MyCard[]> {
  const res = await c.get('/api/v1/me/risk-cards');
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items;
}

async function figure(c: Client, ent: FreshEnterprise) {
  const res = await c.get(api(ent, '/risk-card-acks'));
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { people: number; acknowledged: number; rate: number | null; byUnit: { orgUnitId: string; people: number; acknowledged: number; rate: number | null }[]; byPost: { postId: string; people: number; acknowledged: number }[]; canRecord: boolean };
}

const ack = (c: Client, postId: string, contentSha256: string) => c.post(`/api/v1/me/risk-cards/${postId}/ack`, { contentSha256 });

test('R-RISK-7: a worker reads his post\'s card on his phone and acknowledges it; the figure counts him, a second tap changes nothing', async () => {
  const ent = await makeEnterprise(t);
  const p1 = await post(ent, ent.units.team1, '反应操作岗', [await employeeOf(ent, 'worker')]);
  const p2 = await post(ent, ent.units.team2, '投料岗', [await employeeOf(ent, 'worker2')]);
  // A post without risk points has no card and asks nothing of the person on it.
  await post(ent, ent.units.team1, '门卫岗', [await employeeOf(ent, 'leader')]);
  await riskPoint(ent, ent.units.team1, [p1, p2]);
  const safety = await ent.login('safety');
  assert.deepEqual((({ people, acknowledged, rate }) => ({ people, acknowledged, rate }))(await figure(safety, ent)), { people: 2, acknowledged: 0, rate: 0 });

  const worker = await ent.login('worker');
  const [mine] = await myCards(worker);
  assert.equal(mine!.card.post.id, p1);
  assert.equal(mine!.acknowledgedAt, null);
  assert.equal(mine!.card.points.length, 1);
  // The leader's only post has no card.
  assert.deepEqual(await myCards(await ent.login('leader')), []);

  const done = await ack(worker, p1, mine!.card.contentSha256);
  assert.equal(done.statusCode, 200, done.body);
  const again = await ack(worker, p1, mine!.card.contentSha256);
  assert.equal(again.data.acknowledgedAt, done.data.acknowledgedAt);
  assert.equal((await myCards(worker))[0]!.acknowledgedAt, done.data.acknowledgedAt);
  const f = await figure(safety, ent);
  assert.deepEqual([f.people, f.acknowledged, f.rate], [2, 1, 50]);
  assert.deepEqual(f.byPost.map((p) => [p.postId, p.people, p.acknowledged]).sort(), [[p1, 1, 1], [p2, 1, 0]].sort());
  // Nobody acknowledges a post he is not on.
  assert.equal((await ack(await ent.login('worker2'), p1, mine!.card.contentSha256)).statusCode, 404);
});

test('R-RISK-7: a card acknowledged from a stale read is 409 STALE_CARD and nothing is stored', async () => {
  const ent = await makeEnterprise(t);
  const p = await post(ent, ent.units.team1, '反应操作岗', [await employeeOf(ent, 'worker')]);
  await riskPoint(ent, ent.units.team1, [p]);
  const worker = await ent.login('worker');
  const res = await ack(worker, p, '0'.repeat(64));
  assert.deepEqual([res.statusCode, res.data.error.code, res.data.error.reason], [409, 'CONFLICT', 'STALE_CARD']);
  assert.match(res.data.error.message, /重新阅读/);
  assert.equal((await figure(await ent.login('safety'), ent)).acknowledged, 0);
  assert.equal((await t.db.selectFrom('risk_card_acks').select('post_id').where('enterprise_id', '=', ent.id).execute()).length, 0);
});

test('R-RISK-7: when a measure of the post\'s point changes, the earlier acknowledgement no longer counts until the new card is acknowledged; another post\'s change does not touch it', async () => {
  const ent = await makeEnterprise(t);
  const p = await post(ent, ent.units.team1, '反应操作岗', [await employeeOf(ent, 'worker')]);
  const other = await post(ent, ent.units.team2, '仓库岗', []);
  const point = await riskPoint(ent, ent.units.team1, [p]);
  const elsewhere = await riskPoint(ent, ent.units.team2, [other], '仓库');
  const worker = await ent.login('worker');
  const safety = await ent.login('safety');
  const first = (await myCards(worker))[0]!.card.contentSha256;
  assert.equal((await ack(worker, p, first)).statusCode, 200);
  await measures(ent, elsewhere, ['仓库通风']);
  assert.equal((await figure(safety, ent)).acknowledged, 1, 'a point not on his post changed nothing');

  await measures(ent, point, ['定期检查反应釜密封', '佩戴防毒面具']);
  const [changed] = await myCards(worker);
  assert.notEqual(changed!.card.contentSha256, first);
  assert.deepEqual([changed!.acknowledgedAt, changed!.changedSinceAck], [null, true]);
  assert.deepEqual([(await figure(safety, ent)).acknowledged, (await figure(safety, ent)).people], [0, 1]);
  // The old content is stale now; the new one counts again.
  assert.equal((await ack(worker, p, first)).statusCode, 409);
  assert.equal((await ack(worker, p, changed!.card.contentSha256)).statusCode, 200);
  assert.equal((await figure(safety, ent)).acknowledged, 1);
  // The card as the manager opens it shows the hash the person acknowledges.
  assert.equal((await safety.get(api(ent, `/posts/${p}/risk-card`))).data.contentSha256, changed!.card.contentSha256);
});

test('R-RISK-7 on a shared device: a wrong last four is 400 and stores nothing; the right one with a drawn signature counts; a worker cannot record for others', async () => {
  const ent = await makeEnterprise(t);
  const person = await addEmployee(ent, ent.units.team1);
  const p = await post(ent, ent.units.team1, '反应操作岗', [person.id, await employeeOf(ent, 'worker')]);
  await riskPoint(ent, ent.units.team1, [p]);
  const safety = await ent.login('safety');
  const pending = await safety.get(api(ent, '/risk-card-acks/pending'));
  assert.equal(pending.statusCode, 200, pending.body);
  // Only the person without an account is listed: the worker acknowledges on his own phone.
  assert.deepEqual(pending.data.map((x: { employeeId: string }) => x.employeeId), [person.id]);
  const sha = pending.data[0].contentSha256 as string;
  const body = (last4: string, image: string) => ({ postId: p, employeeId: person.id, contentSha256: sha, idLast4: last4, imageAttachmentId: image, device: '车间平板' });

  const wrong = await safety.post(api(ent, '/risk-card-acks'), body(person.last4 === '0000' ? '1111' : '0000', await uploadSignature(safety, ent.id)));
  assert.deepEqual([wrong.statusCode, wrong.data.error.issues[0].path], [400, 'body.idLast4']);
  assert.equal((await t.db.selectFrom('risk_card_acks').select('post_id').where('enterprise_id', '=', ent.id).execute()).length, 0);
  assert.equal((await t.db.selectFrom('signatures').select('id').where('enterprise_id', '=', ent.id).where('document_type', '=', 'risk_card').execute()).length, 0);

  const worker = await ent.login('worker');
  const byWorker = await worker.post(api(ent, '/risk-card-acks'), body(person.last4, await uploadSignature(worker, ent.id)));
  assert.deepEqual([byWorker.statusCode, byWorker.data.error.code], [403, 'FORBIDDEN']);
  assert.equal((await worker.get(api(ent, '/risk-card-acks/pending'))).statusCode, 403);

  const ok = await safety.post(api(ent, '/risk-card-acks'), body(person.last4, await uploadSignature(safety, ent.id)));
  assert.equal(ok.statusCode, 200, ok.body);
  const row = await t.db.selectFrom('risk_card_acks').select(['content_sha256', 'signature_id']).where('enterprise_id', '=', ent.id).where('employee_id', '=', person.id).executeTakeFirstOrThrow();
  assert.equal(row.content_sha256, sha);
  const sig = await t.db.selectFrom('signatures').select(['method', 'signer_employee_id']).where('enterprise_id', '=', ent.id).where('id', '=', row.signature_id!).executeTakeFirstOrThrow();
  assert.deepEqual(sig, { method: 'proxy_pad', signer_employee_id: person.id });
  assert.deepEqual((await safety.get(api(ent, '/risk-card-acks/pending'))).data, []);
  const f = await figure(safety, ent);
  assert.deepEqual([f.people, f.acknowledged], [2, 1]);

  // Someone not on the post is 404; a card read before it changed is 409.
  const stranger = await addEmployee(ent, ent.units.team1);
  const notOnPost = await safety.post(api(ent, '/risk-card-acks'), { ...body(stranger.last4, await uploadSignature(safety, ent.id)), employeeId: stranger.id });
  assert.equal(notOnPost.statusCode, 404, notOnPost.body);
  const staleRead = await safety.post(api(ent, '/risk-card-acks'), { ...body(person.last4, await uploadSignature(safety, ent.id)), contentSha256: 'a'.repeat(64) });
  assert.deepEqual([staleRead.statusCode, staleRead.data.error.reason], [409, 'STALE_CARD']);
});

test('R-RISK-7 scope: another enterprise\'s manager gets 404 for the figure, the list and the device; its worker cannot acknowledge our post', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const person = await addEmployee(a, a.units.team1);
  const p = await post(a, a.units.team1, '反应操作岗', [person.id, await employeeOf(a, 'worker')]);
  await riskPoint(a, a.units.team1, [p]);
  const sha = (await myCards(await a.login('worker')))[0]!.card.contentSha256;
  const other = await b.login('safety');
  assert.equal((await other.get(api(a, '/risk-card-acks'))).statusCode, 404);
  assert.equal((await other.get(api(a, '/risk-card-acks/pending'))).statusCode, 404);
  const device = await other.post(api(a, '/risk-card-acks'), { postId: p, employeeId: person.id, contentSha256: sha, idLast4: person.last4, imageAttachmentId: await uploadSignature(other, b.id) });
  assert.equal(device.statusCode, 404, device.body);
  assert.equal((await ack(await b.login('worker'), p, sha)).statusCode, 404);
  assert.equal((await t.db.selectFrom('risk_card_acks').select('post_id').where('enterprise_id', '=', a.id).execute()).length, 0);
});

test('R-RISK-7: the figure by unit; a unit leader sees and records for his branch only; the regulators of the enterprise read it, an employee does not', async () => {
  const guanshang = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  const ent = await makeEnterprise(t, { subdistrictId: guanshang.subdistrict_id! });
  const inTeam1 = await addEmployee(ent, ent.units.team1);
  const inTeam2 = await addEmployee(ent, ent.units.team2);
  const p1 = await post(ent, ent.units.team1, '反应操作岗', [inTeam1.id, await employeeOf(ent, 'worker')]);
  const p2 = await post(ent, ent.units.team2, '投料岗', [inTeam2.id, await employeeOf(ent, 'worker2')]);
  await riskPoint(ent, ent.units.ws1, [p1, p2]);
  const worker = await ent.login('worker');
  assert.equal((await ack(worker, p1, (await myCards(worker))[0]!.card.contentSha256)).statusCode, 200);

  const leader = await ent.login('leader');
  const pending = (await leader.get(api(ent, '/risk-card-acks/pending'))).data as { employeeId: string; contentSha256: string }[];
  assert.deepEqual(pending.map((x) => x.employeeId), [inTeam1.id]);
  const sha = pending[0]!.contentSha256;
  const forTeam2 = await leader.post(api(ent, '/risk-card-acks'), { postId: p2, employeeId: inTeam2.id, contentSha256: sha, idLast4: inTeam2.last4, imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.equal(forTeam2.statusCode, 404, forTeam2.body);
  const forTeam1 = await leader.post(api(ent, '/risk-card-acks'), { postId: p1, employeeId: inTeam1.id, contentSha256: sha, idLast4: inTeam1.last4, imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.equal(forTeam1.statusCode, 200, forTeam1.body);

  const whole = await figure(await ent.login('safety'), ent);
  assert.deepEqual([whole.people, whole.acknowledged, whole.rate, whole.canRecord], [4, 2, 50, true]);
  const units = new Map(whole.byUnit.map((u) => [u.orgUnitId, [u.people, u.acknowledged, u.rate]]));
  assert.deepEqual(Object.fromEntries(units), { [ent.units.team1]: [2, 2, 100], [ent.units.team2]: [2, 0, 0] });
  const branch = await figure(leader, ent);
  assert.deepEqual([branch.people, branch.acknowledged, branch.byUnit.map((u) => u.orgUnitId)], [2, 2, [ent.units.team1]]);

  const officer = await figure(await t.login('guanshang'), ent);
  assert.deepEqual([officer.people, officer.acknowledged, officer.canRecord], [4, 2, false]);
  assert.equal((await worker.get(api(ent, '/risk-card-acks'))).statusCode, 403);
  // A regulator reads; he does not run the shared device.
  assert.equal((await (await t.login('guanshang')).get(api(ent, '/risk-card-acks/pending'))).statusCode, 403);
});
