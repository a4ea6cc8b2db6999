import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';
import { DEMO_PASSWORD } from '../src/seed/demo-password';
import { recordPriorTraining, trainingFacts, untrainedAmong } from '../src/modules/management/training/training.facts';
import { DEFAULT_HIGH_RISK_INDUSTRIES, DEFAULT_MINIMUMS } from '../src/modules/management/training/training.rule-sets';
import { phaseOf, planVersusActual, quarterDays, requiredHours, shortfallOf, type TrainingRole } from '../src/modules/management/training/training.rules';
import { addLocalDays, localYear } from '../src/platform/time';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { addEmployee, ctxFor, uploadSignature } from './signature-helpers';
import { trainingSteps } from './training-helpers';

// Issue 13 §1, R-TRN-1 (and R-TRN-2's pre-post training): minimum hours by role × sector × initial/yearly for every
// employment form, shortfalls, legal-education coverage, QR and shared-device attendance, the principal's quarterly
// signed check of the plan (R-RESP-5), the .xlsx import, scope and roles. Dates come from the test clock.

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

const { api, today, session, employeeOf, attend } = trainingSteps(() => t);
const thisYear = () => localYear(t.clock.now);
const thisQuarter = () => Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1;

// ---- the minimums, row by row (pure) ----

const FORMS = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;
// R-TRN-1: role × sector × phase → hours; other employees' yearly minimum outside the high-risk sectors is [cfg], default 0.
const TABLE: [TrainingRole, boolean, 'initial' | 'yearly', number][] = [
  ['principal', false, 'initial', 32], ['principal', false, 'yearly', 12], ['principal', true, 'initial', 48], ['principal', true, 'yearly', 16],
  ['safety_manager', false, 'initial', 32], ['safety_manager', false, 'yearly', 12], ['safety_manager', true, 'initial', 48], ['safety_manager', true, 'yearly', 16],
  ['employee', false, 'initial', 24], ['employee', false, 'yearly', 0], ['employee', true, 'initial', 72], ['employee', true, 'yearly', 20],
];

for (const [role, highRisk, phase, hours] of TABLE) {
  test(`R-TRN-1: ${role} ${highRisk ? 'in a high-risk sector' : 'elsewhere'}, ${phase}: ${hours} h, for every employment form`, () => {
    assert.equal(requiredHours(DEFAULT_MINIMUMS, role, highRisk, phase), hours);
    // The employment form does not enter the rule: the same person on every form owes the same and falls short alike.
    const day = '2026-06-15';
    const hireDate = phase === 'initial' ? '2026-03-01' : '2020-01-01';
    for (const _form of FORMS) {
      const short = shortfallOf({ role, hireDate, allHours: Math.max(0, hours - 1), yearHours: Math.max(0, hours - 1), openRetraining: 0 }, { minimums: DEFAULT_MINIMUMS, highRisk, today: day, initialWindowDays: 365 });
      assert.deepEqual([short.phase, short.required, short.short], [phase, hours, hours > 0]);
      const met = shortfallOf({ role, hireDate, allHours: hours, yearHours: hours, openRetraining: 0 }, { minimums: DEFAULT_MINIMUMS, highRisk, today: day, initialWindowDays: 365 });
      assert.deepEqual([met.missing, met.short], [0, false]);
    }
  });
}

test('R-TRN-1: the high-risk sectors are the reference table\'s non-coal mining, hazardous chemicals, fireworks and metal smelting', () => {
  assert.deepEqual([...DEFAULT_HIGH_RISK_INDUSTRIES].sort(), ['fireworks', 'hazardous_chemicals', 'metal_smelting', 'non_coal_mining']);
});

test('R-TRN-1: a new hire is "initial" for [cfg] 365 days (his hours counted since joining), then yearly; an open re-training is a shortfall', () => {
  assert.equal(phaseOf('2026-06-15', '2026-06-15', 365), 'initial');
  assert.equal(phaseOf('2025-06-16', '2026-06-15', 365), 'initial');
  assert.equal(phaseOf('2025-06-15', '2026-06-15', 365), 'yearly');
  assert.equal(phaseOf(null, '2026-06-15', 365), 'yearly');
  assert.equal(phaseOf('2026-06-16', '2026-06-15', 365), 'yearly');
  const s = shortfallOf({ role: 'employee', hireDate: null, allHours: 0, yearHours: 0, openRetraining: 1 }, { minimums: DEFAULT_MINIMUMS, highRisk: false, today: '2026-06-15', initialWindowDays: 365 });
  assert.deepEqual([s.required, s.missing, s.short], [0, 0, true]);
});

