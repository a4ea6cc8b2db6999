import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fiveInPlace } from './five-in-place.rules';

const full = { postsPercent: 100, peoplePercent: 100, complete: true };

test('R-RESP-4: responsibility is in place only with full coverage and this year\'s letters all signed', () => {
  assert.equal(fiveInPlace({ coverage: full, letters: { roster: 10, done: 10, complete: true } })[0]!.state, 'met');
  assert.deepEqual(fiveInPlace({ coverage: full, letters: { roster: 10, done: 9, complete: false } })[0]!.reasons, ['lettersPending']);
  assert.deepEqual(fiveInPlace({ coverage: full, letters: null })[0]!.reasons, ['noCampaign']);
  assert.deepEqual(fiveInPlace({ coverage: { postsPercent: 90, peoplePercent: 100, complete: false }, letters: null })[0]!.reasons, ['coverageIncomplete', 'noCampaign']);
});

test('R-RESP-4: the four indicators whose modules are not built say "not assessed", never met', () => {
  const rest = fiveInPlace({ coverage: full, letters: { roster: 1, done: 1, complete: true } }).slice(1);
  assert.deepEqual(rest.map((i) => [i.key, i.state]), [['management', 'notAssessed'], ['investment', 'notAssessed'], ['training', 'notAssessed'], ['emergency', 'notAssessed']]);
});
