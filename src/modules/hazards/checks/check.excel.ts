import type ExcelJS from 'exceljs';
import { withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { t, type Locale } from '../../../platform/i18n/messages';
import { deadlineStamp } from '../../../platform/period-labels';
import { localDateTime } from '../../../platform/time';
import { checkPeriodLabel } from './check.labels';
import type { LeaderboardEntry, LeaderboardPeriod, TaskSummary } from './check.schema';

/*
 * The check module's sheets: the task list and the points leaderboard, with translated headers and labels. Rows
 * arrive as the lists present them; the export functions (check.export.ts) decide which rows.
 */

type Column<K extends string> = { key: K; width: number };

const TASK_COLUMNS: Column<'periodKey' | 'checklistName' | 'planType' | 'cycle' | 'assignee' | 'startsAt' | 'dueAt' | 'status' | 'doneBy' | 'doneAt' | 'passCount' | 'failCount' | 'naCount'>[] = [
  { key: 'periodKey', width: 30 }, { key: 'checklistName', width: 30 }, { key: 'planType', width: 14 }, { key: 'cycle', width: 10 },
  { key: 'assignee', width: 18 }, { key: 'startsAt', width: 18 }, { key: 'dueAt', width: 18 }, { key: 'status', width: 10 },
  { key: 'doneBy', width: 12 }, { key: 'doneAt', width: 18 }, { key: 'passCount', width: 8 }, { key: 'failCount', width: 8 }, { key: 'naCount', width: 8 },
];
type TaskColumnKey = (typeof TASK_COLUMNS)[number]['key'];

const LEADERBOARD_COLUMNS: Column<'rank' | 'name' | 'orgUnitName' | 'points' | 'hazards'>[] = [
  { key: 'rank', width: 8 }, { key: 'name', width: 16 }, { key: 'orgUnitName', width: 24 }, { key: 'points', width: 10 }, { key: 'hazards', width: 10 },
];

// A missed task stands out as it does on screen: a pale red row with the status in red.
const MISSED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF1F0' } };
const MISSED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFCF1322' }, bold: true };

const stamp = (d: Date | null) => (d ? localDateTime(d) : '');

function taskCell(locale: Locale, key: TaskColumnKey, r: TaskSummary): string | number {
  // Results are counted when a task is done; an open or missed task has none, not zero of each.
  const count = (n: number) => (r.status === 'done' ? n : '');
  switch (key) {
    // The period in words, with the year of a day or shift (a sheet is kept past the season): 2026年12月1日 夜班.
    case 'periodKey': return checkPeriodLabel(r.periodKey, locale, { year: true });
    case 'checklistName': return r.checklistName;
    case 'planType': return t(locale, `check.planType.${r.planType}`);
    case 'cycle': return t(locale, `check.cycle.${r.cycle}`);
    case 'assignee': return r.assigneeUserName ?? r.assigneePostName ?? '';
    case 'startsAt': return stamp(r.startsAt);
    // The end of the period as its last day's 24:00, not the next period's 00:00: a December task is due 2026-12-31 24:00.
    case 'dueAt': return deadlineStamp(r.dueAt);
    case 'status': return t(locale, `check.taskStatus.${r.status}`);
    case 'doneBy': return r.doneByName ?? '';
    case 'doneAt': return stamp(r.doneAt);
    case 'passCount': return count(r.passCount);
    case 'failCount': return count(r.failCount);
    case 'naCount': return count(r.naCount);
  }
}

const taskSheet = (locale: Locale) => defineSheet<TaskColumnKey, TaskSummary>({
  name: t(locale, 'check.export.sheet'),
  columns: TASK_COLUMNS.map((c) => ({ key: c.key, header: t(locale, `check.export.col.${c.key}`), width: c.width, write: (r: TaskSummary) => taskCell(locale, c.key, r) })),
  style: (r, row, col) => {
    if (r.status !== 'missed') return;
    for (let i = 1; i <= TASK_COLUMNS.length; i++) row.getCell(i).fill = MISSED_FILL;
    row.getCell(col('status')).font = MISSED_FONT;
  },
});

/** The task list as one sheet, missed tasks highlighted; a list longer than the rows gets a closing note. */
export async function taskWorkbook(locale: Locale, rows: TaskSummary[], progress: Progress, opts: { total: number; truncated: boolean }): Promise<Buffer> {
  return taskSheet(locale).write(withProgress(rows, progress), { footer: opts.truncated ? [t(locale, 'hazard.export.truncated', { max: rows.length, total: opts.total })] : [] });
}

/** R-HAZ-6: the leaderboard of a period as one sheet, named after the period. */
export async function leaderboardWorkbook(locale: Locale, period: LeaderboardPeriod, rows: LeaderboardEntry[], progress: Progress, opts: { total: number; truncated: boolean }): Promise<Buffer> {
  const sheet = defineSheet<(typeof LEADERBOARD_COLUMNS)[number]['key'], LeaderboardEntry>({
    name: t(locale, 'check.leaderboard.sheet', { period: t(locale, `check.leaderboard.period.${period}`) }),
    columns: LEADERBOARD_COLUMNS.map((c) => ({
      key: c.key, header: t(locale, `check.leaderboard.col.${c.key}`), width: c.width,
      write: (r: LeaderboardEntry) => (c.key === 'orgUnitName' ? r.orgUnitName ?? '' : r[c.key]),
    })),
  });
  return sheet.write(withProgress(rows, progress), { footer: opts.truncated ? [t(locale, 'hazard.export.truncated', { max: rows.length, total: opts.total })] : [] });
}
