import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  forwardLevelOf, gradeOf, latenessOf, supplementOpen, supplementWindowDays, toFen, type Figures,
} from '../src/modules/accidents/reports/accident-grading.rules';
import { ACCIDENT_RULES } from '../src/modules/accidents/reports/accidents.rule-sets';
import type { AccidentGrade } from '../src/platform/db/schema/accidents';

const rules = ACCIDENT_RULES.defaults;
const f = (deaths: number, seriousInjuries: number, directLoss: string, missing = 0): Figures => ({ deaths, seriousInjuries, directLoss, missing });

// R-ACC-1: every boundary of every measure, each measure alone.
const TABLE: [string, Figures, AccidentGrade][] = [
  ['no casualties, no loss', f(0, 0, '0'), 'general'],
  ['2 deaths', f(2, 0, '0'), 'general'],
  ['3 deaths', f(3, 0, '0'), 'larger'],
  ['9 deaths', f(9, 0, '0'), 'larger'],
  ['10 deaths', f(10, 0, '0'), 'major'],
  ['29 deaths', f(29, 0, '0'), 'major'],
  ['30 deaths', f(30, 0, '0'), 'especially_major'],
  ['9 serious', f(0, 9, '0'), 'general'],
  ['10 serious', f(0, 10, '0'), 'larger'],
  ['49 serious', f(0, 49, '0'), 'larger'],
  ['50 serious', f(0, 50, '0'), 'major'],
  ['99 serious', f(0, 99, '0'), 'major'],
  ['100 serious', f(0, 100, '0'), 'especially_major'],
  ['loss 9,999,999.99', f(0, 0, '9999999.99'), 'general'],
  ['loss 10,000,000', f(0, 0, '10000000'), 'larger'],
  ['loss 10,000,000.00', f(0, 0, '10000000.00'), 'larger'],
  ['loss 49,999,999.99', f(0, 0, '49999999.99'), 'larger'],
  ['loss 50,000,000', f(0, 0, '50000000'), 'major'],
  ['loss 99,999,999.99', f(0, 0, '99999999.99'), 'major'],
  ['loss 100,000,000', f(0, 0, '100000000'), 'especially_major'],
  // Mixed: the highest measure wins.
  ['2 deaths, 10 serious', f(2, 10, '0'), 'larger'],
  ['3 deaths, 50 serious', f(3, 50, '0'), 'major'],
  ['1 death, 9 serious, 50 M', f(1, 9, '50000000.00'), 'major'],
  ['29 deaths, 99 serious, 100 M', f(29, 99, '100000000'), 'especially_major'],
  ['9 deaths, 49 serious, 49,999,999.99', f(9, 49, '49999999.99'), 'larger'],
  ['2 deaths, 9 serious, 9,999,999.99', f(2, 9, '9999999.99'), 'general'],
];

for (const [name, figures, grade] of TABLE) {
  test(`R-ACC-1: ${name} → ${grade}`, () => assert.equal(gradeOf(figures, true), grade));
}

test('R-ACC-1 [cfg]: missing persons count as deaths only when the rule says so', () => {
  assert.equal(gradeOf(f(2, 0, '0', 1), true), 'larger');
  assert.equal(gradeOf(f(2, 0, '0', 1), false), 'general');
  assert.equal(gradeOf(f(9, 0, '0', 1), true), 'major');
  assert.equal(gradeOf(f(29, 0, '0', 1), true), 'especially_major');
  assert.equal(gradeOf(f(29, 0, '0', 1), false), 'major');
});

test('money is exact: fen from decimal strings', () => {
  assert.equal(toFen('0.1'), 10n);
  assert.equal(toFen('0.01'), 1n);
  assert.equal(toFen('12345678901234.56'), 1234567890123456n);
  assert.throws(() => toFen('-1'));
  assert.throws(() => toFen('1.234'));
});

test('R-ACC-2: the level the district forwards to follows the grade', () => {
  assert.equal(forwardLevelOf('general'), 'city');
  assert.equal(forwardLevelOf('larger'), 'province');
  assert.equal(forwardLevelOf('major'), 'state_council');
  assert.equal(forwardLevelOf('especially_major'), 'state_council');
});