test('R-RESP-5: plan versus actual takes the quarter\'s items and fills each with sessions of its type; the rest are unplanned', () => {
  const r = planVersusActual(
    [
      { lineNo: 1, courseType: 'legal_education', title: '学法', target: '全员', plannedHours: 4, month: 4 },
      { lineNo: 2, courseType: 'emergency', title: '应急', target: '全员', plannedHours: 2, month: 6 },
      { lineNo: 3, courseType: 'regular', title: '下季度', target: '', plannedHours: 8, month: 7 },
    ],
    [
      { id: 'a', courseType: 'legal_education', title: '安全生产法', heldOn: '2026-04-10', hours: 4, attendees: 10 },
      { id: 'b', courseType: 'special', title: '有限空间', heldOn: '2026-05-10', hours: 2, attendees: 3 },
    ],
    2,
  );
  assert.deepEqual([r.plannedItems, r.doneItems, r.plannedHours, r.heldHours, r.attendances], [2, 1, 6, 6, 13]);
  assert.deepEqual(r.unplanned.map((u) => u.id), ['b']);
  assert.deepEqual(quarterDays(2024, 1), { from: '2024-01-01', to: '2024-03-31' });
  assert.deepEqual(quarterDays(2026, 4), { from: '2026-10-01', to: '2026-12-31' });
});

// ---- shortfalls and coverage through the API ----

test('R-TRN-1: the shortfall list names who is short by how much; attending enough hours takes him off; counts per unit follow', async () => {
  const ent = await makeEnterprise(t); // hazardous chemicals: a high-risk sector
  const safety = await ent.login('safety');
  const worker = await employeeOf(ent, 'worker');
  const before = await safety.get(api(ent, '/shortfalls'));
  assert.equal(before.statusCode, 200, before.body);
  const row = before.data.items.find((i: { employeeId: string }) => i.employeeId === worker);
  // No hire day on the roster: yearly re-training, 20 h in a high-risk sector.
  assert.deepEqual([row.role, row.phase, row.required, row.done, row.missing], ['employee', 'yearly', 20, 0, 20]);
  const principal = before.data.items.find((i: { role: string }) => i.role === 'principal');
  assert.equal(principal.required, 16);
  // A hire of last month owes the initial 72 h; the list (graded in SQL) and his archive (graded by training.rules.ts) agree.
  const hire = await addEmployee(ent, ent.units.team2, { hireDate: addLocalDays(today(), -30) });
  const ind = await session(safety, ent, { courseType: 'induction_company', title: '公司级', hours: 24 });
  await attend(safety, ent, ind.id, hire.id);
  const listed = (await safety.get(api(ent, '/shortfalls'))).data.items.find((i: { employeeId: string }) => i.employeeId === hire.id);
  assert.deepEqual([listed.phase, listed.required, listed.done, listed.missing], ['initial', 72, 24, 48]);
  for (const id of [hire.id, worker]) {
    const sqlRow = (await safety.get(api(ent, '/shortfalls?all=yes'))).data.items.find((i: { employeeId: string }) => i.employeeId === id);
    const jsRow = (await safety.get(api(ent, `/people/${id}`))).data.now;
    assert.deepEqual(sqlRow, jsRow);
  }
  const s1 = await session(safety, ent, { hours: 12 });
  const s2 = await session(safety, ent, { hours: 8, title: '岗位操作规程', courseType: 'special' });
  await attend(safety, ent, s1.id, worker);
  await attend(safety, ent, s2.id, worker);
  const afterIt = await safety.get(api(ent, '/shortfalls?all=yes'));
  const now = afterIt.data.items.find((i: { employeeId: string }) => i.employeeId === worker);
  assert.deepEqual([now.done, now.missing, now.short], [20, 0, false]);
  const team1 = afterIt.data.byUnit.find((u: { orgUnitId: string }) => u.orgUnitId === ent.units.team1);
  assert.deepEqual([team1.people, team1.shortfall], [1, 0]);
  assert.equal(afterIt.data.shortfallPeople, afterIt.data.items.filter((i: { short: boolean }) => i.short).length);
  // A change of post opens a re-training: short again until a re-training session on or after it.
  const ev = await safety.post(api(ent, '/retraining'), { employeeId: worker, reason: 'post_change', occurredOn: today() });
  assert.equal(ev.statusCode, 201, ev.body);
  assert.deepEqual([ev.data.now.openRetraining, ev.data.now.short], [1, true]);
  const re = await session(safety, ent, { courseType: 'retraining', title: '转岗再培训', hours: 4 });
  await attend(safety, ent, re.id, worker);
  const archive = await safety.get(api(ent, `/people/${worker}`));
  assert.deepEqual([archive.data.now.openRetraining, archive.data.now.short, archive.data.retraining[0].coveredOn], [0, false, today()]);
  assert.equal(archive.data.hoursByYear[0].hours, 24);
});

