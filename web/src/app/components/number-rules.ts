import type { FormRule } from 'antd';
import type { Translate } from '../i18n';

/** The largest amount of money the server accepts (hazard funds: `z.number().min(0).max(1e12)`). */
export const MONEY_MAX = 1e12;

/**
 * Form rules for a number's range, each with its message at the field. Issue 10: an InputNumber given `min`/`max`
 * changes an out-of-range value on blur (−500 元 became 0) without a word; a rule keeps what was typed, says why it
 * is refused and blocks the submit.
 */
export function numberRange(t: Translate, range: { min?: number; max?: number; above?: number; below?: number }): FormRule[] {
  const rules: FormRule[] = [];
  const { min, max, above, below } = range;
  if (min !== undefined) rules.push({ type: 'number', min, message: t('validation.numberMin', { min: min.toLocaleString() }) });
  if (max !== undefined) rules.push({ type: 'number', max, message: t('validation.numberMax', { max: max.toLocaleString() }) });
  if (above !== undefined) rules.push(outside((v) => v <= above, t('validation.numberAbove', { min: above.toLocaleString() })));
  if (below !== undefined) rules.push(outside((v) => v >= below, t('validation.numberBelow', { max: below.toLocaleString() })));
  return rules;
}

/** A rule refusing the numbers `refused` names (an empty field is the `required` rule's business). */
function outside(refused: (v: number) => boolean, message: string): FormRule {
  return { validator: (_, v: unknown) => (typeof v === 'number' && refused(v) ? Promise.reject(new Error(message)) : Promise.resolve()) };
}

/** An amount in yuan: not negative, at most the server's limit. */
export function moneyRules(t: Translate): FormRule[] {
  return [
    { type: 'number', min: 0, message: t('validation.moneyNegative') },
    ...numberRange(t, { max: MONEY_MAX }),
  ];
}
