import { sql } from 'kysely';
import type { Tx } from './database';

/**
 * D12: the one generator of an enterprise's numbered codes (hazards YH-2026-0001, risk points FX-001…), over the
 * counter table `code_counters` keyed (enterprise, series, year). Moving a series on is one upsert that locks its
 * row until the transaction ends: concurrent creates queue there for a moment and get consecutive numbers, and a
 * rolled-back create gives its number back.
 */
export type CodeFormat = {
  /** Everything before the number, e.g. `YH-2026-` or `FX-`. */
  prefix: string;
  /** Series that restart each year give the year; the others run on. */
  year?: number;
  /** Zero-padded to at least this many digits (more when the number outgrows it). */
  width: number;
};

export function formatCode(format: Pick<CodeFormat, 'prefix' | 'width'>, n: number): string {
  return `${format.prefix}${String(n).padStart(format.width, '0')}`;
}

export async function nextCode(tx: Tx, enterpriseId: string, series: string, format: CodeFormat): Promise<string> {
  const row = await tx.insertInto('code_counters').values({ enterprise_id: enterpriseId, series, year: format.year ?? 0, n: 1 })
    .onConflict((oc) => oc.columns(['enterprise_id', 'series', 'year']).doUpdateSet({ n: sql`code_counters.n + 1` }))
    .returning('n').executeTakeFirstOrThrow();
  return formatCode(format, row.n);
}

/**
 * A code of the series chosen by hand (or imported) moves the series on to at least its number, so the generator
 * never hands it out again.
 */
export async function reserveCode(tx: Tx, enterpriseId: string, series: string, n: number, year = 0): Promise<void> {
  await tx.insertInto('code_counters').values({ enterprise_id: enterpriseId, series, year, n })
    .onConflict((oc) => oc.columns(['enterprise_id', 'series', 'year']).doUpdateSet({ n: sql`greatest(code_counters.n, excluded.n)` }))
    .execute();
}

/**
 * `count` consecutive numbers of a series at once (an import), past both the series and `atLeast` (the highest
 * number already in use): one upsert that locks the counter like nextCode. Returns the first number.
 */
export async function nextCodes(tx: Tx, enterpriseId: string, series: string, count: number, atLeast = 0, year = 0): Promise<number> {
  const row = await tx.insertInto('code_counters').values({ enterprise_id: enterpriseId, series, year, n: atLeast + count })
    .onConflict((oc) => oc.columns(['enterprise_id', 'series', 'year']).doUpdateSet({ n: sql`greatest(code_counters.n, ${atLeast}) + ${count}` }))
    .returning('n').executeTakeFirstOrThrow();
  return row.n - count + 1;
}