test('R-TRN-1 [cfg]: a return re-training needs at least 12 months away (400 at awaySince otherwise); a future day is a 400', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const worker = await employeeOf(ent, 'worker');
  const short = await safety.post(api(ent, '/retraining'), { employeeId: worker, reason: 'return', occurredOn: today(), awaySince: addLocalDays(today(), -200) });
  assert.deepEqual([short.statusCode, short.data.error.issues[0].path], [400, 'body.awaySince']);
  const long = await safety.post(api(ent, '/retraining'), { employeeId: worker, reason: 'return', occurredOn: today(), awaySince: addLocalDays(today(), -400) });
  assert.equal(long.statusCode, 201, long.body);
  const future = await safety.post(api(ent, '/sessions'), { courseType: 'regular', title: 'x', heldOn: addLocalDays(today(), 1), hours: 1 });
  assert.deepEqual([future.statusCode, future.data.error.issues[0].path], [400, 'body.heldOn']);
});

test('R-TRN-1: legal-education coverage is the people with a legal-education session this year over the active people', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const s = await session(safety, ent, { courseType: 'legal_education', title: '《安全生产法》解读', hours: 2 });
  await attend(safety, ent, s.id, await employeeOf(ent, 'worker'));
  await attend(safety, ent, s.id, await employeeOf(ent, 'worker2'));
  const o = await safety.get(api(ent));
  assert.equal(o.statusCode, 200, o.body);
  assert.deepEqual(o.data.legalEducation, { covered: 2, people: 5, rate: 40 });
  assert.equal(o.data.hoursThisYear, 4);
  const facts = (await trainingFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!;
  assert.deepEqual([facts.people, facts.legalEducationCovered, facts.hoursThisYear, facts.planReviewedQuarters], [5, 2, 4, 0]);
});

// ---- attendance ----

test('R-TRN-1: an employee checks in by the session\'s QR link on his phone; twice changes nothing; an expired link is 409; another enterprise\'s person gets 404', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const s = await session(safety, ent);
  const link = await safety.post(api(ent, `/sessions/${s.id}/checkin`));
  assert.equal(link.statusCode, 200, link.body);
  assert.match(link.data.svg, /<svg/);
  const token = String(link.data.url).split('/').pop()!;
  const worker = await ent.login('worker');
  const first = await worker.post('/api/v1/me/training/checkin', { token });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.data.already, false);
  assert.equal((await worker.post('/api/v1/me/training/checkin', { token })).data.already, true);
  const stranger = await (await other.login('worker')).post('/api/v1/me/training/checkin', { token });
  assert.equal(stranger.statusCode, 404);
  const detail = await safety.get(api(ent, `/sessions/${s.id}`));
  assert.deepEqual(detail.data.attendance.map((a: { method: string }) => a.method), ['qr']);
  const mine = await worker.get('/api/v1/me/training');
  assert.equal(mine.statusCode, 200, mine.body);
  assert.deepEqual(mine.data.sessions.map((x: { sessionId: string }) => x.sessionId), [s.id]);
  const saved = t.clock.now;
  try {
    t.clock.now = new Date(saved.getTime() + 3 * 3_600_000);
    const late = await (await ent.login('worker2')).post('/api/v1/me/training/checkin', { token });
    assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'CHECKIN_CLOSED']);
  } finally {
    t.clock.now = saved;
  }
  const bad = await worker.post('/api/v1/me/training/checkin', { token: 'x' });
  assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'body.token']);
});

