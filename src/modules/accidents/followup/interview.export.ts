import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import { interviewBoard } from './interview.service';

type Row = { status: 'due' | 'overdue' | 'done'; enterprise: string; accident: string; receivedAt: string; dueOn: string; heldAt: string; principal: string; office: string; merged: string; commitments: string };
type ColumnKey = keyof Row;
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'status', width: 10 }, { key: 'enterprise', width: 30 }, { key: 'accident', width: 40 }, { key: 'receivedAt', width: 18 }, { key: 'dueOn', width: 12 },
  { key: 'heldAt', width: 18 }, { key: 'principal', width: 12 }, { key: 'office', width: 20 }, { key: 'merged', width: 8 }, { key: 'commitments', width: 40 },
];

const sheet = (locale: Locale) => defineSheet<ColumnKey, Row>({
  name: t(locale, 'accidentFollowup.export.sheet'),
  columns: COLUMNS.map((c) => ({
    key: c.key, header: t(locale, `accidentFollowup.export.col.${c.key}`), width: c.width,
    write: (r: Row) => (c.key === 'status' ? t(locale, `accidentFollowup.export.status.${r.status}`) : r[c.key]),
  })),
});

/**
 * R-RESP-8: the interview ledger of the caller's scope for a year as .xlsx: the accidents awaiting an interview (due or
 * overdue) and the interviews held, with the rate per department in the closing lines. The rows come from the board.
 */
export async function exportInterviews(db: Db, ctx: Ctx, q: { year?: number | undefined }, progress: Progress = async () => {}): Promise<XlsxFile> {
  const board = await interviewBoard(db, ctx, q);
  const yes = t(ctx.locale, 'accidentFollowup.export.yes');
  const rows: Row[] = [
    ...board.due.map((d) => ({
      status: d.overdue ? 'overdue' as const : 'due' as const, enterprise: d.enterpriseName, accident: d.summary, receivedAt: localDateTime(d.receivedAt),
      dueOn: d.dueOn, heldAt: '', principal: '', office: '', merged: '', commitments: '',
    })),
    ...board.done.map((i) => ({
      status: 'done' as const, enterprise: i.enterpriseName, accident: '', receivedAt: '', dueOn: '', heldAt: localDateTime(i.heldAt), principal: i.principalName,
      office: i.departmentName ?? '', merged: i.merged ? yes : '', commitments: i.commitments,
    })),
  ];
  const footer = board.rates.map((r) => t(ctx.locale, 'accidentFollowup.export.rate', {
    department: r.departmentName, interviewed: r.interviewed, total: r.withAccidents, rate: r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`,
  }));
  const buffer = await sheet(ctx.locale).write(withProgress(rows, progress), { footer });
  const date = fileDate(ctx.now);
  return { filename: `事故约谈台账-${board.year}-${date}.xlsx`, fallbackName: `accident-interviews-${board.year}-${date}.xlsx`, buffer };
}

export const interviewsExport = defineExport<{ year?: number | undefined }>({
  kind: 'accident-interviews', params: storedParams,
  count: async () => 1,
  run: (db, ctx, p, progress) => exportInterviews(db, ctx, p, progress),
});
