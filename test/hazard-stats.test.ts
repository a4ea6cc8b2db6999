import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { rate } from '../src/modules/hazards/stats/hazard-stats.rules';
import type { Executor } from '../src/platform/db/database';
import { localDay } from '../src/platform/time';
import { makeEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
let safety: Client;
let worker: Client;
let leader: Client;
let principal: Client;
/** The hazards of the scenario by letter, as created through the API. */
const H: Record<string, string> = {};
const ofScenario = (id: string) => Object.values(H).includes(id);

/*
 * The demo district has hazards of its own, dated relative to today. Each figure read below is compared with the same
 * figure read at the same clock before the scenario: what the scenario added is what is checked.
 */
type Rate = { numerator: number; denominator: number; rate: number | null };
type Bucket = { key: string; count: number };
type Month = { month: string; found: number; closed: number };
type Stats = { totals: Record<string, number>; byStatus: Bucket[]; byLevel: Bucket[]; byClass: Bucket[]; bySource: Bucket[]; byUnit: { unitId: string; name: string; count: number }[];
  rectificationRate: Rate; onTimeRate: Rate; overdue: { id: string }[]; trend: Month[] };
type Overview = { totals: Record<string, number | Rate>; byIndustry: ({ industryCode: string } & Record<string, number | Rate>)[];
  topEnterprises: { byOpen: { enterpriseId: string; open: number; overdue: number; majorOpen: number }[]; byOverdue: { enterpriseId: string }[] }; trend: Month[] };
const base = {} as {
  own: Stats; feb: Stats; leader: Stats; ownByGuanshang: Stats;
  guanshang: Overview; zjj: Overview; yjj: Overview; admin: Overview; adminBySub: Overview; adminByInd: Overview;
  guanshangOpen: number; mine: number;
};
/** The numbers of `a` less those of `b`, field by field. */
function minus(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, (v as number) - ((b[k] as number | undefined) ?? 0)]));
}
const minusBuckets = (a: Bucket[], b: Bucket[]) => a.map((x) => ({ key: x.key, count: x.count - (b.find((y) => y.key === x.key)?.count ?? 0) }));
const minusTrend = (a: Month[], b: Month[]) => a.map((m) => {
  const was = b.find((x) => x.month === m.month);
  return { month: m.month, found: m.found - (was?.found ?? 0), closed: m.closed - (was?.closed ?? 0) };
});
/** A rate over the scenario's numerator and denominator added to those before it. */
const plus = (r: Rate, numerator: number, denominator: number) => rate(r.numerator + numerator, r.denominator + denominator);

// The smallest valid PNG (1×1), with a varying byte so each upload is a different photo.
function png(seed: number): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed])]);
}
let photoSeed = 0;
async function photo(c: Client): Promise<string[]> {
  const boundary = '----sd' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png(++photoSeed), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await c.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids;
}

const own = (p = '') => `/api/v1/enterprises/${ids.ownEnterprise.id}/hazards${p}`;
const at = (iso: string) => { t.clock.now = new Date(iso); };
async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, status = 200) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.data;
}

/**
 * The scenario, in the demo chemical enterprise (关上街道, supervised by 应急局) unless said otherwise:
 *   Jan  A general, closed on time · B major, closed late (in Feb) · C voided
 *   Feb  D general at 一车间, rectifying, deadline 20 Feb (overdue by March) · E reported only · F fixed on the spot, closed
 *   Mar  G major, rectifying, listed for supervision by the subdistrict
 *   Feb  H general in a construction enterprise of another subdistrict (reported by the district admin)
 */
