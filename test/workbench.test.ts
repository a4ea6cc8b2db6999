import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runObligationsDay } from '../src/modules/obligations';
import { addLocalDays, localDay, localInstant } from '../src/platform/time';
import { makeEnterprise, makeHazard } from './factories';
import { createTestPlatform, type Client, drainOutbox, type TestPlatform } from './helpers';

/**
 * Issue 10 §1: the to-do workbench on every home page. Each item is a count that opens a filtered list; the count is
 * the list's total. The clock is set (time is an input): a Tuesday in the middle of a month, not December.
 */
let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = localInstant(2026, 9, 13, 10); // 13 October 2026, 10:00 China time
});
after(async () => { await t.close(); });

type Item = { key: string; label: string; count: number; to: string; tone: string; detail: string | null; urge: { path: string; body: Record<string, unknown>; urgedAt: string | null } | null };
async function workbench(c: Client, lang?: string): Promise<Map<string, Item>> {
  const res = await c.get('/api/v1/workbench', lang ? { 'accept-language': lang } : {});
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.incomplete, false);
  return new Map((res.data.items as Item[]).map((i) => [i.key, i]));
}
const count = (m: Map<string, Item>, key: string) => {
  assert.ok(m.has(key), `workbench has ${key}: ${[...m.keys()].join(', ')}`);
  return m.get(key)!.count;
};

