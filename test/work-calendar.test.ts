import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import {
  addWorkingDays, loadWorkCalendar, PACKAGED_SOURCE, PACKAGED_YEARS, packagedCalendarYear, registerCalendarListener,
  seedWorkCalendarFromPackage, workingDaysAfter,
} from '../src/platform/calendar';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

/*
 * Issue 11 §1: China's official working-day calendar, seeded from the packaged notices at every start, edited per year
 * by the district admin, and announced to listeners inside the transaction that changes it.
 */

let t: TestPlatform;
let admin: Client;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-11-20T02:00:00Z');
  admin = await t.login('admin');
});
after(async () => { await t.close(); });

type YearSummary = { year: number; source: string; loadedAt: string; loadedBy: string | null; holidays: number; workdays: number };
type DayRow = { day: string; kind: 'holiday' | 'workday'; name: string };

/** 2027 as a hypothetical notice might publish it: New Year's Day off, Saturday 9 January worked. */
const DAYS_2027: DayRow[] = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦' },
  { day: '2027-01-09', kind: 'workday', name: '元旦' },
];

test('every database starts with the packaged official calendar, 2020 to 2026', async () => {
  const res = await admin.api.get('/calendar/years', {});
  assert.equal(res.statusCode, 200, res.body);
  const items = res.data.items as YearSummary[];
  const packaged = items.filter((y) => y.year >= PACKAGED_YEARS.from && y.year <= PACKAGED_YEARS.to);
  assert.deepEqual(packaged.map((y) => y.year), [2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  const y2025 = packaged.find((y) => y.year === 2025)!;
  assert.equal(y2025.source, PACKAGED_SOURCE);
  assert.equal(y2025.holidays, packagedCalendarYear(2025)!.filter((d) => d.kind === 'holiday').length);
  assert.equal(y2025.workdays, 5);

  const detail = await admin.api.get('/calendar/{year}', { year: '2025' });
  assert.equal(detail.statusCode, 200, detail.body);
  assert.equal(detail.data.loaded, true);
  const days = detail.data.days as DayRow[];
  assert.deepEqual(days.filter((d) => d.day >= '2025-09-28' && d.day <= '2025-10-11').map((d) => `${d.day} ${d.kind}`), [
    '2025-09-28 workday', '2025-10-01 holiday', '2025-10-02 holiday', '2025-10-03 holiday', '2025-10-04 holiday',
    '2025-10-05 holiday', '2025-10-06 holiday', '2025-10-07 holiday', '2025-10-08 holiday', '2025-10-11 workday',
  ]);
  assert.equal(days.find((d) => d.day === '2025-10-01')!.name, '国庆节');

  // Loading again loads nothing: the start of every platform runs it.
  assert.deepEqual(await seedWorkCalendarFromPackage(t.db, t.clock.now), []);
  const count = await t.db.selectFrom('work_calendar_days').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  assert.equal(count.n, items.reduce((n, y) => n + y.holidays + y.workdays, 0));
});

test('a year not published reads as not loaded, and deadlines counted through it are provisional', async () => {
  const res = await admin.api.get('/calendar/{year}', { year: '2031' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data, { year: 2031, loaded: false, source: null, loadedAt: null, loadedBy: null, days: [] });
  assert.deepEqual(await workingDaysAfter(t.db, '2025-09-30', 1), { day: '2025-10-09', provisional: false });
  assert.deepEqual(await workingDaysAfter(t.db, '2030-12-31', 1), { day: '2031-01-01', provisional: true });
});

test('the admin saves a year: its days replace the old ones, the calendar reads them, and the save is audited', async () => {
  const res = await admin.api.put('/calendar/{year}', { year: '2027' }, { days: DAYS_2027, source: '国务院办公厅 2027 年部分节假日安排的通知' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.loaded, true);
  assert.equal(res.data.loadedBy, '区应急管理局管理员');
  assert.deepEqual(res.data.days, DAYS_2027);

  const cal = await loadWorkCalendar(t.db, 2026, 2027);
  assert.deepEqual(addWorkingDays(cal, '2026-12-31', 1), { day: '2027-01-04', provisional: false });
  assert.deepEqual(addWorkingDays(cal, '2027-01-08', 1), { day: '2027-01-09', provisional: false });

  // A second save replaces the year as a whole.
  const again = await admin.api.put('/calendar/{year}', { year: '2027' }, { days: [DAYS_2027[0]!], source: '更正' });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual((await admin.api.get('/calendar/{year}', { year: '2027' })).data.days, [DAYS_2027[0]]);
  const after2 = await loadWorkCalendar(t.db, 2027, 2027);
  assert.deepEqual(addWorkingDays(after2, '2027-01-08', 1), { day: '2027-01-11', provisional: false });

  const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id', 'before', 'after', 'chain'])
    .where('entity_type', '=', 'work_calendar').where('entity_id', '=', '2027').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.action, a.chain]), [['calendar.save', 'platform'], ['calendar.save', 'platform']]);
  assert.equal(audit[0]!.before, null);
  assert.deepEqual((audit[1]!.before as { days: DayRow[] }).days, DAYS_2027);
  assert.deepEqual((audit[1]!.after as { source: string }).source, '更正');
});

test('bad days are a 400 at the field of the day that is wrong, in words, never a 500', async () => {
  const put = (days: unknown, locale = 'zh-CN') => admin.request('PUT', '/api/v1/calendar/2028', { days, source: '测试' }, { 'accept-language': locale });
  const res = await put([
    { day: '2028-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2027-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2028-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2028-09-27', kind: 'workday', name: '国庆节' },
  ]);
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.data.error.code, 'VALIDATION');
  const issues = res.data.error.issues as { path: string; message: string }[];
  assert.deepEqual(issues.map((i) => i.path), ['body.days.1.day', 'body.days.2.day', 'body.days.3.day']);
  assert.match(issues[0]!.message, /不在 2028 年内/);
  assert.match(issues[2]!.message, /周六或周日/);

  const en = await put([{ day: '2028-09-27', kind: 'workday', name: '' }], 'en-US');
  assert.equal(en.statusCode, 400, en.body);
  assert.match(en.data.error.issues[0].message, /Saturday or Sunday/);

  for (const [days, path] of [
    [[{ day: '2028-02-30', kind: 'holiday', name: '' }], 'body.days.0.day'],
    [[{ day: '2028-10-01', kind: 'rest', name: '' }], 'body.days.0.kind'],
    [[{ day: '2028-10-01', kind: 'holiday', name: 'x'.repeat(31) }], 'body.days.0.name'],
    ['not a list', 'body.days'],
  ] as const) {
    const r = await put(days);
    assert.equal(r.statusCode, 400, r.body);
    assert.ok((r.data.error.issues as { path: string }[]).some((i) => i.path === path), `${path}: ${r.body}`);
  }
  const noSource = await admin.request('PUT', '/api/v1/calendar/2028', { days: [] });
  assert.equal(noSource.statusCode, 400, noSource.body);
  assert.equal(noSource.data.error.issues[0].path, 'body.source');
  for (const year of ['1999', '2101', 'abc']) assert.equal((await admin.get(`/api/v1/calendar/${year}`)).statusCode, 400, year);
  // Nothing of the refused saves was stored.
  assert.equal((await admin.api.get('/calendar/{year}', { year: '2028' })).data.loaded, false);
});

