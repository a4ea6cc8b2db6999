import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * D14: the password policy. At least 10 characters; not one of the ~49,000 most common passwords (the list zxcvbn-ts
 * maintains), nor one of them with digits or symbols around it (`Password123!`); not containing the user name; no run of four
 * repeated (`aaaa`) or sequential (`1234`, `dcba`) characters, and at least five different characters.
 * Pure: the change form on the web mirrors the cheap checks, the server is the one that decides.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'length' | 'common' | 'username' | 'pattern';

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** A run of `n` characters that repeat or step by one (`aaaa`, `abcd`, `4321`), case-insensitive. */
function hasRun(s: string, n: number): boolean {
  const c = [...s.toLowerCase()].map((ch) => ch.codePointAt(0)!);
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < c.length; i++) {
    const d = c[i]! - c[i - 1]!;
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= n || up >= n || down >= n) return true;
  }
  return false;
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
  if ([...password].length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return 'length';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'username';
  if (hasRun(password, 4) || new Set(password.toLowerCase()).size < 5) return 'pattern';
  if (isCommon(password)) return 'common';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, string> = {
  length: 'validation.password.length',
  common: 'validation.password.common',
  username: 'validation.password.username',
  pattern: 'validation.password.pattern',
};
