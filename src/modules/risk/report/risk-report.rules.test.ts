import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aggregateFacts, aggregateSubdistrict, composeReportData, daysUntilDue, emptyFigures, inAnnualReminderWindow, isOnTime, missingR8Items, restrictToIndustries,
  type EnterpriseReportFacts, type ReportPoint,
} from './risk-report.rules';

const allR8 = { warningSigns: true, monitoring: true, emergencyEquipment: true, escapeRoutes: true };
function point(code: string, over: Partial<ReportPoint> = {}): ReportPoint {
  return {
    id: code, code, name: code, kind: 'place', orgUnitId: 'u1', orgUnitName: '一车间', location: '', grade: 3, controlLevel: 'workshop',
    majorHazardSource: false, accidentTypes: [], reassessDue: '2027-06-01', controlFailing: false, emergencyMeasures: '', r8: allR8, ...over,
  };
}

test('R-RISK-9: on time means submitted by the end of 31 December, local time', () => {
  const rows: [string, boolean][] = [
    ['2026-06-01T00:00:00+08:00', true], ['2026-12-31T23:59:59.999+08:00', true], ['2027-01-01T00:00:00+08:00', false], ['2027-03-01T00:00:00+08:00', false],
    // 2026-12-31T20:00Z is already 04:00 on 1 January in Kunming.
    ['2026-12-31T15:59:59Z', true], ['2026-12-31T20:00:00Z', false],
  ];
  for (const [at, expected] of rows) assert.equal(isOnTime(2026, new Date(at)), expected, at);
});

test('R-RISK-9: the days left until 31 December, counted in local calendar days', () => {
  const rows: [string, number][] = [['2026-12-01', 30], ['2026-12-30', 1], ['2026-12-31', 0], ['2027-01-01', -1], ['2026-01-01', 364]];
  for (const [day, expected] of rows) assert.equal(daysUntilDue(2026, day), expected, day);
});

test('R-RISK-9: reminders go out from 1 to 31 December (local) only', () => {
  const rows: [string, boolean][] = [
    ['2026-11-30T23:59:59+08:00', false], ['2026-12-01T00:00:00+08:00', true], ['2026-12-31T23:59:59+08:00', true], ['2027-01-01T00:00:00+08:00', false],
    // 07:00 on 1 December in Kunming (still November in UTC) is December; 07:00 on 1 January is not.
    ['2026-11-30T23:00:00Z', true], ['2026-12-31T23:00:00Z', false],
  ];
  for (const [at, expected] of rows) assert.equal(inAnnualReminderWindow(new Date(at)), expected, at);
});

