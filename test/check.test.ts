import { wholeEnterprise } from '../src/platform/auth/actor';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { JobRunner } from '../src/platform/jobs/runner';
import { CHECK_CATEGORIES, CHECK_LIBRARY } from '../src/modules/hazards/checks/check-library';
import { registerCheckJobs } from '../src/modules/hazards/checks/check.jobs';
import { cycleOfKey, periodAt, periodKeysOfDate, periodOfKey } from '../src/modules/hazards/checks/check.rules';
import { materialiseTasks } from '../src/modules/hazards/checks/check.service';
import { checkItemsFor } from '../src/modules/risk/points/risk-point.service';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
// Sessions outlive the clock moves below (the hourly cleanup compares expiry with the platform clock).
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const own = () => ids.ownEnterprise.id;
const api = (p: string, enterpriseId = own()) => `/api/v1/enterprises/${enterpriseId}${p}`;
// Logins are rate-limited per minute: one session per user for the whole file.
const sessions = new Map<string, Promise<Client>>();
const as = (username: string): Promise<Client> => {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
};

async function newUser(username: string, body: Record<string, string>): Promise<Client> {
  const admin = await as('admin');
  const u = await admin.post('/api/v1/users', { username, displayName: username, ...body });
  assert.equal(u.statusCode, 201, u.body);
  const c = await t.login(username, u.data.oneTimeCode);
  await c.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: `Kunming#Safe2026x` });
  sessions.set(username, Promise.resolve(c));
  return c;
}

// The smallest valid PNG (1×1), with a varying byte so each upload is a different photo.
function png(seed = 0): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from([seed])]);
}

