import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { recordedAlerts } from '../src/platform/alerts';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';
import { makeEnterprise, makePng, uploadPhotos, type FreshEnterprise } from './factories';

let t: TestPlatform;
const T0 = new Date('2026-05-11T02:00:00Z'); // 10:00 in Kunming, a Monday
const MIN = 60_000;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = T0;
});
after(() => t.close());

const at = (ms: number) => { t.clock.now = new Date(T0.getTime() + ms); };

async function quick(c: Client, ent: FreshEnterprise, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/v1/enterprises/${ent.id}/accidents`, { summary: '反应釜泄漏，一人灼伤', place: '一车间', ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id as string;
}

const detail = async (c: Client, ent: FreshEnterprise, id: string) => (await c.get(`/api/v1/enterprises/${ent.id}/accidents/${id}`)).data;

async function notified(userId: string, kind: string): Promise<number> {
  await t.platform.jobs.tick();
  const r = await t.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirstOrThrow();
  return Number(r.n);
}

test('a worker\'s quick report reaches the unit head and the principal in-app and by an alert that leaves the browser', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const worker = await ent.login('worker');
  const photos = await uploadPhotos(worker, ent.id, [makePng(), makePng(), makePng()]);
  const before = recordedAlerts.length;
  const res = await worker.post(`/api/v1/enterprises/${ent.id}/accidents`, { summary: '储罐区管线泄漏', photoIds: photos });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.photosLinked, 3);
  const id = res.data.id as string;
  assert.equal(await notified(ent.users.principal.id, 'accident.quick'), 1);
  assert.equal(await notified(ent.users.leader.id, 'accident.quick'), 1);
  const alerts = await t.db.selectFrom('alert_messages').select(['recipient_user_id', 'status', 'attempts']).where('enterprise_id', '=', ent.id).execute();
  assert.deepEqual(alerts.map((a) => a.recipient_user_id).sort(), [ent.users.principal.id, ent.users.leader.id].sort());
  assert.ok(alerts.every((a) => a.status === 'sent' && a.attempts === 1));
  const attempts = await t.db.selectFrom('alert_attempts').innerJoin('alert_messages as m', 'm.id', 'alert_attempts.alert_id')
    .select(['driver', 'ok']).where('m.enterprise_id', '=', ent.id).execute();
  assert.equal(attempts.length, 2);
  assert.ok(attempts.every((a) => a.driver === 'recording' && a.ok));
  // The demo's own alerts may go out in the same pass: count this report's.
  const mine = new Set((await t.db.selectFrom('alert_messages').select('id').where('enterprise_id', '=', ent.id).execute()).map((a) => a.id));
  assert.equal(recordedAlerts.slice(before).filter((a) => mine.has(a.id)).length, 2);
  // The worker sees his own report; its grade is computed, the unit head's time defaults to its arrival.
  const d = await detail(worker, ent, id);
  assert.equal(d.grade, 'general');
  assert.equal(d.unitHeadInformedAt, T0.toISOString());
  assert.equal(d.photos.length, 3);
  assert.equal(d.abilities.reportUp, false);
});

test('a construction accident reported up reaches the emergency department, the construction department and the subdistrict', async () => {
  at(0);
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { summary: '脚手架坍塌', accidentType: 'collapse', deaths: 1 });
  const todo = async () => ((await principal.get('/api/v1/workbench')).data.items as { key: string; count: number }[]).find((i) => i.key === 'accident.toReportUp')?.count;
  assert.equal(await todo(), 1);
  at(61 * MIN);
  const res = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {});
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await todo(), 0);
  const offices = await t.db.selectFrom('accident_recipients as r')
    .leftJoin('departments as d', 'd.id', 'r.office_id').leftJoin('subdistricts as s', 's.id', 'r.office_id')
    .select(['r.office_kind', 'd.code as dcode', 's.id as sid']).where('r.accident_id', '=', id).execute();
  assert.deepEqual(offices.filter((o) => o.office_kind === 'department').map((o) => o.dcode).sort(), ['YJJ', 'ZJJ']);
  assert.deepEqual(offices.filter((o) => o.office_kind === 'subdistrict').map((o) => o.sid), [ent.subdistrictId]);
  // R-ACC-2: received 61 minutes after the unit head was informed: late.
  assert.equal(res.data.lateness.late, true);
  const zjjUser = await t.db.selectFrom('users').select('id').where('username', '=', 'zjj').executeTakeFirstOrThrow();
  assert.equal(await notified(zjjUser.id, 'accident.received'), 1);
  // The officers and duty phones are alerted (no duty phone kept: each officer's).
  const regAlerts = await t.db.selectFrom('alert_messages').select('kind').where('enterprise_id', '=', ent.id).where('kind', '=', 'accident.received').execute();
  assert.ok(regAlerts.length >= 3);
  // R-RESP-8: the interview duty (accidents/followup) opens on the report, in the same transaction.
  const duty = await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', ent.id).where('subject_key', '=', id).execute();
  assert.ok(duty.length >= 1);
  const zjj = await t.login('zjj');
  const inbox = await zjj.get('/api/v1/accident-inbox');
  assert.equal(inbox.statusCode, 200, inbox.body);
  const item = inbox.data.items.find((i: { id: string }) => i.id === id);
  assert.ok(item);
  assert.equal(item.readAt, null);
  assert.equal(item.lateness.late, true);
  const unreadItem = async () => ((await zjj.get('/api/v1/workbench')).data.items as { key: string; count: number }[]).find((i) => i.key === 'accident.unread')?.count ?? 0;
  const unreadBefore = await unreadItem();
  assert.ok(unreadBefore >= 1);
  const read = await zjj.post(`/api/v1/accident-inbox/${id}/read`, {});
  assert.equal(await unreadItem(), unreadBefore - 1);
  assert.equal(read.statusCode, 200, read.body);
  const again = await zjj.get('/api/v1/accident-inbox?unread=true');
  assert.ok(!again.data.items.some((i: { id: string }) => i.id === id));
  // The district's emergency department forwards to the city (一般): within two hours.
  const subOfficer = await t.db.selectFrom('users').select('username').where('role', '=', 'subdistrict_officer').where('subdistrict_id', '=', ent.subdistrictId).executeTakeFirst();
  if (subOfficer) {
    const s = await t.login(subOfficer.username);
    assert.equal((await s.post(`/api/v1/accident-inbox/${id}/forward`, {})).statusCode, 403);
  }
  assert.equal((await zjj.post(`/api/v1/accident-inbox/${id}/forward`, {})).data?.error?.code, 'FORBIDDEN');
  const yjj = await t.login('yjj');
  at(61 * MIN + 100 * MIN);
  const fwd = await yjj.post(`/api/v1/accident-inbox/${id}/forward`, {});
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.equal(fwd.data.forwardLevel, 'city');
  assert.equal(fwd.data.lateness.forwardLate, false);
  assert.equal((await yjj.post(`/api/v1/accident-inbox/${id}/forward`, {})).data?.error?.reason, 'ALREADY_FORWARDED');
});

test('R-ACC-2: lateness counts from the unit head being informed, corrected with a reason', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { occurredAt: new Date(T0.getTime() - 30 * MIN).toISOString() });
  at(40 * MIN);
  const noReason = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/unit-head-informed`, { at: new Date(T0.getTime() + 20 * MIN).toISOString(), reason: '' });
  assert.equal(noReason.statusCode, 400);
  const fixed = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/unit-head-informed`, { at: new Date(T0.getTime() + 20 * MIN).toISOString(), reason: '车间主任 10:20 才接到电话' });
  assert.equal(fixed.statusCode, 200, fixed.body);
  at(80 * MIN); // 60 minutes after 10:20: in time
  const res = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {});
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.lateness.late, false);
  assert.equal(res.data.lateness.onsiteGap, true);
  assert.ok(res.data.events.some((e: { op: string; note: string }) => e.op === 'unit_head_time' && e.note.includes('10:20')));
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {})).data?.error?.reason, 'ALREADY_REPORTED');
});

test('a near miss is never graded nor sent upward: nothing is created for the regulators', async () => {
  at(0);
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const worker = await ent.login('worker');
  const principal = await ent.login('principal');
  const id = await quick(worker, ent, { kind: 'near_miss', summary: '吊物坠落未伤人', accidentType: 'lifting' });
  const d = await detail(principal, ent, id);
  assert.equal(d.grade, null);
  assert.equal(d.abilities.reportUp, false);
  const res = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {});
  assert.equal(res.statusCode, 409);
  assert.equal(res.data?.error?.reason, 'NEAR_MISS');
  assert.equal((await t.db.selectFrom('accident_recipients').select('office_id').where('accident_id', '=', id).execute()).length, 0);
  assert.equal((await t.db.selectFrom('alert_messages').select('id').where('enterprise_id', '=', ent.id).where('kind', '=', 'accident.received').execute()).length, 0);
  assert.equal((await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', ent.id).where('subject_key', '=', id).execute()).length, 0);
  const yjj = await t.login('yjj');
  assert.equal((await yjj.get(`/api/v1/accident-inbox/${id}`)).statusCode, 404);
  // Counted apart in the enterprise's statistics.
  const stats = await principal.get(`/api/v1/enterprises/${ent.id}/accident-stats?by=type`);
  assert.equal(stats.statusCode, 200, stats.body);
  assert.equal(stats.data.total.nearMisses, 1);
  assert.equal(stats.data.total.accidents, 0);
});

test('R-ACC-3: a supplementary report raises the grade; after the window the figures are final; nothing is deleted', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { deaths: 2, accidentType: 'poisoning_asphyxia' });
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {})).statusCode, 200);
  at(3 * 86_400_000);
  const sup = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/supplements`, {
    deaths: 3, missing: 0, seriousInjuries: 4, minorInjuries: 2, directLoss: '2500000.50', note: '一名重伤员经抢救无效死亡',
  });
  assert.equal(sup.statusCode, 201, sup.body);
  assert.equal(sup.data.grade, 'larger');
  assert.equal(sup.data.requiredForwardLevel, 'province');
  assert.equal(sup.data.supplements.length, 1);
  assert.equal(sup.data.supplements[0].gradeBefore, 'general');
  assert.equal(sup.data.directLoss, '2500000.50');
  const same = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/supplements`, {
    deaths: 3, missing: 0, seriousInjuries: 4, minorInjuries: 2, directLoss: '2500000.5',
  });
  assert.equal(same.data?.error?.reason, 'NOTHING_CHANGED');
  at(30 * 86_400_000 + 1000);
  const late = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/supplements`, {
    deaths: 4, missing: 0, seriousInjuries: 4, minorInjuries: 2, directLoss: '2500000.50',
  });
  assert.equal(late.statusCode, 409);
  assert.equal(late.data?.error?.reason, 'WINDOW_CLOSED');
  const del = await principal.delete(`/api/v1/enterprises/${ent.id}/accidents/${id}`);
  assert.equal(del.statusCode, 404);
  assert.ok(await t.db.selectFrom('accidents').select('id').where('id', '=', id).executeTakeFirst());
});