before(async () => {
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  [safety, worker, leader, principal] = await Promise.all([t.login('safety'), t.login('worker'), t.login('leader'), t.login('principal')]);
  const leaderId = await userId('leader');
  const ws1 = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '一车间').executeTakeFirstOrThrow();

  at('2026-03-10T02:00:00Z');
  const [gs, zj, yj, ad] = await Promise.all(['guanshang', 'zjj', 'yjj', 'admin'].map((u) => t.login(u)));
  const q = '?from=2026-01&to=2026-03';
  base.own = await ok(stats(safety));
  base.feb = await ok(stats(principal, 'from=2026-02&to=2026-02'));
  base.leader = await ok(stats(leader));
  base.ownByGuanshang = await ok(stats(gs!));
  base.guanshang = await ok(gs!.get(`/api/v1/hazard-stats/overview${q}`));
  base.zjj = await ok(zj!.get(`/api/v1/hazard-stats/overview${q}`));
  base.yjj = await ok(yj!.get(`/api/v1/hazard-stats/overview${q}`));
  base.admin = await ok(ad!.get(`/api/v1/hazard-stats/overview${q}`));
  base.adminBySub = await ok(ad!.get(`/api/v1/hazard-stats/overview${q}&subdistrictId=${ids.foreign.subdistrict_id}`));
  base.adminByInd = await ok(ad!.get(`/api/v1/hazard-stats/overview${q}&industryCode=hazardous_chemicals`));
  base.guanshangOpen = (await ok(gs!.get('/api/v1/hazards?status=open'))).total;
  base.mine = (await ok(safety.get('/api/v1/hazards'))).total;

  at('2026-01-05T02:00:00Z');
  H.A = (await ok(safety.post(own(), { title: '配电箱门未关闭' }), 201)).id;
  await ok(safety.post(own(`/${H.A}/confirm`), { level: 'general', hazardClass: 'thing' }));
  await ok(safety.post(own(`/${H.A}/assign`), { rectifierId: leaderId, measures: '关闭并上锁', deadline: '2026-01-15' }));
  H.B = (await ok(worker.post(own(), { title: '有限空间入口无警示标志', level: 'major', majorCriterion: '有限空间作业未设置警示标志' }), 201)).id;
  await ok(safety.post(own(`/${H.B}/confirm`), { level: 'major', hazardClass: 'management', majorCriterion: '有限空间作业未设置警示标志' }));
  await ok(safety.put(own(`/${H.B}/plan`), { responsiblePerson: '赵红建', measures: '设置警示标志并建立台账', funds: 3000, timeLimit: '2026-01-20', contingencyPlan: '有限空间事故专项预案' }));
  await ok(safety.post(own(`/${H.B}/assign`), { rectifierId: leaderId, measures: '设置警示标志', deadline: '2026-01-20' }));
  H.C = (await ok(worker.post(own(), { title: '误报：灯管闪烁' }), 201)).id;
  await ok(safety.post(own(`/${H.C}/void`), { reason: '不属于隐患' }));
  at('2026-01-10T02:00:00Z');
  await ok(leader.post(own(`/${H.A}/submit`), { note: '已关闭', photoIds: await photo(leader) }));
  at('2026-01-12T02:00:00Z');
  await ok(safety.post(own(`/${H.A}/accept`), { note: '合格' }));

  at('2026-02-03T02:00:00Z');
  await ok(leader.post(own(`/${H.B}/submit`), { note: '已设置', photoIds: await photo(leader) }));
  at('2026-02-04T02:00:00Z');
  await ok(safety.post(own(`/${H.B}/accept`), { note: '经验收评估，警示标志齐全，台账已建立' }));
  at('2026-02-10T02:00:00Z');
  H.D = (await ok(safety.post(own(), { title: '平台护栏缺失', orgUnitId: ws1.id }), 201)).id;
  await ok(safety.post(own(`/${H.D}/confirm`), { level: 'general', hazardClass: 'behaviour' }));
  await ok(safety.post(own(`/${H.D}/assign`), { rectifierId: leaderId, measures: '加装护栏', deadline: '2026-02-20' }));
  H.E = (await ok(worker.post(own(), { title: '灭火器过期' }), 201)).id;
  H.F = (await ok(worker.post(own(), { title: '通道堆放杂物' }), 201)).id;
  await ok(worker.post(own(`/${H.F}/fix-on-spot`), { note: '已清理', photoIds: await photo(worker) }));
  await ok(safety.post(own(`/${H.F}/accept`), { note: '确认已清理' }));
  at('2026-02-15T02:00:00Z');
  const admin = await t.login('admin');
  H.H = (await ok(admin.post(`/api/v1/enterprises/${ids.foreign.id}/hazards`, { title: '脚手架连墙件缺失' }), 201)).id;

  at('2026-03-05T02:00:00Z');
  H.G = (await ok(safety.post(own(), { title: '储罐区可燃气体报警器失效', level: 'major', majorCriterion: '可燃气体报警装置失效' }), 201)).id;
  await ok(safety.post(own(`/${H.G}/confirm`), { level: 'major', hazardClass: 'thing', majorCriterion: '可燃气体报警装置失效' }));
  await ok(safety.put(own(`/${H.G}/plan`), { responsiblePerson: '赵红建', measures: '更换报警器', funds: 20000, timeLimit: '2026-03-31', contingencyPlan: '泄漏应急预案' }));
  await ok(safety.post(own(`/${H.G}/assign`), { rectifierId: leaderId, measures: '更换报警器', deadline: '2026-03-31' }));
  const guanshang = await t.login('guanshang');
  await ok(guanshang.post(own(`/${H.G}/supervision`), { deadline: '2026-03-31', note: '街道挂牌督办' }));

  at('2026-03-10T02:00:00Z');
});
after(async () => { await t.close(); });

