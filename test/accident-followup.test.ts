import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, test } from 'node:test';
import type { Ctx } from '../src/platform/auth/actor';
import { addLocalDays, localDay, localInstant } from '../src/platform/time';
import { runObligationsDay, triggerEvent } from '../src/modules/obligations';
import { responsibilityAccidentsFor } from '../src/modules/accidents/followup/followup.manifest';
import { createTestPlatform, type TestPlatform } from './helpers';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';

/*
 * Issue 14 §4–5 (R-RESP-8, R-ACC-2, R-RISK-3/6): the accident follow-up. Accidents are written by the reports
 * sub-module; here a factory inserts them and raises 'accident.reported' as the report up does.
 */

let t: TestPlatform;
const NOW = localInstant(2026, 10, 20, 10);
before(async () => {
  t = await createTestPlatform();
  t.clock.now = NOW;
});
after(async () => { await t.close(); });

type Figures = { deaths?: number; missing?: number; serious?: number; minor?: number; grade?: 'general' | 'larger' | 'major' | 'especially_major' | null };

/** An accident (or near miss) of the enterprise, reported to the regulators at `receivedAt` (accidents only), with its duties opened. */
async function makeAccident(ent: FreshEnterprise, opts: Figures & { kind?: 'accident' | 'near_miss'; occurredAt?: Date; receivedAt?: Date } = {}) {
  const kind = opts.kind ?? 'accident';
  const occurredAt = opts.occurredAt ?? localInstant(2026, 10, 10, 8);
  const receivedAt = kind === 'accident' ? opts.receivedAt ?? new Date(occurredAt.getTime() + 30 * 60_000) : null;
  const row = await t.db.insertInto('accidents').values({
    enterprise_id: ent.id, kind, occurred_at: occurredAt, place: '一车间', summary: `测试事故 ${Math.random().toString(36).slice(2, 8)}`,
    deaths: opts.deaths ?? 0, missing: opts.missing ?? 0, serious_injuries: opts.serious ?? 0, minor_injuries: opts.minor ?? 0, direct_loss: '1000.00',
    grade: kind === 'accident' ? (opts.grade === undefined ? 'general' : opts.grade) : null,
    unit_head_informed_at: occurredAt, regulators_received_at: receivedAt, created_at: occurredAt, updated_at: occurredAt,
  }).returning('id').executeTakeFirstOrThrow();
  if (receivedAt) {
    const ctx: Ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN', now: receivedAt };
    await t.db.transaction().execute((tx) => triggerEvent(tx, ctx, { enterpriseId: ent.id, event: 'accident.reported', at: receivedAt, subjectKey: row.id, subjectLabel: '测试事故' }));
  }
  return row.id;
}

const occurrence = (enterpriseId: string, key: string, subject: string) => t.db.selectFrom('obligation_occurrences')
  .select(['status', 'due_on', 'owner', 'record_id']).where('enterprise_id', '=', enterpriseId).where('definition_key', '=', key).where('subject_key', '=', subject)
  .executeTakeFirst();

const interviewBody = (accidentIds: string[], extra: Record<string, unknown> = {}) => ({
  accidentIds, heldAt: '2026-11-18T09:30:00+08:00', place: '区应急管理局二楼会议室', principalName: '主要负责人',
  participants: [{ name: '李监管', role: '约谈人', organisation: '区应急管理局' }], record: '通报事故情况，要求企业落实整改。', commitments: '一周内完成隐患排查。',
  followUp: '复查整改落实情况', followUpDue: '2026-11-30', ...extra,
});

const EMERGENCY_DEPT = async () => (await t.db.selectFrom('users').select('department_id').where('username', '=', 'yjj').executeTakeFirstOrThrow()).department_id!;

test('R-RESP-8: the interview duty reminds and escalates to the supervising department\'s officers, never to the enterprise it is about', async () => {
  const ent = await makeEnterprise(t);
  await makeAccident(ent, { receivedAt: localInstant(2026, 10, 10, 9) }); // due 2026-11-25, reminded 5 and 1 days before
  const yjj = await t.db.selectFrom('users').select('id').where('username', '=', 'yjj').executeTakeFirstOrThrow();
  const told = async (userId: string) => Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n'))
    .where(sql<boolean>`payload->>'userId' = ${userId} and payload->>'kind' = 'obligation' and payload->'params'->>'enterprise' = ${ent.name}`)
    .executeTakeFirstOrThrow()).n);
  await runObligationsDay(t.db, localInstant(2026, 10, 21, 9));
  assert.ok(await told(yjj.id) >= 1, 'the emergency bureau (supervising hazardous chemicals) is reminded');
  assert.equal(await told(ent.users.principal.id), 0, 'the principal does not owe his own interview');
  assert.equal(await told(ent.users.safety.id), 0);
  const reminded = await told(yjj.id);
  await runObligationsDay(t.db, localInstant(2026, 10, 27, 9));
  assert.ok(await told(yjj.id) > reminded, 'overdue: escalated to the officers');
  assert.equal(await told(ent.users.principal.id), 0, 'nor is the enterprise told it is late for it');
});

