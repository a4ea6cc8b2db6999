import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { enterpriseOwes } from '../src/modules/obligations';
import { emergencyRequirementsOf } from '../src/modules/emergency/emergency.profile';
import { runDrillsDay } from '../src/modules/emergency/drills/drills.jobs';
import { DRILL_DUTY } from '../src/modules/emergency/drills/drills.obligations';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { seedDemoDrills } from '../src/seed/demo-drills';
import { INDUSTRIES } from '../src/seed/reference-data';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, onDemoDay, type Res, type TestPlatform } from './helpers';
import { localYear } from '../src/platform/time';

/**
 * Issue 14 §3, R-EMG-2: drills. The drill plan from the frequency rules (the yearly comprehensive/special drill, the
 * half-yearly reported drill of the sectors, each issued on-site plan's half-year), drill records that fulfil them in
 * their own transaction (the principal's "ten ones" drill only when the principal organised it), evaluation with
 * follow-up actions tracked to closure, reporting to the regulators, voiding that reverts.
 */

let t: TestPlatform;
let ent: FreshEnterprise;
let plain: FreshEnterprise;
type Who = keyof FreshEnterprise['users'];
const emp = {} as Record<Who, string>;

async function employeesOf(e: FreshEnterprise): Promise<Record<Who, string>> {
  const out = {} as Record<Who, string>;
  for (const who of Object.keys(e.users) as Who[]) {
    out[who] = (await t.db.selectFrom('users').select('employee_id').where('id', '=', e.users[who].id).executeTakeFirstOrThrow()).employee_id!;
  }
  return out;
}

