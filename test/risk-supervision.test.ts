import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sendReassessReminders } from '../src/modules/risk/report/risk-report.jobs';
import { runObligationsDay } from '../src/modules/obligations';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
// Sessions outlive the clock moves below (the hourly cleanup compares expiry with the platform clock).
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => {
  // On PostgreSQL, test/helpers.ts drops the database as soon as pool.end() resolves, which is before the sockets
  // close; a backend the drop terminates then surfaces as a pool 'error' nobody listens to (an uncaught exception).
  t.platform.database.pool.on('error', () => undefined);
  await t.close();
});

const own = () => ids.ownEnterprise.id;
// Logins are rate-limited per minute: one session per demo user for the whole file.
const sessions = new Map<string, Promise<Client>>();
const as = (username: string): Promise<Client> => {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
};
type OverviewItem = { enterpriseId: string; subdistrictId: string; industryCode: string; total: number; byGrade: Record<string, number>; unassessed: number; overdue: number; missingR8: number; controlFailing: number; hasLedger: boolean };

async function overview(c: Client, query = ''): Promise<{ items: OverviewItem[]; total: number }> {
  const res = await c.get(`/api/v1/risk/overview?pageSize=200${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
}

async function points() {
  return t.db.selectFrom('risk_points').select(['id', 'code', 'grade']).where('enterprise_id', '=', own()).where('status', '=', 'active').orderBy('code').execute();
}

test('the overview counts of the demo enterprise equal what its ledger reports', async () => {
  // The hazard module raises "control failing", and time makes a re-assessment overdue.
  const [first, second] = await points();
  // The demo's open hazards already mark some points failing; the second point is not one of them.
  const failingBefore = await t.db.selectFrom('risk_points').select(['id']).where('enterprise_id', '=', own()).where('status', '=', 'active').where('control_failing', '=', true).execute();
  assert.ok(!failingBefore.some((r) => r.id === second!.id));
  await t.db.updateTable('risk_points').set({ reassess_due: '2020-01-01' }).where('enterprise_id', '=', own()).where('id', '=', first!.id).execute();
  await t.db.updateTable('risk_points').set({ control_failing: true }).where('enterprise_id', '=', own()).where('id', '=', second!.id).execute();
  const guanshang = await as('guanshang');
  const row = (await overview(guanshang)).items.find((i) => i.enterpriseId === own());
  assert.ok(row, 'the demo enterprise is in 关上街道');
  const summary = (await guanshang.get(`/api/v1/enterprises/${own()}/risk-summary`)).data;
  assert.equal(row.total, summary.total);
  assert.deepEqual(row.byGrade, summary.byGrade);
  assert.equal(row.unassessed, summary.unassessed);
  assert.equal(row.overdue, summary.overdue);
  assert.equal(row.missingR8, summary.missingR8);
  assert.equal(row.controlFailing, summary.controlFailing);
  assert.equal(row.hasLedger, true);
  assert.deepEqual([row.total, row.byGrade[1], row.overdue, row.controlFailing, row.missingR8], [6, 1, 1, failingBefore.length + 1, 1]);
  // The same numbers when sorted by a count (the other query shape).
  const byCount = (await overview(guanshang, '&sort=total&order=desc')).items;
  assert.deepEqual(byCount[0], row);
  for (const flag of ['overdue', 'controlFailing', 'missingR8', 'hasGrade1']) {
    const flagged = await overview(guanshang, `&flag=${flag}`);
    assert.deepEqual(flagged.items.map((i) => i.enterpriseId), [own()], flag);
  }
});

test('a subdistrict officer sees only 关上街道 enterprises, and those without a ledger are flagged', async () => {
  const guanshang = await as('guanshang');
  const sub = ids.ownEnterprise.subdistrict_id;
  const all = await overview(guanshang);
  const expected = ids.ents.filter((e) => e.subdistrict_id === sub).map((e) => e.id).sort();
  assert.deepEqual(all.items.map((i) => i.enterpriseId).sort(), expected);
  assert.equal(all.total, expected.length);
  assert.ok(all.items.every((i) => i.subdistrictId === sub));
  const noLedger = await overview(guanshang, '&flag=noLedger');
  assert.deepEqual(noLedger.items.map((i) => i.enterpriseId).sort(), expected.filter((id) => id !== own()));
  assert.ok(noLedger.items.every((i) => !i.hasLedger && i.total === 0));
  // Another subdistrict's id as a filter narrows nothing outside scope into view.
  const other = (await overview(guanshang, `&subdistrictId=${ids.foreign.subdistrict_id}`));
  assert.equal(other.total, 0);
  const summary = (await guanshang.get('/api/v1/risk/overview/summary')).data;
  assert.deepEqual([summary.enterprises, summary.withLedger, summary.withoutLedger], [expected.length, 1, expected.length - 1]);
  assert.deepEqual(summary.points.byGrade, all.items.find((i) => i.enterpriseId === own())!.byGrade);
  assert.deepEqual(summary.enterprisesWith, { grade1: 1, overdue: 1, missingR8: 1, controlFailing: 1 });
});

test('a department sees the industries it supervises: 住建局 not the chemical plant, 应急局 it', async () => {
  const zjj = await as('zjj');
  const seen = await overview(zjj);
  assert.ok(seen.items.length > 0);
  assert.ok(seen.items.every((i) => ['construction', 'gas'].includes(i.industryCode)));
  assert.ok(!seen.items.some((i) => i.enterpriseId === own()));
  assert.equal((await zjj.get('/api/v1/risk/overview/summary')).data.points.total, 0);
  const yjj = await as('yjj');
  assert.ok((await overview(yjj)).items.some((i) => i.enterpriseId === own()));
  const page = await yjj.get('/api/v1/risk/overview?pageSize=2&page=2');
  assert.equal(page.data.items.length, 2);
  assert.equal(page.data.total, (await overview(yjj)).total);
  const past = await yjj.get('/api/v1/risk/overview?pageSize=50&page=9');
  assert.deepEqual([past.data.items.length, past.data.total], [0, page.data.total]);
});

test('the grade-1 list shows every major risk in scope with its enterprise, and nothing outside it', async () => {
  // A grade-1 point at a construction site in another subdistrict.
  const admin = await as('admin');
  const unit = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.foreign.id).where('kind', '=', 'company').executeTakeFirstOrThrow();
  const created = await admin.post(`/api/v1/enterprises/${ids.foreign.id}/risk-points`, {
    name: '深基坑开挖', kind: 'operation', orgUnitId: unit.id, hasWarningSigns: true, hasMonitoring: true, hasEmergencyEquipment: true, hasEscapeRoutes: true,
    assessment: { methods: [{ method: 'LEC', L: 6, E: 6, C: 15 }], reason: '首次辨识' },
  });
  assert.equal(created.data.grade, 1);
  const guanshang = await as('guanshang');
  const major = (await guanshang.get('/api/v1/risk/major')).data;
  const ledgerRed = (await guanshang.get(`/api/v1/enterprises/${own()}/risk-points?grade=1`)).data;
  assert.equal(major.total, ledgerRed.total);
  assert.deepEqual(major.items.map((i: { riskPointId: string }) => i.riskPointId), ledgerRed.items.map((i: { id: string }) => i.id));
  const item = major.items[0];
  assert.equal(item.enterpriseName, '昆明官渡精细化工有限公司');
  assert.equal(item.subdistrictName, '关上街道');
  assert.equal(item.industryCode, 'hazardous_chemicals');
  assert.equal(item.controlLevel, 'company');
  const zjj = await as('zjj');
  const theirs = (await zjj.get('/api/v1/risk/major')).data.items as { riskPointId: string; missingR8: string[] }[];
  assert.deepEqual(theirs.map((i) => i.riskPointId), [created.data.id]);
  assert.deepEqual(theirs[0]!.missingR8, []);
  assert.equal((await (await as('principal')).get('/api/v1/risk/major')).statusCode, 403);
});

async function riskNotices(username: string, title: RegExp): Promise<number> {
  const c = await as(username);
  const list = await c.get('/api/v1/notifications?pageSize=100');
  return (list.data.items as { kind: string; title: string }[]).filter((n) => (n.kind === 'risk' || n.kind === 'obligation') && title.test(n.title)).length;
}

test('R-RISK-9 reminders (the obligations engine): in December the managers of a non-submitting enterprise are reminded, not before, not after submitting', async () => {
  const annual = /履职提醒：每年 12 月 31 日前报送年度风险管控报告/;
  // The demo's own duties were opened (and reminded) on the day it was loaded: start this enterprise's report afresh,
  // as an enterprise that joined long before 2026 (the demo is loaded on the day the suite runs, 2028 at the latest).
  await t.db.updateTable('enterprises').set({ onboarded_on: '2020-01-01' }).where('id', '=', own()).execute();
  await t.db.deleteFrom('obligation_occurrences').where('enterprise_id', '=', own()).where('definition_key', '=', 'risk.annual_report').execute();
  await t.db.updateTable('outbox').set({ processed_at: t.clock.now }).where('processed_at', 'is', null).execute();
  await t.db.deleteFrom('notifications').where('title_key', '=', 'notify.obligation.remind.title').execute();
  t.clock.now = new Date('2026-11-15T01:00:00Z');
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('principal', annual), 0, 'no reminder in November');

  t.clock.now = new Date('2026-12-05T01:00:00Z');
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('principal', annual), 1);
  assert.equal(await riskNotices('safety', annual), 1);
  assert.equal(await riskNotices('worker', annual), 0);
  assert.equal(await riskNotices('guanshang', annual), 0);
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('principal', annual), 1, 'once per reminder step');

  const safety = await as('safety');
  const principal = await as('principal');
  const url = `/api/v1/enterprises/${own()}/risk-reports/2026`;
  assert.equal((await safety.put(url, { narrative: '本年度风险管控总体受控。', version: 0 })).statusCode, 200);
  assert.equal((await principal.post(`${url}/confirm`, { version: 1 })).statusCode, 200);
  assert.equal((await safety.post(`${url}/submit`, { version: 2 })).statusCode, 200);

  t.clock.now = new Date('2026-12-06T01:00:00Z');
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('principal', annual), 1, 'no reminder after submission');
});

test('R-RISK-6 reminders: the safety manager hears once a day of re-assessments due within 30 days or overdue', async () => {
  const title = /风险点复评提醒/;
  const [a, b] = await points();
  await t.db.updateTable('risk_points').set({ reassess_due: '2030-01-01' }).where('enterprise_id', '=', own()).execute();
  await t.db.updateTable('risk_points').set({ reassess_due: '2026-12-20' }).where('enterprise_id', '=', own()).where('id', '=', a!.id).execute();
  await t.db.updateTable('risk_points').set({ reassess_due: '2026-11-30' }).where('enterprise_id', '=', own()).where('id', '=', b!.id).execute();
  // Earlier days' ticks already reminded of the point made overdue in the first test.
  const before = await riskNotices('safety', title);
  t.clock.now = new Date('2026-12-07T01:00:00Z');
  await t.platform.jobs.tick();
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('safety', title), before + 1);
  assert.equal(await riskNotices('principal', title), 0);
  const c = await as('safety');
  const bodies = ((await c.get('/api/v1/notifications?pageSize=100')).data.items as { title: string; body: string }[]).filter((n) => title.test(n.title)).map((n) => n.body);
  assert.ok(bodies.some((body) => /昆明官渡精细化工有限公司有 1 个风险点将在 30 日内到期复评，1 个已超期未复评/.test(body)), bodies.join('\n'));
  // Nothing due: no reminder the next day.
  await t.db.updateTable('risk_points').set({ reassess_due: '2030-01-01' }).where('enterprise_id', '=', own()).execute();
  t.clock.now = new Date('2026-12-08T01:00:00Z');
  await t.platform.jobs.tick();
  assert.equal(await riskNotices('safety', title), before + 1);
});

test('R-RISK-6/9 reminder days are local (UTC+8): December and "overdue" begin at local midnight, not at 08:00', async () => {
  /** The reminders one job run writes for the demo enterprise's people, read from the outbox it filled. */
  const run = async (job: (db: typeof t.db, now: Date) => Promise<unknown>, iso: string, titleKey?: string) => {
    const last = (await t.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
    await job(t.db, new Date(iso));
    const rows = await t.db.selectFrom('outbox').select('payload').where('id', '>', String(last)).execute();
    const users = new Set((await t.db.selectFrom('users').select('id').where('enterprise_id', '=', own()).execute()).map((u) => u.id));
    return rows.map((r) => r.payload as { userId: string; titleKey: string; params: Record<string, unknown> })
      .filter((p) => users.has(p.userId) && (!titleKey || p.titleKey === titleKey)).map((p) => p.params);
  };
  // The demo enterprise submitted its 2026 report in the first test; without it, the report is owed again. The December
  // reminder is the obligations engine's (`risk.annual_report`: 30 days before 31 December, then closer).
  await t.db.deleteFrom('risk_annual_reports').where('enterprise_id', '=', own()).where('year', '=', 2026).execute();
  await t.db.updateTable('enterprises').set({ onboarded_on: '2020-01-01' }).where('id', '=', own()).execute();
  await t.db.deleteFrom('obligation_occurrences').where('enterprise_id', '=', own()).where('definition_key', '=', 'risk.annual_report').execute();
  const remind = 'notify.obligation.remind.title';
  // The report's reminders only: the demo's other duties (an equipment inspection, a policy's renewal…) are dated from
  // the day the demo was loaded, which may be after these days, and are reminded on their own steps.
  const report = async (iso: string) => (await run(runObligationsDay, iso, remind)).filter((p) => String(p.duty).includes('年度风险管控报告'));
  assert.equal((await report('2026-11-30T15:59:00Z')).length, 0, '23:59 on 30 November');
  const december = await report('2026-11-30T23:00:00Z'); // 07:00 on 1 December in Kunming
  assert.ok(december.length >= 2 && december.every((p) => p.due === '2026-12-31'), JSON.stringify(december));
  assert.equal((await report('2026-12-01T01:00:00Z')).length, 0, 'once per step: not again the same day');
  assert.equal((await report('2026-12-31T20:00:00Z')).length, 0, '04:00 on 1 January 2027: past due, no reminder');

  const [a] = await points();
  await t.db.updateTable('risk_points').set({ reassess_due: '2030-01-01' }).where('enterprise_id', '=', own()).execute();
  await t.db.updateTable('risk_points').set({ reassess_due: '2026-12-20' }).where('enterprise_id', '=', own()).where('id', '=', a!.id).execute();
  assert.deepEqual((await run(sendReassessReminders, '2026-12-20T15:59:00Z')).map((p) => [p.dueSoon, p.overdue]), [[1, 0]], '23:59 on the due date');
  assert.deepEqual((await run(sendReassessReminders, '2026-12-20T16:30:00Z')).map((p) => [p.dueSoon, p.overdue]), [[0, 1]], '00:30 the day after');
  // The 30-day horizon counts local days too: due on 19 January is announced from 00:00 on 20 December.
  await t.db.updateTable('risk_points').set({ reassess_due: '2027-01-19' }).where('enterprise_id', '=', own()).where('id', '=', a!.id).execute();
  assert.equal((await run(sendReassessReminders, '2026-12-19T15:59:00Z')).length, 0);
  assert.deepEqual((await run(sendReassessReminders, '2026-12-19T16:00:00Z')).map((p) => [p.dueSoon, p.overdue]), [[1, 0]]);
});

test('issue 10 §2: by default the overview ranks the riskiest first — major risks, then considerable, then missing on-site items', async () => {
  const admin = await as('admin');
  const ranked = (await overview(admin)).items;
  assert.ok(ranked.length > 3);
  const key = (i: OverviewItem) => [i.byGrade[1] ?? 0, i.byGrade[2] ?? 0, i.missingR8];
  for (let k = 1; k < ranked.length; k++) {
    const [a, b] = [key(ranked[k - 1]!), key(ranked[k]!)];
    const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    assert.ok(cmp >= 0, `${ranked[k - 1]!.enterpriseId} ranks before ${ranked[k]!.enterpriseId}: ${a} vs ${b}`);
  }
  // By name still works, as asked.
  const byName = (await overview(admin, '&sort=name')).items;
  assert.equal(byName.length, ranked.length);
});

// ---- issue 11 §1: the regulators' "who has not submitted" list reads the obligations engine (R-RISK-9) ----

type DutyRow = { enterpriseId: string; status: string; dutyStatus: string; dueDate: string | null; fulfilledAt: string | null; waivedReason: string | null; onTime: boolean | null };
type DutyPage = { items: DutyRow[]; total: number; counts: Record<string, number>; duty: Record<string, number> };

test('R-RISK-9 (issue 11 §1): who owes the annual report is the engine\'s — waived and joined-later are listed as such, never missing, and are not urged', async () => {
  t.clock.now = new Date('2026-12-15T02:00:00Z');
  const admin = await as('admin');
  const created = await admin.post('/api/v1/subdistricts', { code: 'D11', name: '履职名单测试街道' });
  assert.equal(created.statusCode, 201, created.body);
  const subdistrictId = created.data.id as string;
  const user = await admin.post('/api/v1/users', { username: 'dutystreet', displayName: '履职名单街道干部', role: 'subdistrict_officer', subdistrictId });
  assert.equal(user.statusCode, 201, user.body);
  const officer = await t.login('dutystreet', user.data.oneTimeCode);
  await officer.post('/api/v1/auth/password', { currentPassword: user.data.oneTimeCode, newPassword: 'Kunming#Safe2026x' });
  const ents: FreshEnterprise[] = [];
  for (const name of ['履职甲化工有限公司', '履职乙化工有限公司', '履职丙化工有限公司', '履职丁化工有限公司']) ents.push(await makeEnterprise(t, { subdistrictId, name }));
  const [A, B, C, D] = ents as [FreshEnterprise, FreshEnterprise, FreshEnterprise, FreshEnterprise];
  // A, B and C joined before 2026 and owe its report; D joined this month: it owes nothing for 2026.
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-06-01' }).where('id', 'in', [A.id, B.id, C.id]).execute();
  for (const e of [A, B, C, D]) await runObligationsDay(t.db, t.clock.now, { notify: false, enterpriseId: e.id });
  const occurrence = async (e: FreshEnterprise) => t.db.selectFrom('obligation_occurrences').select('id')
    .where('enterprise_id', '=', e.id).where('definition_key', '=', 'risk.annual_report').where('period_key', '=', '2026').executeTakeFirst();
  assert.equal(await occurrence(D), undefined, 'no occurrence before onboarding (never retroactively)');
  // The district waives B's report (it stopped production for the year).
  const waived = await admin.post(`/api/v1/enterprises/${B.id}/obligations/${(await occurrence(B))!.id}/waive`, { reason: '全年停产整顿，经区应急局同意免报' });
  assert.equal(waived.statusCode, 200, waived.body);

  const list = async (query = '', pageSize = 50): Promise<DutyPage> => {
    const res = await officer.get(`/api/v1/risk/reports?year=2026&pageSize=${pageSize}${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.data;
  };
  const idsOf = (p: DutyPage) => p.items.map((i) => i.enterpriseId).sort();
  const row = (p: DutyPage, e: FreshEnterprise) => p.items.find((i) => i.enterpriseId === e.id)!;
  let all = await list();
  assert.equal(all.total, 4);
  assert.deepEqual([row(all, A).dutyStatus, row(all, A).status, row(all, A).dueDate], ['due', 'none', '2026-12-31']);
  assert.deepEqual([row(all, B).dutyStatus, row(all, B).waivedReason], ['waived', '全年停产整顿，经区应急局同意免报']);
  assert.deepEqual([row(all, D).dutyStatus, row(all, D).dueDate], ['none', null]);
  assert.deepEqual(all.counts, { enterprises: 4, none: 4, draft: 0, confirmed: 0, submitted: 0, onTime: 0, late: 0, notSubmitted: 2 });
  assert.deepEqual(all.duty, { owed: 2, submitted: 0, onTime: 0, late: 0, notSubmitted: 2, overdue: 0, waived: 1, notOwed: 1 });
  assert.deepEqual(idsOf(await list('&status=notSubmitted')), [A.id, C.id].sort());
  assert.deepEqual(idsOf(await list('&duty=notSubmitted')), [A.id, C.id].sort());
  assert.deepEqual(idsOf(await list('&status=waived')), [B.id]);
  assert.deepEqual(idsOf(await list('&status=notOwed')), [D.id]);
  assert.equal((await list('&status=notSubmitted', 1)).total, 2, 'the total is the filtered list\'s, not the page\'s');

  // 催报 reaches the open occurrences only: not the waived one, not the enterprise that owes nothing.
  const urged = await officer.post('/api/v1/risk/reports/2026/urge', {});
  assert.equal(urged.statusCode, 200, urged.body);
  assert.equal(urged.data.urged, 2);
  const urgedIds = (await t.db.selectFrom('audit_log').select('enterprise_id').where('action', '=', 'urge').where('entity_id', '=', '2026')
    .where('enterprise_id', 'in', [A.id, B.id, C.id, D.id]).execute()).map((r) => r.enterprise_id).sort();
  assert.deepEqual(urgedIds, [A.id, C.id].sort());

  // A submission flips the enterprise to submitted (the engine fulfils in the submission's transaction): the next read shows both.
  const [safety, principal] = [await A.login('safety'), await A.login('principal')];
  const report = `/api/v1/enterprises/${A.id}/risk-reports/2026`;
  assert.equal((await safety.put(report, { narrative: '全年风险受控。', version: 0 })).statusCode, 200);
  assert.equal((await principal.post(`${report}/confirm`, { version: 1 })).statusCode, 200);
  assert.equal((await safety.post(`${report}/submit`, { version: 2 })).statusCode, 200);
  all = await list();
  assert.deepEqual([row(all, A).status, row(all, A).dutyStatus, row(all, A).onTime, row(all, A).fulfilledAt !== null], ['submitted', 'fulfilled', true, true]);
  assert.deepEqual([all.duty.submitted, all.duty.notSubmitted, all.counts.submitted, all.counts.notSubmitted], [1, 1, 1, 1]);

  // After 31 December (local) the one left is overdue; submitting then is late.
  t.clock.now = new Date('2027-01-02T02:00:00Z');
  all = await list();
  assert.equal(row(all, C).dutyStatus, 'overdue');
  assert.deepEqual(idsOf(await list('&status=overdue')), [C.id]);
  const [cSafety, cPrincipal] = [await C.login('safety'), await C.login('principal')];
  const cReport = `/api/v1/enterprises/${C.id}/risk-reports/2026`;
  assert.equal((await cSafety.put(cReport, { narrative: '补报。', version: 0 })).statusCode, 200);
  assert.equal((await cPrincipal.post(`${cReport}/confirm`, { version: 1 })).statusCode, 200);
  assert.equal((await cSafety.post(`${cReport}/submit`, { version: 2 })).statusCode, 200);
  all = await list();
  assert.deepEqual([row(all, C).dutyStatus, row(all, C).onTime], ['late_fulfilled', false]);
  assert.deepEqual(idsOf(await list('&status=late')), [C.id]);
  assert.deepEqual(all.duty, { owed: 2, submitted: 2, onTime: 1, late: 1, notSubmitted: 0, overdue: 0, waived: 1, notOwed: 1 });

  // Scope: another subdistrict's officer does not see these enterprises, nor this officer 关上街道's.
  const guanshang = await as('guanshang');
  const theirs = (await guanshang.get(`/api/v1/risk/reports?year=2026&pageSize=200&q=${encodeURIComponent('履职')}`)).data as DutyPage;
  assert.equal(theirs.total, 0);
  assert.equal((await list(`&subdistrictId=${ids.ownEnterprise.subdistrict_id}`)).total, 0);
  assert.ok(!(await guanshang.get('/api/v1/risk/reports?year=2026&pageSize=200')).data.items.some((i: DutyRow) => [A.id, B.id, C.id, D.id].includes(i.enterpriseId)));
});
