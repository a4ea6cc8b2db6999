import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODULES } from '../src/app';
import { installModules } from '../src/platform/module';
import { fixtureJobRuns, fixtureModule } from './fixtures/fixture-module';
import { createTestPlatform, type TestPlatform } from './helpers';

/**
 * A module plugs in through its manifest alone: the fixture module (test/fixtures/fixture-module.ts) brings a route,
 * a permission granted to roles, messages, an audit entity type and a job, and nothing else in the code base knows it.
 */
let t: TestPlatform;
before(async () => { t = await createTestPlatform({}, { modules: [...MODULES, fixtureModule] }); });
after(async () => { await t.close(); });

test('a module registered by its manifest serves its routes under its own permission, with its own messages', async () => {
  assert.ok(t.platform.routes.some((r) => r.url === '/api/v1/fixture/hello' && r.access === 'fixture.read'));
  const safety = await t.login('safety');
  assert.equal((await safety.get('/api/v1/fixture/hello')).data.greeting, '你好，精细化工 安全管理员');
  assert.equal((await safety.get('/api/v1/fixture/hello', { 'accept-language': 'en-US' })).data.greeting, 'Hello, 精细化工 安全管理员');
  // The grant reaches the signed-in user's view of their permissions, and only the roles granted hold it.
  const me = await safety.get('/api/v1/auth/me');
  assert.ok(me.data.permissions.includes('fixture.write'));
  const worker = await t.login('worker');
  assert.equal((await worker.get('/api/v1/fixture/hello')).statusCode, 200);
  assert.equal((await worker.post('/api/v1/fixture/things', { name: 'x' })).statusCode, 403);
  assert.equal((await (await t.login('guanshang')).get('/api/v1/fixture/hello')).statusCode, 403);
  assert.equal((await t.anonymous().get('/api/v1/fixture/hello')).statusCode, 401);
  // The district admin holds every permission, a module's too.
  assert.equal((await (await t.login('admin')).get('/api/v1/fixture/hello')).statusCode, 200);
});

test('a module\'s write is audited under its entity type, and its scheduled job runs on the platform clock', async () => {
  const safety = await t.login('safety');
  assert.equal((await safety.post('/api/v1/fixture/things', { name: 'first' })).statusCode, 201);
  const row = await t.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id']).where('entity_type', '=', 'fixture').executeTakeFirstOrThrow();
  assert.deepEqual(row, { action: 'fixture.create', entity_type: 'fixture', entity_id: 'first' });
  const before = fixtureJobRuns.length;
  await t.platform.jobs.tick();
  assert.deepEqual(fixtureJobRuns.slice(before), [{ from: 'schedule' }]);
});

test('manifests that collide fail at start instead of one silently winning', () => {
  assert.throws(() => installModules([fixtureModule, fixtureModule]), /listed twice/);
  assert.throws(() => installModules([{ name: 'clash', routes: [], messages: { 'zh-CN': { 'fixture.hello': '另一个' }, 'en-US': { 'fixture.hello': 'Other' } } }]), /registered twice/);
  assert.throws(() => installModules([{ name: 'half', routes: [], messages: { 'zh-CN': { 'half.only': '只有中文' }, 'en-US': {} } }]), /both locales/);
  assert.throws(() => installModules([{ name: 'stray', routes: [], roleGrants: { employee: ['stray.read' as never] } }]), /undeclared permission/);
});