const stats = (c: Client, q = 'from=2026-01&to=2026-03', enterpriseId = ids.ownEnterprise.id) => c.get(`/api/v1/enterprises/${enterpriseId}/hazard-stats?${q}`);
const count = (list: { key: string; count: number }[], key: string) => list.find((b) => b.key === key)?.count;

test('R-HAZ-7 the enterprise dashboard counts the scenario row by row', async () => {
  const s = await ok(stats(safety));
  const b = base.own;
  assert.equal(s.from, '2026-01');
  assert.equal(s.to, '2026-03');
  assert.equal(s.asOf, '2026-03-10');
  assert.deepEqual(minus(s.totals, b.totals), { found: 6, foundMajor: 2, closed: 3, closedOnTime: 2, voided: 1, open: 3, overdue: 1, majorOpen: 1, supervised: 1 });
  assert.deepEqual(minusBuckets(s.byStatus, b.byStatus), [
    { key: 'reported', count: 1 }, { key: 'confirmed', count: 0 }, { key: 'rectifying', count: 2 },
    { key: 'submitted', count: 0 }, { key: 'closed', count: 3 }, { key: 'voided', count: 1 },
  ]);
  assert.deepEqual(minusBuckets(s.byLevel, b.byLevel), [{ key: 'general', count: 4 }, { key: 'major', count: 2 }]);
  assert.deepEqual(minusBuckets(s.byClass, b.byClass), [{ key: 'thing', count: 3 }, { key: 'behaviour', count: 1 }, { key: 'management', count: 1 }, { key: 'unclassified', count: 1 }]);
  assert.equal(count(minusBuckets(s.bySource, b.bySource), 'self_check'), 3);
  assert.equal(count(minusBuckets(s.bySource, b.bySource), 'employee_report'), 3);
  const unitBefore = new Map(b.byUnit.map((u) => [u.unitId, u.count]));
  // A report naming no unit is filed under its reporter's: the worker's (甲班, 生产部) B, E and F beside D at 一车间, the
  // safety manager's (安全环保部) A and G.
  assert.deepEqual(s.byUnit.map((u: { unitId: string; name: string; count: number }) => [u.name, u.count - (unitBefore.get(u.unitId) ?? 0)]).filter(([, n]: [string, number]) => n !== 0),
    [['生产部', 4], ['安全环保部', 2]]);
  // Closed ÷ (confirmed and beyond, not voided): A, B, F of A, B, D, F, G. On time: A and F (no deadline) of A, B, F.
  assert.deepEqual(s.rectificationRate, plus(b.rectificationRate, 3, 5));
  assert.deepEqual(s.onTimeRate, plus(b.onTimeRate, 2, 3));
  assert.deepEqual(s.overdue.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string; daysOverdue: number }) => [h.id, h.daysOverdue]), [[H.D, 18]]);
  assert.equal(s.overdue.length, b.overdue.length + 1);
  assert.equal(s.trend.length, 12);
  const trend = minusTrend(s.trend, b.trend);
  assert.deepEqual(trend.slice(-3), [{ month: '2026-01', found: 2, closed: 1 }, { month: '2026-02', found: 3, closed: 2 }, { month: '2026-03', found: 1, closed: 0 }]);
  assert.deepEqual(trend[0], { month: '2025-04', found: 0, closed: 0 });

  // One month only: February.
  const feb = await ok(stats(principal, 'from=2026-02&to=2026-02'));
  assert.equal(feb.totals.found - base.feb.totals.found!, 3);
  assert.equal(feb.totals.closed - base.feb.totals.closed!, 2);
  assert.equal(feb.trend.at(-1).month, '2026-02');
});

