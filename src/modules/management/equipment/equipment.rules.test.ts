import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DECIMAL_PATTERN, daysOverdue, decimal2, inspectionState, nextInspectionDue, sumDecimal } from './equipment.rules';
import { EQUIPMENT_RULES, OBSOLETE_DEFAULTS, SPECIAL_INTERVAL_DEFAULTS } from './equipment.rule-sets';

test('[cfg] every special equipment type has its default interval, and the defaults satisfy the rule-set schema', () => {
  assert.deepEqual(SPECIAL_INTERVAL_DEFAULTS, { boiler: 12, pressure_vessel: 36, lift: 12, crane: 24, field_vehicle: 12, pressure_piping: 36 });
  assert.ok(EQUIPMENT_RULES.schema.safeParse(EQUIPMENT_RULES.defaults).success);
  assert.ok(OBSOLETE_DEFAULTS.every((i) => i.source.length > 0), 'each catalogue item names its source');
  const dup = { ...EQUIPMENT_RULES.defaults, obsolete: [OBSOLETE_DEFAULTS[0], OBSOLETE_DEFAULTS[0]] };
  assert.equal(EQUIPMENT_RULES.schema.safeParse(dup).success, false);
});

test('the next inspection is the inspection day plus the interval in months, clamped at the end of a shorter month', () => {
  for (const [day, months, due] of [
    ['2026-03-15', 12, '2027-03-15'], ['2025-08-31', 6, '2026-02-28'], ['2027-08-31', 6, '2028-02-29'], ['2026-12-01', 24, '2028-12-01'], ['2026-01-31', 36, '2029-01-31'],
  ] as const) assert.equal(nextInspectionDue(day, months), due, `${day} + ${months}`);
});

test('inspection state: in time on the due day, overdue from the next day, due soon within the window', () => {
  const rows: [string | null, string, string, number][] = [
    [null, '2026-12-03', 'none', 0],
    ['2026-12-03', '2026-12-03', 'due_soon', 0],
    ['2026-12-02', '2026-12-03', 'overdue', 1],
    ['2027-01-02', '2026-12-03', 'due_soon', 0],
    ['2027-01-03', '2026-12-03', 'ok', 0],
    ['2026-10-01', '2026-12-03', 'overdue', 63],
  ];
  for (const [due, today, state, late] of rows) {
    assert.equal(inspectionState(due, today, 30), state, `${due} on ${today}`);
    assert.equal(daysOverdue(due, today), late, `${due} on ${today}`);
  }
});

test('money is exact decimal text: two places, summed through integer cents', () => {
  for (const ok of ['0', '12', '3.5', '1234567.89', '999999999999.99']) assert.ok(DECIMAL_PATTERN.test(ok), ok);
  for (const bad of ['', '-1', '1e6', '12.345', '01', '1.', '.5', '1000000000000']) assert.ok(!DECIMAL_PATTERN.test(bad), bad);
  assert.equal(decimal2('12'), '12.00');
  assert.equal(decimal2('3.5'), '3.50');
  assert.equal(sumDecimal(['0.1', '0.2']), '0.30');
  assert.equal(sumDecimal(['1234567.89', '0.11']), '1234568.00');
  assert.equal(sumDecimal([]), '0.00');
  assert.equal(sumDecimal(['999999999999.99', '999999999999.99']), '1999999999999.98');
});
