import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, makeHazard, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

// One session per demo user for the whole file: logins are rate-limited (20 a minute per address).
const sessions = new Map<string, Promise<Client>>();
function login(username: string): Promise<Client> {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
}

// The smallest valid PNG (1×1), with a varying byte so each upload is a different photo.
function png(seed = 0): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed])]);
}

async function upload(c: Client, files: Buffer[], enterpriseId = ids.ownEnterprise.id): Promise<{ status: number; ids: string[]; data: unknown }> {
  const boundary = '----sd' + Math.random().toString(16).slice(2);
  const parts = files.map((f, i) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p${i}.png"\r\nContent-Type: image/png\r\n\r\n`), f, Buffer.from('\r\n'),
  ]));
  const body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  const res = await c.request('POST', `/api/v1/enterprises/${enterpriseId}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  return { status: res.statusCode, ids: res.data?.ids ?? [], data: res.data };
}

const url = (p = '') => `/api/v1/enterprises/${ids.ownEnterprise.id}/hazards${p}`;
async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

test('R-HAZ-3 the closed loop: report with a photo → confirm → assign → submit with an after-photo → accepted by someone else', async () => {
  const worker = await login('worker');
  const safety = await login('safety');
  const leader = await login('leader');
  const risk = await t.db.selectFrom('risk_points').select(['id', 'control_failing']).where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '反应釜（R-101）').executeTakeFirstOrThrow();
  assert.equal(risk.control_failing, false);

  const before = await upload(worker, [png(1)]);
  assert.equal(before.status, 201);
  const reported = await worker.post(url(), { title: '反应釜压力表损坏', riskPointId: risk.id, photoIds: before.ids, location: '一车间二层' });
  assert.equal(reported.statusCode, 201, reported.body);
  assert.match(reported.data.code, /^YH-\d{4}-\d{4}$/);
  const id = reported.data.id as string;
  // The risk feedback loop: an open hazard marks its risk point "control failing".
  const failing = await t.db.selectFrom('risk_points').select('control_failing').where('id', '=', risk.id).executeTakeFirstOrThrow();
  assert.equal(failing.control_failing, true);

  assert.equal((await worker.post(url(`/${id}/confirm`), { level: 'general', hazardClass: 'thing' })).statusCode, 403, 'an employee does not confirm');
  const confirmed = await safety.post(url(`/${id}/confirm`), { level: 'general', hazardClass: 'thing' });
  assert.equal(confirmed.data.status, 'confirmed');
  // R-HAZ-6: the reporter earned a point.
  const pts = await t.db.selectFrom('hazard_points').select('points').where('hazard_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(pts.points, 1);

  const deadline = new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const assigned = await safety.post(url(`/${id}/assign`), { rectifierId: await userId('leader'), measures: '更换压力表并校验', deadline });
  assert.equal(assigned.data.status, 'rectifying');
  assert.equal(assigned.data.rectifierName, '精细化工 一车间主任');

  const noPhoto = await leader.post(url(`/${id}/submit`), { note: '已更换' });
  assert.equal(noPhoto.statusCode, 409);
  assert.equal(noPhoto.data.error.reason, 'PHOTO_REQUIRED');
  const afterPhoto = await upload(leader, [png(2)]);
  const submitted = await leader.post(url(`/${id}/submit`), { note: '已更换', photoIds: afterPhoto.ids });
  assert.equal(submitted.data.status, 'submitted');

  // Separation of duties: the rectifier cannot accept his own work, even as a unit leader.
  const self = await leader.post(url(`/${id}/accept`), { note: '合格' });
  assert.equal(self.statusCode, 409);
  assert.equal(self.data.error.reason, 'SEPARATION');
  // A step may name the version the client saw: one decided on a stale view is refused, and nothing changes.
  const stale = await safety.post(url(`/${id}/reject`), { note: '压力表未铅封', version: submitted.data.version - 1 });
  assert.deepEqual([stale.statusCode, stale.data.error.code, stale.data.error.reason], [409, 'STATE', 'STALE'], stale.body);
  const rejected = await safety.post(url(`/${id}/reject`), { note: '压力表未铅封', version: submitted.data.version });
  assert.equal(rejected.data.version, submitted.data.version + 1);
  assert.equal(rejected.data.status, 'rectifying');
  const again = await leader.post(url(`/${id}/submit`), { note: '已铅封', photoIds: (await upload(leader, [png(3)])).ids });
  assert.equal(again.data.status, 'submitted');
  const closed = await safety.post(url(`/${id}/accept`), { note: '验收合格' });
  assert.equal(closed.data.status, 'closed');
  assert.deepEqual(closed.data.events.map((e: { op: string }) => e.op), ['report', 'confirm', 'assign', 'submit', 'reject', 'submit', 'accept']);
  assert.deepEqual(closed.data.photos.map((p: { stage: string }) => p.stage).sort(), ['after', 'after', 'before']);
  const cleared = await t.db.selectFrom('risk_points').select('control_failing').where('id', '=', risk.id).executeTakeFirstOrThrow();
  assert.equal(cleared.control_failing, false, 'closing the hazard resolves the risk point');
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['hazard.report', 'hazard.confirm', 'hazard.assign', 'hazard.submit', 'hazard.reject', 'hazard.submit', 'hazard.accept']);
  // The rectifier was notified through the outbox.
  await t.platform.jobs.tick();
  const bell = await leader.get('/api/v1/notifications?pageSize=100');
  assert.ok(bell.data.items.some((n: { title: string }) => n.title.startsWith('整改任务')));
  // The report reached every manager of the enterprise (principal and safety manager), naming the hazard and its page.
  for (const manager of ['safety', 'principal']) {
    const items = await t.db.selectFrom('notifications').select(['title', 'body', 'link']).where('user_id', '=', await userId(manager)).execute();
    const n = items.find((x) => x.title === `新隐患 ${reported.data.code}`);
    assert.ok(n, 'the manager was told of the new hazard');
    assert.equal(n.body, '反应釜压力表损坏：请确认并定级。');
    assert.equal(n.link, `/enterprises/${ids.ownEnterprise.id}/hazards/${id}`);
  }
  const workers = await t.db.selectFrom('notifications').select('title').where('user_id', '=', await userId('worker')).execute();
  assert.ok(!workers.some((x) => x.title === `新隐患 ${reported.data.code}`), 'the reporter, an employee, is not one of the managers told');
});

test('R-HAZ-6 points go to the enterprise\'s own people: an insurer\'s confirmed report earns none, a worker\'s earns one', async () => {
  const insurer = await login('insurer');
  const safety = await login('safety');
  const worker = await login('worker');
  const theirs = await insurer.post(url(), { title: '储罐区消防水炮锈蚀', source: 'insurer', location: '储罐区' });
  assert.equal(theirs.statusCode, 201, theirs.body);
  assert.equal((await safety.post(url(`/${theirs.data.id}/confirm`), { level: 'general', hazardClass: 'thing' })).statusCode, 200);
  assert.equal((await t.db.selectFrom('hazard_points').select('points').where('hazard_id', '=', theirs.data.id).execute()).length, 0);
  const ours = await worker.post(url(), { title: '操作平台护栏松动', location: '一车间' });
  assert.equal((await safety.post(url(`/${ours.data.id}/confirm`), { level: 'general', hazardClass: 'thing' })).statusCode, 200);
  const pts = await t.db.selectFrom('hazard_points').select(['points', 'user_id']).where('hazard_id', '=', ours.data.id).execute();
  assert.deepEqual(pts, [{ points: 1, user_id: await userId('worker') }]);
});

test('the fixed-on-the-spot path still needs an after-photo and a second person', async () => {
  const worker = await login('worker');
  const safety = await login('safety');
  const r = await worker.post(url(), { title: '通道堆放杂物' });
  const none = await worker.post(url(`/${r.data.id}/fix-on-spot`), { note: '已清理' });
  assert.equal(none.statusCode, 409);
  const fixed = await worker.post(url(`/${r.data.id}/fix-on-spot`), { note: '已清理', photoIds: (await upload(worker, [png(4)])).ids });
  assert.equal(fixed.data.status, 'submitted');
  assert.equal(fixed.data.onSpot, true);
  assert.equal((await worker.post(url(`/${r.data.id}/accept`), { note: 'ok' })).statusCode, 403);
  assert.equal((await safety.post(url(`/${r.data.id}/accept`), { note: '确认已清理' })).data.status, 'closed');
});

test('R-HAZ-4 a major hazard: regulators are told at once, the five-in-place plan comes first, supervision and delisting', async () => {
  const safety = await login('safety');
  const r = await safety.post(url(), { title: '有限空间无作业审批', level: 'major', majorCriterion: '有限空间作业未履行审批' });
  const id = r.data.id as string;
  await t.platform.jobs.tick();
  const officer = await login('guanshang');
  const yjj = await login('yjj');
  const zjj = await login('zjj');
  for (const c of [officer, yjj]) {
    const n = await c.get('/api/v1/notifications?pageSize=100');
    assert.ok(n.data.items.some((x: { title: string }) => x.title.startsWith('重大隐患报告')), 'the subdistrict and the supervising department are notified');
  }
  assert.ok(!(await zjj.get('/api/v1/notifications?pageSize=100')).data.items.some((x: { title: string }) => x.title.startsWith('重大隐患报告')));

  await safety.post(url(`/${id}/confirm`), { level: 'major', hazardClass: 'management', majorCriterion: '有限空间作业未履行审批' });
  const deadline = new Date(t.clock.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const early = await safety.post(url(`/${id}/assign`), { rectifierId: await userId('leader'), measures: '建立审批制度', deadline });
  assert.equal(early.statusCode, 409);
  assert.equal(early.data.error.reason, 'PLAN_REQUIRED');
  const plan = await safety.put(url(`/${id}/plan`), { responsiblePerson: '赵红建', measures: '建立有限空间台账和审批制度', funds: 50000, timeLimit: deadline, contingencyPlan: '有限空间事故专项应急预案' });
  assert.equal(plan.statusCode, 200);
  assert.equal((await safety.post(url(`/${id}/assign`), { rectifierId: await userId('leader'), measures: '建立审批制度', deadline })).data.status, 'rectifying');

  assert.equal((await safety.post(url(`/${id}/supervision`), { deadline })).statusCode, 403, 'only regulators list for supervision');
  const listed = await officer.post(url(`/${id}/supervision`), { deadline, note: '街道挂牌督办' });
  assert.equal(listed.data.supervised, true);
  assert.equal((await zjj.post(url(`/${id}/supervision`), { deadline })).statusCode, 404, 'outside the department\'s industries');
  const unaccepted = await officer.post(url(`/${id}/supervision/delist`), { note: '' });
  assert.deepEqual([unaccepted.statusCode, unaccepted.data.error.reason], [409, 'NOT_CLOSED'], 'not before acceptance');

  const leader = await login('leader');
  await leader.post(url(`/${id}/submit`), { note: '制度已建立', photoIds: (await upload(leader, [png(5)])).ids });
  const shortNote = await safety.post(url(`/${id}/accept`), { note: '' });
  assert.equal(shortNote.statusCode, 400, 'a major hazard closes with an acceptance evaluation');
  assert.equal((await safety.post(url(`/${id}/accept`), { note: '经验收评估，审批制度已落实，台账齐全' })).data.status, 'closed');
  const delisted = await officer.post(url(`/${id}/supervision/delist`), { note: '确认摘牌' });
  assert.equal(delisted.data.supervision.status, 'delisted');
});

test('R-HAZ-3 extensions: requested before the deadline, approved by someone else', async () => {
  const safety = await login('safety');
  const leader = await login('leader');
  const ws1 = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '一车间').executeTakeFirstOrThrow();
  // In his own workshop, so the leader is "the unit above" for it — yet still not for his own request.
  const r = await safety.post(url(), { title: '护栏松动', orgUnitId: ws1.id });
  await safety.post(url(`/${r.data.id}/confirm`), { level: 'general', hazardClass: 'thing' });
  const deadline = new Date(t.clock.now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const later = new Date(t.clock.now.getTime() + 9 * 86_400_000).toISOString().slice(0, 10);
  await safety.post(url(`/${r.data.id}/assign`), { rectifierId: await userId('leader'), measures: '紧固护栏', deadline });
  const req = await leader.post(url(`/${r.data.id}/extensions`), { newDeadline: later, reason: '配件未到货' });
  assert.equal(req.statusCode, 200);
  assert.equal((await leader.post(url(`/${r.data.id}/extensions`), { newDeadline: later, reason: 'again' })).data.error.reason, 'EXTENSION_PENDING');
  const ext = req.data.extensions[0].id as string;
  assert.equal((await leader.post(url(`/${r.data.id}/extensions/${ext}/decision`), { approve: true })).data.error.reason, 'SEPARATION', 'not his own request');
  const ok = await safety.post(url(`/${r.data.id}/extensions/${ext}/decision`), { approve: true, note: '同意' });
  assert.equal(ok.data.deadline, later);
  // Past the deadline an extension is refused.
  t.clock.now = new Date(t.clock.now.getTime() + 12 * 86_400_000);
  const late = await leader.post(url(`/${r.data.id}/extensions`), { newDeadline: new Date(t.clock.now.getTime() + 5 * 86_400_000).toISOString().slice(0, 10), reason: 'x' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.data.error.reason, 'DEADLINE_PASSED');
  const overdue = await safety.get(url('?overdue=true'));
  assert.ok(overdue.data.items.some((h: { id: string; overdue: boolean }) => h.id === r.data.id && h.overdue));
  t.clock.now = new Date();
});

test('scope: another enterprise gets 404 on hazards and photos; another subdistrict too; uploads are type-checked', async () => {
  const safety = await login('safety');
  const r = await safety.post(url(), { title: '消防通道被占用', photoIds: (await upload(safety, [png(6)])).ids });
  const photo = (await safety.get(url(`/${r.data.id}`))).data.photos[0].url as string;
  const admin = await login('admin');
  const u = await admin.post('/api/v1/users', { username: 'hzother', displayName: '他企安全员', role: 'safety_manager', enterpriseId: ids.foreign.id });
  const other = await t.login('hzother', u.data.oneTimeCode);
  await other.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: 'Kunming#Safe2026x' });
  const calls = await Promise.all([
    other.get(url()), other.get(url(`/${r.data.id}`)), other.get(photo), other.post(url(), { title: 'x' }),
    other.post(url(`/${r.data.id}/confirm`), { level: 'general', hazardClass: 'thing' }), other.post(url(`/${r.data.id}/void`), { reason: 'x' }),
  ]);
  assert.deepEqual(calls.map((c) => c.statusCode), [404, 404, 404, 404, 404, 404]);
  const up = await upload(other, [png(7)]);
  assert.equal(up.status, 404);
  const bad = await upload(safety, [Buffer.from('GIF89a not a photo')]);
  assert.equal(bad.status, 415);
  assert.equal((await safety.get(photo)).statusCode, 200);
});

test('a unit leader lists the enterprise\'s people to assign a rectifier; another enterprise gets 404', async () => {
  const leader = await login('leader');
  const res = await leader.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/assignees?q=${encodeURIComponent('精细化工')}`);
  assert.equal(res.statusCode, 200);
  assert.ok(res.data.some((u: { username: string }) => u.username === 'worker'));
  assert.ok(res.data.every((u: { roleName: string }) => u.roleName.length > 0));
  assert.equal((await leader.get(`/api/v1/enterprises/${ids.foreign.id}/assignees`)).statusCode, 404);
  assert.equal((await (await login('guanshang')).get(`/api/v1/enterprises/${ids.ownEnterprise.id}/assignees`)).statusCode, 403);
});