async function makePlan(enterpriseId: string, kind: 'comprehensive' | 'special' | 'onsite', status = 'issued', title = `预案${Math.random().toString(36).slice(2, 6)}`): Promise<string> {
  const row = await t.db.insertInto('emergency_plans').values({
    enterprise_id: enterpriseId, kind, title, status: status as 'issued', issued_at: status === 'draft' ? null : t.clock.now, created_at: t.clock.now, updated_at: t.clock.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

let comprehensive: string;
let special: string;

before(async () => {
  t = await createTestPlatform();
  // 20 June 2026, 10:00 in Kunming: the first half-year is still running.
  t.clock.now = new Date('2026-06-20T02:00:00Z');
  const guanshang = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  ent = await makeEnterprise(t, { subdistrictId: guanshang.subdistrict_id!, onboardedOn: '2025-12-01' });
  plain = await makeEnterprise(t, { industryCode: 'machinery', onboardedOn: '2025-12-01' });
  Object.assign(emp, await employeesOf(ent));
  comprehensive = await makePlan(ent.id, 'comprehensive');
  special = await makePlan(ent.id, 'special');
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;

function drill(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    planId: comprehensive, form: 'practical', scenario: '储罐区液氨泄漏应急处置', startedAt: '2026-06-18T09:00:00+08:00', endedAt: '2026-06-18T11:00:00+08:00',
    place: '储罐区', organiserEmployeeId: emp.safety, participants: [{ employeeId: emp.leader }, { employeeId: emp.worker, signIn: 'signature' }], ...over,
  };
}

async function record(body: Record<string, unknown>, by: Who = 'safety', e = ent): Promise<Res> {
  const res = await (await e.login(by)).post(api('/drills', e.id), body);
  assert.equal(res.statusCode, 201, res.body);
  return res;
}

async function occurrence(definition: string, period: string, enterpriseId = ent.id, subject = '') {
  return t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'record_id', 'waived_reason'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', definition).where('period_key', '=', period)
    .where('subject_key', '=', subject).executeTakeFirst();
}

/** What a request may have written for an enterprise: its duty occurrences and its audit rows. */
async function writesOf(enterpriseId: string) {
  const count = async (table: 'obligation_occurrences' | 'audit_log') => Number((await t.db.selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n')).where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow()).n);
  return { occurrences: await count('obligation_occurrences'), audit: await count('audit_log') };
}

test('R-EMG-2 drill frequencies by sector: which of the three duties each enterprise owes', async () => {
  // Every industry of the reference data, plus a road carrier of hazardous goods, a crowded venue and an ordinary unit.
  const halfYear = new Set(['hazardous_chemicals', 'non_coal_mining', 'metal_smelting', 'fireworks', 'civil_explosives', 'construction', 'urban_rail', 'gas']);
  const rows: { industry: string; carrier?: boolean; crowded?: boolean; halfYear: boolean }[] = [
    ...INDUSTRIES.map((i) => ({ industry: i.code, halfYear: halfYear.has(i.code) })),
    { industry: 'road_transport', carrier: true, halfYear: true },
    { industry: 'commerce', crowded: true, halfYear: true },
    { industry: 'culture_tourism', crowded: true, halfYear: true },
    { industry: 'machinery', halfYear: false },
  ];
  const probe = await makeEnterprise(t, {});
  for (const row of rows) {
    await t.db.updateTable('enterprises').set({ industry_code: row.industry, hazardous_goods_carrier: row.carrier ?? false, crowded_venue: row.crowded ?? false })
      .where('id', '=', probe.id).execute();
    const label = JSON.stringify(row);
    assert.equal(await enterpriseOwes(t.db, probe.id, DRILL_DUTY.yearly), true, `yearly ${label}`);
    assert.equal(await enterpriseOwes(t.db, probe.id, DRILL_DUTY.halfYear), row.halfYear, `half-year ${label}`);
    // The emergency module's own [cfg] reading (who drills every half-year, who reports) agrees by default.
    const req = await emergencyRequirementsOf(t.db, probe.id);
    assert.equal(req?.halfYearlyDrills, row.halfYear, `emergency rule-set half-year ${label}`);
    assert.equal(req?.reportDrills, row.halfYear, `emergency rule-set report ${label}`);
    // Each issued on-site plan owes its half-year whatever the sector.
    assert.equal(await enterpriseOwes(t.db, probe.id, DRILL_DUTY.onsite), true, `on-site ${label}`);
  }
});

test('a drill the principal organised and recorded himself fulfils the yearly drill and his "ten ones" drill in the same transaction', async () => {
  const yearlyBefore = await occurrence(DRILL_DUTY.yearly, '2026');
  assert.ok(yearlyBefore && ['due', 'upcoming'].includes(yearlyBefore.status), JSON.stringify(yearlyBefore));
  const res = await record(drill({ organiserEmployeeId: emp.principal, planId: special }), 'principal');
  assert.equal(res.data.byPrincipal, true);
  assert.equal(res.data.status, 'recorded');
  const yearly = await occurrence(DRILL_DUTY.yearly, '2026');
  assert.equal(yearly?.status, 'fulfilled');
  assert.equal(yearly?.record_id, res.data.id);
  const ten = await occurrence('resp.ten.drill', '2026');
  assert.equal(ten?.status, 'fulfilled');
  assert.equal(ten?.record_id, res.data.id);
  // Voiding reverts both.
  const voided = await (await ent.login('safety')).post(api(`/drills/${res.data.id}/void`), { reason: '记录错误' });
  assert.equal(voided.statusCode, 200, voided.body);
  assert.notEqual((await occurrence(DRILL_DUTY.yearly, '2026'))?.status, 'fulfilled');
  assert.notEqual((await occurrence('resp.ten.drill', '2026'))?.status, 'fulfilled');
});

test('a safety manager\'s drill fulfils the yearly drill but not the principal\'s; naming the principal waits for his own confirmation', async () => {
  const own = await record(drill());
  assert.equal(own.data.byPrincipal, false);
  assert.equal((await occurrence(DRILL_DUTY.yearly, '2026'))?.record_id, own.data.id);
  assert.notEqual((await occurrence('resp.ten.drill', '2026'))?.status, 'fulfilled');

  const named = await record(drill({ organiserEmployeeId: emp.principal }));
  assert.equal(named.data.byPrincipal, false);
  assert.notEqual((await occurrence('resp.ten.drill', '2026'))?.status, 'fulfilled');
  // The safety manager cannot confirm for the principal.
  const bySafety = await (await ent.login('safety')).post(api(`/drills/${named.data.id}/confirm-principal`), {});
  assert.equal(bySafety.statusCode, 409);
  assert.equal(bySafety.data.error.reason, 'NOT_PRINCIPAL');
  // The principal finds it on his workbench and in the list waiting for him.
  const principal = await ent.login('principal');
  const bench = await principal.get('/api/v1/workbench');
  assert.equal(bench.data.items.find((i: { key: string }) => i.key === 'drill.toConfirm')?.count, 1, bench.body);
  const waiting = await principal.get(api('/drills?awaitingMe=true'));
  assert.deepEqual(waiting.data.items.map((d: { id: string }) => d.id), [named.data.id]);
  const confirmed = await principal.post(api(`/drills/${named.data.id}/confirm-principal`), { version: named.data.version });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.data.byPrincipal, true);
  const ten = await occurrence('resp.ten.drill', '2026');
  assert.equal(ten?.status, 'fulfilled');
  assert.equal(ten?.record_id, named.data.id);
  const again = await (await ent.login('principal')).post(api(`/drills/${named.data.id}/confirm-principal`), {});
  assert.equal(again.data.error.reason, 'ALREADY_CONFIRMED');
});

test('each issued on-site plan has its own half-yearly occurrence; a drill of one fulfils only its own; a withdrawn plan\'s are cancelled', async () => {
  const e = await makeEnterprise(t, { industryCode: 'machinery', onboardedOn: '2025-12-01' });
  const people = await employeesOf(e);
  const a = await makePlan(e.id, 'onsite', 'issued', '液氨泄漏现场处置方案');
  const b = await makePlan(e.id, 'onsite', 'filed', '配电室火灾现场处置方案');
  await makePlan(e.id, 'onsite', 'draft', '未发布的方案');
  // Reading the drill plan writes nothing: plans that appeared without being issued through the API (as here) show
  // their half-years as not yet opened until the daily job runs.
  const safety = await e.login('safety');
  const before = await writesOf(e.id);
  const unopened = await safety.get(api('/drill-plan', e.id));
  assert.equal(unopened.statusCode, 200, unopened.body);
  assert.deepEqual(await writesOf(e.id), before);
  assert.deepEqual(unopened.data.onsite.map((p: { planId: string }) => p.planId).sort(), [a, b].sort());
  for (const p of unopened.data.onsite) assert.deepEqual(p.periods.map((x: { status: string }) => x.status), ['none', 'none']);
  await runDrillsDay(t.db, t.clock.now);
  const plan = await safety.get(api('/drill-plan', e.id));
  for (const p of plan.data.onsite) assert.deepEqual(p.periods.map((x: { status: string }) => x.status), ['due', 'upcoming']);
  assert.equal(plan.data.halfYear.owed, false);

  await record(drill({ planId: a, organiserEmployeeId: people.safety, participants: [] }), 'safety', e);
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, a))?.status, 'fulfilled');
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, b))?.status, 'due');
  // An on-site drill is not the yearly comprehensive or special drill.
  assert.notEqual((await occurrence(DRILL_DUTY.yearly, '2026', e.id))?.status, 'fulfilled');

  await t.db.updateTable('emergency_plans').set({ status: 'withdrawn' }).where('enterprise_id', '=', e.id).where('id', '=', b).execute();
  await runDrillsDay(t.db, t.clock.now);
  const cancelled = await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, b);
  assert.equal(cancelled?.status, 'waived');
  assert.equal(cancelled?.waived_reason, 'cancelled');
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, a))?.status, 'fulfilled');
  // A plan issued today gets its half-years from the daily job; a drill of a draft plan opens nothing.
  const c = await makePlan(e.id, 'onsite', 'issued', '危化品装卸现场处置方案');
  await runDrillsDay(t.db, t.clock.now);
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, c))?.status, 'due');
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H2', e.id, c))?.status, 'upcoming');
  const draft = await makePlan(e.id, 'onsite', 'draft', '草稿方案');
  await record(drill({ planId: draft, organiserEmployeeId: people.safety, participants: [] }), 'safety', e);
  assert.equal(await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, draft), undefined);
  // The daily job never opens a per-plan duty for the enterprise as a whole.
  assert.equal(await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, ''), undefined);
});

