import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { runHazardEscalation } from '../src/modules/hazards/loop/hazard-escalation';
import { sendTaskReminders } from '../src/modules/hazards/checks/check.service';
import { defineRuleSet } from '../src/platform/rules';
import { registerRuleSets } from '../src/platform/rules/rule-set';
import { currentRules } from '../src/platform/rules/rules.service';
import { makeEnterprise, makeHazard, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

/*
 * Rule-sets for every [cfg] value (issue 8 §3): one registry, versions per district appended and audited, values
 * parsed with their schema, and records that keep the version that decided them.
 */

let t: TestPlatform;
let admin: Client;
let ent: FreshEnterprise;
let districtId: string;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-05-01T01:00:00Z');
  admin = await t.login('admin');
  ent = await makeEnterprise(t);
  districtId = (await t.db.selectFrom('enterprises').select('district_id').where('id', '=', ent.id).executeTakeFirstOrThrow()).district_id;
});
after(async () => { await t.close(); });

async function save(name: string, value: unknown, note = '') {
  const res = await admin.put(`/api/v1/rules/${name}`, { value, note });
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { version: number; value: unknown };
}

const ESCALATION_DEFAULTS = { remindBeforeDays: 2, principalAfterDays: 3, regulatorAfterDays: 7 };

test('every module declares its rule-sets: the admin lists them with the version in force (0 = the RULES.md defaults)', async () => {
  const list = await admin.get('/api/v1/rules');
  assert.equal(list.statusCode, 200, list.body);
  const byName = new Map((list.data.items as { name: string; version: number; title: string; module: string; rules: string[] }[]).map((i) => [i.name, i]));
  for (const name of ['risk', 'hazard-escalation', 'hazard-points', 'check-cycles']) {
    assert.ok(byName.has(name), `${name} is listed`);
    assert.equal(byName.get(name)!.version, 0, `${name} is at its defaults`);
  }
  assert.equal(byName.get('hazard-points')!.title, '隐患报告积分（人人都是安全员）');
  assert.deepEqual(byName.get('hazard-points')!.rules, ['R-HAZ-6']);

  const one = await admin.get('/api/v1/rules/hazard-escalation', { 'accept-language': 'en-US' });
  assert.equal(one.statusCode, 200, one.body);
  assert.equal(one.data.title, 'Hazard reminders and overdue escalation');
  assert.deepEqual(one.data.current, { version: 0, value: ESCALATION_DEFAULTS, note: '', createdAt: null });
  assert.deepEqual(one.data.defaults, ESCALATION_DEFAULTS);
  assert.deepEqual(one.data.history, []);
  assert.equal(one.data.fields.principalAfterDays, 'Days overdue before the principal hears');
  // The structure the generic form is drawn from.
  assert.deepEqual(Object.keys((one.data.schema as { properties: object }).properties).sort(), ['principalAfterDays', 'regulatorAfterDays', 'remindBeforeDays']);

  assert.equal((await admin.get('/api/v1/rules/no-such-rules')).statusCode, 404);
});

