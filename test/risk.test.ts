import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { errorHandler } from '../src/platform/http/errors';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const base = () => `/api/v1/enterprises/${ids.ownEnterprise.id}`;
async function unit(name: string) {
  return (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

test('R-LEC: the safety manager creates a point with L=6, E=6, C=15 and it grades 1 (red), controlled by the company', async () => {
  const c = await t.login('safety');
  const res = await c.post(`${base()}/risk-points`, {
    name: '液氨制冷机房', kind: 'place', orgUnitId: await unit('一车间'), accidentTypes: ['中毒和窒息', '容器爆炸'],
    hazardFactors: { people: [], things: ['液氨泄漏'], environment: [], management: [] },
    assessment: { methods: [{ method: 'LEC', L: 6, E: 6, C: 15 }], reason: '首次辨识' },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.grade, 1);
  assert.equal(res.data.inherentGrade, 1);
  assert.equal(res.data.controlLevel, 'company');
  assert.deepEqual(res.data.requiredLevels, ['company', 'department', 'workshop', 'team']);
  assert.match(res.data.code, /^FX-\d{3}$/);
  assert.equal(res.data.assessments[0].ruleSetVersion, 0);
  assert.equal(res.data.assessments[0].methods[0].score, 540);
  // R-RISK-8: a grade-1 point without the four items is flagged.
  assert.deepEqual(res.data.missingR8, ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes']);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.data.id).execute();
  assert.deepEqual(audit.map((a) => a.action), ['risk.create']);
});

test('scores are computed, never typed: a value outside the published list is refused', async () => {
  const c = await t.login('safety');
  const res = await c.post(`${base()}/risk-points`, { name: 'x', kind: 'place', orgUnitId: await unit('一车间'), assessment: { methods: [{ method: 'LEC', L: 5, E: 6, C: 15 }], reason: 'r' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.data.error.issues[0].path, 'body.methods.L');
  assert.match(res.data.error.issues[0].message, /取值表/);
  const count = await t.db.selectFrom('risk_points').select('id').where('name', '=', 'x').execute();
  assert.equal(count.length, 0, 'nothing was saved');
});

test('R-RISK-2 从严从高 and R-RISK-6 history: a re-assessment with LS and MES keeps the highest grade and its reason', async () => {
  const c = await t.login('safety');
  const created = await c.post(`${base()}/risk-points`, { name: '装卸站台', kind: 'place', orgUnitId: await unit('二车间'), assessment: { methods: [{ method: 'LEC', L: 1, E: 6, C: 7 }], reason: '首次' } });
  assert.equal(created.data.grade, 4);
  const re = await c.post(`${base()}/risk-points/${created.data.id}/assessments`, {
    stage: 'residual', reason: '新增危化品装卸，工艺变更', methods: [{ method: 'LS', L: 3, S: 3 }, { method: 'MES', M: 3, E: 6, S: 2 }],
  });
  assert.equal(re.statusCode, 201);
  assert.equal(re.data.grade, 2, 'LS 9 → 2 beats MES 36 → 4');
  assert.equal(re.data.inherentGrade, 4);
  assert.equal(re.data.residualGrade, 2);
  assert.deepEqual(re.data.assessments.map((a: { reason: string }) => a.reason), ['新增危化品装卸，工艺变更', '首次']);
});

test('the district admin edits the bands as a new rule-set version; later assessments record and follow it', async () => {
  const admin = await t.login('admin');
  const current = await admin.get('/api/v1/risk/rules');
  assert.equal(current.data.current.version, 0);
  // The stricter variant in RULES.md: > 160 → 1, 70–160 → 2, 20–70 → 3.
  const rules = { ...current.data.current.rules, lec: { g1: 160, g2: 70, g3: 20 } };
  const saved = await admin.put('/api/v1/risk/rules', { rules, note: '采用严格分级' });
  assert.equal(saved.statusCode, 200);
  assert.equal(saved.data.version, 1);
  const bad = await admin.put('/api/v1/risk/rules', { rules: { ...rules, lec: { g1: 10, g2: 70, g3: 20 } } });
  assert.equal(bad.statusCode, 400);
  const c = await t.login('safety');
  const p = await c.post(`${base()}/risk-points`, { name: '锅炉房', kind: 'place', orgUnitId: await unit('设备部'), assessment: { methods: [{ method: 'LEC', L: 3, E: 6, C: 15 }], reason: '首次' } });
  assert.equal(p.data.grade, 1, 'D=270 is grade 1 under the new bands');
  assert.equal(p.data.assessments[0].ruleSetVersion, 1);
  assert.equal((await c.get('/api/v1/risk/rules')).statusCode, 403);
  // Restore the defaults for the other tests.
  await admin.put('/api/v1/risk/rules', { rules: current.data.current.rules, note: '恢复默认' });
});

test('R-RISK-4/5: controllers, measures and the check items the hazard module reads', async () => {
  const c = await t.login('safety');
  const p = await c.post(`${base()}/risk-points`, { name: '打包机', kind: 'equipment', orgUnitId: await unit('一车间'), assessment: { methods: [{ method: 'LEC', L: 3, E: 6, C: 7 }], reason: '首次' } });
  const emps = await t.db.selectFrom('employees').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).limit(2).execute();
  const ctl = await c.put(`${base()}/risk-points/${p.data.id}/controllers`, { workshop: emps[0]!.id, team: emps[1]!.id });
  assert.equal(ctl.statusCode, 200);
  assert.deepEqual(ctl.data.controllers.map((x: { level: string }) => x.level).sort(), ['team', 'workshop']);
  const post = await t.db.selectFrom('posts').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', '操作工').executeTakeFirstOrThrow();
  const m = await c.put(`${base()}/risk-points/${p.data.id}/measures`, {
    measures: [{ category: 'engineering', content: '设置防护罩', checkItems: [{ content: '防护罩完好', cycle: 'shift', postId: post.id }] }, { category: 'training', content: '岗前培训' }],
  });
  assert.equal(m.statusCode, 200);
  assert.equal(m.data.measures.length, 2);
  const items = await c.get(`${base()}/risk-check-items?postId=${post.id}`);
  assert.ok(items.data.some((i: { content: string; riskName: string }) => i.content === '防护罩完好' && i.riskName === '打包机'));
  const badCategory = await c.put(`${base()}/risk-points/${p.data.id}/measures`, { measures: [{ category: 'magic', content: 'x' }] });
  assert.equal(badCategory.statusCode, 400);
});

test('the ledger filters by grade and flags, and the summary counts by grade', async () => {
  const c = await t.login('safety');
  const red = await c.get(`${base()}/risk-points?grade=1`);
  assert.ok(red.data.total >= 1);
  assert.ok(red.data.items.every((i: { grade: number }) => i.grade === 1));
  const missing = await c.get(`${base()}/risk-points?flag=missingR8`);
  assert.ok(missing.data.items.every((i: { missingR8: string[] }) => i.missingR8.length > 0));
  const s = await c.get(`${base()}/risk-summary`);
  const all = await c.get(`${base()}/risk-points?pageSize=1000`);
  assert.equal(s.data.total, all.data.total);
  assert.equal(s.data.byGrade[1], red.data.total);
});

test('scope: another enterprise and another subdistrict get 404 on every risk resource; the unit leader sees his branch', async () => {
  const point = (await t.db.selectFrom('risk_points').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).executeTakeFirstOrThrow()).id;
  const ghost = ids.foreign.id;
  // A principal of another enterprise: make one.
  const admin = await t.login('admin');
  const u = await admin.post('/api/v1/users', { username: 'otherboss', displayName: '他企负责人', role: 'enterprise_principal', enterpriseId: ghost });
  const other = await t.login('otherboss', u.data.oneTimeCode);
  await other.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: 'Kunming#Safe2026x' });
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const o = await admin.post('/api/v1/users', { username: 'taiheofficer', displayName: '太和监管', role: 'subdistrict_officer', subdistrictId: taihe.id });
  const officer = await t.login('taiheofficer', o.data.oneTimeCode);
  await officer.post('/api/v1/auth/password', { currentPassword: o.data.oneTimeCode, newPassword: 'Taihe2026abc' });
  for (const client of [other, officer]) {
    const calls = await Promise.all([
      client.get(`${base()}/risk-points`), client.get(`${base()}/risk-points/${point}`), client.get(`${base()}/risk-summary`),
      client.get(`${base()}/risk-check-items`),
    ]);
    assert.deepEqual(calls.map((r) => r.statusCode), [404, 404, 404, 404]);
  }
  const writes = await Promise.all([
    other.patch(`${base()}/risk-points/${point}`, { name: 'x', version: 1 }),
    other.post(`${base()}/risk-points/${point}/assessments`, { methods: [{ method: 'LS', L: 1, S: 1 }], reason: 'x' }),
    other.delete(`${base()}/risk-points/${point}`),
    other.post(`${base()}/risk-points`, { name: 'x', kind: 'place', orgUnitId: await unit('一车间') }),
  ]);
  assert.deepEqual(writes.map((r) => r.statusCode), [404, 404, 404, 404]);
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.get(`${base()}/risk-points`)).statusCode, 200);
  assert.equal((await guanshang.post(`${base()}/risk-points/${point}/assessments`, { methods: [{ method: 'LS', L: 1, S: 1 }], reason: 'x' })).statusCode, 403);

  const leader = await t.login('leader');
  const mine = (await leader.get(`${base()}/risk-points?pageSize=1000`)).data.items as { orgUnitName: string }[];
  assert.ok(mine.length > 0);
  assert.ok(mine.every((i) => ['一车间', '甲班', '乙班'].includes(i.orgUnitName)), 'only his workshop and its teams');
  const my = await leader.get('/api/v1/risk/mine');
  assert.ok(my.data.items.length > 0, 'the workshop head controls demo risks');
});