test('issuing an on-site plan opens its half-years in the same transaction: the drill plan shows them before the daily job', async () => {
  const e = await makeEnterprise(t, { industryCode: 'machinery', onboardedOn: '2025-12-01' });
  const safety = await e.login('safety');
  const principal = await e.login('principal');
  const plans = `/api/v1/enterprises/${e.id}/emergency-plans`;
  const made = await safety.post(plans, {
    kind: 'onsite', title: '冲压机伤害现场处置方案', scope: '冲压车间机械伤害事故。', organisation: '班组长为现场负责人。',
    responseLevels: '一级响应。', procedures: '停机、断电、报告、救护。', resources: '急救箱位于车间门口。',
  });
  assert.equal(made.statusCode, 201, made.body);
  const id = made.data.id as string;
  for (const [who, path, body] of [
    [safety, 'submit', {}],
    [safety, 'review', { reviewers: [{ name: '王专家' }], reviewedOn: '2026-06-19', conclusion: 'passed', opinions: '同意' }],
    [principal, 'sign', { method: 'password', password: DEMO_PASSWORD }],
  ] as const) {
    const res = await who.post(`${plans}/${id}/${path}`, body);
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
  }
  assert.equal(await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, id), undefined);
  const issued = await safety.post(`${plans}/${id}/issue`, {});
  assert.equal(issued.statusCode, 200, issued.body);
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H1', e.id, id))?.status, 'due');
  assert.equal((await occurrence(DRILL_DUTY.onsite, '2026-H2', e.id, id))?.status, 'upcoming');
  const plan = await safety.get(api('/drill-plan', e.id));
  assert.deepEqual(plan.data.onsite.map((p: { planId: string; periods: { status: string }[] }) => [p.planId, p.periods.map((x) => x.status)]), [[id, ['due', 'upcoming']]]);
});

