import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => { t = await createTestPlatform({ loginMaxFailures: 3, sessionTtlHours: 12 }); });
after(async () => { await t.close(); });

test('login sets an HTTP-only SameSite session cookie and /auth/me answers with the scope', async () => {
  const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guanshang', password: DEMO_PASSWORD } });
  assert.equal(res.statusCode, 200);
  const cookie = res.cookies.find((c) => c.name === 'sd_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  const me = await t.platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sd_session=${cookie.value}` } });
  assert.equal(me.json().scope.name, '关上街道');
  assert.equal(me.json().roleName, '街道监管员');
  // The token itself is never stored: only its hash.
  const stored = await t.db.selectFrom('sessions').select('id_hash').execute();
  assert.ok(stored.every((s) => s.id_hash !== cookie.value));
});

test('anonymous calls get 401 UNAUTHENTICATED with a Chinese message by default and English on request', async () => {
  const zh = await t.anonymous().get('/api/v1/enterprises');
  assert.equal(zh.statusCode, 401);
  assert.equal(zh.data.error.code, 'UNAUTHENTICATED');
  assert.equal(zh.data.error.message, '请先登录');
  const en = await t.anonymous().get('/api/v1/enterprises', { 'accept-language': 'en-US,en;q=0.9' });
  assert.equal(en.data.error.message, 'Please sign in first');
});

test('a wrong password is refused, and repeated failures lock the account', async () => {
  const anon = t.anonymous();
  for (let i = 0; i < 2; i++) {
    const r = await anon.post('/api/v1/auth/login', { username: 'zjj', password: 'wrong-1' });
    assert.equal(r.statusCode, 401);
    assert.equal(r.data.error.code, 'BAD_CREDENTIALS');
  }
  const third = await anon.post('/api/v1/auth/login', { username: 'zjj', password: 'wrong-1' });
  assert.equal(third.statusCode, 423);
  assert.equal(third.data.error.code, 'LOCKED');
  // Even the right password is refused while locked.
  const right = await anon.post('/api/v1/auth/login', { username: 'zjj', password: DEMO_PASSWORD });
  assert.equal(right.data.error.code, 'LOCKED');
  // The admin unlocks it.
  const admin = await t.login('admin');
  const id = (await t.db.selectFrom('users').select('id').where('username', '=', 'zjj').executeTakeFirstOrThrow()).id;
  assert.equal((await admin.post(`/api/v1/users/${id}/unlock`)).statusCode, 200);
  assert.equal((await anon.post('/api/v1/auth/login', { username: 'zjj', password: DEMO_PASSWORD })).statusCode, 200);
});

test('writes without the CSRF token are refused', async () => {
  const c = await t.login('safety');
  const csrf = c.csrf;
  c.csrf = null;
  const r = await c.put('/api/v1/auth/locale', { locale: 'en-US' });
  assert.equal(r.statusCode, 403);
  assert.equal(r.data.error.code, 'CSRF');
  c.csrf = csrf;
  assert.equal((await c.put('/api/v1/auth/locale', { locale: 'zh-CN' })).statusCode, 200);
});

test('a new user signs in with the one-time code and must choose a password before doing anything else', async () => {
  const admin = await t.login('admin');
  const sub = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const created = await admin.post('/api/v1/users', { username: 'taihe01', displayName: '太和街道 新人', role: 'subdistrict_officer', subdistrictId: sub.id });
  assert.equal(created.statusCode, 201);
  const initial = created.data.oneTimeCode as string;
  const u = await t.login('taihe01', initial);
  const blocked = await u.get('/api/v1/enterprises');
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.data.error.code, 'PASSWORD_CHANGE_REQUIRED');
  const weak = await u.post('/api/v1/auth/password', { currentPassword: initial, newPassword: 'short' });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.data.error.issues[0].path, 'body.newPassword');
  const ok = await u.post('/api/v1/auth/password', { currentPassword: initial, newPassword: 'Taihe2026ok' });
  assert.equal(ok.statusCode, 200);
  const list = await u.get('/api/v1/enterprises');
  assert.equal(list.statusCode, 200);
  assert.ok(list.data.items.every((e: { subdistrictName: string }) => e.subdistrictName === '太和街道'));
  // The change is in the audit trail.
  const row = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.password_change').executeTakeFirst();
  assert.ok(row);
});

test('logout ends the session', async () => {
  const c = await t.login('worker');
  assert.equal((await c.post('/api/v1/auth/logout')).statusCode, 200);
  assert.equal((await c.get('/api/v1/auth/me')).statusCode, 401);
});

test('security headers are set and the request id is echoed', async () => {
  const r = await t.anonymous().get('/api/health', { 'x-request-id': 'req-12345678' });
  assert.equal(r.headers['x-request-id'], 'req-12345678');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.ok(String(r.headers['content-security-policy']).includes("default-src 'self'"));
});

test('sign-ins are rate-limited per address at LOGIN_RATE_LIMIT_PER_MINUTE, in the documented error shape', async () => {
  const limited = await createTestPlatform({ loginRateLimitPerMinute: 3 });
  try {
    const anon = limited.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await anon.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong-password-x' })).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429]);
    const last = await anon.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong-password-x' });
    assert.equal(last.data.error.code, 'RATE_LIMITED');
  } finally {
    await limited.close();
  }
});

test('a session expires on the platform clock: valid until its twelfth hour, then 401 even from the short cache', async () => {
  const started = t.clock.now;
  try {
    const c = await t.login('worker');
    assert.equal((await c.get('/api/v1/auth/me')).statusCode, 200);
    t.clock.now = new Date(started.getTime() + 11 * 3600_000);
    assert.equal((await c.get('/api/v1/auth/me')).statusCode, 200, 'eleven hours on: still signed in');
    const seen = await t.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.last_seen_at', 's.created_at'])
      .where('u.username', '=', 'worker').orderBy('s.created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(seen.created_at.getTime(), started.getTime(), 'created at the platform clock\'s time');
    t.clock.now = new Date(started.getTime() + 12 * 3600_000 + 1000);
    const res = await c.get('/api/v1/auth/me');
    assert.equal(res.statusCode, 401, 'past twelve hours on the platform clock, though the wall clock has hardly moved');
  } finally {
    t.clock.now = started;
  }
});