test('an accident report opens the department\'s interview duty, due N days after the report; an interview fulfils it', async () => {
  const ent = await makeEnterprise(t);
  const id = await makeAccident(ent, { receivedAt: localInstant(2026, 10, 10, 9) });
  const duty = await occurrence(ent.id, 'accident.interview', id);
  assert.ok(duty);
  assert.equal(duty.owner, 'regulator');
  assert.equal(duty.due_on, addLocalDays('2026-11-10', 15));
  assert.equal((await occurrence(ent.id, 'accident.investigation_decision', id))?.due_on, '2026-11-25');

  const yjj = await t.login('yjj');
  const board = await yjj.get('/api/v1/accident-interviews?year=2026');
  assert.equal(board.statusCode, 200, board.body);
  const due = board.data.due.find((d: { accidentId: string }) => d.accidentId === id);
  assert.equal(due?.dueOn, '2026-11-25');
  assert.equal(due?.overdue, false);

  const res = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([id]));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.merged, false);
  const after = await occurrence(ent.id, 'accident.interview', id);
  assert.equal(after?.status, 'fulfilled');
  assert.equal(after?.record_id, res.data.id);
  const board2 = await yjj.get('/api/v1/accident-interviews?year=2026');
  assert.ok(!board2.data.due.some((d: { accidentId: string }) => d.accidentId === id));
  assert.ok(board2.data.done.some((i: { id: string }) => i.id === res.data.id));
  const page = await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${id}/followup`);
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.data.interviews.length, 1);
  assert.equal(page.data.interviewOverdue, false);

  const done = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews/${res.data.id}/follow-up`, { note: '已复查' });
  assert.equal(done.statusCode, 200, done.body);
  assert.ok(done.data.followUpDoneAt);
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews/${res.data.id}/follow-up`, { note: '再次' })).data.error.reason, 'DONE');
});

test('one interview that merges two accidents fulfils each accident\'s duty', async () => {
  const ent = await makeEnterprise(t);
  const a = await makeAccident(ent, { occurredAt: localInstant(2026, 10, 8, 8) });
  const b = await makeAccident(ent, { occurredAt: localInstant(2026, 10, 12, 8) });
  const yjj = await t.login('yjj');
  const res = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([a, b]));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.merged, true);
  assert.equal((await occurrence(ent.id, 'accident.interview', a))?.status, 'fulfilled');
  assert.equal((await occurrence(ent.id, 'accident.interview', b))?.status, 'fulfilled');
});

test('the interview rate per department counts enterprises with accidents, near misses excluded', async () => {
  const dept = await EMERGENCY_DEPT();
  const yjj = await t.login('yjj');
  const rate = async () => (await yjj.get('/api/v1/accident-interviews?year=2026')).data.rates.find((r: { departmentId: string }) => r.departmentId === dept);
  const before = await rate();
  assert.ok(before);
  const ent = await makeEnterprise(t);
  const acc = await makeAccident(ent);
  const nearOnly = await makeEnterprise(t);
  await makeAccident(nearOnly, { kind: 'near_miss' });
  const mid = await rate();
  assert.equal(mid.withAccidents, before.withAccidents + 1);
  assert.equal(mid.interviewed, before.interviewed);
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([acc]))).statusCode, 201);
  const end = await rate();
  assert.equal(end.interviewed, before.interviewed + 1);
  assert.equal(end.rate, end.interviewed / end.withAccidents);
  // The department officer sees his department's row only; the district admin sees every department.
  assert.equal((await yjj.get('/api/v1/accident-interviews?year=2026')).data.rates.length, 1);
  const admin = await t.login('admin');
  assert.ok((await admin.get('/api/v1/accident-interviews?year=2026')).data.rates.length > 1);
  const xlsx = await yjj.get('/api/v1/accident-interviews/export?year=2026');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
});

test('the investigation cites the duty-list versions in force on the accident\'s day', async () => {
  const ent = await makeEnterprise(t);
  const occurredAt = localInstant(2026, 10, 10, 8);
  const list = await t.db.insertInto('duty_lists').values({ enterprise_id: ent.id, name: '操作工岗位责任清单', level: 'post', template_key: null, created_by: null, created_at: NOW, updated_at: NOW })
    .returning('id').executeTakeFirstOrThrow();
  const item = (content: string) => ({ content, scope: '', criterion: '', points: 10, source: '' });
  await t.db.insertInto('duty_list_versions').values([
    { enterprise_id: ent.id, list_id: list.id, version: 1, status: 'superseded', items: JSON.stringify([item('严格执行操作规程'), item('班前检查设备')]), made_by: null, made_at: localInstant(2026, 0, 5),
      published_by: null, published_at: localInstant(2026, 0, 6), superseded_at: localInstant(2026, 10, 15), effective_on: '2026-01-06' },
    { enterprise_id: ent.id, list_id: list.id, version: 2, status: 'current', items: JSON.stringify([item('新版条目')]), made_by: null, made_at: localInstant(2026, 10, 14),
      published_by: null, published_at: localInstant(2026, 10, 15), superseded_at: null, effective_on: '2026-11-15' },
  ]).execute();
  const id = await makeAccident(ent, { occurredAt });
  const yjj = await t.login('yjj');
  const lists = await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${id}/duty-lists`);
  assert.equal(lists.statusCode, 200, lists.body);
  assert.deepEqual(lists.data.lists.map((l: { version: number }) => l.version), [1]);

  assert.equal((await yjj.put(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, {})).data.error.reason, 'NOT_DECIDED');
  const opened = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, { conductedBy: 'district' });
  assert.equal(opened.statusCode, 200, opened.body);
  assert.equal((await occurrence(ent.id, 'accident.investigation_decision', id))?.status, 'fulfilled');
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, { conductedBy: 'district' })).data.error.reason, 'DECIDED');

  const finding = (version: number, items: number[]) => ({
    team: [{ name: '李监管', role: '组长', organisation: '区应急管理局' }], causeDirect: '违章操作', causeIndirect: '培训不到位', causeManagement: '制度未落实',
    fiveWhys: ['为什么泄漏', '为什么阀门未关'], responsibilityAccident: true,
    personFindings: [{ name: '操作工', role: '操作工', finding: '未执行操作规程', duties: [{ listId: list.id, version, items }] }],
    lessons: '严格执行操作规程。',
  });
  const wrongVersion = await yjj.put(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, finding(2, [0]));
  assert.equal(wrongVersion.statusCode, 400);
  assert.equal(wrongVersion.data.error.issues[0].path, 'body.personFindings.0.duties.0.version');
  assert.equal((await yjj.put(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, finding(1, [5]))).statusCode, 400);
  const saved = await yjj.put(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, finding(1, [0]));
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.data.investigation.personFindings[0].duties[0].texts, ['严格执行操作规程']);

  const concluded = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation/conclude`, {});
  assert.equal(concluded.statusCode, 200, concluded.body);
  assert.equal(concluded.data.creditOffer, true);
  assert.ok(concluded.data.investigation.lessonsPublishedAt);
  const offered = await responsibilityAccidentsFor(t.db, { kind: 'system' }, localInstant(2026, 0, 1));
  assert.ok(offered.some((o) => o.accidentId === id));
  assert.equal((await yjj.put(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, finding(1, [0]))).data.error.reason, 'CONCLUDED');
});

test('the district entrusts the enterprise only with a general accident without casualties', async () => {
  const ent = await makeEnterprise(t);
  const hurt = await makeAccident(ent, { minor: 1 });
  const larger = await makeAccident(ent, { deaths: 3, grade: 'larger' });
  const clean = await makeAccident(ent);
  const yjj = await t.login('yjj');
  const refused = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${hurt}/investigation/entrust`, {});
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.data.error.reason, 'CASUALTIES');
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${larger}/investigation/entrust`, {})).data.error.reason, 'HIGHER_LEVEL');
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${larger}/investigation`, { conductedBy: 'district' })).data.error.reason, 'HIGHER_LEVEL');
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${larger}/investigation`, { conductedBy: 'higher' })).statusCode, 200);

  const principal = await ent.login('principal');
  // Before it is entrusted, the enterprise cannot write the investigation.
  const ok = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${clean}/investigation/entrust`, { note: '无人员伤亡' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.data.investigation.conductedBy, 'enterprise');
  const mine = await principal.get(`/api/v1/enterprises/${ent.id}/accidents/${clean}/followup`);
  assert.equal(mine.data.abilities.edit, true);
  const saved = await principal.put(`/api/v1/enterprises/${ent.id}/accidents/${clean}/investigation`, { causeDirect: '地面湿滑', responsibilityAccident: false });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await principal.put(`/api/v1/enterprises/${ent.id}/accidents/${larger}/investigation`, {})).statusCode, 403);

  // Actions are owned by an employee, who reports his own done.
  const worker = await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.worker.id).executeTakeFirstOrThrow();
  const action = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${clean}/actions`, { kind: 'corrective', content: '铺设防滑垫', ownerEmployeeId: worker.employee_id, dueOn: '2026-11-30' });
  assert.equal(action.statusCode, 201, action.body);
  const w = await ent.login('worker');
  const list = await w.get(`/api/v1/enterprises/${ent.id}/accident-actions?mine=true`);
  assert.equal(list.data.items.length, 1);
  assert.equal((await w.get(`/api/v1/enterprises/${ent.id}/accidents/${clean}/followup`)).statusCode, 404);
  const done = await w.post(`/api/v1/enterprises/${ent.id}/accident-actions/${action.data.id}/done`, { note: '已铺设' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.data.status, 'done');
  const bad = await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${clean}/actions`, { kind: 'corrective', content: 'x', ownerEmployeeId: worker.employee_id, dueOn: '2026-02-30' });
  assert.equal(bad.statusCode, 400);
});