test('R-ACC-3: supplementary reports made at the same instant come back in the order they were recorded', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const principal = await ent.login('principal');
  const id = await quick(principal, ent);
  // The clock does not move: all five share one `reported_at`; their random ids would order them 1 time in 120.
  at(2 * 86_400_000);
  for (let deaths = 1; deaths <= 5; deaths++) {
    const res = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/supplements`, {
      deaths, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '0', note: `第${deaths}次续报`,
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  const supplements = (await detail(principal, ent, id)).supplements as { reportedAt: string; deaths: number; note: string; gradeBefore: string; gradeAfter: string }[];
  assert.equal(new Set(supplements.map((s) => s.reportedAt)).size, 1);
  assert.deepEqual(supplements.map((s) => s.note), ['第1次续报', '第2次续报', '第3次续报', '第4次续报', '第5次续报']);
  // Each one's grade before is the previous one's after (R-ACC-1: three deaths make it 较大).
  assert.deepEqual(supplements.map((s) => [s.gradeBefore, s.gradeAfter]),
    [['general', 'general'], ['general', 'general'], ['general', 'larger'], ['larger', 'larger'], ['larger', 'larger']]);
});

test('R-ACC-3: road traffic has a 7-day window', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { accidentType: 'vehicle', summary: '厂内叉车撞人' });
  at(7 * 86_400_000 + 1000);
  const res = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/supplements`, { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '0' });
  assert.equal(res.data?.error?.reason, 'WINDOW_CLOSED');
});