test('R-HAZ-7 the dashboard figures equal what the hazard rows say, and the monthly table equals a recount', async () => {
  const rows = await t.db.selectFrom('hazards').selectAll().where('enterprise_id', '=', ids.ownEnterprise.id).execute();
  // January to March in Kunming: from local midnight on 1 January; closed on time by the local date of closing.
  const start = Date.parse('2026-01-01T00:00:00+08:00');
  const end = Date.parse('2026-04-01T00:00:00+08:00');
  const inPeriod = rows.filter((h) => h.reported_at.getTime() >= start && h.reported_at.getTime() < end);
  const valid = inPeriod.filter((h) => h.status !== 'voided');
  const closed = rows.filter((h) => h.status === 'closed' && h.closed_at!.getTime() >= start && h.closed_at!.getTime() < end);
  const onTime = closed.filter((h) => !h.deadline || localDay(h.closed_at!) <= h.deadline);
  // Open at the dashboard's cut (the clock): reported before it, not voided, not closed before it.
  const cut = t.clock.now;
  const open = rows.filter((h) => h.reported_at < cut && h.status !== 'voided' && (!h.closed_at || h.closed_at >= cut));
  const s = await ok(stats(safety));
  assert.equal(s.totals.found, valid.length);
  assert.equal(s.totals.foundMajor, valid.filter((h) => h.level === 'major').length);
  assert.equal(s.totals.closed, closed.length);
  assert.equal(s.totals.closedOnTime, onTime.length);
  assert.equal(s.totals.open, open.length);
  assert.equal(s.totals.overdue, open.filter((h) => h.deadline && h.deadline < '2026-03-10').length);
  assert.equal(s.rectificationRate.denominator, valid.filter((h) => h.status !== 'reported').length);

  // The triggers kept hazard_month_stats equal to a recount from scratch, through every workflow step above, and keep
  // each month under its enterprise's subdistrict and industry when the enterprise moves.
  const compare = async (label: string, db: Executor = t.db) => {
    const recount = await sql<Record<string, unknown>>`
      select r.enterprise_id, to_char(r.month, 'YYYY-MM') as month, e.subdistrict_id, e.industry_code, sum(r.found)::int as found,
        sum(r.found_major)::int as found_major, sum(r.confirmed)::int as confirmed, sum(r.closed_of_found)::int as closed_of_found,
        sum(r.voided)::int as voided, sum(r.closed)::int as closed, sum(r.closed_on_time)::int as closed_on_time
      from hazards h cross join lateral hazard_month_rows(h) r join enterprises e on e.id = r.enterprise_id group by 1, 2, 3, 4 order by 1, 2`.execute(db);
    const stored = await sql<Record<string, unknown>>`
      select enterprise_id, to_char(month, 'YYYY-MM') as month, subdistrict_id, industry_code, found, found_major, confirmed, closed_of_found,
        voided, closed, closed_on_time
      from hazard_month_stats where found + found_major + confirmed + closed_of_found + voided + closed + closed_on_time > 0 order by 1, 2`.execute(db);
    assert.deepEqual(stored.rows, recount.rows, label);
    const groups = await sql<Record<string, unknown>>`
      select subdistrict_id, industry_code, to_char(month, 'YYYY-MM') as month, sum(found)::int as found, sum(confirmed)::int as confirmed,
        sum(closed_of_found)::int as closed_of_found, sum(closed)::int as closed, sum(closed_on_time)::int as closed_on_time
      from hazard_month_stats group by 1, 2, 3 having sum(found) + sum(confirmed) + sum(closed) + sum(voided) > 0 order by 1, 2, 3`.execute(db);
    const grouped = await sql<Record<string, unknown>>`
      select subdistrict_id, industry_code, to_char(month, 'YYYY-MM') as month, found, confirmed, closed_of_found, closed, closed_on_time
      from hazard_group_month_stats where found + confirmed + closed + voided > 0 order by 1, 2, 3`.execute(db);
    assert.deepEqual(grouped.rows, groups.rows, `${label}: per group`);
    return stored.rows;
  };
  assert.ok((await compare('after the workflow')).length >= 4);
  await t.db.updateTable('enterprises').set({ subdistrict_id: ids.ownEnterprise.subdistrict_id }).where('id', '=', ids.foreign.id).execute();
  await compare('after a move');
  await t.db.updateTable('enterprises').set({ subdistrict_id: ids.foreign.subdistrict_id }).where('id', '=', ids.foreign.id).execute();
  await compare('after moving back');
  // A deletion (not an application operation) takes the rows out too; rolled back, the scenario stays whole.
  const rollback = new Error('rollback');
  await assert.rejects(t.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('hazards').where('id', 'in', [H.B!, H.H!]).execute();
    await compare('after a deletion', tx);
    throw rollback;
  }), (e) => e === rollback);
  await compare('after the rollback');
});