test('R-TRN-1: a person without an account signs attendance on the unit leader\'s device with a drawing and his ID\'s last four; a wrong last four is a 400', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const leader = await ent.login('leader');
  const s = await session(safety, ent);
  const p = await addEmployee(ent, ent.units.team1);
  const outside = await addEmployee(ent, ent.units.team2);
  const roster = await leader.get(api(ent, `/sessions/${s.id}/roster`));
  assert.equal(roster.statusCode, 200, roster.body);
  assert.ok(roster.data.items.some((i: { employeeId: string; hasAccount: boolean }) => i.employeeId === p.id && !i.hasAccount));
  // The unit leader's branch is workshop one: a person of workshop two is not his to record.
  assert.ok(!roster.data.items.some((i: { employeeId: string }) => i.employeeId === outside.id));
  const wrong = await leader.post(api(ent, `/sessions/${s.id}/attendance`), { employeeId: p.id, idLast4: p.last4 === '0000' ? '1111' : '0000', imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.deepEqual([wrong.statusCode, wrong.data.error.issues[0].path], [400, 'body.idLast4']);
  const ok = await leader.post(api(ent, `/sessions/${s.id}/attendance`), { employeeId: p.id, idLast4: p.last4, imageAttachmentId: await uploadSignature(leader, ent.id), device: '一车间平板' });
  assert.equal(ok.statusCode, 200, ok.body);
  const row = ok.data.attendance.find((a: { employeeId: string }) => a.employeeId === p.id);
  assert.deepEqual([row.method, row.signed], ['proxy_pad', true]);
  const sig = await t.db.selectFrom('signatures').select(['signer_employee_id', 'document_type']).where('enterprise_id', '=', ent.id).where('document_id', '=', s.id).executeTakeFirstOrThrow();
  assert.deepEqual([sig.signer_employee_id, sig.document_type], [p.id, 'training_attendance']);
  const again = await leader.post(api(ent, `/sessions/${s.id}/attendance`), { employeeId: p.id, idLast4: p.last4, imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'ALREADY_ATTENDED']);
  const outsider = await leader.post(api(ent, `/sessions/${s.id}/attendance`), { employeeId: outside.id, idLast4: outside.last4, imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.equal(outsider.statusCode, 404);
  // A signed attendance is the person's: the manager cannot delete it.
  const del = await safety.delete(api(ent, `/sessions/${s.id}/attendance/${p.id}`));
  assert.deepEqual([del.statusCode, del.data.error.reason], [409, 'SIGNED']);
});

test('R-TRN-2: untrainedAmong lists who has not passed all three induction levels nor was trained before joining; recordPriorTraining clears them', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const [w1, w2] = [await employeeOf(ent, 'worker'), await employeeOf(ent, 'worker2')];
  const levels = ['induction_company', 'induction_workshop', 'induction_team'];
  for (const [i, level] of levels.entries()) {
    const s = await session(safety, ent, { courseType: level, title: `三级教育${i}`, examHeld: true });
    await attend(safety, ent, s.id, w1, { score: 90, passed: true });
    // worker2 fails the team-level exam: not passed.
    await attend(safety, ent, s.id, w2, { score: level === 'induction_team' ? 40 : 90, passed: level !== 'induction_team' });
  }
  assert.deepEqual([...await untrainedAmong(t.db, ent.id, [w1, w2])], [w2]);
  const ctx = await ctxFor(t, ent.users.safety.id);
  await t.db.transaction().execute((tx) => recordPriorTraining(tx, ctx, ent.id, [w2], { attachmentId: null, note: '原单位三级教育合格证明' }));
  assert.equal((await untrainedAmong(t.db, ent.id, [w1, w2])).size, 0);
  const noExam = await safety.put(api(ent, `/sessions/${(await session(safety, ent)).id}/attendance/${w1}`), { passed: true });
  assert.deepEqual([noExam.statusCode, noExam.data.error.issues[0].path], [400, 'body.passed']);
});

// ---- the principal's quarterly check ----

test('R-RESP-5: only the principal signs the quarterly check of the plan; it fulfils the ten-ones item in the same transaction, and a rolled-back one fulfils nothing', async () => {
  const year = thisYear();
  const quarter = thisQuarter();
  const ent = await makeEnterprise(t, { onboardedOn: `${year}-01-01` });
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const month = Number(today().slice(5, 7));
  const plan = await safety.put(api(ent, `/plans/${year}`), { items: [{ courseType: 'legal_education', title: '学法培训', target: '全体员工', plannedHours: 2, month }] });
  assert.equal(plan.statusCode, 200, plan.body);
  await session(safety, ent, { courseType: 'legal_education', title: '学法', hours: 2 });
  const report = await principal.get(api(ent, `/review-report?year=${year}&quarter=${quarter}`));
  assert.equal(report.statusCode, 200, report.body);
  assert.deepEqual([report.data.plannedItems, report.data.doneItems, report.data.planExists], [1, 1, true]);
  const body = { year, quarter, comments: '计划执行良好，下季度加强应急培训。', method: 'password', password: DEMO_PASSWORD };
  const bySafety = await safety.post(api(ent, '/reviews'), body);
  assert.deepEqual([bySafety.statusCode, bySafety.data.error.code], [403, 'FORBIDDEN']);
  const duty = () => t.db.selectFrom('obligation_occurrences').select(['status', 'record_id'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'resp.ten.training_check').where('record_type', '=', 'training_plan_review').execute();
  // The commit fails after the fulfilment (a deferred trigger refuses the review): nothing of it stays.
  await sql`create function training_test_fail() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`.execute(t.db);
  await sql`create constraint trigger training_test_fail after insert on training_plan_reviews deferrable initially deferred for each row execute function training_test_fail()`.execute(t.db);
  try {
    const failed = await principal.post(api(ent, '/reviews'), body);
    assert.equal(failed.statusCode, 500);
  } finally {
    await sql`drop trigger training_test_fail on training_plan_reviews`.execute(t.db);
    await sql`drop function training_test_fail()`.execute(t.db);
  }
  assert.deepEqual(await duty(), []);
  assert.equal((await t.db.selectFrom('training_plan_reviews').select('id').where('enterprise_id', '=', ent.id).execute()).length, 0);
  const signed = await principal.post(api(ent, '/reviews'), body);
  assert.equal(signed.statusCode, 201, signed.body);
  assert.equal(signed.data.report.doneItems, 1);
  const d = await duty();
  assert.equal(d.length, 1);
  assert.ok(['fulfilled', 'late_fulfilled'].includes(d[0]!.status), d[0]!.status);
  assert.equal(d[0]!.record_id, signed.data.id);
  const again = await principal.post(api(ent, '/reviews'), body);
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'REVIEWED']);
  const o = await principal.get(api(ent));
  assert.deepEqual(o.data.planReviewedQuarters, [quarter]);
  const noComments = await principal.post(api(ent, '/reviews'), { ...body, comments: '' });
  assert.deepEqual([noComments.statusCode, noComments.data.error.issues[0].path], [400, 'body.comments']);
});

// ---- import ----

async function workbook(c: Client, e: FreshEnterprise, rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const tpl = await c.get(api(e, '/import-template'));
  assert.equal(tpl.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('培训记录')!;
  rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(c: Client, url: string, content: Buffer): Promise<Res> {
  const boundary = `----trn${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="records.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return c.request('POST', url, Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

test('R-TRN-1: training records import from .xlsx with an error per bad cell; strict imports nothing, "valid" imports the good rows as sessions', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const a = await addEmployee(ent, ent.units.team1, { name: '导入甲' });
  const b = await addEmployee(ent, ent.units.team2, { name: '导入乙' });
  const day = today();
  const file = await workbook(safety, ent, [
    [day, '学法培训', '《安全生产法》解读', 2, '张老师', '导入甲', a.last4, null, null],
    [day, '学法培训', '《安全生产法》解读', 2, '张老师', '导入乙', b.last4, 88, '合格'],
    [day, '消防演练', '灭火器使用', 1, '', '导入甲', a.last4, null, null],
    [day, '专项培训', '有限空间', 2, '', '查无此人', '1234', null, null],
    [addLocalDays(day, 5), '专项培训', '有限空间', -1, '', '导入乙', b.last4 === '0000' ? '1111' : '0000', null, '也许'],
  ]);
  const strict = await upload(safety, api(ent, '/import'), file);
  assert.equal(strict.statusCode, 200, strict.body);
  assert.deepEqual([strict.data.imported, strict.data.errorCount], [0, 3]);
  assert.deepEqual(strict.data.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`),
    ['4:培训类型', '5:姓名', '6:培训日期', '6:学时', '6:身份证号后四位', '6:是否合格']);
  assert.equal((await safety.get(api(ent, '/sessions'))).data.items.length, 0);
  const valid = await upload(safety, api(ent, '/import?mode=valid'), file);
  assert.equal(valid.data.imported, 2, valid.body);
  const list = await safety.get(api(ent, '/sessions'));
  assert.deepEqual(list.data.items.map((s: { attendees: number; examHeld: boolean }) => [s.attendees, s.examHeld]), [[2, true]]);
  const worker = await ent.login('worker');
  assert.equal((await upload(worker, api(ent, '/import'), file)).statusCode, 403);
});