test('a quick report from a post\'s QR code without signing in; a bot filling the honeypot stores nothing', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const post = await t.db.insertInto('posts').values({ enterprise_id: ent.id, org_unit_id: ent.units.team1, name: '反应岗', created_at: T0 }).returning('id').executeTakeFirstOrThrow();
  const token = randomBytes(16).toString('hex');
  await t.db.insertInto('post_card_tokens').values({ token, enterprise_id: ent.id, post_id: post.id, created_at: T0 }).execute();
  const anon = t.anonymous();
  const form = await anon.get(`/api/v1/public/accident-report/${token}`);
  assert.equal(form.statusCode, 200, form.body);
  assert.equal(form.data.postName, '反应岗');
  const res = await anon.post(`/api/v1/public/accident-report/${token}`, { summary: '有人触电倒地', reporterName: '张三', reporterPhone: '13800000000', accidentType: 'electrocution' });
  assert.equal(res.statusCode, 201, res.body);
  const rows = await t.db.selectFrom('accidents').select(['source', 'post_id', 'reporter_name', 'org_unit_id']).where('enterprise_id', '=', ent.id).execute();
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0], { source: 'qr', post_id: post.id, reporter_name: '张三', org_unit_id: ent.units.team1 });
  assert.equal(await notified(ent.users.principal.id, 'accident.quick'), 1);
  assert.equal(await notified(ent.users.leader.id, 'accident.quick'), 1);
  const bot = await anon.post(`/api/v1/public/accident-report/${token}`, { summary: 'buy now', website: 'http://spam.example' });
  assert.equal(bot.statusCode, 201);
  assert.equal((await t.db.selectFrom('accidents').select('id').where('enterprise_id', '=', ent.id).execute()).length, 1);
  assert.equal((await anon.post('/api/v1/public/accident-report/nosuchtoken123', { summary: 'x' })).statusCode, 404);
  const big = await anon.post(`/api/v1/public/accident-report/${token}`, { summary: 'x'.repeat(3000), place: 'y'.repeat(20_000) });
  assert.ok(big.statusCode === 413 || big.statusCode === 400, String(big.statusCode));
});

