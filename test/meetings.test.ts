import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';

/**
 * Issue 11 §8, R-RESP-5: safety meetings. Recorded as drafts by the safety manager, confirmed by the chair's own
 * account (then locked), voided with a reason; a safety meeting the principal chairs and confirms fulfils the quarterly
 * meeting duty, a 职代会 session with the safety work report the yearly one; decisions become tracked actions.
 */

let t: TestPlatform;
let ent: FreshEnterprise;
type Who = keyof FreshEnterprise['users'];
const emp = {} as Record<Who, string>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

before(async () => {
  t = await createTestPlatform();
  // 2 April 2026, 10:00 in Kunming: the first quarter has just ended.
  t.clock.now = new Date('2026-04-02T02:00:00Z');
  const guanshang = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  ent = await makeEnterprise(t, { subdistrictId: guanshang.subdistrict_id! });
  // On the platform since before the year began: it owes the first quarter's duties (never retroactively otherwise).
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-12-01' }).where('id', '=', ent.id).execute();
  for (const who of Object.keys(ent.users) as Who[]) {
    emp[who] = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
  }
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;

type MeetingBody = Record<string, unknown> & { decisions?: { content: string; ownerEmployeeId: string; dueOn?: string | null }[] };

function meeting(over: MeetingBody = {}): MeetingBody {
  return {
    type: 'safety_topic', title: `安全生产专题会议${Math.random().toString(36).slice(2, 6)}`, heldAt: '2026-04-01T09:00:00+08:00', place: '三楼会议室',
    chairEmployeeId: emp.principal, attendeeIds: [emp.safety, emp.leader, emp.worker], agenda: '一季度安全形势分析',
    minutes: '会议听取了一季度安全生产工作汇报，研究部署二季度重点工作。', decisions: [], ...over,
  };
}

async function record(body: MeetingBody, by: Who = 'safety', e = ent): Promise<Res> {
  const res = await (await e.login(by)).post(api('/meetings', e.id), body);
  assert.equal(res.statusCode, 201, res.body);
  return res;
}

function multipart(files: { name: string; data: Buffer }[], fields: Record<string, string>) {
  const boundary = `----sdmeet${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(c: Client, meetingId: string, role: string, file: { name: string; data: Buffer }, enterpriseId = ent.id): Promise<Res> {
  const m = multipart([file], { role });
  return c.request('POST', api(`/meetings/${meetingId}/files`, enterpriseId), m.body, m.headers);
}

async function occurrence(definition: string, period: string, enterpriseId = ent.id) {
  return t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'record_id'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', definition).where('period_key', '=', period).executeTakeFirst();
}

test('the safety manager records a meeting as a draft; its chair confirms the minutes with his own account, which locks it and its files', async () => {
  const safety = await ent.login('safety');
  const leader = await ent.login('leader');
  const created = await record(meeting({
    type: 'regular', chairEmployeeId: emp.leader, attendeeIds: [emp.worker, emp.worker2],
    decisions: [{ content: '更换二车间破损的防护栏', ownerEmployeeId: emp.worker, dueOn: '2026-04-10' }],
  }));
  const id = created.data.id as string;
  assert.equal(created.data.status, 'draft');
  assert.equal(created.data.chairHasAccount, true);
  assert.deepEqual(created.data.abilities, { update: true, confirm: false, void: true, upload: true, correct: false });
  // The chair is asked to confirm.
  const notices = await t.db.selectFrom('outbox').select('payload').where(sql<boolean>`payload->>'userId' = ${ent.users.leader.id}`).execute();
  assert.ok(notices.some((n) => { const p = n.payload as { kind: string; link: string }; return p.kind === 'meeting.confirm' && p.link.endsWith(id); }));

  // Files while it is a draft: the minutes PDF and a photo.
  const pdf = await upload(safety, id, 'minutes', { name: '纪要.pdf', data: PDF });
  assert.equal(pdf.statusCode, 201, pdf.body);
  const photo = await upload(safety, id, 'photo', { name: 'p.png', data: makePng() });
  assert.equal(photo.statusCode, 201, photo.body);
  assert.equal((await upload(safety, id, 'minutes', { name: 'p.png', data: makePng() })).statusCode, 415, 'the minutes are a PDF');
  const file = await leader.get(api(`/meeting-files/${pdf.data.ids[0]}`));
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');

  const edited = await safety.put(api(`/meetings/${id}`), { ...meeting({ type: 'regular', chairEmployeeId: emp.leader, attendeeIds: [emp.worker] }), title: '一车间安全例会', version: created.data.version });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.title, '一车间安全例会');
  assert.deepEqual(edited.data.attendees.map((a: { employeeId: string }) => a.employeeId), [emp.worker]);
  assert.equal(edited.data.decisions.length, 0, 'decisions are replaced as sent');
  const stale = await safety.put(api(`/meetings/${id}`), { ...meeting({ chairEmployeeId: emp.leader }), version: created.data.version });
  assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);

  const seen = await leader.get(api(`/meetings/${id}`));
  assert.equal(seen.data.abilities.confirm, true);
  const confirmed = await leader.post(api(`/meetings/${id}/confirm`), { version: seen.data.version });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.data.status, 'confirmed');
  assert.ok(confirmed.data.confirmedByName.includes('一车间主任'));
  assert.ok(confirmed.data.files.length === 2 && confirmed.data.files.every((f: { locked: boolean }) => f.locked));
  assert.deepEqual(confirmed.data.events.map((e: { op: string }) => e.op), ['record', 'update', 'confirm']);

  // Locked: no edit, no new file, no file taken off.
  const again = await safety.put(api(`/meetings/${id}`), meeting({ chairEmployeeId: emp.leader }));
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'STATE']);
  assert.equal((await upload(safety, id, 'photo', { name: 'q.png', data: makePng() })).statusCode, 409);
  assert.equal((await safety.delete(api(`/meeting-files/${photo.data.ids[0]}`))).statusCode, 409);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['meeting.record', 'meeting.update', 'meeting.confirm']);
});

test('only the chair confirms: a manager is refused NOT_CHAIR, an attendee FORBIDDEN; not before the meeting, nor without minutes', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const worker = await ent.login('worker');
  const id = (await record(meeting())).data.id as string;
  const byManager = await safety.post(api(`/meetings/${id}/confirm`), {});
  assert.deepEqual([byManager.statusCode, byManager.data.error.reason], [409, 'NOT_CHAIR']);
  // An attendee does not see a draft until its chair confirms it.
  assert.equal((await worker.post(api(`/meetings/${id}/confirm`), {})).statusCode, 404);
  assert.equal((await worker.get(api(`/meetings/${id}`))).statusCode, 404);
  assert.equal((await principal.post(api(`/meetings/${id}/confirm`), {})).statusCode, 200);
  const byAttendee = await worker.post(api(`/meetings/${id}/confirm`), {});
  assert.deepEqual([byAttendee.statusCode, byAttendee.data.error.reason], [403, 'FORBIDDEN']);
  const officer = await t.login('guanshang');
  assert.equal((await officer.post(api(`/meetings/${id}/confirm`), {})).statusCode, 403);

  const ahead = (await record(meeting({ heldAt: '2026-04-20T09:00:00+08:00' }))).data.id as string;
  const early = await principal.post(api(`/meetings/${ahead}/confirm`), {});
  assert.deepEqual([early.statusCode, early.data.error.reason], [409, 'NOT_HELD_YET']);
  const bare = (await record(meeting({ minutes: '' }))).data.id as string;
  const noMinutes = await principal.post(api(`/meetings/${bare}/confirm`), {});
  assert.deepEqual([noMinutes.statusCode, noMinutes.data.error.reason], [409, 'MINUTES_REQUIRED']);
  // The minutes may be the uploaded file instead of text.
  assert.equal((await upload(safety, bare, 'minutes', { name: 'm.pdf', data: PDF })).statusCode, 201);
  assert.equal((await principal.post(api(`/meetings/${bare}/confirm`), {})).statusCode, 200);
});

test('R-RESP-5 a safety meeting at 31 March 23:30 local time, chaired and confirmed by the principal, fulfils the first quarter\'s meeting; voiding it reverts that', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const created = await record(meeting({ heldAt: '2026-03-31T23:30:00+08:00', decisions: [{ content: '修订应急预案', ownerEmployeeId: emp.safety, dueOn: '2026-04-30' }] }));
  const id = created.data.id as string;
  assert.equal(created.data.quarter, '2026-Q1', 'held in the first quarter by its local date');
  assert.equal(created.data.fulfils, 'meeting.safety_topic');
  assert.equal(created.data.chairIsPrincipal, true);
  const confirmed = await principal.post(api(`/meetings/${id}/confirm`), {});
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const fulfilled = await occurrence('resp.ten.meeting', '2026-Q1');
  assert.ok(fulfilled, 'the first quarter\'s occurrence exists');
  assert.ok(['fulfilled', 'late_fulfilled'].includes(fulfilled.status), fulfilled.status);
  assert.deepEqual([fulfilled.record_type, fulfilled.record_id], ['meeting', id]);

  // A correction: void with the reason, then record anew naming it.
  assert.equal((await safety.post(api(`/meetings/${id}/void`), {})).statusCode, 400, 'a reason is required');
  const voided = await safety.post(api(`/meetings/${id}/void`), { reason: '会议时间记录有误' });
  assert.equal(voided.statusCode, 200, voided.body);
  assert.equal(voided.data.status, 'voided');
  assert.equal(voided.data.decisions[0].status, 'cancelled');
  assert.equal(voided.data.abilities.correct, true);
  const reverted = await occurrence('resp.ten.meeting', '2026-Q1');
  assert.deepEqual([reverted?.status, reverted?.record_id], ['overdue', null]);
  const correction = await record(meeting({ heldAt: '2026-03-30T15:00:00+08:00', replacesId: id }));
  assert.equal(correction.data.replacesId, id);
  assert.equal((await safety.get(api(`/meetings/${id}`))).data.replacedById, correction.data.id);
  const notVoided = await safety.post(api('/meetings'), meeting({ replacesId: correction.data.id }));
  assert.deepEqual([notVoided.statusCode, notVoided.data.error.issues[0].path], [400, 'body.replacesId']);
});

test('R-RESP-5 only the principal\'s own act counts: a safety meeting the safety manager chairs fulfils nothing; a 职代会 with the report attached fulfils the yearly report', async () => {
  // An enterprise of its own, whose duties nobody has fulfilled yet.
  const e = await makeEnterprise(t);
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-12-01' }).where('id', '=', e.id).execute();
  const people = Object.fromEntries(await Promise.all((Object.keys(e.users) as Who[]).map(async (who) =>
    [who, (await t.db.selectFrom('users').select('employee_id').where('id', '=', e.users[who].id).executeTakeFirstOrThrow()).employee_id!]))) as Record<Who, string>;
  const safety = await e.login('safety');
  const principal = await e.login('principal');
  const own = (await record(meeting({ chairEmployeeId: people.safety, attendeeIds: [people.worker], heldAt: '2026-04-01T15:00:00+08:00' }), 'safety', e)).data.id as string;
  const byManager = await safety.post(api(`/meetings/${own}/confirm`, e.id), {});
  assert.equal(byManager.statusCode, 200, byManager.body);
  assert.equal((await occurrence('resp.ten.meeting', '2026-Q2', e.id))?.record_id ?? null, null);
  // The same meeting chaired and confirmed by the principal does.
  const his = (await record(meeting({ chairEmployeeId: people.principal, attendeeIds: [people.worker], heldAt: '2026-04-01T16:00:00+08:00' }), 'safety', e)).data.id as string;
  assert.equal((await principal.post(api(`/meetings/${his}/confirm`, e.id), {})).statusCode, 200);
  assert.deepEqual(await occurrence('resp.ten.meeting', '2026-Q2', e.id), { status: 'fulfilled', record_type: 'meeting', record_id: his });

  const congress = (await record(meeting({ type: 'congress', title: '第三届职工代表大会第二次会议', chairEmployeeId: people.principal, attendeeIds: [people.worker], heldAt: '2026-03-20T14:00:00+08:00' }), 'safety', e)).data.id as string;
  assert.equal((await safety.get(api(`/meetings/${congress}`, e.id))).data.fulfils, null, 'no report attached yet');
  assert.equal((await upload(safety, congress, 'report', { name: '安全生产工作报告.pdf', data: PDF }, e.id)).statusCode, 201);
  assert.equal((await safety.get(api(`/meetings/${congress}`, e.id))).data.fulfils, 'meeting.congress_report');
  assert.equal((await principal.post(api(`/meetings/${congress}/confirm`, e.id), {})).statusCode, 200);
  assert.deepEqual(await occurrence('resp.ten.congress_report', '2026', e.id), { status: 'fulfilled', record_type: 'meeting', record_id: congress });
});

test('decisions become tracked actions: the owner reports his done with a note, overdue ones are flagged, a manager cancels one', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const worker = await ent.login('worker');
  const worker2 = await ent.login('worker2');
  const leader = await ent.login('leader');
  const id = (await record(meeting({
    heldAt: '2026-03-30T09:00:00+08:00', attendeeIds: [emp.leader],
    decisions: [
      { content: '完成储罐区防雷检测', ownerEmployeeId: emp.worker, dueOn: '2026-04-01' },
      { content: '组织一次消防演练', ownerEmployeeId: emp.worker, dueOn: '2026-04-30' },
    ],
  }))).data.id as string;
  // A draft's decisions are not yet tracked.
  assert.equal((await worker.get(api('/meeting-actions?mine=true'))).data.total, 0);
  assert.equal((await principal.post(api(`/meetings/${id}/confirm`), {})).statusCode, 200);

  const mine = await worker.get(api(`/meeting-actions?mine=true&meetingId=${id}`));
  assert.equal(mine.statusCode, 200, mine.body);
  assert.deepEqual(mine.data.items.map((a: { content: string; overdue: boolean }) => [a.content, a.overdue]), [['完成储罐区防雷检测', true], ['组织一次消防演练', false]]);
  assert.ok(mine.data.items.every((a: { abilities: { done: boolean; cancel: boolean } }) => a.abilities.done && !a.abilities.cancel));
  const overdue = await safety.get(api(`/meeting-actions?status=overdue&meetingId=${id}`));
  assert.deepEqual(overdue.data.items.map((a: { content: string }) => a.content), ['完成储罐区防雷检测']);
  // The owner attended no meeting but sees the one whose action he owns.
  assert.equal((await worker.get(api(`/meetings/${id}`))).statusCode, 200);
  const bench = await worker.get('/api/v1/workbench');
  const myActions = bench.data.items.find((i: { key: string }) => i.key === 'meeting.myActions');
  assert.ok(myActions.count >= 2 && myActions.tone === 'danger', JSON.stringify(myActions));

  const [late, later] = mine.data.items as { id: string; version: number }[];
  const noNote = await worker.post(api(`/meeting-actions/${late!.id}/done`), { note: '' });
  assert.deepEqual([noNote.statusCode, noNote.data.error.issues[0].path], [400, 'body.note']);
  assert.equal((await worker2.post(api(`/meeting-actions/${late!.id}/done`), { note: '已完成' })).statusCode, 404, 'not his meeting');
  const byLeader = await leader.post(api(`/meeting-actions/${late!.id}/done`), { note: '已完成' });
  assert.deepEqual([byLeader.statusCode, byLeader.data.error.reason], [403, 'FORBIDDEN']);
  const done = await worker.post(api(`/meeting-actions/${late!.id}/done`), { note: '已委托检测机构完成检测，报告存档', version: late!.version });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.data.status, done.data.overdue, done.data.doneNote], ['done', false, '已委托检测机构完成检测，报告存档']);
  const twice = await worker.post(api(`/meeting-actions/${late!.id}/done`), { note: '再次' });
  assert.deepEqual([twice.statusCode, twice.data.error.reason], [409, 'STATE']);
  assert.equal((await worker.post(api(`/meeting-actions/${later!.id}/cancel`), { note: '不需要' })).statusCode, 403);
  const cancelled = await safety.post(api(`/meeting-actions/${later!.id}/cancel`), { note: '并入年度演练计划' });
  assert.equal(cancelled.data.status, 'cancelled');
  const list = await safety.get(api(`/meetings?q=${encodeURIComponent('安全生产专题会议')}&pageSize=200`));
  const row = list.data.items.find((m: { id: string }) => m.id === id);
  assert.deepEqual([row.decisionCount, row.openActions, row.overdueActions], [2, 0, 0]);
});

test('an employee sees only the meetings he attended (once confirmed); a regulator in scope reads confirmed ones', async () => {
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const worker2 = await ent.login('worker2');
  const attended = (await record(meeting({ attendeeIds: [emp.worker2] }))).data.id as string;
  const other = (await record(meeting({ attendeeIds: [emp.worker] }))).data.id as string;
  const draft = (await record(meeting({ attendeeIds: [emp.worker2], heldAt: '2026-04-20T09:00:00+08:00' }))).data.id as string;
  for (const id of [attended, other]) assert.equal((await principal.post(api(`/meetings/${id}/confirm`), {})).statusCode, 200);
  const seen = (await worker2.get(api('/meetings?pageSize=200'))).data.items.map((m: { id: string }) => m.id);
  assert.ok(seen.includes(attended));
  assert.ok(!seen.includes(other) && !seen.includes(draft));
  assert.equal((await worker2.get(api(`/meetings/${other}`))).statusCode, 404);
  assert.equal((await worker2.get(api(`/meetings/${draft}`))).statusCode, 404);
  assert.equal((await worker2.get(api(`/meetings/${attended}`))).statusCode, 200);
  assert.ok((await worker2.get(api('/meetings?mine=true&pageSize=200'))).data.items.some((m: { id: string }) => m.id === attended));
  // The safety manager sees every meeting; the subdistrict officer the confirmed ones.
  assert.ok((await safety.get(api('/meetings?pageSize=200'))).data.items.some((m: { id: string }) => m.id === draft));
  const officer = await t.login('guanshang');
  assert.equal((await officer.get(api(`/meetings/${other}`))).statusCode, 200);
  assert.equal((await officer.get(api(`/meetings/${draft}`))).statusCode, 404);
  assert.equal((await officer.post(api('/meetings'), meeting())).statusCode, 403);
});

test('every meeting route answers 404 to a safety manager of another enterprise', async () => {
  const safety = await ent.login('safety');
  const id = (await record(meeting({ decisions: [{ content: '整改', ownerEmployeeId: emp.worker, dueOn: '2026-04-30' }] }))).data.id as string;
  const file = (await upload(safety, id, 'photo', { name: 'p.png', data: makePng() })).data.ids[0] as string;
  assert.equal((await (await ent.login('principal')).post(api(`/meetings/${id}/confirm`), {})).statusCode, 200);
  const action = (await safety.get(api(`/meeting-actions?meetingId=${id}`))).data.items[0].id as string;
  const other = await makeEnterprise(t);
  const stranger = await other.login('safety');
  const m = multipart([{ name: 'p.png', data: makePng() }], { role: 'photo' });
  const calls: [string, string, unknown?, Record<string, string>?][] = [
    ['GET', api('/meetings')], ['GET', api('/meetings/export')], ['POST', api('/meetings'), meeting()], ['GET', api(`/meetings/${id}`)],
    ['PUT', api(`/meetings/${id}`), meeting()], ['POST', api(`/meetings/${id}/confirm`), {}], ['POST', api(`/meetings/${id}/void`), { reason: 'x' }],
    ['POST', api(`/meetings/${id}/files`), m.body, m.headers], ['GET', api(`/meeting-files/${file}`)], ['DELETE', api(`/meeting-files/${file}`)],
    ['GET', api('/meeting-actions')], ['POST', api(`/meeting-actions/${action}/done`), { note: 'x' }], ['POST', api(`/meeting-actions/${action}/cancel`), { note: 'x' }],
  ];
  for (const [method, url, body, headers] of calls) {
    const res = await stranger.request(method, url, body, headers);
    assert.equal(res.statusCode, 404, `${method} ${url}: ${res.statusCode} ${res.body}`);
  }
  // His own enterprise's meetings, and the real record in his own enterprise's path, still 404.
  assert.equal((await stranger.get(api('/meetings', other.id))).statusCode, 200);
  assert.equal((await stranger.get(api(`/meetings/${id}`, other.id))).statusCode, 404);
  assert.equal((await stranger.get(api(`/meeting-files/${file}`, other.id))).statusCode, 404);
});

test('bad input is a 400 naming its fields', async () => {
  const safety = await ent.login('safety');
  const missing = await safety.post(api('/meetings'), { ...meeting(), title: '', heldAt: '2026-04-01 09:00', type: 'party' });
  assert.equal(missing.statusCode, 400);
  const paths = missing.data.error.issues.map((i: { path: string }) => i.path).sort();
  assert.deepEqual(paths, ['body.heldAt', 'body.title', 'body.type']);
  const ghost = '00000000-0000-4000-8000-000000000000';
  const people = await safety.post(api('/meetings'), meeting({
    chairEmployeeId: ghost, attendeeIds: [emp.worker, ghost],
    decisions: [{ content: '事项', ownerEmployeeId: emp.worker, dueOn: '2026-03-01' }, { content: '事项二', ownerEmployeeId: ghost }],
  }));
  assert.equal(people.statusCode, 400);
  assert.deepEqual(people.data.error.issues.map((i: { path: string }) => i.path).sort(),
    ['body.attendeeIds.1', 'body.chairEmployeeId', 'body.decisions.0.dueOn', 'body.decisions.1.ownerEmployeeId']);
  const far = await safety.post(api('/meetings'), meeting({ heldAt: '2031-01-01T09:00:00+08:00' }));
  assert.deepEqual([far.statusCode, far.data.error.issues[0].path], [400, 'body.heldAt']);
  const id = (await record(meeting())).data.id as string;
  const role = await upload(safety, id, 'selfie', { name: 'p.png', data: makePng() });
  assert.deepEqual([role.statusCode, role.data.error.issues[0].path], [400, 'body.role']);
  const badDue = await safety.post(api('/meetings'), meeting({ decisions: [{ content: '事项', ownerEmployeeId: emp.worker, dueOn: '2026-02-30' }] }));
  assert.deepEqual([badDue.statusCode, badDue.data.error.issues[0].path], [400, 'body.decisions.0.dueOn']);
  assert.equal((await safety.get(api('/meetings?sort=chair'))).statusCode, 400);
});

test('the meeting list exports to .xlsx with the list\'s filters', async () => {
  const safety = await ent.login('safety');
  const title = `导出测试专题会议${Math.random().toString(36).slice(2, 6)}`;
  await record(meeting({ title, heldAt: '2026-03-31T23:30:00+08:00' }));
  const res = await safety.get(api(`/meetings/export?q=${encodeURIComponent(title)}`));
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const strings = await zip.file('xl/sharedStrings.xml')?.async('string') ?? '';
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const text = strings + sheet;
  assert.ok(text.includes(title) && text.includes('2026-03-31 23:30') && text.includes('2026年第一季度'), 'the meeting, its local time and its quarter');
});

test('the demo plant has sample meetings: minutes waiting for the principal, and tracked actions done and open', async () => {
  const principal = await t.login('principal');
  const eid = (await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow()).enterprise_id!;
  const list = await principal.get(api('/meetings?pageSize=50', eid));
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.data.items.map((m: { type: string; status: string }) => `${m.type}:${m.status}`).sort(), ['regular:confirmed', 'regular:confirmed', 'safety_topic:draft']);
  const bench = await principal.get('/api/v1/workbench');
  assert.equal(bench.data.items.find((i: { key: string }) => i.key === 'meeting.toConfirm')?.count, 1);
  const actions = (await principal.get(api('/meeting-actions?pageSize=50', eid))).data.items as { status: string }[];
  assert.deepEqual(actions.map((a) => a.status).sort(), ['done', 'open', 'open', 'open']);
});
