import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { notFound } from '../../../platform/errors';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { localDay } from '../../../platform/time';
import { listHazards } from '../loop/hazard.service';
import type { HazardListQuery } from '../loop/hazard.schema';
import { EXPORT_MAX_ROWS, hazardWorkbook } from './hazard-stats.excel';
import { enterpriseNames } from './hazard-stats.repository';
import type { CrossListQuery } from './hazard-stats.schema';
import { listHazardsAcross } from './hazard-stats.service';


/**
 * The enterprise ledger as .xlsx with the ledger's own filters: the rows come from the ledger's service function,
 * so the export shows exactly what the list shows (scope, branch, filters, order), up to EXPORT_MAX_ROWS.
 */
export async function exportEnterpriseHazards(db: Db, ctx: Ctx, enterpriseId: string, q: HazardListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  const page = await listHazards(db, ctx, enterpriseId, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  // The ledger's service has put the enterprise in the caller's scope (404 otherwise).
  const [ent] = await enterpriseNames(db, actor.scope, [enterpriseId]);
  if (!ent) throw notFound();
  const buffer = await hazardWorkbook(ctx.locale, withProgress(page.items.map((h) => ({
    code: h.code, title: h.title, source: h.source, hazardClass: h.hazardClass, level: h.level, status: h.status, orgUnitName: h.orgUnitName,
    location: h.location, reportedAt: h.reportedAt, deadline: h.deadline, overdue: h.overdue, escalationLevel: h.escalationLevel,
    supervised: h.supervised, closedAt: h.closedAt,
  })), progress), { withEnterprise: false, total: page.total, truncated: page.total > page.items.length, count: page.items.length });
  const date = localDay(ctx.now);
  return { filename: `隐患台账-${safeFileName(ent.name)}-${date}.xlsx`, fallbackName: `hazards-${date}.xlsx`, buffer };
}

/** The cross-enterprise list as .xlsx, same filters and order as GET /hazards. */
export async function exportHazardsAcross(db: Db, ctx: Ctx, q: CrossListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listHazardsAcross(db, ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const buffer = await hazardWorkbook(ctx.locale, withProgress(page.items, progress), {
    withEnterprise: true, count: page.items.length, total: page.totalCapped ? `${page.total}+` : page.total, truncated: page.totalCapped || page.total > page.items.length,
  });
  const date = localDay(ctx.now);
  return { filename: `隐患清单-${date}.xlsx`, fallbackName: `hazards-${date}.xlsx`, buffer };
}

/** Either list's export writes at most EXPORT_MAX_ROWS rows: that many decide whether it runs as a job. */
export const enterpriseHazardsExport = defineExport<{ enterpriseId: string; q: HazardListQuery }>({
  kind: 'hazards.enterprise', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await listHazards(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportEnterpriseHazards(db, ctx, p.enterpriseId, p.q, progress),
});

export const hazardsAcrossExport = defineExport<CrossListQuery>({
  kind: 'hazards.across', params: storedParams,
  count: async (db, ctx, q) => Math.min(EXPORT_MAX_ROWS, (await listHazardsAcross(db, ctx, { ...q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, q, progress) => exportHazardsAcross(db, ctx, q, progress),
});
