import { createHash, randomBytes } from 'node:crypto';
import { PREPARED, type Executor } from '../db/database';
import type { Actor, Scope } from './actor';
import type { UserRow } from '../db/schema';
import type { Locale } from '../i18n/messages';

export const SESSION_COOKIE = 'sd_session';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by hash: a leaked database dump holds no usable session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A session of `ttlHours` from `now`, the platform clock's time (a test's session expires on the test's clock). */
export async function createSession(db: Executor, userId: string, ttlHours: number, meta: { ip: string | null; userAgent: string | null; now: Date }) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insertInto('sessions').values({
    id_hash: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    expires_at: new Date(meta.now.getTime() + ttlHours * 3600_000),
    created_at: meta.now,
    last_seen_at: meta.now,
  }).execute();
  return { token, csrfToken };
}

type UserScopeFields = Pick<UserRow, 'role' | 'district_id' | 'department_id' | 'subdistrict_id' | 'enterprise_id' | 'institution_id' | 'employee_id'>;

export function scopeOf(user: UserScopeFields, unitPath: string | null): Scope {
  switch (user.role) {
    case 'district_admin': return { kind: 'district', districtId: user.district_id ?? '' };
    case 'department_officer': return { kind: 'department', departmentId: user.department_id ?? '' };
    case 'subdistrict_officer': return { kind: 'subdistrict', subdistrictId: user.subdistrict_id ?? '' };
    case 'enterprise_principal':
    case 'safety_manager':
      return { kind: 'enterprise', enterpriseId: user.enterprise_id ?? '', capacity: 'manager', unitPath: null, employeeId: null };
    case 'unit_leader':
      return { kind: 'enterprise', enterpriseId: user.enterprise_id ?? '', capacity: 'unitLeader', unitPath: unitPath ?? '/none/', employeeId: null };
    case 'employee':
      return { kind: 'enterprise', enterpriseId: user.enterprise_id ?? '', capacity: 'employee', unitPath: null, employeeId: user.employee_id };
    case 'insurer_staff':
    case 'service_staff':
      return { kind: 'institution', institutionId: user.institution_id ?? '' };
  }
}

/**
 * A few seconds' memory of recently seen sessions, so a busy user's requests do not each cost a query. Its few seconds
 * are measured on the monotonic clock (`performance.now()`): they are this process's, not business time, which is the
 * platform clock's (expiry, last seen).
 * The database stays the truth: this instance forgets a user's entries the moment it changes them (logout, password,
 * locale, disabling), and another instance notices such a change within SESSION_CACHE_TTL_MS.
 */
const SESSION_CACHE_TTL_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const cache = new Map<string, { actor: Actor; expiresAt: number; until: number }>();

export function forgetUserSessions(userId: string): void {
  for (const [k, v] of cache) if (v.actor.userId === userId) cache.delete(k);
}

/**
 * Loads the actor of a session token (one query, or the short cache); refreshes last_seen at most once a minute. `now`
 * is the platform clock's time: a session past its expiry then is no session.
 */
export async function loadSession(db: Executor, token: string, now: Date): Promise<Actor | null> {
  const idHash = hashToken(token);
  const hit = cache.get(idHash);
  if (hit && hit.until > performance.now() && hit.expiresAt > now.getTime()) return hit.actor;
  if (hit) cache.delete(idHash);
  const found = await loadSessionFromDb(db, idHash, now);
  if (found) {
    if (cache.size >= SESSION_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(idHash, { actor: found.actor, expiresAt: found.expiresAt, until: performance.now() + SESSION_CACHE_TTL_MS });
  }
  return found?.actor ?? null;
}

async function loadSessionFromDb(db: Executor, idHash: string, now: Date): Promise<{ actor: Actor; expiresAt: number } | null> {
  const row = await db.selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'u.enterprise_id').onRef('ou.id', '=', 'u.org_unit_id'))
    .select(['s.csrf_token', 's.expires_at', 's.last_seen_at', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.district_id',
      'u.department_id', 'u.subdistrict_id', 'u.enterprise_id', 'u.institution_id', 'u.employee_id', 'u.locale',
      'u.must_change_password', 'u.disabled', 'ou.path as unit_path'])
    .where('s.id_hash', '=', idHash)
    .modifyEnd(PREPARED)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at.getTime() < now.getTime()) return null;
  if (Math.abs(now.getTime() - row.last_seen_at.getTime()) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return { expiresAt: row.expires_at.getTime(), actor: {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scope: scopeOf(row, row.unit_path ?? null),
    mustChangePassword: row.must_change_password,
    locale: (row.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale,
    sessionHash: idHash,
    csrfToken: row.csrf_token,
  } };
}