test('evaluation, reporting to the regulators (the sectors only) and the regulators\' list', async () => {
  const safety = await ent.login('safety');
  const res = await record(drill({ planId: special }));
  const early = await safety.post(api(`/drills/${res.data.id}/report`), {});
  assert.equal(early.statusCode, 409);
  const evaluated = await safety.post(api(`/drills/${res.data.id}/evaluate`), {
    wentWell: '响应迅速，疏散有序', problems: '应急物资柜钥匙未找到', planNeedsRevision: true,
    actions: [{ content: '应急物资柜钥匙统一存放值班室', ownerEmployeeId: emp.worker, dueOn: '2026-06-30' }],
  });
  assert.equal(evaluated.statusCode, 200, evaluated.body);
  assert.equal(evaluated.data.status, 'evaluated');
  assert.equal(evaluated.data.mustReport, true);
  assert.notEqual((await occurrence(DRILL_DUTY.halfYear, '2026-H1'))?.status, 'fulfilled');
  // R-EMG-1: the drill's findings open the plan's revision duty (the plans module's definition, subject: the plan).
  const revision = await t.db.selectFrom('obligation_occurrences').select('status').where('enterprise_id', '=', ent.id)
    .where('definition_key', '=', 'emergency.plan.revision').where('subject_key', '=', special).execute();
  assert.equal(revision.length, 1);
  const reported = await safety.post(api(`/drills/${res.data.id}/report`), { version: evaluated.data.version });
  assert.equal(reported.statusCode, 200, reported.body);
  assert.equal(reported.data.status, 'reported');
  const half = await occurrence(DRILL_DUTY.halfYear, '2026-H1');
  assert.equal(half?.status, 'fulfilled');
  assert.equal(half?.record_id, res.data.id);

  // The subdistrict sees it in its list and its detail; a department of another industry and another subdistrict's
  // enterprise's drills stay out of sight.
  const gs = await t.login('guanshang');
  const list = await gs.get('/api/v1/drills/reported');
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.data.items.some((d: { id: string }) => d.id === res.data.id));
  assert.equal((await gs.get(api(`/drills/${res.data.id}`))).statusCode, 200);
  const zjj = await t.login('zjj');
  assert.ok(!(await zjj.get('/api/v1/drills/reported')).data.items.some((d: { id: string }) => d.id === res.data.id));
  // A drill not reported is not the regulators' to see.
  const unreported = await record(drill());
  assert.equal((await gs.get(api(`/drills/${unreported.data.id}`))).statusCode, 404);

  // A unit outside the sectors evaluates but does not report.
  const people = await employeesOf(plain);
  const p = await makePlan(plain.id, 'comprehensive');
  const pd = await record(drill({ planId: p, organiserEmployeeId: people.safety, participants: [] }), 'safety', plain);
  const ps = await plain.login('safety');
  assert.equal((await ps.post(api(`/drills/${pd.data.id}/evaluate`, plain.id), { wentWell: '良好', planNeedsRevision: false })).statusCode, 200);
  const refused = await ps.post(api(`/drills/${pd.data.id}/report`, plain.id), {});
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.data.error.reason, 'NOT_REQUIRED');
});