test('RULES.md [cfg] defaults, row by row: R-LEC, R-LS, R-MES bands, R-RISK-4 control levels, R-HAZ-6 points, R-HAZ-1 cycles', async () => {
  const get = async (name: string) => (await admin.get(`/api/v1/rules/${name}`)).data.current.value;
  const risk = await get('risk');
  const rows: [string, unknown, unknown][] = [
    ['R-LEC: D > 320 → 1; 160 < D ≤ 320 → 2; 70 < D ≤ 160 → 3', risk.lec, { g1: 320, g2: 160, g3: 70 }],
    ['R-LS: R ≥ 20 → 1; 9–16 → 2; 4–8 → 3; 1–3 → 4', risk.ls, { g1: 16, g2: 8, g3: 3 }],
    ['R-MES: R > 180 → 1; 90–180 → 2; 50–90 → 3', risk.mes, { g1: 180, g2: 90, g3: 50 }],
    ['R-RISK-4: 1 → enterprise, 2 → department, 3 → workshop, 4 → team', risk.controlLevel, { 1: 'company', 2: 'department', 3: 'workshop', 4: 'team' }],
    ['R-RISK-3: every direct-judgement condition grades 1', [...risk.directConditions].sort(), ['confined_space_uncontrolled', 'dust_explosion_uncontrolled', 'law_breach', 'major_hazard_source', 'past_accident_uncontrolled']],
    ['R-HAZ-6: a general report 1 point, a major one 5', await get('hazard-points'), { general: 1, major: 5 }],
    ['R-HAZ-1: the post card each shift, the workshop daily, the enterprise monthly', (await get('check-cycles')).defaultCycle, { post: 'shift', workshop: 'daily', enterprise: 'monthly' }],
    ['R-HAZ-1: three eight-hour shifts, the morning shift from 08:00', (await get('check-cycles')).shiftDayStartHour, 8],
    ['R-HAZ-1: reminded 1 h before a shift ends … 15 days before a year does', (await get('check-cycles')).remindBeforeHours, { shift: 1, daily: 3, weekly: 24, monthly: 72, quarterly: 168, yearly: 360 }],
    ['R-HAZ-3: reminded 2 days before, the principal after 3 days overdue, the regulators after 7', await get('hazard-escalation'), ESCALATION_DEFAULTS],
  ];
  for (const [rule, actual, expected] of rows) assert.deepEqual(actual, expected, rule);
});

test('a bad value is a translated 400 naming the field, and nothing is saved', async () => {
  const cases: [string, unknown, string, string, string][] = [
    ['hazard-escalation', { ...ESCALATION_DEFAULTS, principalAfterDays: -1 }, 'body.value.principalAfterDays', '不能小于 0', 'At least 0'],
    ['hazard-escalation', { ...ESCALATION_DEFAULTS, regulatorAfterDays: 2 }, 'body.value.regulatorAfterDays', '升级到监管部门的天数须大于升级到主要负责人的天数', 'The regulators must hear later than the principal'],
    ['hazard-escalation', { remindBeforeDays: 2, principalAfterDays: 3 }, 'body.value.regulatorAfterDays', '必填', 'Required'],
    ['hazard-points', { general: 1.5, major: 5 }, 'body.value.general', '须为整数', 'Must be a whole number'],
    ['hazard-points', { general: '1', major: 5 }, 'body.value.general', '格式不正确', 'Invalid format'],
    ['check-cycles', { defaultCycle: { post: 'hourly', workshop: 'daily', enterprise: 'monthly' }, remindBeforeHours: { shift: 1, daily: 3, weekly: 24, monthly: 72, quarterly: 168, yearly: 360 } },
      'body.value.defaultCycle.post', '不是可选的值（可选：每班、每日、每周、每月、每季度、每年）', 'Not one of the options (Each shift, Daily, Weekly, Monthly, Quarterly, Yearly)'],
    ['check-cycles', { defaultCycle: { post: 'shift', workshop: 'daily', enterprise: 'monthly' }, remindBeforeHours: { shift: 9, daily: 3, weekly: 24, monthly: 72, quarterly: 168, yearly: 360 } },
      'body.value.remindBeforeHours.shift', '不能大于 8', 'At most 8'],
    ['risk', { lec: { g1: 10, g2: 70, g3: 20 } }, 'body.value.lec', '阈值须依次递减（重大 > 较大 > 一般）', 'Thresholds must decrease (grade 1 > grade 2 > grade 3)'],
    // A later hire's letter (R-RESP-3) is opened by the hire: it cannot be made monthly, nor opened by another event.
    ...(['monthly', 'other.event'] as const).map((to): [string, unknown, string, string, string] => ['obligations', { definitions: { 'resp.letter.new_hire': {
      enabled: true, effectiveFrom: '2025-01-01', applies: {}, remindDaysBefore: [7], escalateDaysAfter: [1],
      cadence: to === 'monthly' ? { kind: 'monthly', graceDays: 0 } : { kind: 'event', event: to, days: 30, workingDays: false },
    } } }, 'body.value.definitions.resp.letter.new_hire.cadence.kind', '事件触发的事项须仍由同一事件触发，按周期的事项须仍按周期（不能改变事项的类型）',
    'A duty triggered by an event stays triggered by the same event, and a periodic one stays periodic']),
  ];
  for (const [name, value, path, zh, en] of cases) {
    const res = await admin.put(`/api/v1/rules/${name}`, { value, note: 'x' });
    assert.equal(res.statusCode, 400, `${name} ${JSON.stringify(value)}: ${res.body}`);
    assert.equal(res.data.error.code, 'VALIDATION');
    const issue = (res.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path);
    assert.ok(issue, `${path} in ${res.body}`);
    assert.equal(issue.message, zh);
    const english = await admin.request('PUT', `/api/v1/rules/${name}`, { value, note: 'x' }, { 'accept-language': 'en-US' });
    assert.equal((english.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path)?.message, en);
  }
  assert.equal((await admin.put('/api/v1/rules/hazard-points', { note: 'no value' })).statusCode, 400);
  const saved = await t.db.selectFrom('rule_sets').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  assert.equal(saved.n, 0, 'nothing was saved');
  const audited = await t.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).where('action', '=', 'rules.save').executeTakeFirstOrThrow();
  assert.equal(audited.n, 0);
});

