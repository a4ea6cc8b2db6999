import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emergencyRequirements, type EmergencyProfile, type SizeClass } from '../src/modules/emergency/emergency.requirements';
import { EMERGENCY_RULES } from '../src/modules/emergency/emergency.rule-sets';
import { INDUSTRIES } from '../src/seed/reference-data';

// RULES.md §5 R-EMG-1…3 under the `emergency` rule-set's defaults: every industry of the reference table × {rescue
// organisation, half-yearly drills and their report, 3-year evaluation, review (评审) vs demonstration (论证)}, at a
// small and at a medium size (size decides the part-time option, the evaluation and the review of "other" units); then
// the enterprise flags (hazardous-goods carrier, crowded venue) and the small/micro part-time case.

const rules = EMERGENCY_RULES.defaults;
const T = 'team', P = 'team_or_parttime', N = 'not_required', R = 'review', D = 'demonstration';
type Rescue = typeof T | typeof P | typeof N;
type Review = typeof R | typeof D;

function profileOf(code: string, sizeClass: SizeClass | null, flags: Partial<EmergencyProfile> = {}): EmergencyProfile {
  const i = INDUSTRIES.find((x) => x.code === code)!;
  return { industryCode: code, industryCategories: i.categories, highRisk: i.highRisk, sizeClass, hazardousGoodsCarrier: false, crowdedVenue: false, ...flags };
}

// industry, rescue organisation (small, medium), half-yearly drills, report drills, 3-year evaluation (small, medium), review (small, medium)
const TABLE: [string, Rescue, Rescue, boolean, boolean, boolean, boolean, Review, Review][] = [
  ['hazardous_chemicals', P, T, true, true, true, true, R, R],
  ['non_coal_mining', P, T, true, true, true, true, R, R],
  ['metal_smelting', P, T, true, true, true, true, R, R],
  ['fireworks', P, T, true, true, true, true, R, R],
  ['civil_explosives', P, T, true, true, true, true, R, R],
  ['construction', P, T, true, true, true, true, D, R],
  ['road_transport', N, N, false, false, true, true, D, R],
  ['urban_rail', P, T, true, true, true, true, D, R],
  ['gas', P, T, true, true, true, true, R, R],
  ['fishery', N, N, false, false, false, true, D, R],
  ['machinery', N, N, false, false, false, true, D, R],
  ['light_industry', N, N, false, false, false, true, D, R],
  ['building_materials', N, N, false, false, false, true, D, R],
  ['food_processing', N, N, false, false, false, true, D, R],
  ['commerce', N, N, false, false, false, true, D, R],
  ['warehousing', N, N, false, false, false, true, D, R],
  ['hotel_catering', N, N, false, false, false, true, D, R],
  ['culture_tourism', N, N, false, false, false, true, D, R],
  ['education', N, N, false, false, false, true, D, R],
  ['healthcare', N, N, false, false, false, true, D, R],
];

test('the table covers every industry of the reference data, once', () => {
  assert.deepEqual(TABLE.map((r) => r[0]).sort(), INDUSTRIES.map((i) => i.code).sort());
});

for (const [code, rescueSmall, rescueMedium, drills, report, evalSmall, evalMedium, reviewSmall, reviewMedium] of TABLE) {
  test(`R-EMG-1…3: ${code}`, () => {
    const small = emergencyRequirements(profileOf(code, 'small'), rules);
    const medium = emergencyRequirements(profileOf(code, 'medium'), rules);
    assert.deepEqual(small, { rescueOrganisation: rescueSmall, halfYearlyDrills: drills, reportDrills: report, threeYearEvaluation: evalSmall, planReview: reviewSmall }, `${code} small`);
    assert.deepEqual(medium, { rescueOrganisation: rescueMedium, halfYearlyDrills: drills, reportDrills: report, threeYearEvaluation: evalMedium, planReview: reviewMedium }, `${code} medium`);
  });
}

test('R-EMG-2/3 reference data: fireworks, civil explosives and town gas need a rescue organisation and half-yearly drills', () => {
  for (const code of ['fireworks', 'civil_explosives', 'gas']) {
    const cats = INDUSTRIES.find((i) => i.code === code)!.categories;
    assert.ok(cats.includes('rescue_org') && cats.includes('drill_half_year'), code);
  }
});

test('R-EMG-1…3: a hazardous-goods carrier of any industry has a rescue organisation, drills every half-year and reports, evaluates and reviews', () => {
  const table: [string, SizeClass, Rescue][] = [['road_transport', 'small', P], ['road_transport', 'large', T], ['warehousing', 'micro', P], ['commerce', 'medium', T]];
  for (const [code, size, rescue] of table) {
    assert.deepEqual(emergencyRequirements(profileOf(code, size, { hazardousGoodsCarrier: true }), rules),
      { rescueOrganisation: rescue, halfYearlyDrills: true, reportDrills: true, threeYearEvaluation: true, planReview: R }, `${code} ${size}`);
  }
});

test('R-EMG-2/3: a crowded venue has a rescue organisation and drills every half-year; small ones are still demonstrated, not reviewed', () => {
  const table: [string, SizeClass, Rescue, boolean, Review][] = [
    ['commerce', 'small', P, false, D], ['commerce', 'micro', P, false, D], ['commerce', 'medium', T, true, R],
    ['hotel_catering', 'large', T, true, R], ['culture_tourism', 'small', P, false, D],
  ];
  for (const [code, size, rescue, evaluation, review] of table) {
    assert.deepEqual(emergencyRequirements(profileOf(code, size, { crowdedVenue: true }), rules),
      { rescueOrganisation: rescue, halfYearlyDrills: true, reportDrills: true, threeYearEvaluation: evaluation, planReview: review }, `${code} ${size}`);
  }
});

test('R-EMG-3: small and micro units may name part-time rescuers; large, medium and an unknown size need a team', () => {
  const table: [SizeClass | null, Rescue][] = [['large', T], ['medium', T], ['small', P], ['micro', P], [null, T]];
  for (const [size, rescue] of table) assert.equal(emergencyRequirements(profileOf('hazardous_chemicals', size), rules).rescueOrganisation, rescue, String(size));
  // Not in a rescue sector: nothing is required at any size.
  for (const size of ['large', 'micro'] as const) assert.equal(emergencyRequirements(profileOf('machinery', size), rules).rescueOrganisation, N, size);
});

test('R-EMG-1: an enterprise flagged high-risk in a plain industry evaluates every 3 years; size unknown decides nothing', () => {
  assert.equal(emergencyRequirements(profileOf('machinery', 'small', { highRisk: true }), rules).threeYearEvaluation, true);
  assert.deepEqual(emergencyRequirements(profileOf('machinery', null), rules),
    { rescueOrganisation: N, halfYearlyDrills: false, reportDrills: false, threeYearEvaluation: false, planReview: D });
});

test('[cfg] a district that changes the rules changes the answer (part-time only for micro units; no carriers in the review)', () => {
  const changed = { ...rules, partTimeSizeClasses: ['micro' as const], planReview: { ...rules.planReview, hazardousGoodsCarriers: false } };
  assert.equal(emergencyRequirements(profileOf('gas', 'small'), changed).rescueOrganisation, T);
  assert.equal(emergencyRequirements(profileOf('gas', 'micro'), changed).rescueOrganisation, P);
  assert.equal(emergencyRequirements(profileOf('road_transport', 'small', { hazardousGoodsCarrier: true }), changed).planReview, D);
});
