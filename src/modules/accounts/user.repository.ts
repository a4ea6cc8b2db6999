import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Actor, Scope } from '../../platform/auth/actor';
import { managedEnterpriseId } from '../../platform/auth/policy';
import type { Executor, Tx } from '../../platform/db/database';
import type { Role, UsersTable } from '../../platform/db/schema';
import { listPage, searchWhere } from '../../platform/db/list-query';
import { enterpriseInScope, type SystemScope } from '../../platform/db/scope';
import { notFound } from '../../platform/errors';

/*
 * The accounts tables: users, their sessions, one-time sign-in codes (D2) and failed sign-ins (D13). Accounts have
 * no enterprise of their own to scope by (regulators, institution staff), so every function takes the caller and
 * reaches the accounts that caller administers, and their own (`AccountCaller`). Sign-in, the demo list on the
 * sign-in page and the housekeeping job work before anyone is signed in: they pass `systemScope`.
 */

/** Whoever works on the accounts tables: a signed-in caller (their scope and their own account), or the system. */
export type AccountCaller = Pick<Actor, 'scope' | 'userId'> | SystemScope;

/**
 * D2: the accounts a caller reaches: the system and the district admin every account (one district per deployment);
 * an enterprise's managers the accounts of their enterprise, theirs among them; anyone else only their own.
 */
type Reach = { all: true } | { all: false; enterpriseId: string | null; userId: string };

function reachOf(who: AccountCaller): Reach {
  if ('kind' in who) return { all: true };
  if (who.scope.kind === 'district') return { all: true };
  return { all: false, enterpriseId: managedEnterpriseId(who), userId: who.userId };
}

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** The users rows (table or alias `alias`) the caller reaches. */
function accountVisibleTo(who: AccountCaller, alias: string): RawBuilder<SqlBool> {
  const r = reachOf(who);
  if (r.all) return sql<SqlBool>`true`;
  if (r.enterpriseId) return sql<SqlBool>`${ref(alias, 'enterprise_id')} = ${r.enterpriseId}`;
  return sql<SqlBool>`${ref(alias, 'id')} = ${r.userId}`;
}

/** Rows keyed by an account's id (sessions, one-time codes) follow the account. */
function ofAccountVisibleTo(who: AccountCaller, userIdColumn: string): RawBuilder<SqlBool> {
  const r = reachOf(who);
  if (r.all) return sql<SqlBool>`true`;
  if (r.enterpriseId) return sql<SqlBool>`${sql.ref(userIdColumn)} in (select id from users where enterprise_id = ${r.enterpriseId})`;
  return sql<SqlBool>`${sql.ref(userIdColumn)} = ${r.userId}`;
}

