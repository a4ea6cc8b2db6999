import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Ctx } from '../src/platform/auth/actor';
import { fulfilByRecord, revertByRecord, runObligationsDay, triggerEvent } from '../src/modules/obligations';
import { registerObligations, type ObligationDefinition } from '../src/platform/obligations';
import { localInstant } from '../src/platform/time';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';
import { docx } from './fixtures/office';

/**
 * Issue 11 §1: the obligations engine — occurrences materialised by the daily job, fulfilled in the transaction of the
 * record that fulfils them, evidence (and the principal's own act, R-RESP-5), waivers, reminders and escalation, the
 * rates and the regulators' board. The clock is set per test (time is an input).
 */

// A trigger-based definition of this test's own (N working days after an event), so the engine is tested without
// depending on which module declares one.
const EVENT_DEF: ObligationDefinition = {
  key: 'test.after_event', module: 'test', ruleId: 'R-TEST-1',
  names: { 'zh-CN': '事件后十个工作日内办理', 'en-US': 'Within ten working days of the event' },
  hints: { 'zh-CN': '测试', 'en-US': 'Test' },
  owner: 'person', reportedTo: 'internal', fulfilledBy: ['test.done'], evidence: true,
  defaults: { enabled: true, effectiveFrom: '2020-01-01', cadence: { kind: 'event', event: 'test.happened', days: 10, workingDays: true }, applies: {}, remindDaysBefore: [], escalateDaysAfter: [] },
};
registerObligations([EVENT_DEF]);

let t: TestPlatform;
let ent: FreshEnterprise;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = localInstant(2026, 2, 15, 10); // 15 March 2026, 10:00 China time
  ent = await makeEnterprise(t);
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-06-01' }).where('id', '=', ent.id).execute();
});
after(async () => { await t.close(); });

const ctxAt = (now: Date): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now });
const occ = (enterpriseId: string, key: string, period: string) => t.db.selectFrom('obligation_occurrences').selectAll()
  .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', key).where('period_key', '=', period).executeTakeFirst();

test('R-RESP-5: the daily job opens the current and next period of every "ten ones" duty, due on the period\'s last day (China time)', async () => {
  await runObligationsDay(t.db, t.clock.now);
  const rows = await t.db.selectFrom('obligation_occurrences').select(['definition_key', 'period_key', 'starts_on', 'due_on', 'status', 'rule_set_version'])
    .where('enterprise_id', '=', ent.id).where('definition_key', 'like', 'resp.ten.%').orderBy('definition_key').orderBy('period_key').execute();
  const got = new Map(rows.map((r) => [`${r.definition_key} ${r.period_key}`, `${r.starts_on}..${r.due_on} ${r.status}`]));
  const expected: [string, string][] = [
    ['resp.ten.inspection 2026-03', '2026-03-01..2026-03-31 due'],
    ['resp.ten.inspection 2026-04', '2026-04-01..2026-04-30 upcoming'],
    ['resp.ten.meeting 2026-Q1', '2026-01-01..2026-03-31 due'],
    ['resp.ten.meeting 2026-Q2', '2026-04-01..2026-06-30 upcoming'],
    ['resp.ten.training_check 2026-Q1', '2026-01-01..2026-03-31 due'],
    ['resp.ten.drill 2026', '2026-01-01..2026-12-31 due'],
    ['resp.ten.drill 2027', '2027-01-01..2027-12-31 upcoming'],
    ['resp.ten.congress_report 2026', '2026-01-01..2026-12-31 due'],
    ['resp.ten.plan_review 2026', '2026-01-01..2026-12-31 due'],
    ['resp.ten.investment_check 2026', '2026-01-01..2026-12-31 due'],
    ['resp.ten.rules_review 2026', '2026-01-01..2026-12-31 due'],
  ];
  for (const [k, v] of expected) assert.equal(got.get(k), v, k);
  // The ten of R-RESP-5, each declared once, by the module whose record fulfils it.
  const keys = new Set(rows.map((r) => r.definition_key));
  for (const k of ['inspection', 'training_check', 'meeting', 'review', 'letters', 'rules_review', 'investment_check', 'plan_review', 'drill', 'congress_report']) {
    assert.ok(keys.has(`resp.ten.${k}`), `resp.ten.${k} materialised: ${[...keys].join(', ')}`);
  }
  assert.ok(rows.every((r) => r.rule_set_version === 0), 'each occurrence keeps the rule-set version that created it');
  // A second run changes nothing (one occurrence per enterprise, definition and period).
  const before = rows.length;
  await runObligationsDay(t.db, t.clock.now);
  const again = await t.db.selectFrom('obligation_occurrences').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', ent.id).where('definition_key', 'like', 'resp.ten.%').executeTakeFirstOrThrow();
  assert.equal(Number(again.n), before);
});

