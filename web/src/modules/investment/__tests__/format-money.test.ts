import { describe, expect, it } from 'vitest';
import { formatMoney, MONEY } from '../api/investment.api';

describe('money on the investment screens (R-INV-1: exact decimals, never floats)', () => {
  it('groups the yuan of a decimal string without going through a number', () => {
    expect(formatMoney('1093500.00')).toBe('1,093,500.00');
    expect(formatMoney('9999999999999999.99')).toBe('9,999,999,999,999,999.99');
    expect(formatMoney('-500.5')).toBe('-500.50');
    expect(formatMoney('0')).toBe('0.00');
    expect(formatMoney(null)).toBe('—');
  });
  it('accepts what the server accepts', () => {
    for (const ok of ['0', '12800', '12800.5', '12800.50']) expect(MONEY.test(ok)).toBe(true);
    for (const bad of ['-1', '1.234', '1e6', '1,000', '', ' 1']) expect(MONEY.test(bad)).toBe(false);
  });
});
