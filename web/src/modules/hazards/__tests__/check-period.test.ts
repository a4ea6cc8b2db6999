import { describe, expect, test } from 'vitest';
import { checkPeriodLabel, deadlineLabel } from '../api/check-period';

/** An instant given on China time (UTC+8), as the district reads it. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('a check period in words', () => {
  test.each([
    ['2026-12-01#A', '12月1日 早班', '1 Dec, morning shift'],
    ['2026-12-01#B', '12月1日 中班', '1 Dec, evening shift'],
    ['2026-12-01#C', '12月1日 夜班', '1 Dec, night shift'],
    ['2026-12-01', '12月1日', '1 Dec'],
    ['2026-W49', '2026年第49周（11月30日–12月6日）', 'Week 49, 2026 (30 Nov – 6 Dec)'],
    ['2026-12', '2026年12月', 'Dec 2026'],
    ['2026-Q4', '2026年第四季度', 'Q4 2026'],
    ['2026-Q1', '2026年第一季度', 'Q1 2026'],
    ['2026', '2026年', '2026'],
  ])('%s reads %s / %s', (key, zh, en) => {
    expect(checkPeriodLabel(key, 'zh-CN')).toBe(zh);
    expect(checkPeriodLabel(key, 'en-US')).toBe(en);
  });

  test('the turn of the year: 31 December, 1 January and an ISO week across them', () => {
    expect(checkPeriodLabel('2026-12-31#C', 'zh-CN')).toBe('12月31日 夜班');
    expect(checkPeriodLabel('2027-01-01', 'en-US')).toBe('1 Jan');
    expect(checkPeriodLabel('2027-01-01', 'zh-CN', { year: true })).toBe('2027年1月1日');
    expect(checkPeriodLabel('2026-W53', 'zh-CN')).toBe('2026年第53周（12月28日–1月3日）');
    expect(checkPeriodLabel('2025-W01', 'en-US')).toBe('Week 1, 2025 (30 Dec – 5 Jan)');
  });

  test('29 February exists in a leap year only; a key of no known shape is shown as it is', () => {
    expect(checkPeriodLabel('2028-02-29', 'zh-CN')).toBe('2月29日');
    expect(checkPeriodLabel('2028-02-29#B', 'en-US')).toBe('29 Feb, evening shift');
    expect(checkPeriodLabel('2027-02-29', 'zh-CN')).toBe('2027-02-29');
    expect(checkPeriodLabel('2026-W54', 'zh-CN')).toBe('2026-W54');
  });
});

describe('a task deadline in words', () => {
  test('a deadline at local midnight is 24:00 of the day before: a December task is due on 31 December', () => {
    expect(deadlineLabel(cst('2027-01-01T00:00'), 'zh-CN')).toBe('12月31日 24:00');
    expect(deadlineLabel(cst('2027-01-01T00:00'), 'en-US')).toBe('31 Dec 24:00');
    expect(deadlineLabel(cst('2027-01-01T00:00'), 'zh-CN', { year: true })).toBe('2026年12月31日 24:00');
    // February's monthly task in a leap year, and the daily task of 28 February.
    expect(deadlineLabel(cst('2028-03-01T00:00'), 'zh-CN')).toBe('2月29日 24:00');
    expect(deadlineLabel(cst('2028-02-29T00:00'), 'en-US')).toBe('28 Feb 24:00');
  });

  test('any other deadline is the time of the due instant: a morning shift ends at 16:00, a night shift at 08:00 the next day', () => {
    expect(deadlineLabel(cst('2026-12-01T16:00'), 'zh-CN')).toBe('12月1日 16:00');
    expect(deadlineLabel(cst('2027-01-01T08:00'), 'en-US')).toBe('1 Jan 08:00');
  });

  test('the deadline reads on China time, not on the zone of the browser or of the instant as sent (UTC)', () => {
    expect(deadlineLabel(new Date('2026-12-31T16:00:00Z'), 'zh-CN')).toBe('12月31日 24:00');
    expect(deadlineLabel(new Date('2026-12-01T00:00:00Z'), 'zh-CN')).toBe('12月1日 08:00');
  });
});
