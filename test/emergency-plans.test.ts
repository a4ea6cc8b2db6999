import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { allNotifications, createTestPlatform, demoIds, drainOutbox, type Client, type Res, type TestPlatform } from './helpers';
import { PLAN_STATES } from '../src/modules/emergency/plans/plan-workflow';

/**
 * Issue 14 §1, R-EMG-1: emergency plans. Drafted by the safety manager, reviewed (评审/论证), signed by the principal,
 * issued to the staff with read receipts, filed (备案) with the district emergency management department and the
 * departments supervising the industry, each of which accepts with a receipt number or returns it with reasons; filing
 * is due within 20 working days of issue on the official calendar; a signed version never changes.
 */

let t: TestPlatform;
let chem: FreshEnterprise;
let build: FreshEnterprise;
let other: FreshEnterprise;
let yjj: Client;
let zjj: Client;
let guanshang: Client;

before(async () => {
  t = await createTestPlatform();
  // 1 September 2026, 10:00 in Kunming.
  t.clock.now = new Date('2026-09-01T02:00:00Z');
  const sub = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  chem = await makeEnterprise(t, { subdistrictId: sub.subdistrict_id! });
  build = await makeEnterprise(t, { industryCode: 'construction', subdistrictId: sub.subdistrict_id! });
  other = await makeEnterprise(t);
  // On the platform since before the year began: it owes this year's yearly duties (never retroactively otherwise).
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-12-01' }).where('id', '=', chem.id).execute();
  yjj = await t.login('yjj');
  zjj = await t.login('zjj');
  guanshang = await t.login('guanshang');
});
after(async () => { await t.close(); });

const api = (e: FreshEnterprise, p = '') => `/api/v1/enterprises/${e.id}/emergency-plans${p}`;

const CONTENT = {
  scope: '本预案适用于公司生产区域发生的火灾、爆炸、泄漏等生产安全事故。',
  organisation: '成立应急指挥部，总指挥由主要负责人担任。',
  responseLevels: '按事故严重程度分为一级、二级、三级响应。',
  procedures: '发现险情立即报告，启动响应，疏散人员，实施救援。',
  resources: '应急物资库位于一号仓库。',
};

async function draft(e: FreshEnterprise, over: Record<string, unknown> = {}): Promise<Res> {
  const res = await (await e.login('safety')).post(api(e), { kind: 'comprehensive', title: `综合应急预案${Math.random().toString(36).slice(2, 6)}`, ...CONTENT, ...over });
  assert.equal(res.statusCode, 201, res.body);
  return res;
}

async function ok(res: Promise<Res>, status = 200): Promise<Res> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r;
}

/** A plan taken through review and the principal's signature to issued. */
async function issued(e: FreshEnterprise, at?: Date, over: Record<string, unknown> = {}): Promise<string> {
  const safety = await e.login('safety');
  const principal = await e.login('principal');
  const id = (await draft(e, over)).data.id as string;
  await ok(safety.post(api(e, `/${id}/submit`), {}));
  await ok(safety.post(api(e, `/${id}/review`), { reviewers: [{ name: '王专家', organisation: '省应急专家库' }], reviewedOn: '2026-09-01', conclusion: 'passed', opinions: '同意' }));
  await ok(principal.post(api(e, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD }));
  if (at) t.clock.now = at;
  await ok(safety.post(api(e, `/${id}/issue`), { distribution: [{ name: '一车间', kind: 'unit' }, { name: '企业应急救援队', kind: 'rescue_team' }] }));
  return id;
}

async function occurrence(e: FreshEnterprise, definition: string, subject: string) {
  return t.db.selectFrom('obligation_occurrences').select(['status', 'due_on', 'record_type', 'record_id'])
    .where('enterprise_id', '=', e.id).where('definition_key', '=', definition).where('subject_key', '=', subject).executeTakeFirst();
}

