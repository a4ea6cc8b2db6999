import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import ts from 'typescript';
import { createTestPlatform, type TestPlatform } from './helpers';

/**
 * The typed schema (src/platform/db/schema.ts) is written by hand beside the migrations. This test reads the `DB` type
 * with the TypeScript compiler and compares it, table by table and column by column, with the database the
 * migrations built, so a column added to one and not the other fails here instead of at run time.
 */
let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

/** Tables the platform keeps for itself and never queries through Kysely's types. */
const UNTYPED = new Set(['schema_migrations']);

function typedSchema(): Map<string, Set<string>> {
  const file = path.resolve(import.meta.dirname, '../src/platform/db/schema.ts');
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  assert.ok(source, 'schema.ts is readable');
  const alias = source.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'DB');
  assert.ok(alias, 'schema.ts declares `type DB`');
  const db = checker.getTypeAtLocation(alias.name);
  const tables = new Map<string, Set<string>>();
  for (const table of checker.getPropertiesOfType(db)) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, alias);
    tables.set(table.name, new Set(checker.getPropertiesOfType(tableType).map((c) => c.name)));
  }
  return tables;
}

test('every table and column the migrations create is typed in schema.ts, and nothing typed is missing from the database', async () => {
  const typed = typedSchema();
  assert.ok(typed.size > 40, `read ${typed.size} typed tables`);
  const rows = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(t.db);
  const actual = new Map<string, Set<string>>();
  for (const r of rows.rows) {
    if (UNTYPED.has(r.table_name)) continue;
    if (!actual.has(r.table_name)) actual.set(r.table_name, new Set());
    actual.get(r.table_name)!.add(r.column_name);
  }
  const problems: string[] = [];
  for (const [table, cols] of actual) {
    const want = typed.get(table);
    if (!want) { problems.push(`table ${table} is not in DB`); continue; }
    for (const c of cols) if (!want.has(c)) problems.push(`${table}.${c} is not typed`);
    for (const c of want) if (!cols.has(c)) problems.push(`${table}.${c} is typed but not in the database`);
  }
  for (const table of typed.keys()) if (!actual.has(table)) problems.push(`table ${table} is typed but not in the database`);
  assert.deepEqual(problems, []);
});
