import { sql } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';

/**
 * Issue 14 §2: the rescue tables' reads and writes. Every function takes the enterprise id; the service has checked the
 * caller's scope for it first (rescue data is the enterprise's as a whole: whoever sees the enterprise sees it).
 */

export async function teamsOf(db: Executor, enterpriseId: string) {
  const [teams, members] = await Promise.all([
    db.selectFrom('rescue_teams').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('rescue_team_members').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('team_id').orderBy('sort').execute(),
  ]);
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.team_id === t.id) }));
}
export type TeamRow = Awaited<ReturnType<typeof teamsOf>>[number];

export async function lockRow<T extends 'rescue_teams' | 'rescue_agreements' | 'rescue_equipment' | 'emergency_contacts'>(tx: Tx, table: T, enterpriseId: string, id: string) {
  return sql<{ version: number }>`select * from ${sql.table(table)} where enterprise_id = ${enterpriseId} and id = ${id} for update`.execute(tx)
    .then((r) => r.rows[0] as ({ version: number } & Record<string, unknown>) | undefined);
}

/** The active people of the enterprise among `ids` (a member may name one). */
export async function activeEmployees(db: Executor, enterpriseId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.id));
}

export async function floorPlanExists(db: Executor, enterpriseId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function agreementsOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('rescue_agreements').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('valid_to', 'desc').orderBy('id').execute();
}

export async function equipmentOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('rescue_equipment').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('category').orderBy('name').orderBy('id').execute();
}

export async function contactsOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('emergency_contacts').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('sort').orderBy('created_at').orderBy('id').execute();
}

export async function enterpriseName(db: Executor, enterpriseId: string): Promise<string> {
  return (await db.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).executeTakeFirst())?.name ?? '';
}

/**
 * The daily reminder's counts per enterprise of the district: items whose inspection is due by `inspectUntil`, items
 * expiring by `inspectUntil`, and agreements ending by `agreementUntil` that no later agreement of the enterprise
 * follows (an agreement already renewed is not reminded).
 */
export async function dueByEnterprise(db: Executor, districtId: string, inspectUntil: string, agreementUntil: string) {
  const rows = await sql<{ enterprise_id: string; inspections: number; expiring: number; agreements: number }>`
    with eq as (
      select q.enterprise_id,
        count(*) filter (where q.next_inspection_due <= ${inspectUntil})::int as inspections,
        count(*) filter (where q.expires_on <= ${inspectUntil})::int as expiring
      from rescue_equipment q join enterprises e on e.id = q.enterprise_id
      where e.district_id = ${districtId} and e.status = 'active'
        and (q.next_inspection_due <= ${inspectUntil} or q.expires_on <= ${inspectUntil})
      group by q.enterprise_id
    ), ag as (
      select a.enterprise_id, count(*)::int as agreements
      from rescue_agreements a join enterprises e on e.id = a.enterprise_id
      where e.district_id = ${districtId} and e.status = 'active' and a.valid_to <= ${agreementUntil}
        and not exists (select 1 from rescue_agreements b where b.enterprise_id = a.enterprise_id and b.valid_to > a.valid_to)
      group by a.enterprise_id
    )
    select coalesce(eq.enterprise_id, ag.enterprise_id) as enterprise_id, coalesce(eq.inspections, 0) as inspections,
      coalesce(eq.expiring, 0) as expiring, coalesce(ag.agreements, 0) as agreements
    from eq full join ag on ag.enterprise_id = eq.enterprise_id
    order by 1`.execute(db);
  return rows.rows;
}

/** Claims the enterprise's reminder for the local day; false when it was already sent (same transaction as the send). */
export async function claimReminderDay(tx: Tx, enterpriseId: string, day: string, now: Date): Promise<boolean> {
  const won = await tx.insertInto('job_schedule_runs').values({ name: `rescue.due:${enterpriseId}`, slot: day, created_at: now })
    .onConflict((oc) => oc.columns(['name', 'slot']).doNothing()).returning('name').executeTakeFirst();
  return won !== undefined;
}
