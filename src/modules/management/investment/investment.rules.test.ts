import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CATEGORIES, DEFAULT_INDUSTRY_SCHEDULES, DEFAULT_SCHEDULES, SAFETY_FEE_RULES } from './investment.rule-sets';
import { applyRate, carryIn, computeAccrual, fenOfNumeric, formatFen, parseFen, ppmOfPercent, progressive, yearFigures, type Schedule } from './investment.rules';

const HAZ = DEFAULT_SCHEDULES.find((s) => s.key === 'hazardous_goods')!;
const fee = (schedule: string, base: string) => {
  const r = computeAccrual(DEFAULT_SCHEDULES, [{ schedule, base }]);
  assert.ok(r.ok, JSON.stringify(r));
  return r.total;
};

test('money is exact: decimal strings to integer fen and back, no float on the way', () => {
  assert.equal(parseFen('12000000'), 1_200_000_000n);
  assert.equal(parseFen('0.1'), 10n);
  assert.equal(parseFen('0.07'), 7n);
  assert.equal(parseFen('9999999999999999.99'), 999_999_999_999_999_999n);
  for (const bad of ['-1', '1.234', '1e6', '', 'abc', '1,000', '.5']) assert.equal(parseFen(bad), null, bad);
  assert.equal(formatFen(1_200_000_000n), '12000000.00');
  assert.equal(formatFen(-5n), '-0.05');
  assert.equal(fenOfNumeric('0.1'), 10n);
  assert.equal(fenOfNumeric('-12.5'), -1250n);
  // 0.1 + 0.2 in floats is 0.30000000000000004; in fen it is 30.
  assert.equal(formatFen(parseFen('0.1')! + parseFen('0.2')!), '0.30');
  assert.equal(ppmOfPercent('2.25'), 22_500n);
  assert.equal(ppmOfPercent('0.55'), 5_500n);
  // Half a fen rounds up.
  assert.equal(applyRate(1n, 500_000n), 1n);
  assert.equal(applyRate(1n, 499_999n), 0n);
});

test('R-INV-1: 12 M CNY of prior-year revenue of a hazardous-goods producer accrues 495,000 CNY a year', () => {
  assert.equal(fee('hazardous_goods', '12000000'), '495000.00');
});

// R-INV-1, 财资〔2022〕136号: ≤ 10 M 4.5%; 10–100 M 2.25%; 100 M–1 B 0.55%; > 1 B 0.2%, progressively; bands (lower, upper].
const HAZ_EDGES: [revenue: string, fee: string][] = [
  ['0', '0.00'],
  ['0.01', '0.00'],
  ['100', '4.50'],
  ['9999999.99', '450000.00'],
  ['10000000', '450000.00'],
  ['10000000.01', '450000.00'],
  ['10000100', '450002.25'],
  ['100000000', '2475000.00'],
  ['100000100', '2475000.55'],
  ['1000000000', '7425000.00'],
  ['1000000100', '7425000.20'],
  ['2000000000', '9425000.00'],
];
for (const [revenue, expected] of HAZ_EDGES) {
  test(`R-INV-1: hazardous goods, prior-year revenue ${revenue} → ${expected}`, () => {
    assert.equal(fee('hazardous_goods', revenue), expected);
  });
}

test('R-INV-1: each band\'s rate applies only to the part of the revenue inside it', () => {
  const r = progressive(parseFen('150000000')!, HAZ.bands!);
  assert.deepEqual(r.parts.map((p) => [p.part, p.rate, p.amount]), [
    ['10000000.00', '4.5', '450000.00'], ['90000000.00', '2.25', '2025000.00'], ['50000000.00', '0.55', '275000.00'],
  ]);
  assert.equal(formatFen(r.total), '2750000.00');
});

// R-INV-1, construction by project cost: mining works 3.5%; railway, buildings, urban rail 3%; water/hydro, power 2.5%;
// smelting, mechanical/electrical installation, chemical/petroleum, telecom 2%; municipal, port/waterway, highway 1.5%.
const CONSTRUCTION: [key: string, fee: string][] = [
  ['construction.mining', '350000.00'],
  ['construction.railway', '300000.00'], ['construction.building', '300000.00'], ['construction.urban_rail', '300000.00'],
  ['construction.water', '250000.00'], ['construction.power', '250000.00'],
  ['construction.smelting', '200000.00'], ['construction.installation', '200000.00'], ['construction.chemical', '200000.00'], ['construction.telecom', '200000.00'],
  ['construction.municipal', '150000.00'], ['construction.port', '150000.00'], ['construction.highway', '150000.00'],
];
for (const [key, expected] of CONSTRUCTION) {
  test(`R-INV-1: construction ${key}, project cost 10,000,000 → ${expected}`, () => {
    assert.equal(fee(key, '10000000'), expected);
  });
}

test('R-INV-1: every construction row of the table is tested above, and a contractor\'s projects of several types add up', () => {
  assert.deepEqual(DEFAULT_SCHEDULES.filter((s) => s.basis === 'project_cost').map((s) => s.key).sort(), CONSTRUCTION.map(([k]) => k).sort());
  const r = computeAccrual(DEFAULT_SCHEDULES, [{ schedule: 'construction.building', base: '33333333.33' }, { schedule: 'construction.highway', base: '1000000' }]);
  assert.ok(r.ok);
  // 33,333,333.33 × 3% = 999,999.9999 → 1,000,000.00; plus 15,000.
  assert.equal(r.total, '1015000.00');
});

