// The lint rule that keeps modules apart (eslint/module-boundaries.js): a module reaches another only through its
// index.ts. Run on code given here, so the test fails if the rule stops reporting or starts reporting the allowed forms.
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import { Linter } from 'eslint';
import { moduleBoundaries } from '../eslint/module-boundaries.js';

const modulesDir = path.resolve('src/modules');
const linter = new Linter({ configType: 'flat' });
const config = [{
  files: ['**/*.ts'],
  plugins: { safeduty: { rules: { 'module-boundaries': moduleBoundaries(modulesDir) } } },
  rules: { 'safeduty/module-boundaries': 'error' as const },
}];
const lint = (file: string, code: string) => linter.verify(code, config, { filename: path.join(modulesDir, file) }).map((m) => m.message);

test('a module imports another module only through its index.ts', () => {
  assert.equal(lint('hazards/loop/hazard.service.ts', "import { roleName } from '../../accounts/roles';").length, 1);
  assert.equal(lint('hazards/loop/hazard.service.ts', "export { x } from '../../risk/points/risk-point.policy';").length, 1);
  assert.equal(lint('hazards/loop/hazard.service.ts', "const m = import('../../org/employee.excel');").length, 1);
  assert.match(lint('risk/ledger/x.ts', "import { a } from '../../org/employee.excel';")[0], /from 'org' \(its index\.ts\)/);
});

test('its own files, another module’s index and the platform stay allowed', () => {
  assert.deepEqual(lint('hazards/loop/hazard.service.ts', [
    "import { roleName } from '../../accounts';",
    "import { riskPointVisibleTo } from '../../risk/index';",
    "import { refreshControlFailing } from '../checks/check.feedback';",
    "import { writeAudit } from '../../../platform/audit/audit';",
    "import { sql } from 'kysely';",
  ].join('\n')), []);
  // Outside src/modules (seeds, tools, tests) the rule does not apply.
  assert.deepEqual(linter.verify("import { x } from '../modules/org/employee.excel';", config, { filename: path.resolve('src/seed/demo.ts') }), []);
});