test('R-RISK-8: only grade 1–2 points need the four items', () => {
  const none = { warningSigns: false, monitoring: false, emergencyEquipment: false, escapeRoutes: false };
  assert.deepEqual(missingR8Items({ grade: 1, r8: none }), ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes']);
  assert.deepEqual(missingR8Items({ grade: 2, r8: { ...allR8, monitoring: false } }), ['monitoring']);
  assert.deepEqual(missingR8Items({ grade: 3, r8: none }), []);
  assert.deepEqual(missingR8Items({ grade: null, r8: none }), []);
});

test('the report figures count by grade, kind and unit, and list grade 1, overdue, missing R8 and failing points', () => {
  const data = composeReportData({
    year: 2026, asOf: '2026-12-10',
    points: [
      point('FX-003', { grade: 1, kind: 'equipment', r8: { ...allR8, escapeRoutes: false } }),
      point('FX-001', { grade: 2, reassessDue: '2026-12-09', orgUnitId: 'u2', orgUnitName: '二车间' }),
      point('FX-002', { grade: null, reassessDue: null, controlFailing: true }),
      point('FX-004', { grade: 4, reassessDue: '2026-12-10' }),
    ],
    measures: [{ riskPointId: 'FX-003', category: 'engineering', content: 'a' }, { riskPointId: 'FX-003', category: 'ppe', content: 'b' }, { riskPointId: 'gone', category: 'ppe', content: 'c' }],
    controllers: [{ riskPointId: 'FX-003', level: 'company', name: '张三' }],
    assessments: [
      { riskPointId: 'FX-001', code: 'FX-001', name: 'FX-001', stage: 'residual', grade: 2, previousGrade: 3, reason: '工艺变更', assessedAt: '2026-05-01T00:00:00.000Z', first: false },
      { riskPointId: 'FX-003', code: 'FX-003', name: 'FX-003', stage: 'inherent', grade: 1, previousGrade: null, reason: '首次', assessedAt: '2026-02-01T00:00:00.000Z', first: true },
    ],
  });
  assert.deepEqual(data.totals, { total: 4, byGrade: { 1: 1, 2: 1, 3: 0, 4: 1 }, unassessed: 1, overdue: 1, missingR8: 1, controlFailing: 1, majorHazardSources: 0 });
  assert.deepEqual(data.riskList.map((p) => p.code), ['FX-001', 'FX-002', 'FX-003', 'FX-004']);
  assert.deepEqual(data.byKind.map((k) => [k.kind, k.total]), [['equipment', 1], ['operation', 0], ['place', 3]]);
  assert.deepEqual(data.byUnit.map((u) => [u.orgUnitName, u.total]), [['一车间', 3], ['二车间', 1]]);
  assert.equal(data.measuresByCategory.engineering, 1);
  assert.equal(data.measuresByCategory.ppe, 1, 'a measure of a point no longer in the ledger is not counted');
  assert.deepEqual(data.grade1.map((g) => [g.code, g.missingR8]), [['FX-003', ['escapeRoutes']]]);
  assert.deepEqual(data.overdue.map((p) => p.code), ['FX-001'], 'due today is not overdue');
  assert.deepEqual(data.controlFailing.map((p) => p.code), ['FX-002']);
  assert.deepEqual([data.assessments.inYear, data.assessments.initial, data.assessments.reassessments.map((a) => a.reason)], [2, 1, ['工艺变更']]);
  assert.deepEqual(data.riskList[2]!.controllers, [{ level: 'company', name: '张三' }]);
});

test('the subdistrict aggregate sums submitted snapshots only; a department sees its industries alone', () => {
  const figures = { ...emptyFigures(), total: 5, byGrade: { 1: 1, 2: 1, 3: 2, 4: 1 } };
  const base = { creditCode: 'x', grade1: [], totals: null, submittedAt: null };
  const facts: EnterpriseReportFacts[] = [
    { ...base, enterpriseId: 'a', enterpriseName: '甲化工', industryCode: 'hazardous_chemicals', industryName: '危险化学品', status: 'submitted', submittedAt: new Date('2026-12-20T00:00:00Z'), totals: figures,
      grade1: [{ id: 'p', code: 'FX-001', name: '储罐区', orgUnitName: '', controlLevel: 'company', majorHazardSource: true, reassessDue: null, missingR8: [], controlFailing: false }] },
    { ...base, enterpriseId: 'b', enterpriseName: '乙化工', industryCode: 'hazardous_chemicals', industryName: '危险化学品', status: 'submitted', submittedAt: new Date('2027-01-02T00:00:00Z'), totals: figures },
    // A confirmed report carries figures too, but the subdistrict counts only what was submitted.
    { ...base, enterpriseId: 'c', enterpriseName: '丙建筑', industryCode: 'construction', industryName: '建筑施工', status: 'confirmed', totals: figures },
    { ...base, enterpriseId: 'd', enterpriseName: '丁商场', industryCode: 'commerce', industryName: '商贸', status: 'none' },
  ];
  const agg = aggregateSubdistrict(2026, facts);
  assert.deepEqual({ ...agg.totals, points: agg.totals.points.total }, { enterprises: 4, submitted: 2, onTime: 1, late: 1, notSubmitted: 2, points: 10 });
  assert.deepEqual(agg.byIndustry.map((i) => [i.industryCode, i.submitted, i.notSubmitted]), [['commerce', 0, 1], ['construction', 0, 1], ['hazardous_chemicals', 2, 0]]);
  assert.deepEqual(agg.grade1.map((g) => `${g.enterpriseName}/${g.name}`), ['甲化工/储罐区']);
  assert.deepEqual(agg.nonSubmitters.map((n) => [n.enterpriseId, n.status]), [['c', 'confirmed'], ['d', 'none']], 'in pinyin order: 丙 before 丁');
  const zjj = restrictToIndustries(agg, new Set(['construction', 'gas']))!;
  assert.deepEqual([zjj.totals.enterprises, zjj.totals.submitted, zjj.grade1.length, zjj.reports.length], [1, 0, 0, 0]);
  assert.deepEqual(zjj.nonSubmitters.map((n) => n.enterpriseId), ['c']);
  assert.equal(restrictToIndustries(agg, new Set(['education'])), null);
});

test('a non-submitter moving from no report to a draft is not a new fact of the aggregate; a submission is', () => {
  const facts = (status: EnterpriseReportFacts['status'], submitted = false): EnterpriseReportFacts[] => [{
    enterpriseId: 'e1', enterpriseName: '甲', creditCode: 'C1', industryCode: 'hazardous_chemicals', industryName: '危险化学品',
    status: submitted ? 'submitted' : status, submittedAt: submitted ? new Date('2026-12-15T02:00:00Z') : null, totals: submitted ? emptyFigures() : null, grade1: [],
  }];
  const none = aggregateFacts(aggregateSubdistrict(2026, facts('none')));
  assert.deepEqual(aggregateFacts(aggregateSubdistrict(2026, facts('draft'))), none);
  assert.notDeepEqual(aggregateFacts(aggregateSubdistrict(2026, facts('none', true))), none);
});
