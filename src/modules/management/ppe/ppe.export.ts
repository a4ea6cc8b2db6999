import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, EXPORT_MAX_ROWS, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import type { PpeGapList, PpeIssueQuery, PpeIssueView, PpeOverview, PpeOverviewQuery } from './ppe.schema';
import { listIssues, ppeGaps, ppeOverview } from './ppe.service';

/**
 * Issue 13 §3: the issue ledger (with the screen's filters: e.g. replacements overdue) and the gap list as .xlsx; §5: the
 * regulators' list of enterprises with the same filters and order.
 */

const ISSUE_COLUMNS = [
  { key: 'name', width: 12 }, { key: 'unit', width: 18 }, { key: 'post', width: 16 }, { key: 'item', width: 16 }, { key: 'standard', width: 36 },
  { key: 'quantity', width: 8 }, { key: 'issuedOn', width: 12 }, { key: 'nextReplacement', width: 12 }, { key: 'replacement', width: 10 },
  { key: 'status', width: 10 }, { key: 'signedAt', width: 18 }, { key: 'note', width: 30 },
] as const;
type IssueKey = (typeof ISSUE_COLUMNS)[number]['key'];

function issueCell(locale: Locale, r: PpeIssueView, key: IssueKey): string | number {
  switch (key) {
    case 'name': return r.employeeName;
    case 'unit': return r.orgUnitName;
    case 'post': return r.postName ?? '';
    case 'item': return r.itemName;
    case 'standard': return r.standard;
    case 'quantity': return r.quantity;
    case 'issuedOn': return r.issuedOn;
    case 'nextReplacement': return r.nextReplacement ?? '';
    case 'replacement': return t(locale, `ppe.replacement.${r.replacement}`);
    case 'status': return t(locale, `ppe.status.${r.status}`);
    case 'signedAt': return r.signedAt ? localDateTime(r.signedAt) : '';
    case 'note': return r.status === 'voided' ? (r.voidReason ?? '') : r.note;
  }
}

export async function exportIssues(db: Db, ctx: Ctx, enterpriseId: string, q: PpeIssueQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const list = await listIssues(db, ctx, enterpriseId, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const sheet = defineSheet<IssueKey, PpeIssueView>({
    name: t(ctx.locale, 'ppe.export.sheet'),
    columns: ISSUE_COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `ppe.col.${c.key}`), width: c.width, write: (r: PpeIssueView) => issueCell(ctx.locale, r, c.key) })),
    freezeColumns: 1,
  });
  const footer = list.total > list.items.length ? [t(ctx.locale, 'hazard.export.truncated', { max: list.items.length, total: list.total })] : [];
  const buffer = await sheet.write(withProgress(list.items, progress), { title: t(ctx.locale, 'ppe.export.title', { date: list.today }), footer });
  const date = fileDate(ctx.now);
  return { filename: `劳动防护用品发放台账-${date}.xlsx`, fallbackName: `ppe-issues-${date}.xlsx`, buffer };
}

export const ppeIssuesExport = defineExport<{ enterpriseId: string; q: PpeIssueQuery }>({
  kind: 'ppe.issues', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await listIssues(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportIssues(db, ctx, p.enterpriseId, p.q, progress),
});

const GAP_COLUMNS = [{ key: 'name', width: 12 }, { key: 'unit', width: 18 }, { key: 'post', width: 18 }, { key: 'item', width: 16 }, { key: 'standard', width: 40 }] as const;
type GapKey = (typeof GAP_COLUMNS)[number]['key'];
type Gap = PpeGapList['items'][number];

export async function exportGaps(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const list = await ppeGaps(db, ctx, enterpriseId);
  const value = (r: Gap, key: GapKey) => ({ name: r.name, unit: r.orgUnitName, post: r.postName, item: r.itemName, standard: r.standard })[key];
  const sheet = defineSheet<GapKey, Gap>({
    name: t(ctx.locale, 'ppe.export.gapsSheet'),
    columns: GAP_COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `ppe.col.${c.key}`), width: c.width, write: (r: Gap) => value(r, c.key) })),
    freezeColumns: 1,
  });
  const buffer = await sheet.write(list.items.slice(0, EXPORT_MAX_ROWS), { title: t(ctx.locale, 'ppe.export.gapsTitle', { date: list.today }) });
  const date = fileDate(ctx.now);
  return { filename: `劳动防护用品配备缺口-${date}.xlsx`, fallbackName: `ppe-gaps-${date}.xlsx`, buffer };
}

const OVERVIEW_COLUMNS = [
  { key: 'name', width: 32 }, { key: 'creditCode', width: 22 }, { key: 'subdistrict', width: 12 }, { key: 'industry', width: 16 }, { key: 'missing', width: 16 },
  { key: 'overdue', width: 12 }, { key: 'dueSoon', width: 12 }, { key: 'unsigned', width: 10 },
] as const;
type OverviewKey = (typeof OVERVIEW_COLUMNS)[number]['key'];
type OverviewRow = PpeOverview['items'][number];

function overviewCell(r: OverviewRow, key: OverviewKey): string | number {
  switch (key) {
    case 'name': return r.name;
    case 'creditCode': return r.creditCode;
    case 'subdistrict': return r.subdistrictName;
    case 'industry': return r.industryName;
    case 'missing': return r.peopleMissingIssue;
    case 'overdue': return r.replacementsOverdue;
    case 'dueSoon': return r.replacementsDueSoon;
    case 'unsigned': return r.unsignedIssues;
  }
}

/** Issue 13 §5, R-PPE-1: the regulators' list (`/ppe-overview`) as .xlsx, with the screen's filters and order, up to EXPORT_MAX_ROWS. */
export async function exportOverview(db: Db, ctx: Ctx, q: PpeOverviewQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const list = await ppeOverview(db, ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const sheet = defineSheet<OverviewKey, OverviewRow>({
    name: t(ctx.locale, 'ppe.overview.sheet'),
    columns: OVERVIEW_COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `ppe.overview.col.${c.key}`), width: c.width, write: (r: OverviewRow) => overviewCell(r, c.key) })),
    freezeColumns: 1,
  });
  const footer = list.total > list.items.length ? [t(ctx.locale, 'hazard.export.truncated', { max: list.items.length, total: list.total })] : [];
  const buffer = await sheet.write(withProgress(list.items, progress), { title: t(ctx.locale, 'ppe.overview.title', { date: list.today }), footer });
  const date = fileDate(ctx.now);
  return { filename: `辖区企业劳动防护用品配备情况-${date}.xlsx`, fallbackName: `ppe-overview-${date}.xlsx`, buffer };
}

export const ppeOverviewExport = defineExport<{ q: PpeOverviewQuery }>({
  kind: 'ppe.overview', params: storedParams,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await ppeOverview(db, ctx, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportOverview(db, ctx, p.q, progress),
});