test('occurrences start no earlier than the enterprise joined: never retroactively', async () => {
  const late = await makeEnterprise(t);
  await t.db.updateTable('enterprises').set({ onboarded_on: '2026-03-10' }).where('id', '=', late.id).execute();
  await runObligationsDay(t.db, t.clock.now);
  assert.equal(await occ(late.id, 'resp.ten.inspection', '2026-03'), undefined, 'March began before it joined');
  assert.ok(await occ(late.id, 'resp.ten.inspection', '2026-04'), 'April is owed');
  assert.equal(await occ(late.id, 'resp.ten.drill', '2026'), undefined);
});

test('R-RESP-5: a record on 31 March 23:30 China time fulfils Q1, in the same transaction; a rolled-back record fulfils nothing', async () => {
  const at = new Date('2026-03-31T15:30:00Z'); // 23:30 on 31 March, China time
  const now = new Date('2026-03-31T15:45:00Z');
  // Rolled back: the record's transaction fails after fulfilling.
  await assert.rejects(t.db.transaction().execute(async (tx) => {
    const n = await fulfilByRecord(tx, ctxAt(now), { enterpriseId: ent.id, record: 'meeting.safety_topic', recordType: 'meeting', recordId: 'rolled-back', at, byPrincipal: true });
    assert.equal(n, 1);
    throw new Error('the record failed');
  }), /the record failed/);
  assert.equal((await occ(ent.id, 'resp.ten.meeting', '2026-Q1'))!.status, 'due');
  // Not the principal's own act: a principal-only duty stays open.
  assert.equal(await t.db.transaction().execute((tx) => fulfilByRecord(tx, ctxAt(now), { enterpriseId: ent.id, record: 'meeting.safety_topic', recordType: 'meeting', recordId: 'm0', at, byPrincipal: false })), 0);
  assert.equal(await t.db.transaction().execute((tx) => fulfilByRecord(tx, ctxAt(now), { enterpriseId: ent.id, record: 'meeting.safety_topic', recordType: 'meeting', recordId: 'm1', at, byPrincipal: true })), 1);
  const q1 = (await occ(ent.id, 'resp.ten.meeting', '2026-Q1'))!;
  assert.equal(q1.status, 'fulfilled');
  assert.equal(q1.record_id, 'm1');
  assert.equal((await occ(ent.id, 'resp.ten.meeting', '2026-Q2'))!.status, 'upcoming', 'Q2 untouched');
  // The record is voided: the occurrence reverts in that transaction, with history.
  await t.db.transaction().execute((tx) => revertByRecord(tx, ctxAt(localInstant(2026, 3, 2, 9)), { enterpriseId: ent.id, recordType: 'meeting', recordId: 'm1', reason: '会议记录作废' }));
  const reverted = (await occ(ent.id, 'resp.ten.meeting', '2026-Q1'))!;
  assert.equal(reverted.status, 'overdue', 'Q1 ended while it was fulfilled: it is overdue again');
  const history = await t.db.selectFrom('obligation_history').select(['action', 'to_status', 'note']).where('occurrence_id', '=', q1.id).orderBy('id').execute();
  assert.deepEqual(history.map((h) => h.action), ['fulfil', 'revert']);
  // Fulfilled again after the due day: late.
  await t.db.transaction().execute((tx) => fulfilByRecord(tx, ctxAt(localInstant(2026, 3, 3, 9)), { enterpriseId: ent.id, record: 'meeting.safety_topic', recordType: 'meeting', recordId: 'm2', at, byPrincipal: true }));
  assert.equal((await occ(ent.id, 'resp.ten.meeting', '2026-Q1'))!.status, 'late_fulfilled');
});