// ---- scope, roles, bad input ----

test('R-TRN-1: enterprise B cannot read or change enterprise A\'s training (404); employees are refused (403); regulators list in scope', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const safetyA = await a.login('safety');
  const s = await session(safetyA, a);
  const safetyB = await b.login('safety');
  for (const res of [
    await safetyB.get(api(a)), await safetyB.get(api(a, `/sessions/${s.id}`)), await safetyB.get(api(a, `/people/${await employeeOf(a, 'worker')}`)),
    await safetyB.patch(api(a, `/sessions/${s.id}`), { title: 'x', version: s.version }), await safetyB.post(api(a, '/sessions'), { courseType: 'regular', title: 'x', heldOn: today(), hours: 1 }),
  ]) assert.equal(res.statusCode, 404, res.body);
  const worker = await a.login('worker');
  assert.equal((await worker.get(api(a, '/shortfalls'))).statusCode, 403);
  assert.equal((await worker.post(api(a, '/sessions'), { courseType: 'regular', title: 'x', heldOn: today(), hours: 1 })).statusCode, 403);
  // An employee reads his own archive, nobody else's.
  assert.equal((await worker.get(api(a, `/people/${await employeeOf(a, 'worker2')}`))).statusCode, 403);
  const leader = await a.login('leader');
  const own = await leader.get(api(a, '/shortfalls?all=yes'));
  assert.ok(own.data.items.every((i: { unitName: string }) => ['一车间', '甲班'].includes(i.unitName)), own.body);
  assert.equal((await leader.post(api(a, '/sessions'), { courseType: 'regular', title: 'x', heldOn: today(), hours: 1 })).statusCode, 403);
  const admin = await t.login('admin');
  const page = await admin.get(`/api/v1/training-overview?q=${encodeURIComponent(a.name)}`);
  assert.equal(page.statusCode, 200, page.body);
  assert.deepEqual(page.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [a.id]);
  assert.equal((await safetyA.get('/api/v1/training-overview')).statusCode, 403);
});