test('a unit leader counts his branch only; another enterprise and another subdistrict get 404', async () => {
  const s = await ok(stats(leader));
  assert.equal(s.totals.found - base.leader.totals.found!, 4, 'D, and the worker\'s B, E and F (filed under his team), are in 一车间');
  const overdueBefore = new Set(base.leader.overdue.map((x) => x.id));
  assert.deepEqual(s.overdue.map((h: { id: string }) => h.id).filter((id: string) => !overdueBefore.has(id)), [H.D]);
  assert.equal(s.overdue.length, overdueBefore.size + 1);
  assert.equal((await stats(safety, '', ids.foreign.id)).statusCode, 404);
  const guanshang = await t.login('guanshang');
  assert.equal((await stats(guanshang, '', ids.foreign.id)).statusCode, 404);
  assert.equal((await ok(stats(guanshang))).totals.found - base.ownByGuanshang.totals.found!, 6, 'the subdistrict reads its enterprises');
  assert.equal((await safety.get(`/api/v1/enterprises/${ids.foreign.id}/hazards/export`)).statusCode, 404);
  const bad = await stats(safety, 'from=2026-05&to=2026-01');
  assert.equal(bad.statusCode, 400);
  assert.equal((await stats(safety, 'from=2026-13')).statusCode, 400);
});