/** Rows keyed by a user name (failed sign-ins) follow the account of that name. */
function ofUsernameVisibleTo(who: AccountCaller, usernameColumn: string): RawBuilder<SqlBool> {
  const r = reachOf(who);
  if (r.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(usernameColumn)} in (select tu.username from users tu where ${accountVisibleTo(who, 'tu')})`;
}

/**
 * The enterprise-owned rows a caller may name in an account's scope (its enterprise, unit, employee record): any for
 * those who reach every account, their own enterprise's for its managers, none for anyone else.
 */
function accountEnterpriseVisibleTo(who: AccountCaller, enterpriseColumn: string): RawBuilder<SqlBool> {
  const r = reachOf(who);
  if (r.all) return sql<SqlBool>`true`;
  if (r.enterpriseId) return sql<SqlBool>`${sql.ref(enterpriseColumn)} = ${r.enterpriseId}`;
  return sql<SqlBool>`false`;
}

/** The district's own rows (departments, subdistricts, institutions) an account may be given: only for those who reach every account. */
function districtDataVisibleTo(who: AccountCaller): RawBuilder<SqlBool> {
  return reachOf(who).all ? sql<SqlBool>`true` : sql<SqlBool>`false`;
}

/** The guard for a write keyed by an account: the caller reaches it, or "not found". */
async function requireAccount(db: Executor, who: AccountCaller, userId: string): Promise<void> {
  if (reachOf(who).all) return;
  const u = await db.selectFrom('users').select('id').where('id', '=', userId).where(accountVisibleTo(who, 'users')).executeTakeFirst();
  if (!u) throw notFound();
}

// ---- users ----

export type AccountListQuery = { page: number; pageSize: number; q?: string; role?: Role; enterpriseId?: string; order: 'asc' | 'desc' };

/** One page of the accounts the caller reaches, by user name, and the total. */
export async function listAccountRows(db: Executor, who: AccountCaller, q: AccountListQuery) {
  let query = db.selectFrom('users').where(accountVisibleTo(who, 'users'));
  if (q.role) query = query.where('role', '=', q.role);
  if (q.enterpriseId) query = query.where('enterprise_id', '=', q.enterpriseId);
  if (q.q) query = query.where(searchWhere(q.q, ['username', 'display_name']));
  return listPage(query, {
    select: (qb) => qb.selectAll(), sort: { map: { username: 'username' }, key: 'username', order: q.order, tiebreak: [] }, page: q.page, pageSize: q.pageSize,
  });
}

/** One account the caller reaches; `lock` takes its row for update in the same select. */
export async function findAccount(db: Executor, who: AccountCaller, id: string, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('users').selectAll().where('id', '=', id).where(accountVisibleTo(who, 'users'));
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function findAccountByUsername(db: Executor, who: AccountCaller, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).where(accountVisibleTo(who, 'users')).executeTakeFirst();
}

export async function accountsByUsernames(db: Executor, who: AccountCaller, usernames: string[]) {
  return db.selectFrom('users').selectAll().where('username', 'in', usernames).where(accountVisibleTo(who, 'users')).execute();
}

/**
 * Whether an account holds this user name. User names are unique across every account, so the check looks past
 * the caller's reach; it answers only whether the name is taken.
 */
export async function usernameTaken(db: Executor, _who: AccountCaller, username: string): Promise<boolean> {
  const dup = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return !!dup;
}

/** A new account, of an enterprise the caller administers (or of none, for those who reach every account). */
export async function insertAccount(tx: Tx, who: AccountCaller, values: Insertable<UsersTable>) {
  const r = reachOf(who);
  if (!r.all && (r.enterpriseId === null || values.enterprise_id !== r.enterpriseId)) throw notFound();
  return tx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Changes an account the caller reaches and returns it as it now is. */
export async function updateAccount(tx: Tx, who: AccountCaller, id: string, changes: Updateable<UsersTable>) {
  return tx.updateTable('users').set(changes).where('id', '=', id).where(accountVisibleTo(who, 'users')).returningAll().executeTakeFirstOrThrow();
}

/** Changes an account the caller reaches (its own, or the system's sign-in). */
export async function setAccountFields(tx: Tx, who: AccountCaller, id: string, changes: Updateable<UsersTable>): Promise<void> {
  await tx.updateTable('users').set(changes).where('id', '=', id).where(accountVisibleTo(who, 'users')).execute();
}

/** The password hash and enterprise of an account the caller reaches; throws when there is none. */
export async function passwordOf(db: Executor, who: AccountCaller, id: string) {
  return db.selectFrom('users').select(['password_hash', 'enterprise_id']).where('id', '=', id).where(accountVisibleTo(who, 'users')).executeTakeFirstOrThrow();
}

/** The materialised path of an org unit, or null (an account's unit, read to build its scope). */
export async function unitPathById(db: Executor, scope: Scope, enterpriseId: string, unitId: string): Promise<string | null> {
  const u = await db.selectFrom('org_units').select('path').where('enterprise_id', '=', enterpriseId).where('id', '=', unitId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return u?.path ?? null;
}

// ---- what an account's scope may name (D2: checked when an account is created or re-scoped) ----

export async function findDepartmentId(db: Executor, who: AccountCaller, id: string): Promise<string | null> {
  const d = await db.selectFrom('departments').select('id').where('id', '=', id).where(districtDataVisibleTo(who)).executeTakeFirst();
  return d?.id ?? null;
}

export async function findSubdistrictId(db: Executor, who: AccountCaller, id: string): Promise<string | null> {
  const s = await db.selectFrom('subdistricts').select('id').where('id', '=', id).where(districtDataVisibleTo(who)).executeTakeFirst();
  return s?.id ?? null;
}

export async function findInstitution(db: Executor, who: AccountCaller, id: string) {
  return db.selectFrom('institutions').select(['id', 'kind']).where('id', '=', id).where(districtDataVisibleTo(who)).executeTakeFirst();
}

export async function findAccountEnterprise(db: Executor, who: AccountCaller, id: string) {
  return db.selectFrom('enterprises').select(['id', 'district_id']).where('id', '=', id).where(accountEnterpriseVisibleTo(who, 'id')).executeTakeFirst();
}

export async function findAccountUnitId(db: Executor, who: AccountCaller, enterpriseId: string, id: string): Promise<string | null> {
  const u = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(accountEnterpriseVisibleTo(who, 'enterprise_id')).executeTakeFirst();
  return u?.id ?? null;
}

export async function findAccountEmployeeId(db: Executor, who: AccountCaller, enterpriseId: string, id: string): Promise<string | null> {
  const e = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(accountEnterpriseVisibleTo(who, 'enterprise_id')).executeTakeFirst();
  return e?.id ?? null;
}

/**
 * The names a scope is known by: its district, department, subdistrict, enterprise (and the unit an org-unit leader
 * leads) or institution. Each is read by the scope's own key, so a scope names only itself; the caller describes its
 * own scope, an account it administers (checked), or a demo account on the sign-in page.
 */
export async function scopeNames(db: Executor, scope: Scope): Promise<{ name: string | null; unitName: string | null }> {
  const only = (name: string | undefined) => ({ name: name ?? null, unitName: null });
  switch (scope.kind) {
    case 'district':
      return only((await db.selectFrom('districts').select('name').where('id', '=', scope.districtId).executeTakeFirst())?.name);
    case 'department':
      return only((await db.selectFrom('departments').select('name').where('id', '=', scope.departmentId).executeTakeFirst())?.name);
    case 'subdistrict':
      return only((await db.selectFrom('subdistricts').select('name').where('id', '=', scope.subdistrictId).executeTakeFirst())?.name);
    case 'enterprise': {
      const e = await db.selectFrom('enterprises').select('name').where('id', '=', scope.enterpriseId).executeTakeFirst();
      let unitName: string | null = null;
      if (scope.unitPath) {
        const unitId = scope.unitPath.split('/').filter(Boolean).pop();
        const u = unitId ? await db.selectFrom('org_units').select('name').where('enterprise_id', '=', scope.enterpriseId).where('id', '=', unitId).executeTakeFirst() : undefined;
        unitName = u?.name ?? null;
      }
      return { name: e?.name ?? null, unitName };
    }
    case 'institution':
      return only((await db.selectFrom('institutions').select('name').where('id', '=', scope.institutionId).executeTakeFirst())?.name);
  }
}

/** D15: the demo accounts listed on the sign-in page, as the seed stored them (or undefined outside demo mode). */
export async function demoSetting(db: Executor, _scope: SystemScope): Promise<unknown> {
  const setting = await db.selectFrom('app_settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return setting?.value;
}

// ---- sessions ----

/** Ends an account's sessions, all of them or all but `except` (the caller's own). */
export async function deleteSessions(tx: Tx, who: AccountCaller, userId: string, opts: { except?: string } = {}): Promise<void> {
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (opts.except !== undefined) q = q.where('id_hash', '<>', opts.except);
  await q.where(ofAccountVisibleTo(who, 'user_id')).execute();
}

/** Ends one session (by the hash of its token). */
export async function deleteSession(tx: Tx, who: AccountCaller, idHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', idHash).where(ofAccountVisibleTo(who, 'user_id')).execute();
}

// ---- one-time sign-in codes (D2) ----

/** Stores an account's one-time code (its hash), replacing any earlier one. */
export async function upsertOneTimeCode(tx: Tx, who: AccountCaller, row: { user_id: string; code_hash: string; issued_by: string | null; created_at: Date; expires_at: Date }): Promise<void> {
  await requireAccount(tx, who, row.user_id);
  await tx.insertInto('one_time_codes').values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ code_hash: row.code_hash, issued_by: row.issued_by, created_at: row.created_at, expires_at: row.expires_at }))
    .execute();
}

export async function oneTimeCodeOf(db: Executor, who: AccountCaller, userId: string) {
  return db.selectFrom('one_time_codes').select(['code_hash', 'expires_at']).where('user_id', '=', userId)
    .where(ofAccountVisibleTo(who, 'user_id')).executeTakeFirst();
}

export async function deleteOneTimeCode(tx: Tx, who: AccountCaller, userId: string): Promise<void> {
  await tx.deleteFrom('one_time_codes').where('user_id', '=', userId).where(ofAccountVisibleTo(who, 'user_id')).execute();
}

/** Housekeeping: codes past their expiry. */
export async function deleteExpiredOneTimeCodes(db: Executor, _scope: SystemScope, now: Date): Promise<void> {
  await db.deleteFrom('one_time_codes').where('expires_at', '<', now).execute();
}

// ---- failed sign-ins (D13), counted by the sign-in itself: `systemScope` ----

/** When the lock on this (user name, source) runs out; null or undefined when there is none. */
export async function throttleLockedUntil(db: Executor, _scope: SystemScope, username: string, source: string): Promise<Date | null | undefined> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('username', '=', username).where('source', '=', source).executeTakeFirst();
  return row?.locked_until;
}

/** The counter of this (user name, source) under its row lock, created first when there is none. */
export async function lockThrottleRow(tx: Tx, _scope: SystemScope, username: string, source: string, now: Date) {
  await tx.insertInto('login_throttle').values({ username, source, last_failure_at: now })
    .onConflict((oc) => oc.columns(['username', 'source']).doNothing()).execute();
  return tx.selectFrom('login_throttle').selectAll().where('username', '=', username).where('source', '=', source).forUpdate().executeTakeFirstOrThrow();
}

export async function updateThrottleRow(tx: Tx, _scope: SystemScope, username: string, source: string,
  changes: { failures: number; lockouts: number; locked_until: Date | null; last_failure_at: Date }): Promise<void> {
  await tx.updateTable('login_throttle').set(changes).where('username', '=', username).where('source', '=', source).execute();
}

/** Forgets the failures of a user name the caller reaches, from one source or from all. */
export async function deleteThrottleRows(db: Executor, who: AccountCaller, username: string, source?: string): Promise<void> {
  let q = db.deleteFrom('login_throttle').where('username', '=', username);
  if (source) q = q.where('source', '=', source);
  await q.where(ofUsernameVisibleTo(who, 'username')).execute();
}

/** Of these user names the caller reaches, those locked out from some source at `now`. */
export async function lockedAmong(db: Executor, who: AccountCaller, usernames: string[], now: Date): Promise<string[]> {
  const rows = await db.selectFrom('login_throttle').select('username').distinct()
    .where('username', 'in', usernames).where('locked_until', '>', now).where(ofUsernameVisibleTo(who, 'username')).execute();
  return rows.map((r) => r.username);
}

/** Housekeeping: rows whose last failure is before `cutoff` and whose lock has run out by `now`. */
export async function purgeThrottleRows(db: Executor, _scope: SystemScope, cutoff: Date, now: Date): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).execute();
}
