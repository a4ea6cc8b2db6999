import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, PREPARED, type Database } from '../src/platform/db/database';

/*
 * Hot statements marked PREPARED are prepared once per PostgreSQL connection and then only bound (the platform's
 * database layer, issue 11's signing figure). On one connection, `pg_prepared_statements` shows what was prepared.
 */
const url = process.env.TEST_DATABASE_URL;
const pgOnly = { skip: url ? false : 'PostgreSQL only (TEST_DATABASE_URL)' };
let d: Database;
before(async () => { if (url) d = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 }); });
after(async () => { await d?.close(); });

const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(d.db)).rows.map((r) => r.statement);

test('a marked statement is prepared once on its connection and then only bound; an unmarked one is never prepared', pgOnly, async () => {
  for (const n of [1, 2, 3]) {
    const r = await sql<{ x: number }>`select ${n}::int * 10 as x${PREPARED}`.execute(d.db);
    assert.equal(r.rows[0]!.x, n * 10, 'each call binds its own values');
  }
  assert.equal((await sql<{ y: number }>`select ${4}::int as y`.execute(d.db)).rows[0]!.y, 4);
  const list = await prepared();
  assert.equal(list.filter((s) => s.includes('* 10 as x')).length, 1, 'one prepared statement for the three calls');
  assert.ok(!list.some((s) => s.includes('as y')), 'the unmarked statement is not prepared');
});

test('a failing marked statement leaves its connection usable, and a connection names a hundred statements at most', pgOnly, async () => {
  await assert.rejects(sql`select 1 / ${0}::int as z${PREPARED}`.execute(d.db), /division by zero/);
  assert.equal((await sql<{ z: number }>`select 6 / ${3}::int as z${PREPARED}`.execute(d.db)).rows[0]!.z, 2);
  for (let i = 0; i < 120; i++) {
    const r = await sql<{ v: number }>`select ${i}::int + ${sql.lit(i)} as ${sql.ref(`v${i}`)}${PREPARED}`.execute(d.db);
    assert.equal(Object.values(r.rows[0]!)[0], 2 * i);
  }
  assert.equal((await prepared()).length, 100, 'beyond a hundred names, marked statements go unnamed');
});