test('archiving removes a point from the ledger and is audited', async () => {
  const c = await t.login('safety');
  const p = await c.post(`${base()}/risk-points`, { name: '临时堆场', kind: 'place', orgUnitId: await unit('二车间') });
  assert.equal(p.data.grade, null);
  assert.equal((await c.delete(`${base()}/risk-points/${p.data.id}`)).statusCode, 200);
  assert.equal((await c.get(`${base()}/risk-points/${p.data.id}`)).statusCode, 404);
  const a = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', p.data.id).orderBy('seq').execute();
  assert.deepEqual(a.map((x) => x.action), ['risk.create', 'risk.archive']);
});

test('D12 risk-point codes come from one series: it continues after the demo ledger and moves past a code chosen by hand', async () => {
  const c = await t.login('safety');
  const auto = async (name: string) => {
    const res = await c.post(`${base()}/risk-points`, { name, kind: 'place', orgUnitId: await unit('二车间') });
    assert.equal(res.statusCode, 201, res.body);
    return res.data.code as string;
  };
  const used = (await t.db.selectFrom('risk_points').select('code').where('enterprise_id', '=', ids.ownEnterprise.id).execute()).map((r) => r.code);
  const first = await auto('编号一');
  assert.ok(!used.includes(first), `${first} is a new code`);
  const chosen = `FX-${String(Number(first.slice(3)) + 40).padStart(3, '0')}`;
  assert.equal((await c.post(`${base()}/risk-points`, { name: '手填编号', code: chosen, kind: 'place', orgUnitId: await unit('二车间') })).statusCode, 201);
  assert.equal(await auto('编号二'), `FX-${String(Number(chosen.slice(3)) + 1).padStart(3, '0')}`);
  const counter = await t.db.selectFrom('code_counters').select('n').where('enterprise_id', '=', ids.ownEnterprise.id).where('series', '=', 'risk_point').executeTakeFirstOrThrow();
  assert.equal(counter.n, Number(chosen.slice(3)) + 1);
});

