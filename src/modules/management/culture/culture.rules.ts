/*
 * Issue 12 §6, pure rules of the reward-and-penalty ledger: money as exact decimal text, summed through integer cents.
 */

/** A yuan amount as exact decimal text: up to 10 integer digits and 2 decimals, no sign, no exponent. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

/** Two decimal places as text ("12" → "12.00"), never through a float. */
export function amount2(v: string): string {
  const [i = '0', f = ''] = v.split('.');
  return `${i}.${f.padEnd(2, '0')}`;
}

/** The ledger's totals: rewards and penalties paid in money, apart, exact. Entries with a measure only add nothing. */
export function ledgerTotals(rows: readonly { kind: 'reward' | 'penalty'; amount: string | null }[]): { reward: string; penalty: string; count: number } {
  const cents = { reward: 0n, penalty: 0n };
  for (const r of rows) {
    if (r.amount === null) continue;
    const [i = '0', f = ''] = amount2(r.amount).split('.');
    cents[r.kind] += BigInt(i) * 100n + BigInt(f);
  }
  const text = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
  return { reward: text(cents.reward), penalty: text(cents.penalty), count: rows.length };
}
