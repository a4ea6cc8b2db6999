/**
 * D14: the cheap rules of the password policy, pure and without the common-password list, so the server
 * (password-policy.ts, which decides) and the change form on the web (feedback while typing) apply the same ones.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordChecks = { length: boolean; username: boolean; pattern: boolean };

/** A run of `n` characters that repeat or step by one (`aaaa`, `abcd`, `4321`), case-insensitive. */
export function hasRun(s: string, n: number): boolean {
  const c = [...s.toLowerCase()].map((ch) => ch.codePointAt(0) ?? 0);
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

/** Which cheap rules a password meets: long enough, free of the user name, no run of four and five different characters. */
export function checkPassword(password: string, username: string): PasswordChecks {
  const name = username.trim().toLowerCase();
  return {
    length: [...password].length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH,
    username: name.length < 3 || !password.toLowerCase().includes(name),
    pattern: password.length > 0 && !hasRun(password, 4) && new Set(password.toLowerCase()).size >= 5,
  };
}
