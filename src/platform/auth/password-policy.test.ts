import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem, type PasswordProblem } from './password-policy';

// D14: the candidates the security review got accepted, and what the policy says about each.
const CASES: [password: string, username: string, problem: PasswordProblem | null][] = [
  ['password1', 'worker', 'length'],
  ['aaaaaaa1', 'worker', 'length'],
  ['sec_x_90251', 'sec_x_90251', 'username'],
  ['        1a', 'worker', 'pattern'],
  ['Abc12345', 'worker', 'length'],
  ['Worker#2026xyz', 'worker', 'username'],
  ['WORKERx20261', 'worker', 'username'],
  ['Xaaaa#2026Q', 'worker', 'pattern'],
  ['Qw#12349876', 'worker', 'pattern'],
  ['Qw#9876ZZp1', 'worker', 'pattern'],
  ['xyzaxyza', 'worker', 'length'],
  ['abababababab', 'worker', 'pattern'],
  ['Password123!', 'worker', 'common'],
  ['qwertyuiop12', 'worker', 'common'],
  ['iloveyou2026', 'worker', 'common'],
  ['!!Sunshine2026', 'worker', 'common'],
  ['1q2w3e4r5t6y', 'worker', 'common'],
  ['Demo@Guandu2026', 'admin', null],
  ['Kunming#Safe2026x', 'worker', null],
  ['Xq7#mR2!pL9z', 'worker', null],
  ['滇池边的安全员2026', 'worker', null],
];

for (const [password, username, problem] of CASES) {
  test(`D14: "${password}" for ${username} → ${problem ?? 'accepted'}`, () => {
    assert.equal(passwordProblem(password, username), problem);
  });
}

test('D14: 129 characters are too many', () => {
  assert.equal(passwordProblem(`Xq7#mR2!pL9z${'k7'.repeat(60)}`, 'worker'), 'length');
});
