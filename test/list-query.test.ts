import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { applyFilters, listPage, orderByMap, searchWhere, type SortMap } from '../src/platform/db/list-query';
import { AppError } from '../src/platform/errors';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
let ent: FreshEnterprise;
let userId: string;

// Thirty notifications of one account: titles with the LIKE wildcards in them, and created_at in groups of five
// equal instants, so that only the tiebreak makes the order total.
const TITLES = Array.from({ length: 30 }, (_, i) => (i === 3 ? '100% 完成' : i === 4 ? '1000 完成' : i === 7 ? 'a_b 检查' : i === 8 ? 'axb 检查' : `消息 ${i}`));
const base = new Date('2026-03-01T00:00:00Z');

before(async () => {
  t = await createTestPlatform();
  ent = await makeEnterprise(t);
  userId = ent.users.worker.id;
  await t.db.insertInto('notifications').values(TITLES.map((title, i) => ({
    user_id: userId, kind: i % 2 ? 'system' : 'account', title, link: null, created_at: new Date(base.getTime() + Math.floor(i / 5) * 60_000), read_at: null,
  }))).execute();
});
after(async () => t.close());

const mine = () => t.db.selectFrom('notifications as n').where('n.user_id', '=', userId);
const SORT = { createdAt: 'n.created_at', title: { by: 'n.title', nulls: 'last' } } satisfies SortMap;

test('a search finds % and _ as themselves, not as wildcards', async () => {
  const find = async (q: string) => (await mine().where(searchWhere(q, ['n.title', 'n.body'])).select('n.title').execute()).map((r) => r.title).sort();
  assert.deepEqual(await find('0%'), ['100% 完成']);
  assert.deepEqual(await find('a_b'), ['a_b 检查']);
  assert.deepEqual(await find('\\'), []);
  assert.equal((await find('完成')).length, 2);
});

test('declared filters narrow the query; undefined values and undeclared keys are ignored', async () => {
  const filters = { kind: (qb: ReturnType<typeof mine>, v: string) => qb.where('n.kind', '=', v) };
  const count = async (values: { kind?: string; other?: string }) =>
    (await applyFilters(mine(), filters, values).select('n.id').execute()).length;
  assert.equal(await count({ kind: 'system' }), 15);
  assert.equal(await count({ kind: undefined }), 30);
  assert.equal(await count({ other: 'x' }), 30);
});

test('pages follow the sort map with a stable tiebreak and carry the total, for every count strategy', async () => {
  const all = (await mine().select('n.id').orderBy('n.created_at', 'desc').orderBy('n.id').execute()).map((r) => r.id);
  for (const count of ['query', 'window', 'subquery'] as const) {
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const p = await listPage(mine(), {
        select: (qb) => qb.select(['n.id', 'n.title']), page, pageSize: 7, count,
        sort: { map: SORT, key: 'createdAt', order: 'desc', tiebreak: [{ by: 'n.id', dir: 'asc' }] },
      });
      assert.equal(p.total, 30, `${count} page ${page}`);
      assert.equal(p.page, page);
      assert.equal(p.pageSize, 7);
      assert.ok(p.items.every((r) => !('__total' in r)), 'the window column stays inside');
      seen.push(...p.items.map((r) => r.id));
    }
    // Groups of five equal timestamps are cut across pages of seven: no row twice, none lost, in one order.
    assert.deepEqual(seen, all, count);
  }
});

test('a filtered list counts what it shows', async () => {
  const p = await listPage(mine().where(searchWhere('完成', ['n.title'])), {
    select: (qb) => qb.select(['n.title']), page: 1, pageSize: 1,
    sort: { map: SORT, key: 'title', order: 'asc', tiebreak: [{ by: 'n.id', dir: 'asc' }] },
  });
  assert.equal(p.total, 2);
  // Text order is the database's collation: the first title is whichever it puts first.
  const first = await mine().where(searchWhere('完成', ['n.title'])).select('n.title').orderBy('n.title').orderBy('n.id').executeTakeFirstOrThrow();
  assert.deepEqual(p.items.map((r) => r.title), [first.title]);
});

test('an unknown sort key is refused with a validation error', async () => {
  assert.throws(
    () => orderByMap(mine().select('n.id'), { map: SORT, key: 'user_id', order: 'asc', tiebreak: [] }),
    (e: unknown) => e instanceof AppError && e.code === 'VALIDATION' && e.issues[0]?.path === 'query.sort',
  );
  // Object's own properties are not sort keys either.
  assert.throws(() => orderByMap(mine().select('n.id'), { map: SORT, key: 'toString', order: 'asc', tiebreak: [] }), AppError);
});

test('list routes refuse unknown sort keys and out-of-range pages with 400, and search with escaped wildcards', async () => {
  const c = await ent.login('principal');
  const sortRes = await c.get(`/api/v1/enterprises/${ent.id}/employees?sort=password`);
  assert.equal(sortRes.statusCode, 400, sortRes.body);
  assert.equal(sortRes.json().error.code, 'VALIDATION');
  assert.equal((await c.get('/api/v1/enterprises?sort=name;drop')).statusCode, 400);
  assert.equal((await c.get(`/api/v1/enterprises/${ent.id}/hazards?sort=title`)).statusCode, 400);
  assert.equal((await c.get('/api/v1/enterprises?pageSize=201')).statusCode, 400);
  assert.equal((await c.get('/api/v1/enterprises?page=0')).statusCode, 400);
  const none = await c.get('/api/v1/enterprises?q=%25');
  assert.equal(none.statusCode, 200);
  assert.equal(none.json().total, 0, 'a % in the search box matches a literal %');
  const own = await c.get(`/api/v1/enterprises?q=${encodeURIComponent(ent.name)}`);
  assert.deepEqual(own.json().items.map((e: { id: string }) => e.id), [ent.id]);
  assert.equal(own.json().total, 1);
});