test('issue 10: a code another point holds is refused 400 at body.code ("编号已存在"), on create and on update', async () => {
  const c = await t.login('safety');
  const first = await c.post(`${base()}/risk-points`, { name: '编号重复一', kind: 'place', orgUnitId: await unit('二车间') });
  assert.equal(first.statusCode, 201, first.body);
  const again = await c.post(`${base()}/risk-points`, { name: '编号重复二', code: first.data.code, kind: 'place', orgUnitId: await unit('二车间') });
  assert.equal(again.statusCode, 400, again.body);
  assert.equal(again.data.error.code, 'VALIDATION');
  assert.deepEqual(again.data.error.issues, [{ path: 'body.code', message: '该风险点编号已存在' }]);
  const en = await c.request('POST', `${base()}/risk-points`, { name: '编号重复二', code: first.data.code, kind: 'place', orgUnitId: await unit('二车间') }, { 'accept-language': 'en-US' });
  assert.deepEqual(en.data.error.issues, [{ path: 'body.code', message: 'This risk point code is already taken' }]);
  const second = await c.post(`${base()}/risk-points`, { name: '编号重复二', kind: 'place', orgUnitId: await unit('二车间') });
  const clash = await c.patch(`${base()}/risk-points/${second.data.id}`, { version: second.data.version, code: first.data.code });
  assert.equal(clash.statusCode, 400, clash.body);
  assert.deepEqual(clash.data.error.issues.map((i: { path: string }) => i.path), ['body.code']);
});