test('R-RESP-5: evidence by the safety manager waits for the principal; the principal confirms it; fulfilling files are locked', async () => {
  const row = (await occ(ent.id, 'resp.ten.training_check', '2026-Q1'))!;
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const url = `/api/v1/enterprises/${ent.id}/obligations/${row.id}`;
  const form = (note: string, files: Buffer[]) => {
    const fd = new FormData();
    fd.append('note', note);
    for (const f of files) fd.append('file', new Blob([new Uint8Array(f)], { type: 'image/png' }), 'evidence.png');
    return fd;
  };
  const upload = async (c: typeof safety, fd: FormData) => {
    const req = new Request('http://x', { method: 'POST', body: fd });
    const body = Buffer.from(await req.arrayBuffer());
    return c.request('POST', url + '/evidence', body, { 'content-type': req.headers.get('content-type')! });
  };
  const res = await upload(safety, form('培训计划执行检查记录', [makePng()]));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.status, 'due');
  assert.equal(res.data.awaitingPrincipal, true);
  assert.equal(res.data.files.length, 1);
  const worker = await ent.login('worker');
  assert.equal((await worker.post(`${url}/confirm`, {})).statusCode, 404, 'an employee does not see the principal\'s duties');
  assert.equal((await safety.post(`${url}/confirm`, {})).statusCode, 403);
  const confirmed = await principal.post(`${url}/confirm`, {});
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.data.status, 'fulfilled');
  const file = await t.db.selectFrom('attachments').select(['locked']).where('id', '=', confirmed.data.files[0].id).executeTakeFirstOrThrow();
  assert.equal(file.locked, true, 'evidence that fulfils an occurrence is never deleted');
  const fileUrl = `${url}/files/${confirmed.data.files[0].id}`;
  const got = await principal.get(fileUrl);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.equal((await worker.get(fileUrl)).statusCode, 404, 'evidence follows the visibility of its occurrence');
  assert.equal((await principal.post(`${url}/confirm`, {})).data.error.reason, 'NOT_AWAITING');
  // A file that is not a photo, PDF or workbook is refused (415) and nothing changes.
  const other = (await occ(ent.id, 'resp.ten.plan_review', '2026'))!;
  const bad = new FormData();
  bad.append('file', new Blob([new TextEncoder().encode('plain text')], { type: 'text/plain' }), 'x.txt');
  const req = new Request('http://x', { method: 'POST', body: bad });
  const refused = await principal.request('POST', `/api/v1/enterprises/${ent.id}/obligations/${other.id}/evidence`, Buffer.from(await req.arrayBuffer()), { 'content-type': req.headers.get('content-type')! });
  assert.equal(refused.statusCode, 415, refused.body);
  assert.equal((await occ(ent.id, 'resp.ten.plan_review', '2026'))!.status, 'due');
  // A Word document (.docx) is evidence too — a plan's review minutes are mostly written in Word — and downloads as one.
  const word = new FormData();
  word.append('note', '应急预案年度评审记录');
  word.append('file', new Blob([new Uint8Array(docx('应急预案评审意见：无需修订'))]), '预案评审.docx');
  const wreq = new Request('http://x', { method: 'POST', body: word });
  const fulfilled = await principal.request('POST', `/api/v1/enterprises/${ent.id}/obligations/${other.id}/evidence`, Buffer.from(await wreq.arrayBuffer()), { 'content-type': wreq.headers.get('content-type')! });
  assert.equal(fulfilled.statusCode, 200, fulfilled.body);
  assert.equal(fulfilled.data.status, 'fulfilled');
  const doc = await principal.get(`/api/v1/enterprises/${ent.id}/obligations/${other.id}/files/${fulfilled.data.files[0].id}`);
  assert.equal(doc.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(String(doc.headers['content-disposition']), /^attachment; filename="evidence\.docx"; filename\*=UTF-8''%E9%A2%84/);
});

