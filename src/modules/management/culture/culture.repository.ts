import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { CultureActivityKind } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { ACTIVITY_SORT, type ActivityListQuery, type RewardListQuery } from './culture.schema';

/*
 * Issue 12 §6: the safety-culture activities, their participants and the reward-and-penalty ledger
 * (migrations/0097_culture.sql). The enterprise's managers read them; scope is the enterprise's.
 */

function activities(db: Executor) {
  return db.selectFrom('culture_activities as a')
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'a.enterprise_id').onRef('u.id', '=', 'a.org_unit_id'));
}
const activityColumns = [
  'a.id', 'a.kind', sql<string>`a.held_on::text`.as('held_on'), 'a.topic', 'a.org_unit_id', 'u.name as org_unit_name', 'a.host',
  sql<number>`(select count(*)::int from culture_participants p where p.enterprise_id = a.enterprise_id and p.activity_id = a.id)`.as('participants'),
  sql<number>`(select count(*)::int from culture_participants p where p.enterprise_id = a.enterprise_id and p.activity_id = a.id and p.signature_id is not null)`.as('signed_in'),
] as const;

export type ActivityRow = {
  id: string; kind: string; held_on: string; topic: string; org_unit_id: string | null; org_unit_name: string | null; host: string; participants: number; signed_in: number;
};

export async function activityPage(db: Executor, scope: AnyScope, enterpriseId: string, q: ActivityListQuery) {
  const base = activities(db).where('a.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'a.enterprise_id'));
  type QB = typeof base;
  const filters: FilterMap<QB, ActivityListQuery> = {
    kind: (qb, v) => qb.where('a.kind', '=', v),
    year: (qb, v) => qb.where(sql<SqlBool>`a.held_on >= ${`${v}-01-01`}::date and a.held_on < ${`${v + 1}-01-01`}::date`),
    q: (qb, v) => qb.where(searchWhere(v, ['a.topic', 'a.host'])),
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([...activityColumns]),
    sort: { map: ACTIVITY_SORT, key: q.sort, order: q.order, tiebreak: ['a.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const counts = await applyFilters(base, { ...filters, kind: undefined }, q).select(['a.kind', sql<number>`count(*)::int`.as('n')]).groupBy('a.kind').execute();
  return { page: page as typeof page & { items: ActivityRow[] }, counts };
}

export async function findActivity(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = activities(db).select([...activityColumns, 'a.content', 'a.created_at', 'a.version', sql<string | null>`(select display_name from users where id = a.created_by)`.as('created_by_name')])
    .where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id).where(enterpriseInScope(scope, 'a.enterprise_id'));
  if (opts.lock) q = q.forUpdate('a');
  return q.executeTakeFirst() as Promise<(ActivityRow & { content: string; created_at: Date; version: number; created_by_name: string | null }) | undefined>;
}

export async function participantsOf(db: Executor, enterpriseId: string, activityId: string) {
  return db.selectFrom('culture_participants as p')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'p.enterprise_id').onRef('e.id', '=', 'p.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['p.employee_id', 'e.name', 'u.name as org_unit_name', 'p.signed_at'])
    .where('p.enterprise_id', '=', enterpriseId).where('p.activity_id', '=', activityId).orderBy('u.path').orderBy('e.name').execute();
}

export async function insertActivity(tx: Tx, scope: AnyScope, enterpriseId: string, row: {
  kind: CultureActivityKind; held_on: string; topic: string; org_unit_id: string | null; host: string; content: string; created_by: string; now: Date;
}): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  return (await tx.insertInto('culture_activities').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
}

export async function addParticipants(tx: Tx, enterpriseId: string, activityId: string, employeeIds: readonly string[], now: Date): Promise<void> {
  if (!employeeIds.length) return;
  await tx.insertInto('culture_participants').values(employeeIds.map((e) => ({ enterprise_id: enterpriseId, activity_id: activityId, employee_id: e, added_at: now })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'activity_id', 'employee_id']).doNothing()).execute();
}

/** Marks one participant signed in (adding them when the organiser had not listed them). */
export async function markSignedIn(tx: Tx, enterpriseId: string, activityId: string, employeeId: string, signatureId: string, at: Date): Promise<void> {
  await tx.insertInto('culture_participants').values({ enterprise_id: enterpriseId, activity_id: activityId, employee_id: employeeId, signature_id: signatureId, signed_at: at, added_at: at })
    .onConflict((oc) => oc.columns(['enterprise_id', 'activity_id', 'employee_id']).doUpdateSet({ signature_id: signatureId, signed_at: at })).execute();
}

/** The active employees of the enterprise among `ids` (the others are refused at the field). */
export async function activeEmployees(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('employees').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).where('status', '=', 'active').execute();
}

export async function unitOf(db: Executor, enterpriseId: string, unitId: string) {
  return db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', unitId).executeTakeFirst();
}

// ---- 安全奖惩台账 ----

function rewards(db: Executor) {
  return db.selectFrom('reward_penalties as r')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'r.enterprise_id').onRef('e.id', '=', 'r.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'));
}
const rewardColumns = [
  'r.id', 'r.kind', 'r.employee_id', 'e.name as person_name', 'u.name as org_unit_name', sql<string>`r.decided_on::text`.as('decided_on'), 'r.reason',
  sql<string | null>`r.amount::text`.as('amount'), 'r.measure', 'r.hazard_id', 'r.hazard_code', 'r.created_at',
] as const;
export type RewardRow = {
  id: string; kind: 'reward' | 'penalty'; employee_id: string; person_name: string; org_unit_name: string; decided_on: string; reason: string; amount: string | null;
  measure: string; hazard_id: string | null; hazard_code: string | null; created_at: Date;
};

export async function rewardPage(db: Executor, scope: AnyScope, enterpriseId: string, q: RewardListQuery) {
  const base = rewards(db).where('r.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'r.enterprise_id'));
  type QB = typeof base;
  const filters: FilterMap<QB, RewardListQuery> = {
    kind: (qb, v) => qb.where('r.kind', '=', v),
    year: (qb, v) => qb.where(sql<SqlBool>`r.decided_on >= ${`${v}-01-01`}::date and r.decided_on < ${`${v + 1}-01-01`}::date`),
    q: (qb, v) => qb.where(searchWhere(v, ['e.name', 'r.reason', 'r.measure'])),
  };
  const filtered = applyFilters(base, filters, q);
  const page = await listPage(filtered, {
    select: (qb) => qb.select([...rewardColumns]),
    sort: { map: { decidedOn: ['r.decided_on', 'r.created_at'] }, key: q.sort, order: q.order, tiebreak: ['r.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const all = await filtered.select(['r.kind', sql<string | null>`r.amount::text`.as('amount')]).execute();
  return { page: page as typeof page & { items: RewardRow[] }, all };
}

export async function findReward(db: Executor, scope: AnyScope, enterpriseId: string, id: string): Promise<RewardRow | undefined> {
  return rewards(db).select([...rewardColumns]).where('r.enterprise_id', '=', enterpriseId).where('r.id', '=', id).where(enterpriseInScope(scope, 'r.enterprise_id'))
    .executeTakeFirst() as Promise<RewardRow | undefined>;
}

export async function insertReward(tx: Tx, scope: AnyScope, enterpriseId: string, row: {
  kind: 'reward' | 'penalty'; employee_id: string; decided_on: string; reason: string; amount: string | null; measure: string; hazard_id: string | null;
  hazard_code: string | null; created_by: string; now: Date;
}): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  return (await tx.insertInto('reward_penalties').values({ enterprise_id: enterpriseId, ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}