test('wrong roles are refused (403) and other enterprises and subdistricts are not found (404)', async () => {
  at(0);
  const a = await makeEnterprise(t);
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const b = await makeEnterprise(t, { subdistrictId: subs.find((s) => s.id !== a.subdistrictId)!.id });
  const principalA = await a.login('principal');
  const id = await quick(principalA, a);
  const worker = await a.login('worker');
  assert.equal((await worker.post(`/api/v1/enterprises/${a.id}/accidents/${id}/report-up`, {})).statusCode, 403);
  assert.equal((await worker.post(`/api/v1/enterprises/${a.id}/accidents/${id}/supplements`, { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '0' })).statusCode, 403);
  // Another worker of the same enterprise does not see a report he did not file.
  const worker2 = await a.login('worker2');
  assert.equal((await worker2.get(`/api/v1/enterprises/${a.id}/accidents/${id}`)).statusCode, 404);
  const principalB = await b.login('principal');
  assert.equal((await principalB.get(`/api/v1/enterprises/${a.id}/accidents/${id}`)).statusCode, 404);
  assert.equal((await principalB.post(`/api/v1/enterprises/${a.id}/accidents/${id}/report-up`, {})).statusCode, 404);
  assert.equal((await principalA.post(`/api/v1/enterprises/${a.id}/accidents/${id}/report-up`, {})).statusCode, 200);
  // An officer of another subdistrict does not find it in his inbox.
  const other = await t.db.selectFrom('users').select('username').where('role', '=', 'subdistrict_officer').where('subdistrict_id', '<>', a.subdistrictId).executeTakeFirst();
  if (other) {
    const o = await t.login(other.username);
    assert.equal((await o.get(`/api/v1/accident-inbox/${id}`)).statusCode, 404);
  }
  const yjj = await t.login('yjj');
  assert.equal((await yjj.get(`/api/v1/accident-inbox/${id}`)).statusCode, 200);
});

test('bad input is a 4xx: negative or fractional counts, bad money, a time in the future', async () => {
  at(0);
  const ent = await makeEnterprise(t);
  const principal = await ent.login('principal');
  const url = `/api/v1/enterprises/${ent.id}/accidents`;
  for (const body of [
    { summary: 'x', deaths: -1 }, { summary: 'x', seriousInjuries: 1.5 }, { summary: 'x', directLoss: '1.234' }, { summary: 'x', directLoss: '-5' },
    { summary: 'x', directLoss: 5 }, { summary: 'x', directLoss: '1e6' }, { summary: '' }, { summary: 'x', kind: 'disaster' },
    { summary: 'x', occurredAt: new Date(T0.getTime() + 3600_000).toISOString() }, { summary: 'x', accidentType: 'meteor' },
  ]) {
    const res = await principal.post(url, body);
    assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
    assert.equal(res.data?.error?.code, 'VALIDATION');
  }
  const id = await quick(principal, ent);
  const sup = await principal.post(`${url}/${id}/supplements`, { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '-0.01' });
  assert.equal(sup.statusCode, 400);
});

