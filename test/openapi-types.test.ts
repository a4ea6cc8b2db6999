import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/openapi-types';

// Issue 8 §5: the web app's request and response types come from the server's zod schemas. The committed file must
// be what the current routes generate, so a schema change without `npm run api:types` fails here.
test('web/src/api/schema.gen.ts is generated from the current OpenAPI document (run npm run api:types)', async () => {
  const fresh = await generateApiTypes();
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  if (fresh === committed) return;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  assert.fail(`schema.gen.ts is stale from line ${line + 1}: committed ${JSON.stringify(a[line])}, generated ${JSON.stringify(b[line])}. Run npm run api:types.`);
});

test('response schemas carry closed sets as enums in the generated types', () => {
  const text = readFileSync(SCHEMA_FILE, 'utf8');
  // The hazard list's status, level and source, and a risk point's kind, are unions the client can switch over.
  assert.match(text, /status: "reported" \| "confirmed" \| "rectifying" \| "submitted" \| "closed" \| "voided";/);
  assert.match(text, /level: "general" \| "major";/);
  assert.match(text, /kind: "equipment" \| "operation" \| "place";/);
});