test('linking an accident to a risk point grades the point 1, control-failing and due for re-assessment', async () => {
  const ent = await makeEnterprise(t);
  const id = await makeAccident(ent);
  const point = await t.db.insertInto('risk_points').values({
    enterprise_id: ent.id, code: 'FX-901', name: '反应釜', kind: 'equipment', org_unit_id: ent.units.ws1, grade: 3, inherent_grade: 3, residual_grade: 3,
    control_level: 'workshop', reassess_due: '2027-06-01', floor_plan_id: null, created_at: NOW, updated_at: NOW,
  }).returning('id').executeTakeFirstOrThrow();
  const safety = await ent.login('safety');
  const res = await safety.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/risk-links`, { riskPointId: point.id });
  assert.equal(res.statusCode, 200, res.body);
  const p = await t.db.selectFrom('risk_points').select(['grade', 'control_failing', 'reassess_due']).where('id', '=', point.id).executeTakeFirstOrThrow();
  assert.equal(p.grade, 1);
  assert.equal(p.control_failing, true);
  assert.equal(p.reassess_due, localDay(NOW));
  assert.equal(res.data.riskLinks[0].code, 'FX-901');
  const other = await makeEnterprise(t);
  const foreignPoint = await t.db.insertInto('risk_points').values({
    enterprise_id: other.id, code: 'FX-902', name: '储罐', kind: 'equipment', org_unit_id: other.units.ws1, grade: 2, inherent_grade: 2, residual_grade: 2,
    control_level: 'department', reassess_due: null, floor_plan_id: null, created_at: NOW, updated_at: NOW,
  }).returning('id').executeTakeFirstOrThrow();
  assert.equal((await safety.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/risk-links`, { riskPointId: foreignPoint.id })).statusCode, 400);
});