test('follow-up actions are tracked to closure: the owner reports done, overdue shows, a manager cancels or opens a hazard', async () => {
  const safety = await ent.login('safety');
  const res = await record(drill());
  const evaluated = await safety.post(api(`/drills/${res.data.id}/evaluate`), {
    wentWell: '总体良好', problems: '两处问题', planNeedsRevision: false,
    actions: [
      { content: '补充应急照明', ownerEmployeeId: emp.worker, dueOn: '2026-06-25' },
      { content: '修订疏散路线图', ownerEmployeeId: emp.leader, dueOn: '2026-06-22' },
      { content: '消防通道堆放杂物', ownerEmployeeId: emp.leader, dueOn: '2026-06-28' },
    ],
  });
  assert.equal(evaluated.statusCode, 200, evaluated.body);
  const [light, route, blocked] = evaluated.data.actions as { id: string; abilities: { done: boolean } }[];
  // Another employee may not report someone else's action done.
  const w2 = await ent.login('worker2');
  assert.equal((await w2.post(api(`/drill-actions/${light!.id}/done`), { note: '已完成' })).statusCode, 403);
  const worker = await ent.login('worker');
  const mine = await worker.get(api('/drills?myActions=true'));
  assert.ok(mine.data.items.some((d: { id: string }) => d.id === res.data.id));
  assert.ok(mine.data.items.every((d: { openActions: number }) => d.openActions > 0));
  const done = await worker.post(api(`/drill-actions/${light!.id}/done`), { note: '已加装 4 盏应急灯' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.data.status, 'done');
  assert.equal((await worker.post(api(`/drill-actions/${light!.id}/done`), { note: '再次' })).statusCode, 409);
  // Overdue from the day after its deadline.
  t.clock.now = new Date('2026-06-23T02:00:00Z');
  try {
    const detail = await safety.get(api(`/drills/${res.data.id}`));
    const r = detail.data.actions.find((a: { id: string }) => a.id === route!.id);
    assert.equal(r.overdue, true);
    assert.equal(detail.data.overdueActions, 1);
    assert.equal((await safety.post(api(`/drill-actions/${route!.id}/cancel`), { reason: '并入年度修订' })).data.status, 'cancelled');
    const hazard = await safety.post(api(`/drill-actions/${blocked!.id}/hazard`), { location: '二车间消防通道' });
    assert.equal(hazard.statusCode, 200, hazard.body);
    assert.ok(hazard.data.hazardId);
    const h = await t.db.selectFrom('hazards').select(['id', 'enterprise_id']).where('id', '=', hazard.data.hazardId).executeTakeFirst();
    assert.equal(h?.enterprise_id, ent.id);
    assert.equal((await safety.post(api(`/drill-actions/${blocked!.id}/hazard`), {})).statusCode, 409);
  } finally {
    t.clock.now = new Date('2026-06-20T02:00:00Z');
  }
});

test('wrong roles, other enterprises and bad input', async () => {
  const worker = await ent.login('worker');
  assert.equal((await worker.post(api('/drills'), drill())).statusCode, 403);
  const res = await record(drill());
  assert.equal((await worker.get(api(`/drills/${res.data.id}`))).statusCode, 200);
  assert.equal((await worker.post(api(`/drills/${res.data.id}/void`), { reason: 'x' })).statusCode, 403);
  // Another enterprise's manager: not found.
  const other = await plain.login('safety');
  assert.equal((await other.get(api(`/drills/${res.data.id}`))).statusCode, 404);
  assert.equal((await other.get(api('/drills'))).statusCode, 404);
  assert.equal((await other.post(api(`/drills/${res.data.id}/evaluate`), { wentWell: 'x', planNeedsRevision: false })).statusCode, 404);
  // Another enterprise's plan and people are unknown here.
  const foreign = await makePlan(plain.id, 'special');
  const safety = await ent.login('safety');
  const bad = await safety.post(api('/drills'), drill({ planId: foreign, endedAt: '2026-06-18T08:00:00+08:00', organiserEmployeeId: (await employeesOf(plain)).safety }));
  assert.equal(bad.statusCode, 400, bad.body);
  const paths = (bad.data.error.issues as { path: string }[]).map((i) => i.path).sort();
  assert.deepEqual(paths, ['body.endedAt', 'body.organiserEmployeeId', 'body.planId']);
  assert.equal((await safety.post(api('/drills'), drill({ form: 'imaginary' }))).statusCode, 400);
  assert.equal((await safety.post(api('/drills'), drill({ startedAt: 'yesterday' }))).statusCode, 400);
  const evalBad = await safety.post(api(`/drills/${res.data.id}/evaluate`), {
    wentWell: '好', planNeedsRevision: false, actions: [{ content: '整改', ownerEmployeeId: emp.worker, dueOn: '2026-01-01' }],
  });
  assert.equal(evalBad.statusCode, 400);
  // An evaluation before the drill has ended is refused.
  const future = await record(drill({ startedAt: '2026-06-20T15:00:00+08:00', endedAt: '2026-06-20T17:00:00+08:00' }));
  const early = await safety.post(api(`/drills/${future.data.id}/evaluate`), { wentWell: '好', planNeedsRevision: false });
  assert.equal(early.data.error.reason, 'NOT_ENDED');
});

test('the drill list, its export and the drill plan', async () => {
  const safety = await ent.login('safety');
  const list = await safety.get(api('/drills?year=2026'));
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.data.total >= 3);
  assert.equal(list.data.canRecord, true);
  const x = await safety.get(api('/drills/export?year=2026'));
  assert.ok([200, 202].includes(x.statusCode), x.body);
  const plan = await safety.get(api('/drill-plan?year=2026'));
  assert.equal(plan.statusCode, 200, plan.body);
  assert.equal(plan.data.halfYear.owed, true);
  assert.equal(plan.data.halfYear.periods[0].status, 'fulfilled');
  assert.equal(plan.data.yearly.status, 'fulfilled');
});

