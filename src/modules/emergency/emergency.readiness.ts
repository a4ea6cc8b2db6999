import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { emergencyRequirementsOf } from './emergency.profile';
import { rescueReadiness } from './rescue/rescue.service';

/**
 * R-RESP-4's "emergency in place" (应急救援到位) facts for the principal's five-in-place panel: a comprehensive plan
 * filed with the regulators (R-EMG-1), a comprehensive or special drill in the last year and, where R-EMG-2 asks for
 * half-yearly drills, a drill in the last half-year (R-EMG-2), and the rescue organisation R-EMG-3 requires.
 */
export type EmergencyFacts = {
  comprehensivePlanFiled: boolean;
  mainDrillWithinYear: boolean;
  /** null where the enterprise owes no half-yearly drill. */
  drillWithinHalfYear: boolean | null;
  rescue: { required: boolean; met: boolean };
};

const YEAR_MS = 365 * 86_400_000;
const HALF_YEAR_MS = 183 * 86_400_000;

export async function emergencyFacts(db: Executor, enterpriseId: string, now: Date): Promise<EmergencyFacts | null> {
  const req = await emergencyRequirementsOf(db, enterpriseId);
  if (!req) return null;
  const yearAgo = new Date(now.getTime() - YEAR_MS);
  const halfYearAgo = new Date(now.getTime() - HALF_YEAR_MS);
  const [figures, rescue] = await Promise.all([
    sql<{ filed: boolean; main_drill: boolean; any_drill: boolean }>`
      select
        exists (select 1 from emergency_plans p where p.enterprise_id = ${enterpriseId} and p.kind = 'comprehensive'
                  and p.status <> 'withdrawn' and p.filed_version is not null) as filed,
        exists (select 1 from drills d where d.enterprise_id = ${enterpriseId} and d.status <> 'voided'
                  and d.plan_kind in ('comprehensive', 'special') and d.started_at > ${yearAgo} and d.started_at <= ${now}) as main_drill,
        exists (select 1 from drills d where d.enterprise_id = ${enterpriseId} and d.status <> 'voided'
                  and d.started_at > ${halfYearAgo} and d.started_at <= ${now}) as any_drill`.execute(db),
    rescueReadiness(db, enterpriseId, now),
  ]);
  const f = figures.rows[0]!;
  return {
    comprehensivePlanFiled: f.filed,
    mainDrillWithinYear: f.main_drill,
    drillWithinHalfYear: req.halfYearlyDrills ? f.any_drill : null,
    rescue: { required: rescue.required, met: rescue.met },
  };
}