test('waivers: an internal duty only by the principal, a reported one only by the supervising department; waived leaves the rate', async () => {
  const principal = await ent.login('principal');
  const safety = await ent.login('safety');
  const drill = (await occ(ent.id, 'resp.ten.drill', '2026'))!;
  const url = `/api/v1/enterprises/${ent.id}/obligations/${drill.id}/waive`;
  assert.equal((await safety.post(url, { reason: '停产检修' })).statusCode, 403);
  assert.equal((await principal.post(url, { reason: '' })).statusCode, 400);
  const waived = await principal.post(url, { reason: '全年停产检修，经批准豁免' });
  assert.equal(waived.statusCode, 200, waived.body);
  assert.equal(waived.data.status, 'waived');
  const rates = await principal.get(`/api/v1/enterprises/${ent.id}/obligations/rates?year=2026`);
  assert.equal(rates.statusCode, 200, rates.body);
  const drillRate = rates.data.byRule.find((r: { definitionKey: string }) => r.definitionKey === 'resp.ten.drill');
  assert.equal(drillRate.waived, 1);
  assert.equal(drillRate.due, 0, 'a waived duty is not in the denominator');

  const report = (await occ(ent.id, 'risk.annual_report', '2026'))!;
  const rUrl = `/api/v1/enterprises/${ent.id}/obligations/${report.id}/waive`;
  assert.equal((await principal.post(rUrl, { reason: '不适用' })).statusCode, 403, 'a duty reported to the subdistrict is not the principal\'s to waive');
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.post(rUrl, { reason: '不适用' })).statusCode, 403, 'the subdistrict officer may not waive');
  const yjj = await t.login('yjj');
  const ok = await yjj.post(rUrl, { reason: '企业已注销登记，无需报送' });
  assert.equal(ok.statusCode, 200, ok.body);
});

test('scope: another enterprise\'s manager and an officer of another subdistrict get 404 on every occurrence route', async () => {
  const other = await makeEnterprise(t);
  const stranger = await other.login('principal');
  const row = (await occ(ent.id, 'resp.ten.rules_review', '2026'))!;
  const base = `/api/v1/enterprises/${ent.id}/obligations`;
  for (const [method, path, body] of [
    ['GET', base, undefined], ['GET', `${base}/rates?year=2026`, undefined], ['GET', `${base}/${row.id}`, undefined],
    ['POST', `${base}/${row.id}/confirm`, {}], ['POST', `${base}/${row.id}/waive`, { reason: '越权豁免' }],
  ] as const) {
    assert.equal((await stranger.request(method, path, body)).statusCode, 404, `${method} ${path}`);
  }
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const elsewhere = await makeEnterprise(t, { subdistrictId: subs[1]!.id });
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-06-01' }).where('id', '=', elsewhere.id).execute();
  await runObligationsDay(t.db, t.clock.now);
  const guanshang = await t.login('guanshang');
  const far = (await occ(elsewhere.id, 'resp.ten.drill', '2026'))!;
  assert.equal((await guanshang.get(`/api/v1/enterprises/${elsewhere.id}/obligations/${far.id}`)).statusCode, 404);
  assert.equal((await guanshang.get(`/api/v1/enterprises/${ent.id}/obligations/${row.id}`)).statusCode, 200);
});

