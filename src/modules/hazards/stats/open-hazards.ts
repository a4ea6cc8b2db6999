import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import { hazardVisibleTo } from '../loop/hazard.policy';
import { OPEN_SQL } from './hazard-stats.repository';

/**
 * The hazards of an enterprise not yet closed (nor voided) now, and how many of them are major: what the principal's
 * public commitment discloses (R-COM-1) and other modules quote. Counted in the caller's scope.
 */
export async function openHazardCounts(db: Executor, viewer: Pick<Actor, 'scope' | 'userId'>, enterpriseId: string): Promise<{ open: number; majorOpen: number }> {
  const r = await db.selectFrom('hazards as h')
    .select([sql<number>`count(*)::int`.as('open'), sql<number>`count(*) filter (where h.level = 'major')::int`.as('major_open')])
    .where('h.enterprise_id', '=', enterpriseId).where(sql<boolean>`h.status in ${OPEN_SQL}`).where(hazardVisibleTo(viewer, 'h'))
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), majorOpen: Number(r.major_open) };
}
