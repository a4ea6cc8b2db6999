import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import { enterpriseNameOf } from './plan.repository';
import type { PlanListQuery, PlanSummary } from './plan.schema';
import { listPlans } from './plan.service';

/** The most rows one export writes (a list longer than this says so in a closing note). */
export const PLAN_EXPORT_MAX_ROWS = 10_000;

type ColumnKey = 'title' | 'kind' | 'currentVersion' | 'status' | 'filedVersion' | 'issuedAt' | 'returnedFilings' | 'updatedAt';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'title', width: 36 }, { key: 'kind', width: 16 }, { key: 'currentVersion', width: 8 }, { key: 'status', width: 10 },
  { key: 'filedVersion', width: 10 }, { key: 'issuedAt', width: 18 }, { key: 'returnedFilings', width: 10 }, { key: 'updatedAt', width: 18 },
];

function cell(locale: Locale, key: ColumnKey, p: PlanSummary): string | number {
  switch (key) {
    case 'kind': return t(locale, `emergencyPlan.kind.${p.kind}`);
    case 'status': return t(locale, `emergencyPlan.status.${p.status}`);
    case 'filedVersion': return p.filedVersion ?? '';
    case 'issuedAt': return p.issuedAt ? localDateTime(p.issuedAt) : '';
    case 'updatedAt': return localDateTime(p.updatedAt);
    default: return p[key];
  }
}

const planSheet = (locale: Locale) => defineSheet<ColumnKey, PlanSummary>({
  name: t(locale, 'emergencyPlan.exportPlans.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `emergencyPlan.exportPlans.col.${c.key}`), width: c.width, write: (p: PlanSummary) => cell(locale, c.key, p) })),
});

/** The enterprise's plan list as .xlsx with the list's own filters: the rows come from the list's service function. */
export async function exportPlans(db: Db, ctx: Ctx, enterpriseId: string, q: PlanListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listPlans(db, ctx, enterpriseId, { ...q, page: 1, pageSize: PLAN_EXPORT_MAX_ROWS });
  const truncated = page.total > page.items.length;
  const buffer = await planSheet(ctx.locale).write(withProgress(page.items, progress), {
    footer: truncated ? [t(ctx.locale, 'emergencyPlan.export.truncated', { max: page.items.length, total: page.total })] : [],
  });
  const date = fileDate(ctx.now);
  const name = safeFileName(await enterpriseNameOf(db, requireActor(ctx).scope, enterpriseId));
  return { filename: `应急预案-${name}-${date}.xlsx`, fallbackName: `emergency-plans-${date}.xlsx`, buffer };
}

export const plansExport = defineExport<{ enterpriseId: string; q: PlanListQuery }>({
  kind: 'emergency-plans', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(PLAN_EXPORT_MAX_ROWS, (await listPlans(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportPlans(db, ctx, p.enterpriseId, p.q, progress),
});