test('reminders before the due day and escalation after it, on a controllable clock: managers first, then the regulators', async () => {
  const notes = async (titleKey: string) => (await t.db.selectFrom('outbox').select('payload').execute())
    .map((r) => r.payload as { userId: string; titleKey: string; params: Record<string, unknown> })
    .filter((p) => p.titleKey === titleKey && p.params.enterprise === ent.name);
  // 24 April: the April inspection (due the 30th) is within its 7-day reminder.
  await runObligationsDay(t.db, localInstant(2026, 3, 24, 6));
  const reminded = await notes('notify.obligation.remind.title');
  assert.ok(reminded.some((p) => p.userId === ent.users.principal.id && p.params.due === '2026-04-30'), JSON.stringify(reminded));
  assert.ok(!reminded.some((p) => p.userId === ent.users.worker.id), 'not the employees');
  // 1 May: overdue; the first escalation step tells the managers.
  await runObligationsDay(t.db, localInstant(2026, 4, 1, 6));
  assert.equal((await occ(ent.id, 'resp.ten.inspection', '2026-04'))!.status, 'overdue');
  const escalated = (await notes('notify.obligation.escalate.title')).filter((p) => p.params.due === '2026-04-30');
  assert.ok(escalated.some((p) => p.userId === ent.users.safety.id));
  const guanshang = await t.db.selectFrom('users').select('id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  assert.ok(!escalated.some((p) => p.userId === guanshang.id), 'an internal duty never escalates to a regulator');
  // The annual report (reported to the subdistrict) escalates to its officer at the second step.
  await t.db.updateTable('obligation_occurrences').set({ status: 'due' }).where('enterprise_id', '=', ent.id).where('definition_key', '=', 'risk.annual_report').where('period_key', '=', '2026').execute();
  await runObligationsDay(t.db, localInstant(2027, 0, 8, 6));
  const annual = (await notes('notify.obligation.escalate.title')).filter((p) => p.params.due === '2026-12-31');
  assert.ok(annual.some((p) => p.userId === guanshang.id), JSON.stringify(annual));
  t.clock.now = localInstant(2026, 4, 2, 10);
});

test('a suspended enterprise\'s open duties are waived as "suspended"', async () => {
  const s = await makeEnterprise(t);
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-06-01' }).where('id', '=', s.id).execute();
  await runObligationsDay(t.db, t.clock.now);
  await t.db.updateTable('enterprises').set({ status: 'suspended' }).where('id', '=', s.id).execute();
  await runObligationsDay(t.db, t.clock.now);
  const rows = await t.db.selectFrom('obligation_occurrences').select(['status', 'waived_reason']).where('enterprise_id', '=', s.id).execute();
  assert.ok(rows.length > 0 && rows.every((r) => r.status === 'waived' && r.waived_reason === 'suspended'), JSON.stringify(rows.slice(0, 3)));
});

test('N working days after an event follow the official calendar (National Day), and a year not yet published is provisional until loaded', async () => {
  // 29 September 2026 + 10 working days: 1–7 October are holidays (and 10 October an adjusted working Saturday in the package's data or not).
  await t.db.transaction().execute((tx) => triggerEvent(tx, ctxAt(localInstant(2026, 8, 29, 10)), {
    enterpriseId: ent.id, event: 'test.happened', at: localInstant(2026, 8, 29, 10), subjectKey: ent.users.worker.id, subjectLabel: '一车间操作工',
  }));
  const row = (await occ(ent.id, 'test.after_event', '2026-09-29'))!;
  assert.ok(row.due_on > '2026-10-13', `skips the holidays: ${row.due_on}`);
  assert.equal(row.due_provisional, false);
  // 2027 is not published in the package: weekdays only, provisional.
  await t.db.transaction().execute((tx) => triggerEvent(tx, ctxAt(localInstant(2027, 0, 20, 10)), {
    enterpriseId: ent.id, event: 'test.happened', at: localInstant(2027, 0, 20, 10), subjectKey: 'someone', subjectLabel: '测试',
  }));
  const p = (await occ(ent.id, 'test.after_event', '2027-01-20'))!;
  assert.equal(p.due_on, '2027-02-03');
  assert.equal(p.due_provisional, true);
  // The admin loads 2027 with a Spring Festival week: the date is counted again and no longer provisional.
  const admin = await t.login('admin');
  const days = ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((day) => ({ day, kind: 'holiday', name: '春节' }));
  const put = await admin.put('/api/v1/calendar/2027', { days, source: '国务院办公厅通知（测试）' });
  assert.equal(put.statusCode, 200, put.body);
  const moved = (await occ(ent.id, 'test.after_event', '2027-01-20'))!;
  assert.equal(moved.due_provisional, false);
  assert.equal(moved.due_on, '2027-02-03', 'no holiday before 3 February: the day stays');
  // An event nearer the holidays moves.
  await t.db.transaction().execute((tx) => triggerEvent(tx, ctxAt(localInstant(2027, 0, 29, 10)), {
    enterpriseId: ent.id, event: 'test.happened', at: localInstant(2027, 0, 29, 10), subjectKey: 'someone', subjectLabel: '测试',
  }));
  assert.equal((await occ(ent.id, 'test.after_event', '2027-01-29'))!.due_on, '2027-02-22', 'Friday 29 January + 10 working days, with 5 and 8–12 February off');
});

test('the regulators\' board: kept counts equal a GROUP BY over the occurrences, in scope only', async () => {
  const yjj = await t.login('yjj');
  const res = await yjj.get('/api/v1/obligations/board?year=2026');
  assert.equal(res.statusCode, 200, res.body);
  const direct = await t.db.selectFrom('obligation_occurrences as o').innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .innerJoin('department_industries as di', 'di.industry_code', 'e.industry_code').innerJoin('users as u', 'u.department_id', 'di.department_id')
    .select(['o.status', (eb) => eb.fn.countAll<number>().as('n')]).where('u.username', '=', 'yjj')
    .where('o.due_on', '>=', '2026-01-01').where('o.due_on', '<=', '2026-12-31').groupBy('o.status').execute();
  const n = (s: string) => Number(direct.find((d) => d.status === s)?.n ?? 0);
  assert.equal(res.data.total.overdue, n('overdue'));
  assert.equal(res.data.total.waived, n('waived'));
  assert.equal(res.data.total.fulfilled, n('fulfilled') + n('late_fulfilled'));
  const list = await yjj.get('/api/v1/obligations/board/enterprises?year=2026&sort=overdue&overdueOnly=true');
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.data.items.some((i: { enterpriseId: string }) => i.enterpriseId === ent.id));
  const principal = await ent.login('principal');
  assert.equal((await principal.get('/api/v1/obligations/board?year=2026')).statusCode, 403);
});

