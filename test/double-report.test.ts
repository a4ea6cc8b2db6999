import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rate } from '../src/modules/hazards/stats/hazard-stats.rules';
import { runObligationsDay } from '../src/modules/obligations';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { allNotifications, createTestPlatform, demoIds, type Client, drainOutbox, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
let safety: Client;
let principal: Client;
let worker: Client;
const H: Record<string, string> = {};
type Figures = { found: number; foundMajor: number; fixed: number; fixedOnTime: number; voided: number; openAtEnd: number; overdueAtEnd: number; majorOpenAtEnd: number;
  byClass: { key: string; count: number }[]; rectificationRate: { numerator: number; denominator: number }; onTimeRate: { numerator: number; denominator: number } };
/** The demo's own hazards (dated relative to today) before the scenario: the figures below are counted on top of them. */
const base = {} as { month: Figures; q3: Figures; q4: Figures };

function png(seed: number): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed])]);
}
async function photo(c: Client, seed: number): Promise<string[]> {
  const boundary = '----sd' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png(seed), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await c.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids;
}
const own = (p = '') => `/api/v1/enterprises/${ids.ownEnterprise.id}/hazards${p}`;
const report = (p: string, enterpriseId = ids.ownEnterprise.id) => `/api/v1/enterprises/${enterpriseId}/hazard-reports${p}`;
const at = (iso: string) => { t.clock.now = new Date(iso); };
async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, status = 200) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.data;
}

// The clock stays before today's real date: ticks run the session cleanup on the clock, sessions expire in real time.
/**
 * September 2026 in the demo chemical enterprise: A closed on time, B closed late, C voided, D rectifying and overdue
 * at the month's end, E major and still open; F is reported in October.
 */
before(async () => {
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  [safety, principal, worker] = await Promise.all([t.login('safety'), t.login('principal'), t.login('worker')]);
  const leader = await t.login('leader');
  const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
  at('2026-10-03T02:00:00Z');
  for (const [k, p] of [['month', '/month/2026-09'], ['q3', '/quarter/2026-Q3'], ['q4', '/quarter/2026-Q4']] as const) base[k] = (await ok(principal.get(report(p)))).data.hazards;
  at('2026-09-02T02:00:00Z');
  for (const [k, title] of [['A', '消防栓被遮挡'], ['B', '配电柜未接地'], ['C', '重复上报'], ['D', '防护罩缺失']] as const) {
    H[k] = (await ok(worker.post(own(), { title }), 201)).id;
  }
  await ok(safety.post(own(`/${H.C}/void`), { reason: '与 A 重复' }));
  for (const k of ['A', 'B', 'D']) {
    await ok(safety.post(own(`/${H[k]}/confirm`), { level: 'general', hazardClass: k === 'D' ? 'behaviour' : 'thing' }));
    await ok(safety.post(own(`/${H[k]}/assign`), { rectifierId: leaderId, measures: '整改', deadline: '2026-09-10' }));
  }
  H.E = (await ok(safety.post(own(), { title: '重大危险源监控失效', level: 'major', majorCriterion: '重大危险源监控系统失效' }), 201)).id;
  at('2026-09-08T02:00:00Z');
  await ok(leader.post(own(`/${H.A}/submit`), { note: '已清理', photoIds: await photo(leader, 1) }));
  await ok(safety.post(own(`/${H.A}/accept`), { note: '合格' }));
  at('2026-09-20T02:00:00Z');
  await ok(leader.post(own(`/${H.B}/submit`), { note: '已接地', photoIds: await photo(leader, 2) }));
  await ok(safety.post(own(`/${H.B}/accept`), { note: '合格' }));
  at('2026-10-03T02:00:00Z');
  H.F = (await ok(worker.post(own(), { title: '楼梯扶手松动' }), 201)).id;
});
after(async () => { await t.close(); });

