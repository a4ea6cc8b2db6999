import assert from 'node:assert/strict';
import { test } from 'node:test';
import chineseDays from 'chinese-days';
import { packagedCalendarYear } from './official-calendar';
import {
  addWorkingDays, calendarYearProblems, isWorkingDay, WEEKDAYS_ONLY, weekdayOf, workCalendar, workingDaysBetween, type CalendarDay,
} from './working-days';

/** 2025 and 2026 as the State Council published them, from the package the platform seeds from. */
const official = workCalendar([2025, 2026], [...packagedCalendarYear(2025)!, ...packagedCalendarYear(2026)!]);

/** A hand-built year: New Year's Day 2030 (a Tuesday) off, the Saturday after worked. */
const fixture = workCalendar([2030], [
  { day: '2030-01-01', kind: 'holiday' },
  { day: '2030-01-05', kind: 'workday' },
]);

test('the package data says what the notices say about National Day 2025 and Spring Festival 2026', () => {
  for (const day of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08', '2026-02-16', '2026-02-23']) assert.equal(isWorkingDay(official, day), false, day);
  // The adjusted working weekend days: Sunday 28 September, Saturday 11 October, Saturdays 14 and 28 February.
  for (const day of ['2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28']) {
    assert.ok([0, 6].includes(weekdayOf(day)), `${day} is a weekend day`);
    assert.equal(isWorkingDay(official, day), true, day);
  }
  assert.equal(isWorkingDay(official, '2025-10-09'), true);
  assert.equal(isWorkingDay(official, '2025-10-12'), false, 'an ordinary Sunday');
});

test('N working days after a day, across the official holidays', () => {
  const rows: [string, string, number, string][] = [
    ['National Day 2025: the working Sunday before it counts', '2025-09-26', 1, '2025-09-28'],
    ['National Day 2025: the day after the eve is the first day back', '2025-09-30', 1, '2025-10-09'],
    ['National Day 2025: the working Saturday after it counts', '2025-09-30', 3, '2025-10-11'],
    ['National Day 2025: then the Sunday is off again', '2025-09-30', 4, '2025-10-13'],
    ['National Day 2025: a week from the Friday before', '2025-09-26', 7, '2025-10-13'],
    ['starting on a holiday counts from the next day', '2025-10-01', 1, '2025-10-09'],
    ['starting on a holiday weekend', '2025-10-04', 2, '2025-10-10'],
    ['Spring Festival 2026: the working Saturday before it', '2026-02-13', 1, '2026-02-14'],
    ['Spring Festival 2026: nine days off', '2026-02-14', 1, '2026-02-24'],
    ['Spring Festival 2026: the working Saturday after it', '2026-02-13', 6, '2026-02-28'],
    ['Spring Festival 2026: then Monday', '2026-02-13', 7, '2026-03-02'],
    ['New Year 2026 across the turn of the year', '2025-12-31', 1, '2026-01-04'],
    ['an adjusted working Saturday counts (Labour Day 2026)', '2026-05-08', 1, '2026-05-09'],
    ['n = 0 is the start day itself', '2025-10-01', 0, '2025-10-01'],
  ];
  for (const [why, start, n, due] of rows) assert.deepEqual(addWorkingDays(official, start, n), { day: due, provisional: false }, why);
});

test('without the calendar the same count is Monday to Friday and provisional', () => {
  assert.deepEqual(addWorkingDays(WEEKDAYS_ONLY, '2025-09-30', 1), { day: '2025-10-01', provisional: true });
  assert.deepEqual(addWorkingDays(WEEKDAYS_ONLY, '2025-09-26', 1), { day: '2025-09-29', provisional: true });
  assert.deepEqual(addWorkingDays(WEEKDAYS_ONLY, '2025-10-01', 0), { day: '2025-10-01', provisional: false }, 'nothing counted, nothing to move');
});

test('a year not loaded (2027) counts weekdays only and marks the date provisional', () => {
  const rows: [string, string, number, { day: string; provisional: boolean }][] = [
    ['the last day of a loaded year is firm', '2026-12-30', 1, { day: '2026-12-31', provisional: false }],
    ['one day into 2027: New Year\'s Day is not known yet', '2026-12-31', 1, { day: '2027-01-01', provisional: true }],
    ['inside 2027', '2027-03-01', 5, { day: '2027-03-08', provisional: true }],
    ['counting from 2027 back into nothing: n = 0', '2027-03-01', 0, { day: '2027-03-01', provisional: false }],
  ];
  for (const [why, start, n, due] of rows) assert.deepEqual(addWorkingDays(official, start, n), due, why);
  // Loading 2027 with its New Year holiday moves the first of those dates and makes it firm.
  const with2027 = workCalendar([2025, 2026, 2027], [...packagedCalendarYear(2026)!, { day: '2027-01-01', kind: 'holiday' }]);
  assert.deepEqual(addWorkingDays(with2027, '2026-12-31', 1), { day: '2027-01-04', provisional: false });
});

test('a hand-built year: its holiday is skipped and its working Saturday counted; other years are weekdays', () => {
  assert.deepEqual(addWorkingDays(fixture, '2029-12-31', 1), { day: '2030-01-02', provisional: false });
  assert.deepEqual(addWorkingDays(fixture, '2030-01-03', 2), { day: '2030-01-05', provisional: false });
  assert.deepEqual(addWorkingDays(fixture, '2030-01-03', 3), { day: '2030-01-07', provisional: false });
  assert.deepEqual(addWorkingDays(fixture, '2029-12-28', 1), { day: '2029-12-31', provisional: true });
  // Days listed for a year that is not loaded change nothing: that year is not published.
  const unloaded = workCalendar([], [{ day: '2030-01-01', kind: 'holiday' }, { day: '2030-01-05', kind: 'workday' }]);
  assert.equal(isWorkingDay(unloaded, '2030-01-01'), true);
  assert.equal(isWorkingDay(unloaded, '2030-01-05'), false);
});

test('working days between two days is the inverse of adding them, and negative backwards', () => {
  assert.deepEqual(workingDaysBetween(official, '2025-09-30', '2025-10-11'), { days: 3, provisional: false });
  assert.deepEqual(workingDaysBetween(official, '2025-09-26', '2025-10-13'), { days: 7, provisional: false });
  assert.deepEqual(workingDaysBetween(official, '2025-10-13', '2025-09-26'), { days: -7, provisional: false });
  assert.deepEqual(workingDaysBetween(official, '2025-10-02', '2025-10-02'), { days: 0, provisional: false });
  assert.deepEqual(workingDaysBetween(official, '2026-12-30', '2027-01-05'), { days: 4, provisional: true });
  for (const start of ['2025-01-01', '2025-09-27', '2025-10-05', '2026-02-14', '2026-09-30']) {
    for (const n of [0, 1, 2, 5, 10, 20, 60]) {
      assert.equal(workingDaysBetween(official, start, addWorkingDays(official, start, n).day).days, n, `${start} + ${n}`);
    }
  }
});

test('every day of 2025 and 2026 is a working day exactly when the package says it is', () => {
  const disagree: string[] = [];
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) {
    if (isWorkingDay(official, d) !== chineseDays.isWorkday(d)) disagree.push(d);
  }
  assert.deepEqual(disagree, []);
});

test('bad input is refused, not guessed', () => {
  assert.throws(() => addWorkingDays(official, '2025-02-30', 1), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-10-01', -1), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-10-01', 1.5), RangeError);
});

test('a year\'s list of days: inside the year, each day once, an adjusted working day on a weekend', () => {
  const days: Pick<CalendarDay, 'day' | 'kind'>[] = [
    { day: '2027-10-01', kind: 'holiday' },
    { day: '2026-10-01', kind: 'holiday' },
    { day: '2027-10-01', kind: 'holiday' },
    { day: '2027-09-26', kind: 'workday' },
    { day: '2027-09-27', kind: 'workday' },
    { day: '2027-10-09', kind: 'holiday' },
    { day: '2027-02-29', kind: 'holiday' },
  ];
  assert.deepEqual(calendarYearProblems(2027, days), [
    { index: 1, problem: 'outsideYear' },
    { index: 2, problem: 'duplicate' },
    { index: 4, problem: 'workdayNotWeekend' },
    { index: 6, problem: 'invalidDate' },
  ]);
  assert.deepEqual(calendarYearProblems(2025, packagedCalendarYear(2025)!), []);
  assert.deepEqual(calendarYearProblems(2027, []), []);
});