test('the demo plant has accidents with supplements, one late, one near miss, received and forwarded by the district', async () => {
  const principal = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const rows = await t.db.selectFrom('accidents').select(['id', 'kind', 'grade', 'forward_level', 'regulators_received_at']).where('enterprise_id', '=', principal.enterprise_id!).execute();
  assert.equal(rows.filter((r) => r.kind === 'near_miss').length, 1);
  const accidents = rows.filter((r) => r.kind === 'accident');
  assert.equal(accidents.length, 2);
  assert.ok(accidents.every((r) => r.regulators_received_at !== null && r.forward_level !== null));
  assert.deepEqual(accidents.map((r) => r.grade).sort(), ['general', 'larger']);
  const supplements = await t.db.selectFrom('accident_supplements').select('id').where('enterprise_id', '=', principal.enterprise_id!).execute();
  assert.equal(supplements.length, 2);
  const yjj = await t.login('yjj');
  const inbox = await yjj.get('/api/v1/accident-inbox');
  assert.ok(inbox.data.items.some((i: { lateness: { late: boolean } }) => i.lateness.late));
  const stats = await yjj.get('/api/v1/accident-stats?by=grade');
  assert.equal(stats.statusCode, 200, stats.body);
  assert.ok(stats.data.total.accidents >= 2);
  assert.equal(stats.data.total.nearMisses, 0);
  const xlsx = await yjj.get('/api/v1/accident-stats/export?by=month');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheet/);
});

test('an office\'s duty phone, kept by the district admin, is the one alerted when a report arrives', async () => {
  at(0);
  const admin = await t.login('admin');
  const zjjDept = await t.db.selectFrom('departments').select('id').where('code', '=', 'ZJJ').executeTakeFirstOrThrow();
  const bad = await admin.put('/api/v1/regulator-duty-phones', { officeKind: 'department', officeId: zjjDept.id, phone: 'call me' });
  assert.equal(bad.statusCode, 400);
  const unknown = await admin.put('/api/v1/regulator-duty-phones', { officeKind: 'subdistrict', officeId: zjjDept.id, phone: '0871-63100000' });
  assert.equal(unknown.statusCode, 400);
  const saved = await admin.put('/api/v1/regulator-duty-phones', { officeKind: 'department', officeId: zjjDept.id, phone: '0871-63100000', contact: '值班室' });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await (await t.login('zjj')).put('/api/v1/regulator-duty-phones', { officeKind: 'department', officeId: zjjDept.id, phone: '0871-1' })).statusCode, 403);
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { summary: '塔吊吊物坠落', accidentType: 'lifting' });
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {})).statusCode, 200);
  const phones = (await t.db.selectFrom('alert_messages').select('recipient_phone').where('enterprise_id', '=', ent.id).where('kind', '=', 'accident.received').execute()).map((r) => r.recipient_phone);
  assert.ok(phones.includes('0871-63100000'));
  const list = await (await t.login('zjj')).get('/api/v1/regulator-duty-phones');
  assert.equal(list.data.canEdit, false);
  assert.equal(list.data.items.find((i: { officeId: string }) => i.officeId === zjjDept.id)?.phone, '0871-63100000');
});

test('each office has its own read state; the district admin reads for the emergency department', async () => {
  at(0);
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const principal = await ent.login('principal');
  const id = await quick(principal, ent, { summary: '基坑边坡局部坍塌', accidentType: 'collapse' });
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/report-up`, {})).statusCode, 200);
  const [admin, zjj, yjj] = [await t.login('admin'), await t.login('zjj'), await t.login('yjj')];
  const readAt = async (c: Client) => ((await c.get('/api/v1/accident-inbox?pageSize=100')).data.items as { id: string; readAt: string | null }[]).find((i) => i.id === id)?.readAt;
  assert.equal(await readAt(admin), null);
  assert.equal((await zjj.post(`/api/v1/accident-inbox/${id}/read`, {})).statusCode, 200);
  assert.equal(await readAt(admin), null);
  assert.equal(await readAt(yjj), null);
  assert.notEqual(await readAt(zjj), null);
  assert.equal((await admin.post(`/api/v1/accident-inbox/${id}/read`, {})).statusCode, 200);
  assert.notEqual(await readAt(admin), null);
  assert.notEqual(await readAt(yjj), null);
});
