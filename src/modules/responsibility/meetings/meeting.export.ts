import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { periodLabel } from '../../../platform/period-labels';
import { localDateTime } from '../../../platform/time';
import { enterpriseNameOf } from './meeting.repository';
import type { MeetingListQuery, MeetingSummary } from './meeting.schema';
import { listMeetings } from './meeting.service';

/** The most rows one export writes (a list longer than this says so in a closing note). */
export const MEETING_EXPORT_MAX_ROWS = 10_000;

type ColumnKey = 'heldAt' | 'quarter' | 'type' | 'title' | 'place' | 'chairName' | 'attendeeCount' | 'decisionCount' | 'openActions' | 'overdueActions' | 'status' | 'confirmedAt';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'heldAt', width: 18 }, { key: 'quarter', width: 16 }, { key: 'type', width: 18 }, { key: 'title', width: 36 }, { key: 'place', width: 20 },
  { key: 'chairName', width: 12 }, { key: 'attendeeCount', width: 10 }, { key: 'decisionCount', width: 10 }, { key: 'openActions', width: 10 },
  { key: 'overdueActions', width: 10 }, { key: 'status', width: 10 }, { key: 'confirmedAt', width: 18 },
];

function cell(locale: Locale, key: ColumnKey, m: MeetingSummary): string | number {
  switch (key) {
    case 'heldAt': return localDateTime(m.heldAt);
    case 'quarter': return periodLabel(m.quarter, locale);
    case 'type': return t(locale, `meeting.type.${m.type}`);
    case 'status': return t(locale, `meeting.status.${m.status}`);
    case 'confirmedAt': return m.confirmedAt ? localDateTime(m.confirmedAt) : '';
    default: return m[key];
  }
}

const meetingSheet = (locale: Locale) => defineSheet<ColumnKey, MeetingSummary>({
  name: t(locale, 'meeting.export.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `meeting.export.col.${c.key}`), width: c.width, write: (m: MeetingSummary) => cell(locale, c.key, m) })),
});

/**
 * The meeting list as .xlsx with the list's own filters (type, status, year, search, order): the rows come from the
 * list's service function, so the export shows exactly what the list shows, up to MEETING_EXPORT_MAX_ROWS.
 */
export async function exportMeetings(db: Db, ctx: Ctx, enterpriseId: string, q: MeetingListQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listMeetings(db, ctx, enterpriseId, { ...q, page: 1, pageSize: MEETING_EXPORT_MAX_ROWS });
  const truncated = page.total > page.items.length;
  const buffer = await meetingSheet(ctx.locale).write(withProgress(page.items, progress), {
    footer: truncated ? [t(ctx.locale, 'meeting.export.truncated', { max: page.items.length, total: page.total })] : [],
  });
  const date = fileDate(ctx.now);
  const name = safeFileName(await enterpriseNameOf(db, requireActor(ctx).scope, enterpriseId));
  return { filename: `安全生产会议-${name}-${date}.xlsx`, fallbackName: `meetings-${date}.xlsx`, buffer };
}

export const meetingsExport = defineExport<{ enterpriseId: string; q: MeetingListQuery }>({
  kind: 'meetings', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(MEETING_EXPORT_MAX_ROWS, (await listMeetings(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportMeetings(db, ctx, p.enterpriseId, p.q, progress),
});
