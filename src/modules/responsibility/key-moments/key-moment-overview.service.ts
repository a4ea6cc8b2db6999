import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { localDay, localYear } from '../../../platform/time';
import { overviewCount, overviewPage } from './key-moment.repository';
import type { KeyMomentOverviewQuery } from './key-moment.schema';

/**
 * Issue 11 §10, R-RESP-6: the regulators' view of key moments — per enterprise in the caller's scope (a subdistrict's
 * enterprises, a department's industries, the district), its moments under way and to come, and the year's check-in
 * compliance up to today (days checked in of days owed, days missed); filtered, sorted and paged. An enterprise's own
 * moments are then read, read-only, through `GET /enterprises/:id/key-moments` (the same scope decides).
 */
export async function keyMomentOverview(db: Db, ctx: Ctx, q: KeyMomentOverviewQuery) {
  const actor = requireActor(ctx);
  const year = q.year ?? localYear(ctx.now);
  const f = { ...q, year, today: localDay(ctx.now) };
  const rows = await overviewPage(db, actor.scope, f);
  const total = rows[0]?.total ?? await overviewCount(db, actor.scope, f);
  return {
    year,
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, subdistrictId: r.subdistrict_id, subdistrict: r.subdistrict, industryCode: r.industry_code, industry: r.industry,
      current: r.current, currentUnchecked: r.current_unchecked, upcoming: r.upcoming, nextStartsOn: r.next_starts_on, nextName: r.next_name,
      owedDays: r.owed, checkedDays: r.checked, missingDays: r.missing, rate: r.owed === 0 ? null : r.checked / r.owed,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
