import { enterpriseRowInScope } from '../../../platform/db/scope';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';

/** The district of an enterprise in scope: its rule-set in force is the district's (RULES.md §3). */
export async function enterpriseDistrict(db: Executor, scope: Scope, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprises as e').select('e.district_id').where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirstOrThrow();
  return e.district_id;
}