test('D19 permission before state: a worker who may not run a step gets 403 FORBIDDEN whatever the hazard\'s state', async () => {
  const safety = await login('safety');
  const worker = await login('worker');
  // Reported: no step below is allowed in this state, so state-first checking answered 409 STATE and told the worker the state.
  const r = await safety.post(url(), { title: '配电柜门未关闭' });
  const id = r.data.id as string;
  const steps: [string, unknown][] = [
    ['assign', { rectifierId: await userId('worker'), measures: '关门', deadline: '2099-01-01' }],
    ['submit', { note: '已关', photoIds: [] }],
    ['accept', { note: 'ok' }],
    ['reject', { note: '不行' }],
    ['extensions', { newDeadline: '2099-01-02', reason: '忙' }],
    [`extensions/${r.data.id}/decision`, { approve: true }],
  ];
  for (const [step, body] of steps) {
    const res = await worker.post(url(`/${id}/${step}`), body);
    assert.deepEqual([res.statusCode, res.data.error.code, res.data.error.reason], [403, 'FORBIDDEN', 'FORBIDDEN'], step);
  }
  assert.equal((await safety.get(url(`/${id}`))).data.status, 'reported');
});

test('a photo upload writes its audit row (photo.upload) with the photo', async () => {
  const worker = await login('worker');
  const workerId = await userId('worker');
  const up = await upload(worker, [png(40), png(41)]);
  assert.equal(up.status, 201);
  const rows = await t.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id', 'enterprise_id', 'actor_id', 'after'])
    .where('entity_id', 'in', up.ids).orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => [r.action, r.entity_type, r.entity_id, r.enterprise_id, r.actor_id]),
    up.ids.map((id) => ['photo.upload', 'photo', id, ids.ownEnterprise.id, workerId]));
  assert.deepEqual(rows.map((r) => r.after), [{ mime: 'image/png', size: png(40).length }, { mime: 'image/png', size: png(41).length }]);
});

