import { z } from 'zod';
import { registerMessages } from '../i18n/messages';

registerMessages({
  'zh-CN': { 'validation.wholeNumber': '应为整数' },
  'en-US': { 'validation.wholeNumber': 'Must be a whole number' },
});

/** Decimal digits with an optional minus sign, as a person types a year, a page or a version number. */
const DIGITS = /^-?\d{1,15}$/;

/**
 * A whole number in a query string or a path (a year, a page, a version): written in decimal digits, within
 * [min, max]. `z.coerce.number()` also took `0x7e8`, `2e3`, `2000.0` and ` 2000` for numbers (and an
 * empty value for 0); here they are a 400 on the field, with `message` (a message key) or "应为整数". A number is
 * accepted as well, so code that passes one (and the web client's types) keeps working.
 */
export function wholeNumber(min: number, max: number, message?: string) {
  const m = { message: message ?? 'validation.wholeNumber' };
  // Out of range keeps the platform's 不能小于/不能大于 unless the caller names its own message.
  const range = message ? m : undefined;
  return z.union([z.number(), z.string().regex(DIGITS, m)], m)
    .transform((v) => Number(v))
    .pipe(z.number().int(m).min(min, range).max(max, range));
}
