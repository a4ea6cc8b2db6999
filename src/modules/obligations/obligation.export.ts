import type { Ctx } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../platform/files/exports';
import { defineSheet } from '../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../platform/files/xlsx';
import { t, type Locale } from '../../platform/i18n/messages';
import { localDateTime } from '../../platform/time';
import type { OccurrenceFilter } from './obligation.repository';
import { boardEnterpriseList, listOccurrences } from './obligation.views';

/** At most this many rows per export (the duty calendar of a year, a scope's enterprises). */
export const OBLIGATION_EXPORT_MAX_ROWS = 10_000;

type Occ = Awaited<ReturnType<typeof listOccurrences>>['items'][number];
type OccKey = 'name' | 'enterprise' | 'period' | 'subject' | 'owner' | 'reportedTo' | 'startsOn' | 'dueOn' | 'status' | 'fulfilledAt' | 'fulfilment' | 'waivedReason';
const OCC_COLUMNS: { key: OccKey; width: number }[] = [
  { key: 'name', width: 36 }, { key: 'enterprise', width: 28 }, { key: 'period', width: 12 }, { key: 'subject', width: 16 }, { key: 'owner', width: 12 },
  { key: 'reportedTo', width: 12 }, { key: 'startsOn', width: 12 }, { key: 'dueOn', width: 12 }, { key: 'status', width: 10 },
  { key: 'fulfilledAt', width: 18 }, { key: 'fulfilment', width: 10 }, { key: 'waivedReason', width: 24 },
];

function occCell(locale: Locale, key: OccKey, o: Occ): string {
  switch (key) {
    case 'name': return o.name;
    case 'enterprise': return o.enterpriseName;
    case 'period': return o.periodKey;
    case 'subject': return o.subjectLabel;
    case 'owner': return t(locale, `obligation.owner.${o.owner}`);
    case 'reportedTo': return t(locale, `obligation.reportedTo.${o.reportedTo}`);
    case 'startsOn': return o.startsOn;
    case 'dueOn': return o.dueProvisional ? `${o.dueOn}（${t(locale, 'obligation.provisional')}）` : o.dueOn;
    case 'status': return t(locale, `obligation.status.${o.status}`) + (o.awaitingPrincipal ? `（${t(locale, 'obligation.awaitingPrincipal')}）` : '');
    case 'fulfilledAt': return o.fulfilledAt ? localDateTime(o.fulfilledAt) : '';
    case 'fulfilment': return o.fulfilment ? t(locale, `obligation.fulfilment.${o.fulfilment}`) : '';
    case 'waivedReason': return o.waivedReason ?? '';
  }
}

const occSheet = (locale: Locale) => defineSheet<OccKey, Occ>({
  name: t(locale, 'obligation.export.sheet'),
  columns: OCC_COLUMNS.map((c) => ({ key: c.key, header: t(locale, `obligation.export.col.${c.key}`), width: c.width, write: (o: Occ) => occCell(locale, c.key, o) })),
});

/** The duty calendar's list as .xlsx, with the list's own filters (the rows come from the list's service). */
export async function exportOccurrences(db: Db, ctx: Ctx, enterpriseId: string, f: OccurrenceFilter, progress: Progress = async () => {}): Promise<XlsxFile> {
  const { items } = await listOccurrences(db, ctx, enterpriseId, f);
  const buffer = await occSheet(ctx.locale).write(withProgress(items, progress));
  const date = fileDate(ctx.now);
  return { filename: `履职事项-${date}.xlsx`, fallbackName: `duties-${date}.xlsx`, buffer };
}

export const occurrencesExport = defineExport<{ enterpriseId: string; f: OccurrenceFilter }>({
  kind: 'obligations.enterprise', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(OBLIGATION_EXPORT_MAX_ROWS, (await listOccurrences(db, ctx, p.enterpriseId, p.f)).items.length),
  run: (db, ctx, p, progress) => exportOccurrences(db, ctx, p.enterpriseId, p.f, progress),
});

type BoardQuery = Parameters<typeof boardEnterpriseList>[2];
type Ent = Awaited<ReturnType<typeof boardEnterpriseList>>['items'][number];
type EntKey = 'name' | 'subdistrict' | 'industry' | 'overdue' | 'due' | 'fulfilled' | 'late' | 'waived' | 'rate' | 'principalRate';
const ENT_COLUMNS: { key: EntKey; width: number }[] = [
  { key: 'name', width: 32 }, { key: 'subdistrict', width: 14 }, { key: 'industry', width: 16 }, { key: 'overdue', width: 10 }, { key: 'due', width: 10 },
  { key: 'fulfilled', width: 10 }, { key: 'late', width: 10 }, { key: 'waived', width: 10 }, { key: 'rate', width: 10 }, { key: 'principalRate', width: 14 },
];
const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

const entSheet = (locale: Locale) => defineSheet<EntKey, Ent>({
  name: t(locale, 'obligation.export.boardSheet'),
  columns: ENT_COLUMNS.map((c) => ({
    key: c.key, header: t(locale, `obligation.export.col.${c.key}`), width: c.width,
    write: (e: Ent) => (c.key === 'rate' || c.key === 'principalRate' ? pct(e[c.key]) : e[c.key]),
  })),
});

/** The board's drill-down list as .xlsx, with its filters and order. */
export async function exportBoardEnterprises(db: Db, ctx: Ctx, q: BoardQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await boardEnterpriseList(db, ctx, { ...q, page: 1, pageSize: OBLIGATION_EXPORT_MAX_ROWS });
  const buffer = await entSheet(ctx.locale).write(withProgress(page.items, progress));
  const date = fileDate(ctx.now);
  return { filename: `企业履职情况-${q.year}-${date}.xlsx`, fallbackName: `duties-enterprises-${date}.xlsx`, buffer };
}

export const boardEnterprisesExport = defineExport<BoardQuery>({
  kind: 'obligations.board', params: storedParams,
  count: async (db, ctx, q) => Math.min(OBLIGATION_EXPORT_MAX_ROWS, (await boardEnterpriseList(db, ctx, { ...q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, q, progress) => exportBoardEnterprises(db, ctx, q, progress),
});
