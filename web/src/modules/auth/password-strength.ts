/**
 * The cheap half of the server's password policy (src/platform/auth/password-policy.ts, D14), for feedback while
 * typing; the server also refuses common passwords and decides. Pure.
 */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordChecks = { length: boolean; username: boolean; pattern: boolean };

/** A run of four repeating or stepping characters (`aaaa`, `abcd`, `4321`), case-insensitive. */
function hasRun(s: string): boolean {
  const c = [...s.toLowerCase()].map((ch) => ch.codePointAt(0) ?? 0);
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < c.length; i++) {
    const d = c[i]! - c[i - 1]!;
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= 4 || up >= 4 || down >= 4) return true;
  }
  return false;
}

export function checkPassword(password: string, username: string): PasswordChecks {
  const name = username.trim().toLowerCase();
  return {
    length: [...password].length >= PASSWORD_MIN_LENGTH && password.length <= 128,
    username: name.length < 3 || !password.toLowerCase().includes(name),
    pattern: password.length > 0 && !hasRun(password) && new Set(password.toLowerCase()).size >= 5,
  };
}

/** 0 (breaks a rule) to 4: the rules met, then length and the kinds of characters mixed. */
export function passwordStrength(password: string, username: string): number {
  const c = checkPassword(password, username);
  if (!c.length || !c.username || !c.pattern) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  const len = [...password].length;
  return Math.max(1, Math.min(4, (kinds >= 3 ? 2 : kinds >= 2 ? 1 : 0) + (len >= 14 ? 2 : len >= 12 ? 1 : 0)));
}