test('a fresh enterprise: each person sees the work that waits on them, in numbers that are the totals of the lists they open', async () => {
  const ent = await makeEnterprise(t);
  await makeHazard(t, ent, { status: 'reported' });
  await makeHazard(t, ent, { status: 'reported', unitId: ent.units.team2 });
  await makeHazard(t, ent, { status: 'submitted' });
  const late = await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 1 });
  await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 20 });
  await makeHazard(t, ent, { status: 'closed' });
  const safety = await ent.login('safety');
  const leader = await ent.login('leader');
  const worker = await ent.login('worker');

  // Three days on: the hazard due tomorrow is overdue; the one due in 20 days is not yet "due soon" (3 days by default).
  t.clock.now = new Date(t.clock.now.getTime() + 3 * 86_400_000);
  const ext = await leader.post(`/api/v1/enterprises/${ent.id}/hazards/${(await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 2 })).id}/extensions`,
    { newDeadline: addLocalDays(localDay(t.clock.now), 10), reason: '备件未到货' });
  assert.equal(ext.statusCode, 200, ext.body);

  const m = await workbench(safety);
  assert.equal(count(m, 'hazard.toConfirm'), 2);
  assert.equal(count(m, 'hazard.toAccept'), 1);
  assert.equal(count(m, 'hazard.overdue'), 1);
  assert.equal(count(m, 'hazard.extensions'), 1);
  assert.equal(count(m, 'hazard.majorOpen'), 0);
  assert.equal(count(m, 'check.missed'), 0);
  // The last ended month, quarter and year have no submitted double report.
  assert.equal(count(m, 'hazard.reportsToSign'), 3);
  assert.equal(m.get('hazard.overdue')!.tone, 'danger');
  assert.equal(m.get('hazard.toConfirm')!.label, '待确认的隐患');
  assert.equal(m.get('hazard.toConfirm')!.to, '/hazards?tab=reported');
  // Not a regulator: nothing to urge, and no regulator items; not December: no annual-report item.
  assert.ok(!m.has('hazard.reportsMissing') && !m.has('risk.annualReport'));
  assert.ok([...m.values()].every((i) => i.urge === null));

  // Each count is the total of the ledger list it opens (the same filters through the list endpoint).
  const total = async (c: Client, q: string) => {
    const res = await c.get(`/api/v1/enterprises/${ent.id}/hazards?${q}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.data.total as number;
  };
  assert.equal(await total(safety, 'status=reported'), 2);
  assert.equal(await total(safety, 'status=submitted'), 1);
  assert.equal(await total(safety, 'overdue=true'), 1);
  assert.equal(await total(safety, 'extensionPending=true'), 1);

  // The unit leader leads workshop one: the hazard reported in workshop two is not his to confirm; two are his to rectify.
  const l = await workbench(leader);
  assert.equal(count(l, 'hazard.toConfirm'), 1);
  assert.equal(count(l, 'hazard.assigned'), 3);
  assert.equal(await total(leader, 'assignedToMe=true'), 3);
  // Due within the 3 reminder days: the one due in 2 days (its extension is still undecided); not the one in 20.
  assert.equal(count(l, 'hazard.dueSoon'), 1);
  assert.equal(await total(leader, 'dueSoon=true'), 1);
  assert.equal(count(l, 'hazard.overdue'), 1);
  assert.ok(!l.has('hazard.reportsToSign') && !l.has('hazard.toAccept'));

  // The worker reported all seven: he sees them and how many are still open (six), and has nothing to rectify.
  const w = await workbench(worker);
  assert.equal(count(w, 'hazard.myReports'), 7);
  assert.equal(w.get('hazard.myReports')!.detail, '其中 6 条处理中');
  assert.equal(await total(worker, 'reportedByMe=true'), 7);
  assert.equal(count(w, 'hazard.assigned'), 0);
  assert.ok(!w.has('hazard.toConfirm') && !w.has('risk.overdue'));

  // In English the labels are English.
  const en = await workbench(worker, 'en-US');
  assert.equal(en.get('hazard.myReports')!.label, 'Hazards I reported');
  assert.equal(en.get('hazard.myReports')!.detail, '6 still in progress');
  assert.ok(late.id);
});

test('due soon: a rectification whose deadline is within the reminder days counts, and so does its list', async () => {
  const ent = await makeEnterprise(t);
  await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 2 });
  await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 9 });
  const leader = await ent.login('leader');
  const l = await workbench(leader);
  assert.equal(count(l, 'hazard.dueSoon'), 1);
  const list = await leader.get(`/api/v1/enterprises/${ent.id}/hazards?dueSoon=true`);
  assert.equal(list.data.total, 1);
});

test('a subdistrict officer sees overdue and major hazards across his enterprises and urges the ones without last month\'s report, once a day', async () => {
  // R-HAZ-5 on the obligations engine (from November 2026): on 3 December, November's double report is owed by every
  // enterprise onboarded before November, and the engine (not the report table) says who has not sent it.
  t.clock.now = localInstant(2026, 11, 3, 10);
  const officer = await t.login('guanshang');
  const sub = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  const before = await workbench(officer);
  const ent = await makeEnterprise(t, { subdistrictId: sub.subdistrict_id!, onboardedOn: '2026-06-01' });
  await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 1 });
  t.clock.now = new Date(t.clock.now.getTime() + 2 * 86_400_000);
  const m = await workbench(officer);
  // Overdue counts are relative to the clock: compare with the cross-enterprise list's total, which the item opens.
  const overdue = await officer.get('/api/v1/hazards?overdue=true&pageSize=1');
  assert.equal(overdue.statusCode, 200, overdue.body);
  assert.equal(count(m, 'hazard.regulatorOverdue'), overdue.data.total);
  assert.ok(count(m, 'hazard.regulatorOverdue') >= 1);
  const missing = m.get('hazard.reportsMissing')!;
  assert.equal(missing.count, count(before, 'hazard.reportsMissing') + 1, 'the new enterprise has not reported');
  assert.ok(missing.urge, 'there is someone to urge');
  assert.equal(missing.urge.urgedAt, null);

  const urged = await officer.post(`/api/v1${missing.urge.path}`, missing.urge.body);
  assert.equal(urged.statusCode, 200, urged.body);
  assert.equal(urged.data.urged, missing.count);
  assert.ok(urged.data.notified >= 2, 'the principal and the safety manager of each');
  // Recorded in the enterprise's audit chain, and the new enterprise's principal hears of it.
  const audit = await t.db.selectFrom('audit_log').select(['entity_id']).where('action', '=', 'urge').where('enterprise_id', '=', ent.id).execute();
  assert.equal(audit.length, 1);
  await drainOutbox(t);
  const principal = await ent.login('principal');
  const bell = await principal.get('/api/v1/notifications?pageSize=100');
  assert.ok(bell.data.items.some((n: { title: string; body: string }) => n.title.includes('双报告') && n.body.includes('关上街道')), bell.body);
  // The workbench says when it was urged today (the screen offers no second urge until tomorrow)…
  assert.ok((await workbench(officer)).get('hazard.reportsMissing')!.urge!.urgedAt);
  // …and again the same day is refused with a reason code and a message people read.
  const again = await officer.post(`/api/v1${missing.urge.path}`, missing.urge.body);
  assert.equal(again.statusCode, 409);
  assert.equal(again.data.error.reason, 'ALREADY_URGED');
  assert.equal(again.data.error.message, '今天已催报过，明天可再次催报');
  // An enterprise manager cannot urge.
  const safety = await ent.login('safety');
  assert.equal((await safety.post(`/api/v1${missing.urge.path}`, missing.urge.body)).statusCode, 403);
});

test('in December, the enterprise sees its annual risk report due and the regulator the enterprises that have not sent it, and can urge them', async () => {
  t.clock.now = localInstant(2026, 11, 10, 9);
  // Who owes 2026's report is the engine's: the world of this test says the district joined in 2024 and the daily job
  // ran on 1 December 2026, whatever day the demo was loaded (1 January 2027 too).
  await t.db.updateTable('enterprises').set({ onboarded_on: '2024-01-01' }).execute();
  await runObligationsDay(t.db, localInstant(2026, 11, 1, 9), { notify: false });
  const officer = await t.login('yjj');
  const ent = await makeEnterprise(t, { onboardedOn: '2024-01-01' });
  const safety = await ent.login('safety');
  const e = await workbench(safety);
  assert.equal(count(e, 'risk.annualReport'), 1);
  assert.equal(e.get('risk.annualReport')!.to, '/risk/report?year=2026');
  const m = await workbench(officer);
  const item = m.get('risk.annualMissing')!;
  const list = await officer.get('/api/v1/risk/reports?year=2026&status=notSubmitted&pageSize=1');
  assert.equal(item.count, list.data.total);
  assert.equal(item.urge?.path, '/risk/reports/2026/urge');
  const urged = await officer.post(`/api/v1${item.urge!.path}`, item.urge!.body);
  assert.equal(urged.statusCode, 200, urged.body);
  assert.equal(urged.data.urged, item.count);
  // A year that has not begun cannot be urged.
  assert.equal((await officer.post('/api/v1/risk/reports/2027/urge', {})).statusCode, 400);
  // Outside December, neither appears.
  t.clock.now = localInstant(2026, 10, 10, 9);
  assert.ok(!(await workbench(safety)).has('risk.annualReport'));
  assert.ok(!(await workbench(officer)).has('risk.annualMissing'));
});

test('an insurer follows the hazards it reported: the workbench counts them and 我上报的 lists them with their state, and nobody else\'s', async () => {
  const ent = await makeEnterprise(t);
  const insurer = await t.login('insurer');
  const before = await workbench(insurer);
  assert.deepEqual([...before.keys()], ['hazard.myReports']);
  // The demo insurer sees the enterprises of its policies in force (issue 12 §4): it reports to one of them.
  const served = await t.db.selectFrom('liability_policies as p').innerJoin('users as u', 'u.institution_id', 'p.institution_id')
    .select('p.enterprise_id').where('u.username', '=', 'insurer').where('p.in_force', '=', true).executeTakeFirstOrThrow();
  const res = await insurer.post(`/api/v1/enterprises/${served.enterprise_id}/hazards`, { title: '消防通道堆放杂物', location: '二号仓库' });
  assert.equal(res.statusCode, 201, res.body);
  await makeHazard(t, ent, { status: 'reported' });
  const after = await workbench(insurer);
  assert.equal(count(after, 'hazard.myReports'), count(before, 'hazard.myReports') + 1);
  assert.equal(after.get('hazard.myReports')!.to, '/my-reports');
  const list = await insurer.get('/api/v1/hazards/reported-by-me?pageSize=100');
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.data.total, count(after, 'hazard.myReports'));
  const mine = list.data.items.find((h: { id: string }) => h.id === res.data.id);
  assert.equal(mine.status, 'reported');
  assert.equal(mine.title, '消防通道堆放杂物');
  assert.ok(mine.enterpriseName);
  // The factory's worker reported the other one: the insurer's list does not hold it, and the worker's holds only his.
  const worker = await ent.login('worker');
  const his = await worker.get('/api/v1/hazards/reported-by-me');
  assert.equal(his.data.total, 1);
  assert.ok(!list.data.items.some((h: { enterpriseId: string }) => h.enterpriseId === ent.id));
  assert.equal((await t.anonymous().get('/api/v1/workbench')).statusCode, 401);
});
