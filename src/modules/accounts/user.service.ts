import { randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { requireActor, wholeEnterprise } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/password';
import { forgetUserSessions, scopeOf } from '../../platform/auth/session';
import { managedEnterpriseId } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../platform/db/database';
import type { Role, UserRow } from '../../platform/db/schema';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../platform/errors';
import type { Page } from '../../platform/http/route';
import { enqueueOutbox } from '../../platform/outbox';
import { accountChanged, placeOf } from './account-change';
import { outranks } from './account-rank';
import { clearFailures, lockedUsernames } from './login-throttle';
import { issueOneTimeCode } from './one-time-code';
import { roleName } from './roles';
import { describeScopeView } from './scope-name';
import {
  deleteSessions, findAccount, findAccountEmployeeId, findAccountEnterprise, findAccountUnitId, findDepartmentId, findInstitution,
  findSubdistrictId, insertAccount, listAccountRows, setAccountFields, unitPathById, updateAccount, usernameTaken, type AccountListQuery,
} from './user.repository';

export type UserView = {
  id: string; username: string; displayName: string; role: Role; roleName: string; scopeName: string;
  enterpriseId: string | null; disabled: boolean; locked: boolean; mustChangePassword: boolean; lastLoginAt: Date | null;
  /** D2: whether the caller may reset, disable, edit or re-role this account. */
  canManage: boolean;
};

/** What a reset or a new account hands over: a one-time sign-in code, shown once (D2). */
export type OneTimeCodeView = { oneTimeCode: string; expiresAt: Date };

/** District admins manage every account; enterprise managers manage their own enterprise's accounts only. */
function managedEnterprise(actor: Actor): string | 'all' {
  if (actor.scope.kind === 'district') return 'all';
  const own = managedEnterpriseId(actor);
  if (own) return own;
  throw forbidden();
}

async function present(db: Executor, u: UserRow, ctx: Ctx, locked: boolean): Promise<UserView> {
  const actor = requireActor(ctx);
  let unitPath: string | null = null;
  // The caller administers the account (checked): its unit is read wherever it lies in the account's enterprise.
  if (u.org_unit_id && u.enterprise_id) unitPath = await unitPathById(db, wholeEnterprise(u.enterprise_id), u.enterprise_id, u.org_unit_id);
  const scope = await describeScopeView(db, scopeOf(u, unitPath));
  return {
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, roleName: roleName(u.role, ctx.locale),
    scopeName: scope.name, enterpriseId: u.enterprise_id, disabled: u.disabled,
    locked, mustChangePassword: u.must_change_password, lastLoginAt: u.last_login_at,
    canManage: u.id !== actor.userId && outranks(actor.role, u.role),
  };
}

export async function listUsers(db: Db, ctx: Ctx, q: AccountListQuery): Promise<Page<UserView>> {
  const actor = requireActor(ctx);
  managedEnterprise(actor); // 403 for whoever manages no accounts, before any query.
  const { items: rows, total } = await listAccountRows(db, actor, q);
  const locked = await lockedUsernames(db, actor, rows.map((r) => r.username), ctx.now);
  const items = [];
  for (const r of rows) items.push(await present(db, r, ctx, locked.has(r.username)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export type UserCreate = {
  username: string; displayName: string; role: Role; enterpriseId?: string; orgUnitId?: string; subdistrictId?: string;
  departmentId?: string; institutionId?: string; employeeId?: string;
};

/**
 * A new or reset account's password hash is of a random secret nobody ever sees: the account is entered with the
 * one-time code only (D2), and the old password stops working. One such hash per process serves every account: it
 * is still a real Argon2 hash, so signing in against it takes as long as against any other.
 */
let unusable: Promise<string> | null = null;
function unusablePassword(): Promise<string> {
  unusable ??= hashPassword(randomBytes(24).toString('base64url'));
  return unusable;
}

export type ScopeInput = {
  role: Role; enterpriseId?: string; orgUnitId?: string; subdistrictId?: string; departmentId?: string; institutionId?: string; employeeId?: string;
};

/** D2: nobody grants a role at or above their own (the district admin excepted: nobody is above them). */
async function checkScopeFields(tx: Tx, actor: Actor, input: ScopeInput): Promise<Partial<UserRow>> {
  const managed = managedEnterprise(actor);
  const role = input.role;
  if (!outranks(actor.role, role)) throw new AppError('FORBIDDEN', { messageKey: 'validation.role.notAllowed' });
  if (managed !== 'all') {
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
      const d = await findDepartmentId(tx, actor, input.departmentId);
      if (!d) throw missing('departmentId');
      out.department_id = d;
      break;
    }
    case 'subdistrict_officer': {
      if (!input.subdistrictId) throw missing('subdistrictId');
      const s = await findSubdistrictId(tx, actor, input.subdistrictId);
      if (!s) throw missing('subdistrictId');
      out.subdistrict_id = s;
      break;
    }
    case 'enterprise_principal': case 'safety_manager': case 'unit_leader': case 'employee': {
      if (!input.enterpriseId) throw missing('enterpriseId');
      const e = await findAccountEnterprise(tx, actor, input.enterpriseId);
      if (!e) throw missing('enterpriseId');
      out.enterprise_id = e.id;
      out.district_id = e.district_id;
      if (role === 'unit_leader') {
        if (!input.orgUnitId) throw missing('orgUnitId');
        const u = await findAccountUnitId(tx, actor, e.id, input.orgUnitId);
        if (!u) throw missing('orgUnitId');
        out.org_unit_id = u;
      }
      if (input.employeeId) {
        const emp = await findAccountEmployeeId(tx, actor, e.id, input.employeeId);
        if (!emp) throw missing('employeeId');
        out.employee_id = emp;
      }
      break;
    }
    case 'insurer_staff': case 'service_staff': {
      if (!input.institutionId) throw missing('institutionId');
      const i = await findInstitution(tx, actor, input.institutionId);
      if (!i || (i.kind === 'insurer') !== (role === 'insurer_staff')) throw missing('institutionId');
      out.institution_id = i.id;
      break;
    }
  }
  return out;
}

export async function createUser(db: Db, ctx: Ctx, input: UserCreate): Promise<{ user: UserView } & OneTimeCodeView> {
  const actor = requireActor(ctx);
  managedEnterprise(actor);
  if (!outranks(actor.role, input.role)) throw new AppError('FORBIDDEN', { messageKey: 'validation.role.notAllowed' });
  const hashed = await unusablePassword();
  return db.transaction().execute(async (tx) => {
    const scopeFields = await checkScopeFields(tx, actor, input);
    if (await usernameTaken(tx, actor, input.username)) throw alreadyTaken('body.username', 'validation.username.duplicate');
    const row = await insertAccount(tx, actor, {
      username: input.username, display_name: input.displayName, password_hash: hashed, role: input.role,
      district_id: scopeFields.district_id ?? null, department_id: scopeFields.department_id ?? null,
      subdistrict_id: scopeFields.subdistrict_id ?? null, enterprise_id: scopeFields.enterprise_id ?? null,
      org_unit_id: scopeFields.org_unit_id ?? null, employee_id: scopeFields.employee_id ?? null,
      institution_id: scopeFields.institution_id ?? null, must_change_password: true,
      // The platform's time, not the database's: an account's day counts (R-TRN-2's months run from it).
      created_at: ctx.now, updated_at: ctx.now, role_since: ctx.now,
    });
    const { code, expiresAt } = await issueOneTimeCode(tx, actor, row.id, actor.userId, ctx.now);
    const { password_hash: _h, ...audited } = row;
    await writeAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, enterpriseId: row.enterprise_id, after: { ...audited, oneTimeCodeExpiresAt: expiresAt } });
    await enqueueOutbox(tx, { topic: 'notify', payload: { userId: row.id, kind: 'account', titleKey: 'notify.welcome.title', bodyKey: 'notify.welcome.body', link: '/change-password' } });
    await accountChanged(tx, ctx, { userId: row.id, before: null, after: placeOf(row) });
    return { user: await present(tx, row, ctx, false), oneTimeCode: code, expiresAt };
  });
}

/**
 * Loads an account the caller is about to change, under its row lock: outside their enterprise it is not found;
 * their own account or one at or above their rank is refused (D2).
 */
async function loadManaged(tx: Executor, actor: Actor, id: string): Promise<UserRow> {
  managedEnterprise(actor); // 403 for whoever manages no accounts, before any query.
  const u = await findAccount(tx, actor, id, { lock: true });
  if (!u) throw notFound();
  if (u.id === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'validation.user.self' });
  if (!outranks(actor.role, u.role)) throw new AppError('FORBIDDEN', { messageKey: 'validation.user.outranks' });
  return u;
}

