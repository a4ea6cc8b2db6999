/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015), RULES.md §0:
 * 18 characters over the 31-symbol alphabet 0-9 A-H J-N P-R T-U W-Y; the last one is a check character,
 * weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; check = 31 − (Σ mod 31), with 31 written as 0.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`invalid credit-code character at ${i}`);
    sum += v * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: 'format' } | { ok: false; reason: 'check'; expected: string };

/** Normalises (trim, upper case) and checks shape and check character. */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (!SHAPE.test(code)) return { ok: false, reason: 'format' };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, reason: 'check', expected };
  return { ok: true, code };
}
