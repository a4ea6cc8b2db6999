import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';
import { makeCreditCode } from '../src/seed/demo';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

test('a subdistrict officer sees only enterprises located in the subdistrict', async () => {
  const c = await t.login('guanshang');
  const res = await c.get('/api/v1/enterprises?pageSize=200');
  const expected = ids.ents.filter((e) => e.subdistrict_id === ids.ownEnterprise.subdistrict_id).length;
  assert.equal(res.data.total, expected);
  assert.ok(res.data.items.every((e: { subdistrictName: string }) => e.subdistrictName === '关上街道'));
  assert.equal((await c.get(`/api/v1/enterprises/${ids.foreign.id}`)).statusCode, 404);
  assert.equal((await c.get(`/api/v1/enterprises/${ids.foreign.id}/org-units`)).statusCode, 404);
  assert.equal((await c.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/org-units`)).statusCode, 200);
});

test('a department officer sees only the industries the department supervises ("三个必须")', async () => {
  const zjj = await t.login('zjj');
  const res = await zjj.get('/api/v1/enterprises?pageSize=200');
  assert.ok(res.data.total > 0);
  assert.ok(res.data.items.every((e: { industryCode: string }) => ['construction', 'gas'].includes(e.industryCode)));
  assert.equal((await zjj.get(`/api/v1/enterprises/${ids.ownEnterprise.id}`)).statusCode, 404);
  const yjj = await t.login('yjj');
  assert.equal((await yjj.get(`/api/v1/enterprises/${ids.ownEnterprise.id}`)).statusCode, 200);
  assert.equal((await yjj.get(`/api/v1/enterprises/${ids.foreign.id}`)).statusCode, 404);
});

test('a user of enterprise A gets 404 on every resource of enterprise B', async () => {
  const c = await t.login('principal');
  const b = ids.foreign.id;
  const unitB = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', b).where('kind', '=', 'department').executeTakeFirstOrThrow();
  const postB = await t.db.selectFrom('posts').select('id').where('enterprise_id', '=', b).executeTakeFirstOrThrow();
  const calls = await Promise.all([
    c.get(`/api/v1/enterprises/${b}`),
    c.patch(`/api/v1/enterprises/${b}`, { address: 'x', version: 1 }),
    c.get(`/api/v1/enterprises/${b}/org-units`),
    c.post(`/api/v1/enterprises/${b}/org-units`, { parentId: unitB.id, kind: 'workshop', name: '侵入车间' }),
    c.patch(`/api/v1/enterprises/${b}/org-units/${unitB.id}`, { name: 'x' }),
    c.delete(`/api/v1/enterprises/${b}/org-units/${unitB.id}`),
    c.get(`/api/v1/enterprises/${b}/posts`),
    c.patch(`/api/v1/enterprises/${b}/posts/${postB.id}`, { name: 'x' }),
    c.delete(`/api/v1/enterprises/${b}/posts/${postB.id}`),
  ]);
  assert.deepEqual(calls.map((r) => r.statusCode), Array(calls.length).fill(404));
  const list = await c.get('/api/v1/enterprises');
  assert.deepEqual(list.data.items.map((e: { id: string }) => e.id), [ids.ownEnterprise.id]);
  // And nothing changed in B.
  const unit = await t.db.selectFrom('org_units').select('name').where('enterprise_id', '=', b).where('id', '=', unitB.id).executeTakeFirstOrThrow();
  assert.notEqual(unit.name, 'x');
});

test('an insurer sees only the enterprises it insures', async () => {
  const c = await t.login('insurer');
  const res = await c.get('/api/v1/enterprises?pageSize=200');
  assert.ok(res.data.total > 0);
  assert.ok(res.data.items.every((e: { highRisk: boolean }) => e.highRisk));
  const lowRisk = ids.ents.find((e) => e.industry_code === 'education')!;
  assert.equal((await c.get(`/api/v1/enterprises/${lowRisk.id}`)).statusCode, 404);
});

test('§0 the admin registers an enterprise; a wrong check character is refused with the expected one', async () => {
  const admin = await t.login('admin');
  const good = makeCreditCode(5000);
  const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
  const body = { name: '昆明测试新材料有限公司', subdistrictId: ids.subs[2]!.id, industryCode: 'machinery' };
  const r1 = await admin.post('/api/v1/enterprises', { ...body, creditCode: bad });
  assert.equal(r1.statusCode, 400);
  assert.equal(r1.data.error.issues[0].path, 'body.creditCode');
  assert.equal(r1.data.error.issues[0].message, `统一社会信用代码校验位错误：应为 ${good[17]}`);
  const r2 = await admin.post('/api/v1/enterprises', { ...body, creditCode: good.toLowerCase() });
  assert.equal(r2.statusCode, 201);
  assert.equal(r2.data.creditCode, good);
  const dup = await admin.post('/api/v1/enterprises', { ...body, creditCode: good });
  assert.deepEqual([dup.statusCode, dup.data.error.issues[0]?.path], [400, 'body.creditCode']);
  // The new enterprise has the root of its tree.
  const tree = await admin.get(`/api/v1/enterprises/${r2.data.id}/org-units`);
  assert.deepEqual(tree.data.map((u: { kind: string }) => u.kind), ['company']);
});

test('an enterprise edits its profile but not the fields that decide who supervises it', async () => {
  const c = await t.login('principal');
  const e = await c.get(`/api/v1/enterprises/${ids.ownEnterprise.id}`);
  assert.equal(e.data.abilities.canEdit, true);
  const move = await c.patch(`/api/v1/enterprises/${ids.ownEnterprise.id}`, { subdistrictId: ids.subs[3]!.id, version: e.data.version });
  assert.equal(move.statusCode, 403);
  const officer = await t.login('guanshang');
  const seen = await officer.get(`/api/v1/enterprises/${ids.ownEnterprise.id}`);
  assert.equal(seen.data.abilities.canEdit, false);
});

test('the org tree follows company → department → workshop → team, and a unit leader sees his subtree', async () => {
  const c = await t.login('safety');
  const ent = ids.ownEnterprise.id;
  const units = (await c.get(`/api/v1/enterprises/${ent}/org-units`)).data as { id: string; kind: string; name: string; parentId: string | null }[];
  const root = units.find((u) => u.kind === 'company')!;
  const dept = await c.post(`/api/v1/enterprises/${ent}/org-units`, { parentId: root.id, kind: 'department', name: '质量部' });
  assert.equal(dept.statusCode, 201);
  const ws = await c.post(`/api/v1/enterprises/${ent}/org-units`, { parentId: dept.data.id, kind: 'workshop', name: '质检车间' });
  const team = await c.post(`/api/v1/enterprises/${ent}/org-units`, { parentId: ws.data.id, kind: 'team', name: '质检班' });
  assert.equal(team.statusCode, 201);
  const wrong = await c.post(`/api/v1/enterprises/${ent}/org-units`, { parentId: team.data.id, kind: 'team', name: '子班' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.data.error.issues[0].path, 'body.parentId');
  // A unit cannot move under its own descendant.
  const loop = await c.patch(`/api/v1/enterprises/${ent}/org-units/${dept.data.id}`, { parentId: ws.data.id });
  assert.equal(loop.statusCode, 400);
  // A non-empty unit is not deleted.
  const del = await c.delete(`/api/v1/enterprises/${ent}/org-units/${dept.data.id}`);
  assert.equal(del.statusCode, 409);
  assert.equal(del.data.error.code, 'STATE');
  // R-TRN-2: a special-operation post names its certificate.
  const post = await c.post(`/api/v1/enterprises/${ent}/posts`, { orgUnitId: team.data.id, name: '质检电工', specialOperation: true });
  assert.equal(post.statusCode, 400);
  assert.equal(post.data.error.issues[0].path, 'body.certificateType');
  const post2 = await c.post(`/api/v1/enterprises/${ent}/posts`, { orgUnitId: team.data.id, name: '质检电工', specialOperation: true, certificateType: '低压电工作业', keyPost: true });
  assert.equal(post2.statusCode, 201);

  const leader = await t.login('leader');
  const seen = (await leader.get(`/api/v1/enterprises/${ent}/org-units`)).data as { name: string }[];
  assert.ok(seen.some((u) => u.name === '一车间'));
  assert.ok(!seen.some((u) => u.name === '质检车间'), 'a unit leader does not see other branches');
  const posts = (await leader.get(`/api/v1/enterprises/${ent}/posts`)).data as { name: string }[];
  assert.ok(!posts.some((p) => p.name === '质检电工'));
  assert.equal((await leader.post(`/api/v1/enterprises/${ent}/org-units`, { parentId: root.id, kind: 'department', name: 'x' })).statusCode, 403);
});

test('the district admin changes what a department supervises, and its officers\' directory follows', async () => {
  const admin = await t.login('admin');
  const deps = (await admin.get('/api/v1/departments')).data as { id: string; code: string; industryCodes: string[] }[];
  const zjjDept = deps.find((d) => d.code === 'ZJJ')!;
  const zjj = await t.login('zjj');
  const before = (await zjj.get('/api/v1/enterprises?pageSize=200')).data.total as number;
  const res = await admin.patch(`/api/v1/departments/${zjjDept.id}`, { industryCodes: [...zjjDept.industryCodes, 'education'] });
  assert.equal(res.statusCode, 200);
  const afterTotal = (await zjj.get('/api/v1/enterprises?pageSize=200')).data.total as number;
  assert.equal(afterTotal, before + ids.ents.filter((e) => e.industry_code === 'education').length);
  const bad = await admin.patch(`/api/v1/departments/${zjjDept.id}`, { industryCodes: ['no_such_industry'] });
  assert.equal(bad.statusCode, 400);
  assert.equal((await zjj.patch(`/api/v1/departments/${zjjDept.id}`, { name: 'x' })).statusCode, 403);
});
