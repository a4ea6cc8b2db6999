import { z } from 'zod';
import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import type { RouteModule } from '../../../platform/http/app';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { HAZARD_STATES } from './hazard-workflow';
import { HAZARD_LEVELS } from './hazard.schema';
import { countReportsBy, listReportsBy } from './hazard.repository';

/**
 * 我上报的 (issue 10): whoever reports a hazard follows it — an insurer's risk engineer or a service institution's
 * assessor, who do not read the enterprise's ledger, see each report's state until it is closed; so does a worker.
 * The list holds only the caller's own reports (reported_by), whatever enterprise they were made to, and says no
 * more than what became of them: the state, the level once confirmed, the deadline and when it closed.
 */
export const myReportsQuery = z.object({
  ...pageQuery,
  status: z.enum([...HAZARD_STATES, 'open']).optional(),
});
export type MyReportsQuery = z.infer<typeof myReportsQuery>;

export const myReport = z.object({
  id: z.string(), code: z.string(), title: z.string(), enterpriseId: z.string(), enterpriseName: z.string(),
  status: z.enum(HAZARD_STATES), level: z.enum(HAZARD_LEVELS), location: z.string(), reportedAt: z.date(), deadline: z.string().nullable(),
  closedAt: z.date().nullable(), voidReason: z.string().nullable(),
});
export const myReportsPage = pageOf(myReport);

export async function listMyReports(db: Db, ctx: Ctx, q: MyReportsQuery) {
  const actor = requireActor(ctx);
  const { items, total } = await listReportsBy(db, actor, q);
  return {
    items: items.map((h) => ({
      id: h.id, code: h.code, title: h.title, enterpriseId: h.enterprise_id, enterpriseName: h.enterprise_name, status: h.status, level: h.level,
      location: h.location, reportedAt: h.reported_at, deadline: h.deadline, closedAt: h.closed_at, voidReason: h.void_reason,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

export const myReportsRoutes: RouteModule = (app, { db }) => {
  app.get('/hazards/reported-by-me', {
    config: { access: 'hazard.report' },
    schema: { tags: ['hazards'], summary: '我上报的隐患（任何企业）及其处理进展', querystring: myReportsQuery, response: { 200: myReportsPage } },
  }, async (req) => listMyReports(db, req.ctx, req.query));
};

/** The workbench's figures of the caller's own reports: all of them, and those still open. */
export async function countMyReports(db: Db, ctx: Ctx): Promise<{ all: number; open: number }> {
  return countReportsBy(db, requireActor(ctx));
}
