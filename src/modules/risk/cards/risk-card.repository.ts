import { sql } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { postVisibleTo, unitPathLabel } from '../../org';
import { riskPointRowVisibleTo, riskPointVisibleTo } from '../points/risk-point.policy';

const POINT_COLUMNS = [
  'r.id', 'r.code', 'r.name', 'r.kind', 'r.location', 'r.grade', 'r.control_level', 'r.hazard_factors', 'r.accident_types',
  'r.emergency_measures', 'r.has_warning_signs', 'r.has_monitoring', 'r.has_emergency_equipment', 'r.has_escape_routes', 'r.updated_at',
  'u.name as org_unit_name',
] as const;

/** The point's unit named with its path below the company, so two "甲班" on one board are told apart. */
const pointUnitPath = () => unitPathLabel('u').as('unit_path_name');

/** What a board or card prints of its enterprise. */
export async function enterpriseForCards(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.name', 'e.address', 'e.principal_name', 'e.principal_phone'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirstOrThrow();
}

/** The graded points of the notice board, grade 1 first; unit leaders see their branch, as in the ledger. */
export async function boardPoints(db: Executor, scope: Scope, enterpriseId: string) {
  const q = db.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(POINT_COLUMNS).select(pointUnitPath)
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where('r.grade', 'is not', null);
  return q.where(riskPointVisibleTo(scope, 'r')).orderBy('r.grade').orderBy('r.code').execute();
}
export type CardPointRow = Awaited<ReturnType<typeof boardPoints>>[number];

/** The active points linked to a post (risk_point_posts) that the scope sees, highest grade first. */
export async function postPoints(db: Executor, scope: Scope, enterpriseId: string, postId: string): Promise<CardPointRow[]> {
  return db.selectFrom('risk_point_posts as rp')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'rp.enterprise_id').onRef('r.id', '=', 'rp.risk_point_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(POINT_COLUMNS).select(pointUnitPath)
    .where('rp.enterprise_id', '=', enterpriseId).where('rp.post_id', '=', postId).where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r'))
    .orderBy(sql`r.grade asc nulls last`).orderBy('r.code').execute();
}

/** Every active point linked to a post of the enterprise, with the post: the cards of all posts at once (whole enterprise). */
export async function allPostPoints(db: Executor, enterpriseId: string) {
  return db.selectFrom('risk_point_posts as rp')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'rp.enterprise_id').onRef('r.id', '=', 'rp.risk_point_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(POINT_COLUMNS).select(pointUnitPath).select('rp.post_id')
    .where('rp.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').execute();
}

/** The control measures of these points, as far as the scope sees the points. */
export async function measuresOf(db: Executor, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('control_measures as m').select(['m.risk_point_id', 'm.category', 'm.content'])
    .where('m.enterprise_id', '=', enterpriseId).where('m.risk_point_id', 'in', ids).where(riskPointRowVisibleTo(scope, 'm')).orderBy('m.sort').execute();
}

/** The controllers of these points, as far as the scope sees the points. */
export async function controllersOf(db: Executor, scope: Scope, enterpriseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('risk_controllers as c')
    .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'c.enterprise_id').onRef('m.id', '=', 'c.employee_id'))
    .select(['c.risk_point_id', 'c.level', 'm.name'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.risk_point_id', 'in', ids).where(riskPointRowVisibleTo(scope, 'c')).execute();
}

/** A post the scope sees (org post.policy.ts), with its unit. */
export async function findPost(db: Executor, scope: Scope, enterpriseId: string, postId: string) {
  return db.selectFrom('posts as p')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.name', 'u.name as org_unit_name', 'u.path as unit_path', unitPathLabel('u').as('unit_path_name')])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', postId).where(postVisibleTo(scope, 'p')).executeTakeFirst();
}

export async function liveToken(db: Executor, scope: Scope, enterpriseId: string, postId: string): Promise<string | null> {
  const row = await db.selectFrom('post_card_tokens').select('token')
    .where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).where('revoked_at', 'is', null)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row?.token ?? null;
}

/** Inserts a live token unless another request made one first; returns whether this one was stored. */
export async function insertToken(tx: Tx, scope: Scope, enterpriseId: string, postId: string, token: string, now: Date): Promise<boolean> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('post_card_tokens').values({ token, enterprise_id: enterpriseId, post_id: postId, created_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'post_id']).where('revoked_at', 'is', null).doNothing())
    .returning('token').executeTakeFirst();
  return r !== undefined;
}

export async function revokeTokens(tx: Tx, scope: Scope, enterpriseId: string, postId: string, now: Date): Promise<string[]> {
  const rows = await tx.updateTable('post_card_tokens').set({ revoked_at: now })
    .where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).where('revoked_at', 'is', null)
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .returning('token').execute();
  return rows.map((r) => r.token);
}

/**
 * The post a live token opens, or nothing: unknown and revoked tokens look the same. The public page calls it with
 * `systemScope`: no one is signed in, the token is the credential, and it may be any enterprise's.
 */
export async function postByToken(db: Executor, scope: AnyScope, token: string) {
  return db.selectFrom('post_card_tokens').select(['enterprise_id', 'post_id'])
    .where('token', '=', token).where('revoked_at', 'is', null).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}
