import { sql } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { regulatedList, type AnyScope, type RegulatedFilters } from '../../../platform/db/scope';

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

/**
 * The regulators' list (issue 14 §2, R-EMG-3): the active enterprises in the scope, narrowed by the regulated lists'
 * filters, each with its rescue figures on `today` — teams (staffed or not, by kind) and members, agreements (the
 * latest end, one valid today), equipment with inspections overdue and items expired. Grouped subqueries joined to
 * the enterprises in one statement; the requirement is the rules' (rescue.supervision.ts).
 */
export async function rescueFiguresIn(db: Executor, scope: AnyScope, f: RegulatedFilters, today: string) {
  const staffed = (kind: string) => sql`bool_or(t.kind = ${kind} and exists (select 1 from rescue_team_members m where m.enterprise_id = t.enterprise_id and m.team_id = t.id))`;
  const teams = sql`(select t.enterprise_id, count(*)::int as teams, (count(*) filter (where t.kind = 'team'))::int as full_teams,
      ${staffed('team')} as staffed_team, ${staffed('parttime')} as staffed_parttime
    from rescue_teams t group by t.enterprise_id)`;
  const members = sql`(select enterprise_id, count(*)::int as members from rescue_team_members group by enterprise_id)`;
  const agreements = sql`(select enterprise_id, count(*)::int as agreements, max(valid_to)::text as valid_to,
      bool_or(valid_from <= ${today}::date and valid_to >= ${today}::date) as valid_now
    from rescue_agreements group by enterprise_id)`;
  const equipment = sql`(select enterprise_id, count(*)::int as equipment, (count(*) filter (where next_inspection_due < ${today}::date))::int as overdue,
      (count(*) filter (where expires_on < ${today}::date))::int as expired
    from rescue_equipment group by enterprise_id)`;
  return regulatedList(db, scope, f)
    .leftJoin(teams.as('t'), (j) => j.onRef(sql.ref('t.enterprise_id') as never, '=', 'e.id'))
    .leftJoin(members.as('m'), (j) => j.onRef(sql.ref('m.enterprise_id') as never, '=', 'e.id'))
    .leftJoin(agreements.as('g'), (j) => j.onRef(sql.ref('g.enterprise_id') as never, '=', 'e.id'))
    .leftJoin(equipment.as('q'), (j) => j.onRef(sql.ref('q.enterprise_id') as never, '=', 'e.id'))
    .select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      sql<number>`coalesce(t.teams, 0)`.as('teams'), sql<number>`coalesce(t.full_teams, 0)`.as('full_teams'),
      sql<boolean>`coalesce(t.staffed_team, false)`.as('staffed_team'), sql<boolean>`coalesce(t.staffed_parttime, false)`.as('staffed_parttime'),
      sql<number>`coalesce(m.members, 0)`.as('members'),
      sql<number>`coalesce(g.agreements, 0)`.as('agreements'), sql<string | null>`g.valid_to`.as('agreement_valid_to'),
      sql<boolean>`coalesce(g.valid_now, false)`.as('agreement_valid'),
      sql<number>`coalesce(q.equipment, 0)`.as('equipment'), sql<number>`coalesce(q.overdue, 0)`.as('overdue'), sql<number>`coalesce(q.expired, 0)`.as('expired'),
    ])
    .orderBy('e.name').orderBy('e.id').execute();
}
export type RescueFiguresRow = Awaited<ReturnType<typeof rescueFiguresIn>>[number];
