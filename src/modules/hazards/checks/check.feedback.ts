import type { Executor } from '../../../platform/db/database';
import type { AnyScope } from '../../../platform/db/scope';
import { updateControlFailing } from './check.repository';

/**
 * The risk feedback loop (issue 4 §5): a risk point is "control failing — re-assess" while it has an open hazard, OR
 * while the latest finished task of an active plan that checks it was missed (its last cycle went unchecked).
 * The flag clears by itself once the hazards are closed and the next task of each such plan is done.
 *
 * This is the one place the flag is computed (its SQL is check.repository `updateControlFailing`); anything that
 * changes hazards or task outcomes calls it for the risk points concerned. The flag is the point's, whoever acted: the
 * callers pass the whole enterprise (`wholeEnterprise`) or, from the check job, `systemScope`. It imports nothing from
 * the services, so hazard.service can call it without an import cycle.
 */
export async function refreshControlFailing(db: Executor, scope: AnyScope, enterpriseId: string, riskPointIds: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(riskPointIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return;
  await updateControlFailing(db, scope, enterpriseId, ids);
}