export type UserUpdate = { displayName?: string; disabled?: boolean } & Partial<ScopeInput>;

const SCOPE_KEYS = ['role', 'enterpriseId', 'orgUnitId', 'subdistrictId', 'departmentId', 'institutionId', 'employeeId'] as const;

function scopeSnapshot(u: UserRow) {
  return {
    role: u.role, departmentId: u.department_id, subdistrictId: u.subdistrict_id, enterpriseId: u.enterprise_id,
    orgUnitId: u.org_unit_id, employeeId: u.employee_id, institutionId: u.institution_id,
  };
}

/** Whether a re-scoped account takes its role anew: another role, or the same one for another enterprise or person. */
function tookRole(before: UserRow, role: UserRow['role'], scope: Partial<UserRow>): boolean {
  return role !== before.role || (scope.enterprise_id ?? null) !== before.enterprise_id || (scope.employee_id ?? null) !== before.employee_id;
}

/**
 * Renames, disables/enables, or changes the role and scope of an account below the caller's rank (D2). A scope
 * field left out keeps its current value; a changed role or scope ends the account's sessions.
 */
export async function updateUser(db: Db, ctx: Ctx, id: string, input: UserUpdate): Promise<UserView> {
  const actor = requireActor(ctx);
  const view = await db.transaction().execute(async (tx) => {
    const before = await loadManaged(tx, actor, id);
    const rescope = SCOPE_KEYS.some((k) => input[k] !== undefined);
    let scopeFields: Partial<UserRow> = {};
    if (rescope) {
      scopeFields = await checkScopeFields(tx, actor, {
        role: input.role ?? before.role,
        enterpriseId: input.enterpriseId ?? before.enterprise_id ?? undefined,
        orgUnitId: input.orgUnitId ?? before.org_unit_id ?? undefined,
        subdistrictId: input.subdistrictId ?? before.subdistrict_id ?? undefined,
        departmentId: input.departmentId ?? before.department_id ?? undefined,
        institutionId: input.institutionId ?? before.institution_id ?? undefined,
        // The employee record belongs to one enterprise: it follows only when the enterprise stays.
        employeeId: input.employeeId ?? (input.enterpriseId === undefined || input.enterpriseId === before.enterprise_id ? before.employee_id ?? undefined : undefined),
      });
    }
    const after = await updateAccount(tx, actor, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(rescope ? { ...scopeFields, role: input.role ?? before.role } : {}),
      // R-TRN-2: a role taken, or the account now standing for another person, starts the role's months again.
      ...(rescope && tookRole(before, input.role ?? before.role, scopeFields) ? { role_since: ctx.now } : {}),
      updated_at: ctx.now,
    });
    if (input.disabled || rescope) await deleteSessions(tx, actor, id);
    await writeAudit(tx, ctx, {
      action: rescope ? 'user.update_role' : 'user.update', entityType: 'user', entityId: id, enterpriseId: before.enterprise_id,
      before: { displayName: before.display_name, disabled: before.disabled, ...(rescope ? scopeSnapshot(before) : {}) },
      after: { displayName: after.display_name, disabled: after.disabled, ...(rescope ? scopeSnapshot(after) : {}) },
    });
    if (rescope || after.disabled !== before.disabled) await accountChanged(tx, ctx, { userId: id, before: placeOf(before), after: placeOf(after) });
    return present(tx, after, ctx, (await lockedUsernames(tx, actor, [after.username], ctx.now)).size > 0);
  });
  forgetUserSessions(id);
  return view;
}

