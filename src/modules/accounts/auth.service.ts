import type { Actor, Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import { hashPassword, isStrongPassword, verifyPassword } from '../../platform/auth/password';
import { permissionsOf } from '../../platform/auth/permissions';
import { createSession, forgetUserSessions, scopeOf } from '../../platform/auth/session';
import { writeAudit } from '../../platform/audit/audit';
import type { Config } from '../../platform/config';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, invalid } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/messages';
import { roleName } from './roles';
import { describeScopeView } from './scope-name';

// A fixed hash to verify against when the user does not exist, so timing does not reveal user names.
let dummyHash: Promise<string> | null = null;

export async function login(db: Db, config: Config, ctx: Ctx, input: { username: string; password: string }, userAgent: string | null) {
  const username = input.username.trim();
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user || user.disabled) {
    dummyHash ??= hashPassword('not-a-real-password-1');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('BAD_CREDENTIALS');
  }
  const now = ctx.now;
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('LOCKED', { params: { minutes: Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000) } });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const loginCtx: Ctx = { ...ctx, actor: { userId: user.id, username: user.username, displayName: user.display_name, role: user.role, scope: scopeOf(user, null), mustChangePassword: user.must_change_password, locale: 'zh-CN', sessionHash: '', csrfToken: '' } };
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= config.loginMaxFailures;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + config.loginLockMinutes * 60_000) : null,
      }).where('id', '=', user.id).execute();
      await writeAudit(tx, loginCtx, { action: lock ? 'auth.lock' : 'auth.login_failed', entityType: 'user', entityId: user.id, enterpriseId: user.enterprise_id });
    });
    if (lock) throw new AppError('LOCKED', { params: { minutes: config.loginLockMinutes } });
    throw new AppError('BAD_CREDENTIALS');
  }
  return db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const session = await createSession(tx, user.id, config.sessionTtlHours, { ip: ctx.ip, userAgent });
    await writeAudit(tx, loginCtx, { action: 'auth.login', entityType: 'user', entityId: user.id, enterpriseId: user.enterprise_id });
    return session;
  });
}

export async function logout(db: Db, ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('id_hash', '=', actor.sessionHash).execute();
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
    csrfToken: actor.csrfToken,
  };
}

export async function changePassword(db: Db, ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = requireActor(ctx);
  if (!isStrongPassword(input.newPassword)) throw invalid('body.newPassword', 'validation.password.weak');
  if (input.newPassword === input.currentPassword) throw invalid('body.newPassword', 'validation.password.same');
  const user = await db.selectFrom('users').select(['password_hash', 'enterprise_id']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw invalid('body.currentPassword', 'validation.password.wrong');
  const hashed = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hashed, must_change_password: false, updated_at: ctx.now }).where('id', '=', actor.userId).execute();
    // Other sessions of this user end: a changed password should lock out whoever knew the old one.
    await tx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('id_hash', '<>', actor.sessionHash).execute();
    await writeAudit(tx, ctx, { action: 'auth.password_change', entityType: 'user', entityId: actor.userId, enterpriseId: user.enterprise_id });
  });
  forgetUserSessions(actor.userId);
}

export async function setLocale(db: Db, ctx: Ctx, locale: Locale): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ locale }).where('id', '=', actor.userId).execute();
    await writeAudit(tx, ctx, { action: 'user.locale', entityType: 'user', entityId: actor.userId, after: { locale } });
  });
  forgetUserSessions(actor.userId);
}

export async function demoAccounts(db: Executor, locale: Locale) {
  const setting = await db.selectFrom('app_settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  const demo = setting?.value as { accounts?: { username: string; password: string }[] } | undefined;
  if (!demo?.accounts) return { enabled: false, accounts: [] };
  const users = await db.selectFrom('users').selectAll().where('username', 'in', demo.accounts.map((a) => a.username)).execute();
  const byName = new Map(users.map((u) => [u.username, u]));
  const accounts = [];
  for (const a of demo.accounts) {
    const u = byName.get(a.username);
    if (!u) continue;
    const scope = await describeScopeView(db, scopeOf(u, u.org_unit_id ? `/${u.org_unit_id}/` : null));
    accounts.push({ username: u.username, password: a.password, role: u.role, roleName: roleName(u.role, locale), displayName: u.display_name, scopeName: scope.name });
  }
  return { enabled: true, accounts };
}
