import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { Ctx } from '../src/platform/auth/actor';
import { cancelBySubject, reopenBySubject, triggerEvent } from '../src/modules/obligations';
import { openHolidayMoments } from '../src/modules/responsibility/key-moments/key-moment.service';
import { registerObligations, type ObligationDefinition } from '../src/platform/obligations';
import { addLocalDays, localDay, localInstant } from '../src/platform/time';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';
import { addEmployee } from './signature-helpers';

/**
 * Issue 11 §9: key moments (R-RESP-6) — statutory holidays from the official calendar, resumptions (leaving 'suspended',
 * a declared shutdown), maintenance windows — each day with an on-duty check-in by the principal or the named leader;
 * the pay–safety link of state-owned enterprises (R-RESP-7); mentoring of new hires in key industries (R-RESP-9).
 */

// A definition of this test's own on the event org emits when an enterprise leaves 'suspended', so the event is seen
// without depending on which module declares a duty for it.
const REACTIVATED: ObligationDefinition = {
  key: 'test.reactivated', module: 'test', ruleId: 'R-TEST-1',
  names: { 'zh-CN': '复产复工后办理', 'en-US': 'After resuming' }, hints: { 'zh-CN': '测试', 'en-US': 'Test' },
  owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['test.resumed'], evidence: false,
  defaults: { enabled: true, effectiveFrom: '2020-01-01', cadence: { kind: 'event', event: 'enterprise.reactivated', days: 5, workingDays: false }, applies: {}, remindDaysBefore: [], escalateDaysAfter: [] },
};
registerObligations([REACTIVATED]);

let t: TestPlatform;
let ent: FreshEnterprise;
type Who = keyof FreshEnterprise['users'];
const emp = {} as Record<Who, string>;