test('a regulator records a concealment finding; it is listed for regulators', async () => {
  const ent = await makeEnterprise(t);
  const id = await makeAccident(ent);
  const yjj = await t.login('yjj');
  const res = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/findings`, { kind: 'concealed', description: '隐瞒一名轻伤人员', foundOn: '2026-11-19' });
  assert.equal(res.statusCode, 201, res.body);
  // Evidence is attached to the finding and read back through the accident's follow-up.
  const boundary = `----c2${Date.now()}`;
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`), makePng(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const up = await yjj.request('POST', `/api/v1/enterprises/${ent.id}/accident-findings/${res.data.id}/files`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(up.statusCode, 201, up.body);
  const page = await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${id}/followup`);
  assert.equal(page.data.findings[0].files.length, 1);
  assert.equal((await yjj.get(page.data.findings[0].files[0].url)).statusCode, 200);
  const stranger = await (await makeEnterprise(t)).login('safety');
  assert.equal((await stranger.get(page.data.findings[0].files[0].url)).statusCode, 404);
  const list = await yjj.get('/api/v1/accident-findings?kind=concealed');
  assert.ok(list.data.items.some((f: { id: string }) => f.id === res.data.id));
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/findings`, { kind: 'concealed', description: 'x', foundOn: '2026-12-30' })).statusCode, 400);
  const principal = await ent.login('principal');
  assert.equal((await principal.get('/api/v1/accident-findings')).statusCode, 403);
});

