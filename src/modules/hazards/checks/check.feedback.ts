import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database';

/**
 * The risk feedback loop (issue 4 §5): a risk point is "control failing — re-assess" while it has an open hazard, OR
 * while the latest finished task of an active plan that checks it was missed (its last cycle went unchecked).
 * The flag clears by itself once the hazards are closed and the next task of each such plan is done.
 *
 * This is the one place the flag is computed; anything that changes hazards or task outcomes calls it for the risk
 * points concerned. It imports nothing from the services, so hazard.service can call it without an import cycle.
 */
export async function refreshControlFailing(db: Executor, enterpriseId: string, riskPointIds: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(riskPointIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return;
  await sql`update risk_points rp set control_failing = x.failing
    from (
      select r.id, (
        exists (select 1 from hazards h where h.enterprise_id = r.enterprise_id and h.risk_point_id = r.id
          and h.status in ('reported', 'confirmed', 'rectifying', 'submitted'))
        or exists (
          select 1 from check_plans pl
          cross join lateral (
            select t.status, t.checklist_id from check_tasks t
            where t.enterprise_id = pl.enterprise_id and t.plan_id = pl.id and t.status <> 'open'
            order by t.due_at desc limit 1
          ) last
          join checklist_items ci on ci.enterprise_id = pl.enterprise_id and ci.checklist_id = last.checklist_id and ci.risk_point_id = r.id
          where pl.enterprise_id = r.enterprise_id and pl.active and last.status = 'missed')
      ) as failing
      from risk_points r
      where r.enterprise_id = ${enterpriseId} and r.id = any(${ids}::uuid[])
    ) x
    where rp.enterprise_id = ${enterpriseId} and rp.id = x.id and rp.control_failing is distinct from x.failing`.execute(db);
}

/** The risk points checked by the given checklists. */
export async function riskPointsOfChecklists(db: Executor, enterpriseId: string, checklistIds: readonly string[]): Promise<string[]> {
  if (checklistIds.length === 0) return [];
  const rows = await db.selectFrom('checklist_items').select('risk_point_id').distinct()
    .where('enterprise_id', '=', enterpriseId).where('checklist_id', 'in', [...new Set(checklistIds)]).where('risk_point_id', 'is not', null).execute();
  return rows.map((r) => r.risk_point_id!);
}
