import { randomInt } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/password';
import { ENTERPRISE_ROLES } from '../../platform/auth/permissions';
import { forgetUserSessions, scopeOf } from '../../platform/auth/session';
import { managedEnterpriseId } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../platform/db/database';
import type { Role, UserRow } from '../../platform/db/schema';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import type { Page } from '../../platform/http/route';
import { enqueueOutbox } from '../../platform/outbox';
import { roleName } from './roles';
import { describeScopeView } from './scope-name';

export type UserView = {
  id: string; username: string; displayName: string; role: Role; roleName: string; scopeName: string;
  enterpriseId: string | null; disabled: boolean; locked: boolean; mustChangePassword: boolean; lastLoginAt: Date | null;
};

/** District admins manage every account; enterprise managers manage their own enterprise's accounts only. */
function managedEnterprise(actor: Actor): string | 'all' {
  if (actor.scope.kind === 'district') return 'all';
  const own = managedEnterpriseId(actor);
  if (own) return own;
  throw forbidden();
}

function scopedUsers(db: Executor, actor: Actor) {
  const managed = managedEnterprise(actor);
  let q = db.selectFrom('users');
  if (managed !== 'all') q = q.where('enterprise_id', '=', managed);
  return q;
}

async function present(db: Executor, u: UserRow, ctx: Ctx): Promise<UserView> {
  let unitPath: string | null = null;
  if (u.org_unit_id && u.enterprise_id) {
    unitPath = (await db.selectFrom('org_units').select('path').where('enterprise_id', '=', u.enterprise_id).where('id', '=', u.org_unit_id).executeTakeFirst())?.path ?? null;
  }
  const scope = await describeScopeView(db, scopeOf(u, unitPath));
  return {
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, roleName: roleName(u.role, ctx.locale),
    scopeName: scope.name, enterpriseId: u.enterprise_id, disabled: u.disabled,
    locked: !!u.locked_until && u.locked_until > ctx.now, mustChangePassword: u.must_change_password, lastLoginAt: u.last_login_at,
  };
}

export async function listUsers(db: Db, ctx: Ctx, q: { page: number; pageSize: number; q?: string; role?: Role; enterpriseId?: string; order: 'asc' | 'desc' }): Promise<Page<UserView>> {
  const actor = requireActor(ctx);
  let query = scopedUsers(db, actor);
  if (q.role) query = query.where('role', '=', q.role);
  if (q.enterpriseId) query = query.where('enterprise_id', '=', q.enterpriseId);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query.selectAll().orderBy('username', q.order).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const items = [];
  for (const r of rows) items.push(await present(db, r, ctx));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export type UserCreate = {
  username: string; displayName: string; role: Role; enterpriseId?: string; orgUnitId?: string; subdistrictId?: string;
  departmentId?: string; institutionId?: string; employeeId?: string;
};

/** 12 characters from an alphabet without look-alikes, always with letters and digits. */
function initialPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  let p = letters[randomInt(letters.length)]! + digits[randomInt(digits.length)]!;
  while (p.length < 12) p += all[randomInt(all.length)];
  return p;
}