test('wrong roles get 403, other enterprises and subdistricts 404, bad input 4xx, near misses nothing', async () => {
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const ent = await makeEnterprise(t, { subdistrictId: subs[1]!.id });
  const id = await makeAccident(ent);
  const near = await makeAccident(ent, { kind: 'near_miss' });
  const worker = await ent.login('worker');
  assert.equal((await worker.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([id]))).statusCode, 403);
  const principal = await ent.login('principal');
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([id]))).statusCode, 403);
  // The construction department does not supervise chemicals; the 关上 officer does not see another subdistrict.
  const zjj = await t.login('zjj');
  assert.equal((await zjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([id]))).statusCode, 404);
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.get(`/api/v1/enterprises/${ent.id}/accidents/${id}/followup`)).statusCode, 404);
  const other = await makeEnterprise(t);
  const stranger = await other.login('safety');
  assert.equal((await stranger.get(`/api/v1/enterprises/${ent.id}/accidents/${id}/followup`)).statusCode, 404);

  const yjj = await t.login('yjj');
  const url = `/api/v1/enterprises/${ent.id}/accident-interviews`;
  assert.equal((await yjj.post(url, interviewBody([]))).statusCode, 400);
  assert.equal((await yjj.post(url, interviewBody([id], { heldAt: '2026-12-30T09:00:00+08:00' }))).statusCode, 400);
  assert.equal((await yjj.post(url, interviewBody([id], { heldAt: 'yesterday' }))).statusCode, 400);
  assert.equal((await yjj.post(url, interviewBody([id], { record: '' }))).statusCode, 400);
  // A near miss never reaches the regulators: not theirs to interview about.
  assert.equal((await yjj.post(url, interviewBody([near]))).statusCode, 400);
  assert.equal((await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${near}/followup`)).statusCode, 404);
  const page = await principal.get(`/api/v1/enterprises/${ent.id}/accidents/${near}/followup`);
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.data.interviewDueOn, null);
  assert.ok(Object.values(page.data.abilities).every((v) => v === false));
  assert.equal((await principal.post(`/api/v1/enterprises/${ent.id}/accidents/${near}/risk-links`, { riskPointId: ent.id })).data.error.reason, 'NEAR_MISS');
  assert.equal((await t.db.selectFrom('obligation_occurrences').select('id').where('subject_key', '=', near).execute()).length, 0);
});

test('the demo plant has an accident with an interview and a concluded investigation', async () => {
  const { enterprise_id: eid } = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const iv = await t.db.selectFrom('accident_interview_accidents').select('accident_id').where('enterprise_id', '=', eid!).executeTakeFirst();
  assert.ok(iv, 'a demo interview');
  const principal = await t.login('principal');
  const page = await principal.get(`/api/v1/enterprises/${eid}/accidents/${iv.accident_id}/followup`);
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.data.interviews.length, 1);
  assert.equal(page.data.investigation?.status, 'concluded');
  assert.equal(page.data.findings.length, 1);
});

test('安责险: the decision notifies the insurer of the policy in force on the accident\'s day; without one, 409', async () => {
  const ent = await makeEnterprise(t);
  const id = await makeAccident(ent);
  const insurer = await t.db.selectFrom('users').select(['id', 'institution_id']).where('username', '=', 'insurer').executeTakeFirstOrThrow();
  await t.db.insertInto('liability_policies').values({
    enterprise_id: ent.id, institution_id: insurer.institution_id!, policy_number: `AZX-${Math.random().toString(36).slice(2, 10)}`, starts_on: '2026-01-01', ends_on: '2026-12-31',
    premium: '12000.00', premium_paid_by: 'unit', status: 'confirmed', confirmed_at: NOW, in_force: true, created_at: NOW, updated_at: NOW,
  }).execute();
  const yjj = await t.login('yjj');
  const res = await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, { conductedBy: 'district' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.insurerNotices.length, 1);
  const told = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'notify').execute();
  assert.ok(told.some((o) => (o.payload as { userId?: string; kind?: string }).userId === insurer.id && (o.payload as { kind?: string }).kind === 'accident.insurer'));
  // Asked again: one notice per policy.
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/insurer-notice`, {})).data.insurerNotices.length, 1);
  const bare = await makeEnterprise(t);
  const other = await makeAccident(bare);
  const refused = await yjj.post(`/api/v1/enterprises/${bare.id}/accidents/${other}/insurer-notice`, {});
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.data.error.reason, 'NO_POLICY');
});

// ---- issue 14 review: the insurer's list, corrections with history, the investigation's history ----

