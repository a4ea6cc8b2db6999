import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

// Two workshops each with a team called 甲班 and a post called 操作工 in it: by name alone the posts look the same.
let t: TestPlatform;
let e: FreshEnterprise;
let safety: Client;
let api: (path: string) => string;
const made = { team1: '', team2: '', post1: '', post2: '', rootPost: '' };

before(async () => {
  t = await createTestPlatform();
  e = await makeEnterprise(t);
  safety = await e.login('safety');
  api = (path) => `/api/v1/enterprises/${e.id}${path}`;
  const team = async (parentId: string) => {
    const res = await safety.post(api('/org-units'), { parentId, kind: 'team', name: '甲班' });
    assert.equal(res.statusCode, 201, res.body);
    return res.data.id as string;
  };
  const post = async (orgUnitId: string) => {
    const res = await safety.post(api('/posts'), { orgUnitId, name: '操作工' });
    assert.equal(res.statusCode, 201, res.body);
    return res.data as { id: string; unitPath: string };
  };
  made.team1 = await team(e.units.ws1);
  made.team2 = await team(e.units.ws2);
  const p1 = await post(made.team1);
  // The created post already carries its path, so a picker can show it without reloading the list.
  assert.equal(p1.unitPath, '一车间 / 甲班');
  made.post1 = p1.id;
  made.post2 = (await post(made.team2)).id;
  made.rootPost = (await post(e.rootUnitId)).id;
});
after(async () => { await t.close(); });

test('two same-named posts in different workshops come back with different unit paths, without the company', async () => {
  const res = await safety.get(api('/posts'));
  assert.equal(res.statusCode, 200, res.body);
  const path = (id: string) => (res.data as { id: string; unitPath: string }[]).find((p) => p.id === id)?.unitPath;
  assert.equal(path(made.post1), '一车间 / 甲班');
  assert.equal(path(made.post2), '二车间 / 甲班');
  // A post of the company itself is named by the company, the only name its unit has.
  assert.equal(path(made.rootPost), e.name);
});

test('the unit path follows a renamed workshop and a moved team', async () => {
  assert.equal((await safety.patch(api(`/org-units/${e.units.ws2}`), { name: '包装车间' })).statusCode, 200);
  assert.equal((await safety.patch(api(`/org-units/${made.team1}`), { parentId: e.units.ws2 })).statusCode, 200);
  const res = await safety.get(api('/posts'));
  const path = (id: string) => (res.data as { id: string; unitPath: string }[]).find((p) => p.id === id)?.unitPath;
  assert.equal(path(made.post1), '包装车间 / 甲班');
  assert.equal(path(made.post2), '包装车间 / 甲班');
  assert.equal((await safety.patch(api(`/org-units/${made.team1}`), { parentId: e.units.ws1 })).statusCode, 200);
  assert.equal((await safety.patch(api(`/org-units/${e.units.ws2}`), { name: '二车间' })).statusCode, 200);
});

test('the printed risk card and the notice board name the unit by its path', async () => {
  const point = await safety.post(api('/risk-points'), {
    name: '灌装机', kind: 'equipment', orgUnitId: made.team2, postIds: [made.post2],
    assessment: { methods: [{ method: 'LEC', L: 3, E: 6, C: 15 }], reason: '首次' },
  });
  assert.equal(point.statusCode, 201, point.body);
  const card = await safety.get(api(`/posts/${made.post2}/risk-card`));
  assert.equal(card.statusCode, 200, card.body);
  assert.equal(card.data.post.unitPath, '二车间 / 甲班');
  const issued = await safety.post(api(`/posts/${made.post2}/risk-card`));
  assert.equal(issued.statusCode, 200, issued.body);
  const token = String(issued.data.qr.url).split('/').pop();
  const scanned = await t.anonymous().get(`/api/v1/public/risk-cards/${token}`);
  assert.equal(scanned.statusCode, 200, scanned.body);
  assert.equal(scanned.data.post.unitPath, '二车间 / 甲班');
  const board = await safety.get(api('/risk-board'));
  assert.equal(board.statusCode, 200, board.body);
  const row = (board.data.points as { id: string; unitPath: string }[]).find((p) => p.id === point.data.id);
  assert.equal(row?.unitPath, '二车间 / 甲班');
});

test('a post check card names its post with the unit path, on screen and on paper', async () => {
  const made2 = await safety.post(api('/checklists'), { level: 'post', name: '甲班操作工检查卡', postId: made.post2 });
  assert.equal(made2.statusCode, 201, made2.body);
  assert.equal(made2.data.unitPath, '二车间 / 甲班');
  const list = await safety.get(api('/checklists'));
  const row = (list.data.items as { id: string; unitPath: string | null }[]).find((c) => c.id === made2.data.id);
  assert.equal(row?.unitPath, '二车间 / 甲班');
  const print = await safety.get(api(`/checklists/${made2.data.id}/print`));
  assert.equal(print.statusCode, 200, print.body);
  assert.equal(print.data.unitPath, '二车间 / 甲班');
});