test('R-HAZ-7 the regulator overview is scoped: 关上街道 sees its own, 住建局 not the chemical enterprise', async () => {
  const q = '?from=2026-01&to=2026-03';
  const guanshang = await ok((await t.login('guanshang')).get(`/api/v1/hazard-stats/overview${q}`));
  const b = base.guanshang;
  const ownSub = ids.ownEnterprise.subdistrict_id;
  const inSub = ids.ents.filter((e) => e.subdistrict_id === ownSub).length;
  assert.equal(guanshang.totals.enterprises, inSub);
  assert.deepEqual(minus(guanshang.totals, b.totals), { enterprises: 0, found: 6, foundMajor: 2, closed: 3, closedOnTime: 2, open: 3, overdue: 1, majorOpen: 1, supervised: 1 });
  assert.deepEqual(guanshang.totals.rectificationRate, plus(b.totals.rectificationRate as Rate, 3, 5));
  assert.deepEqual(guanshang.bySubdistrict.map((s: { subdistrictId: string; name: string }) => [s.subdistrictId, s.name]), [[ownSub, '关上街道']]);
  const chemicals = (o: Overview) => (o.byIndustry.find((i) => i.industryCode === 'hazardous_chemicals')?.found as number | undefined) ?? 0;
  assert.equal(chemicals(guanshang) - chemicals(b), 6);
  // The demo enterprise has the most open hazards of the subdistrict, before the scenario and after it.
  const ownBefore = b.topEnterprises.byOpen.find((e) => e.enterpriseId === ids.ownEnterprise.id) ?? { open: 0, overdue: 0, majorOpen: 0 };
  assert.deepEqual(guanshang.topEnterprises.byOpen[0], {
    enterpriseId: ids.ownEnterprise.id, name: ids.ownEnterprise.name, subdistrictName: '关上街道', industryName: '危险化学品',
    open: ownBefore.open + 3, overdue: ownBefore.overdue + 1, majorOpen: ownBefore.majorOpen + 1,
  });
  assert.deepEqual(new Set(guanshang.topEnterprises.byOverdue.map((e: { enterpriseId: string }) => e.enterpriseId)),
    new Set([...b.topEnterprises.byOverdue.map((e) => e.enterpriseId), ids.ownEnterprise.id]));
  assert.deepEqual(guanshang.majorOpen.items.filter((h: { hazardId: string }) => ofScenario(h.hazardId))
    .map((h: { enterpriseId: string; hazardId: string; supervised: boolean }) => [h.enterpriseId, h.hazardId, h.supervised]), [[ids.ownEnterprise.id, H.G, true]]);
  assert.deepEqual(minusTrend(guanshang.trend, b.trend).slice(-3).map((m) => m.found), [2, 3, 1]);

  const zjj = await ok((await t.login('zjj')).get(`/api/v1/hazard-stats/overview${q}`));
  assert.equal(zjj.totals.found - (base.zjj.totals.found as number), 1, '住建局 sees H in the construction enterprise only');
  assert.ok(!zjj.topEnterprises.byOpen.some((e: { enterpriseId: string }) => e.enterpriseId === ids.ownEnterprise.id));
  assert.ok(!zjj.majorOpen.items.some((h: { enterpriseId: string }) => h.enterpriseId === ids.ownEnterprise.id));
  assert.equal(zjj.majorOpen.items.length, base.zjj.totals.majorOpen);
  assert.ok(zjj.byIndustry.every((i: { industryCode: string }) => ['construction', 'gas'].includes(i.industryCode)));

  const yjj = await ok((await t.login('yjj')).get(`/api/v1/hazard-stats/overview${q}`));
  assert.equal(yjj.totals.found - (base.yjj.totals.found as number), 6);

  const admin = await t.login('admin');
  const all = await ok(admin.get(`/api/v1/hazard-stats/overview${q}`));
  assert.equal(all.totals.found - (base.admin.totals.found as number), 7);
  assert.equal(all.totals.enterprises, ids.ents.length);
  const bySub = await ok(admin.get(`/api/v1/hazard-stats/overview${q}&subdistrictId=${ids.foreign.subdistrict_id}`));
  assert.equal(bySub.totals.found - (base.adminBySub.totals.found as number), 1);
  const byInd = await ok(admin.get(`/api/v1/hazard-stats/overview${q}&industryCode=hazardous_chemicals`));
  assert.equal(byInd.totals.found - (base.adminByInd.totals.found as number), 6);
  assert.equal((await safety.get(`/api/v1/hazard-stats/overview${q}`)).statusCode, 403);
});

