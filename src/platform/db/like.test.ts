import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsPattern } from './like';

test('a search text becomes a contains-pattern in which the user\'s wildcards and backslashes match themselves', () => {
  assert.equal(containsPattern('反应釜'), '%反应釜%');
  assert.equal(containsPattern('100%'), '%100\\%%');
  assert.equal(containsPattern('a_b'), '%a\\_b%');
  assert.equal(containsPattern('C:\\tmp'), '%C:\\\\tmp%');
});