test('only the district admin reads or edits rule-sets: regulators, enterprises and institutions get 403, strangers 401', async () => {
  for (const username of ['yjj', 'guanshang', 'principal', 'safety', 'leader', 'worker', 'insurer', 'service']) {
    const c = await t.login(username);
    assert.equal((await c.get('/api/v1/rules')).statusCode, 403, `${username} lists`);
    assert.equal((await c.get('/api/v1/rules/hazard-points')).statusCode, 403, `${username} reads`);
    assert.equal((await c.put('/api/v1/rules/hazard-points', { value: { general: 9, major: 9 } })).statusCode, 403, `${username} saves`);
  }
  const own = await ent.login('principal');
  assert.equal((await own.put('/api/v1/rules/hazard-escalation', { value: ESCALATION_DEFAULTS })).statusCode, 403);
  assert.equal((await t.anonymous().get('/api/v1/rules')).statusCode, 401);
  assert.equal((await t.db.selectFrom('rule_sets').select('version').execute()).length, 0);
});

test('R-HAZ-6 report points changed: new confirmations award the new points, earlier awards keep theirs and their version', async () => {
  const before = await makeHazard(t, ent, { status: 'confirmed' });
  t.clock.now = new Date('2026-05-02T03:00:00Z');
  const v = await save('hazard-points', { general: 3, major: 10 }, '提高奖励');
  assert.equal(v.version, 1);
  const afterSave = await makeHazard(t, ent, { status: 'confirmed' });
  const points = await t.db.selectFrom('hazard_points').select(['hazard_id', 'points', 'rule_set_version']).where('enterprise_id', '=', ent.id).execute();
  const of = (id: string) => points.find((p) => p.hazard_id === id);
  assert.deepEqual(of(before.id), { hazard_id: before.id, points: 1, rule_set_version: 0 });
  assert.deepEqual(of(afterSave.id), { hazard_id: afterSave.id, points: 3, rule_set_version: 1 });

  // The version is appended with its note, author and time, and audited on the platform chain.
  const detail = (await admin.get('/api/v1/rules/hazard-points')).data;
  assert.deepEqual(detail.current, { version: 1, value: { general: 3, major: 10 }, note: '提高奖励', createdAt: '2026-05-02T03:00:00.000Z' });
  assert.deepEqual(detail.history, [{ version: 1, value: { general: 3, major: 10 }, note: '提高奖励', createdAt: '2026-05-02T03:00:00.000Z', createdBy: '区应急管理局管理员' }]);
  const audit = await t.db.selectFrom('audit_log').select(['entity_type', 'entity_id', 'before', 'after', 'chain']).where('action', '=', 'rules.save').execute();
  assert.deepEqual(audit, [{
    entity_type: 'rule_set', entity_id: 'hazard-points:1', chain: 'platform',
    before: { version: 0, value: { general: 1, major: 5 } }, after: { version: 1, value: { general: 3, major: 10 }, note: '提高奖励' },
  }]);

  // A screen edited on a stale version is a conflict; a version, once saved, can be neither changed nor deleted.
  const stale = await admin.put('/api/v1/rules/hazard-points', { value: { general: 2, major: 2 }, baseVersion: 0 });
  assert.equal(stale.statusCode, 409, stale.body);
  await assert.rejects(t.db.updateTable('rule_sets').set({ note: 'rewritten' }).where('kind', '=', 'hazard-points').execute(), /append-only/);
  await assert.rejects(t.db.deleteFrom('rule_sets').where('kind', '=', 'hazard-points').execute(), /append-only/);
  assert.equal((await save('hazard-points', { general: 1, major: 5 }, '恢复默认')).version, 2);
});

