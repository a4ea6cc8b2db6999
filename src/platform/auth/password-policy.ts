import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword } from './password-rules';

/**
 * D14: the password policy. At least 10 characters; not one of the ~49,000 most common passwords (the list zxcvbn-ts
 * maintains), nor one of them with digits or symbols around it (`Password123!`); not containing the user name; no run of four
 * repeated (`aaaa`) or sequential (`1234`, `dcba`) characters, and at least five different characters.
 * Pure: the change form on the web mirrors the cheap checks, the server is the one that decides.
 */

export type PasswordProblem = 'length' | 'common' | 'username' | 'pattern';

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

function isCommon(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  // A common word with digits or symbols before or after it is still that word.
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  return core.length >= 3 && core !== lower && list.has(core);
}

/** The first rule a new password breaks, or null when it meets the policy. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const c = checkPassword(password, username);
  if (!c.length) return 'length';
  if (!c.username) return 'username';
  if (!c.pattern) return 'pattern';
  if (isCommon(password)) return 'common';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, string> = {
  length: 'validation.password.length',
  common: 'validation.password.common',
  username: 'validation.password.username',
  pattern: 'validation.password.pattern',
};