test('only the district admin reads or saves the calendar: an officer and an enterprise manager get 403', async () => {
  for (const username of ['guanshang', 'safety', 'principal']) {
    const c = await t.login(username);
    assert.equal((await c.get('/api/v1/calendar/years')).statusCode, 403, username);
    assert.equal((await c.get('/api/v1/calendar/2025')).statusCode, 403, username);
    const res = await c.put('/api/v1/calendar/2029', { days: [], source: 'x' });
    assert.equal(res.statusCode, 403, username);
    assert.equal(res.data.error.code, 'FORBIDDEN');
  }
  assert.equal((await t.anonymous().get('/api/v1/calendar/years')).statusCode, 401);
  assert.equal((await t.db.selectFrom('work_calendar_years').select('year').where('year', '=', 2029).executeTakeFirst()), undefined);
});

test('listeners run inside the save\'s transaction: they see the new days, and a listener that fails undoes the save', async () => {
  const heard: { year: number; seen: string[]; actor: string | null }[] = [];
  const stop = registerCalendarListener(async (tx, ctx, year) => {
    // Read through the transaction: the new days are visible here before commit.
    const cal = await loadWorkCalendar(tx, year, year);
    heard.push({ year, seen: [...cal.holidays], actor: ctx.actor?.username ?? null });
  });
  try {
    const res = await admin.api.put('/calendar/{year}', { year: '2030' }, { days: [{ day: '2030-01-01', kind: 'holiday', name: '元旦' }], source: '测试' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(heard, [{ year: 2030, seen: ['2030-01-01'], actor: 'admin' }]);
  } finally {
    stop();
  }

  const failing = registerCalendarListener(async () => { throw new Error('recompute failed'); });
  try {
    const res = await admin.api.put('/calendar/{year}', { year: '2030' }, { days: [], source: '应回滚' });
    assert.equal(res.statusCode, 500, res.body);
  } finally {
    failing();
  }
  const kept = await admin.api.get('/calendar/{year}', { year: '2030' });
  assert.equal(kept.data.source, '测试');
  assert.deepEqual(kept.data.days.map((d) => d.day), ['2030-01-01']);
  assert.equal(heard.length, 1, 'a removed listener hears nothing');
});

test('the packaged years missing from a database are loaded at start, and the listeners hear each of them', async () => {
  await t.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('work_calendar_days').where('day', '>=', '2024-01-01').where('day', '<=', '2024-12-31').execute();
    await tx.deleteFrom('work_calendar_years').where('year', '=', 2024).execute();
  });
  const heard: number[] = [];
  const stop = registerCalendarListener(async (_tx, ctx, year) => { assert.equal(ctx.actor, null); heard.push(year); });
  try {
    assert.deepEqual(await seedWorkCalendarFromPackage(t.db, t.clock.now), [2024]);
  } finally {
    stop();
  }
  assert.deepEqual(heard, [2024]);
  const days = (await admin.api.get('/calendar/{year}', { year: '2024' })).data.days;
  assert.deepEqual(days, packagedCalendarYear(2024));
});
