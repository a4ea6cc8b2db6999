import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buckets, fillTrend, lastEndedPeriod, parseReportPeriod, periodEnded, periodStarted, rate, statsPeriod } from './hazard-stats.rules';
import { reportCut } from '../double-report/double-report.rules';

test('R-HAZ-7 a statistics period is whole months; the last twelve by default; at most 60', () => {
  const d = statsPeriod({}, '2026-03-10')!;
  // Months run from local midnight (UTC+8) on their first day.
  assert.deepEqual([d.from, d.to, d.start.toISOString(), d.end.toISOString()], ['2025-04', '2026-03', '2025-03-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
  assert.equal(d.trendStart.toISOString(), '2025-03-31T16:00:00.000Z');
  assert.deepEqual([d.trend.length, d.trend[0], d.trend[11]], [12, '2025-04', '2026-03']);
  const rows: [{ from?: string; to?: string }, [string, string] | null][] = [
    [{ from: '2026-01', to: '2026-03' }, ['2026-01', '2026-03']],
    [{ from: '2026-02' }, ['2026-02', '2027-01']],
    [{ to: '2025-12' }, ['2025-01', '2025-12']],
    [{ from: '2026-05', to: '2026-05' }, ['2026-05', '2026-05']],
    [{ from: '2026-05', to: '2026-04' }, null],
    [{ from: '2021-01', to: '2025-12' }, ['2021-01', '2025-12']],
    [{ from: '2020-12', to: '2025-12' }, null],
  ];
  for (const [q, expect] of rows) {
    const p = statsPeriod(q, '2026-03-10');
    assert.deepEqual(p ? [p.from, p.to] : null, expect, JSON.stringify(q));
  }
  // The trend always ends with the period's last month, even for a short period.
  assert.deepEqual(statsPeriod({ from: '2026-05', to: '2026-05' }, '2026-06-01')!.trend.slice(-2), ['2026-04', '2026-05']);
  assert.equal(statsPeriod({ from: '2026-01', to: '2026-12' }, '2026-03-10')!.end.toISOString(), '2026-12-31T16:00:00.000Z');
});

test('R-HAZ-5 report periods: month, quarter, year with their first and last days', () => {
  const rows: [Parameters<typeof parseReportPeriod>, [string, string] | null][] = [
    [['month', '2026-11'], ['2026-11-01', '2026-11-30']],
    [['month', '2024-02'], ['2024-02-01', '2024-02-29']],
    [['month', '2026-12'], ['2026-12-01', '2026-12-31']],
    [['quarter', '2026-Q1'], ['2026-01-01', '2026-03-31']],
    [['quarter', '2026-Q4'], ['2026-10-01', '2026-12-31']],
    [['year', '2026'], ['2026-01-01', '2026-12-31']],
    [['month', '2026-13'], null], [['month', '2026-1'], null], [['quarter', '2026-Q0'], null], [['quarter', '2026-4'], null],
    [['year', '26'], null], [['year', '2026-Q1'], null], [['month', '1999-12'], null],
  ];
  for (const [args, expect] of rows) {
    const p = parseReportPeriod(...args);
    assert.deepEqual(p ? [p.firstDay, p.lastDay] : null, expect, args.join(' '));
  }
  const nov = parseReportPeriod('month', '2026-11')!;
  assert.deepEqual([nov.start.toISOString(), nov.end.toISOString()], ['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
  assert.deepEqual([periodStarted(nov, '2026-10-31'), periodStarted(nov, '2026-11-01'), periodEnded(nov, '2026-11-30'), periodEnded(nov, '2026-12-01')], [false, true, false, true]);
  assert.deepEqual([lastEndedPeriod('month', '2026-01-15').key, lastEndedPeriod('quarter', '2026-01-15').key, lastEndedPeriod('quarter', '2026-05-15').key, lastEndedPeriod('year', '2026-05-15').key],
    ['2025-12', '2025-Q4', '2026-Q1', '2025']);
});

test('R-HAZ-5 a report describes the period\'s end, or now while the period runs', () => {
  const nov = parseReportPeriod('month', '2026-11')!;
  assert.deepEqual(reportCut(nov, new Date('2026-12-05T03:00:00Z')), { at: nov.end, day: '2026-12-01', asOf: '2026-11-30' });
  const running = reportCut(nov, new Date('2026-11-20T03:00:00Z'));
  assert.deepEqual([running.day, running.asOf], ['2026-11-20', '2026-11-20']);
  // 00:30 on 1 December in Kunming is still 30 November in UTC: the month has ended, its figures stand at local midnight.
  const justEnded = reportCut(nov, new Date('2026-11-30T16:30:00Z'));
  assert.deepEqual([justEnded.at, justEnded.day, justEnded.asOf], [nov.end, '2026-12-01', '2026-11-30']);
  const lastMinute = reportCut(nov, new Date('2026-11-30T15:59:00Z'));
  assert.deepEqual([lastMinute.day, lastMinute.asOf], ['2026-11-30', '2026-11-30']);
});

test('R-HAZ-7 rates: none without a denominator; four places', () => {
  assert.deepEqual(rate(2, 3), { numerator: 2, denominator: 3, rate: 0.6667 });
  assert.deepEqual(rate(0, 0), { numerator: 0, denominator: 0, rate: null });
  assert.deepEqual(rate(5, 5).rate, 1);
});

test('buckets and trends list every key and month, zeros included', () => {
  assert.deepEqual(buckets(['a', 'b', 'none'] as const, [{ key: 'b', count: 2 }, { key: null, count: 1 }, { key: 'x', count: 9 }], 'none'),
    [{ key: 'a', count: 0 }, { key: 'b', count: 2 }, { key: 'none', count: 1 }]);
  assert.deepEqual(fillTrend(['2026-01', '2026-02'], [{ month: '2026-02', found: 3, closed: 1 }]),
    [{ month: '2026-01', found: 0, closed: 0 }, { month: '2026-02', found: 3, closed: 1 }]);
});