// ---- where a hazard is: the reporter's unit by default, corrected when it is confirmed ----

const entUrl = (ent: FreshEnterprise, p = '') => `/api/v1/enterprises/${ent.id}/hazards${p}`;
async function unitOf(enterpriseId: string, hazardId: string) {
  return (await t.db.selectFrom('hazards').select('org_unit_id').where('enterprise_id', '=', enterpriseId).where('id', '=', hazardId).executeTakeFirstOrThrow()).org_unit_id;
}
async function riskPoint(ent: FreshEnterprise, name: string, orgUnitId: string): Promise<string> {
  const res = await (await ent.login('safety')).post(`/api/v1/enterprises/${ent.id}/risk-points`, { name, kind: 'place', orgUnitId });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id as string;
}
async function controlFailing(id: string) {
  return (await t.db.selectFrom('risk_points').select('control_failing').where('id', '=', id).executeTakeFirstOrThrow()).control_failing;
}

test('a report that names no unit is filed under the reporter\'s unit: the worker\'s team, the unit leader\'s workshop; the root only for someone without one', async () => {
  const ent = await makeEnterprise(t);
  const report = async (c: Client, body: Record<string, unknown> = {}) => {
    const res = await c.post(entUrl(ent), { title: '消防器材过期', ...body });
    assert.equal(res.statusCode, 201, res.body);
    return unitOf(ent.id, res.data.id);
  };
  // The employee's unit comes from his employee record, the unit leader's from his account.
  assert.equal(await report(await ent.login('worker')), ent.units.team1);
  assert.equal(await report(await ent.login('worker2')), ent.units.team2);
  assert.equal(await report(await ent.login('leader')), ent.units.ws1);
  // A district officer has no unit in the enterprise: the root.
  assert.equal(await report(await login('admin')), ent.rootUnitId);
  // What the report names still comes first: its unit, or its risk point's unit.
  assert.equal(await report(await ent.login('worker'), { orgUnitId: ent.units.ws2 }), ent.units.ws2);
  assert.equal(await report(await ent.login('worker'), { riskPointId: await riskPoint(ent, '二车间配电室', ent.units.ws2) }), ent.units.ws2);

  // The report form preselects the same unit, and offers the units with their paths (a unit leader: his subtree).
  const units = await (await ent.login('worker')).get(`/api/v1/enterprises/${ent.id}/hazard-units`);
  assert.equal(units.statusCode, 200, units.body);
  assert.equal(units.data.defaultUnitId, ent.units.team1);
  const team1 = units.data.units.find((u: { id: string }) => u.id === ent.units.team1);
  assert.deepEqual(team1.pathNames, [ent.name, '一车间', '甲班']);
  const leaderUnits = await (await ent.login('leader')).get(`/api/v1/enterprises/${ent.id}/hazard-units`);
  assert.equal(leaderUnits.data.defaultUnitId, ent.units.ws1);
  assert.deepEqual(leaderUnits.data.units.map((u: { id: string }) => u.id), [ent.units.ws1, ent.units.team1]);
  assert.equal((await (await login('admin')).get(`/api/v1/enterprises/${ent.id}/hazard-units`)).data.defaultUnitId, ent.rootUnitId);
});

