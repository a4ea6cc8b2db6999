import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { JobRunner } from '../src/platform/jobs/runner';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

test('a scheduled job runs once per slot even when two instances tick', async () => {
  const clock = { now: new Date('2026-12-01T00:00:00Z') };
  let runs = 0;
  const make = () => {
    const r = new JobRunner(t.db, { pollMs: 1000, now: () => clock.now });
    r.register('count', async () => { runs++; });
    r.schedule('count-hourly', 3600_000, 'count');
    return r;
  };
  const a = make();
  const b = make();
  await Promise.all([a.tick(), b.tick()]);
  assert.equal(runs, 1);
  await a.tick();
  assert.equal(runs, 1, 'same slot: no second run');
  clock.now = new Date('2026-12-01T01:00:00Z');
  await Promise.all([b.tick(), a.tick()]);
  assert.equal(runs, 2);
});

test('a failing job is retried with backoff and marked failed after its last attempt', async () => {
  const clock = { now: new Date('2026-12-02T00:00:00Z') };
  const r = new JobRunner(t.db, { pollMs: 1000, now: () => clock.now });
  let attempts = 0;
  r.register('flaky', async () => { attempts++; throw new Error('boom'); });
  await t.db.insertInto('jobs').values({ name: 'flaky', payload: '{}', run_at: clock.now, max_attempts: 2 }).execute();
  await r.tick();
  assert.equal(attempts, 1);
  await r.tick();
  assert.equal(attempts, 1, 'not before the backoff');
  clock.now = new Date(clock.now.getTime() + 5000);
  await r.tick();
  assert.equal(attempts, 2);
  const job = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
  assert.equal(job.state, 'failed');
  assert.equal(job.last_error, 'boom');
});

test('the outbox written with a new account becomes a notification in the bell', async () => {
  const admin = await t.login('admin');
  const ent = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const created = await admin.post('/api/v1/users', { username: 'newsafety', displayName: '新安全员', role: 'safety_manager', enterpriseId: ent.enterprise_id });
  assert.equal(created.statusCode, 201);
  const pending = await t.db.selectFrom('outbox').select('id').where('processed_at', 'is', null).execute();
  assert.ok(pending.length >= 1);
  await t.platform.jobs.tick();
  const u = await t.login('newsafety', created.data.oneTimeCode);
  await u.post('/api/v1/auth/password', { currentPassword: created.data.oneTimeCode, newPassword: 'Kunming#Safe2026x' });
  // The same tick may also run dated reminders (in December the annual risk report's, R-RISK-9, reaches every new
  // safety manager): count the welcome itself, not everything in the bell.
  const count = (await u.get('/api/v1/notifications/unread-count')).data.count as number;
  const list = await u.get('/api/v1/notifications');
  const welcome = (list.data.items as { id: string; title: string; readAt: string | null }[]).filter((n) => n.title === '欢迎使用企业安全生产主体责任平台');
  assert.equal(welcome.length, 1);
  assert.ok(count >= 1);
  assert.equal((await u.post(`/api/v1/notifications/${welcome[0]!.id}/read`)).statusCode, 200);
  assert.equal((await u.get('/api/v1/notifications/unread-count')).data.count, count - 1);
  // Nobody else can mark it.
  const other = await t.login('worker');
  assert.equal((await other.post(`/api/v1/notifications/${welcome[0]!.id}/read`)).statusCode, 404);
});

test('a notification reads in the reader’s language, with its kind named, never as a code (issue 10)', async () => {
  const admin = await t.login('admin');
  const ent = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const created = await admin.post('/api/v1/users', { username: 'bilingual', displayName: '双语安全员', role: 'safety_manager', enterpriseId: ent.enterprise_id });
  assert.equal(created.statusCode, 201, created.body);
  await t.platform.jobs.tick();
  const u = await t.login('bilingual', created.data.oneTimeCode);
  await u.post('/api/v1/auth/password', { currentPassword: created.data.oneTimeCode, newPassword: 'Kunming#Safe2026y' });
  type Item = { kind: string; kindName: string; title: string; body: string };
  const read = async (locale: string) => ((await u.get('/api/v1/notifications', { 'accept-language': locale })).data.items as Item[])
    .find((n) => n.kind === 'account')!;
  const zh = await read('zh-CN');
  const en = await read('en-US');
  assert.deepEqual([zh.kindName, zh.title], ['账号', '欢迎使用企业安全生产主体责任平台']);
  assert.equal(en.kindName, 'Account');
  assert.doesNotMatch(en.title + en.body, /[\u4e00-\u9fff]/, 'the same notification in English');
  // A kind nobody named (written by SQL, say) reads as a notice, not as its code.
  const id = (await t.db.selectFrom('users').select('id').where('username', '=', 'bilingual').executeTakeFirstOrThrow()).id;
  await t.db.insertInto('notifications').values({ user_id: id, kind: 'made.up', title: '标题', body: '' }).execute();
  const odd = ((await u.get('/api/v1/notifications')).data.items as Item[]).find((n) => n.kind === 'made.up')!;
  assert.equal(odd.kindName, '通知');
});

test('the embedded engine\'s statistics job analyses every table, one statement per table', { skip: Boolean(process.env.TEST_DATABASE_URL) && 'PostgreSQL runs its own autovacuum' }, async () => {
  await sql`create table analyze_probe (n int)`.execute(t.db);
  await sql`insert into analyze_probe select generate_series(1, 500)`.execute(t.db);
  const stats = async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stats where tablename = 'analyze_probe'`.execute(t.db)).rows[0]!.n);
  assert.equal(await stats(), 0);
  await t.platform.jobs.enqueue(t.db, 'db.analyze');
  await t.platform.jobs.tick();
  assert.equal(await stats(), 1, 'the new table was analysed');
  await sql`drop table analyze_probe`.execute(t.db);
});
