import { checkPassword } from '../../../../src/platform/auth/password-rules';

/**
 * The cheap half of the server's password policy (src/platform/auth/password-policy.ts, D14), for feedback while
 * typing; the server also refuses common passwords and decides. Pure.
 */
export { checkPassword, PASSWORD_MIN_LENGTH } from '../../../../src/platform/auth/password-rules';

/** 0 (breaks a rule) to 4: the rules met, then length and the kinds of characters mixed. */
export function passwordStrength(password: string, username: string): number {
  const c = checkPassword(password, username);
  if (!c.length || !c.username || !c.pattern) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  const len = [...password].length;
  return Math.max(1, Math.min(4, (kinds >= 3 ? 2 : kinds >= 2 ? 1 : 0) + (len >= 14 ? 2 : len >= 12 ? 1 : 0)));
}