test('my duties: the principal sees his own first; an employee only what he owes', async () => {
  const principal = await ent.login('principal');
  const mine = await principal.get('/api/v1/obligations/mine');
  assert.equal(mine.statusCode, 200, mine.body);
  const all = [...mine.data.thisMonth, ...mine.data.overdue, ...mine.data.upcoming];
  assert.ok(all.length > 0);
  assert.ok(all.every((o: { owner: string }) => o.owner === 'principal' || o.owner === 'enterprise'), JSON.stringify(all.map((o: { owner: string }) => o.owner)));
  const worker = await ent.login('worker');
  const w = await worker.get('/api/v1/obligations/mine');
  assert.equal(w.statusCode, 200);
  assert.ok([...w.data.thisMonth, ...w.data.overdue, ...w.data.upcoming].every((o: { owner: string }) => o.owner === 'person'));
  const cal = await worker.get(`/api/v1/enterprises/${ent.id}/obligations`);
  assert.equal(cal.statusCode, 200);
  assert.ok(cal.data.items.every((o: { owner: string }) => o.owner === 'person'), 'the calendar shows an employee only his own');
});

test('every list exports to .xlsx: the duty calendar and the board\'s enterprises', async () => {
  const principal = await ent.login('principal');
  const cal = await principal.get(`/api/v1/enterprises/${ent.id}/obligations/export?status=overdue`);
  assert.equal(cal.statusCode, 200, cal.body);
  assert.match(String(cal.headers['content-type']), /spreadsheetml/);
  assert.equal(cal.rawPayload.subarray(0, 2).toString(), 'PK');
  const yjj = await t.login('yjj');
  const board = await yjj.get('/api/v1/obligations/board/enterprises/export?year=2026');
  assert.equal(board.statusCode, 200, board.body);
  assert.equal((await principal.get('/api/v1/obligations/board/enterprises/export?year=2026')).statusCode, 403);
  const other = await makeEnterprise(t);
  assert.equal((await (await other.login('principal')).get(`/api/v1/enterprises/${ent.id}/obligations/export`)).statusCode, 404);
});

