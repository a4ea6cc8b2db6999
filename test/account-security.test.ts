import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '../src/platform/auth/password';
import { loadConfig } from '../src/platform/config';
import { t as translate } from '../src/platform/i18n/messages';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => { t = await createTestPlatform({ loginMaxFailures: 3, loginLockMinutes: 15 }); });
after(async () => { await t.close(); });

const NEW_PASSWORD = 'Kunming#Safe2026x';

type LoginAnswer = { status: number; code: string | null; message: string | null; device: string | null };

/** A sign-in from a given client address, optionally carrying a device cookie. */
async function loginFrom(ip: string, username: string, password: string, device?: string): Promise<LoginAnswer> {
  const res = await t.platform.app.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password },
    ...(device ? { cookies: { sd_device: device } } : {}),
  });
  const body = res.json() as { error?: { code: string; message: string } };
  return { status: res.statusCode, code: body.error?.code ?? null, message: body.error?.message ?? null, device: res.cookies.find((c) => c.name === 'sd_device')?.value ?? null };
}

async function userId(username: string): Promise<string> {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

test('D2: a reset hands out a one-time code, never a password: the old password stops, the code signs in and forces a new one', async () => {
  const admin = await t.login('admin');
  const id = await userId('principal');
  const res = await admin.post(`/api/v1/users/${id}/reset-password`);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(Object.keys(res.data).sort(), ['expiresAt', 'oneTimeCode']);
  const code = res.data.oneTimeCode as string;
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.equal(new Date(res.data.expiresAt).getTime(), t.clock.now.getTime() + 24 * 3600_000);
  // The code is stored only as a hash, and the audit row of the reset does not carry it.
  const stored = await t.db.selectFrom('one_time_codes').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
  assert.ok(!stored.code_hash.includes(code));
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.reset_password').where('entity_id', '=', id).executeTakeFirstOrThrow();
  assert.ok(!JSON.stringify(audit).includes(code) && !JSON.stringify(audit).includes(code.replace(/-/g, '')));

  assert.equal((await loginFrom('10.1.0.1', 'principal', DEMO_PASSWORD)).code, 'BAD_CREDENTIALS');
  const p = await t.login('principal', code.toLowerCase());
  const blocked = await p.get('/api/v1/enterprises');
  assert.equal(blocked.data.error.code, 'PASSWORD_CHANGE_REQUIRED');
  assert.equal((await p.get('/api/v1/auth/me')).data.mustChangePassword, true);
  assert.equal((await p.post('/api/v1/auth/password', { currentPassword: code, newPassword: NEW_PASSWORD })).statusCode, 200);
  assert.equal((await p.get('/api/v1/enterprises')).statusCode, 200);
  // Used once: the code is gone, the chosen password works.
  assert.equal((await loginFrom('10.1.0.1', 'principal', code)).code, 'BAD_CREDENTIALS');
  assert.equal((await loginFrom('10.1.0.1', 'principal', NEW_PASSWORD)).status, 200);
});

test('D2: a one-time code expires after 24 hours', async () => {
  const admin = await t.login('admin');
  const res = await admin.post(`/api/v1/users/${await userId('zjj')}/reset-password`);
  const code = res.data.oneTimeCode as string;
  const start = t.clock.now;
  try {
    t.clock.now = new Date(start.getTime() + 24 * 3600_000 + 60_000);
    assert.equal((await loginFrom('10.1.0.2', 'zjj', code)).code, 'BAD_CREDENTIALS');
    t.clock.now = new Date(start.getTime() + 23 * 3600_000);
    assert.equal((await loginFrom('10.1.0.2', 'zjj', code)).status, 200);
  } finally {
    t.clock.now = start;
  }
});

test('D2: the safety manager can neither take over nor disable the principal (review reproduction)', async () => {
  const safety = await t.login('safety');
  const id = await userId('principal');
  const reset = await safety.post(`/api/v1/users/${id}/reset-password`);
  assert.equal(reset.statusCode, 403);
  assert.equal(reset.data.error.code, 'FORBIDDEN');
  assert.equal(reset.data.oneTimeCode, undefined);
  const disable = await safety.patch(`/api/v1/users/${id}`, { disabled: true });
  assert.equal(disable.statusCode, 403);
  const promote = await safety.patch(`/api/v1/users/${await userId('worker')}`, { role: 'enterprise_principal' });
  assert.equal(promote.statusCode, 403);
  const row = await t.db.selectFrom('users').select(['disabled', 'role']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { disabled: false, role: 'enterprise_principal' });
});

test('D2: the principal moves a worker to unit leader of a unit, and the account must sign in again', async () => {
  const principal = await t.login('principal', NEW_PASSWORD);
  const worker = await t.login('worker');
  const unit = await t.db.selectFrom('users').select('org_unit_id').where('username', '=', 'leader').executeTakeFirstOrThrow();
  const res = await principal.patch(`/api/v1/users/${await userId('worker')}`, { role: 'unit_leader', orgUnitId: unit.org_unit_id! });
  assert.equal(res.statusCode, 200);
  assert.equal(res.data.role, 'unit_leader');
  assert.equal((await worker.get('/api/v1/auth/me')).statusCode, 401);
  const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'user.update_role').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal((audit.after as { role: string }).role, 'unit_leader');
  const back = await principal.patch(`/api/v1/users/${await userId('worker')}`, { role: 'employee' });
  assert.equal(back.statusCode, 200);
});

