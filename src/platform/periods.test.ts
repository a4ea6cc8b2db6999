import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cycleOfKey, periodAt, periodDays, periodOfDay, periodOfKey, previousPeriod, PERIOD_CYCLES, type PeriodCycle } from './periods';

/** Instants written in UTC; the district's clock is eight hours ahead. */
const at = (iso: string) => new Date(iso);

test('the period of an instant follows the local calendar, at the turn of the local year too', () => {
  // 2026-12-31 15:30Z is 23:30 on New Year's Eve in China; 16:30Z is 00:30 on New Year's Day.
  const rows: [string, PeriodCycle, string, string, string][] = [
    ['2026-12-31T15:30:00Z', 'daily', '2026-12-31', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T16:30:00Z', 'daily', '2027-01-01', '2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z'],
    ['2026-12-31T15:30:00Z', 'monthly', '2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T16:30:00Z', 'monthly', '2027-01', '2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z'],
    ['2026-12-31T15:30:00Z', 'quarterly', '2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T16:30:00Z', 'quarterly', '2027-Q1', '2026-12-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z'],
    ['2026-06-30T15:59:59Z', 'half_yearly', '2026-H1', '2025-12-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-06-30T16:00:00Z', 'half_yearly', '2026-H2', '2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T16:30:00Z', 'yearly', '2027', '2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z'],
    // ISO weeks: 1 January 2027 (a Friday) is in week 53 of 2026.
    ['2026-12-31T16:30:00Z', 'weekly', '2026-W53', '2026-12-27T16:00:00.000Z', '2027-01-03T16:00:00.000Z'],
    ['2028-02-29T04:00:00Z', 'daily', '2028-02-29', '2028-02-28T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
    ['2028-02-29T04:00:00Z', 'monthly', '2028-02', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ];
  for (const [instant, cycle, key, startsAt, dueAt] of rows) {
    const p = periodAt(cycle, at(instant));
    assert.deepEqual([p.key, p.startsAt.toISOString(), p.dueAt.toISOString()], [key, startsAt, dueAt], `${cycle} at ${instant}`);
  }
});

test('every key round-trips, and impossible keys are refused', () => {
  for (const cycle of PERIOD_CYCLES) {
    for (const instant of ['2026-01-01T00:00:00Z', '2026-12-31T16:30:00Z', '2028-02-29T04:00:00Z', '2027-07-15T10:00:00Z']) {
      const p = periodAt(cycle, at(instant));
      assert.deepEqual(periodOfKey(cycle, p.key), p, `${cycle} ${p.key}`);
      assert.equal(cycleOfKey(p.key), cycle);
    }
  }
  for (const [cycle, key] of [['daily', '2026-02-29'], ['daily', '2026-02-30'], ['monthly', '2026-13'], ['monthly', '2026-00'], ['weekly', '2026-W54'],
    ['weekly', '2027-W53'], ['quarterly', '2026-Q5'], ['half_yearly', '2026-H3'], ['yearly', '26']] as [PeriodCycle, string][]) {
    assert.equal(periodOfKey(cycle, key), null, `${cycle} ${key}`);
  }
  assert.notEqual(periodOfKey('daily', '2028-02-29'), null);
  assert.notEqual(periodOfKey('weekly', '2026-W53'), null);
});

test('the previous period and a period\'s days', () => {
  assert.equal(previousPeriod('monthly', at('2027-01-01T00:30:00+08:00')).key, '2026-12');
  assert.equal(previousPeriod('quarterly', at('2027-01-01T00:30:00+08:00')).key, '2026-Q4');
  assert.equal(previousPeriod('half_yearly', at('2027-01-01T00:30:00+08:00')).key, '2026-H2');
  assert.equal(previousPeriod('yearly', at('2026-12-31T23:30:00+08:00')).key, '2025');
  assert.equal(previousPeriod('daily', at('2028-03-01T00:10:00+08:00')).key, '2028-02-29');
  assert.deepEqual(periodDays(periodOfDay('monthly', '2028-02-10')), { firstDay: '2028-02-01', lastDay: '2028-02-29' });
  assert.deepEqual(periodDays(periodOfDay('quarterly', '2026-12-31')), { firstDay: '2026-10-01', lastDay: '2026-12-31' });
  assert.deepEqual(periodDays(periodOfDay('half_yearly', '2026-01-01')), { firstDay: '2026-01-01', lastDay: '2026-06-30' });
});
