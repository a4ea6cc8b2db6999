/**
 * The frame every `npm run seed:scale` phase after the enterprises shares (duties, management system, competence,
 * emergency): a phase lands once per database, in one transaction with its own app_settings marker. Its marker is read
 * first ("already present" and the counts when found); otherwise the modules are installed, the run's clock is set, and
 * the transaction takes an advisory lock on the marker, reads it again, lets the phase write, and adds the marker.
 * Two runs at once (a benchmark that loads the set while one is running) queue on the lock; the second finds the
 * marker and writes nothing. Only the phase's own rows and its after-commit work (analyze, jobs, summary) stay with it.
 * Also the phases' common writing helpers (`unnestInsert`, `printCounts`).
 */
import { sql, type Transaction } from 'kysely';
import { MODULES } from '../app';
import type { Db, Executor } from '../platform/db/database';
import type { DB } from '../platform/db/schema';
import { installModules } from '../platform/module';
import { localDay } from '../platform/time';

/** The marker of the first part: the enterprises, their trees and people. */
export const SCALE_MARKER = 'seed_scale';
/** The marker of the second part (issue 11): occurrences, letters and signatures of the scale enterprises. */
export const SCALE_DUTIES_MARKER = 'seed_scale_obligations';
/** The marker of the third part (issue 12): the management system of the scale enterprises. */
export const SCALE_MANAGEMENT_MARKER = 'seed_scale_management';

/** Seconds since `t` (a `performance.now()`), as the phases' progress lines print them. */
export const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/** The day a data set seeded for `year` stands on: today, or the last day of an earlier year. */
export const asOfDay = (year: number, today: string) => (today < `${year}-12-31` ? today : `${year}-12-31`);

/** The clock of one phase's run, set once before its transaction. */
export type PhaseClock = {
  /** `performance.now()` when the phase began (for its closing line). */
  started: number;
  now: Date;
  /** The local day of `now`. */
  today: string;
  /** The day the data set stands on (`asOfDay`). */
  asOf: string;
  s: typeof since;
};

export type Phase<V> = {
  marker: string;
  /** What the phase adds, for its lines: "duties", "training, certificates and PPE". */
  what: string;
  /** The database, as the lines name it. */
  where: string;
  year: number;
  /** Prints the rows of the phase's tables (after "already present", and at the phase's end). */
  printCounts: () => Promise<void>;
  /** The phase's rows, inside the transaction; returns the marker's value. */
  write: (tx: Transaction<DB>, clock: PhaseClock) => Promise<V>;
};

/** Writes rows column by column, 5,000 rows per `insert … select * from unnest(…)`; the number of rows. */
export async function unnestInsert(db: Executor, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<number> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const part = rows.slice(i, i + 5_000);
    const arrays = columns.map(([, type], c) => sql`${sql.val(part.map((r) => r[c]))}::${sql.raw(type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([n]) => sql.ref(n)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
  }
  return rows.length;
}

/** The row counts of a phase's tables, on one line. */
export function printCounts(c: Record<string, number>): void {
  console.log(`  rows: ${Object.entries(c).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}

/** Runs one phase once: its clock and the marker's value when this run wrote it, null when the marker was there. */
export async function seedPhase<V>(db: Db, p: Phase<V>): Promise<(PhaseClock & { value: V }) | null> {
  const marker = await db.selectFrom('app_settings').select('value').where('key', '=', p.marker).executeTakeFirst();
  if (marker) {
    console.log(`seed:scale: ${p.what} already present on ${p.where} (${JSON.stringify(marker.value)})`);
    await p.printCounts();
    return null;
  }
  // The definitions and rule-sets every module declares (what the server installs at start).
  installModules(MODULES);
  const started = performance.now();
  const now = new Date();
  const today = localDay(now);
  const clock: PhaseClock = { started, now, today, asOf: asOfDay(p.year, today), s: since };
  const written = await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${p.marker}))`.execute(tx);
    const again = await tx.selectFrom('app_settings').select('value').where('key', '=', p.marker).executeTakeFirst();
    if (again) return null;
    const value = await p.write(tx, clock);
    await sql`insert into app_settings (key, value) values (${p.marker}, ${JSON.stringify(value)})`.execute(tx);
    return { value };
  });
  if (!written) {
    console.log(`seed:scale: ${p.what}: added by another run on ${p.where}`);
    await p.printCounts();
    return null;
  }
  return { ...clock, value: written.value };
}