test('D13: failures lock out one source only; the owner on a known device still signs in with the right password', async () => {
  const owner = await loginFrom('10.2.0.1', 'yjj', DEMO_PASSWORD);
  assert.equal(owner.status, 200);
  assert.ok(owner.device);
  const attacker = '10.2.0.66';
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push((await loginFrom(attacker, 'yjj', 'Wrong-password-9')).code);
  assert.deepEqual(answers, ['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'LOCKED']);
  // The attacker's address is locked out even with the right password…
  assert.equal((await loginFrom(attacker, 'yjj', DEMO_PASSWORD)).code, 'LOCKED');
  // …but the account is not: another address, and the owner's device behind the same address, get in.
  assert.equal((await loginFrom('10.2.0.2', 'yjj', DEMO_PASSWORD)).status, 200);
  assert.equal((await loginFrom(attacker, 'yjj', DEMO_PASSWORD, owner.device!)).status, 200);
  // A forged or foreign device cookie is worth nothing.
  assert.equal((await loginFrom(attacker, 'yjj', DEMO_PASSWORD, `${owner.device!.slice(0, -2)}xx`)).code, 'LOCKED');
  const other = await loginFrom('10.2.0.3', 'guanshang', DEMO_PASSWORD);
  assert.equal((await loginFrom(attacker, 'yjj', DEMO_PASSWORD, other.device!)).code, 'LOCKED');
  // The admin sees the lock and lifts it.
  const admin = await t.login('admin');
  const list = await admin.get('/api/v1/users?q=yjj');
  assert.equal(list.data.items.find((u: { username: string }) => u.username === 'yjj').locked, true);
  assert.equal((await admin.post(`/api/v1/users/${await userId('yjj')}/unlock`)).statusCode, 200);
  assert.equal((await loginFrom(attacker, 'yjj', DEMO_PASSWORD)).status, 200);
});

test('D13: an unknown user name answers exactly like an existing account, locked or not', async () => {
  const real: LoginAnswer[] = [];
  const made: LoginAnswer[] = [];
  for (let i = 0; i < 5; i++) {
    real.push(await loginFrom('10.3.0.1', 'service', 'Wrong-password-9'));
    made.push(await loginFrom('10.3.0.1', 'nobody-by-this-name', 'Wrong-password-9'));
  }
  const strip = (a: LoginAnswer) => ({ status: a.status, code: a.code, message: a.message });
  assert.deepEqual(made.map(strip), real.map(strip));
  assert.deepEqual(real.map((a) => a.code), ['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'LOCKED', 'LOCKED', 'LOCKED']);
  // Disabled accounts too.
  await t.db.updateTable('users').set({ disabled: true }).where('username', '=', 'insurer').execute();
  const disabled = await loginFrom('10.3.0.2', 'insurer', DEMO_PASSWORD);
  const unknown = await loginFrom('10.3.0.2', 'nobody-else', DEMO_PASSWORD);
  assert.deepEqual(strip(disabled), strip(unknown));
  await t.db.updateTable('users').set({ disabled: false }).where('username', '=', 'insurer').execute();
});

test('D13: every further lockout of the same source lasts twice as long', async () => {
  const start = t.clock.now;
  try {
    const fail = () => loginFrom('10.4.0.1', 'leader', 'Wrong-password-9');
    await fail(); await fail();
    const first = await fail();
    assert.equal(first.code, 'LOCKED');
    assert.equal(first.message, translate('zh-CN', 'error.LOCKED', { minutes: 15 }));
    t.clock.now = new Date(start.getTime() + 16 * 60_000);
    await fail(); await fail();
    const second = await fail();
    assert.equal(second.message, translate('zh-CN', 'error.LOCKED', { minutes: 30 }));
  } finally {
    t.clock.now = start;
  }
});

test('D14: a new password below the policy is refused with the rule it breaks', async () => {
  const c = await t.login('service');
  const cases: [string, string][] = [
    ['password1', 'validation.password.length'],
    ['        1a', 'validation.password.pattern'],
    ['xservice2026x', 'validation.password.username'],
    ['Password2026!', 'validation.password.common'],
  ];
  for (const [newPassword, key] of cases) {
    const r = await c.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword });
    assert.equal(r.statusCode, 400, newPassword);
    assert.equal(r.data.error.issues[0].path, 'body.newPassword');
    assert.equal(r.data.error.issues[0].message, translate('zh-CN', key));
  }
});

test('D14: a stored password below the policy still signs in, but must be changed first', async () => {
  await t.db.updateTable('users').set({ password_hash: await hashPassword('abc12345') }).where('username', '=', 'insurer').execute();
  const c = await t.login('insurer', 'abc12345');
  assert.equal((await c.get('/api/v1/auth/me')).data.mustChangePassword, true);
  assert.equal((await c.get('/api/v1/enterprises')).data.error.code, 'PASSWORD_CHANGE_REQUIRED');
  assert.equal((await c.post('/api/v1/auth/password', { currentPassword: 'abc12345', newPassword: NEW_PASSWORD })).statusCode, 200);
  assert.equal((await c.get('/api/v1/enterprises')).statusCode, 200);
});

test('D15: the demo accounts are listed only while they keep the demo password', async () => {
  const anon = t.anonymous();
  const before = await anon.get('/api/v1/auth/demo-accounts');
  const listed = (before.data.accounts as { username: string; password: string }[]);
  assert.equal(before.data.enabled, true);
  // principal and insurer chose their own passwords in the tests above.
  assert.ok(!listed.some((a) => a.username === 'principal' || a.username === 'insurer'));
  assert.ok(listed.some((a) => a.username === 'admin'));
  assert.ok(listed.every((a) => a.password === DEMO_PASSWORD));
  await t.db.updateTable('users').set({ password_hash: await hashPassword(NEW_PASSWORD) }).execute();
  const afterChange = await anon.get('/api/v1/auth/demo-accounts');
  assert.deepEqual(afterChange.data, { enabled: false, accounts: [] });
});

test('D15: demo data is on by default for the embedded engine only', () => {
  assert.equal(loadConfig({}).seedDemo, true);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db.example/safeduty' }).seedDemo, false);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db.example/safeduty', SEED_DEMO: 'true' }).seedDemo, true);
  assert.equal(loadConfig({ SEED_DEMO: 'false' }).seedDemo, false);
});
