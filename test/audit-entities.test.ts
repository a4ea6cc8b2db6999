// Every entity type an audit row is written with is one the audit screen can filter by: declared by a module's
// manifest or by the platform (src/platform/module.ts). Read from the source, so a new audit call cannot forget it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { MODULES } from '../src/app';
import { installModules } from '../src/platform/module';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

test('every audited entity type is declared, so the audit filter offers it', () => {
  const declared = new Set(installModules(MODULES).auditEntities);
  const written = new Set<string>();
  for (const file of sources('src')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/entityType: '([a-z_]+)'/g)) written.add(m[1]!);
  }
  assert.ok(written.has('hazard') && written.has('risk_point'), 'the scan finds audit calls');
  assert.deepEqual([...written].filter((e) => !declared.has(e)).sort(), []);
  for (const e of ['photo', 'attachment', 'submission']) assert.ok(declared.has(e), e);
});
