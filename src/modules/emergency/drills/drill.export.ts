import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import type { DrillListQuery, DrillSummary } from './drill.schema';
import { listDrills } from './drill.service';

/** The most rows one export writes (a list longer than this says so in a closing note). */
export const DRILL_EXPORT_MAX_ROWS = 10_000;

type ColumnKey = 'startedAt' | 'planKind' | 'planTitle' | 'form' | 'scenario' | 'place' | 'organiserName' | 'byPrincipal' | 'participantCount'
  | 'openActions' | 'overdueActions' | 'status' | 'reportedAt';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'startedAt', width: 18 }, { key: 'planKind', width: 16 }, { key: 'planTitle', width: 30 }, { key: 'form', width: 10 }, { key: 'scenario', width: 40 },
  { key: 'place', width: 20 }, { key: 'organiserName', width: 12 }, { key: 'byPrincipal', width: 10 }, { key: 'participantCount', width: 10 },
  { key: 'openActions', width: 10 }, { key: 'overdueActions', width: 10 }, { key: 'status', width: 10 }, { key: 'reportedAt', width: 18 },
];

function cell(locale: Locale, key: ColumnKey, d: DrillSummary): string | number {
  switch (key) {
    case 'startedAt': return localDateTime(d.startedAt);
    case 'planKind': return t(locale, `drill.planKind.${d.planKind}`);
    case 'form': return t(locale, `drill.form.${d.form}`);
    case 'status': return t(locale, `drill.status.${d.status}`);
    case 'byPrincipal': return t(locale, d.byPrincipal ? 'drill.export.yes' : 'drill.export.no');
    case 'reportedAt': return d.reportedAt ? localDateTime(d.reportedAt) : '';
    default: return d[key];
  }
}

const drillSheet = (locale: Locale) => defineSheet<ColumnKey, DrillSummary>({
  name: t(locale, 'drill.export.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `drill.export.col.${c.key}`), width: c.width, write: (d: DrillSummary) => cell(locale, c.key, d) })),
});

/** The drill list as .xlsx with the list's own filters: the rows come from the list's service function. */
export async function exportDrills(db: Db, ctx: Ctx, enterpriseId: string, q: DrillListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listDrills(db, ctx, enterpriseId, { ...q, page: 1, pageSize: DRILL_EXPORT_MAX_ROWS });
  const truncated = page.total > page.items.length;
  const buffer = await drillSheet(ctx.locale).write(withProgress(page.items, progress), {
    footer: truncated ? [t(ctx.locale, 'drill.export.truncated', { max: page.items.length, total: page.total })] : [],
  });
  const date = fileDate(ctx.now);
  return { filename: `应急演练-${date}.xlsx`, fallbackName: `drills-${date}.xlsx`, buffer };
}

export const drillsExport = defineExport<{ enterpriseId: string; q: DrillListQuery }>({
  kind: 'drills', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(DRILL_EXPORT_MAX_ROWS, (await listDrills(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportDrills(db, ctx, p.enterpriseId, p.q, progress),
});