test('R-TRN-1: bad input is a 400 at the field, never a 500', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const cases: [string, string, unknown, string][] = [
    ['POST', '/sessions', { courseType: 'nap', title: 'x', heldOn: today(), hours: 1 }, 'body.courseType'],
    ['POST', '/sessions', { courseType: 'regular', title: 'x', heldOn: '2026-02-30', hours: 1 }, 'body.heldOn'],
    ['POST', '/sessions', { courseType: 'regular', title: 'x', heldOn: today(), hours: 1.25 }, 'body.hours'],
    ['POST', '/sessions', { courseType: 'regular', title: '', heldOn: today(), hours: 1 }, 'body.title'],
    ['PUT', `/plans/${thisYear()}`, { items: [{ courseType: 'regular', title: 'x', plannedHours: 2, month: 13 }] }, 'body.items.0.month'],
    ['POST', '/retraining', { employeeId: 'nobody', reason: 'post_change', occurredOn: today() }, 'body.employeeId'],
    ['POST', '/retraining', { employeeId: await employeeOf(ent, 'worker'), reason: 'bored', occurredOn: today() }, 'body.reason'],
  ];
  for (const [method, path, body, field] of cases) {
    const r = await safety.request(method, api(ent, path), body);
    assert.equal(r.statusCode, 400, `${method} ${path}: ${r.body}`);
    assert.equal(r.data.error.issues[0].path, field, r.body);
  }
  const q = await safety.get(api(ent, '/review-report?year=2026&quarter=5'));
  assert.equal(q.statusCode, 400);
});

