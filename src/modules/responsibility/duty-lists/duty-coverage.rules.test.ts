import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EmploymentForm } from '../../../platform/db/schema';
import { computeCoverage, ratio, type CoveragePerson, type CoveragePost, type CoverageUnit } from './duty-coverage.rules';

test('R-RESP-1 a ratio\'s percent has one decimal, is rounded down, and is null over nothing', () => {
  const rows: [covered: number, total: number, percent: number | null][] = [
    [0, 0, null], [0, 5, 0], [5, 5, 100], [1, 3, 33.3], [2, 3, 66.6], [999, 1000, 99.9], [9999, 10000, 99.9], [7, 8, 87.5],
  ];
  for (const [covered, total, percent] of rows) assert.deepEqual(ratio(covered, total), { covered, total, percent }, `${covered}/${total}`);
});

// company → 生产部 → 一车间 → 甲班; company → 安全部
const units: CoverageUnit[] = [
  { id: 'c', parentId: null, name: '公司', kind: 'company', path: '/c/' },
  { id: 'prod', parentId: 'c', name: '生产部', kind: 'department', path: '/c/prod/' },
  { id: 'ws1', parentId: 'prod', name: '一车间', kind: 'workshop', path: '/c/prod/ws1/' },
  { id: 'team', parentId: 'ws1', name: '甲班', kind: 'team', path: '/c/prod/ws1/team/' },
  { id: 'safe', parentId: 'c', name: '安全部', kind: 'department', path: '/c/safe/' },
];
const post = (id: string, unitId: string, covered: boolean): CoveragePost => ({ id, name: id, unitId, covered });
const person = (id: string, unitId: string, employmentForm: EmploymentForm, covered: boolean): CoveragePerson => ({ id, name: id, unitId, employmentForm, covered, postNames: [] });
const posts = [post('principal', 'c', true), post('safety', 'safe', true), post('op', 'team', true), post('forklift', 'ws1', false), post('clerk', 'prod', false)];
const people = [
  person('p1', 'c', 'regular', true), person('p2', 'safe', 'regular', true), person('p3', 'team', 'dispatched', true),
  person('p4', 'team', 'temporary', false), person('p5', 'ws1', 'migrant', false), person('p6', 'team', 'intern', true),
];

test('R-RESP-1 coverage counts posts and people of every employment form, for the whole and per form', () => {
  const c = computeCoverage(units, posts, people);
  assert.deepEqual(c.posts, { covered: 3, total: 5, percent: 60 });
  assert.deepEqual(c.people, { covered: 4, total: 6, percent: 66.6 });
  assert.deepEqual(c.byForm.dispatched, { covered: 1, total: 1, percent: 100 });
  assert.deepEqual(c.byForm.temporary, { covered: 0, total: 1, percent: 0 });
  assert.deepEqual(c.byForm.migrant, { covered: 0, total: 1, percent: 0 });
  assert.deepEqual(c.byForm.intern, { covered: 1, total: 1, percent: 100 });
  assert.equal(c.complete, false);
});

test('R-RESP-1 a unit counts its subtree: the workshop counts its team, the department its workshop', () => {
  const c = computeCoverage(units, posts, people);
  const row = (id: string) => c.byUnit.find((u) => u.unitId === id)!;
  // Rows: [unit, posts covered/total, people covered/total]
  const expected: [string, number, number, number, number][] = [
    ['c', 3, 5, 4, 6], ['prod', 1, 3, 2, 4], ['ws1', 1, 2, 2, 4], ['team', 1, 1, 2, 3], ['safe', 1, 1, 1, 1],
  ];
  for (const [id, pc, pt, mc, mt] of expected) {
    assert.deepEqual([row(id).posts.covered, row(id).posts.total, row(id).people.covered, row(id).people.total], [pc, pt, mc, mt], id);
  }
  assert.deepEqual(c.byUnit.map((u) => u.unitId), ['c', 'prod', 'ws1', 'team', 'safe'], 'tree order');
});

test('R-RESP-1 the uncovered posts and people are listed with their unit', () => {
  const c = computeCoverage(units, posts, people);
  assert.deepEqual(c.uncoveredPosts.map((p) => [p.id, p.unitName]), [['clerk', '生产部'], ['forklift', '一车间']]);
  assert.deepEqual(c.uncoveredPeople.map((p) => [p.id, p.unitName]), [['p5', '一车间'], ['p4', '甲班']]);
});

test('R-RESP-1 a unit leader\'s subtree: records above it count in the totals given but in no unit row', () => {
  const subtree = units.filter((u) => u.path.startsWith('/c/prod/ws1/'));
  const c = computeCoverage(subtree, posts.filter((p) => ['op', 'forklift'].includes(p.id)), people.filter((p) => ['p3', 'p4', 'p5', 'p6'].includes(p.id)));
  assert.deepEqual(c.byUnit.map((u) => [u.unitId, u.posts.total, u.people.total]), [['ws1', 2, 4], ['team', 1, 3]]);
  assert.deepEqual(c.people, { covered: 2, total: 4, percent: 50 });
});

test('R-RESP-1 complete only when every post and every person is covered; nobody to cover is not complete', () => {
  const all = computeCoverage(units, posts.map((p) => ({ ...p, covered: true })), people.map((p) => ({ ...p, covered: true })));
  assert.equal(all.complete, true);
  assert.deepEqual([all.uncoveredPosts, all.uncoveredPeople], [[], []]);
  const postsOnly = computeCoverage(units, posts.map((p) => ({ ...p, covered: true })), people);
  assert.equal(postsOnly.complete, false, 'people still uncovered');
  assert.equal(computeCoverage(units, [], []).complete, false);
});