const T0 = new Date('2026-05-10T02:00:00Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const SEC = 1000;

// R-ACC-2: 迟报 counts from the unit head's notice; 59:59 and 60:00 are in time, 60:01 is late.
const ONE_HOUR: [string, number, boolean][] = [['59:59', 59 * MIN + 59 * SEC, false], ['60:00', 60 * MIN, false], ['60:01', 60 * MIN + SEC, true]];
for (const [label, after, late] of ONE_HOUR) {
  test(`R-ACC-2: received ${label} after the unit head was informed → late=${late}`, () => {
    const l = latenessOf({ occurredAt: T0, unitHeadInformedAt: T0, regulatorsReceivedAt: plus(after), forwardedAt: null }, rules, plus(after));
    assert.equal(l.late, late);
  });
}

test('R-ACC-2: the hour counts from the unit head being informed, not from the accident', () => {
  const informed = plus(3 * 60 * MIN);
  const l = latenessOf({ occurredAt: T0, unitHeadInformedAt: informed, regulatorsReceivedAt: new Date(informed.getTime() + 50 * MIN), forwardedAt: null }, rules, informed);
  assert.equal(l.late, false);
  assert.equal(l.onsiteGap, true);
});

test('R-ACC-2: not yet reported is late once the hour has passed', () => {
  const base = { occurredAt: T0, unitHeadInformedAt: T0, regulatorsReceivedAt: null, forwardedAt: null };
  assert.equal(latenessOf(base, rules, plus(60 * MIN)).late, false);
  assert.equal(latenessOf(base, rules, plus(60 * MIN + SEC)).late, true);
});

test('R-ACC-2 [cfg]: the on-site → unit head gap is flagged beyond its minutes', () => {
  const at = (gap: number) => latenessOf({ occurredAt: T0, unitHeadInformedAt: plus(gap), regulatorsReceivedAt: null, forwardedAt: null }, rules, plus(gap)).onsiteGap;
  assert.equal(at(rules.onsiteGapMinutes * MIN), false);
  assert.equal(at(rules.onsiteGapMinutes * MIN + SEC), true);
});

// R-ACC-2: the district's upward step, 2 hours from receipt.
const TWO_HOURS: [string, number, boolean][] = [['1:59:59', 119 * MIN + 59 * SEC, false], ['2:00:00', 120 * MIN, false], ['2:00:01', 120 * MIN + SEC, true]];
for (const [label, after, late] of TWO_HOURS) {
  test(`R-ACC-2: forwarded ${label} after receipt → forwardLate=${late}`, () => {
    const l = latenessOf({ occurredAt: T0, unitHeadInformedAt: T0, regulatorsReceivedAt: T0, forwardedAt: plus(after) }, rules, plus(10 * 3600_000));
    assert.equal(l.forwardLate, late);
    const pending = latenessOf({ occurredAt: T0, unitHeadInformedAt: T0, regulatorsReceivedAt: T0, forwardedAt: null }, rules, plus(after));
    assert.equal(pending.forwardLate, late);
  });
}

test('R-ACC-2: nothing received, nothing to forward', () => {
  assert.equal(latenessOf({ occurredAt: T0, unitHeadInformedAt: T0, regulatorsReceivedAt: null, forwardedAt: null }, rules, plus(86_400_000)).forwardLate, false);
});

// R-ACC-3: 30 days, 7 for road traffic (车辆伤害) and fire; the closing instant itself is still in.
const DAY = 86_400_000;
const WINDOWS: [string, 'machinery' | 'vehicle' | 'fire' | null, number, boolean][] = [
  ['machinery, day 29', 'machinery', 29 * DAY, true],
  ['machinery, exactly 30 days', 'machinery', 30 * DAY, true],
  ['machinery, 30 days + 1 s', 'machinery', 30 * DAY + SEC, false],
  ['no type, 30 days + 1 s', null, 30 * DAY + SEC, false],
  ['vehicle, exactly 7 days', 'vehicle', 7 * DAY, true],
  ['vehicle, 7 days + 1 s', 'vehicle', 7 * DAY + SEC, false],
  ['fire, 6 days', 'fire', 6 * DAY, true],
  ['fire, 8 days', 'fire', 8 * DAY, false],
];
for (const [name, type, after, open] of WINDOWS) {
  test(`R-ACC-3: ${name} → ${open ? 'open' : 'closed'}`, () => {
    assert.equal(supplementOpen(T0, type, rules, plus(after)), open);
  });
}

test('R-ACC-3 [cfg]: the window lengths come from the rule-set', () => {
  assert.equal(supplementWindowDays('fire', rules), 7);
  assert.equal(supplementWindowDays('collapse', rules), 30);
  assert.equal(supplementWindowDays('fire', { ...rules, shortWindowTypes: [] }), 30);
});