test('the demo chemical plant has this year\'s plan, legal education by QR and shared device, an induction, one person short of hours and a re-training due', async () => {
  const principal = await t.login('principal');
  const me = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const o = await principal.get(api(me.enterprise_id!));
  assert.equal(o.statusCode, 200, o.body);
  assert.ok(o.data.legalEducation.covered > 0 && o.data.legalEducation.covered < o.data.people, o.body);
  assert.ok(o.data.shortfallPeople >= 2, o.body);
  const plan = await principal.get(api(me.enterprise_id!, `/plans/${thisYear()}`));
  assert.equal(plan.data.items.length, 5);
  const sessions = await principal.get(api(me.enterprise_id!, '/sessions'));
  const legal = sessions.data.items.find((s: { courseType: string }) => s.courseType === 'legal_education');
  const detail = await principal.get(api(me.enterprise_id!, `/sessions/${legal.id}`));
  const methods = new Set(detail.data.attendance.map((a: { method: string }) => a.method));
  assert.ok(methods.has('qr') && methods.has('proxy_pad') && methods.has('manager'), detail.body);
  const short = await principal.get(api(me.enterprise_id!, '/shortfalls'));
  assert.ok(short.data.items.some((i: { missing: number }) => i.missing > 0), short.body);
  assert.ok(short.data.items.some((i: { openRetraining: number }) => i.openRetraining > 0), short.body);
});

// ---- issue 13 leftovers: the regulators' sort, the workbench, outside personnel ----