before(async () => {
  t = await createTestPlatform();
  // 20 September 2026, 10:00 in Kunming: the Mid-Autumn Festival and National Day are within a month.
  t.clock.now = localInstant(2026, 8, 20, 10);
  ent = await makeEnterprise(t);
  for (const who of Object.keys(ent.users) as Who[]) {
    emp[who] = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
  }
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;
const today = () => localDay(t.clock.now);
const nextDay = () => { t.clock.now = new Date(t.clock.now.getTime() + 86_400_000); };

function multipart(files: { field: string; name: string; data: Buffer }[], fields: Record<string, string>) {
  const boundary = `----sdkm${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function checkIn(c: Client, momentId: string, fields: Record<string, string> = { locationText: '厂区主控室' }, photo: Buffer | null = makePng(), enterpriseId = ent.id): Promise<Res> {
  const m = multipart(photo ? [{ field: 'photo', name: 'p.png', data: photo }] : [], fields);
  return c.request('POST', api(`/key-moments/${momentId}/checkins`, enterpriseId), m.body, m.headers);
}

async function declare(body: Record<string, unknown>, e = ent): Promise<Res> {
  const res = await (await e.login('safety')).post(api('/key-moments', e.id), body);
  assert.equal(res.statusCode, 201, res.body);
  return res;
}

async function occurrences(enterpriseId: string, definition: string, subjectKey?: string) {
  let q = t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'record_id', 'subject_key', 'starts_on', 'due_on'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', definition);
  if (subjectKey) q = q.where('subject_key', '=', subjectKey);
  return q.execute();
}

test('R-RESP-6: the daily job opens National Day 2026 from the official calendar as one holiday moment, once, with its duty', async () => {
  assert.ok(await openHolidayMoments(t.db, t.clock.now) > 0);
  const principal = await ent.login('principal');
  const list = await principal.get(api('/key-moments?year=2026'));
  assert.equal(list.statusCode, 200, list.body);
  const national = list.data.items.find((m: { name: string }) => m.name === '国庆节');
  assert.deepEqual([national.kind, national.source, national.startsOn, national.endsOn, national.days, national.state],
    ['holiday', 'calendar', '2026-10-01', '2026-10-07', 7, 'upcoming']);
  assert.ok(list.data.items.some((m: { name: string; startsOn: string }) => m.name === '中秋' && m.startsOn === '2026-09-25'));
  // The year's calendar shows every statutory holiday period, and which have a moment yet (those within the lead days).
  const official = list.data.officialHolidays as { name: string; startsOn: string; endsOn: string; momentId: string | null }[];
  assert.deepEqual(official.find((h) => h.name === '国庆节'), { name: '国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07', momentId: national.id });
  assert.deepEqual(official.find((h) => h.name === '春节'), { name: '春节', startsOn: '2026-02-15', endsOn: '2026-02-23', momentId: null });
  // Its duty: the principal's, due when the moment ends.
  const duty = await occurrences(ent.id, 'resp.key_moment', national.id);
  assert.deepEqual(duty.map((o) => [o.status, o.due_on]), [['upcoming', '2026-10-07']]);
  // Run again: nothing new.
  assert.equal(await openHolidayMoments(t.db, t.clock.now), 0);
  const again = await principal.get(api('/key-moments?year=2026'));
  assert.equal(again.data.items.filter((m: { name: string }) => m.name === '国庆节').length, 1);
  // The detail lists its seven days, none missing yet, and the principal may not check in before it starts.
  const detail = await principal.get(api(`/key-moments/${national.id}`));
  assert.equal(detail.data.dayList.length, 7);
  assert.deepEqual([detail.data.abilities.checkIn, detail.data.checkInRefusal], [false, 'NOT_A_MOMENT_DAY']);
});

test('R-RESP-6: a holiday or resumption check plan covering the moment\'s days is listed with it', async () => {
  const safety = await ent.login('safety');
  const library = await safety.get('/api/v1/check-library');
  const list = await safety.post(api('/checklists'), { level: 'enterprise', name: '节前综合检查表', items: [{ source: 'standard', sourceId: library.data.items[0].id }] });
  assert.equal(list.statusCode, 201, list.body);
  const leaderId = ent.users.leader.id;
  const plan = await safety.post(api('/check-plans'), {
    name: '国庆节前安全检查', type: 'holiday', cycle: 'daily', checklistId: list.data.id, assigneeUserId: leaderId, startsOn: '2026-09-28', endsOn: '2026-10-02',
  });
  assert.equal(plan.statusCode, 201, plan.body);
  const moments = await safety.get(api('/key-moments?year=2026&kind=holiday'));
  const national = moments.data.items.find((m: { name: string }) => m.name === '国庆节');
  const detail = await safety.get(api(`/key-moments/${national.id}`));
  assert.deepEqual(detail.data.checkPlans.map((p: { id: string; type: string }) => [p.id, p.type]), [[plan.data.id, 'holiday']]);
});

test('R-RESP-6: an enterprise leaving "suspended" opens a resumption moment, its duty and the reactivation event', async () => {
  const other = await makeEnterprise(t);
  const admin = await t.login('admin');
  const e0 = await admin.get(`/api/v1/enterprises/${other.id}`);
  const suspended = await admin.patch(`/api/v1/enterprises/${other.id}`, { status: 'suspended', version: e0.data.version });
  assert.equal(suspended.statusCode, 200, suspended.body);
  assert.equal((await t.db.selectFrom('key_moments').select('id').where('enterprise_id', '=', other.id).where('kind', '=', 'resumption').execute()).length, 0);
  const active = await admin.patch(`/api/v1/enterprises/${other.id}`, { status: 'active', version: suspended.data.version });
  assert.equal(active.statusCode, 200, active.body);
  const moments = await t.db.selectFrom('key_moments').select(['id', 'kind', 'source', 'starts_on', 'ends_on'])
    .where('enterprise_id', '=', other.id).where('kind', '=', 'resumption').execute();
  // The rule-set's default: the first three days back.
  assert.deepEqual(moments.map((m) => [m.source, m.starts_on, m.ends_on]), [['suspension', today(), addLocalDays(today(), 2)]]);
  assert.deepEqual((await occurrences(other.id, 'resp.key_moment', moments[0]!.id)).map((o) => o.due_on), [addLocalDays(today(), 2)]);
  assert.deepEqual((await occurrences(other.id, 'test.reactivated')).map((o) => [o.subject_key, o.due_on]), [[other.id, addLocalDays(today(), 5)]]);
  // The principal of the resumed enterprise may check in today.
  const detail = await (await other.login('principal')).get(api(`/key-moments/${moments[0]!.id}`, other.id));
  assert.equal(detail.data.abilities.checkIn, true);
});

test('R-RESP-6: a shutdown of at least N days makes its end a declared resumption; a shorter one does not', async () => {
  const short = await (await ent.login('safety')).post(api('/key-moments'), { kind: 'resumption', shutdownFrom: addLocalDays(today(), -5), shutdownTo: addLocalDays(today(), -1) });
  assert.equal(short.statusCode, 400);
  assert.deepEqual(short.data.error.issues.map((i: { path: string }) => i.path), ['body.shutdownTo']);
  const res = await declare({ kind: 'resumption', shutdownFrom: addLocalDays(today(), -10), shutdownTo: addLocalDays(today(), -1), note: '停产检修后复工' });
  assert.deepEqual([res.data.kind, res.data.source, res.data.name, res.data.startsOn, res.data.endsOn, res.data.shutdownFrom],
    ['resumption', 'declared', '复产复工', today(), addLocalDays(today(), 2), addLocalDays(today(), -10)]);
});

test('R-RESP-6: only the principal or the named on-duty leader checks in; all days checked in fulfil the moment\'s duty', async () => {
  const created = await declare({ kind: 'maintenance', name: '二号装置年度检修', startsOn: today(), endsOn: addLocalDays(today(), 1) });
  const id = created.data.id as string;
  assert.deepEqual(created.data.leader, { employeeId: null, name: null, isPrincipal: true });
  const [worker, safety, leader, principal] = await Promise.all([ent.login('worker'), ent.login('safety'), ent.login('leader'), ent.login('principal')]);

  for (const c of [worker, safety, leader]) {
    const refused = await checkIn(c, id);
    assert.deepEqual([refused.statusCode, refused.data.error.reason], [403, 'NOT_ON_DUTY']);
  }
  // The safety manager names the workshop head on-duty leader; he is told, and may now check in.
  const named = await safety.put(api(`/key-moments/${id}/leader`), { leaderEmployeeId: emp.leader, version: created.data.version });
  assert.equal(named.statusCode, 200, named.body);
  assert.deepEqual(named.data.leader, { employeeId: emp.leader, name: '一车间主任', isPrincipal: false });
  const told = await t.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', ent.users.leader.id).execute();
  const outbox = await t.db.selectFrom('outbox').select('payload').execute();
  assert.ok(told.some((n) => n.kind === 'key_moment.duty') || outbox.some((o) => JSON.stringify(o.payload).includes(`key-moments/${id}`)));
  const first = await checkIn(leader, id, { locationText: '二号装置区', note: '检修现场带班' });
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual([first.data.checkedDays, first.data.covered], [1, false]);
  assert.deepEqual((await checkIn(leader, id)).data.error.reason, 'ALREADY_CHECKED_IN');
  // The principal is always on duty; a worker still is not.
  assert.equal((await checkIn(principal, id)).statusCode, 201);
  assert.deepEqual((await checkIn(worker, id)).data.error.reason, 'NOT_ON_DUTY');
  assert.deepEqual((await occurrences(ent.id, 'resp.key_moment', id)).map((o) => o.status), ['upcoming']);

  // The next (last) day: the leader's check-in covers it, and the duty is fulfilled in the same transaction.
  nextDay();
  const last = await checkIn(leader, id);
  assert.equal(last.statusCode, 201, last.body);
  assert.deepEqual([last.data.checkedDays, last.data.missingDays, last.data.covered], [2, 0, true]);
  assert.deepEqual((await occurrences(ent.id, 'resp.key_moment', id)).map((o) => [o.status, o.record_type, o.record_id]), [['fulfilled', 'key_moment', id]]);
  nextDay();
  assert.deepEqual((await checkIn(principal, id)).data.error.reason, 'NOT_A_MOMENT_DAY');
});

test('R-RESP-6: a past day without a check-in is flagged missing, and listed among the gaps', async () => {
  const created = await declare({ kind: 'maintenance', name: '锅炉停炉检修', startsOn: today(), endsOn: addLocalDays(today(), 1) });
  const id = created.data.id as string;
  const day1 = today();
  nextDay();
  const principal = await ent.login('principal');
  const detail = await principal.get(api(`/key-moments/${id}`));
  assert.deepEqual(detail.data.dayList.map((d: { status: string }) => d.status), ['missing', 'today']);
  assert.equal(detail.data.missingDays, 1);
  const gaps = await principal.get(api('/key-moment-gaps?year=2026'));
  assert.ok(gaps.data.items.some((g: { momentId: string; day: string }) => g.momentId === id && g.day === day1), gaps.body);
  assert.ok(!gaps.data.items.some((g: { momentId: string; day: string }) => g.momentId === id && g.day === today()));
  // Covering the last day leaves the missed one: the duty is not fulfilled.
  assert.equal((await checkIn(principal, id)).statusCode, 201);
  assert.deepEqual((await occurrences(ent.id, 'resp.key_moment', id)).map((o) => o.status), ['upcoming']);
});

test('R-RESP-6: the location is what the person enters; a photo\'s GPS Exif is never read, and coordinates need consent', async () => {
  const created = await declare({ kind: 'maintenance', name: '储罐区检修', startsOn: today(), endsOn: today() });
  const id = created.data.id as string;
  const principal = await ent.login('principal');
  const gpsJpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888888' } }).jpeg()
    .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '25/1 2/1 3/1', GPSLongitudeRef: 'E', GPSLongitude: '102/1 42/1 0/1' } })
    .toBuffer();
  assert.ok((await sharp(gpsJpeg).metadata()).exif, 'the upload carries Exif');

  const noConsent = await checkIn(principal, id, { locationText: '储罐区', latitude: '25.03', longitude: '102.71' }, gpsJpeg);
  assert.deepEqual([noConsent.statusCode, noConsent.data.error.issues.map((i: { path: string }) => i.path)], [400, ['body.locationConsent']]);

  const res = await checkIn(principal, id, { locationText: '储罐区东侧', note: '到岗' }, gpsJpeg);
  assert.equal(res.statusCode, 201, res.body);
  const row = await t.db.selectFrom('duty_checkins').select(['location_text', 'location_consent', 'latitude', 'longitude', 'photo_id'])
    .where('enterprise_id', '=', ent.id).where('moment_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.location_text, row.location_consent, row.latitude, row.longitude], ['储罐区东侧', false, null, null]);
  const stored = await t.db.selectFrom('attachments').select(['data', 'locked']).where('enterprise_id', '=', ent.id).where('id', '=', row.photo_id).executeTakeFirstOrThrow();
  const bytes = Buffer.from(stored.data as Uint8Array);
  assert.equal(bytes.indexOf(Buffer.from([0xff, 0xe1])), -1, 'no Exif (APP1) is kept');
  assert.equal((await sharp(bytes).metadata()).exif, undefined);
  assert.equal(stored.locked, true, 'a check-in\'s photo is locked evidence');
  const photo = await principal.get(res.data.dayList[0].checkins[0].photoUrl);
  assert.equal(photo.statusCode, 200);

  // With consent, the coordinates the phone's geolocation filled are kept as sent.
  const other = await declare({ kind: 'maintenance', name: '配电室检修', startsOn: today(), endsOn: today() });
  const consented = await checkIn(principal, other.data.id, { locationText: '配电室', locationConsent: 'true', latitude: '25.034100', longitude: '102.712200' });
  assert.equal(consented.statusCode, 201, consented.body);
  assert.deepEqual([consented.data.dayList[0].checkins[0].latitude, consented.data.dayList[0].checkins[0].longitude], [25.0341, 102.7122]);
});

test('R-RESP-9: mentoring is for key-industry enterprises only', async () => {
  const plain = await makeEnterprise(t, { industryCode: 'machinery' });
  const safety = await plain.login('safety');
  const hire = await addEmployee(plain, plain.units.team1, { hireDate: today() });
  assert.deepEqual(await occurrences(plain.id, 'resp.mentoring'), [], 'no mentoring duty outside key industries');
  const mentor = (await t.db.selectFrom('users').select('employee_id').where('id', '=', plain.users.worker.id).executeTakeFirstOrThrow()).employee_id!;
  const refused = await safety.post(api('/mentorships', plain.id), { mentorEmployeeId: mentor, apprenticeEmployeeId: hire.id, startsOn: today(), endsOn: addLocalDays(today(), 90) });
  assert.deepEqual([refused.statusCode, refused.data.error.reason], [409, 'NOT_KEY_INDUSTRY']);
  const list = await safety.get(api('/mentorships', plain.id));
  assert.deepEqual([list.data.applies, list.data.canManage, list.data.total], [false, false, 0]);
  const hires = await safety.get(api('/mentoring/new-hires', plain.id));
  assert.deepEqual([hires.data.applies, hires.data.items.length], [false, 0]);
});

test('R-RESP-9: a new hire opens the mentoring duty at hire, is flagged without a mentor after N days; a mentor signs the skills off', async () => {
  const safety = await ent.login('safety');
  const hire = await addEmployee(ent, ent.units.team1, { name: '新员工甲', hireDate: today() });
  const hiredOn = today();
  assert.deepEqual((await occurrences(ent.id, 'resp.mentoring', hire.id)).map((o) => [o.status, o.due_on]), [['due', addLocalDays(hiredOn, 30)]]);
  // An old hire imported or added later opens nothing.
  const old = await addEmployee(ent, ent.units.team1, { hireDate: '2024-03-01' });
  assert.deepEqual(await occurrences(ent.id, 'resp.mentoring', old.id), []);

  let hires = await safety.get(api('/mentoring/new-hires'));
  assert.equal(hires.statusCode, 200, hires.body);
  assert.deepEqual(hires.data.items.filter((h: { employeeId: string }) => h.employeeId === hire.id).map((h: { overdue: boolean; daysSinceHire: number }) => [h.overdue, h.daysSinceHire]), [[false, 0]]);
  assert.ok(!hires.data.items.some((h: { employeeId: string }) => h.employeeId === old.id), 'hired years ago: not a new hire');
  t.clock.now = new Date(t.clock.now.getTime() + 31 * 86_400_000);
  hires = await safety.get(api('/mentoring/new-hires'));
  assert.deepEqual(hires.data.items.filter((h: { employeeId: string }) => h.employeeId === hire.id).map((h: { overdue: boolean; daysSinceHire: number }) => [h.overdue, h.daysSinceHire]), [[true, 31]]);

  const started = await safety.post(api('/mentorships'), {
    mentorEmployeeId: emp.worker, apprenticeEmployeeId: hire.id, startsOn: today(), endsOn: addLocalDays(today(), 90),
    skills: [{ kind: 'procedure', title: '操作工岗位安全操作规程' }, { kind: 'other', title: '劳动防护用品的正确佩戴' }],
  });
  assert.equal(started.statusCode, 201, started.body);
  const id = started.data.id as string;
  assert.deepEqual((await occurrences(ent.id, 'resp.mentoring', hire.id)).map((o) => [o.status, o.record_id]), [['late_fulfilled', id]]);
  assert.ok(!(await safety.get(api('/mentoring/new-hires'))).data.items.some((h: { employeeId: string }) => h.employeeId === hire.id));
  const again = await safety.post(api('/mentorships'), { mentorEmployeeId: emp.leader, apprenticeEmployeeId: hire.id, startsOn: today(), endsOn: addLocalDays(today(), 30) });
  assert.deepEqual([again.statusCode, again.data.error.issues[0].path], [400, 'body.apprenticeEmployeeId']);

  // The mentor (the worker) sees it, signs each skill off, then completes it; another worker does not see it.
  const mentor = await ent.login('worker');
  assert.equal((await (await ent.login('worker2')).get(api(`/mentorships/${id}`))).statusCode, 404);
  const early = await mentor.post(api(`/mentorships/${id}/complete`), {});
  assert.deepEqual([early.statusCode, early.data.error.reason], [409, 'SKILLS_UNSIGNED']);
  let detail = (await mentor.get(api(`/mentorships/${id}`))).data;
  assert.deepEqual(detail.skillList.map((s: { abilities: { sign: boolean; remove: boolean } }) => s.abilities), [{ sign: true, remove: false }, { sign: true, remove: false }]);
  for (const s of detail.skillList as { id: string }[]) {
    const signed = await mentor.post(api(`/mentorships/${id}/skills/${s.id}/sign`), {});
    assert.equal(signed.statusCode, 200, signed.body);
  }
  detail = (await mentor.get(api(`/mentorships/${id}`))).data;
  assert.ok(detail.skillList.every((s: { signedByName: string; recordedByName: string }) => s.signedByName === '一车间操作工' && s.recordedByName !== null));
  const done = await mentor.post(api(`/mentorships/${id}/complete`), { version: detail.version });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.data.status, done.data.events.map((e: { op: string }) => e.op)], ['completed', ['start', 'complete']]);
});

test('R-RESP-9: the skills suggested for a post are its procedures and the points of its risk-notice card', async () => {
  const safety = await ent.login('safety');
  const post = await safety.post(api('/posts'), { orgUnitId: ent.units.team1, name: '反应釜操作工' });
  assert.equal(post.statusCode, 201, post.body);
  const point = await safety.post(api('/risk-points'), { name: '反应釜', kind: 'equipment', orgUnitId: ent.units.team1, postIds: [post.data.id] });
  assert.equal(point.statusCode, 201, point.body);
  const res = await safety.get(api(`/posts/${post.data.id}/mentoring-skills`));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.items.map((i: { kind: string; riskPointId: string | null }) => [i.kind, i.riskPointId]), [['procedure', null], ['risk_card', point.data.id]]);
});

test('R-RESP-7: a state-owned enterprise records the year\'s pay–safety link with evidence, which fulfils its yearly duty', async () => {
  const soe = await makeEnterprise(t);
  await t.db.updateTable('enterprises').set({ state_owned: true, onboarded_on: '2025-12-01' }).where('id', '=', soe.id).execute();
  const principal = await soe.login('principal');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const send = (c: Client, fields: Record<string, string>, files: { field: string; name: string; data: Buffer }[], e = soe.id) => {
    const m = multipart(files, fields);
    return c.request('POST', api('/pay-links', e), m.body, m.headers);
  };
  const noEvidence = await send(principal, { year: '2026', description: '年薪与安全生产考核结果挂钩' }, []);
  assert.deepEqual([noEvidence.statusCode, noEvidence.data.error.issues[0].path], [400, 'body.document']);
  const res = await send(principal, { year: '2026', description: '年薪与安全生产考核结果挂钩' }, [{ field: 'document', name: '考核办法.pdf', data: pdf }, { field: 'photo', name: 'p.png', data: makePng() }]);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual((await occurrences(soe.id, 'resp.pay_link')).filter((o) => o.due_on === '2026-12-31').map((o) => [o.status, o.record_id]), [['fulfilled', res.data.id]]);
  const twice = await send(principal, { year: '2026', description: '再次记录' }, [{ field: 'document', name: 'b.pdf', data: pdf }]);
  assert.deepEqual([twice.statusCode, twice.data.error.issues[0].path], [400, 'body.year']);
  const list = await principal.get(api('/pay-links', soe.id));
  assert.deepEqual([list.data.applies, list.data.items.length, list.data.items[0].files.length], [true, 1, 2]);
  assert.equal((await principal.get(list.data.items[0].files[0].url)).statusCode, 200);
  // A worker reads neither the record nor its files.
  assert.equal((await (await soe.login('worker')).get(list.data.items[0].files[0].url)).statusCode, 403);

  // Not state-owned: nothing applies, nothing is recorded.
  const refused = await send(await ent.login('principal'), { year: '2026', description: '挂钩' }, [{ field: 'document', name: 'a.pdf', data: pdf }], ent.id);
  assert.deepEqual([refused.statusCode, refused.data.error.reason], [409, 'NOT_STATE_OWNED']);
  assert.equal((await (await ent.login('principal')).get(api('/pay-links'))).data.applies, false);
});

test('bad input is a 400 naming its fields', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const paths = (r: Res) => (r.data.error.issues as { path: string }[]).map((i) => i.path).sort();
  let r = await safety.post(api('/key-moments'), { kind: 'maintenance', name: '检修', startsOn: '2026-02-30', endsOn: today() });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.startsOn']]);
  r = await safety.post(api('/key-moments'), { kind: 'maintenance', name: '检修', startsOn: addLocalDays(today(), 2), endsOn: addLocalDays(today(), 1) });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.endsOn']]);
  r = await safety.post(api('/key-moments'), { kind: 'maintenance', name: '检修', startsOn: addLocalDays(today(), -1), endsOn: today() });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.startsOn']]);
  r = await safety.post(api('/key-moments'), { kind: 'holiday', name: '假日' });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.kind']]);
  r = await safety.post(api('/key-moments'), { kind: 'maintenance', name: '检修', startsOn: today(), endsOn: today(), leaderEmployeeId: '00000000-0000-4000-8000-000000000000' });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.leaderEmployeeId']]);

  const m = await declare({ kind: 'maintenance', name: '输入检查', startsOn: today(), endsOn: today() });
  r = await checkIn(principal, m.data.id, { locationText: '' });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.locationText']]);
  r = await checkIn(principal, m.data.id, { locationText: '主控室', locationConsent: 'true', latitude: '25.03' });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.longitude']]);
  r = await checkIn(principal, m.data.id, { locationText: '主控室', locationConsent: 'true', latitude: '95', longitude: '102' });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.latitude']]);
  r = await checkIn(principal, m.data.id, { locationText: '主控室' }, null);
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.photo']]);

  r = await safety.post(api('/mentorships'), { mentorEmployeeId: 'x', apprenticeEmployeeId: emp.worker, startsOn: today(), endsOn: today() });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.mentorEmployeeId']]);
  r = await safety.post(api('/mentorships'), { mentorEmployeeId: emp.worker, apprenticeEmployeeId: emp.worker, startsOn: today(), endsOn: addLocalDays(today(), -1) });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.endsOn', 'body.mentorEmployeeId']]);
  r = await safety.post(api('/mentorships'), { mentorEmployeeId: emp.leader, apprenticeEmployeeId: emp.worker2, startsOn: today(), endsOn: today(), skills: [{ kind: 'card', title: '' }] });
  assert.deepEqual([r.statusCode, paths(r)], [400, ['body.skills.0.kind', 'body.skills.0.title']]);
});

test('another enterprise\'s safety manager gets 404 on every key-moment, pay-link and mentoring route of this enterprise', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const moment = await declare({ kind: 'maintenance', name: '跨企业检查', startsOn: today(), endsOn: today() });
  const checked = await checkIn(principal, moment.data.id);
  const photoId = (checked.data.dayList[0].checkins[0].photoUrl as string).split('/').pop()!;
  const hire = await addEmployee(ent, ent.units.team1, { hireDate: today() });
  const ms = await safety.post(api('/mentorships'), { mentorEmployeeId: emp.leader, apprenticeEmployeeId: hire.id, startsOn: today(), endsOn: addLocalDays(today(), 30), skills: [{ kind: 'other', title: '应急疏散' }] });
  assert.equal(ms.statusCode, 201, ms.body);
  const post = (await t.db.selectFrom('posts').select('id').where('enterprise_id', '=', ent.id).executeTakeFirstOrThrow()).id;
  const real: Record<string, string> = {
    'key-moments': moment.data.id, 'duty-checkin-photos': photoId, 'pay-link-files': photoId, mentorships: ms.data.id, skills: ms.data.skillList[0].id, posts: post,
  };
  const other = await makeEnterprise(t);
  const intruder = await other.login('safety');
  // The enterprise's own routes (the regulators' list, `/key-moments/overview`, is not one: 403 to an enterprise's people).
  const mine = t.platform.routes.filter((r) => r.url.includes(':enterpriseId') && /key-moment|duty-checkin|pay-link|mentor/.test(r.url));
  assert.ok(mine.length >= 20, `${mine.length} routes`);
  const failures: string[] = [];
  for (const route of mine) {
    const segments = route.url.split('/');
    const url = segments.map((s, i) => (s === ':enterpriseId' ? ent.id : s.startsWith(':') ? real[segments[i - 1]!] ?? real[segments[i - 2]!] ?? '00000000-0000-4000-8000-000000000000' : s)).join('/');
    const res = await intruder.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
    if (res.statusCode !== 404) failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
  }
  assert.deepEqual(failures, []);
  // And the owner's own account reads them.
  assert.equal((await safety.get(api(`/key-moments/${moment.data.id}`))).statusCode, 200);
  assert.equal((await safety.get(api(`/mentorships/${ms.data.id}`))).statusCode, 200);
});

// ---- edits, deletions, the workbench and the regulators' view (R-RESP-6) ----

const patch = async (c: Client, id: string, body: Record<string, unknown>, e = ent) => c.patch(api(`/key-moments/${id}`, e.id), body);
const reasonOf = (r: Res) => [r.statusCode, r.data.error?.reason ?? null, (r.data.error?.issues ?? []).map((i: { path: string }) => i.path)];

async function history(occurrenceId: string) {
  return (await t.db.selectFrom('obligation_history').select(['action', 'to_status', 'note']).where('occurrence_id', '=', occurrenceId).orderBy('id').execute())
    .map((h) => h.action);
}
async function duty(enterpriseId: string, subjectKey: string) {
  return t.db.selectFrom('obligation_occurrences').select(['id', 'status', 'period_key', 'due_on', 'waived_reason', 'record_id'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', 'resp.key_moment').where('subject_key', '=', subjectKey)
    .orderBy('period_key').execute();
}

/** The kept counts (migration 0080's statement triggers) agree with the occurrences they count, per definition and status. */
async function assertCountsKept(definition: string) {
  const kept = await t.db.selectFrom('obligation_counts').select(['status', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('definition_key', '=', definition).groupBy('status').execute();
  const real = await t.db.selectFrom('obligation_occurrences').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('definition_key', '=', definition).groupBy('status').execute();
  const asMap = (rows: { status: string; n: number | string | bigint }[]) => Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]).filter(([, n]) => n !== 0));
  assert.deepEqual(asMap(kept), asMap(real), `obligation_counts of ${definition}`);
}

test('R-RESP-6: a declared maintenance window is edited (name, days, leader, note); its duty follows its last day, withdrawn and reopened with history', async () => {
  const safety = await ent.login('safety');
  const created = await declare({ kind: 'maintenance', name: '三号装置检修', startsOn: addLocalDays(today(), 3), endsOn: addLocalDays(today(), 5) });
  const id = created.data.id as string;
  const [d3, d4, d5] = [3, 4, 5].map((n) => addLocalDays(today(), n));
  assert.deepEqual((await duty(ent.id, id)).map((o) => [o.period_key, o.status]), [[d5, 'upcoming']]);

  const shorter = await patch(safety, id, { name: '三号装置年度检修', endsOn: d4, leaderEmployeeId: emp.leader, note: '提前一天完成', version: created.data.version });
  assert.equal(shorter.statusCode, 200, shorter.body);
  assert.deepEqual([shorter.data.name, shorter.data.startsOn, shorter.data.endsOn, shorter.data.days, shorter.data.leader.employeeId, shorter.data.note, shorter.data.version],
    ['三号装置年度检修', d3, d4, 2, emp.leader, '提前一天完成', created.data.version + 1]);
  // The old last day's duty is withdrawn (kept, waived "cancelled", with its history); the new last day's is open.
  let duties = await duty(ent.id, id);
  assert.deepEqual(duties.map((o) => [o.period_key, o.status, o.waived_reason]), [[d4, 'upcoming', null], [d5, 'waived', 'cancelled']]);
  assert.deepEqual(await history(duties[1]!.id), ['cancel']);
  const audit = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', id).where('action', '=', 'key_moment.update').execute();
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0]!.after, { name: '三号装置年度检修', endsOn: d4, leaderEmployeeId: emp.leader, note: '提前一天完成' });
  assert.equal((await t.db.selectFrom('audit_log').select('seq').where('entity_id', '=', duties[1]!.id).where('action', '=', 'obligation.cancel').execute()).length, 1);
  // The named leader is told.
  const outbox = await t.db.selectFrom('outbox').select('payload').execute();
  assert.ok(outbox.some((o) => JSON.stringify(o.payload).includes(ent.users.leader.id) && JSON.stringify(o.payload).includes(`key-moments/${id}`)));

  // Back to the old last day: that duty is reopened (never a second one for the same day), the other withdrawn.
  const back = await patch(safety, id, { endsOn: d5 });
  assert.equal(back.statusCode, 200, back.body);
  duties = await duty(ent.id, id);
  assert.deepEqual(duties.map((o) => [o.period_key, o.status]), [[d4, 'waived'], [d5, 'upcoming']]);
  assert.deepEqual(await history(duties[1]!.id), ['cancel', 'reopen']);
  await assertCountsKept('resp.key_moment');

  // A stale version, an empty name, a day before today, a shutdown on a maintenance window: refused, translated.
  assert.deepEqual(reasonOf(await patch(safety, id, { note: 'x', version: created.data.version })), [409, 'STALE', []]);
  assert.deepEqual(reasonOf(await patch(safety, id, { name: '' })), [400, null, ['body.name']]);
  assert.deepEqual(reasonOf(await patch(safety, id, { startsOn: addLocalDays(today(), -1) })), [400, null, ['body.startsOn']]);
  assert.deepEqual(reasonOf(await patch(safety, id, { endsOn: addLocalDays(today(), 2) })), [400, null, ['body.endsOn']]);
  assert.deepEqual(reasonOf(await patch(safety, id, { shutdownFrom: today() })), [400, null, ['body.shutdownFrom']]);
  assert.deepEqual(reasonOf(await patch(safety, id, {})), [400, null, ['body']]);
  const zh = await patch(safety, id, { endsOn: addLocalDays(today(), 80) });
  assert.deepEqual(reasonOf(zh), [400, null, ['body.endsOn']]);
  assert.match(zh.data.error.issues[0].message, /最长/);
  // Not a manager: 403, before anything is read of the body.
  assert.equal((await patch(await ent.login('leader'), id, { note: '越权' })).statusCode, 403);
});

test('R-RESP-6: past days stay and a checked-in day is never removed; cutting a moment to its checked-in days fulfils its duty; extending a covered one reopens it', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const m = (await declare({ kind: 'maintenance', name: '循环水系统检修', startsOn: today(), endsOn: addLocalDays(today(), 2) })).data;
  assert.equal((await checkIn(principal, m.id)).statusCode, 201);
  // Today has a check-in: it cannot be cut away, nor the moment deleted.
  const cut = await patch(safety, m.id, { startsOn: addLocalDays(today(), 1) });
  assert.deepEqual(reasonOf(cut), [409, 'CHECKED_IN', []]);
  assert.match(cut.data.error.message, new RegExp(`${today()} 已有带班打卡`));
  const del = await safety.delete(api(`/key-moments/${m.id}`));
  assert.deepEqual(reasonOf(del), [409, 'CHECKED_IN', []]);
  // Ending it today: every day left is checked in, so its duty (moved to today) is fulfilled; the old one withdrawn.
  const ended = await patch(safety, m.id, { endsOn: today() });
  assert.equal(ended.statusCode, 200, ended.body);
  assert.deepEqual([ended.data.covered, ended.data.abilities.delete], [true, false]);
  let duties = await duty(ent.id, m.id);
  assert.deepEqual(duties.map((o) => [o.period_key, o.status, o.record_id]), [[today(), 'fulfilled', m.id], [addLocalDays(today(), 2), 'waived', null]]);
  // Extended again: the fulfilment is reverted and that day's duty withdrawn; the new last day's is owed.
  const longer = await patch(safety, m.id, { endsOn: addLocalDays(today(), 1) });
  assert.equal(longer.statusCode, 200, longer.body);
  duties = await duty(ent.id, m.id);
  assert.deepEqual(duties.map((o) => [o.period_key, o.status]), [[today(), 'waived'], [addLocalDays(today(), 1), 'upcoming'], [addLocalDays(today(), 2), 'waived']]);
  assert.deepEqual(await history(duties[0]!.id), ['fulfil', 'revert', 'cancel']);

  // A moment under way without check-ins: its first day stays, it cannot end before today, and it is not deleted.
  const running = (await declare({ kind: 'maintenance', name: '空压站检修', startsOn: today(), endsOn: addLocalDays(today(), 3) })).data;
  nextDay();
  assert.deepEqual(reasonOf(await patch(safety, running.id, { startsOn: today() })), [400, null, ['body.startsOn']]);
  assert.deepEqual(reasonOf(await patch(safety, running.id, { endsOn: addLocalDays(today(), -1) })), [400, null, ['body.endsOn']]);
  assert.deepEqual(reasonOf(await safety.delete(api(`/key-moments/${running.id}`))), [409, 'MOMENT_STARTED', []]);
  assert.equal((await patch(safety, running.id, { endsOn: today(), note: '提前完成' })).statusCode, 200);
  // Once ended, nothing changes.
  nextDay();
  assert.deepEqual(reasonOf(await patch(safety, running.id, { note: '补记' })), [409, 'MOMENT_ENDED', []]);
  await assertCountsKept('resp.key_moment');
});

test('R-RESP-6: a declared moment not started and without check-ins is deleted, its duty withdrawn; holidays and suspension resumptions are kept, their leader changes', async () => {
  const safety = await ent.login('safety');
  const m = (await declare({ kind: 'maintenance', name: '待取消的检修', startsOn: addLocalDays(today(), 2), endsOn: addLocalDays(today(), 3), leaderEmployeeId: emp.leader })).data;
  const detail = await safety.get(api(`/key-moments/${m.id}`));
  assert.deepEqual(detail.data.abilities, { checkIn: false, manage: true, edit: true, delete: true });
  assert.deepEqual(reasonOf(await safety.delete(api(`/key-moments/${m.id}?version=${m.version + 1}`))), [409, 'STALE', []]);
  assert.equal((await (await ent.login('leader')).delete(api(`/key-moments/${m.id}`))).statusCode, 403);
  const res = await safety.delete(api(`/key-moments/${m.id}?version=${m.version}`));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await safety.get(api(`/key-moments/${m.id}`))).statusCode, 404);
  // The duty stays on record, withdrawn; the deletion is audited with what was deleted; the leader is told.
  const duties = await duty(ent.id, m.id);
  assert.deepEqual(duties.map((o) => [o.status, o.waived_reason]), [['waived', 'cancelled']]);
  const notes = await t.db.selectFrom('obligation_history').select('note').where('occurrence_id', '=', duties[0]!.id).execute();
  assert.ok(notes.some((n) => n.note?.includes('关键时段已删除')));
  const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', m.id).where('action', '=', 'key_moment.delete').executeTakeFirstOrThrow();
  assert.deepEqual([(audit.before as { name: string }).name, audit.after], ['待取消的检修', { withdrawnDuties: 1 }]);
  const outbox = await t.db.selectFrom('outbox').select('payload').execute();
  assert.ok(outbox.some((o) => JSON.stringify(o.payload).includes('keyMoment.notify.cancelled.title') && JSON.stringify(o.payload).includes(ent.users.leader.id)));
  await assertCountsKept('resp.key_moment');

  // A holiday of the official calendar: its name and days are the calendar's; its leader and note change; never deleted.
  const start = addLocalDays(today(), 5);
  const holiday = (await t.db.insertInto('key_moments').values({
    enterprise_id: ent.id, kind: 'holiday', name: '测试节', starts_on: start, ends_on: addLocalDays(start, 1), source: 'calendar',
    rule_set_version: 0, created_at: t.clock.now, updated_at: t.clock.now,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const fixed = await patch(safety, holiday, { name: '改名', endsOn: addLocalDays(start, 2) });
  assert.deepEqual(reasonOf(fixed), [400, null, ['body.name', 'body.endsOn']]);
  assert.match(fixed.data.error.issues[0].message, /法定节假日/);
  const led = await patch(safety, holiday, { leaderEmployeeId: emp.leader, note: '由一车间主任带班' });
  assert.equal(led.statusCode, 200, led.body);
  assert.deepEqual([led.data.leader.employeeId, led.data.note, led.data.abilities.delete], [emp.leader, '由一车间主任带班', false]);
  const kept = await safety.delete(api(`/key-moments/${holiday}`));
  assert.deepEqual(reasonOf(kept), [409, 'NOT_DECLARED', []]);
  assert.match(kept.data.error.message, /不能删除/);

  // A declared resumption moves by its shutdown's days, not its own.
  const r = (await declare({ kind: 'resumption', shutdownFrom: addLocalDays(today(), -3), shutdownTo: addLocalDays(today(), 4) })).data;
  assert.deepEqual(reasonOf(await patch(safety, r.id, { startsOn: addLocalDays(today(), 6) })), [400, null, ['body.startsOn']]);
  const moved = await patch(safety, r.id, { shutdownTo: addLocalDays(today(), 6) });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual([moved.data.startsOn, moved.data.endsOn], [addLocalDays(today(), 7), addLocalDays(today(), 9)]);
  assert.deepEqual(reasonOf(await patch(safety, r.id, { shutdownFrom: addLocalDays(today(), 4) })), [400, null, ['body.shutdownTo']]);
});

// A definition of this test's own, opened by an event, to try the engine's withdrawal on its own.
const WITHDRAWN: ObligationDefinition = {
  key: 'test.withdrawn', module: 'test', ruleId: 'R-TEST-1',
  names: { 'zh-CN': '事件后办理', 'en-US': 'After the event' }, hints: { 'zh-CN': '测试', 'en-US': 'Test' },
  owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['test.withdrawn.done'], evidence: false,
  defaults: { enabled: true, effectiveFrom: '2020-01-01', cadence: { kind: 'event', event: 'test.withdrawable', days: 3, workingDays: false }, applies: {}, remindDaysBefore: [], escalateDaysAfter: [] },
};
registerObligations([WITHDRAWN]);

test('issue 11 §1: cancelBySubject withdraws only the subject\'s open duties of the event, in the caller\'s transaction; reopenBySubject undoes it; the counts stay right', async () => {
  const ctx: Ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now: t.clock.now };
  const day1 = t.clock.now;
  const day2 = new Date(day1.getTime() + 86_400_000);
  await t.db.transaction().execute(async (tx) => {
    for (const [subjectKey, at] of [['a', day1], ['a', day2], ['b', day1]] as const) {
      assert.equal(await triggerEvent(tx, ctx, { enterpriseId: ent.id, event: 'test.withdrawable', at, subjectKey }), 1);
    }
  });
  const rows = async () => (await t.db.selectFrom('obligation_occurrences').select(['subject_key', 'period_key', 'status', 'waived_reason'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', WITHDRAWN.key).orderBy('subject_key').orderBy('period_key').execute())
    .map((r) => `${r.subject_key} ${r.period_key === localDay(day1) ? 'day1' : 'day2'} ${r.status}${r.waived_reason ? ` ${r.waived_reason}` : ''}`);
  // A rolled-back transaction withdraws nothing.
  await assert.rejects(t.db.transaction().execute(async (tx) => {
    assert.equal(await cancelBySubject(tx, ctx, { enterpriseId: ent.id, event: 'test.withdrawable', subjectKey: 'a', reason: '测试' }), 2);
    throw new Error('rolled back');
  }), /rolled back/);
  assert.ok((await rows()).every((r) => !r.includes('waived')));
  // Keeping day 2: only subject a's day-1 duty is withdrawn; another event's duties and subject b stay.
  const n = await t.db.transaction().execute((tx) => cancelBySubject(tx, ctx, { enterpriseId: ent.id, event: 'test.withdrawable', subjectKey: 'a', reason: '记录改期', keepAt: day2 }));
  assert.equal(n, 1);
  assert.deepEqual(await rows(), ['a day1 waived cancelled', 'a day2 upcoming', 'b day1 due']);
  assert.equal(await t.db.transaction().execute((tx) => cancelBySubject(tx, ctx, { enterpriseId: ent.id, event: 'other.event', subjectKey: 'b', reason: 'x' })), 0);
  await assertCountsKept(WITHDRAWN.key);
  // Reopened: the day-1 duty is owed again, with its history.
  assert.equal(await t.db.transaction().execute((tx) => reopenBySubject(tx, ctx, { enterpriseId: ent.id, event: 'test.withdrawable', subjectKey: 'a', at: day1, reason: '改回' })), 1);
  assert.deepEqual(await rows(), ['a day1 due', 'a day2 upcoming', 'b day1 due']);
  await assertCountsKept(WITHDRAWN.key);
});

test('R-RESP-6 workbench: today\'s check-in not made for the principal and the named leader, upcoming moments without a leader for the safety manager — each the total of its list', async () => {
  const e = await makeEnterprise(t);
  const [principal, safety, leader] = await Promise.all([e.login('principal'), e.login('safety'), e.login('leader')]);
  const leaderEmp = (await t.db.selectFrom('users').select('employee_id').where('id', '=', e.users.leader.id).executeTakeFirstOrThrow()).employee_id!;
  const bench = async (c: Client) => new Map(((await c.get('/api/v1/workbench')).data.items as { key: string; count: number; to: string }[]).map((i) => [i.key, i]));
  const listed = async (c: Client, to: string) => {
    const res = await c.get(`/api/v1${to}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.data.items as { id: string }[];
  };
  const a = (await declare({ kind: 'maintenance', name: '今日检修甲', startsOn: today(), endsOn: addLocalDays(today(), 1) }, e)).data;
  const b = (await declare({ kind: 'maintenance', name: '今日检修乙', startsOn: today(), endsOn: today(), leaderEmployeeId: leaderEmp }, e)).data;
  await declare({ kind: 'maintenance', name: '下周检修', startsOn: addLocalDays(today(), 7), endsOn: addLocalDays(today(), 8) }, e);
  await declare({ kind: 'maintenance', name: '下周检修（已指定）', startsOn: addLocalDays(today(), 7), endsOn: addLocalDays(today(), 7), leaderEmployeeId: leaderEmp }, e);

  let p = await bench(principal);
  assert.equal(p.get('keyMoment.checkinToday')!.count, 2);
  assert.deepEqual((await listed(principal, p.get('keyMoment.checkinToday')!.to)).map((m) => m.id).sort(), [a.id, b.id].sort());
  const l = await bench(leader);
  assert.equal(l.get('keyMoment.checkinToday')!.count, 1);
  assert.deepEqual((await listed(leader, l.get('keyMoment.checkinToday')!.to)).map((m) => m.id), [b.id]);
  const s = await bench(safety);
  assert.ok(!s.has('keyMoment.checkinToday'), 'the safety manager is not on duty');
  assert.equal(s.get('keyMoment.noLeader')!.count, 1);
  assert.equal((await listed(safety, s.get('keyMoment.noLeader')!.to)).length, 1);
  assert.ok(!p.has('keyMoment.noLeader'));

  // The leader checks in for his: it leaves both his and the principal's count.
  assert.equal((await checkIn(leader, b.id, undefined, undefined, e.id)).statusCode, 201);
  p = await bench(principal);
  assert.equal(p.get('keyMoment.checkinToday')!.count, 1);
  assert.ok(!(await bench(leader)).has('keyMoment.checkinToday'), 'nothing left for him today');
  // A worker is never on duty: no item.
  assert.ok(!(await bench(await e.login('worker'))).has('keyMoment.checkinToday'));
  assert.equal(p.get('keyMoment.checkinToday')!.count, (await listed(principal, p.get('keyMoment.checkinToday')!.to)).length);
});

