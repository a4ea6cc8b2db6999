import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addLocalDays, addLocalMonths, LOCAL_OFFSET_SQL, LOCAL_UTC_OFFSET_MINUTES, localDateTime, localDay, localFields, localInstant, localMonth, localMonthIndex, localYear,
  offsetIntervalSql, startOfLocalDay, startOfLocalMonth, startOfLocalYear,
} from './time';

test('the district keeps China Standard Time: UTC+8 all year', () => {
  assert.equal(LOCAL_UTC_OFFSET_MINUTES, 480);
  // No daylight saving: midsummer and midwinter turn over at the same UTC hour.
  assert.equal(localDay(new Date('2026-07-01T15:59:59Z')), '2026-07-01');
  assert.equal(localDay(new Date('2026-07-01T16:00:00Z')), '2026-07-02');
  assert.equal(localDay(new Date('2026-01-15T16:00:00Z')), '2026-01-16');
});

test('the local day turns over at local midnight, 16:00 UTC', () => {
  const rows: [string, string, string, number, number][] = [
    // instant (UTC), local day, local month, local year, local month index
    ['2026-11-30T16:30:00Z', '2026-12-01', '2026-12', 2026, 11],
    ['2026-11-30T15:59:59Z', '2026-11-30', '2026-11', 2026, 10],
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01', 2027, 0],
    ['2026-12-31T15:59:59.999Z', '2026-12-31', '2026-12', 2026, 11],
    ['2026-11-30T23:00:00Z', '2026-12-01', '2026-12', 2026, 11],
    ['2028-02-28T16:00:00Z', '2028-02-29', '2028-02', 2028, 1],
    ['2026-06-15T02:00:00Z', '2026-06-15', '2026-06', 2026, 5],
  ];
  for (const [iso, day, month, year, index] of rows) {
    const at = new Date(iso);
    assert.equal(localDay(at), day, iso);
    assert.equal(localMonth(at), month, iso);
    assert.equal(localYear(at), year, iso);
    assert.equal(localMonthIndex(at), index, iso);
  }
});

test('local wall-clock fields and the instant of a local time are inverses', () => {
  assert.deepEqual(localFields(new Date('2026-11-30T23:05:00Z')), { y: 2026, m: 11, d: 1, h: 7, min: 5 });
  assert.equal(localInstant(2026, 11, 1, 7).toISOString(), '2026-11-30T23:00:00.000Z');
  // Out-of-range fields roll over.
  assert.equal(localInstant(2026, 11, 32).toISOString(), '2026-12-31T16:00:00.000Z');
  assert.equal(localDateTime(new Date('2026-12-31T16:00:00Z')), '2027-01-01 00:00');
  assert.equal(localDateTime(new Date('2026-12-01T02:07:00Z')), '2026-12-01 10:07');
});

test('local midnights: the first instants of a day, a month and a year', () => {
  assert.equal(startOfLocalDay('2026-12-01').toISOString(), '2026-11-30T16:00:00.000Z');
  assert.equal(startOfLocalMonth(2026, 12).toISOString(), '2026-11-30T16:00:00.000Z');
  assert.equal(startOfLocalMonth(2026, 13).toISOString(), '2026-12-31T16:00:00.000Z');
  assert.equal(startOfLocalYear(2027).toISOString(), '2026-12-31T16:00:00.000Z');
  assert.equal(localDay(startOfLocalYear(2027)), '2027-01-01');
  assert.equal(localDay(new Date(startOfLocalYear(2027).getTime() - 1)), '2026-12-31');
});

test('calendar days move by whole days across months, years and leap days', () => {
  assert.equal(addLocalDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addLocalDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addLocalDays('2028-03-01', -1), '2028-02-29');
  assert.equal(addLocalDays('2026-11-30', 30), '2026-12-30');
  assert.equal(addLocalDays('2026-11-30', 0), '2026-11-30');
});

test('calendar months clamp to the end of a shorter month, never roll over into the next', () => {
  const rows: [string, number, string][] = [
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-06-15', 6, '2026-12-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2026-05-31', 0, '2026-05-31'],
    ['2026-10-31', 24, '2028-10-31'],
  ];
  for (const [day, n, want] of rows) assert.equal(addLocalMonths(day, n), want, `${day} + ${n} months`);
});

test('the SQL offset is an interval with the ISO sign, never the POSIX text zone', () => {
  assert.equal(LOCAL_OFFSET_SQL, "interval '+08:00'");
  assert.equal(offsetIntervalSql(-300), "interval '-05:00'");
  assert.equal(offsetIntervalSql(345), "interval '+05:45'");
  assert.equal(offsetIntervalSql(0), "interval '+00:00'");
});