test('the whole life cycle: draft, review, the principal signs the exact version, issue with read receipts, filing accepted by both offices', async () => {
  const safety = await build.login('safety');
  const principal = await build.login('principal');
  const worker = await build.login('worker');
  const id = (await draft(build)).data.id as string;
  const d0 = await ok(safety.get(api(build, `/${id}`)));
  assert.equal(d0.data.status, 'draft');
  assert.equal(d0.data.abilities.submit, true);
  assert.equal(d0.data.abilities.sign, false);

  // A construction enterprise's plans are reviewed by experts (评审) under the default emergency rules.
  const submitted = await ok(safety.post(api(build, `/${id}/submit`), {}));
  assert.equal(submitted.data.status, 'reviewing');
  assert.equal(submitted.data.content.reviewMode, submitted.data.reviewModeRequired);
  // Out of draft the version is never edited.
  const edit = await safety.put(api(build, `/${id}`), { title: '改名', ...CONTENT });
  assert.equal(edit.statusCode, 409, edit.body);
  assert.equal(edit.data.error.reason, 'STATE');

  await ok(safety.post(api(build, `/${id}/review`), {
    reviewers: [{ name: '王专家', organisation: '省应急专家库' }, { name: '李专家' }], reviewedOn: '2026-09-01', conclusion: 'passed_with_changes', opinions: '补充通讯录',
  }));
  // The safety manager may not sign: the principal signs himself.
  const bySafety = await safety.post(api(build, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD });
  assert.equal(bySafety.statusCode, 403, bySafety.body);
  const signed = await ok(principal.post(api(build, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD }));
  assert.equal(signed.data.status, 'signed');
  assert.match(signed.data.content.contentSha256, /^[0-9a-f]{64}$/);
  const sig = await t.db.selectFrom('signatures').select(['content_sha256', 'document_version']).where('document_type', '=', 'emergency_plan').where('document_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(sig.content_sha256, signed.data.content.contentSha256);
  assert.equal(sig.document_version, 1);

  const workerAccount = build.users.worker.id;
  const iss = await ok(safety.post(api(build, `/${id}/issue`), { audienceUserIds: [workerAccount, build.users.leader.id], distribution: [{ name: '项目部', kind: 'unit' }] }));
  assert.equal(iss.data.status, 'issued');
  const receipts = await ok(safety.get(api(build, `/${id}/receipts`)));
  assert.deepEqual([receipts.data.total, receipts.data.read], [2, 0]);
  // The worker it was issued to reads it and confirms; worker2 (not named) does not see it.
  const seen = await ok(worker.get(api(build, `/${id}`)));
  assert.equal(seen.data.abilities.read, true);
  await ok(worker.post(api(build, `/${id}/read`)));
  assert.equal((await ok(safety.get(api(build, `/${id}/receipts`)))).data.read, 1);
  assert.equal((await (await build.login('worker2')).get(api(build, `/${id}`))).statusCode, 404);

  // Filed with the emergency department (YJJ) and the construction department (ZJJ).
  const filed = await ok(safety.post(api(build, `/${id}/file`), {}));
  const offices = filed.data.filings.map((f: { departmentName: string }) => f.departmentName).sort();
  assert.deepEqual(offices, ['区应急管理局', '区住房和城乡建设局'].sort());
  assert.equal((await occurrence(build, 'emergency.plan.filing', id))?.status, 'fulfilled');
  // Filing twice is refused.
  const again = await safety.post(api(build, `/${id}/file`), {});
  assert.equal(again.statusCode, 409);
  assert.equal(again.data.error.reason, 'ALREADY_FILED');

  // The officer's workbench counts the filings waiting for his office; its link lists exactly those.
  const wb = (await ok(zjj.get('/api/v1/workbench'))).data.items.find((i: { key: string }) => i.key === 'emergencyPlan.filingsToAccept');
  assert.equal(wb.to, '/emergency-plan-filings?status=pending');
  const inbox = await ok(zjj.get(`/api/v1/emergency-plan-filings?status=pending&pageSize=200`));
  assert.equal(wb.count, inbox.data.total);
  const mine = inbox.data.items.find((f: { planId: string }) => f.planId === id);
  assert.ok(mine, 'the construction department sees the filing addressed to it');
  assert.equal(mine.abilities.accept, true);
  const yjjFiling = (await ok(yjj.get(`/api/v1/emergency-plan-filings?status=pending&pageSize=200`))).data.items.find((f: { planId: string }) => f.planId === id);
  assert.ok(yjjFiling, 'the emergency department sees it though it does not supervise construction');
  // One office cannot decide the other's filing.
  assert.equal((await yjj.post(`/api/v1/emergency-plan-filings/${mine.id}/accept`, { receiptNo: 'X' })).statusCode, 404);

  const a1 = await ok(zjj.post(`/api/v1/emergency-plan-filings/${mine.id}/accept`, { receiptNo: 'ZJJ-2026-001' }));
  assert.equal(a1.data.status, 'accepted');
  assert.equal(a1.data.content.number, 1);
  assert.equal((await ok(safety.get(api(build, `/${id}`)))).data.status, 'issued');
  await ok(yjj.post(`/api/v1/emergency-plan-filings/${yjjFiling.id}/accept`, { receiptNo: 'YJJ-2026-017' }));
  const done = await ok(safety.get(api(build, `/${id}`)));
  assert.equal(done.data.status, 'filed');
  assert.equal(done.data.filedVersion, 1);
  assert.deepEqual(done.data.events.map((e: { op: string }) => e.op), ['create', 'submit', 'record_review', 'sign', 'issue', 'file', 'filed']);

  // A filed version is immutable: editing, signing again or uploading are refused.
  assert.equal((await safety.put(api(build, `/${id}`), { title: '改名', ...CONTENT })).statusCode, 409);
  assert.equal((await principal.post(api(build, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD })).statusCode, 409);
  const deciding = await zjj.post(`/api/v1/emergency-plan-filings/${mine.id}/return`, { reason: '晚了' });
  assert.equal(deciding.statusCode, 409, deciding.body);

  // A revision starts version 2 as a draft, opens the revision duty, and issuing it fulfils that duty.
  const rev = await ok(safety.post(api(build, `/${id}/revise`), { cause: 'organisation', note: '机构调整' }));
  assert.equal(rev.data.status, 'draft');
  assert.equal(rev.data.currentVersion, 2);
  assert.equal(rev.data.content.revisionCause, 'organisation');
  assert.equal((await occurrence(build, 'emergency.plan.revision', id))?.status === 'fulfilled', false);
  // Staff keep reading the version issued to them while the revision is drafted.
  assert.equal((await ok(worker.get(api(build, `/${id}`)))).data.content.number, 1);
  await ok(safety.put(api(build, `/${id}`), { title: rev.data.title, ...CONTENT, contacts: '总指挥 138xxxx0000' }));
  await ok(safety.post(api(build, `/${id}/submit`), {}));
  await ok(safety.post(api(build, `/${id}/review`), { reviewers: [{ name: '王专家' }], reviewedOn: '2026-09-01', conclusion: 'passed', opinions: '' }));
  await ok(principal.post(api(build, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD }));
  await ok(safety.post(api(build, `/${id}/issue`), {}));
  assert.equal((await occurrence(build, 'emergency.plan.revision', id))?.status, 'fulfilled');
  // Version 1 keeps the content its signature was made over.
  const v1 = await t.db.selectFrom('emergency_plan_versions').select(['contacts', 'content_sha256']).where('plan_id', '=', id).where('number', '=', 1).executeTakeFirstOrThrow();
  assert.equal(v1.contacts, '');
  assert.equal(v1.content_sha256, sig.content_sha256);
});

test('issued to people, a unit and a post: their accounts get it with a receipt, nobody else; a person without an account or a foreign unit is refused', async () => {
  const e = await makeEnterprise(t);
  const safety = await e.login('safety');
  const principal = await e.login('principal');
  const employeeOf = async (who: keyof FreshEnterprise['users']) =>
    (await t.db.selectFrom('users').select('employee_id').where('id', '=', e.users[who].id).executeTakeFirstOrThrow()).employee_id!;
  // A post in workshop two held by its worker, a person on the roster without an account, a unit with nobody in it.
  const post = await t.db.insertInto('posts').values({ enterprise_id: e.id, org_unit_id: e.units.ws2, name: '巡检工', created_at: t.clock.now }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('employee_posts').values({ enterprise_id: e.id, employee_id: await employeeOf('worker2'), post_id: post.id }).execute();
  const noAccount = await t.db.insertInto('employees').values({
    enterprise_id: e.id, name: '临时工', id_number_masked: '5301**********0001', id_number_hash: `plans-${Math.random()}`, employment_form: 'temporary', org_unit_id: e.units.team1,
  }).returning('id').executeTakeFirstOrThrow();
  const empty = (await ok((await t.login('admin')).post(`/api/v1/enterprises/${e.id}/org-units`, { parentId: e.rootUnitId, kind: 'workshop', name: '三车间' }), 201)).data as { id: string };

  const id = (await draft(e)).data.id as string;
  await ok(safety.post(api(e, `/${id}/submit`), {}));
  await ok(safety.post(api(e, `/${id}/review`), { reviewers: [{ name: '王专家' }], reviewedOn: '2026-09-01', conclusion: 'passed', opinions: '同意' }));
  await ok(principal.post(api(e, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD }));

  const refusals: [Record<string, unknown>, string, string][] = [
    [{ audienceEmployeeIds: [await employeeOf('leader'), noAccount.id] }, 'body.audienceEmployeeIds.1', 'emergencyPlan.employeeNoAccount'],
    [{ audienceUnitIds: [chem.units.ws1] }, 'body.audienceUnitIds.0', 'emergencyPlan.unitUnknown'],
    [{ audiencePostIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.audiencePostIds.0', 'emergencyPlan.postUnknown'],
    [{ audienceUnitIds: [empty.id] }, 'body.audienceUnitIds', 'emergencyPlan.audienceNobody'],
  ];
  for (const [audience, path, message] of refusals) {
    const res = await safety.post(api(e, `/${id}/issue`), audience);
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.data.error.issues.map((i: { path: string }) => i.path), [path], JSON.stringify(audience));
    assert.ok(!res.body.includes(message), 'the reason is translated, never the key');
  }
  assert.equal((await ok(safety.get(api(e, `/${id}`)))).data.status, 'signed', 'a refused issue changes nothing');

  // The unit leader by name, team one (its worker) by unit, the inspectors by post.
  await ok(safety.post(api(e, `/${id}/issue`), { audienceEmployeeIds: [await employeeOf('leader')], audienceUnitIds: [e.units.team1], audiencePostIds: [post.id] }));
  const receipts = await t.db.selectFrom('emergency_plan_receipts').select('user_id').where('enterprise_id', '=', e.id).where('plan_id', '=', id).execute();
  assert.deepEqual(receipts.map((r) => r.user_id).sort(), [e.users.leader.id, e.users.worker.id, e.users.worker2.id].sort());
  assert.equal((await ok(safety.get(api(e, `/${id}/receipts`)))).data.total, 3);
  assert.equal((await (await e.login('worker2')).get(api(e, `/${id}`))).statusCode, 200, 'the post\'s holder reads it');
});

test('a filing returned with reasons is corrected and filed again; the subdistrict reads, never decides', async () => {
  const safety = await chem.login('safety');
  const id = await issued(chem);
  const filed = await ok(safety.post(api(chem, `/${id}/file`), {}));
  // A hazardous-chemicals enterprise files with the emergency department alone (it supervises the industry too).
  assert.equal(filed.data.filings.length, 1);
  const filing = filed.data.filings[0];
  const sub = await ok(guanshang.get(`/api/v1/emergency-plan-filings`));
  const subRow = sub.data.items.find((f: { id: string }) => f.id === filing.id);
  assert.ok(subRow);
  assert.equal(subRow.abilities.accept, false);
  assert.equal((await guanshang.post(`/api/v1/emergency-plan-filings/${filing.id}/accept`, { receiptNo: 'S-1' })).statusCode, 403);

  // Bad input: no reason, no receipt number.
  assert.equal((await yjj.post(`/api/v1/emergency-plan-filings/${filing.id}/return`, { reason: '' })).statusCode, 400);
  assert.equal((await yjj.post(`/api/v1/emergency-plan-filings/${filing.id}/accept`, {})).statusCode, 400);
  const returned = await ok(yjj.post(`/api/v1/emergency-plan-filings/${filing.id}/return`, { reason: '缺少应急物资清单' }));
  assert.equal(returned.data.status, 'returned');
  assert.equal(returned.data.returnReason, '缺少应急物资清单');
  const d = await ok(safety.get(api(chem, `/${id}`)));
  assert.equal(d.data.returnedFilings, 1);
  // The managers' workbench counts the plans whose filing came back, and its link lists exactly those.
  const wb = (await ok(safety.get('/api/v1/workbench'))).data.items.find((i: { key: string }) => i.key === 'emergencyPlan.returned');
  const listed = await ok(safety.get(`${wb.to.replace(/^\/enterprises/, '/api/v1/enterprises').replace('?', '?pageSize=200&')}`));
  assert.equal(wb.count, listed.data.total);
  assert.ok(listed.data.items.some((p: { id: string }) => p.id === id));
  assert.equal(d.data.abilities.refile, true);
  const refiled = await ok(safety.post(api(chem, `/${id}/refile`), { note: '已补充物资清单' }));
  assert.equal(refiled.data.filings[0].status, 'pending');
  assert.equal(refiled.data.filings[0].rounds, 2);
  await ok(yjj.post(`/api/v1/emergency-plan-filings/${filing.id}/accept`, { receiptNo: 'YJJ-2026-101' }));
  assert.equal((await ok(safety.get(api(chem, `/${id}`)))).data.status, 'filed');

  // The inbox exports as .xlsx.
  const xlsx = await yjj.get('/api/v1/emergency-plan-filings/export?status=accepted');
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  const zip = await JSZip.loadAsync(xlsx.rawPayload);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  assert.ok(zip.file('xl/sharedStrings.xml') ? (await zip.file('xl/sharedStrings.xml')!.async('string')).includes('YJJ-2026-101') : sheet.includes('YJJ-2026-101'));
  // So does the enterprise's plan list, with the plan filed.
  const plans = await safety.get(`${api(chem, '/export')}?status=filed`);
  assert.equal(plans.statusCode, 200, plans.body);
  const pz = await JSZip.loadAsync(plans.rawPayload);
  const text = [...Object.keys(pz.files)].filter((n) => n.endsWith('.xml'));
  const all = (await Promise.all(text.map((n) => pz.file(n)!.async('string')))).join('');
  assert.ok(all.includes(d.data.title), 'the filed plan is in the export');
});

test('R-EMG-1: a plan issued on 25 September 2026 is due for filing on 29 October 2026, past the National Day holiday', async () => {
  // 2026: 25–27 Sep Mid-autumn, 1–7 Oct National Day (holidays); 10 Oct (Sat) a working day. Counting from 26 Sep:
  // 28, 29, 30 Sep (3), 8, 9, 10, 12–16 Oct (11), 19–23 Oct (16), 26–29 Oct (20).
  const id = await issued(chem, new Date('2026-09-25T02:00:00Z'));
  const occ = await occurrence(chem, 'emergency.plan.filing', id);
  assert.equal(occ?.due_on, '2026-10-29');
  t.clock.now = new Date('2026-09-01T02:00:00Z');
});

test('the yearly review signed by the principal fulfils the ten-ones item; an unsigned one does not', async () => {
  const safety = await chem.login('safety');
  const principal = await chem.login('principal');
  const id = await issued(chem);
  const a = await ok(safety.post(api(chem, `/${id}/assessments`), { kind: 'yearly_review', reviewer: '安全部', reviewedOn: '2026-09-01', changed: false, reason: '法规、机构和风险未变化' }), 201);
  const before = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', chem.id)
    .where('definition_key', '=', 'resp.ten.plan_review').executeTakeFirst();
  assert.notEqual(before?.record_id, a.data.id);
  assert.equal((await safety.post(api(chem, `/${id}/assessments/${a.data.id}/sign`), { method: 'password', password: DEMO_PASSWORD })).statusCode, 403);
  await ok(principal.post(api(chem, `/${id}/assessments/${a.data.id}/sign`), { method: 'password', password: DEMO_PASSWORD }));
  const after = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', chem.id)
    .where('definition_key', '=', 'resp.ten.plan_review').executeTakeFirst();
  assert.equal(after?.record_id, a.data.id);
  // Signed twice: refused.
  assert.equal((await principal.post(api(chem, `/${id}/assessments/${a.data.id}/sign`), { method: 'password', password: DEMO_PASSWORD })).statusCode, 409);
});

/** Every duty occurrence of a subject (the plan), by definition and period. */
async function dutiesOf(e: FreshEnterprise, subject: string) {
  return t.db.selectFrom('obligation_occurrences').select(['definition_key', 'period_key', 'status', 'waived_reason', 'record_id'])
    .where('enterprise_id', '=', e.id).where('subject_key', '=', subject).orderBy('definition_key').orderBy('period_key').execute();
}

test('R-EMG-1: a plan withdrawn (废止) cancels the duties it still owes, withdraws its waiting filings and tells their offices; what was done stays', async () => {
  const safety = await build.login('safety');
  const employee = async (who: keyof FreshEnterprise['users']) =>
    (await t.db.selectFrom('users').select('employee_id').where('id', '=', build.users[who].id).executeTakeFirstOrThrow()).employee_id!;

  // An issued on-site disposal plan (R-EMG-2: drilled each half-year), filed with both offices; ZJJ returns its filing.
  const id = await issued(build, undefined, { kind: 'onsite', title: `储罐区泄漏现场处置方案${Math.random().toString(36).slice(2, 6)}` });
  const filed = await ok(safety.post(api(build, `/${id}/file`), {}));
  const filingOf = (code: string) => filed.data.filings.find((f: { departmentName: string }) => f.departmentName === code);
  const atYjj = filingOf('区应急管理局');
  const atZjj = filingOf('区住房和城乡建设局');
  assert.ok(atYjj && atZjj, 'filed with the emergency and the construction departments');
  await ok(zjj.post(`/api/v1/emergency-plan-filings/${atZjj.id}/return`, { reason: '缺少应急物资清单' }));
  // A drill of the plan this half-year fulfils its 2026-H2 occurrence.
  const drill = await ok(safety.post(`/api/v1/enterprises/${build.id}/drills`, {
    planId: id, form: 'practical', scenario: '储罐区泄漏现场处置', startedAt: '2026-09-01T08:00:00+08:00', endedAt: '2026-09-01T09:30:00+08:00',
    place: '储罐区', organiserEmployeeId: await employee('safety'), participants: [{ employeeId: await employee('leader') }],
  }), 201);
  const before = await dutiesOf(build, id);
  const status = (rows: typeof before, key: string, period?: string) => rows.filter((r) => r.definition_key === key && (!period || r.period_key === period)).map((r) => r.status);
  assert.deepEqual(status(before, 'emergency.plan.filing'), ['fulfilled'], 'filing was submitted');
  assert.deepEqual(status(before, 'emergency.drill.onsite', '2026-H2'), ['fulfilled'], 'drilled this half-year');
  assert.deepEqual(status(before, 'emergency.drill.onsite', '2027-H1'), ['upcoming'], 'next half-year open');
  assert.equal(status(before, 'emergency.plan.evaluation').length, 1, 'the 3-year evaluation is owed');
  assert.notEqual(status(before, 'emergency.plan.evaluation')[0], 'waived');

  const d = await ok(safety.get(api(build, `/${id}`)));
  assert.equal(d.data.abilities.withdraw, true);
  assert.equal((await ok((await build.login('worker')).get(api(build, `/${id}`)))).data.abilities.withdraw, false, 'the staff it was issued to may not');

  // Refusals: the staff (403), another enterprise (404), no reason or a blank one (400, in Chinese).
  const worker = await build.login('worker');
  assert.equal((await worker.post(api(build, `/${id}/withdraw`), { reason: '停用' })).statusCode, 403);
  assert.equal((await (await other.login('safety')).post(api(build, `/${id}/withdraw`), { reason: '停用' })).statusCode, 404);
  assert.equal((await (await chem.login('safety')).post(api(build, `/${id}/withdraw`), { reason: '停用' })).statusCode, 404);
  assert.equal((await yjj.post(api(build, `/${id}/withdraw`), { reason: '停用' })).statusCode, 403);
  for (const body of [{}, { reason: '   ' }]) {
    const bad = await safety.post(api(build, `/${id}/withdraw`), body);
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual(bad.data.error.issues.map((i: { path: string }) => i.path), ['body.reason']);
    assert.match(bad.data.error.issues[0].message, /[\u4e00-\u9fff]/, 'the reason is asked for in Chinese');
    assert.doesNotMatch(bad.data.error.issues[0].message, /string|undefined/);
  }
  assert.equal((await safety.post(api(build, `/${id}/withdraw`), { reason: '很'.repeat(2001) })).statusCode, 400);
  assert.equal((await ok(safety.get(api(build, `/${id}`)))).data.status, 'issued', 'a refused withdrawal changes nothing');

  const reason = '储罐区已拆除，该方案不再适用';
  const w = await ok(safety.post(api(build, `/${id}/withdraw`), { reason, version: d.data.version }));
  assert.equal(w.data.status, 'withdrawn');
  assert.deepEqual(Object.entries(w.data.abilities).filter(([, v]) => v).map(([k]) => k), ['receipts'], 'nothing more to do with it but read who read it');
  const last = w.data.events.at(-1);
  assert.deepEqual([last.op, last.from, last.to, last.note], ['withdraw', 'issued', 'withdrawn', reason]);

  // Duties: the open ones are cancelled (waived `cancelled`), the fulfilled ones stay fulfilled.
  const after = await dutiesOf(build, id);
  assert.deepEqual(status(after, 'emergency.plan.filing'), ['fulfilled']);
  assert.deepEqual(status(after, 'emergency.drill.onsite', '2026-H2'), ['fulfilled']);
  assert.equal(after.find((r) => r.definition_key === 'emergency.drill.onsite' && r.period_key === '2026-H2')?.record_id, drill.data.id);
  const cancelled = after.filter((x) => x.definition_key === 'emergency.plan.evaluation' || (x.definition_key === 'emergency.drill.onsite' && x.period_key === '2027-H1'));
  assert.deepEqual(cancelled.map((r) => [r.definition_key, r.status, r.waived_reason]), [
    ['emergency.drill.onsite', 'waived', 'cancelled'], ['emergency.plan.evaluation', 'waived', 'cancelled'],
  ]);
  // Filings: the pending one and the returned one are withdrawn; the office that had one pending is told, the other not.
  const filings = (await ok(safety.get(api(build, `/${id}`)))).data.filings as { id: string; status: string }[];
  assert.deepEqual(Object.fromEntries(filings.map((f) => [f.id, f.status])), { [atYjj.id]: 'withdrawn', [atZjj.id]: 'withdrawn' });
  const told = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'notify').execute();
  const withdrawnNotices = told.map((m) => m.payload as { userId: string; kind: string; params: { title: string } })
    .filter((p) => p.kind === 'emergency_plan.filingWithdrawn' && p.params.title === w.data.title);
  const officers = async (code: string) => (await t.db.selectFrom('users as u').innerJoin('departments as dp', 'dp.id', 'u.department_id').select('u.id')
    .where('dp.code', '=', code).where('u.role', '=', 'department_officer').where('u.disabled', '=', false).execute()).map((u) => u.id).sort();
  assert.ok((await officers('YJJ')).length > 0);
  assert.deepEqual(withdrawnNotices.map((p) => p.userId).sort(), await officers('YJJ'));
  await drainOutbox(t);
  const bell = await allNotifications(yjj);
  assert.ok(bell.some((n) => n.kind === 'emergency_plan.filingWithdrawn' && n.body.includes(w.data.title) && n.body.includes(reason)), 'the YJJ officer learns it in his bell');
  const inbox = await ok(yjj.get('/api/v1/emergency-plan-filings?status=withdrawn&pageSize=200'));
  assert.ok(inbox.data.items.some((f: { id: string; abilities: { accept: boolean } }) => f.id === atYjj.id && !f.abilities.accept));
  assert.equal((await ok(yjj.get('/api/v1/emergency-plan-filings?status=pending&pageSize=200'))).data.items.some((f: { id: string }) => f.id === atYjj.id), false);

  // The office can no longer decide it; a second withdrawal and any other step are refused (409).
  const accept = await yjj.post(`/api/v1/emergency-plan-filings/${atYjj.id}/accept`, { receiptNo: 'YJJ-2026-900' });
  assert.equal(accept.statusCode, 409, accept.body);
  assert.equal(accept.data.error.reason, 'STATE');
  assert.equal((await yjj.post(`/api/v1/emergency-plan-filings/${atYjj.id}/return`, { reason: '晚了' })).statusCode, 409);
  const again = await safety.post(api(build, `/${id}/withdraw`), { reason });
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(again.data.error.reason, 'STATE');
  assert.match(again.data.error.message, /废止/);
  assert.equal((await safety.post(api(build, `/${id}/revise`), { cause: 'law', note: '法规变化' })).statusCode, 409);
  assert.equal((await safety.post(api(build, `/${id}/assessments`), { kind: 'evaluation', reviewer: '安全部', reviewedOn: '2026-09-01', changed: false, reason: '评估' })).statusCode, 409);

  // History stays: the drill, the read receipts; a new drill of the withdrawn plan is refused at its field.
  assert.equal((await ok(safety.get(`/api/v1/enterprises/${build.id}/drills/${drill.data.id}`))).statusCode, 200);
  assert.ok(Number((await t.db.selectFrom('emergency_plan_receipts').select((eb) => eb.fn.countAll<string>().as('n')).where('plan_id', '=', id).executeTakeFirstOrThrow()).n) > 0);
  const newDrill = await safety.post(`/api/v1/enterprises/${build.id}/drills`, {
    planId: id, form: 'tabletop', scenario: '桌面推演', startedAt: '2026-09-01T08:00:00+08:00', endedAt: '2026-09-01T09:00:00+08:00',
    place: '会议室', organiserEmployeeId: await employee('safety'), participants: [],
  });
  assert.equal(newDrill.statusCode, 400, newDrill.body);
  assert.ok(newDrill.data.error.issues.some((i: { path: string }) => i.path === 'body.planId'));
  // The old drill can still be evaluated; finding the plan wanting opens no revision duty for a withdrawn plan.
  await ok(safety.post(`/api/v1/enterprises/${build.id}/drills/${drill.data.id}/evaluate`, { wentWell: '处置有序', problems: '预案未覆盖夜间', planNeedsRevision: true }));
  assert.deepEqual(status(await dutiesOf(build, id), 'emergency.plan.revision').filter((s) => s !== 'waived'), [], 'no revision owed for a withdrawn plan');

  // The audit row names the reason and the filings withdrawn.
  const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'before', 'after']).where('action', '=', 'emergency_plan.withdraw').where('entity_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(audit.actor_id, build.users.safety.id);
  const detail = (audit.after as { status: string; detail: { reason: string; filings: { id: string }[] } });
  assert.equal(detail.status, 'withdrawn');
  assert.equal(detail.detail.reason, reason);
  assert.deepEqual(detail.detail.filings.map((f) => f.id).sort(), [atYjj.id, atZjj.id].sort());
});

test('R-EMG-1: a plan issued but not yet filed, under revision, is withdrawn from its draft: its filing and revision duties are cancelled', async () => {
  const safety = await chem.login('safety');
  const id = await issued(chem);
  const rev = await ok(safety.post(api(chem, `/${id}/revise`), { cause: 'law', note: '法规修订' }));
  assert.equal(rev.data.status, 'draft');
  const open = await dutiesOf(chem, id);
  for (const key of ['emergency.plan.filing', 'emergency.plan.revision']) {
    assert.equal(open.filter((r) => r.definition_key === key && r.status !== 'waived' && r.status !== 'fulfilled').length, 1, `${key} open`);
  }
  const w = await ok(safety.post(api(chem, `/${id}/withdraw`), { reason: '与综合预案合并' }));
  assert.equal(w.data.status, 'withdrawn');
  assert.deepEqual(w.data.events.at(-1).from, 'draft');
  const after = await dutiesOf(chem, id);
  for (const key of ['emergency.plan.filing', 'emergency.plan.revision']) {
    assert.deepEqual(after.filter((r) => r.definition_key === key).map((r) => [r.status, r.waived_reason]), [['waived', 'cancelled']], key);
  }
  // The list filters the withdrawn plans.
  const list = await ok(safety.get(`${api(chem)}?status=withdrawn&pageSize=200`));
  assert.ok(list.data.items.some((p: { id: string; unread: boolean }) => p.id === id && !p.unread));
});

test('wrong roles and other enterprises: 403 / 404; bad input: 400', async () => {
  const id = (await draft(chem)).data.id as string;
  const worker = await chem.login('worker');
  // An employee may not draft; a draft is not his to see.
  assert.equal((await worker.post(api(chem), { kind: 'special', title: '专项预案', ...CONTENT })).statusCode, 403);
  assert.equal((await worker.get(api(chem, `/${id}`))).statusCode, 404);
  // Another enterprise's manager: 404 on every route.
  const stranger = await other.login('safety');
  assert.equal((await stranger.get(api(chem, `/${id}`))).statusCode, 404);
  assert.equal((await stranger.post(api(chem, `/${id}/submit`), {})).statusCode, 404);
  // A regulator does not see a draft; an officer may not write.
  assert.equal((await yjj.get(api(chem, `/${id}`))).statusCode, 404);
  assert.equal((await yjj.post(api(chem), { kind: 'special', title: '专项预案', ...CONTENT })).statusCode, 403);
  // Bad input.
  const safety = await chem.login('safety');
  assert.equal((await safety.post(api(chem), { kind: 'weird', title: '专项预案' })).statusCode, 400);
  assert.equal((await safety.post(api(chem), { kind: 'special', title: 'x' })).statusCode, 400);
  const foreignPoint = await safety.post(api(chem), { kind: 'special', title: '专项预案', riskPointIds: ['00000000-0000-4000-8000-000000000000'] });
  assert.equal(foreignPoint.statusCode, 400);
  assert.equal(foreignPoint.data.error.issues[0].path, 'body.riskPointIds.0');
  assert.equal((await safety.post(api(chem, `/${id}/review`), { reviewers: [], reviewedOn: '2026-09-01', conclusion: 'passed' })).statusCode, 400);
  assert.equal((await safety.post(api(chem, `/${id}/revise`), { cause: 'law', note: '' })).statusCode, 400);
  // An empty draft cannot go to review.
  const empty = (await draft(chem, { scope: '', procedures: '', organisation: '', responseLevels: '', resources: '' })).data.id as string;
  const refused = await safety.post(api(chem, `/${empty}/submit`), {});
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.data.error.reason, 'CONTENT_REQUIRED');
  // A failed review sends the version back to draft.
  await ok(safety.post(api(chem, `/${id}/submit`), {}));
  const failed = await ok(safety.post(api(chem, `/${id}/review`), { reviewers: [{ name: '王专家' }], reviewedOn: '2026-09-01', conclusion: 'failed', opinions: '响应分级不清' }));
  assert.equal(failed.data.status, 'draft');
});

