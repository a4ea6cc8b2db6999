import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AMOUNT_PATTERN, amount2, ledgerTotals } from './culture.rules';

test('amounts are exact decimal text with at most two places', () => {
  for (const ok of ['0', '200', '50.5', '1234567890.99']) assert.ok(AMOUNT_PATTERN.test(ok), ok);
  for (const bad of ['', '-5', '1e3', '0.001', '007', '12345678901']) assert.ok(!AMOUNT_PATTERN.test(bad), bad);
  assert.equal(amount2('50.5'), '50.50');
});

test('the ledger totals rewards and penalties apart, exactly; a measure alone adds no money', () => {
  assert.deepEqual(ledgerTotals([
    { kind: 'reward', amount: '0.1' }, { kind: 'reward', amount: '0.2' }, { kind: 'penalty', amount: '200' }, { kind: 'penalty', amount: null },
  ]), { reward: '0.30', penalty: '200.00', count: 4 });
  assert.deepEqual(ledgerTotals([]), { reward: '0.00', penalty: '0.00', count: 0 });
});
