import { createHmac } from 'node:crypto';

/**
 * Resident ID-card numbers (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, X for 10).
 * The platform stores only a masked form and a keyed hash (to spot duplicates), never the number itself.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidIdNumber(input: string): boolean {
  const id = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * 530111199001011234 → 530111************: the region only. The last four characters prove who signs on a shared
 * device (signing for someone without an account, issue 11), so nobody who reads the roster may see them.
 */
export function maskIdNumber(input: string): string {
  const id = normalizeIdNumber(input);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 6)}`;
}

export function hashIdNumber(input: string, secret: string): string {
  return createHmac('sha256', secret).update(normalizeIdNumber(input)).digest('hex');
}

export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The minimum working age (劳动法 第十五条: 禁止用人单位招用未满十六周岁的未成年人). */
export const MIN_WORKING_AGE = 16;

/**
 * Whether the holder of a well-formed ID number is under `years` on `today` (YYYY-MM-DD, China time): the birth date is
 * digits 7–14. A birthday on 29 February comes of age on 1 March in a common year.
 */
export function isUnderAge(idNumber: string, today: string, years = MIN_WORKING_AGE): boolean {
  const birth = normalizeIdNumber(idNumber).slice(6, 14);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const comesOfAge = `${String(Number(birth.slice(0, 4)) + years).padStart(4, '0')}${birth.slice(4, 8)}`;
  return `${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}` < comesOfAge;
}