/** A confirmed liability policy of the enterprise with the insurer, in force for 2026. */
async function insure(enterpriseId: string, institutionId: string) {
  const number = `AZX-${Math.random().toString(36).slice(2, 10)}`;
  await t.db.insertInto('liability_policies').values({
    enterprise_id: enterpriseId, institution_id: institutionId, policy_number: number, starts_on: '2026-01-01', ends_on: '2026-12-31',
    premium: '12000.00', premium_paid_by: 'unit', status: 'confirmed', confirmed_at: NOW, in_force: true, created_at: NOW, updated_at: NOW,
  }).execute();
  return number;
}

test('安责险: the insurer lists the accidents notified to its own policies, with grade, casualties and the claim\'s stage; others are not its', async () => {
  const insurerUser = await t.db.selectFrom('users').select(['id', 'institution_id']).where('username', '=', 'insurer').executeTakeFirstOrThrow();
  const ent = await makeEnterprise(t);
  const policy = await insure(ent.id, insurerUser.institution_id!);
  const id = await makeAccident(ent, { minor: 2 });
  const yjj = await t.login('yjj');
  assert.equal((await yjj.post(`/api/v1/enterprises/${ent.id}/accidents/${id}/investigation`, { conductedBy: 'district' })).statusCode, 200);
  // Another insurer's policy and notice, of another enterprise.
  const rival = await t.db.insertInto('institutions').values({ kind: 'insurer', name: `另一保险公司${Math.random().toString(36).slice(2, 6)}`, credit_code: null, created_at: NOW })
    .returning('id').executeTakeFirstOrThrow();
  const other = await makeEnterprise(t);
  await insure(other.id, rival.id);
  const otherAccident = await makeAccident(other);
  assert.equal((await yjj.post(`/api/v1/enterprises/${other.id}/accidents/${otherAccident}/insurer-notice`, {})).statusCode, 200);

  const insurer = await t.login('insurer');
  const list = await insurer.get(`/api/v1/insurer/accident-notices?q=${encodeURIComponent(ent.name)}`);
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.data.total, 1);
  const item = list.data.items[0];
  assert.equal(item.accidentId, id);
  assert.equal(item.policyNumber, policy);
  assert.equal(item.grade, 'general');
  assert.equal(item.minorInjuries, 2);
  assert.equal(item.claimStage, 'investigating');
  assert.equal((await insurer.get(`/api/v1/insurer/accident-notices?q=${encodeURIComponent(other.name)}`)).data.total, 0, 'another insurer\'s notice is not listed');
  assert.equal((await insurer.get('/api/v1/insurer/accident-notices?grade=larger&q=' + encodeURIComponent(ent.name))).data.total, 0);
  assert.equal((await insurer.get(`/api/v1/insurer/accident-notices?from=2026-11-11&q=${encodeURIComponent(ent.name)}`)).data.total, 0);
  assert.equal((await insurer.get(`/api/v1/insurer/accident-notices?from=2026-11-10&to=2026-11-10&q=${encodeURIComponent(ent.name)}`)).data.total, 1);

  const detail = await insurer.get(`/api/v1/insurer/accident-notices/${item.id}`);
  assert.equal(detail.statusCode, 200, detail.body);
  assert.equal(detail.data.policyStartsOn, '2026-01-01');
  assert.equal(detail.data.conductedBy, 'district');
  assert.equal(detail.data.responsibilityAccident, null, 'no finding before the investigation is concluded');
  const theirs = await t.db.selectFrom('accident_insurance_notices').select('id').where('enterprise_id', '=', other.id).executeTakeFirstOrThrow();
  assert.equal((await insurer.get(`/api/v1/insurer/accident-notices/${theirs.id}`)).statusCode, 404);
  assert.equal((await insurer.get('/api/v1/insurer/accident-notices?from=2026-13-01')).statusCode, 400);
  // The notification to the insurer opens its notice.
  const told = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'notify').execute();
  assert.ok(told.some((o) => (o.payload as { link?: string; userId?: string }).userId === insurerUser.id && (o.payload as { link?: string }).link === `/insurer/accident-notices?notice=${item.id}`));

  const xlsx = await insurer.get(`/api/v1/insurer/accident-notices/export?q=${encodeURIComponent(ent.name)}`);
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  // Regulators and enterprises have their own pages; the district admin holds every permission but is no insurer.
  assert.equal((await yjj.get('/api/v1/insurer/accident-notices')).statusCode, 403);
  const admin = await t.login('admin');
  const refused = await admin.get('/api/v1/insurer/accident-notices');
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.data.error.reason, 'NOT_INSURER');
  assert.equal((await (await ent.login('principal')).get('/api/v1/insurer/accident-notices')).statusCode, 403);
});

