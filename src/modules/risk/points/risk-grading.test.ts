import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineGrades, gradeByBands, DEFAULT_RISK_RULES as R, gradeMethod, InvalidRiskInput, reassessDue, requiredControlLevels, type Grade } from './risk-grading';

const lec = (L: number, E: number, C: number) => gradeMethod({ method: 'LEC', L, E, C }, R);

test('R-LEC worked examples from RULES.md', () => {
  const rows: [number, number, number, number, Grade][] = [
    [6, 6, 15, 540, 1],
    [3, 6, 15, 270, 2],
    [3, 6, 7, 126, 3],
    [1, 6, 7, 42, 4],
  ];
  for (const [L, E, C, D, grade] of rows) assert.deepEqual(lec(L, E, C), { method: 'LEC', score: D, grade }, `${L}×${E}×${C}`);
});

test('R-LEC band boundaries on both sides: 320 → 2, just above → 1; 160 → 3; 70 → 4', () => {
  // Scores reachable from the value lists at and around each boundary.
  const rows: [number, number, number, number, Grade][] = [
    [10, 2, 40, 800, 1],
    [10, 3, 15, 450, 1],
    [1, 3, 100, 300, 2],
    [10, 2, 15, 300, 2],
    [3, 6, 15, 270, 2],
    [10, 6, 3, 180, 2],
    [1, 2, 100, 200, 2],
    [6, 2, 15, 180, 2],
    [10, 1, 15, 150, 3],
    [1, 1, 100, 100, 3],
    [6, 2, 7, 84, 3],
    [10, 1, 7, 70, 4],
    [1, 0.5, 100, 50, 4],
    [0.1, 0.5, 1, 0.05, 4],
  ];
  for (const [L, E, C, D, grade] of rows) assert.deepEqual(lec(L, E, C), { method: 'LEC', score: D, grade }, `${L}×${E}×${C}`);
  // Exact boundary values through the band function (320 itself is not a reachable product).
  for (const [score, grade] of [[320.001, 1], [320, 2], [160.001, 2], [160, 3], [70.001, 3], [70, 4]] as const) {
    assert.equal(gradeByBands(score, R.lec), grade, String(score));
  }
});

test('R-LS bands: ≥ 20 → 1; 9–16 → 2; 4–8 → 3; 1–3 → 4, every product', () => {
  const expected = (r: number): Grade => (r >= 20 ? 1 : r >= 9 ? 2 : r >= 4 ? 3 : 4);
  for (let L = 1; L <= 5; L++) {
    for (let S = 1; S <= 5; S++) {
      const res = gradeMethod({ method: 'LS', L, S }, R);
      assert.equal(res.score, L * S);
      assert.equal(res.grade, expected(L * S), `${L}×${S}`);
    }
  }
  // Boundaries on both sides.
  assert.equal(gradeMethod({ method: 'LS', L: 4, S: 5 }, R).grade, 1); // 20
  assert.equal(gradeMethod({ method: 'LS', L: 4, S: 4 }, R).grade, 2); // 16
  assert.equal(gradeMethod({ method: 'LS', L: 3, S: 3 }, R).grade, 2); // 9
  assert.equal(gradeMethod({ method: 'LS', L: 2, S: 4 }, R).grade, 3); // 8
  assert.equal(gradeMethod({ method: 'LS', L: 2, S: 2 }, R).grade, 3); // 4
  assert.equal(gradeMethod({ method: 'LS', L: 1, S: 3 }, R).grade, 4); // 3
});

test('R-MES bands: > 180 → 1; 90–180 → 2; 50–90 → 3; ≤ 50 → 4, with 90 and 180 on the lower grade\'s side', () => {
  const rows: [number, number, number, number, Grade][] = [
    [5, 10, 4, 200, 1],
    [3, 10, 8, 240, 1],
    [3, 6, 10, 180, 2],
    [5, 2, 10, 100, 2],
    [3, 10, 4, 120, 2],
    [3, 3, 10, 90, 3],
    [3, 6, 4, 72, 3],
    [5, 6, 2, 60, 3],
    [5, 10, 1, 50, 4],
    [1, 0.5, 1, 0.5, 4],
  ];
  for (const [M, E, S, score, grade] of rows) assert.deepEqual(gradeMethod({ method: 'MES', M, E, S }, R), { method: 'MES', score, grade }, `${M}×${E}×${S}`);
});

test('R-RISK-3 direct judgement grades 1 whatever the scores; 从严从高 takes the highest grade', () => {
  const direct = gradeMethod({ method: 'DIRECT', conditions: ['major_hazard_source'] }, R);
  assert.equal(direct.grade, 1);
  assert.equal(combineGrades([lec(1, 6, 7), direct]), 1);
  assert.equal(combineGrades([lec(1, 6, 7), gradeMethod({ method: 'LS', L: 3, S: 4 }, R)]), 2);
  assert.equal(gradeMethod({ method: 'DIRECT', conditions: [] }, R).grade, 4);
});

test('inputs outside the published lists are refused', () => {
  assert.throws(() => lec(5, 6, 15), InvalidRiskInput);
  assert.throws(() => gradeMethod({ method: 'LS', L: 6, S: 1 }, R), InvalidRiskInput);
  assert.throws(() => gradeMethod({ method: 'MES', M: 4, E: 1, S: 1 }, R), InvalidRiskInput);
});

test('R-RISK-4 control levels: grade 1 at the company and every level below; grade 4 at the team', () => {
  assert.deepEqual(requiredControlLevels(1, R), ['company', 'department', 'workshop', 'team']);
  assert.deepEqual(requiredControlLevels(2, R), ['department', 'workshop', 'team']);
  assert.deepEqual(requiredControlLevels(3, R), ['workshop', 'team']);
  assert.deepEqual(requiredControlLevels(4, R), ['team']);
});

test('R-RISK-6: the next re-assessment counts from the local date of the assessment', () => {
  const rows: [string, Grade, string][] = [
    ['2026-06-15T02:00:00Z', 1, '2026-12-15'],
    ['2026-06-15T02:00:00Z', 4, '2028-06-15'],
    // 01:00 on 1 December in Kunming is still 30 November in UTC: the assessment's date is 1 December.
    ['2026-11-30T17:00:00Z', 1, '2027-06-01'],
    ['2026-11-30T15:59:59Z', 1, '2027-05-30'],
    ['2026-12-31T16:00:00Z', 2, '2028-01-01'],
    // A day past the end of a shorter month is its last day: 31 August + 6 months, in a common and a leap year.
    ['2026-08-31T02:00:00Z', 1, '2027-02-28'],
    ['2027-08-31T02:00:00Z', 1, '2028-02-29'],
    // 31 January + 12 or 24 months stays 31 January; 29 February + 24 months is 28 February.
    ['2026-01-31T02:00:00Z', 2, '2027-01-31'],
    ['2028-02-29T02:00:00Z', 4, '2030-02-28'],
  ];
  for (const [at, grade, due] of rows) assert.equal(reassessDue(new Date(at), grade, R), due, `${at} grade ${grade}`);
});