test('R-RESP-6, issue 11 §10: the subdistrict and department officers see each enterprise in their scope with its key moments and check-in compliance, filtered and paged, and read its moments', async () => {
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const tag = `关键时段监管${Math.random().toString(36).slice(2, 6)}`;
  const near = await makeEnterprise(t, { name: `${tag}甲化工有限公司` });
  const far = await makeEnterprise(t, { name: `${tag}乙建筑有限公司`, subdistrictId: subs[1]!.id, industryCode: 'construction' });
  const m = (await declare({ kind: 'maintenance', name: '全厂停车检修', startsOn: today(), endsOn: addLocalDays(today(), 2) }, near)).data;
  await declare({ kind: 'maintenance', name: '明年检修', startsOn: addLocalDays(today(), 10), endsOn: addLocalDays(today(), 10) }, near);
  await declare({ kind: 'maintenance', name: '工地停工检修', startsOn: addLocalDays(today(), 1), endsOn: addLocalDays(today(), 1) }, far);
  assert.equal((await checkIn(await near.login('principal'), m.id, undefined, undefined, near.id)).statusCode, 201);
  nextDay();
  nextDay();
  // Now the third day: the first checked in, the second missed, today not yet checked in.

  const guanshang = await t.login('guanshang');
  const res = await guanshang.get(`/api/v1/key-moments/overview?q=${encodeURIComponent(tag)}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.total, 1, 'the other subdistrict\'s enterprise is not in his scope');
  const row = res.data.items[0];
  assert.deepEqual([row.enterpriseId, row.current, row.currentUnchecked, row.upcoming, row.nextName, row.owedDays, row.checkedDays, row.missingDays, row.rate],
    [near.id, 1, 1, 1, '明年检修', 2, 1, 1, 0.5]);
  assert.equal((await guanshang.get(`/api/v1/key-moments/overview?q=${encodeURIComponent(tag)}&state=upcoming`)).data.total, 1);
  assert.equal((await guanshang.get(`/api/v1/key-moments/overview?q=${encodeURIComponent(tag)}&state=missing&sort=rate&order=asc`)).data.total, 1);
  const paged = await guanshang.get('/api/v1/key-moments/overview?pageSize=1&page=1&sort=name&order=asc');
  assert.deepEqual([paged.data.items.length, paged.data.pageSize], [1, 1]);
  assert.ok(paged.data.total >= 2);
  const beyond = await guanshang.get(`/api/v1/key-moments/overview?pageSize=1&page=${paged.data.total + 1}`);
  assert.deepEqual([beyond.data.items.length, beyond.data.total], [0, paged.data.total]);
  assert.deepEqual(reasonOf(await guanshang.get('/api/v1/key-moments/overview?sort=nope')), [400, null, ['querystring.sort']]);

  // The emergency management bureau sees the chemical enterprise, not the construction one (the housing bureau's).
  const yjj = await (await t.login('yjj')).get(`/api/v1/key-moments/overview?q=${encodeURIComponent(tag)}`);
  assert.deepEqual(yjj.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [near.id]);
  const zjj = await (await t.login('zjj')).get(`/api/v1/key-moments/overview?q=${encodeURIComponent(tag)}`);
  assert.deepEqual(zjj.data.items.map((i: { enterpriseId: string; upcoming: number }) => [i.enterpriseId, i.upcoming]), [[far.id, 0]]);

  // The drill-down: the enterprise's moments, read-only; another subdistrict's are 404 to him.
  const list = await guanshang.get(api('/key-moments', near.id));
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual([list.data.canManage, list.data.enterpriseName], [false, near.name]);
  const detail = await guanshang.get(api(`/key-moments/${m.id}`, near.id));
  assert.deepEqual(detail.data.abilities, { checkIn: false, manage: false, edit: false, delete: false });
  assert.deepEqual(detail.data.dayList.map((d: { status: string }) => d.status), ['done', 'missing', 'today']);
  assert.equal((await guanshang.patch(api(`/key-moments/${m.id}`, near.id), { note: '监管修改' })).statusCode, 403);
  assert.equal((await guanshang.get(api('/key-moments', far.id))).statusCode, 404);
  // An enterprise's own people do not read the regulators' list.
  assert.equal((await (await near.login('safety')).get('/api/v1/key-moments/overview')).statusCode, 403);
});
