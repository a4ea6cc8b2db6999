import type { Actor, Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import { readDevice, rememberUser, writeDevice } from '../../platform/auth/device';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import { PASSWORD_PROBLEM_MESSAGE, passwordProblem } from '../../platform/auth/password-policy';
import { permissionsOf, roleCan } from '../../platform/auth/permissions';
import { createSession, forgetUserSessions, scopeOf } from '../../platform/auth/session';
import { writeAudit } from '../../platform/audit/audit';
import type { Config } from '../../platform/config';
import type { Db, Executor } from '../../platform/db/database';
import type { UserRow } from '../../platform/db/schema';
import { systemScope } from '../../platform/db/scope';
import { AppError, invalid } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/messages';
import { assignableRoles } from './account-rank';
import { clearFailures, lockedMinutes, recordFailure, sourceKey } from './login-throttle';
import { consumeOneTimeCode, matchesOneTimeCode } from './one-time-code';
import { roleName } from './roles';
import { describeScopeView } from './scope-name';
import { accountsByUsernames, deleteSession, deleteSessions, demoSetting, findAccountByUsername, passwordOf, setAccountFields } from './user.repository';

// A fixed hash to verify against when no real one is at stake, so timing does not reveal user names or locks (D13).
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-1');
  return dummyHash;
}

export type LoginMeta = { userAgent: string | null; deviceCookie: string | undefined };

/**
 * D13: failures count per (user name, source) — a device that signed in before, or else the client address — so a
 * lockout holds back whoever caused it, not the owner on a known device. Unknown, disabled and locked accounts answer
 * exactly like a wrong password (or like a lock, once that source is locked), after the same one password hash.
 * D2: a one-time code is accepted in place of the password and leaves the user to choose one.
 * D14: a password that no longer meets the policy signs in, but must be changed first.
 */
export async function login(db: Db, config: Config, ctx: Ctx, input: { username: string; password: string }, meta: LoginMeta) {
  const username = input.username.trim();
  const now = ctx.now;
  // Nobody is signed in yet: the sign-in reads and counts as the system.
  const user = await findAccountByUsername(db, systemScope, username);
  const device = readDevice(meta.deviceCookie, config.appSecret);
  const knownDevice = !!user && !!device && device.users.includes(user.id);
  const source = sourceKey(knownDevice ? device.id : null, ctx.ip);
  const lock = await lockedMinutes(db, systemScope, username, source, now);
  const usable = !!user && !user.disabled && lock === null;
  let ok = await verifyPassword(usable ? user.password_hash : await dummy(), input.password);
  const viaCode = !ok && usable && await matchesOneTimeCode(db, systemScope, user.id, input.password, now);
  ok ||= viaCode;
  if (lock !== null) throw new AppError('LOCKED', { params: { minutes: lock } });
  if (!ok || !user) {
    const locked = await db.transaction().execute(async (tx) => {
      const minutes = await recordFailure(tx, systemScope, config, username, source, now);
      if (user) {
        await writeAudit(tx, actorCtx(ctx, user), { action: minutes !== null ? 'auth.lock' : 'auth.login_failed', entityType: 'user', entityId: user.id, enterpriseId: user.enterprise_id });
      }
      return minutes;
    });
    if (locked !== null) throw new AppError('LOCKED', { params: { minutes: locked } });
    throw new AppError('BAD_CREDENTIALS');
  }
  const mustChange = user.must_change_password || viaCode || passwordProblem(input.password, user.username) !== null;
  const session = await db.transaction().execute(async (tx) => {
    await clearFailures(tx, systemScope, username, source);
    await setAccountFields(tx, systemScope, user.id, { must_change_password: mustChange, last_login_at: now });
    const created = await createSession(tx, user.id, config.sessionTtlHours, { ip: ctx.ip, userAgent: meta.userAgent, now: ctx.now });
    await writeAudit(tx, actorCtx(ctx, user), { action: 'auth.login', entityType: 'user', entityId: user.id, enterpriseId: user.enterprise_id, after: viaCode ? { via: 'one_time_code' } : undefined });
    return created;
  });
  if (mustChange !== user.must_change_password) forgetUserSessions(user.id);
  return { ...session, deviceCookie: writeDevice(rememberUser(device, user.id), config.appSecret) };
}

