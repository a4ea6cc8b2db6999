import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ackRate, cardContentSha256, knowsRisks, type AckPoint } from './risk-card-ack.rules';

const point = (code: string, over: Partial<AckPoint> = {}): AckPoint => ({
  code, name: `风险点${code}`, kind: 'place', location: '一车间', grade: 3,
  hazards: { people: ['违章操作'], things: [], environment: [], management: [] },
  accidentTypes: ['poisoning'], measures: [{ category: 'management', items: ['定期检查'] }], emergencyMeasures: '撤离',
  ...over,
});

test('R-RISK-7: the card hash does not depend on the order the points are read in, and a card without points is none', () => {
  assert.equal(cardContentSha256([point('A'), point('B')]), cardContentSha256([point('B'), point('A')]));
  assert.match(cardContentSha256([point('A')])!, /^[0-9a-f]{64}$/);
  assert.equal(cardContentSha256([]), null);
});

test('R-RISK-7: every part of a point the card shows changes the hash', () => {
  const base = cardContentSha256([point('A')]);
  const changes: Partial<AckPoint>[] = [
    { name: '另一个' }, { kind: 'equipment' }, { location: '二车间' }, { grade: 2 }, { grade: null },
    { hazards: { people: [], things: ['泄漏'], environment: [], management: [] } }, { accidentTypes: ['fire'] },
    { measures: [{ category: 'management', items: ['定期检查', '佩戴防护'] }] }, { measures: [{ category: 'ppe', items: ['定期检查'] }] },
    { emergencyMeasures: '报警后撤离' },
  ];
  for (const c of changes) assert.notEqual(cardContentSha256([point('A', c)]), base, JSON.stringify(c));
  assert.notEqual(cardContentSha256([point('A'), point('B')]), base, 'a point added');
});

test('R-RISK-7: a person knows the risks when he acknowledged the current card of every post of his with a card', () => {
  const current = new Map([['p1', 'h1'], ['p2', 'h2']]);
  const knows = knowsRisks([
    { employeeId: 'a', postId: 'p1', ackedSha256: 'h1' },
    { employeeId: 'a', postId: 'p3', ackedSha256: null }, // no card on p3: asks nothing
    { employeeId: 'b', postId: 'p1', ackedSha256: 'h1' },
    { employeeId: 'b', postId: 'p2', ackedSha256: 'old' },
    { employeeId: 'c', postId: 'p2', ackedSha256: null },
    { employeeId: 'd', postId: 'p3', ackedSha256: null },
  ], current);
  assert.deepEqual(Object.fromEntries(knows), { a: true, b: false, c: false });
});

test('the rate is a whole percentage rounded down, null when nobody is counted', () => {
  const rows: [number, number, number | null][] = [[0, 0, null], [0, 3, 0], [1, 3, 33], [2, 3, 66], [199, 200, 99], [3, 3, 100], [4, 3, 100]];
  for (const [acknowledged, people, rate] of rows) assert.equal(ackRate(acknowledged, people), rate, `${acknowledged}/${people}`);
});