test('issue 10: a unique violation that raced past the service\'s check is answered at the field its module declared', () => {
  const sent: { status?: number; body?: { error: { code: string; issues: unknown[] } } } = {};
  const reply = { status(n: number) { sent.status = n; return reply; }, send(b: typeof sent.body) { sent.body = b; return reply; } };
  const req = { id: 'r1', locale: 'zh-CN', headers: {}, log: { info() {}, warn() {}, error() {} } };
  const violation = (constraint: string) => Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', constraint });
  errorHandler(violation('risk_points_enterprise_id_code_key'), req as never, reply as never);
  assert.deepEqual([sent.status, sent.body?.error.code, sent.body?.error.issues], [400, 'VALIDATION', [{ path: 'body.code', message: '该风险点编号已存在' }]]);
  errorHandler(violation('some_other_key'), req as never, reply as never);
  assert.deepEqual([sent.status, sent.body?.error.code], [409, 'CONFLICT']);
});

test('D12 migration 0010 carries the hazard counters over and continues risk-point codes after the highest FX- code', async () => {
  const ent = ids.ownEnterprise.id;
  const file = readFileSync(path.join(import.meta.dirname, '../migrations/0010_code_counters.sql'), 'utf8');
  const statements = file.replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean);
  const rolledBack = new Error('rolled back on purpose');
  // The state before 0010, rebuilt inside a transaction that is rolled back: 0005's counter table and codes in use.
  const got = await t.db.transaction().execute(async (tx) => {
    await sql`drop table code_counters`.execute(tx);
    await sql`create table hazard_counters (enterprise_id uuid not null references enterprises(id) on delete cascade, year integer not null,
      n integer not null, primary key (enterprise_id, year))`.execute(tx);
    await sql`insert into hazard_counters values (${ent}, 2025, 17), (${ent}, 2026, 41)`.execute(tx);
    await sql`update risk_points set code = 'FX-0123' where enterprise_id = ${ent} and code = 'FX-001'`.execute(tx);
    await sql`update risk_points set code = 'FX-99999999999' where enterprise_id = ${ent} and code = 'FX-002'`.execute(tx);
    for (const s of statements) await sql.raw(s).execute(tx);
    const rows = await tx.selectFrom('code_counters').select(['series', 'year', 'n']).where('enterprise_id', '=', ent).orderBy('series').orderBy('year').execute();
    throw Object.assign(rolledBack, { rows });
  }).catch((e: unknown) => { if (e !== rolledBack) throw e; return (e as Error & { rows: unknown }).rows; });
  // Codes too long for a counter (and anything not FX-digits) are left out of the backfill.
  assert.deepEqual(got, [{ series: 'hazard', year: 2025, n: 17 }, { series: 'hazard', year: 2026, n: 41 }, { series: 'risk_point', year: 0, n: 123 }]);
  assert.ok(await t.db.selectFrom('code_counters').select('n').executeTakeFirst(), 'the real table is untouched');
});

test('issue 10: the ledger\'s method summary reads in the reader\'s language ("LEC 720；直接判定" / "LEC 720; Direct")', async () => {
  const c = await t.login('safety');
  const zh = await c.get(`${base()}/risk-points?pageSize=100`);
  const en = await c.get(`${base()}/risk-points?pageSize=100`, { 'accept-language': 'en-US' });
  const direct = (res: typeof zh) => (res.data.items as { code: string; scores: string }[]).find((p) => p.code === 'FX-001')!.scores;
  assert.equal(direct(zh), 'LEC 720；直接判定');
  assert.equal(direct(en), 'LEC 720; Direct');
});
