import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkPeriodLabel } from '../src/modules/hazards/checks/check.labels';
import { deadlineStamp } from '../src/platform/period-labels';
import { localDay, localDateTime } from '../src/platform/time';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
let safety: Client;
let leader: Client;
// Sessions outlive the clock move below (the hourly cleanup compares expiry with the platform clock).
before(async () => {
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  safety = await t.login('safety');
  leader = await t.login('leader');
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ids.ownEnterprise.id) => `/api/v1/enterprises/${enterpriseId}${p}`;

type Sheet = { name: string; rows: string[][]; fills: (string | undefined)[]; statusFonts: (string | undefined)[] };

/** The first sheet as text, every row as wide as the header, with each row's fill and the status cell's colour. */
async function readSheet(res: Res, statusColumn = 8): Promise<Sheet> {
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const width = ws.getRow(1).cellCount;
  const sheet: Sheet = { name: ws.name, rows: [], fills: [], statusFonts: [] };
  ws.eachRow((row) => {
    sheet.rows.push(Array.from({ length: width }, (_, i) => String(row.getCell(i + 1).value ?? '')));
    const fill = row.getCell(1).fill;
    sheet.fills.push(fill?.type === 'pattern' ? fill.fgColor?.argb : undefined);
    sheet.statusFonts.push(row.getCell(statusColumn).font?.color?.argb);
  });
  return sheet;
}

function downloadName(res: Res): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  assert.ok(m, String(res.headers['content-disposition']));
  return decodeURIComponent(m[1]!);
}

type Task = {
  periodKey: string; checklistName: string; planType: string; cycle: string; assigneeUserName: string | null; assigneePostName: string | null;
  startsAt: string | null; dueAt: string; status: 'open' | 'done' | 'missed'; doneByName: string | null; doneAt: string | null;
  passCount: number; failCount: number; naCount: number;
};
const PLAN_TYPE: Record<string, string> = { daily: '日常检查', comprehensive: '综合检查' };
const CYCLE: Record<string, string> = { shift: '每班', daily: '每日', monthly: '每月' };
const STATUS = { open: '待检查', done: '已完成', missed: '漏检' };
const at = (iso: string | null) => (iso ? localDateTime(new Date(iso)) : '');

/** What a sheet row should say for a task of the list: the period in words, the deadline as its last day's 24:00. */
function expectedRow(x: Task): string[] {
  const count = (n: number) => (x.status === 'done' ? String(n) : '');
  return [
    checkPeriodLabel(x.periodKey, 'zh-CN', { year: true }), x.checklistName, PLAN_TYPE[x.planType] ?? x.planType, CYCLE[x.cycle] ?? x.cycle, x.assigneeUserName ?? x.assigneePostName ?? '',
    at(x.startsAt), deadlineStamp(new Date(x.dueAt)), STATUS[x.status], x.doneByName ?? '', at(x.doneAt), count(x.passCount), count(x.failCount), count(x.naCount),
  ];
}

async function listed(c: Client, query: string): Promise<Task[]> {
  const res = await c.get(api(`/check-tasks?${query ? `${query}&` : ''}pageSize=200`));
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.data.total <= 200, 'one page holds the whole list');
  return res.data.items as Task[];
}

