import { z } from 'zod';
import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import type { RouteModule } from '../../../platform/http/app';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { HAZARD_STATES } from './hazard-workflow';
import { HAZARD_LEVELS } from './hazard.schema';

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

const OPEN = ['reported', 'confirmed', 'rectifying', 'submitted'] as const;

export async function listMyReports(db: Db, ctx: Ctx, q: MyReportsQuery) {
  const actor = requireActor(ctx);
  let base = db.selectFrom('hazards as h').innerJoin('enterprises as e', 'e.id', 'h.enterprise_id').where('h.reported_by', '=', actor.userId);
  if (q.status === 'open') base = base.where('h.status', 'in', OPEN);
  else if (q.status) base = base.where('h.status', '=', q.status);
  if (q.q) base = base.where(searchWhere(q.q, ['h.title', 'h.code', 'e.name']));
  const { items, total } = await listPage(base, {
    select: (qb) => qb.select(['h.id', 'h.code', 'h.title', 'h.enterprise_id', 'e.name as enterprise_name', 'h.status', 'h.level', 'h.location',
      'h.reported_at', 'h.deadline', 'h.closed_at', 'h.void_reason']),
    sort: { map: { reportedAt: { by: 'h.reported_at', nulls: 'last' } }, key: 'reportedAt', order: 'desc', tiebreak: [{ by: 'h.code', dir: 'desc' }] },
    page: q.page, pageSize: q.pageSize,
  });
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
  const actor = requireActor(ctx);
  const r = await db.selectFrom('hazards as h').where('h.reported_by', '=', actor.userId)
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.countAll<number>().filterWhere('h.status', 'in', OPEN).as('open')])
    .executeTakeFirstOrThrow();
  return { all: Number(r.all ?? 0), open: Number(r.open ?? 0) };
}