test('an interview is corrected with a reason and kept history; the duty of an accident it no longer covers reverts, a new one is fulfilled', async () => {
  const ent = await makeEnterprise(t);
  const a = await makeAccident(ent, { occurredAt: localInstant(2026, 10, 8, 8) });
  const b = await makeAccident(ent, { occurredAt: localInstant(2026, 10, 12, 8) });
  const yjj = await t.login('yjj');
  const made = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([a, b]));
  assert.equal(made.statusCode, 201, made.body);
  const iid = made.data.id;
  const path = `/api/v1/enterprises/${ent.id}/accident-interviews/${iid}/correct`;
  const body = (extra: Record<string, unknown>) => ({ ...interviewBody([a]), record: '通报事故情况（更正：另一起事故另行约谈）。', reason: '误将两起事故合并', version: 1, ...extra });

  assert.equal((await yjj.post(path, body({ reason: '' }))).statusCode, 400, 'a correction needs its reason');
  assert.equal((await yjj.post(path, body({ version: 7 }))).data.error.reason, 'STALE');
  assert.equal((await (await t.login('guanshang')).post(path, body({}))).statusCode, 403, 'a subdistrict officer does not record interviews');
  assert.equal((await (await ent.login('principal')).post(path, body({}))).statusCode, 403);
  assert.equal((await (await t.login('zjj')).post(path, body({}))).statusCode, 404, 'another department\'s officer does not see it');
  assert.equal((await yjj.post(path, body({ heldAt: '2026-11-07T09:00:00+08:00' }))).statusCode, 400, 'not before the accidents it covers');

  const fixed = await yjj.post(path, body({}));
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal(fixed.data.version, 2);
  assert.deepEqual(fixed.data.accidentIds, [a]);
  assert.equal(fixed.data.corrections.length, 1);
  assert.equal(fixed.data.corrections[0].reason, '误将两起事故合并');
  assert.deepEqual(fixed.data.corrections[0].changes.map((c: { field: string }) => c.field), ['accidentIds', 'record']);
  assert.equal(fixed.data.corrections[0].changes[1].before, '通报事故情况，要求企业落实整改。');
  // R-RESP-8: a keeps its fulfilment; b is owed its interview again and is due on the board.
  const dutyA = await occurrence(ent.id, 'accident.interview', a);
  assert.equal(dutyA?.status, 'fulfilled');
  assert.equal(dutyA?.record_id, iid);
  assert.equal((await occurrence(ent.id, 'accident.interview', b))?.status, 'due');
  assert.ok((await yjj.get('/api/v1/accident-interviews?year=2026')).data.due.some((d: { accidentId: string }) => d.accidentId === b));
  const history = await t.db.selectFrom('obligation_history').select('action').where('record_id', '=', iid).execute();
  assert.ok(history.some((h) => h.action === 'revert'));
  assert.equal((await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${b}/followup`)).data.interviews.length, 0);

  assert.equal((await yjj.post(path, body({ version: 2 }))).data.error.reason, 'UNCHANGED');
  const back = await yjj.post(path, body({ accidentIds: [a, b], version: 2, reason: '两起事故一并约谈' }));
  assert.equal(back.statusCode, 200, back.body);
  assert.equal(back.data.corrections.length, 2);
  assert.equal((await occurrence(ent.id, 'accident.interview', b))?.status, 'fulfilled');
  // The correction shows in the accident's detail, read by the enterprise too.
  const seen = await (await ent.login('principal')).get(`/api/v1/enterprises/${ent.id}/accidents/${a}/followup`);
  assert.equal(seen.data.interviews[0].corrections.length, 2);
  assert.equal(seen.data.interviews[0].abilities.correct, false);
  // R-RESP-8: one interview per accident — a correction cannot take in an accident another interview covers.
  const c = await makeAccident(ent, { occurredAt: localInstant(2026, 10, 15, 8) });
  const other = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewBody([c]));
  assert.equal(other.statusCode, 201, other.body);
  const taken = await yjj.post(path, body({ accidentIds: [a, b, c], version: 3, reason: '并入另一起' }));
  assert.equal(taken.statusCode, 409, taken.body);
  assert.equal(taken.data.error.reason, 'ALREADY_INTERVIEWED');
  assert.equal((await yjj.get(`/api/v1/enterprises/${ent.id}/accidents/${a}/followup`)).data.interviews[0].version, 3, 'the refused correction changed nothing');
});

test('the investigation\'s history — decision, edits, actions, conclusion — and a corrected responsibility finding are shown to the enterprise and the regulators', async () => {
  const ent = await makeEnterprise(t);
  const id = await makeAccident(ent);
  const yjj = await t.login('yjj');
  const base = `/api/v1/enterprises/${ent.id}/accidents/${id}`;
  assert.equal((await yjj.post(`${base}/investigation`, { conductedBy: 'district' })).statusCode, 200);
  const content = (responsibilityAccident: boolean, team: string[]) => ({
    team: team.map((name) => ({ name, role: '组员', organisation: '区应急管理局' })), causeDirect: '违章操作', responsibilityAccident,
    personFindings: [{ name: '操作工', role: '操作工', finding: '未执行操作规程' }], lessons: '',
  });
  assert.equal((await yjj.put(`${base}/investigation`, content(true, ['李监管'])).then((r) => r.statusCode)), 200);
  // Saving the same content again is no change of the team or the finding.
  const again = await yjj.put(`${base}/investigation`, content(true, ['李监管', '王专家']));
  assert.equal(again.statusCode, 200, again.body);
  const employee = await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.worker.id).executeTakeFirstOrThrow();
  const action = await yjj.post(`${base}/actions`, { kind: 'corrective', content: '更换阀门', ownerEmployeeId: employee.employee_id, dueOn: '2026-11-30' });
  assert.equal(action.statusCode, 201, action.body);
  const correct = { responsibilityAccident: false, personFindings: [], reason: '复核认定为非责任事故', version: 1 };
  assert.equal((await yjj.post(`${base}/investigation/correct`, correct)).data.error.reason, 'NOT_CONCLUDED');
  const concluded = await yjj.post(`${base}/investigation/conclude`, {});
  assert.equal(concluded.statusCode, 200, concluded.body);
  assert.equal(concluded.data.creditOffer, true);
  assert.equal(concluded.data.abilities.correctFinding, true);
  const done = await (await ent.login('worker')).post(`/api/v1/enterprises/${ent.id}/accident-actions/${action.data.id}/done`, { note: '已更换' });
  assert.equal(done.statusCode, 200, done.body);

  const version = concluded.data.investigation.version;
  assert.equal((await yjj.post(`${base}/investigation/correct`, { ...correct, reason: ' ', version })).statusCode, 400);
  assert.equal((await yjj.post(`${base}/investigation/correct`, { ...correct, version: version + 5 })).data.error.reason, 'STALE');
  assert.equal((await (await ent.login('principal')).post(`${base}/investigation/correct`, { ...correct, version })).statusCode, 403, 'the district investigated, not the enterprise');
  assert.equal((await (await ent.login('worker')).post(`${base}/investigation/correct`, { ...correct, version })).statusCode, 403);
  assert.equal((await (await t.login('zjj')).post(`${base}/investigation/correct`, { ...correct, version })).statusCode, 404);
  const fixed = await yjj.post(`${base}/investigation/correct`, { ...correct, version });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal(fixed.data.investigation.responsibilityAccident, false);
  assert.equal(fixed.data.investigation.status, 'concluded');
  assert.equal(fixed.data.creditOffer, false);
  const offered = await responsibilityAccidentsFor(t.db, { kind: 'system' }, localInstant(2026, 0, 1));
  assert.ok(!offered.some((o) => o.accidentId === id), 'the credit list reads the corrected finding');

  for (const reader of [yjj, await t.login('guanshang'), await ent.login('principal')]) {
    const page = await reader.get(`${base}/followup`);
    assert.equal(page.statusCode, 200, page.body);
    const h = page.data.history as { op: string; parts: string[]; team: string[]; note: string; responsibilityBefore: boolean | null; responsibilityAfter: boolean | null; content: string; byName: string | null }[];
    assert.deepEqual(h.map((e) => e.op), ['open', 'update', 'update', 'action_add', 'conclude', 'action_done', 'correct']);
    assert.deepEqual(h[1]!.parts, ['team', 'causes', 'responsibility', 'personFindings']);
    assert.deepEqual(h[2]!.parts, ['team']);
    assert.deepEqual(h[2]!.team, ['李监管', '王专家']);
    assert.equal(h[3]!.content, '更换阀门');
    assert.equal(h[5]!.note, '已更换');
    assert.equal(h[6]!.note, '复核认定为非责任事故');
    assert.equal(h[6]!.responsibilityBefore, true);
    assert.equal(h[6]!.responsibilityAfter, false);
    assert.ok(h[0]!.byName);
  }
});
