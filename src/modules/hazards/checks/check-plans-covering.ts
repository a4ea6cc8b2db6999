import type { Actor } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import { checkPlanVisibleTo } from './check.policy';

/**
 * Issue 11 §9: the check plans of some types (the holiday and resumption checks) whose period overlaps the days
 * [from, to] — what a key moment lists beside its on-duty check-ins. Read in the caller's scope, active plans only.
 */
export async function checkPlansCovering(db: Executor, viewer: Pick<Actor, 'scope' | 'userId'>, enterpriseId: string,
  q: { types: readonly ('holiday' | 'resumption')[]; from: string; to: string }) {
  if (q.types.length === 0) return [];
  const rows = await db.selectFrom('check_plans as pl')
    .select(['pl.id', 'pl.name', 'pl.type', 'pl.cycle', 'pl.starts_on', 'pl.ends_on'])
    .where('pl.enterprise_id', '=', enterpriseId).where('pl.active', '=', true).where('pl.type', 'in', [...q.types])
    .where('pl.starts_on', '<=', q.to)
    .where((eb) => eb.or([eb('pl.ends_on', 'is', null), eb('pl.ends_on', '>=', q.from)]))
    .where(checkPlanVisibleTo(viewer, 'pl'))
    .orderBy('pl.starts_on').orderBy('pl.id').execute();
  // The query reads only the types asked for, which are these two.
  return rows.map((r) => ({
    id: r.id, name: r.name, type: r.type === 'resumption' ? 'resumption' as const : 'holiday' as const, cycle: r.cycle, startsOn: r.starts_on, endsOn: r.ends_on,
  }));
}