test('confirming corrects the unit, location and risk point: history and audit say what changed, and both risk points\' feedback follows', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const wrongPoint = await riskPoint(ent, '一车间反应釜', ent.units.ws1);
  const rightPoint = await riskPoint(ent, '二车间储罐', ent.units.ws2);
  const reported = await (await ent.login('worker')).post(entUrl(ent), { title: '储罐呼吸阀堵塞', riskPointId: wrongPoint, location: '一车间' });
  assert.equal(reported.statusCode, 201, reported.body);
  const id = reported.data.id as string;
  // Filed where its risk point is.
  assert.equal(await unitOf(ent.id, id), ent.units.ws1);
  assert.deepEqual([await controlFailing(wrongPoint), await controlFailing(rightPoint)], [true, false]);

  const confirmed = await safety.post(entUrl(ent, `/${id}/confirm`), {
    level: 'general', hazardClass: 'thing', orgUnitId: ent.units.team2, location: '二车间储罐区', riskPointId: rightPoint, note: '现场核实',
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.deepEqual([confirmed.data.status, confirmed.data.orgUnitId, confirmed.data.orgUnitName, confirmed.data.location, confirmed.data.riskPointId, confirmed.data.riskPointName],
    ['confirmed', ent.units.team2, '乙班', '二车间储罐区', rightPoint, '二车间储罐']);
  // The point it left is no longer failing; the one it moved to is.
  assert.deepEqual([await controlFailing(wrongPoint), await controlFailing(rightPoint)], [false, true]);
  const event = confirmed.data.events.find((e: { op: string }) => e.op === 'confirm');
  assert.equal(event.note, '单元：一车间 → 乙班；位置：一车间 → 二车间储罐区；风险点：一车间反应釜 → 二车间储罐；现场核实');
  const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', id).where('action', '=', 'hazard.confirm').executeTakeFirstOrThrow();
  assert.deepEqual((audit.after as { detail: { changed: unknown } }).detail.changed, {
    orgUnitId: { from: ent.units.ws1, to: ent.units.team2 },
    location: { from: '一车间', to: '二车间储罐区' },
    riskPointId: { from: wrongPoint, to: rightPoint },
  });

  // Unchanged values (the form sends them prefilled) change nothing and are not recorded; null removes the risk point.
  const again = await makeHazard(t, ent, { unitId: ent.units.ws2 });
  const same = await safety.post(entUrl(ent, `/${again.id}/confirm`), { level: 'general', hazardClass: 'thing', orgUnitId: ent.units.ws2, location: '', riskPointId: null });
  assert.equal(same.statusCode, 200, same.body);
  assert.equal(same.data.events.find((e: { op: string }) => e.op === 'confirm').note, '');
  const sameAudit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', again.id).where('action', '=', 'hazard.confirm').executeTakeFirstOrThrow();
  assert.equal('changed' in (sameAudit.after as { detail: object }).detail, false);
});

test('a confirmer cannot move a hazard to another enterprise\'s unit or risk point, nor a unit leader out of his subtree: 400 on the field, nothing changed', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const foreignPoint = await riskPoint(other, '他企风险点', other.units.ws1);
  const ws2Point = await riskPoint(ent, '二车间风险点', ent.units.ws2);
  const ws1Point = await riskPoint(ent, '一车间风险点', ent.units.ws1);
  const h = await makeHazard(t, ent, { unitId: ent.units.team1 });
  const confirm = (c: Client, body: Record<string, unknown>) => c.post(entUrl(ent, `/${h.id}/confirm`), { level: 'general', hazardClass: 'thing', ...body });
  const refused = async (c: Client, body: Record<string, unknown>, field: string) => {
    const res = await confirm(c, body);
    assert.deepEqual([res.statusCode, res.data.error.code, res.data.error.issues?.[0]?.path], [400, 'VALIDATION', field], res.body);
  };
  const safety = await ent.login('safety');
  await refused(safety, { orgUnitId: other.units.ws1 }, 'body.orgUnitId');
  await refused(safety, { riskPointId: foreignPoint }, 'body.riskPointId');
  const leader = await ent.login('leader');
  await refused(leader, { orgUnitId: ent.units.team2 }, 'body.orgUnitId');
  await refused(leader, { orgUnitId: ent.rootUnitId }, 'body.orgUnitId');
  await refused(leader, { riskPointId: ws2Point }, 'body.riskPointId');
  const detail = await safety.get(entUrl(ent, `/${h.id}`));
  assert.deepEqual([detail.data.status, detail.data.orgUnitId, detail.data.riskPointId], ['reported', ent.units.team1, null]);
  assert.equal(await controlFailing(ws2Point), false);
  // Inside his subtree the leader corrects it.
  const ok = await confirm(leader, { orgUnitId: ent.units.ws1, riskPointId: ws1Point });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.data.orgUnitId, ok.data.riskPointId], [ent.units.ws1, ws1Point]);
});