/**
 * D2: a reset issues a one-time code, valid 24 hours and shown only in this response; the account's password stops
 * working and its sessions end. The audit row records the reset, never the code.
 */
export async function resetPassword(db: Db, ctx: Ctx, id: string): Promise<OneTimeCodeView> {
  const actor = requireActor(ctx);
  // Refuse before the costly hash; the transaction checks again under the row lock.
  await loadManaged(db, actor, id);
  const hashed = await unusablePassword();
  const issued = await db.transaction().execute(async (tx) => {
    const u = await loadManaged(tx, actor, id);
    await setAccountFields(tx, actor, id, { password_hash: hashed, must_change_password: true, updated_at: ctx.now });
    const code = await issueOneTimeCode(tx, actor, id, actor.userId, ctx.now);
    await clearFailures(tx, actor, u.username);
    await deleteSessions(tx, actor, id);
    await writeAudit(tx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, enterpriseId: u.enterprise_id, after: { oneTimeCodeExpiresAt: code.expiresAt } });
    return code;
  });
  forgetUserSessions(id);
  return { oneTimeCode: issued.code, expiresAt: issued.expiresAt };
}

export async function unlockUser(db: Db, ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const u = await loadManaged(tx, actor, id);
    await clearFailures(tx, actor, u.username);
    await writeAudit(tx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, enterpriseId: u.enterprise_id });
  });
}
