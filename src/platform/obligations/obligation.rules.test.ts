import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ObligationApplies } from './obligation.definition';
import { applies, type EnterpriseFacts } from './obligation.rules';

const plain: EnterpriseFacts = {
  industryCategories: [], keyIndustry: false, stateOwned: false, highRisk: false, hasWorkersCongress: false, hazardousGoodsCarrier: false,
  crowdedVenue: false, centralProvincial: false, aboveScale: false, sizeClass: 'small',
};

test('an empty condition applies to every enterprise; every condition given must hold', () => {
  assert.equal(applies({}, plain), true);
  assert.equal(applies({ highRisk: true }, plain), false);
  assert.equal(applies({ highRisk: true }, { ...plain, highRisk: true }), true);
  assert.equal(applies({ highRisk: true, stateOwned: true }, { ...plain, highRisk: true }), false);
  assert.equal(applies({ sizeClasses: ['large', 'medium'] }, { ...plain, sizeClass: 'medium' }), true);
  assert.equal(applies({ industryCategories: ['rescue_org'] }, { ...plain, industryCategories: ['drill_half_year', 'rescue_org'] }), true);
});

test('R-STD-1: `anyOf` owes the self-assessment to central/provincial, high-risk or above-scale enterprises — any one is enough', () => {
  const std: ObligationApplies = { anyOf: ['centralProvincial', 'highRisk', 'aboveScale'] };
  const rows: [Partial<EnterpriseFacts>, boolean][] = [
    [{}, false],
    [{ centralProvincial: true }, true],
    [{ highRisk: true }, true],
    [{ aboveScale: true }, true],
    [{ centralProvincial: true, highRisk: true, aboveScale: true }, true],
    [{ stateOwned: true, keyIndustry: true }, false],
  ];
  for (const [over, owes] of rows) assert.equal(applies(std, { ...plain, ...over }), owes, JSON.stringify(over));
  // Together with a condition that must hold.
  assert.equal(applies({ ...std, stateOwned: true }, { ...plain, aboveScale: true }), false);
  assert.equal(applies({ ...std, stateOwned: true }, { ...plain, aboveScale: true, stateOwned: true }), true);
});

test('R-EMG-2: `anyOfCategories` joins `anyOf` — the half-yearly drill is owed by a drill industry, a carrier or a crowded venue', () => {
  const drill: ObligationApplies = { anyOf: ['hazardousGoodsCarrier', 'crowdedVenue'], anyOfCategories: ['drill_half_year'] };
  const rows: [Partial<EnterpriseFacts>, boolean][] = [
    [{}, false],
    [{ industryCategories: ['rescue_org'] }, false],
    [{ industryCategories: ['drill_half_year'] }, true],
    [{ hazardousGoodsCarrier: true }, true],
    [{ crowdedVenue: true }, true],
    [{ highRisk: true, keyIndustry: true }, false],
  ];
  for (const [over, owes] of rows) assert.equal(applies(drill, { ...plain, ...over }), owes, JSON.stringify(over));
  assert.equal(applies({ anyOfCategories: ['drill_half_year'] }, { ...plain, industryCategories: ['drill_half_year'] }), true);
});