test('the cross-enterprise list drills down to the record, within scope; enterprise users get their own', async () => {
  const guanshang = await t.login('guanshang');
  const open = await ok(guanshang.get('/api/v1/hazards?status=open&sort=deadline&order=asc&pageSize=100'));
  assert.deepEqual(open.items.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string }) => h.id), [H.D, H.G, H.E]);
  assert.equal(open.total, base.guanshangOpen + 3);
  assert.equal(open.items.length, open.total);
  assert.equal(open.totalCapped, false);
  const overdue = await ok(guanshang.get('/api/v1/hazards?overdue=true&pageSize=100'));
  assert.deepEqual(overdue.items.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string; overdue: boolean; enterpriseId: string }) => [h.id, h.overdue, h.enterpriseId]), [[H.D, true, ids.ownEnterprise.id]]);
  assert.ok(overdue.items.every((h: { overdue: boolean }) => h.overdue));
  const major = await ok(guanshang.get('/api/v1/hazards?level=major&supervised=true&pageSize=100'));
  assert.deepEqual(major.items.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string }) => h.id), [H.G]);
  assert.ok(major.items.every((h: { level: string; supervised: boolean }) => h.level === 'major' && h.supervised));
  // Drill-down: the ids lead to the record.
  const g = major.items.find((h: { id: string }) => h.id === H.G);
  const detail = await ok(guanshang.get(`/api/v1/enterprises/${g.enterpriseId}/hazards/${g.id}`));
  assert.equal(detail.code, g.code);

  const zjj = await ok((await t.login('zjj')).get('/api/v1/hazards?pageSize=100'));
  assert.deepEqual(zjj.items.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string }) => h.id), [H.H]);
  assert.ok(zjj.items.every((h: { industryCode: string }) => ['construction', 'gas'].includes(h.industryCode)));
  const mine = await ok(safety.get('/api/v1/hazards?pageSize=50'));
  assert.equal(mine.total, base.mine + 7);
  assert.ok(mine.items.every((h: { enterpriseId: string }) => h.enterpriseId === ids.ownEnterprise.id));
  assert.equal((await ok(safety.get(`/api/v1/hazards?enterpriseId=${ids.foreign.id}`))).total, 0);
  const all = await ok((await t.login('admin')).get(`/api/v1/hazards?subdistrictId=${ids.foreign.subdistrict_id}&industryCode=construction&pageSize=100`));
  assert.deepEqual(all.items.filter((h: { id: string }) => ofScenario(h.id)).map((h: { id: string }) => h.id), [H.H]);
  assert.ok(all.items.every((h: { subdistrictId: string; industryCode: string }) => h.subdistrictId === ids.foreign.subdistrict_id && h.industryCode === 'construction'));
});

async function readSheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