test('R-RESP-4 five in place, and the regulators\' view of each enterprise\'s responsibility system (issue 11 §10)', async () => {
  const principal = await ent.login('principal');
  const five = await principal.get(`/api/v1/enterprises/${ent.id}/five-in-place`);
  assert.equal(five.statusCode, 200, five.body);
  const resp = five.data.indicators.find((i: { key: string }) => i.key === 'responsibility');
  assert.equal(resp.state, 'notMet');
  assert.ok(resp.reasons.includes('noCampaign'), JSON.stringify(resp));
  // Issue 12: management and investment read the management system — a new chemical plant has neither its required
  // rules nor its safety staff, no approved budget, and no fee year recorded although its industry accrues the fee.
  const byKey = (k: string) => five.data.indicators.find((i: { key: string }) => i.key === k);
  assert.deepEqual([byKey('management').state, byKey('management').reasons], ['notMet', ['rulesMissing', 'staffingShort']]);
  assert.deepEqual([byKey('investment').state, byKey('investment').reasons], ['notMet', ['noBudget', 'feeNotRecorded']]);
  assert.ok(five.data.management.missingRules.length > 0);
  // Issue 13: training reads the training and certificate records — nobody of a new plant has had his hours yet.
  assert.equal(byKey('training').state, 'notMet');
  assert.ok(byKey('training').reasons.includes('trainingShort'), JSON.stringify(byKey('training')));
  // Issue 14: emergency reads the plans, drills and rescue organisation — a new chemical plant has none of them yet.
  assert.deepEqual([byKey('emergency').state, byKey('emergency').reasons], ['notMet', ['planNotFiled', 'drillMissing', 'rescueMissing']]);
  assert.deepEqual(five.data.emergency, { comprehensivePlanFiled: false, mainDrillWithinYear: false, drillWithinHalfYear: false, rescue: { required: true, met: false } });
  assert.deepEqual(five.data.indicators.filter((i: { state: string }) => i.state === 'notAssessed').map((i: { key: string }) => i.key), []);
  assert.equal((await (await ent.login('worker')).get(`/api/v1/enterprises/${ent.id}/five-in-place`)).statusCode, 404);
  const other = await makeEnterprise(t);
  assert.equal((await (await other.login('principal')).get(`/api/v1/enterprises/${ent.id}/five-in-place`)).statusCode, 404);

  const yjj = await t.login('yjj');
  const overview = await yjj.get(`/api/v1/responsibility/overview?year=2026&q=${encodeURIComponent(ent.name)}`);
  assert.equal(overview.statusCode, 200, overview.body);
  const row = overview.data.items.find((i: { enterpriseId: string }) => i.enterpriseId === ent.id);
  assert.ok(row, 'the enterprise is in the department\'s view');
  assert.equal(row.lettersRoster, null, 'no campaign this year');
  assert.equal(row.commitmentSignedAt, null);
  assert.equal(typeof row.principalRate, 'number');
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const far = await makeEnterprise(t, { subdistrictId: subs[1]!.id });
  const guanshang = await t.login('guanshang');
  const mine = await guanshang.get(`/api/v1/responsibility/overview?year=2026&q=${encodeURIComponent(far.name)}`);
  assert.equal(mine.data.items.length, 0, 'an enterprise of another subdistrict is not in the officer\'s view');
  assert.equal((await principal.get('/api/v1/responsibility/overview?year=2026')).statusCode, 403);
});
