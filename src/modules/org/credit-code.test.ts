import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, validateCreditCode } from './credit-code';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber } from './id-number';

// RULES.md §0: GB 32100-2015 check character.
test('§0 credit code: published examples validate', () => {
  // Real registered codes (public registry data).
  for (const code of ['91350100M000100Y43', '91110000600037341L']) {
    const r = validateCreditCode(code);
    assert.equal(r.ok, true, code);
  }
});

test('§0 credit code: a wrong check character is refused and the expected one is named', () => {
  const r = validateCreditCode('91350100M000100Y44');
  assert.deepEqual(r, { ok: false, reason: 'check', expected: '3' });
});

test('§0 credit code: sum ≡ 0 (mod 31) gives check 31, written as 0', () => {
  // 17 zeros: Σ = 0 → 31 − 0 = 31 → '0'.
  assert.equal(creditCodeCheckChar('00000000000000000'), '0');
  // First char 1 with weight 1: Σ = 1 → 30 → 'Y' (index 30).
  assert.equal(creditCodeCheckChar('10000000000000000'), 'Y');
});

test('§0 credit code: letters I, O, Z, S, V and wrong lengths are refused as format errors', () => {
  for (const bad of ['91350100M000100Y4', '91350100M000100Y433', '9135010OM000100Y43', '9135010IM000100Y43', '9135010ZM000100Y43', '9135010SM000100Y43', '9135010VM000100Y43', '']) {
    assert.deepEqual(validateCreditCode(bad), { ok: false, reason: 'format' }, bad);
  }
});

test('§0 credit code: input is trimmed and upper-cased', () => {
  assert.deepEqual(validateCreditCode(' 91350100m000100y43 '), { ok: true, code: '91350100M000100Y43' });
});

test('ID number: GB 11643 check digit and masking', () => {
  assert.equal(idNumberCheckChar('11010519491231002'), 'X');
  assert.equal(isValidIdNumber('11010519491231002X'), true);
  assert.equal(isValidIdNumber('110105194912310021'), false);
  assert.equal(isValidIdNumber('11010519491331002X'), false);
  // The last four prove identity when signing on a shared device: only the region is shown.
  assert.equal(maskIdNumber('11010519491231002x'), '110105************');
});
