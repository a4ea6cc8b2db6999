import type { Actor, Ctx } from '../platform/auth/actor';
import { scopeOf } from '../platform/auth/session';
import type { Executor } from '../platform/db/database';
import type { Locale } from '../platform/i18n/messages';

/** The request id the demo's own steps carry in their audit rows. */
export const SEED_REQUEST = 'demo-seed';

/** A demo account as its sessions act for it (platform/auth/session.ts): its role, and its scope with its unit's path. */
export async function accountActor(db: Executor, username: string): Promise<Actor> {
  const u = await db.selectFrom('users as u')
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'u.enterprise_id').onRef('ou.id', '=', 'u.org_unit_id'))
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.district_id', 'u.department_id', 'u.subdistrict_id', 'u.enterprise_id',
      'u.institution_id', 'u.employee_id', 'u.locale', 'u.must_change_password', 'u.disabled', 'ou.path as unit_path'])
    .where('u.username', '=', username).executeTakeFirst();
  if (!u || u.disabled) throw new Error(`demo: no account ${username}`);
  return {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, scope: scopeOf(u, u.unit_path ?? null),
    mustChangePassword: u.must_change_password, locale: (u.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale, sessionHash: '', csrfToken: '',
  };
}

export const seedCtx = (actor: Actor, now: Date): Ctx => ({ actor, ip: null, requestId: SEED_REQUEST, locale: 'zh-CN', now });