test('R-HAZ-5 a draft is generated from the records: risk control status and the month\'s hazards', async () => {
  const r = await ok(principal.get(report('/month/2026-09')));
  assert.equal(r.status, 'draft');
  assert.equal(r.live, true);
  assert.deepEqual(r.data.period, { type: 'month', key: '2026-09', firstDay: '2026-09-01', lastDay: '2026-09-30' });
  assert.equal(r.data.asOf, '2026-09-30');
  const h = r.data.hazards;
  const b = base.month;
  const figures = (x: Figures) => [x.found, x.foundMajor, x.fixed, x.fixedOnTime, x.voided, x.openAtEnd, x.overdueAtEnd, x.majorOpenAtEnd];
  assert.deepEqual(figures(h).map((n, i) => n - figures(b)[i]!), [4, 1, 2, 1, 1, 2, 1, 1]);
  assert.deepEqual(h.rectificationRate, rate(b.rectificationRate.numerator + 2, b.rectificationRate.denominator + 3));
  assert.deepEqual(h.onTimeRate, rate(b.onTimeRate.numerator + 1, b.onTimeRate.denominator + 2));
  const byClass = new Map(b.byClass.map((x) => [x.key, x.count]));
  assert.deepEqual(h.byClass.map((x: { key: string; count: number }) => [x.key, x.count - byClass.get(x.key)!]), [['thing', 2], ['behaviour', 1], ['management', 0], ['unclassified', 1]]);
  // The risk part is the ledger's own summary.
  const risk = await ok(principal.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-summary`));
  assert.equal(r.data.risk.total, risk.total);
  assert.deepEqual(r.data.risk.byGrade, risk.byGrade);
  assert.equal(r.abilities.canConfirm, true);
  assert.equal((await ok(safety.get(report('/month/2026-09')))).abilities.canConfirm, false, 'the principal signs, not the safety manager');
  // A quarter and a year are the same figures over a longer window.
  const q = await ok(principal.get(report('/quarter/2026-Q3')));
  assert.equal(q.data.hazards.found - base.q3.found, 4, 'July to September: F of October is not in it');
  assert.equal(q.data.period.firstDay, '2026-07-01');
  assert.equal((await ok(principal.get(report('/quarter/2026-Q4')))).data.hazards.found - base.q4.found, 1, 'F, while the quarter runs');
  assert.equal((await ok(principal.get(report('/year/2026')))).data.period.lastDay, '2026-12-31');
});

test('R-HAZ-5 lifecycle: confirmed by the principal, submitted, locked; later changes do not alter it; further writes 409', async () => {
  const running = await principal.post(report('/month/2026-10/confirm'));
  assert.equal(running.statusCode, 409);
  assert.equal(running.data.error.code, 'STATE');
  assert.equal(running.data.error.reason, 'PERIOD_OPEN');
  assert.equal((await safety.post(report('/month/2026-09/confirm'))).statusCode, 403);
  const early = await safety.post(report('/month/2026-09/submit'));
  assert.equal(early.statusCode, 409);
  assert.equal(early.data.error.reason, 'REPORT_NOT_CONFIRMED');

  const confirmed = await ok(principal.post(report('/month/2026-09/confirm')));
  assert.equal(confirmed.status, 'confirmed');
  assert.equal(confirmed.live, false);
  assert.equal(confirmed.confirmedBy.name, '精细化工 主要负责人');
  assert.equal(confirmed.abilities.canSubmit, true);
  assert.equal((await ok(worker.get(report('/month/2026-09')))).abilities.canSubmit, false, 'an employee reads, does not submit');
  assert.equal((await worker.post(report('/month/2026-09/submit'))).statusCode, 403);
  assert.equal((await principal.post(report('/month/2026-09/confirm'))).statusCode, 409);

  // A hazard of September reported late: the signed figures stay as they were.
  at('2026-09-25T02:00:00Z');
  await ok(worker.post(own(), { title: '补报：叉车灯损坏' }), 201);
  at('2026-10-05T02:00:00Z');
  assert.equal((await ok(principal.get(report('/month/2026-09')))).data.hazards.found, base.month.found + 4);

  const submitted = await ok(safety.post(report('/month/2026-09/submit')));
  assert.equal(submitted.status, 'submitted');
  assert.equal(submitted.submittedBy.name, '精细化工 安全管理员');
  assert.equal(submitted.data.hazards.found, base.month.found + 4);
  for (const p of ['/month/2026-09/confirm', '/month/2026-09/submit']) {
    const again = await (p.endsWith('confirm') ? principal : safety).post(report(p));
    assert.equal(again.statusCode, 409);
    assert.equal(again.data.error.code, 'STATE');
    assert.equal(again.data.error.reason, 'REPORT_SUBMITTED');
  }
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', `${ids.ownEnterprise.id}:month:2026-09`).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['hazard.report.confirm', 'hazard.report.submit']);

  // The subdistrict is told; the workers' congress view lists it for every employee.
  await t.platform.jobs.tick();
  await drainOutbox(t);
  const guanshang = await t.login('guanshang');
  // Duty escalations (the obligations engine) and the demo's accident and filing notices reach the officer too: read
  // every page.
  assert.ok((await allNotifications(guanshang)).some((n) => n.title.includes('报送隐患排查治理报告')), 'the subdistrict officer is told of the submitted report');
  const congress = await ok(worker.get(report('')));
  assert.deepEqual(congress.items.map((i: { periodType: string; periodKey: string; found: number; fixed: number }) => [i.periodType, i.periodKey, i.found, i.fixed]), [['month', '2026-09', base.month.found + 4, base.month.fixed + 2]]);
  const read = await ok(worker.get(report('/month/2026-09')));
  assert.equal(read.status, 'submitted');
  assert.deepEqual([read.abilities.canConfirm, read.abilities.canSubmit], [false, false]);
});

test('R-HAZ-5 regulators see who in scope has and has not submitted; scope 404 for another enterprise', async () => {
  const guanshang = await t.login('guanshang');
  const list = await ok(guanshang.get('/api/v1/hazard-reports?periodType=month&periodKey=2026-09&pageSize=50'));
  const inSub = ids.ents.filter((e) => e.subdistrict_id === ids.ownEnterprise.subdistrict_id);
  assert.equal(list.total, inSub.length);
  assert.deepEqual(list.counts, { total: inSub.length, draft: inSub.length - 1, confirmed: 0, submitted: 1 });
  assert.equal(list.items.find((i: { enterpriseId: string }) => i.enterpriseId === ids.ownEnterprise.id).status, 'submitted');
  // Issue 11 §1: the obligations engine took the double reports over from November 2026 (its effective date): for
  // September nobody owes the duty through it, so nobody is listed as missing; the reports' own stages stay as they are.
  assert.ok(list.items.every((i: { dutyStatus: string; dueDate: string | null }) => i.dutyStatus === 'none' && i.dueDate === null));
  assert.deepEqual([list.duty.notOwed, list.duty.notSubmitted], [inSub.length, 0]);
  assert.ok(list.items.every((i: { subdistrictName: string }) => i.subdistrictName === '关上街道'));
  const missing = await ok(guanshang.get('/api/v1/hazard-reports?periodType=month&periodKey=2026-09&status=draft'));
  assert.ok(!missing.items.some((i: { enterpriseId: string }) => i.enterpriseId === ids.ownEnterprise.id));
  // Without a period: the last month that has ended (clock: October 2026 → September).
  assert.equal((await ok(guanshang.get('/api/v1/hazard-reports'))).periodKey, '2026-09');
  const zjj = await ok((await t.login('zjj')).get('/api/v1/hazard-reports?periodType=month&periodKey=2026-09&pageSize=50'));
  assert.ok(!zjj.items.some((i: { enterpriseId: string }) => i.enterpriseId === ids.ownEnterprise.id), '住建局 does not see the chemical enterprise');

  assert.equal((await guanshang.get(report('/month/2026-09', ids.foreign.id))).statusCode, 404);
  assert.equal((await safety.get(report('/month/2026-09', ids.foreign.id))).statusCode, 404);
  assert.equal((await principal.post(report('/month/2026-09/confirm', ids.foreign.id))).statusCode, 404);
  assert.equal((await worker.get(report('', ids.foreign.id))).statusCode, 404);
  assert.equal((await safety.get('/api/v1/hazard-reports')).statusCode, 403);
});

test('R-HAZ-5 period keys: month 2026-09, quarter 2026-Q3, year 2026; a period not begun has no report', async () => {
  for (const p of ['/month/2026-13', '/month/2026-1', '/quarter/2026-Q5', '/year/26', '/week/2026-01']) {
    assert.equal((await principal.get(report(p))).statusCode, 400, p);
  }
  const future = await principal.get(report('/year/2027'));
  assert.equal(future.statusCode, 400);
  assert.match(future.data.error.issues[0].message, /尚未开始/);
});

// ---- issue 11 §1: the regulators' list and 催报 read the obligations engine (R-HAZ-5, `hazard.double.month`) ----

type DutyRow = { enterpriseId: string; status: string; dutyStatus: string; dueDate: string | null; fulfilledAt: string | null; waivedReason: string | null };
type DutyPage = { items: DutyRow[]; total: number; counts: Record<string, number>; duty: Record<string, number> };

test('R-HAZ-5 (issue 11 §1): who owes November\'s report is the engine\'s — waived and joined-later are not missing nor urged; overdue after the grace days; a submission flips it', async () => {
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/subdistricts', { code: 'D12', name: '双报告履职测试街道' });
  assert.equal(created.statusCode, 201, created.body);
  const subdistrictId = created.data.id as string;
  const user = await admin.post('/api/v1/users', { username: 'doublestreet', displayName: '双报告街道干部', role: 'subdistrict_officer', subdistrictId });
  assert.equal(user.statusCode, 201, user.body);
  const officer = await t.login('doublestreet', user.data.oneTimeCode);
  await officer.post('/api/v1/auth/password', { currentPassword: user.data.oneTimeCode, newPassword: 'Kunming#Safe2026x' });
  at('2026-12-05T02:00:00Z');
  const ents: FreshEnterprise[] = [];
  for (const name of ['双报甲化工有限公司', '双报乙化工有限公司', '双报丙化工有限公司', '双报丁化工有限公司']) ents.push(await makeEnterprise(t, { subdistrictId, name }));
  const [A, B, C, D] = ents as [FreshEnterprise, FreshEnterprise, FreshEnterprise, FreshEnterprise];
  // A, B and C joined in June and owe November's report (opened by the daily job in November); D joined in December.
  await t.db.updateTable('enterprises').set({ onboarded_on: '2026-06-01' }).where('id', 'in', [A.id, B.id, C.id]).execute();
  for (const e of ents) await runObligationsDay(t.db, new Date('2026-11-02T02:00:00Z'), { notify: false, enterpriseId: e.id });
  const occurrence = async (e: FreshEnterprise) => t.db.selectFrom('obligation_occurrences').select(['id', 'due_on'])
    .where('enterprise_id', '=', e.id).where('definition_key', '=', 'hazard.double.month').where('period_key', '=', '2026-11').executeTakeFirst();
  assert.equal(await occurrence(D), undefined);
  assert.equal((await occurrence(A))!.due_on, '2026-12-10', 'ten grace days after the month [cfg]');
  const waived = await admin.post(`/api/v1/enterprises/${B.id}/obligations/${(await occurrence(B))!.id}/waive`, { reason: '11月停产检修，无生产活动' });
  assert.equal(waived.statusCode, 200, waived.body);

  const list = async (query = '', pageSize = 50): Promise<DutyPage> => ok(officer.get(`/api/v1/hazard-reports?periodType=month&periodKey=2026-11&pageSize=${pageSize}${query}`));
  const idsOf = (p: DutyPage) => p.items.map((i) => i.enterpriseId).sort();
  const row = (p: DutyPage, e: FreshEnterprise) => p.items.find((i) => i.enterpriseId === e.id)!;
  let all = await list();
  assert.equal(all.total, 4);
  assert.deepEqual([row(all, A).dutyStatus, row(all, A).status, row(all, A).dueDate], ['due', 'draft', '2026-12-10']);
  assert.deepEqual([row(all, B).dutyStatus, row(all, B).waivedReason], ['waived', '11月停产检修，无生产活动']);
  assert.equal(row(all, D).dutyStatus, 'none');
  assert.deepEqual(all.counts, { total: 4, draft: 4, confirmed: 0, submitted: 0 });
  assert.deepEqual(all.duty, { owed: 2, submitted: 0, onTime: 0, late: 0, notSubmitted: 2, overdue: 0, waived: 1, notOwed: 1 });
  assert.deepEqual(idsOf(await list('&duty=notSubmitted')), [A.id, C.id].sort());
  assert.deepEqual(idsOf(await list('&duty=waived')), [B.id]);
  assert.deepEqual(idsOf(await list('&duty=notOwed')), [D.id]);
  assert.deepEqual((await list('&duty=notSubmitted&status=draft', 1)).total, 2);

  // 催报: only the open occurrences.
  const urged = await ok(officer.post('/api/v1/hazard-reports/urge', { periodType: 'month', periodKey: '2026-11' }));
  assert.equal(urged.urged, 2);
  const urgedIds = (await t.db.selectFrom('audit_log').select('enterprise_id').where('action', '=', 'urge').where('entity_id', '=', 'month:2026-11')
    .where('enterprise_id', 'in', ents.map((e) => e.id)).execute()).map((r) => r.enterprise_id).sort();
  assert.deepEqual(urgedIds, [A.id, C.id].sort());

  // A submits: the engine is fulfilled in the same transaction, and the list shows the report and the duty together.
  const path = `/api/v1/enterprises/${A.id}/hazard-reports/month/2026-11`;
  await ok((await A.login('principal')).post(`${path}/confirm`));
  await ok((await A.login('safety')).post(`${path}/submit`));
  all = await list();
  assert.deepEqual([row(all, A).status, row(all, A).dutyStatus, row(all, A).fulfilledAt !== null], ['submitted', 'fulfilled', true]);
  assert.deepEqual([all.duty.submitted, all.duty.notSubmitted, all.counts.submitted], [1, 1, 1]);

  // Past the grace days C is overdue.
  at('2026-12-12T02:00:00Z');
  all = await list();
  assert.equal(row(all, C).dutyStatus, 'overdue');
  assert.deepEqual(idsOf(await list('&duty=overdue')), [C.id]);

  // Scope: 关上街道 does not see these enterprises, nor this officer 关上街道's.
  const guanshang = await t.login('guanshang');
  const theirs: DutyPage = await ok(guanshang.get(`/api/v1/hazard-reports?periodType=month&periodKey=2026-11&pageSize=200&q=${encodeURIComponent('双报')}`));
  assert.equal(theirs.total, 0);
  assert.equal((await list(`&subdistrictId=${ids.ownEnterprise.subdistrict_id}`)).total, 0);
  const theirUrge = await guanshang.post('/api/v1/hazard-reports/urge', { periodType: 'month', periodKey: '2026-11' });
  assert.ok(theirUrge.statusCode === 200 || theirUrge.data.error.reason === 'NOTHING_TO_URGE', theirUrge.body);
  assert.equal((await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'urge').where('enterprise_id', 'in', ents.map((e) => e.id)).execute()).length, 2,
    'another subdistrict\'s 催报 reaches none of them');
});