const skip = !process.env.TEST_DATABASE_URL;

test('two concurrent signatures or acceptances: one winner, the other 409', { skip }, async () => {
  const safety = await chem.login('safety');
  const principal = await chem.login('principal');
  const id = (await draft(chem)).data.id as string;
  await ok(safety.post(api(chem, `/${id}/submit`), {}));
  await ok(safety.post(api(chem, `/${id}/review`), { reviewers: [{ name: '王专家' }], reviewedOn: '2026-09-01', conclusion: 'passed', opinions: '' }));
  const signs = await Promise.all([1, 2].map(() => principal.post(api(chem, `/${id}/sign`), { method: 'password', password: DEMO_PASSWORD })));
  assert.deepEqual(signs.map((r) => r.statusCode).sort(), [200, 409]);
  assert.equal(Number((await t.db.selectFrom('signatures').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', id).executeTakeFirstOrThrow()).n), 1);
  await ok(safety.post(api(chem, `/${id}/issue`), {}));
  const filing = (await ok(safety.post(api(chem, `/${id}/file`), {}))).data.filings[0];
  const accepts = await Promise.all(['A-1', 'A-2'].map((n) => yjj.post(`/api/v1/emergency-plan-filings/${filing.id}/accept`, { receiptNo: n })));
  assert.deepEqual(accepts.map((r) => r.statusCode).sort(), [200, 409]);
});

test('the demo: the chemical plant has emergency plans in every state of the life cycle, a withdrawn one with its duties cancelled', async () => {
  const ownEnterprise = (await demoIds(t.db)).ownEnterprise.id;
  const plans = await t.db.selectFrom('emergency_plans').select(['id', 'status', 'title']).where('enterprise_id', '=', ownEnterprise).execute();
  assert.deepEqual([...new Set(plans.map((p) => p.status))].sort(), [...PLAN_STATES].sort());
  const withdrawn = plans.find((p) => p.status === 'withdrawn')!;
  const duties = await t.db.selectFrom('obligation_occurrences').select(['definition_key', 'status']).where('enterprise_id', '=', ownEnterprise)
    .where('subject_key', '=', withdrawn.id).execute();
  assert.ok(duties.length > 0, 'it owed duties while in force');
  assert.deepEqual(duties.filter((d) => d.status !== 'waived' && d.status !== 'fulfilled' && d.status !== 'late_fulfilled'), [], 'none left open');
  const last = await t.db.selectFrom('emergency_plan_events').select(['op', 'note']).where('plan_id', '=', withdrawn.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal(last.op, 'withdraw');
  assert.match(last.note, /废止/);
});
