import type ExcelJS from 'exceljs';
import { excel } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import type { LeaderboardEntry, LeaderboardPeriod, TaskSummary } from './check.schema';

/*
 * The check module's sheets: the task list and the points leaderboard, with translated headers and labels. Rows
 * arrive as the lists present them; the export functions (check.export.ts) decide which rows.
 */

type Column<K extends string> = { key: K; width: number };

const TASK_COLUMNS: Column<'periodKey' | 'checklistName' | 'planType' | 'cycle' | 'assignee' | 'startsAt' | 'dueAt' | 'status' | 'doneBy' | 'doneAt' | 'passCount' | 'failCount' | 'naCount'>[] = [
  { key: 'periodKey', width: 14 }, { key: 'checklistName', width: 30 }, { key: 'planType', width: 14 }, { key: 'cycle', width: 10 },
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
    case 'periodKey': return r.periodKey;
    case 'checklistName': return r.checklistName;
    case 'planType': return t(locale, `check.planType.${r.planType}`);
    case 'cycle': return t(locale, `check.cycle.${r.cycle}`);
    case 'assignee': return r.assigneeUserName ?? r.assigneePostName ?? '';
    case 'startsAt': return stamp(r.startsAt);
    case 'dueAt': return stamp(r.dueAt);
    case 'status': return t(locale, `check.taskStatus.${r.status}`);
    case 'doneBy': return r.doneByName ?? '';
    case 'doneAt': return stamp(r.doneAt);
    case 'passCount': return count(r.passCount);
    case 'failCount': return count(r.failCount);
    case 'naCount': return count(r.naCount);
  }
}

async function sheet(name: string, headers: { key: string; header: string; width: number }[]) {
  const Excel = await excel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers;
  ws.getRow(1).font = { bold: true };
  return { wb, ws };
}

/** The task list as one sheet, missed tasks highlighted; a list longer than the rows gets a closing note. */
export async function taskWorkbook(locale: Locale, rows: TaskSummary[], opts: { total: number; truncated: boolean }): Promise<Buffer> {
  const { wb, ws } = await sheet(t(locale, 'check.export.sheet'),
    TASK_COLUMNS.map((c) => ({ key: c.key, header: t(locale, `check.export.col.${c.key}`), width: c.width })));
  const statusColumn = TASK_COLUMNS.findIndex((c) => c.key === 'status') + 1;
  for (const r of rows) {
    const row = ws.addRow(Object.fromEntries(TASK_COLUMNS.map((c) => [c.key, taskCell(locale, c.key, r)])));
    if (r.status !== 'missed') continue;
    for (let i = 1; i <= TASK_COLUMNS.length; i++) row.getCell(i).fill = MISSED_FILL;
    row.getCell(statusColumn).font = MISSED_FONT;
  }
  if (opts.truncated) ws.addRow([t(locale, 'hazard.export.truncated', { max: rows.length, total: opts.total })]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** R-HAZ-6: the leaderboard of a period as one sheet, named after the period. */
export async function leaderboardWorkbook(locale: Locale, period: LeaderboardPeriod, rows: LeaderboardEntry[], opts: { total: number; truncated: boolean }): Promise<Buffer> {
  const { wb, ws } = await sheet(t(locale, 'check.leaderboard.sheet', { period: t(locale, `check.leaderboard.period.${period}`) }),
    LEADERBOARD_COLUMNS.map((c) => ({ key: c.key, header: t(locale, `check.leaderboard.col.${c.key}`), width: c.width })));
  for (const r of rows) ws.addRow({ rank: r.rank, name: r.name, orgUnitName: r.orgUnitName ?? '', points: r.points, hazards: r.hazards });
  if (opts.truncated) ws.addRow([t(locale, 'hazard.export.truncated', { max: rows.length, total: opts.total })]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