test('R-HAZ-3 escalation days changed: the principal hears on the new day, and the hazard records the version that raised it', async () => {
  t.clock.now = new Date('2026-06-01T01:00:00Z');
  const h = await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 3 }); // due 2026-06-04
  const level = async () => (await t.db.selectFrom('hazards').select(['escalation_level', 'escalation_rule_version']).where('id', '=', h.id).executeTakeFirstOrThrow());
  const reminded = async () => (await t.db.selectFrom('hazard_reminders').select('day').where('hazard_id', '=', h.id).orderBy('day').execute()).map((r) => r.day);

  // Under the defaults the rectifier is reminded two days before; one day before under the new rules.
  await runHazardEscalation(t.db, new Date('2026-06-02T01:00:00Z'));
  assert.deepEqual(await reminded(), ['2026-06-02']);
  const v = await save('hazard-escalation', { remindBeforeDays: 0, principalAfterDays: 1, regulatorAfterDays: 2 }, '从严');
  await runHazardEscalation(t.db, new Date('2026-06-03T01:00:00Z'));
  assert.deepEqual(await reminded(), ['2026-06-02'], 'no reminder the day before any more');
  await runHazardEscalation(t.db, new Date('2026-06-04T01:00:00Z'));
  assert.deepEqual(await reminded(), ['2026-06-02', '2026-06-04'], 'reminded on the deadline itself');

  await runHazardEscalation(t.db, new Date('2026-06-05T01:00:00Z'));
  assert.deepEqual(await level(), { escalation_level: 1, escalation_rule_version: v.version });
  // Two days late: the defaults would still leave it with the unit leader; the new rules raise it to the principal.
  await runHazardEscalation(t.db, new Date('2026-06-06T01:00:00Z'));
  assert.deepEqual(await level(), { escalation_level: 2, escalation_rule_version: v.version });
  await runHazardEscalation(t.db, new Date('2026-06-07T01:00:00Z'));
  assert.deepEqual(await level(), { escalation_level: 3, escalation_rule_version: v.version });
  const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', h.id).where('action', '=', 'hazard.escalate').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => (a.after as { escalationLevel: number; ruleSetVersion: number })).map((a) => [a.escalationLevel, a.ruleSetVersion]), [[1, v.version], [2, v.version], [3, v.version]]);

  // Back to the defaults: a hazard two days late stays with the unit leader.
  await save('hazard-escalation', ESCALATION_DEFAULTS, '恢复默认');
  t.clock.now = new Date('2026-06-10T01:00:00Z');
  const other = await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 1 }); // due 2026-06-11
  await runHazardEscalation(t.db, new Date('2026-06-13T01:00:00Z'));
  assert.equal((await t.db.selectFrom('hazards').select('escalation_level').where('id', '=', other.id).executeTakeFirstOrThrow()).escalation_level, 1);
});