async function checkScopeFields(tx: Tx, actor: Actor, input: UserCreate): Promise<Partial<UserRow>> {
  const managed = managedEnterprise(actor);
  const role = input.role;
  if (managed !== 'all') {
    if (!ENTERPRISE_ROLES.includes(role)) throw new AppError('FORBIDDEN', { messageKey: 'validation.role.notAllowed' });
    if (role === 'enterprise_principal' && actor.role !== 'enterprise_principal') throw new AppError('FORBIDDEN', { messageKey: 'validation.role.notAllowed' });
    if (input.enterpriseId && input.enterpriseId !== managed) throw notFound();
    input = { ...input, enterpriseId: managed };
  }
  const districtId = managed === 'all' && actor.scope.kind === 'district' ? actor.scope.districtId : null;
  const missing = (path: string) => invalid(`body.${path}`, 'validation.role.scope');
  const out: Partial<UserRow> = { district_id: districtId, department_id: null, subdistrict_id: null, enterprise_id: null, org_unit_id: null, employee_id: null, institution_id: null };
  switch (role) {
    case 'district_admin':
      break;
    case 'department_officer': {
      if (!input.departmentId) throw missing('departmentId');
      const d = await tx.selectFrom('departments').select('id').where('id', '=', input.departmentId).executeTakeFirst();
      if (!d) throw missing('departmentId');
      out.department_id = d.id;
      break;
    }
    case 'subdistrict_officer': {
      if (!input.subdistrictId) throw missing('subdistrictId');
      const s = await tx.selectFrom('subdistricts').select('id').where('id', '=', input.subdistrictId).executeTakeFirst();
      if (!s) throw missing('subdistrictId');
      out.subdistrict_id = s.id;
      break;
    }
    case 'enterprise_principal': case 'safety_manager': case 'unit_leader': case 'employee': {
      if (!input.enterpriseId) throw missing('enterpriseId');
      const e = await tx.selectFrom('enterprises').select(['id', 'district_id']).where('id', '=', input.enterpriseId).executeTakeFirst();
      if (!e) throw missing('enterpriseId');
      out.enterprise_id = e.id;
      out.district_id = e.district_id;
      if (role === 'unit_leader') {
        if (!input.orgUnitId) throw missing('orgUnitId');
        const u = await tx.selectFrom('org_units').select('id').where('enterprise_id', '=', e.id).where('id', '=', input.orgUnitId).executeTakeFirst();
        if (!u) throw missing('orgUnitId');
        out.org_unit_id = u.id;
      }
      if (input.employeeId) {
        const emp = await tx.selectFrom('employees').select('id').where('enterprise_id', '=', e.id).where('id', '=', input.employeeId).executeTakeFirst();
        if (!emp) throw missing('employeeId');
        out.employee_id = emp.id;
      }
      break;
    }
    case 'insurer_staff': case 'service_staff': {
      if (!input.institutionId) throw missing('institutionId');
      const i = await tx.selectFrom('institutions').select(['id', 'kind']).where('id', '=', input.institutionId).executeTakeFirst();
      if (!i || (i.kind === 'insurer') !== (role === 'insurer_staff')) throw missing('institutionId');
      out.institution_id = i.id;
      break;
    }
  }
  return out;
}

export async function createUser(db: Db, ctx: Ctx, input: UserCreate): Promise<{ user: UserView; initialPassword: string }> {
  const actor = requireActor(ctx);
  const password = initialPassword();
  const hashed = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const scopeFields = await checkScopeFields(tx, actor, input);
    const dup = await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', { messageKey: 'validation.username.duplicate', issues: [{ path: 'body.username', message: 'validation.username.duplicate' }] });
    const row = await tx.insertInto('users').values({
      username: input.username, display_name: input.displayName, password_hash: hashed, role: input.role,
      district_id: scopeFields.district_id ?? null, department_id: scopeFields.department_id ?? null,
      subdistrict_id: scopeFields.subdistrict_id ?? null, enterprise_id: scopeFields.enterprise_id ?? null,
      org_unit_id: scopeFields.org_unit_id ?? null, employee_id: scopeFields.employee_id ?? null,
      institution_id: scopeFields.institution_id ?? null, must_change_password: true,
    }).returningAll().executeTakeFirstOrThrow();
    const { password_hash: _h, ...audited } = row;
    await writeAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, enterpriseId: row.enterprise_id, after: audited });
    await enqueueOutbox(tx, { topic: 'notify', payload: { userId: row.id, kind: 'account', titleKey: 'notify.welcome.title', bodyKey: 'notify.welcome.body', link: '/change-password' } });
    return { user: await present(tx, row, ctx), initialPassword: password };
  });
}

async function loadManaged(tx: Tx, actor: Actor, id: string): Promise<UserRow> {
  const u = await scopedUsers(tx, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound();
  return u;
}

export async function updateUser(db: Db, ctx: Ctx, id: string, input: { displayName?: string; disabled?: boolean }): Promise<UserView> {
  const actor = requireActor(ctx);
  const view = await db.transaction().execute(async (tx) => {
    const before = await loadManaged(tx, actor, id);
    if (input.disabled && id === actor.userId) throw new AppError('STATE');
    const after = await tx.updateTable('users').set({
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      updated_at: ctx.now,
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (input.disabled) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'user.update', entityType: 'user', entityId: id, enterpriseId: before.enterprise_id,
      before: { displayName: before.display_name, disabled: before.disabled }, after: { displayName: after.display_name, disabled: after.disabled },
    });
    return present(tx, after, ctx);
  });
  forgetUserSessions(id);
  return view;
}

export async function resetPassword(db: Db, ctx: Ctx, id: string): Promise<{ initialPassword: string }> {
  const actor = requireActor(ctx);
  const password = initialPassword();
  const hashed = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const u = await loadManaged(tx, actor, id);
    await tx.updateTable('users').set({ password_hash: hashed, must_change_password: true, failed_logins: 0, locked_until: null, updated_at: ctx.now }).where('id', '=', id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, enterpriseId: u.enterprise_id });
  });
  forgetUserSessions(id);
  return { initialPassword: password };
}

export async function unlockUser(db: Db, ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const u = await loadManaged(tx, actor, id);
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, enterpriseId: u.enterprise_id });
  });
}
