import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EmploymentForm } from '../../../platform/db/schema';
import { INDUSTRIES } from '../../../seed/reference-data';
import { LIABILITY_DEFAULT_INDUSTRIES } from './insurance.rule-sets';
import {
  checkPolicy, currentPolicy, fen, liabilityMandatory, money, reasonsOfFigures, workInjuryCoverage, type PolicyFacts, type RosterPerson,
} from './insurance.rules';

const person = (id: string, employmentForm: EmploymentForm): RosterPerson => ({ id, name: id, employmentForm, unitName: '一车间' });
const roster = [person('reg', 'regular'), person('dis', 'dispatched'), person('tmp', 'temporary'), person('mig', 'migrant'), person('int', 'intern')];
const policy = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  id: 'p1', status: 'confirmed', startsOn: '2026-01-01', endsOn: '2026-12-31', premiumPaidBy: 'unit',
  people: roster.map((r) => ({ employeeId: r.id, cover: '400000.00' })), ...over,
});

test('R-INS-1 the check, row by row: everyone of every form, same cover, at least the minimum, premium paid by the unit', () => {
  const rows: [string, PolicyFacts | null, string[]][] = [
    ['everyone at exactly 400,000, the unit pays', policy(), []],
    ['no current policy', null, ['NO_POLICY']],
    ['an uninsured dispatched worker', policy({ people: roster.filter((r) => r.id !== 'dis').map((r) => ({ employeeId: r.id, cover: '400000' })) }), ['UNINSURED']],
    ['an uninsured intern', policy({ people: roster.filter((r) => r.id !== 'int').map((r) => ({ employeeId: r.id, cover: '400000' })) }), ['UNINSURED']],
    ['one person at a different cover', policy({ people: roster.map((r, i) => ({ employeeId: r.id, cover: i === 0 ? '500000' : '400000' })) }), ['UNEQUAL_COVER']],
    ['399,999.99 for everyone', policy({ people: roster.map((r) => ({ employeeId: r.id, cover: '399999.99' })) }), ['COVER_BELOW_MINIMUM']],
    ['premium paid by the staff', policy({ premiumPaidBy: 'staff' }), ['PREMIUM_BY_STAFF']],
    ['all of it at once', policy({ premiumPaidBy: 'staff', people: [{ employeeId: 'reg', cover: '100000' }, { employeeId: 'dis', cover: '450000' }] }),
      ['UNINSURED', 'UNEQUAL_COVER', 'COVER_BELOW_MINIMUM', 'PREMIUM_BY_STAFF']],
  ];
  for (const [name, p, reasons] of rows) {
    const r = checkPolicy(p, roster, '400000');
    assert.deepEqual(r.reasons, reasons, name);
    assert.equal(r.compliant, reasons.length === 0, name);
  }
});

test('R-INS-1 an uninsured dispatched worker fails the check and is named', () => {
  const r = checkPolicy(policy({ people: roster.filter((x) => x.employmentForm !== 'dispatched').map((x) => ({ employeeId: x.id, cover: '600000' })) }), roster, '400000');
  assert.equal(r.compliant, false);
  assert.deepEqual(r.uninsured.map((u) => [u.id, u.employmentForm]), [['dis', 'dispatched']]);
  assert.deepEqual(r.cover, { min: '600000.00', max: '600000.00' });
});

test('R-INS-1 [cfg] the minimum cover comes from the rule-set: 500,000 fails a 400,000 policy', () => {
  assert.deepEqual(checkPolicy(policy(), roster, '500000').reasons, ['COVER_BELOW_MINIMUM']);
  assert.deepEqual(checkPolicy(policy(), roster, '400000.01').reasons, ['COVER_BELOW_MINIMUM']);
});

test('the figures the regulators\' list computes in SQL give the same reasons as the full check', () => {
  const cases: PolicyFacts[] = [
    policy(), policy({ premiumPaidBy: 'staff' }), policy({ people: [{ employeeId: 'reg', cover: '1' }, { employeeId: 'dis', cover: '2' }] }),
    policy({ people: [] }), policy({ people: roster.map((r) => ({ employeeId: r.id, cover: '399999.99' })) }),
  ];
  for (const p of cases) {
    const full = checkPolicy(p, roster, '400000');
    const byFigures = reasonsOfFigures({
      hasPolicy: true, uninsured: full.uninsured.length, minCover: full.cover?.min ?? null, maxCover: full.cover?.max ?? null, premiumPaidBy: p.premiumPaidBy,
    }, '400000');
    assert.deepEqual(byFigures, full.reasons, JSON.stringify(p));
  }
  assert.deepEqual(reasonsOfFigures({ hasPolicy: false, uninsured: 5, minCover: null, maxCover: null, premiumPaidBy: 'unit' }, '400000'), ['NO_POLICY']);
});

test('the current policy is confirmed and holds the day (both ends); of two, the one that started last', () => {
  const a = policy({ id: 'a', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const b = policy({ id: 'b', startsOn: '2026-12-01', endsOn: '2027-11-30' });
  const pending = policy({ id: 'c', status: 'pending', startsOn: '2026-01-01', endsOn: '2027-12-31' });
  const rows: [string, string | null][] = [['2025-12-31', null], ['2026-01-01', 'a'], ['2026-11-30', 'a'], ['2026-12-01', 'b'], ['2026-12-31', 'b'], ['2027-11-30', 'b'], ['2027-12-01', null]];
  for (const [day, id] of rows) assert.equal(currentPolicy([a, b, pending], day)?.id ?? null, id, day);
});

test('R-INS-1 [cfg] the default mandatory list is the reference data\'s liability_insurance category: the eight industries of the rule', () => {
  assert.deepEqual([...LIABILITY_DEFAULT_INDUSTRIES].sort(), ['civil_explosives', 'construction', 'fireworks', 'fishery', 'hazardous_chemicals', 'metal_smelting', 'non_coal_mining', 'road_transport']);
  for (const i of INDUSTRIES) {
    assert.equal(liabilityMandatory(i.code, LIABILITY_DEFAULT_INDUSTRIES), i.categories.includes('liability_insurance'), i.code);
  }
});

test('money is exact: fen and the canonical form never go through a float', () => {
  const rows: [string, bigint, string][] = [['0', 0n, '0.00'], ['400000', 40_000_000n, '400000.00'], ['0.1', 10n, '0.10'], ['0.29', 29n, '0.29'], ['999999999999.99', 99_999_999_999_999n, '999999999999.99'], ['007.5', 750n, '7.50']];
  for (const [s, f, m] of rows) {
    assert.equal(fen(s), f, s);
    assert.equal(money(s), m, s);
  }
  for (const bad of ['-1', '1.234', '1e5', '', '１']) assert.throws(() => fen(bad), bad);
});

test('work-injury coverage is covered ÷ all active employees, rounded down to one decimal, with the uncovered listed', () => {
  const r = workInjuryCoverage(roster, new Set(['reg', 'tmp']));
  assert.deepEqual([r.covered, r.total, r.percent, r.uncovered.map((u) => u.id)], [2, 5, 40, ['dis', 'mig', 'int']]);
  assert.equal(workInjuryCoverage(roster.slice(0, 3), new Set(['reg', 'dis'])).percent, 66.6);
  assert.equal(workInjuryCoverage([], new Set()).percent, null);
});