function actorCtx(ctx: Ctx, user: UserRow): Ctx {
  return { ...ctx, actor: { userId: user.id, username: user.username, displayName: user.display_name, role: user.role, scope: scopeOf(user, null), mustChangePassword: user.must_change_password, locale: 'zh-CN', sessionHash: '', csrfToken: '' } };
}

export async function logout(db: Db, ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await deleteSession(tx, actor, actor.sessionHash);
    await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
  forgetUserSessions(actor.userId);
}

export async function me(db: Executor, actor: Actor, locale: Locale) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleName: roleName(actor.role, locale),
    scope: await describeScopeView(db, actor.scope),
    mustChangePassword: actor.mustChangePassword,
    locale: actor.locale,
    permissions: permissionsOf(actor.role),
    // D2: the roles this user may give to accounts they create or change; the web offers only these.
    assignableRoles: roleCan(actor.role, 'user.manage') ? assignableRoles(actor.role) : [],
    csrfToken: actor.csrfToken,
  };
}

/** The current password, or the one-time code the user signed in with, proves it is them (D2, D14). */
export async function changePassword(db: Db, ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = requireActor(ctx);
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem) throw invalid('body.newPassword', PASSWORD_PROBLEM_MESSAGE[problem]);
  if (input.newPassword === input.currentPassword) throw invalid('body.newPassword', 'validation.password.same');
  const user = await passwordOf(db, actor, actor.userId);
  const current = await verifyPassword(user.password_hash, input.currentPassword) || await matchesOneTimeCode(db, actor, actor.userId, input.currentPassword, ctx.now);
  if (!current) throw invalid('body.currentPassword', 'validation.password.wrong');
  const hashed = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await setAccountFields(tx, actor, actor.userId, { password_hash: hashed, must_change_password: false, updated_at: ctx.now });
    await consumeOneTimeCode(tx, actor, actor.userId);
    // Other sessions of this user end: a changed password should lock out whoever knew the old one.
    await deleteSessions(tx, actor, actor.userId, { except: actor.sessionHash });
    await writeAudit(tx, ctx, { action: 'auth.password_change', entityType: 'user', entityId: actor.userId, enterpriseId: user.enterprise_id });
  });
  forgetUserSessions(actor.userId);
}

export async function setLocale(db: Db, ctx: Ctx, locale: Locale): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await setAccountFields(tx, actor, actor.userId, { locale });
    await writeAudit(tx, ctx, { action: 'user.locale', entityType: 'user', entityId: actor.userId, after: { locale } });
  });
  forgetUserSessions(actor.userId);
}

/**
 * D15: a demo account is listed only while it still has its demo password (checked against its current hash, which
 * changes with every new password, so the answer per hash is cached). Once none is left, demo mode is off.
 */
const demoPasswordStillSet = new Map<string, boolean>();

async function hasDemoPassword(hash: string, password: string): Promise<boolean> {
  const key = `${hash}\u0000${password}`;
  let known = demoPasswordStillSet.get(key);
  if (known === undefined) {
    known = await verifyPassword(hash, password);
    if (demoPasswordStillSet.size > 1000) demoPasswordStillSet.clear();
    demoPasswordStillSet.set(key, known);
  }
  return known;
}

export async function demoAccounts(db: Executor, locale: Locale) {
  // The sign-in page lists them before anyone is signed in: read as the system.
  const demo = await demoSetting(db, systemScope) as { accounts?: { username: string; password: string }[] } | undefined;
  if (!demo?.accounts) return { enabled: false, accounts: [] };
  const users = await accountsByUsernames(db, systemScope, demo.accounts.map((a) => a.username));
  const byName = new Map(users.map((u) => [u.username, u]));
  const accounts = [];
  for (const a of demo.accounts) {
    const u = byName.get(a.username);
    if (!u || u.disabled || !(await hasDemoPassword(u.password_hash, a.password))) continue;
    const scope = await describeScopeView(db, scopeOf(u, u.org_unit_id ? `/${u.org_unit_id}/` : null));
    accounts.push({ username: u.username, password: a.password, role: u.role, roleName: roleName(u.role, locale), displayName: u.display_name, scopeName: scope.name });
  }
  return { enabled: accounts.length > 0, accounts };
}
