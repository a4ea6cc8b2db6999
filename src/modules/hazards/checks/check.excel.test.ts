import assert from 'node:assert/strict';
import test from 'node:test';
import ExcelJS from 'exceljs';
import { registerMessages } from '../../../platform/i18n/messages';
import { localInstant } from '../../../platform/time';
import { hazardsMessages } from '../hazards.messages';
import { taskWorkbook } from './check.excel';
import { checkPeriodLabel, SHIFT_NAMES } from './check.labels';
import { periodOfKey, SHIFT_CODES } from './check.rules';
import type { TaskSummary } from './check.schema';

// The sheet's headers are the module's messages, as the platform registers them at start.
registerMessages(hazardsMessages);

/** A task of `key` as the list presents it, with the period's own start and due instants (check.rules.ts). */
function task(key: string, cycle: TaskSummary['cycle']): TaskSummary {
  const period = periodOfKey(cycle, key)!;
  assert.ok(period, key);
  return {
    id: key, planId: 'p', planName: '计划', planType: 'daily', cycle, checklistId: 'c', checklistName: '班前检查', level: 'post',
    periodKey: key, startsAt: period.startsAt, dueAt: period.dueAt, status: 'open',
    assigneePostId: null, assigneePostName: '操作工', assigneeUserId: null, assigneeUserName: null,
    doneByName: null, doneAt: null, passCount: 0, failCount: 0, naCount: 0, canRun: true,
  };
}

/** The sheet's period and due columns, by row, under their headers. */
async function periodAndDue(locale: 'zh-CN' | 'en-US', rows: TaskSummary[]): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await taskWorkbook(locale, rows, async () => {}, { total: rows.length, truncated: false }) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const [period, due] = [header.indexOf(locale === 'zh-CN' ? '周期' : 'Period'), header.indexOf(locale === 'zh-CN' ? '截止' : 'Due')];
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push([String(row.getCell(period).value), String(row.getCell(due).value)]);
  });
  return out;
}

test('the task export names each period in words and its deadline as the last day’s 24:00, on China time', async () => {
  const rows = [
    task('2026-12-01#C', 'shift'), task('2026-12-31', 'daily'), task('2026-W53', 'weekly'), task('2026-12', 'monthly'),
    task('2028-02', 'monthly'), task('2026-Q4', 'quarterly'), task('2026', 'yearly'),
  ];
  assert.deepEqual(await periodAndDue('zh-CN', rows), [
    ['2026年12月1日 夜班', '2026-12-02 08:00'],
    ['2026年12月31日', '2026-12-31 24:00'],
    ['2026年第53周（12月28日–1月3日）', '2027-01-03 24:00'],
    ['2026年12月', '2026-12-31 24:00'],
    ['2028年2月', '2028-02-29 24:00'],
    ['2026年第四季度', '2026-12-31 24:00'],
    ['2026年', '2026-12-31 24:00'],
  ]);
  assert.deepEqual((await periodAndDue('en-US', rows)).map(([p]) => p), [
    '1 Dec 2026, night shift', '31 Dec 2026', 'Week 53, 2026 (28 Dec – 3 Jan)', 'Dec 2026', 'Feb 2028', 'Q4 2026', '2026',
  ]);
});

test('a deadline that is not at midnight is the due minute itself', async () => {
  const morning = task('2027-01-01#A', 'shift');
  assert.equal(morning.dueAt.getTime(), localInstant(2027, 0, 1, 16).getTime());
  assert.deepEqual(await periodAndDue('zh-CN', [morning]), [['2027年1月1日 早班', '2027-01-01 16:00']]);
});

test('every shift has a name in both languages, and a key of no known shape is shown as it is', () => {
  for (const code of SHIFT_CODES) {
    assert.ok(SHIFT_NAMES['zh-CN'][code] && SHIFT_NAMES['en-US'][code], code);
    assert.notEqual(checkPeriodLabel(`2026-12-01#${code}`, 'zh-CN'), `2026-12-01#${code}`);
  }
  for (const key of ['2027-02-29#A', '2026-12-01#D', '2026-13', '2026-W54', '2026-Q5', '']) assert.equal(checkPeriodLabel(key, 'zh-CN'), key);
});