test('R-INV-1 [cfg]: an unverified row refuses to compute, naming itself, until the district admin confirms it', () => {
  const machinery = DEFAULT_SCHEDULES.find((s) => s.key === 'machinery')!;
  assert.equal(machinery.verified, false);
  const r = computeAccrual(DEFAULT_SCHEDULES, [{ schedule: 'hazardous_goods', base: '1' }, { schedule: 'machinery', base: '5000000' }]);
  assert.deepEqual(r, { ok: false, reason: 'UNVERIFIED', index: 1, schedule: 'machinery', name: machinery.name });
  const confirmed: Schedule[] = DEFAULT_SCHEDULES.map((s) => (s.key === 'machinery' ? { ...s, verified: true } : s));
  const ok = computeAccrual(confirmed, [{ schedule: 'machinery', base: '5000000' }]);
  assert.ok(ok.ok);
  assert.equal(ok.total, '117500.00');
  assert.deepEqual(computeAccrual(DEFAULT_SCHEDULES, [{ schedule: 'nope', base: '1' }]), { ok: false, reason: 'UNKNOWN_SCHEDULE', index: 0, schedule: 'nope' });
});

test('R-INV-1 [cfg]: the shipped table covers every industry of the document, each row with its source; only the rows RULES.md states are verified', () => {
  for (const s of DEFAULT_SCHEDULES) assert.match(s.source, /财资〔2022〕136号/, s.key);
  const verified = DEFAULT_SCHEDULES.filter((s) => s.verified).map((s) => s.key);
  assert.deepEqual(verified.sort(), [...CONSTRUCTION.map(([k]) => k), 'hazardous_goods'].sort());
  for (const s of DEFAULT_SCHEDULES.filter((x) => !x.verified)) assert.match(s.source, /待.*核实/, s.key);
  const families = new Set(DEFAULT_SCHEDULES.map((s) => s.key.split('.')[0]));
  for (const f of ['coal', 'non_coal', 'construction', 'hazardous_goods', 'transport', 'fireworks', 'metallurgy', 'machinery', 'civil_explosives', 'weapons', 'power']) assert.ok(families.has(f), f);
  assert.ok(SAFETY_FEE_RULES.schema.safeParse(SAFETY_FEE_RULES.defaults).success);
  for (const i of DEFAULT_INDUSTRY_SCHEDULES) for (const k of i.schedules) assert.ok(DEFAULT_SCHEDULES.some((s) => s.key === k), k);
  assert.equal(DEFAULT_CATEGORIES.length, 10);
});

test('R-INV-1 [cfg]: the rule-set refuses bands that do not rise or a progressive schedule without an open top band', () => {
  const bad = { ...SAFETY_FEE_RULES.defaults, schedules: [{ ...HAZ, bands: [{ upTo: 10, rate: '1' }, { upTo: 5, rate: '1' }, { upTo: null, rate: '1' }] }] };
  assert.equal(SAFETY_FEE_RULES.schema.safeParse({ ...bad, industries: [] }).success, false);
  const noTop = { ...SAFETY_FEE_RULES.defaults, industries: [], schedules: [{ ...HAZ, bands: [{ upTo: 10, rate: '1' }] }] };
  assert.equal(SAFETY_FEE_RULES.schema.safeParse(noTop).success, false);
  const outside = { ...SAFETY_FEE_RULES.defaults, categories: [{ code: 'outside', name: 'x' }] };
  assert.equal(SAFETY_FEE_RULES.schema.safeParse(outside).success, false);
});

test('R-INV-1: the balance carries from year to year; a recorded opening balance restarts the chain', () => {
  const years = [
    { year: 2024, opening: 100_00n, accrued: 1000_00n, used: 300_00n },
    { year: 2025, opening: null, accrued: 500_00n, used: 900_00n },
    { year: 2027, opening: null, accrued: 0n, used: 0n },
  ];
  assert.equal(carryIn(2024, years), 100_00n);
  assert.equal(carryIn(2025, years), 800_00n);
  assert.equal(carryIn(2026, years), 400_00n);
  assert.equal(carryIn(2027, years), 400_00n);
  assert.equal(carryIn(2023, years), 0n);
  assert.equal(carryIn(2026, [...years, { year: 2026, opening: 50_00n, accrued: 0n, used: 0n }]), 50_00n);
});

test('R-INV-1: shortfall when the booked accrual is below the required one; spending outside the categories and overspending are flagged', () => {
  const ok = yearFigures({ carryIn: 0n, required: 495_000_00n, accrued: 495_000_00n, used: 100_00n, usedIneligible: 0n });
  assert.deepEqual([ok.balance, ok.shortfall, ok.flags], ['494900.00', '0.00', { shortfall: false, ineligible: false, overspent: false }]);
  const short = yearFigures({ carryIn: 1000_00n, required: 495_000_00n, accrued: 400_000_00n, used: 401_500_00n, usedIneligible: 2_000_00n });
  assert.deepEqual([short.balance, short.shortfall, short.flags], ['-500.00', '95000.00', { shortfall: true, ineligible: true, overspent: true }]);
  // Not computed yet: no shortfall can be said.
  assert.equal(yearFigures({ carryIn: 0n, required: null, accrued: 0n, used: 0n, usedIneligible: 0n }).flags.shortfall, false);
});
