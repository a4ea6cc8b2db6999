import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import { listFilings } from './filing.service';
import type { FilingListQuery, FilingView } from './plan.schema';

/** The most rows one export writes (a list longer than this says so in a closing note). */
export const FILING_EXPORT_MAX_ROWS = 10_000;

type ColumnKey = 'submittedAt' | 'enterpriseName' | 'planTitle' | 'planKind' | 'versionNo' | 'departmentName' | 'status' | 'rounds' | 'receiptNo' | 'returnReason' | 'decidedAt';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'submittedAt', width: 18 }, { key: 'enterpriseName', width: 30 }, { key: 'planTitle', width: 36 }, { key: 'planKind', width: 14 },
  { key: 'versionNo', width: 8 }, { key: 'departmentName', width: 22 }, { key: 'status', width: 10 }, { key: 'rounds', width: 8 },
  { key: 'receiptNo', width: 18 }, { key: 'returnReason', width: 30 }, { key: 'decidedAt', width: 18 },
];

function cell(locale: Locale, key: ColumnKey, f: FilingView): string | number {
  switch (key) {
    case 'submittedAt': return localDateTime(f.submittedAt);
    case 'decidedAt': return f.decidedAt ? localDateTime(f.decidedAt) : '';
    case 'planKind': return t(locale, `emergencyPlan.kind.${f.planKind}`);
    case 'status': return t(locale, `emergencyPlan.filing.${f.status}`);
    case 'receiptNo': return f.receiptNo ?? '';
    case 'returnReason': return f.returnReason ?? '';
    default: return f[key];
  }
}

const filingSheet = (locale: Locale) => defineSheet<ColumnKey, FilingView>({
  name: t(locale, 'emergencyPlan.export.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `emergencyPlan.export.col.${c.key}`), width: c.width, write: (f: FilingView) => cell(locale, c.key, f) })),
});

/** The filing inbox as .xlsx with the list's own filters: the rows come from the list's service function. */
export async function exportFilings(db: Db, ctx: Ctx, q: FilingListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listFilings(db, ctx, { ...q, page: 1, pageSize: FILING_EXPORT_MAX_ROWS });
  const truncated = page.total > page.items.length;
  const buffer = await filingSheet(ctx.locale).write(withProgress(page.items, progress), {
    footer: truncated ? [t(ctx.locale, 'emergencyPlan.export.truncated', { max: page.items.length, total: page.total })] : [],
  });
  const date = fileDate(ctx.now);
  return { filename: `应急预案备案-${date}.xlsx`, fallbackName: `emergency-plan-filings-${date}.xlsx`, buffer };
}

export const filingsExport = defineExport<{ q: FilingListQuery }>({
  kind: 'emergency-plan-filings', params: storedParams,
  count: async (db, ctx, p) => Math.min(FILING_EXPORT_MAX_ROWS, (await listFilings(db, ctx, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportFilings(db, ctx, p.q, progress),
});