test('R-HAZ-1 check cycles: a new checklist item takes the saved default cycle, and tasks are reminded with the saved lead time', async () => {
  t.clock.now = new Date('2026-07-01T02:00:00Z');
  const safety = await ent.login('safety');
  const api = (p: string) => `/api/v1/enterprises/${ent.id}${p}`;
  const lib = (await safety.get('/api/v1/check-library')).data.items as { id: string }[];
  const table = async (name: string) => {
    const res = await safety.post(api('/checklists'), { level: 'workshop', name, orgUnitId: ent.units.ws1, items: [{ source: 'standard', sourceId: lib[0]!.id }] });
    assert.equal(res.statusCode, 201, res.body);
    return res.data as { id: string; items: { cycle: string }[] };
  };
  assert.equal((await table('车间日检表')).items[0]!.cycle, 'daily');

  // A daily task is due at local midnight; at 19:00 local it is five hours away: past the default three-hour lead.
  const plan = await safety.post(api('/check-plans'), { name: '车间日检', type: 'daily', cycle: 'daily', checklistId: (await table('车间日检表二')).id, assigneeUserId: ent.users.leader.id, startsOn: '2026-07-01' });
  assert.equal(plan.statusCode, 201, plan.body);
  const task = async () => t.db.selectFrom('check_tasks').select(['reminded_at']).where('plan_id', '=', plan.data.id).where('period_key', '=', '2026-07-01').executeTakeFirstOrThrow();
  await sendTaskReminders(t.db, new Date('2026-07-01T11:00:00Z'));
  assert.equal((await task()).reminded_at, null, 'not yet under the defaults');

  await save('check-cycles', {
    defaultCycle: { post: 'shift', workshop: 'weekly', enterprise: 'monthly' }, shiftDayStartHour: 6,
    remindBeforeHours: { shift: 1, daily: 6, weekly: 24, monthly: 72, quarterly: 168, yearly: 360 },
  }, '车间每周，日检提前 6 小时提醒，早班 6 点');
  const weekly = await table('车间周检表');
  assert.equal(weekly.items[0]!.cycle, 'weekly');
  await sendTaskReminders(t.db, new Date('2026-07-01T11:00:00Z'));
  assert.deepEqual(await task(), { reminded_at: new Date('2026-07-01T11:00:00Z') });

  // Shifts from 06:00: at 10:00 local the morning shift runs 06:00–14:00 (under the defaults, 08:00–16:00).
  const shiftPlan = await safety.post(api('/check-plans'), { name: '车间每班', type: 'daily', cycle: 'shift', checklistId: weekly.id, assigneeUserId: ent.users.leader.id, startsOn: '2026-07-01' });
  assert.equal(shiftPlan.statusCode, 201, shiftPlan.body);
  const shiftTask = await t.db.selectFrom('check_tasks').select(['id', 'period_key', 'due_at']).where('plan_id', '=', shiftPlan.data.id).executeTakeFirstOrThrow();
  assert.deepEqual([shiftTask.period_key, shiftTask.due_at], ['2026-07-01#A', new Date('2026-07-01T06:00:00Z')]);
  const shown = await safety.get(api(`/check-tasks/${shiftTask.id}`));
  assert.equal(shown.data.startsAt, '2026-06-30T22:00:00.000Z');
});

test('a registered rule-set is parsed, never cast: a stored value missing a later field reads it from the defaults; currentRules by enterprise', async () => {
  const def = defineRuleSet({
    name: 'test-fixture-rules', module: 'test', rules: [],
    schema: z.object({ a: z.number().int(), b: z.number().int() }).strict(),
    defaults: { a: 1, b: 2 },
    labels: { 'zh-CN': { title: '测试', description: '', fields: {} }, 'en-US': { title: 'Test', description: '', fields: {} } },
  });
  registerRuleSets([def]);
  assert.throws(() => registerRuleSets([{ ...def }]), /declared twice/);
  assert.throws(() => defineRuleSet({ ...def, name: 'bad-defaults', defaults: { a: 1.5, b: 2 } }), /defaults/);
  assert.deepEqual(await currentRules(t.db, { enterpriseId: ent.id }, def), { version: 0, value: { a: 1, b: 2 }, note: '', createdAt: null, createdBy: null });
  // An older version saved before `b` existed.
  await t.db.insertInto('rule_sets').values({ district_id: districtId, kind: def.name, version: 1, rules: JSON.stringify({ a: 4 }), note: '' }).execute();
  assert.deepEqual((await currentRules(t.db, districtId, def)).value, { a: 4, b: 2 });
  await t.db.insertInto('rule_sets').values({ district_id: districtId, kind: def.name, version: 2, rules: JSON.stringify({ a: 'four' }), note: '' }).execute();
  await assert.rejects(currentRules(t.db, districtId, def), /does not parse/);
});