test('issue 13 §5, R-TRN-1: the regulators\' list sorts by people short, share short, legal-education coverage and hours (each sector with its own band)', async () => {
  const tag = `培训排序${Math.random().toString(36).slice(2, 8)}`;
  // A: high-risk, nothing attended: all five short, no hours. B: high-risk, the two workers have 20 h of legal education.
  // C: construction (not a training high-risk sector), 2 h legal education for all: only the principal and safety manager are short.
  await makeEnterprise(t, { name: `${tag}-A` });
  const b = await makeEnterprise(t, { name: `${tag}-B` });
  const c = await makeEnterprise(t, { name: `${tag}-C`, industryCode: 'construction' });
  const sb = await b.login('safety');
  const legalB = await session(sb, b, { courseType: 'legal_education', title: '学法', hours: 20 });
  for (const who of ['worker', 'worker2'] as const) await attend(sb, b, legalB.id, await employeeOf(b, who));
  const sc = await c.login('safety');
  const legalC = await session(sc, c, { courseType: 'legal_education', title: '学法', hours: 2 });
  for (const who of ['principal', 'safety', 'leader', 'worker', 'worker2'] as const) await attend(sc, c, legalC.id, await employeeOf(c, who));
  const admin = await t.login('admin');
  const list = async (query: string) => {
    const r = await admin.get(`/api/v1/training-overview?q=${encodeURIComponent(tag)}&${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.data.items as { name: string; shortfallPeople: number; people: number; legalEducationRate: number | null; hoursThisYear: number }[];
  };
  const names = (rows: { name: string }[]) => rows.map((r) => r.name.slice(-1)).join('');
  const byShortfall = await list('sort=shortfall&order=desc');
  assert.equal(names(byShortfall), 'ABC');
  assert.deepEqual(byShortfall.map((r) => r.shortfallPeople), [5, 3, 2]);
  assert.equal(names(await list('sort=shortfallRate&order=asc')), 'CBA');
  const byLegal = await list('sort=legalRate&order=desc');
  assert.equal(names(byLegal), 'CBA');
  assert.deepEqual(byLegal.map((r) => r.legalEducationRate), [100, 40, 0]);
  const byHours = await list('sort=hours&order=desc');
  assert.equal(names(byHours), 'BCA');
  assert.deepEqual(byHours.map((r) => r.hoursThisYear), [40, 10, 0]);
  assert.equal(names(await list('sort=hours&order=asc')), 'ACB');
  assert.equal(names(await list('sort=name&order=desc')), 'CBA');
  // Paging follows the order: the second page of one is the second enterprise.
  assert.equal(names(await list('sort=shortfall&order=desc&pageSize=1&page=2')), 'B');
  const bad = await admin.get('/api/v1/training-overview?sort=colour');
  assert.equal(bad.statusCode, 400);
});

type BenchItem = { key: string; count: number; to: string };
const bench = async (c: Client) => {
  const r = await c.get('/api/v1/workbench');
  assert.equal(r.statusCode, 200, r.body);
  return new Map((r.data.items as BenchItem[]).map((i) => [i.key, i]));
};

test('R-TRN-1 workbench: the managers see the people short of hours and those due for re-training, linking to the shortfall tab', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  // A fresh high-risk enterprise: all five owe their yearly hours and have none.
  let items = await bench(safety);
  assert.deepEqual([items.get('training.shortfall')?.count, items.get('training.shortfall')?.to], [5, '/training?tab=overview']);
  assert.equal(items.get('training.retraining'), undefined);
  const worker = await employeeOf(ent, 'worker');
  const s = await session(safety, ent, { hours: 20 });
  await attend(safety, ent, s.id, worker);
  assert.equal((await safety.post(api(ent, '/retraining'), { employeeId: worker, reason: 'new_equipment', occurredOn: today() })).statusCode, 201);
  items = await bench(safety);
  // The worker has his hours but an open re-training: counted once, under re-training only.
  assert.equal(items.get('training.shortfall')?.count, 4);
  assert.deepEqual([items.get('training.retraining')?.count, items.get('training.retraining')?.to], [1, '/training?tab=overview']);
  // Nobody else sees them: not the worker, not the unit leader.
  for (const who of ['worker', 'leader'] as const) {
    const other = await bench(await ent.login(who));
    assert.ok(!other.has('training.shortfall') && !other.has('training.retraining') && !other.has('training.planCheck'), who);
  }
});

test('R-RESP-5 workbench: the principal sees "this quarter\'s training-plan check not yet signed" until he signs it; the safety manager never does', async () => {
  const year = thisYear();
  const ent = await makeEnterprise(t, { onboardedOn: `${year}-01-01` });
  const principal = await ent.login('principal');
  const before = await bench(principal);
  assert.deepEqual([before.get('training.planCheck')?.count, before.get('training.planCheck')?.to], [1, '/training/review']);
  assert.equal((await bench(await ent.login('safety'))).get('training.planCheck'), undefined);
  const signed = await principal.post(api(ent, '/reviews'), { year, quarter: thisQuarter(), comments: '本季度培训按计划执行。', method: 'password', password: DEMO_PASSWORD });
  assert.equal(signed.statusCode, 201, signed.body);
  assert.equal((await bench(principal)).get('training.planCheck'), undefined);
});

test('R-TRN-1 "every employment form": dispatched (劳务派遣), temporary and migrant workers on the roster are checked like regular ones; nobody off the roster can be recorded', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const hired = addLocalDays(today(), -20);
  const person = async (form: 'dispatched' | 'migrant') => {
    const id = (await t.db.insertInto('employees').values({
      enterprise_id: ent.id, id: randomUUID(), name: `${form}工`, id_number_masked: '5301**********0000', id_number_hash: `trn-${form}-${Math.random()}`,
      employment_form: form, org_unit_id: ent.units.team1, hire_date: hired,
    }).returning('id').executeTakeFirstOrThrow()).id;
    return id;
  };
  const dispatched = await person('dispatched');
  const migrant = await person('migrant');
  const temporary = (await addEmployee(ent, ent.units.team2, { hireDate: hired })).id;
  const list = await safety.get(api(ent, '/shortfalls'));
  assert.equal(list.statusCode, 200, list.body);
  const row = (id: string) => list.data.items.find((i: { employeeId: string }) => i.employeeId === id);
  // New hires in a high-risk sector owe the initial 72 h whatever their employment form.
  for (const [id, form] of [[dispatched, 'dispatched'], [migrant, 'migrant'], [temporary, 'temporary']] as const) {
    assert.deepEqual([row(id)?.employmentForm, row(id)?.phase, row(id)?.required, row(id)?.short], [form, 'initial', 72, true], form);
  }
  // The dispatched worker attends 72 h of induction and special training: off the list; the others stay.
  for (const [courseType, hours] of [['induction_company', 24], ['induction_workshop', 24], ['special', 24]] as const) {
    const s = await session(safety, ent, { courseType, title: courseType, hours });
    await attend(safety, ent, s.id, dispatched);
  }
  const after = await safety.get(api(ent, '/shortfalls'));
  const ids = after.data.items.map((i: { employeeId: string }) => i.employeeId);
  assert.ok(!ids.includes(dispatched) && ids.includes(migrant) && ids.includes(temporary));
  // The regulators' figures count them too (5 of the factory + 3).
  assert.equal((await trainingFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!.people, 8);
  // Attendance names a person of the roster: an outsider (a contractor's worker not on it) is not found.
  const s = await session(safety, ent);
  const stranger = await safety.put(api(ent, `/sessions/${s.id}/attendance/${randomUUID()}`), {});
  assert.equal(stranger.statusCode, 404);
});