/** One run from a phone: the `results` JSON field and the photos as file fields. */
async function run(c: Client, taskId: string, results: unknown[], files: Record<string, Buffer> = {}, enterpriseId = own()) {
  const boundary = '----sdcheck' + Math.random().toString(16).slice(2);
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="results"\r\n\r\n${JSON.stringify(results)}\r\n`),
    ...Object.entries(files).map(([name, f]) => Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\n`), f, Buffer.from('\r\n'),
    ])),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return c.request('POST', api(`/check-tasks/${taskId}/run`, enterpriseId), Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function post(unitPath: string[], name: string) {
  // A post by its unit chain under the company, e.g. ['生产部', '二车间', '甲班'].
  const posts = await t.db.selectFrom('posts as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id')
    .select(['p.id', 'u.path']).where('p.enterprise_id', '=', own()).where('p.name', '=', name).execute();
  const units = new Map((await t.db.selectFrom('org_units').select(['id', 'name']).where('enterprise_id', '=', own()).execute()).map((u) => [u.id, u.name]));
  const hit = posts.find((p) => p.path.split('/').filter(Boolean).slice(1).map((id) => units.get(id)).join('/') === unitPath.join('/'));
  assert.ok(hit, `post ${unitPath.join('/')}/${name}`);
  return hit.id;
}

/** A login for an employee holding the post: the "holder of the post" a post-assigned task belongs to. */
async function holderOf(postId: string, username: string): Promise<Client> {
  const free = await t.db.selectFrom('employees as e')
    .select('e.id').where('e.enterprise_id', '=', own()).where('e.status', '=', 'active')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.employee_id', '=', 'e.id'))))
    .orderBy('e.name').limit(1).executeTakeFirstOrThrow();
  await t.db.insertInto('employee_posts').values({ enterprise_id: own(), employee_id: free.id, post_id: postId }).onConflict((oc) => oc.doNothing()).execute();
  return newUser(username, { role: 'employee', enterpriseId: own(), employeeId: free.id });
}

async function failing(riskPointId: string): Promise<boolean> {
  return (await t.db.selectFrom('risk_points').select('control_failing').where('id', '=', riskPointId).executeTakeFirstOrThrow()).control_failing;
}

async function tasksOf(planId: string) {
  return t.db.selectFrom('check_tasks').selectAll().where('enterprise_id', '=', own()).where('plan_id', '=', planId).orderBy('due_at').execute();
}

// ---- pure: period keys and due times ----

test('period keys and due times: shifts, days, ISO weeks, quarters and year ends on the enterprise\'s clock (UTC+8)', () => {
  const at = (iso: string) => new Date(iso);
  const check = (cycle: Parameters<typeof periodAt>[0], iso: string, key: string, startsAt: string, dueAt: string) => {
    const p = periodAt(cycle, at(iso));
    assert.deepEqual([p.key, p.startsAt.toISOString(), p.dueAt.toISOString()], [key, startsAt, dueAt], `${cycle} at ${iso}`);
    assert.deepEqual(periodOfKey(cycle, key), p, `${key} reads back`);
    assert.equal(cycleOfKey(key), cycle);
  };
  // Shifts of the production day 2026-12-01: A 08–16, B 16–24, C 00–08 on 2 December (local).
  check('shift', '2026-12-01T00:30:00Z', '2026-12-01#A', '2026-12-01T00:00:00.000Z', '2026-12-01T08:00:00.000Z');
  check('shift', '2026-12-01T08:00:00Z', '2026-12-01#B', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z');
  check('shift', '2026-12-01T16:00:00Z', '2026-12-01#C', '2026-12-01T16:00:00.000Z', '2026-12-02T00:00:00.000Z');
  check('shift', '2026-12-01T23:59:59Z', '2026-12-01#C', '2026-12-01T16:00:00.000Z', '2026-12-02T00:00:00.000Z');
  check('shift', '2026-12-31T20:00:00Z', '2026-12-31#C', '2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00.000Z');
  // Days end at local midnight, which is 16:00 UTC.
  check('daily', '2026-12-31T15:59:59Z', '2026-12-31', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z');
  check('daily', '2026-12-31T16:00:00Z', '2027-01-01', '2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z');
  check('daily', '2028-02-29T03:00:00Z', '2028-02-29', '2028-02-28T16:00:00.000Z', '2028-02-29T16:00:00.000Z');
  // ISO weeks: 2026 has 53 (it starts on a Thursday), so 1 January 2027 is in 2026-W53; 30 December 2024 is 2025-W01.
  check('weekly', '2026-12-01T02:00:00Z', '2026-W49', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z');
  check('weekly', '2027-01-01T04:00:00Z', '2026-W53', '2026-12-27T16:00:00.000Z', '2027-01-03T16:00:00.000Z');
  check('weekly', '2027-01-03T15:59:59Z', '2026-W53', '2026-12-27T16:00:00.000Z', '2027-01-03T16:00:00.000Z');
  check('weekly', '2027-01-03T16:00:00Z', '2027-W01', '2027-01-03T16:00:00.000Z', '2027-01-10T16:00:00.000Z');
  check('weekly', '2024-12-30T04:00:00Z', '2025-W01', '2024-12-29T16:00:00.000Z', '2025-01-05T16:00:00.000Z');
  check('weekly', '2021-01-03T04:00:00Z', '2020-W53', '2020-12-27T16:00:00.000Z', '2021-01-03T16:00:00.000Z');
  check('monthly', '2028-02-29T10:00:00Z', '2028-02', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z');
  check('monthly', '2026-12-31T16:30:00Z', '2027-01', '2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z');
  // Quarters turn at local midnight too.
  check('quarterly', '2026-09-30T15:59:59Z', '2026-Q3', '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z');
  check('quarterly', '2026-09-30T16:00:00Z', '2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z');
  check('quarterly', '2026-12-31T16:00:00Z', '2027-Q1', '2026-12-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z');
  check('yearly', '2026-12-31T15:59:59Z', '2026', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z');
  check('yearly', '2026-12-31T16:00:00Z', '2027', '2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z');

  for (const [cycle, key] of [['daily', '2026-02-30'], ['weekly', '2026-W54'], ['weekly', '2025-W53'], ['monthly', '2026-13'], ['shift', '2026-12-01#D'], ['quarterly', '2026-Q5']] as const) {
    assert.equal(periodOfKey(cycle, key), null, `${key} is not a ${cycle} period`);
  }
  assert.deepEqual(periodKeysOfDate('2026-12-01'), ['2026-12-01', '2026-12-01#A', '2026-12-01#B', '2026-12-01#C', '2026-W49', '2026-12', '2026-Q4', '2026']);
  assert.deepEqual(periodKeysOfDate('2027-01-01'), ['2027-01-01', '2027-01-01#A', '2027-01-01#B', '2027-01-01#C', '2026-W53', '2027-01', '2027-Q1', '2027']);
});

// ---- the library (R-HAZ-1, R-HAZ-2) ----

test('R-HAZ-1 the built-in library has at least 100 items in every category, with the 2023 major-hazard criteria marked', async () => {
  const worker = await as('worker');
  const lib = await worker.get('/api/v1/check-library');
  assert.equal(lib.statusCode, 200, lib.body);
  const items = lib.data.items as { code: string; category: string; content: string; majorCriterion: boolean; basis: string }[];
  assert.ok(items.length >= 100, `${items.length} items`);
  assert.deepEqual(lib.data.categories.map((c: { name: string }) => c.name), [...CHECK_CATEGORIES]);
  for (const c of lib.data.categories as { name: string; count: number }[]) assert.ok(c.count >= 5, `${c.name}: ${c.count}`);
  const major = items.filter((i) => i.majorCriterion);
  for (const criterion of [/特种作业人员未按照规定/, /有限空间.*台账.*警示标志/, /未落实有限空间作业审批/, /先通风、再检测、后作业/, /监护人员/, /干式除尘系统未采取泄爆、惰化、抑爆/, /承包单位、承租单位.*统一协调、管理/]) {
    const hit = major.find((i) => criterion.test(i.content));
    assert.ok(hit, `major criterion ${criterion}`);
  }
  assert.ok(major.filter((i) => i.basis.includes('应急管理部令第10号')).length >= 15, 'the 2023 industry-and-trade list');

  const confined = await worker.get(`/api/v1/check-library?category=${encodeURIComponent('有限空间')}&major=true`);
  assert.deepEqual(confined.data.items.map((i: { code: string }) => i.code), ['YX-001', 'YX-002', 'YX-003', 'YX-004']);
  const search = await worker.get(`/api/v1/check-library?q=${encodeURIComponent('灭火器')}`);
  assert.ok(search.data.items.length >= 1 && search.data.items.every((i: { content: string; method: string; basis: string }) => `${i.content}${i.method}${i.basis}`.includes('灭火器')));

  // Migration 0006 loaded exactly the library of check-library.ts.
  const rows = await t.db.selectFrom('check_standard_items').select(['code', 'category', 'content', 'method', 'basis', 'major_criterion']).orderBy('sort').execute();
  assert.deepEqual(rows.map((r) => ({ code: r.code, category: r.category, content: r.content, method: r.method, basis: r.basis, major: r.major_criterion })), CHECK_LIBRARY.map((i) => ({ ...i })));
});

test('an enterprise adds its own check items; only its principal or safety manager may, and another enterprise sees nothing', async () => {
  const safety = await as('safety');
  const created = await safety.post(api('/check-items'), { category: '工艺安全', content: '反应釜投料前确认搅拌运行', method: '现场查看', basis: '企业工艺规程 3.2' });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.data.id as string;
  assert.equal((await (await as('worker')).post(api('/check-items'), { category: 'x', content: 'y' })).statusCode, 403);
  assert.equal((await (await as('leader')).patch(api(`/check-items/${id}`), { content: 'y' })).statusCode, 403);
  const patched = await safety.patch(api(`/check-items/${id}`), { majorCriterion: false, method: '现场查看、查阅记录' });
  assert.deepEqual([patched.data.method, patched.data.basis, patched.data.content], ['现场查看、查阅记录', '企业工艺规程 3.2', '反应釜投料前确认搅拌运行'], 'fields left out stay');
  const list = await (await as('worker')).get(api('/check-items'));
  assert.ok(list.data.items.some((i: { id: string }) => i.id === id));
  assert.equal(list.data.canManage, false);

  const other = await newUser('chkother', { role: 'safety_manager', enterpriseId: ids.foreign.id });
  const calls = await Promise.all([other.get(api('/check-items')), other.patch(api(`/check-items/${id}`), { content: 'x' }), other.delete(api(`/check-items/${id}`))]);
  assert.deepEqual(calls.map((c) => c.statusCode), [404, 404, 404]);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['check.item.create', 'check.item.update']);
});

// ---- checklists ----

test('R-HAZ-1 a post card is generated from the risk control measures and prints with the QR code of the post\'s report page', async () => {
  const safety = await as('safety');
  const op2 = await post(['生产部', '二车间', '甲班'], '操作工');
  const derived = await checkItemsFor(t.db, wholeEnterprise(own()), own(), { postId: op2 });
  assert.ok(derived.length >= 2, 'the demo ledger has check items for this post');

  const generated = await safety.post(api('/checklists/from-risk'), { postId: op2 });
  assert.equal(generated.statusCode, 200, generated.body);
  const card = generated.data;
  assert.equal(card.level, 'post');
  assert.equal(card.postId, op2);
  assert.deepEqual(card.items.map((i: { sourceId: string }) => i.sourceId).sort(), derived.map((d) => d.id).sort());
  for (const item of card.items as { source: string; riskPointId: string; content: string; cycle: string; responsible: string }[]) {
    const d = derived.find((x) => x.content === item.content)!;
    assert.deepEqual([item.source, item.riskPointId, item.cycle, item.responsible], ['risk', d.riskPointId, d.cycle, '操作工']);
  }

  // Add a library item and the enterprise's own; regenerating keeps them and does not duplicate the risk items.
  const lib = (await safety.get('/api/v1/check-library?category=' + encodeURIComponent('有限空间'))).data.items as { id: string; code: string }[];
  const own1 = await safety.post(api('/check-items'), { category: '岗位', content: '交接班记录填写完整' });
  const edited = await safety.patch(api(`/checklists/${card.id}`), {
    items: [...card.items.map((i: { source: string; sourceId: string }) => ({ source: i.source, sourceId: i.sourceId })), { source: 'standard', sourceId: lib[2]!.id }, { source: 'enterprise', sourceId: own1.data.id, cycle: 'daily' }],
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.items.length, derived.length + 2);
  assert.deepEqual(edited.data.items.filter((i: { id: string }) => card.items.some((c: { id: string }) => c.id === i.id)).length, derived.length, 'unchanged items keep their ids');
  const again = await safety.post(api('/checklists/from-risk'), { postId: op2 });
  assert.equal(again.data.id, card.id);
  assert.equal(again.data.items.length, derived.length + 2);
  assert.equal(again.data.items.find((i: { source: string }) => i.source === 'standard').majorCriterion, true);

  // One post, one card; duplicate picks are refused.
  assert.equal((await safety.post(api('/checklists'), { level: 'post', name: '重复', postId: op2 })).statusCode, 409);
  const dup = await safety.post(api('/checklists'), { level: 'enterprise', name: 'x', items: [{ source: 'standard', sourceId: lib[0]!.id }, { source: 'standard', sourceId: lib[0]!.id }] });
  assert.equal(dup.statusCode, 400);
  const foreign = await safety.post(api('/checklists'), { level: 'workshop', name: 'x', orgUnitId: (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.foreign.id).executeTakeFirstOrThrow()).id });
  assert.equal(foreign.statusCode, 400, 'a unit of another enterprise');

  const printed = await (await as('worker')).get(api(`/checklists/${card.id}/print`));
  assert.equal(printed.statusCode, 200, printed.body);
  assert.equal(printed.data.qr.url, `/report?enterpriseId=${own()}&postId=${op2}`);
  assert.match(printed.data.qr.svg, /^<svg/);
  assert.equal(printed.data.groups.reduce((n: number, g: { rows: unknown[] }) => n + g.rows.length, 0), derived.length + 2);
  assert.ok(printed.data.riskPoints.some((r: { name: string }) => r.name === '有限空间作业（污水池）'));

  // A workshop table mixes the three sources; the enterprise list prints without a QR code.
  const ws2 = (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', own()).where('name', '=', '二车间').executeTakeFirstOrThrow()).id;
  const table = await safety.post(api('/checklists'), {
    level: 'workshop', name: '二车间安全检查表', orgUnitId: ws2,
    items: [{ source: 'risk', sourceId: derived[0]!.id }, { source: 'standard', sourceId: lib[0]!.id, cycle: 'weekly' }, { source: 'enterprise', sourceId: own1.data.id }],
  });
  assert.equal(table.statusCode, 201, table.body);
  assert.deepEqual(table.data.items.map((i: { source: string }) => i.source), ['risk', 'standard', 'enterprise']);
  assert.deepEqual(table.data.items.map((i: { responsible: string }) => i.responsible), ['二车间负责人', '二车间负责人', '二车间负责人']);
  const seeded = (await safety.get(api('/checklists?level=enterprise'))).data.items[0];
  assert.equal((await safety.get(api(`/checklists/${seeded.id}/print`))).data.qr, null);
  assert.equal((await (await as('worker')).patch(api(`/checklists/${table.data.id}`), { name: 'x' })).statusCode, 403);
  assert.equal((await safety.delete(api(`/checklists/${table.data.id}`))).statusCode, 200);
});

test('the demo enterprise has its list, the 一车间 table, the 操作工 card and daily plans', async () => {
  const worker = await as('worker');
  const lists = (await worker.get(api('/checklists'))).data.items as { level: string; name: string; orgUnitName: string | null; postName: string | null; itemCount: number }[];
  assert.ok(lists.some((l) => l.level === 'enterprise' && l.itemCount >= 20));
  assert.ok(lists.some((l) => l.level === 'workshop' && l.orgUnitName === '一车间' && l.itemCount >= 10));
  assert.ok(lists.some((l) => l.level === 'post' && l.postName === '操作工' && l.itemCount >= 5));
  const plans = (await worker.get(api('/check-plans'))).data.items as { type: string; cycle: string; active: boolean }[];
  assert.ok(plans.filter((p) => p.type === 'daily' && p.active).length >= 2);
  assert.ok(plans.some((p) => p.cycle === 'shift'));
});

// ---- plans, the job, running a task ----

let op2Plan = '';
let op2Task = '';

test('a plan\'s task is created by the job once, over two passes and two runners', async () => {
  const safety = await as('safety');
  const op2 = await post(['生产部', '二车间', '甲班'], '操作工');
  const card = (await safety.get(api(`/checklists?postId=${op2}`))).data.items[0];
  t.clock.now = new Date('2026-12-01T02:00:00Z');
  const plan = await safety.post(api('/check-plans'), { name: '二车间操作工日检', type: 'daily', cycle: 'daily', checklistId: card.id, assigneePostId: op2, startsOn: '2026-12-02' });
  assert.equal(plan.statusCode, 201, plan.body);
  op2Plan = plan.data.id;
  assert.equal((await tasksOf(op2Plan)).length, 0, 'the plan starts tomorrow');
  assert.equal((await safety.post(api('/check-plans'), { name: 'x', type: 'daily', cycle: 'daily', checklistId: card.id, assigneePostId: op2, assigneeUserId: (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id, startsOn: '2026-12-02' })).statusCode, 400, 'one assignee');

  // 09:00 local on 2 December.
  t.clock.now = new Date('2026-12-02T01:00:00Z');
  await t.platform.jobs.tick();
  await t.platform.jobs.tick();
  const second = new JobRunner(t.db, { pollMs: 1000, now: () => t.clock.now });
  registerCheckJobs(second);
  t.clock.now = new Date('2026-12-02T01:06:00Z');
  await second.tick();
  await Promise.all([materialiseTasks(t.db, t.clock.now), materialiseTasks(t.db, t.clock.now)]);
  const tasks = await tasksOf(op2Plan);
  assert.equal(tasks.length, 1);
  assert.deepEqual([tasks[0]!.period_key, tasks[0]!.status, tasks[0]!.due_at.toISOString(), tasks[0]!.assignee_post_id], ['2026-12-02', 'open', '2026-12-02T16:00:00.000Z', op2]);
  op2Task = tasks[0]!.id;
  const listed = await safety.get(api(`/check-tasks?date=2026-12-02&planId=${op2Plan}`));
  assert.deepEqual(listed.data.items.map((i: { id: string }) => i.id), [op2Task]);
  assert.equal(listed.data.items[0].startsAt, '2026-12-01T16:00:00.000Z');
  assert.equal((await safety.get(api(`/check-tasks?date=2026-12-03&planId=${op2Plan}`))).data.total, 0);
});

test('only the assignee or a manager runs a task: another post gets 403, another enterprise 404', async () => {
  const worker = await as('worker');
  const results = [{ checklistItemId: '00000000-0000-4000-8000-000000000000', result: 'pass' }];
  const refused = await run(worker, op2Task, results);
  assert.equal(refused.statusCode, 403, 'the 焊工 does not hold the 二车间 操作工 post');
  assert.equal((await worker.get(api(`/check-tasks/${op2Task}`))).data.canRun, false);
  const other = await as('chkother');
  assert.equal((await run(other, op2Task, results)).statusCode, 404);
  assert.equal((await other.get(api(`/check-tasks/${op2Task}`))).statusCode, 404);
  assert.equal((await other.get(api('/check-tasks'))).statusCode, 404);
  assert.equal((await (await as('insurer')).post(api(`/check-tasks/${op2Task}/run`), { results })).statusCode, 403);
});

test('running a task with a failed item and a photo opens a pre-filled hazard linked to the task and marks the risk point failing', async () => {
  const op2 = await post(['生产部', '二车间', '甲班'], '操作工');
  const holder = await holderOf(op2, 'op2holder');
  const mine = await holder.get(api('/check-tasks?mine=true&status=open'));
  assert.ok(mine.data.items.some((i: { id: string; canRun: boolean }) => i.id === op2Task && i.canRun));
  const task = (await holder.get(api(`/check-tasks/${op2Task}`))).data;
  const items = task.items as { id: string; content: string; riskPointId: string | null; majorCriterion: boolean }[];
  const failed = items.find((i) => i.riskPointId && !i.majorCriterion)!;
  assert.equal(await failing(failed.riskPointId!), false);

  const incomplete = await run(holder, op2Task, [{ checklistItemId: failed.id, result: 'fail' }]);
  assert.equal(incomplete.statusCode, 400);
  const unreferenced = await run(holder, op2Task, items.map((i) => ({ checklistItemId: i.id, result: 'pass' })), { stray: png(40) });
  assert.equal(unreferenced.statusCode, 400);

  const results = items.map((i) => i.id === failed.id
    ? { checklistItemId: i.id, result: 'fail', note: '检测记录缺失', photoFields: ['p1'] }
    : { checklistItemId: i.id, result: i.majorCriterion ? 'na' : 'pass' });
  const done = await run(holder, op2Task, results, { p1: png(41) });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.data.status, 'done');
  assert.deepEqual([done.data.failCount, done.data.passCount + done.data.naCount], [1, items.length - 1]);
  assert.equal(done.data.createdHazards.length, 1);
  const hazardId = done.data.createdHazards[0].id as string;
  const line = done.data.items.find((i: { id: string }) => i.id === failed.id);
  assert.deepEqual([line.result, line.hazardId, line.photoIds.length], ['fail', hazardId, 1]);

  const hazard = (await (await as('safety')).get(api(`/hazards/${hazardId}`))).data;
  assert.equal(hazard.title, '检测记录缺失', 'the title says what is wrong: the checker\'s note');
  assert.equal(hazard.source, 'self_check');
  assert.equal(hazard.riskPointId, failed.riskPointId);
  assert.equal(hazard.status, 'reported');
  assert.match(hazard.description, /检测记录缺失/);
  assert.deepEqual(hazard.photos.map((p: { stage: string }) => p.stage), ['before']);
  assert.equal(hazard.photos[0].id, line.photoIds[0]);
  const row = await t.db.selectFrom('hazards').select(['check_task_id', 'checklist_item_id']).where('id', '=', hazardId).executeTakeFirstOrThrow();
  assert.deepEqual([row.check_task_id, row.checklist_item_id], [op2Task, failed.id]);
  assert.equal(await failing(failed.riskPointId!), true, 'the risk feedback loop');

  const twice = await run(holder, op2Task, results, { p1: png(42) });
  assert.equal(twice.statusCode, 409, 'a done task is not run again');
  assert.deepEqual([twice.data.error.code, twice.data.error.reason], ['STATE', 'TASK_NOT_OPEN']);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', op2Task).execute();
  assert.deepEqual(audit.map((a) => a.action), ['check.task.run']);

  // R-HAZ-6: the confirmed report earns its reporter a point on the leaderboard. The demo's own reports may already
  // be on this month's board (they are dated relative to today): those with more points rank above.
  type Entry = { rank: number; name: string; points: number; hazards: number };
  const before = (await holder.get(api('/hazard-leaderboard?period=month'))).data.items as Entry[];
  assert.ok(!before.some((i) => i.name === 'op2holder'));
  await (await as('safety')).post(api(`/hazards/${hazardId}/confirm`), { level: 'general', hazardClass: 'thing' });
  const board = await holder.get(api('/hazard-leaderboard?period=month'));
  assert.equal(board.statusCode, 200, board.body);
  const rank = 1 + before.filter((i) => i.points > 1).length;
  assert.deepEqual([board.data.me.rank, board.data.me.points, board.data.me.hazards], [rank, 1, 1]);
  const ranked = board.data.items as Entry[];
  assert.deepEqual(ranked.filter((i) => i.name === 'op2holder').map((i) => [i.rank, i.points, i.hazards]), [[rank, 1, 1]]);
  assert.deepEqual(ranked.filter((i) => i.name !== 'op2holder').map((i) => [i.name, i.points]), before.map((i) => [i.name, i.points]));
  assert.equal(board.data.since, '2026-11-30T16:00:00.000Z', 'this month on the enterprise\'s clock');
  assert.equal((await holder.get(api('/hazard-leaderboard?period=all'))).data.items.length >= 1, true);
  assert.equal((await (await as('chkother')).get(api('/hazard-leaderboard'))).statusCode, 404);
});

test('past its due time an open task is missed and its risk points fail until the next task is done; the assignee is reminded first', async () => {
  const safety = await as('safety');
  const elec = await post(['设备部', '维修班'], '电工');
  const item = (await checkItemsFor(t.db, wholeEnterprise(own()), own(), { postId: elec }))[0]!;
  assert.equal(await failing(item.riskPointId), false);
  const maint = (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', own()).where('name', '=', '维修班').executeTakeFirstOrThrow()).id;
  const table = await safety.post(api('/checklists'), { level: 'workshop', name: '维修班日检表', orgUnitId: maint, items: [{ source: 'risk', sourceId: item.id }] });
  const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
  t.clock.now = new Date('2026-12-03T02:00:00Z');
  const plan = await safety.post(api('/check-plans'), { name: '维修班日检', type: 'daily', cycle: 'daily', checklistId: table.data.id, assigneeUserId: leaderId, startsOn: '2026-12-01' });
  assert.equal(plan.statusCode, 201, plan.body);
  const [first] = await tasksOf(plan.data.id);
  assert.equal(first!.period_key, '2026-12-03', 'created with the plan');

  // 21:30 local: within three hours of the due time, one reminder.
  t.clock.now = new Date('2026-12-03T13:30:00Z');
  await t.platform.jobs.tick();
  t.clock.now = new Date('2026-12-03T13:40:00Z');
  await t.platform.jobs.tick();
  const leader = await as('leader');
  const bell = (await leader.get('/api/v1/notifications?pageSize=100')).data.items as { title: string; body: string }[];
  const reminders = bell.filter((n) => n.title === '检查任务即将到期：维修班日检');
  assert.equal(reminders.length, 1, JSON.stringify(bell.map((n) => n.title)));
  // Issue 10: the period and the deadline in words, the deadline as the end of the day it belongs to (not "12-04 00:00").
  assert.equal(reminders[0]!.body, '维修班日检表（12月3日）请于 12月3日 24:00 前完成检查。');
  const inEnglish = (await leader.get('/api/v1/notifications?pageSize=100', { 'accept-language': 'en-US' })).data.items as { title: string; body: string }[];
  assert.ok(inEnglish.some((n) => n.body === '维修班日检表 (3 Dec): complete the check before 3 Dec 24:00.'), JSON.stringify(inEnglish.map((n) => n.body)));

  // Past midnight local: missed, and the point fails.
  t.clock.now = new Date('2026-12-03T16:05:00Z');
  await t.platform.jobs.tick();
  const [missed, next] = await tasksOf(plan.data.id);
  assert.deepEqual([missed!.status, next!.period_key, next!.status], ['missed', '2026-12-04', 'open']);
  assert.equal(await failing(item.riskPointId), true);
  const counted = await safety.get(api(`/check-tasks?planId=${plan.data.id}`));
  assert.deepEqual(counted.data.counts, { open: 1, done: 0, missed: 1 });
  const missedView = await safety.get(api(`/check-tasks/${missed!.id}`));
  assert.deepEqual([missedView.data.status, missedView.data.canRun], ['missed', false]);
  assert.equal((await leader.post(api(`/check-tasks/${missed!.id}/run`), { results: [{ checklistItemId: missedView.data.items[0]?.id ?? item.id, result: 'pass' }] })).statusCode, 409);

  // The next day's check is done by the assigned user (plain JSON, no photos): resolved.
  const detail = (await leader.get(api(`/check-tasks/${next!.id}`))).data;
  const ok = await leader.post(api(`/check-tasks/${next!.id}/run`), { results: detail.items.map((i: { id: string }) => ({ checklistItemId: i.id, result: 'pass' })) });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await failing(item.riskPointId), false, 'the next task done clears the flag');

  // A plan with a record is stopped, not deleted; a later edit leaves it stopped.
  assert.equal((await safety.delete(api(`/check-plans/${plan.data.id}`))).statusCode, 409);
  assert.equal((await safety.patch(api(`/check-plans/${plan.data.id}`), { active: false })).data.active, false);
  const renamed = await safety.patch(api(`/check-plans/${plan.data.id}`), { name: '维修班日检（停用）' });
  assert.deepEqual([renamed.statusCode, renamed.data.active, renamed.data.assigneeUserId], [200, false, leaderId]);
  t.clock.now = new Date('2026-12-05T02:00:00Z');
  await t.platform.jobs.tick();
  assert.equal((await tasksOf(plan.data.id)).length, 2, 'a stopped plan makes no task');
});

test('three taps: the report context of a post lists its unit and risk points; another enterprise gets 404', async () => {
  const op2 = await post(['生产部', '二车间', '甲班'], '操作工');
  const ctx = await (await as('worker')).get(api(`/posts/${op2}/report-context`));
  assert.equal(ctx.statusCode, 200, ctx.body);
  assert.deepEqual([ctx.data.post.name, ctx.data.orgUnit.name, ctx.data.enterprise.id], ['操作工', '甲班', own()]);
  const point = ctx.data.riskPoints.find((r: { name: string }) => r.name === '有限空间作业（污水池）');
  assert.equal(point?.atPost, true);
  assert.equal((await (await as('chkother')).get(api(`/posts/${op2}/report-context`))).statusCode, 404);
  t.clock.now = new Date();
});

test('the workshop leader runs the post check cards of the posts in his unit (the demo 操作工 shift card)', async () => {
  await t.platform.jobs.tick();
  const ent = (await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'leader').executeTakeFirstOrThrow()).enterprise_id!;
  const leader = await t.login('leader');
  const mine = await leader.get(`/api/v1/enterprises/${ent}/check-tasks?mine=true&status=open`);
  assert.equal(mine.statusCode, 200);
  const card = (mine.data.items as { planName: string; canRun: boolean }[]).find((x) => x.planName === '操作工班前安全检查');
  assert.ok(card, 'the shift task of his team\'s post is among his tasks');
  assert.equal(card.canRun, true);
});

test('the workshop leader can also run that card, in one request', async () => {
  await t.platform.jobs.tick();
  const ent = (await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'leader').executeTakeFirstOrThrow()).enterprise_id!;
  const leader = await t.login('leader');
  const mine = await leader.get(`/api/v1/enterprises/${ent}/check-tasks?mine=true&status=open`);
  const card = (mine.data.items as { id: string; planName: string }[]).find((x) => x.planName === '操作工班前安全检查')!;
  const detail = await leader.get(`/api/v1/enterprises/${ent}/check-tasks/${card.id}`);
  const results = (detail.data.items as { id: string }[]).map((i) => ({ checklistItemId: i.id, result: 'pass', note: '', photoFields: [] }));
  const run = await leader.post(`/api/v1/enterprises/${ent}/check-tasks/${card.id}/run`, { results });
  assert.equal(run.statusCode, 200, run.body);
});