test('the demo: the principal\'s yearly drill (reported), an on-site drill and a special drill with open actions', async (c) => {
  // On the demo's own day: the demo enterprise owes nothing before it was onboarded (the suite also runs on other days).
  await onDemoDay(t, c);
  const enterpriseId = (await demoIds(t.db)).ownEnterprise.id;
  // The plans module's demo seeds the plans; here, whatever it has, plus one of each kind issued.
  for (const kind of ['comprehensive', 'special', 'onsite'] as const) await makePlan(enterpriseId, kind, 'issued', `演示${kind}`);
  const { drills } = await seedDemoDrills(t.db, { enterpriseId, now: t.clock.now });
  assert.equal(drills, 3);
  const rows = await t.db.selectFrom('drills').select(['status', 'by_principal', 'plan_kind']).where('enterprise_id', '=', enterpriseId).execute();
  assert.ok(rows.some((r) => r.by_principal && r.status === 'reported'), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.plan_kind === 'onsite'));
  assert.equal((await occurrence('resp.ten.drill', String(localYear(t.clock.now)), enterpriseId))?.status, 'fulfilled');
  const open = await t.db.selectFrom('drill_actions').select('id').where('enterprise_id', '=', enterpriseId).where('status', '=', 'open').execute();
  assert.ok(open.length >= 2);
});
