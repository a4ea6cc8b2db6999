import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from './helpers';
import { asOfDay, seedPhase, type Phase } from '../src/cli/seed-scale-phase';

/**
 * The frame of every `npm run seed:scale` phase after the enterprises (src/cli/seed-scale-phase.ts): a phase lands once
 * per database, whole or not at all, with its app_settings marker; a second run, or one that waited on the first, writes
 * nothing. Seed data, not a user action: no audit rows, no rule ID.
 */
let t: TestPlatform;

before(async () => {
  t = await createTestPlatform();
  await sql`create table seed_phase_probe (n int not null)`.execute(t.db);
});
after(async () => { await t.close(); });

const marker = async (key: string) =>
  (await t.db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst())?.value as Record<string, unknown> | undefined;
const probeRows = async () => (await sql<{ n: number }>`select count(*)::int as n from seed_phase_probe`.execute(t.db)).rows[0]!.n;

/** A phase that adds one probe row and counts how often it was asked to write. */
function probePhase(key: string, calls: { n: number }, fail = false): Phase<{ rows: number; asOf: string }> {
  return {
    marker: key, what: 'probe rows', where: 'the test database', year: 2026, printCounts: async () => undefined,
    write: async (tx, { asOf }) => {
      calls.n++;
      await sql`insert into seed_phase_probe (n) values (1)`.execute(tx);
      if (fail) throw new Error('the phase failed half-way');
      return { rows: 1, asOf };
    },
  };
}

test('the day a data set stands on is today within its year, else the last day of that year', () => {
  const rows: [year: number, today: string, asOf: string][] = [
    [2026, '2026-05-11', '2026-05-11'],
    [2026, '2026-12-30', '2026-12-30'],
    [2026, '2026-12-31', '2026-12-31'],
    [2025, '2026-05-11', '2025-12-31'],
    [2024, '2026-01-01', '2024-12-31'],
  ];
  for (const [year, today, asOf] of rows) assert.equal(asOfDay(year, today), asOf, `${year} on ${today}`);
});

test('a phase writes once with its marker; the next run finds the marker and writes nothing', async () => {
  const calls = { n: 0 };
  const before = await probeRows();
  const first = await seedPhase(t.db, probePhase('seed_phase_once', calls));
  assert.ok(first);
  assert.equal(calls.n, 1);
  assert.equal(await probeRows(), before + 1);
  assert.deepEqual(await marker('seed_phase_once'), first.value);
  assert.equal(first.value.asOf, first.asOf);

  const second = await seedPhase(t.db, probePhase('seed_phase_once', calls));
  assert.equal(second, null);
  assert.equal(calls.n, 1);
  assert.equal(await probeRows(), before + 1);
});

test('a phase that fails leaves neither its rows nor its marker, so the next run writes it', async () => {
  const calls = { n: 0 };
  const before = await probeRows();
  await assert.rejects(seedPhase(t.db, probePhase('seed_phase_failed', calls, true)), /failed half-way/);
  assert.equal(await probeRows(), before);
  assert.equal(await marker('seed_phase_failed'), undefined);

  const again = await seedPhase(t.db, probePhase('seed_phase_failed', calls));
  assert.ok(again);
  assert.equal(calls.n, 2);
  assert.equal(await probeRows(), before + 1);
});

test('two runs at once: one writes the phase, the other finds its marker and writes nothing', async () => {
  const calls = { n: 0 };
  const before = await probeRows();
  const runs = await Promise.all([seedPhase(t.db, probePhase('seed_phase_race', calls)), seedPhase(t.db, probePhase('seed_phase_race', calls))]);
  assert.equal(runs.filter((r) => r !== null).length, 1);
  assert.equal(calls.n, 1);
  assert.equal(await probeRows(), before + 1);
  assert.ok(await marker('seed_phase_race'));
});