test('the check task export is the list: same rows for the same filters, local times, missed tasks highlighted', async () => {
  // Today's tasks, then a day later: yesterday's shift and daily tasks are missed and today's are open.
  t.clock.now = new Date();
  await t.platform.jobs.tick();
  t.clock.now = new Date(Date.now() + 24 * 3_600_000);
  await t.platform.jobs.tick();
  // The leader runs his team's shift card: a done task with counts.
  const card = (await listed(leader, 'mine=true&status=open') as (Task & { id: string; planName: string })[]).find((x) => x.planName === '操作工班前安全检查');
  assert.ok(card, 'the shift card is among the leader\'s tasks');
  const detail = await leader.get(api(`/check-tasks/${card.id}`));
  const results = (detail.data.items as { id: string }[]).map((i, k) => ({ checklistItemId: i.id, result: k === 0 ? 'na' : 'pass' }));
  assert.equal((await leader.post(api(`/check-tasks/${card.id}/run`), { results })).statusCode, 200);

  const all = await listed(safety, '');
  assert.deepEqual(new Set(all.map((x) => x.status)), new Set(['open', 'done', 'missed']), 'the list has tasks of every status');
  for (const [who, query] of [[safety, ''], [safety, 'status=missed'], [safety, 'status=done'], [safety, 'status=open&order=asc'], [leader, 'mine=true']] as const) {
    const sheet = await readSheet(await who.get(api(`/check-tasks/export?${query}`)));
    const tasks = await listed(who, query);
    assert.ok(tasks.length > 0, query);
    assert.deepEqual(sheet.rows[0], ['周期', '检查表', '类型', '周期类型', '执行岗位或人员', '开始', '截止', '状态', '执行人', '完成时间', '合格', '不合格', '不适用']);
    assert.deepEqual(sheet.rows.slice(1), tasks.map(expectedRow), `export?${query}`);
    assert.deepEqual(sheet.fills.slice(1), tasks.map((x) => (x.status === 'missed' ? 'FFFFF1F0' : undefined)), 'missed rows are highlighted');
    assert.deepEqual(sheet.statusFonts.slice(1), tasks.map((x) => (x.status === 'missed' ? 'FFCF1322' : undefined)));
  }

  const done = (await readSheet(await safety.get(api('/check-tasks/export?status=done')))).rows.slice(1);
  assert.equal(done.length, 1);
  assert.deepEqual(done[0]!.slice(10), [String(results.length - 1), '0', '1'], 'pass, fail and n/a counts');
  // A daily task is due at local midnight (UTC+8), not 16:00 as in UTC.
  const daily = all.find((x) => x.cycle === 'daily')!;
  assert.match(localDateTime(new Date(daily.dueAt)), / 00:00$/);

  const res = await safety.get(api('/check-tasks/export?status=missed'), { 'accept-language': 'en-US' });
  const en = await readSheet(res);
  assert.equal(en.name, 'Check tasks');
  assert.deepEqual(en.rows[0]!.slice(0, 3), ['Period', 'Checklist', 'Type']);
  assert.ok(en.rows.slice(1).every((r) => r[7] === 'Missed'));
  assert.equal(downloadName(res), `检查任务-${ids.ownEnterprise.name}-${localDay(t.clock.now)}.xlsx`);
  assert.match(String(res.headers['content-disposition']), /filename="check-tasks-\d{4}-\d{2}-\d{2}\.xlsx"/);
});

test('R-HAZ-6 the leaderboard export ranks the same people as the leaderboard for the chosen period', async () => {
  for (const period of ['all', 'year', 'month'] as const) {
    const board = await safety.get(api(`/hazard-leaderboard?period=${period}`));
    assert.equal(board.statusCode, 200);
    const items = board.data.items as { rank: number; name: string; orgUnitName: string | null; points: number; hazards: number }[];
    if (period === 'all') assert.ok(items.length > 1, 'the demo has people with points');
    const res = await safety.get(api(`/hazard-leaderboard/export?period=${period}`));
    const sheet = await readSheet(res, 1);
    assert.deepEqual(sheet.rows[0], ['排名', '姓名', '所属单位', '积分', '隐患数']);
    assert.deepEqual(sheet.rows.slice(1), items.map((r) => [String(r.rank), r.name, r.orgUnitName ?? '', String(r.points), String(r.hazards)]), period);
    assert.equal(sheet.name, `积分排行（${{ all: '累计', year: '本年', month: '本月' }[period]}）`);
  }
  const res = await safety.get(api('/hazard-leaderboard/export?period=all'), { 'accept-language': 'en-US' });
  const en = await readSheet(res, 1);
  assert.deepEqual([en.name, en.rows[0]![0]], ['Points (all time)', 'Rank']);
  assert.equal(downloadName(res), `积分排行-${ids.ownEnterprise.name}-累计-${localDay(t.clock.now)}.xlsx`);
});

test('the exports keep the lists\' access: another enterprise gets 404, a role without hazard.read 403', async () => {
  const officer = await t.login('guanshang');
  const insurer = await t.login('insurer');
  for (const path of ['/check-tasks/export', '/hazard-leaderboard/export']) {
    assert.equal((await safety.get(api(path, ids.foreign.id))).statusCode, 404, `${path}: another enterprise`);
    assert.equal((await officer.get(api(path, ids.foreign.id))).statusCode, 404, `${path}: outside the subdistrict`);
    assert.equal((await officer.get(api(path))).statusCode, 200, `${path}: inside the subdistrict`);
    const refused = await insurer.get(api(path));
    assert.deepEqual([refused.statusCode, refused.data?.error?.code], [403, 'FORBIDDEN'], path);
  }
  assert.equal((await insurer.get(api('/check-tasks'))).statusCode, 403, 'as the list');
});