test('any list exports to .xlsx with the list\'s filters', async () => {
  const res = await safety.get(`${own('/export')}?status=open&sort=code&order=asc`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="hazards-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const rows = await readSheet(res.rawPayload);
  assert.equal(rows[0]![0], '隐患编号');
  // The open ones: D, E and G of the scenario, and those of the demo data.
  const codes = (await t.db.selectFrom('hazards').select('code').where('enterprise_id', '=', ids.ownEnterprise.id)
    .where('status', 'in', ['reported', 'confirmed', 'rectifying', 'submitted']).orderBy('code').execute()).map((r) => r.code);
  const scenario = (await t.db.selectFrom('hazards').select('code').where('id', 'in', [H.D!, H.E!, H.G!]).execute()).map((r) => r.code);
  assert.ok(scenario.every((c) => codes.includes(c)));
  assert.deepEqual(rows.slice(1).map((r) => r[0]), codes);
  assert.ok(rows.slice(1).some((r) => r.includes('重大隐患') && r.includes('整改中')));

  const across = await (await t.login('admin')).get('/api/v1/hazards/export?sort=enterprise', { 'accept-language': 'en-US' });
  assert.equal(across.statusCode, 200);
  const all = await readSheet(across.rawPayload);
  assert.equal(all[0]![1], 'Enterprise');
  const total = Number((await t.db.selectFrom('hazards').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(all.length - 1, total, 'A…H and the demo\'s, the voided ones included');
});

test('R-HAZ-7 months and years are local (UTC+8): a report at 07:00 on 1 December counts in December, a hazard closed at 00:30 after its deadline day is late, 07:00 on 1 January codes the new year', async () => {
  const leaderId = await userId('leader');
  const guanshang = await t.login('guanshang');
  const q = 'from=2026-12&to=2026-12';
  const read = async () => {
    at('2026-12-06T01:00:00Z');
    return { own: await ok(stats(safety, q)) as Stats, overview: await ok(guanshang.get(`/api/v1/hazard-stats/overview?${q}`)) as Overview };
  };
  const before = await read();

  at('2026-11-30T23:00:00Z'); // 07:00 on 1 December in Kunming, still 30 November in UTC
  const x = await ok(safety.post(own(), { title: '配电室挡鼠板缺失' }), 201);
  assert.match(x.code, /^YH-2026-\d{4}$/);
  const y = await ok(safety.post(own(), { title: '消防通道标识脱落' }), 201);
  for (const h of [x, y]) {
    await ok(safety.post(own(`/${h.id}/confirm`), { level: 'general', hazardClass: 'thing' }));
    await ok(safety.post(own(`/${h.id}/assign`), { rectifierId: leaderId, measures: '整改', deadline: '2026-12-05' }));
  }
  at('2026-12-05T02:00:00Z');
  for (const h of [x, y]) await ok(leader.post(own(`/${h.id}/submit`), { note: '已整改', photoIds: await photo(leader) }));
  at('2026-12-05T15:30:00Z'); // 23:30 on the deadline: on time
  await ok(safety.post(own(`/${y.id}/accept`), { note: '合格' }));
  at('2026-12-05T16:30:00Z'); // 00:30 on 6 December: late, though still 5 December in UTC
  await ok(safety.post(own(`/${x.id}/accept`), { note: '合格' }));

  const after = await read();
  // The enterprise dashboard counts live from the hazards; the subdistrict's overview reads the trigger-kept tables.
  assert.deepEqual([after.own.totals.found - before.own.totals.found!, after.own.totals.closed - before.own.totals.closed!,
    after.own.totals.closedOnTime - before.own.totals.closedOnTime!], [2, 2, 1]);
  assert.deepEqual(minusTrend(after.own.trend, before.own.trend).slice(-2), [{ month: '2026-11', found: 0, closed: 0 }, { month: '2026-12', found: 2, closed: 2 }]);
  const total = (o: Overview, k: string) => o.totals[k] as number;
  assert.deepEqual([total(after.overview, 'found') - total(before.overview, 'found'), total(after.overview, 'closed') - total(before.overview, 'closed'),
    total(after.overview, 'closedOnTime') - total(before.overview, 'closedOnTime')], [2, 2, 1]);
  assert.deepEqual(minusTrend(after.overview.trend, before.overview.trend).slice(-2), [{ month: '2026-11', found: 0, closed: 0 }, { month: '2026-12', found: 2, closed: 2 }]);
  const months = await sql<{ month: string }>`select distinct to_char(r.month, 'YYYY-MM') as month from hazards h cross join lateral hazard_month_rows(h) r
    where h.id in (${x.id}, ${y.id})`.execute(t.db);
  assert.deepEqual(months.rows.map((r) => r.month), ['2026-12']);

  // Codes count per enterprise and local year: a fresh enterprise owns its series, whatever the demo holds for 2027.
  const fresh = await makeEnterprise(t);
  const freshSafety = await fresh.login('safety');
  const freshUrl = `/api/v1/enterprises/${fresh.id}/hazards`;
  at('2026-12-31T15:59:00Z'); // 23:59 on 31 December in Kunming
  assert.equal((await ok(freshSafety.post(freshUrl, { title: '年末巡查：楼梯扶手松动', orgUnitId: fresh.units.team1 }), 201)).code, 'YH-2026-0001');
  at('2026-12-31T23:00:00Z'); // 07:00 on 1 January 2027 in Kunming, still 2026 in UTC
  assert.equal((await ok(freshSafety.post(freshUrl, { title: '新年巡查：应急灯不亮', orgUnitId: fresh.units.team1 }), 201)).code, 'YH-2027-0001');
});
