import assert from 'node:assert/strict';
import test from 'node:test';
import { failedItemTitle } from './check.rules';

test('a failed item opens a hazard titled with what is wrong, not with the passing criterion', () => {
  assert.equal(failedItemTitle('液位计、紧急切断阀完好有效', '紧急切断阀卡死'), '紧急切断阀卡死');
  assert.equal(failedItemTitle('液位计、紧急切断阀完好有效', '  '), '不合格：液位计、紧急切断阀完好有效');
  assert.equal(failedItemTitle('液位计完好', null), '不合格：液位计完好');
  const long = failedItemTitle('x', '隐'.repeat(300));
  assert.equal([...long].length, 200);
  assert.ok(long.endsWith('…'));
  assert.equal(failedItemTitle('x', '😀'.repeat(250)).endsWith('😀…'), true, 'cut on a character boundary');
});
