import assert from 'node:assert/strict';
import test from 'node:test';
import { INDUSTRIES } from '../../seed/reference-data';
import {
  deriveEnterpriseAttributes, SIZE_SECTORS, type EnterpriseAttributeRules, type EnterpriseFacts, type SizeClass, type SizeSector,
} from './enterprise-attributes';
import { ENTERPRISE_ATTRIBUTE_RULES } from './enterprise-attributes.rule-sets';

/*
 * RULES.md §8 [cfg]: key industries and the size classes of the national statistical classification
 * (《统计上大中小微型企业划分办法（2017）》), every row of the published table at its bounds ("以上" includes the bound).
 */

const DEFAULTS = ENTERPRISE_ATTRIBUTE_RULES.defaults;
// Every sector row reachable through an industry code of its own, besides the defaults' mapping.
const RULES: EnterpriseAttributeRules = {
  ...DEFAULTS,
  sectorOf: { ...DEFAULTS.sectorOf, ...Object.fromEntries(SIZE_SECTORS.map((s) => [`test_${s}`, s])) },
};

const facts = (over: Partial<EnterpriseFacts> = {}): EnterpriseFacts => ({
  industryCode: 'machinery', employeeCount: 0, annualRevenueWan: null, crowdedVenue: false, hazardousGoodsCarrier: false,
  hasWorkersCongress: false, stateOwned: false, highRisk: false, aboveScale: false, centralProvincial: false, ...over,
});
const sizeOf = (sector: SizeSector, staff: number, revenue: number | null, rules = RULES) => {
  const a = deriveEnterpriseAttributes(facts({ industryCode: `test_${sector}`, employeeCount: staff, annualRevenueWan: revenue }), rules);
  return [a.sizeClass, a.sizeEstimated, a.sizeSector] as const;
};

/**
 * The published table, written out here on its own (not read from the defaults): lower bounds of large, medium and
 * small on staff (人) and revenue (万元); null where the row has no such indicator. `assets`: the row also uses 资产总额,
 * which the platform does not hold, so its classes are estimates.
 */
const TABLE_2017: Record<SizeSector, { name: string; staff: [number, number, number] | null; revenue: [number, number, number] | null; assets: boolean }> = {
  agriculture: { name: '农、林、牧、渔业', staff: null, revenue: [20000, 500, 50], assets: false },
  industry: { name: 'industry', staff: [1000, 300, 20], revenue: [40000, 2000, 300], assets: false },
  building: { name: '建筑业', staff: null, revenue: [80000, 6000, 300], assets: true },
  wholesale: { name: '批发业', staff: [200, 20, 5], revenue: [40000, 5000, 1000], assets: false },
  retail: { name: '零售业', staff: [300, 50, 10], revenue: [20000, 500, 100], assets: false },
  transport: { name: '交通运输业', staff: [1000, 300, 20], revenue: [30000, 3000, 200], assets: false },
  storage: { name: '仓储业', staff: [200, 100, 20], revenue: [30000, 1000, 100], assets: false },
  postal: { name: '邮政业', staff: [1000, 300, 20], revenue: [30000, 2000, 100], assets: false },
  accommodation: { name: '住宿业', staff: [300, 100, 10], revenue: [10000, 2000, 100], assets: false },
  catering: { name: '餐饮业', staff: [300, 100, 10], revenue: [10000, 2000, 100], assets: false },
  telecom: { name: '信息传输业', staff: [2000, 100, 10], revenue: [100000, 1000, 100], assets: false },
  software: { name: '软件和信息技术服务业', staff: [300, 100, 10], revenue: [10000, 1000, 50], assets: false },
  realEstate: { name: '房地产开发经营', staff: null, revenue: [200000, 1000, 100], assets: true },
  propertyManagement: { name: '物业管理', staff: [1000, 300, 100], revenue: [5000, 1000, 500], assets: false },
  leasing: { name: '租赁和商务服务业', staff: [300, 100, 10], revenue: null, assets: true },
  other: { name: '其他未列明行业', staff: [300, 100, 10], revenue: null, assets: false },
};
const CLASSES: readonly SizeClass[] = ['large', 'medium', 'small', 'micro'];
const OTHER_STAFF = TABLE_2017.other.staff!;

test('RULES §8: the shipped size table is the 2017 table, row by row, each row with its source', () => {
  assert.deepEqual(Object.keys(DEFAULTS.sizeClasses).sort(), [...SIZE_SECTORS].sort());
  for (const [sector, r] of Object.entries(TABLE_2017) as [SizeSector, (typeof TABLE_2017)[SizeSector]][]) {
    const row = DEFAULTS.sizeClasses[sector];
    assert.deepEqual([row.staffLarge, row.staffMedium, row.staffSmall], r.staff ?? [0, 0, 0], `${sector} staff`);
    assert.deepEqual([row.revenueLarge, row.revenueMedium, row.revenueSmall], r.revenue ?? [0, 0, 0], `${sector} revenue`);
    assert.equal(row.assetsIndicator, r.assets, `${sector} assets`);
    assert.match(row.source, /统计上大中小微型企业划分办法（2017）/, `${sector} source`);
  }
});

// Every row at every bound: at the bound on each indicator it is that class; one person or 0.01 万元 below on either
// indicator, it falls one class ("须同时满足所列指标的下限，否则下划一档"); below the small bound on one is micro.
for (const [sector, r] of Object.entries(TABLE_2017) as [SizeSector, (typeof TABLE_2017)[SizeSector]][]) {
  const estimated = r.assets;
  for (const k of [0, 1, 2] as const) {
    const staff = r.staff?.[k] ?? 0;
    const revenue = r.revenue ? r.revenue[k] : null;
    const name = `${r.name} ${staff} staff and ${revenue ?? '—'}万`;
    test(`RULES §8: ${name} is ${CLASSES[k]}`, () => {
      assert.deepEqual(sizeOf(sector, staff, revenue), [CLASSES[k], estimated, sector]);
    });
    if (r.staff) {
      test(`RULES §8: ${r.name} ${staff - 1} staff and ${revenue ?? '—'}万 is ${CLASSES[k + 1]}`, () => {
        assert.deepEqual(sizeOf(sector, staff - 1, revenue), [CLASSES[k + 1], estimated, sector]);
      });
    }
    if (r.revenue) {
      const below = Math.round((r.revenue[k] - 0.01) * 100) / 100;
      test(`RULES §8: ${r.name} ${staff} staff and ${below}万 is ${CLASSES[k + 1]}`, () => {
        assert.deepEqual(sizeOf(sector, staff, below), [CLASSES[k + 1], estimated, sector]);
      });
    }
  }
  test(`RULES §8: ${r.name} above every bound is large, with nothing at all micro`, () => {
    assert.deepEqual(sizeOf(sector, 10_000_000, r.revenue ? 9_999_999 : null), ['large', estimated, sector]);
    assert.deepEqual(sizeOf(sector, 0, r.revenue ? 0 : null), ['micro', estimated, sector]);
  });
  if (r.staff && r.revenue) {
    // Large on staff, micro on revenue: "微型企业只须满足所列指标中的一项即可".
    test(`RULES §8: ${r.name} large on staff but below the small revenue bound is micro`, () => {
      assert.deepEqual(sizeOf(sector, r.staff![0], r.revenue![2] - 1), ['micro', estimated, sector]);
      assert.deepEqual(sizeOf(sector, r.staff![2] - 1, r.revenue![0]), ['micro', estimated, sector]);
    });
  }
  if (r.revenue) {
    test(`RULES §8: ${r.name} without declared revenue is classed on staff alone and marked estimated`, () => {
      const staff = r.staff ?? OTHER_STAFF;
      for (const k of [0, 1, 2] as const) {
        assert.deepEqual(sizeOf(sector, staff[k], null), [CLASSES[k], true, sector], `${staff[k]} staff`);
        assert.deepEqual(sizeOf(sector, staff[k] - 1, null), [CLASSES[k + 1], true, sector], `${staff[k] - 1} staff`);
      }
    });
  }
}

test('RULES §8: industry 1000 staff and 40000万 is large; 999 staff or 39999.99万 is medium', () => {
  assert.deepEqual(sizeOf('industry', 1000, 40000), ['large', false, 'industry']);
  assert.deepEqual(sizeOf('industry', 999, 40000), ['medium', false, 'industry']);
  assert.deepEqual(sizeOf('industry', 1000, 39999.99), ['medium', false, 'industry']);
  assert.deepEqual(sizeOf('industry', 20, 300), ['small', false, 'industry']);
  assert.deepEqual(sizeOf('industry', 19, 300), ['micro', false, 'industry']);
});

test('RULES §8: the industries map to their 2017 rows; education and health lie outside it and are estimated on staff', () => {
  const sector = (industryCode: string, staff = 50, revenue: number | null = 1000) => {
    const a = deriveEnterpriseAttributes(facts({ industryCode, employeeCount: staff, annualRevenueWan: revenue }), DEFAULTS);
    return [a.sizeSector, a.sizeEstimated];
  };
  const expected: Record<string, SizeSector> = {
    hazardous_chemicals: 'industry', non_coal_mining: 'industry', metal_smelting: 'industry', fireworks: 'industry', civil_explosives: 'industry',
    construction: 'building', road_transport: 'transport', urban_rail: 'transport', gas: 'industry', fishery: 'agriculture',
    machinery: 'industry', light_industry: 'industry', building_materials: 'industry', food_processing: 'industry', commerce: 'retail',
    warehousing: 'storage', hotel_catering: 'accommodation', culture_tourism: 'other', education: 'other', healthcare: 'other',
  };
  assert.deepEqual(INDUSTRIES.map((i) => i.code).sort(), Object.keys(expected).sort(), 'every industry of the reference table');
  for (const [code, s] of Object.entries(expected)) {
    assert.deepEqual(sector(code), [s, code === 'construction' || code === 'education' || code === 'healthcare'], code);
  }
  // A hospital of 300 staff is estimated large on the `other` row; 299 medium.
  const hospital = (staff: number) => deriveEnterpriseAttributes(facts({ industryCode: 'healthcare', employeeCount: staff, annualRevenueWan: 99999 }), DEFAULTS);
  assert.deepEqual([hospital(300).sizeClass, hospital(299).sizeClass, hospital(300).sizeEstimated], ['large', 'medium', true]);
  // An industry code the rule-set does not know is sized on the `other` row.
  assert.equal(deriveEnterpriseAttributes(facts({ industryCode: 'unknown_code', employeeCount: 100 }), DEFAULTS).sizeSector, 'other');
});

// The key industries of RULES.md §8, written out: mining, hazardous chemicals, fireworks, civil explosives, metal
// smelting, construction, road transport, urban rail, town gas.
const KEY = new Set(['non_coal_mining', 'hazardous_chemicals', 'fireworks', 'civil_explosives', 'metal_smelting', 'construction', 'road_transport', 'urban_rail', 'gas']);

for (const { code, name } of INDUSTRIES) {
  test(`RULES §8: ${name} (${code}) ${KEY.has(code) ? 'is' : 'is not'} a key industry`, () => {
    const a = deriveEnterpriseAttributes(facts({ industryCode: code }), DEFAULTS);
    assert.equal(a.keyIndustry, KEY.has(code));
    assert.deepEqual(a.keyIndustryBy, KEY.has(code) ? ['industry'] : []);
  });
}

test('RULES §8: a crowded venue is a key-industry enterprise whatever its industry', () => {
  for (const code of ['commerce', 'education', 'healthcare', 'hotel_catering', 'culture_tourism']) {
    const a = deriveEnterpriseAttributes(facts({ industryCode: code, crowdedVenue: true }), DEFAULTS);
    assert.deepEqual([a.keyIndustry, a.keyIndustryBy], [true, ['crowdedVenue']], code);
  }
  const off = deriveEnterpriseAttributes(facts({ industryCode: 'commerce', crowdedVenue: true }), { ...DEFAULTS, crowdedVenueIsKey: false });
  assert.deepEqual([off.keyIndustry, off.crowdedVenue], [false, true], 'the district may switch the override off');
});

test('RULES §8: a hazardous-goods carrier is a key-industry enterprise whatever its industry', () => {
  const carrier = deriveEnterpriseAttributes(facts({ industryCode: 'warehousing', hazardousGoodsCarrier: true }), DEFAULTS);
  assert.deepEqual([carrier.keyIndustry, carrier.keyIndustryBy, carrier.hazardousGoodsCarrier], [true, ['hazardousGoodsCarrier'], true]);
  const both = deriveEnterpriseAttributes(facts({ industryCode: 'road_transport', hazardousGoodsCarrier: true, crowdedVenue: true }), DEFAULTS);
  assert.deepEqual(both.keyIndustryBy, ['industry', 'crowdedVenue', 'hazardousGoodsCarrier']);
  const off = deriveEnterpriseAttributes(facts({ industryCode: 'warehousing', hazardousGoodsCarrier: true }), { ...DEFAULTS, hazardousGoodsCarrierIsKey: false });
  assert.equal(off.keyIndustry, false);
  const unlisted = deriveEnterpriseAttributes(facts({ industryCode: 'road_transport' }), { ...DEFAULTS, keyIndustries: ['gas'] });
  assert.equal(unlisted.keyIndustry, false, 'the district may narrow the list');
});

test('RULES §8: the flags the rules read pass through, with the industry categories', () => {
  const a = deriveEnterpriseAttributes(facts({
    industryCode: 'hazardous_chemicals', industryCategories: ['rescue_org', 'drill_half_year'], employeeCount: 28, annualRevenueWan: 8600,
    hasWorkersCongress: true, stateOwned: true, highRisk: true, aboveScale: true, centralProvincial: true,
  }), DEFAULTS);
  assert.deepEqual(a, {
    keyIndustry: true, keyIndustryBy: ['industry'], sizeClass: 'small', sizeEstimated: false, sizeSector: 'industry',
    hazardousGoodsCarrier: false, hasWorkersCongress: true, stateOwned: true, highRisk: true, aboveScale: true, centralProvincial: true,
    crowdedVenue: false, industryCode: 'hazardous_chemicals', industryCategories: ['rescue_org', 'drill_half_year'],
  });
});

test('RULES §8: the rule-set refuses bounds that do not decrease, a row with no indicator, and an `other` row without staff', () => {
  const parse = (sizeClasses: object) => ENTERPRISE_ATTRIBUTE_RULES.schema.safeParse({ ...DEFAULTS, sizeClasses: { ...DEFAULTS.sizeClasses, ...sizeClasses } });
  const issues = (sizeClasses: object) => {
    const r = parse(sizeClasses);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  assert.equal(parse({}).success, true);
  assert.deepEqual(issues({ industry: { ...DEFAULTS.sizeClasses.industry, staffMedium: 1000 } }), [['sizeClasses.industry.staffSmall', 'enterpriseAttributes.rules.staffBounds']]);
  assert.deepEqual(issues({ retail: { ...DEFAULTS.sizeClasses.retail, revenueSmall: 0 } }), [['sizeClasses.retail.revenueSmall', 'enterpriseAttributes.rules.revenueBounds']]);
  assert.deepEqual(issues({ retail: { ...DEFAULTS.sizeClasses.retail, staffLarge: 0, staffMedium: 0, staffSmall: 0, revenueLarge: 0, revenueMedium: 0, revenueSmall: 0 } }),
    [['sizeClasses.retail', 'enterpriseAttributes.rules.noIndicator']]);
  assert.deepEqual(issues({ other: { ...DEFAULTS.sizeClasses.other, staffLarge: 0, staffMedium: 0, staffSmall: 0, revenueLarge: 300, revenueMedium: 200, revenueSmall: 100 } }),
    [['sizeClasses.other.staffSmall', 'enterpriseAttributes.rules.otherNeedsStaff']]);
  // A stored mapping missing an industry (added to the reference table later) reads that industry's default row.
  const { gas: _gas, ...withoutGas } = DEFAULTS.sectorOf;
  const parsed = ENTERPRISE_ATTRIBUTE_RULES.schema.parse({ ...DEFAULTS, sectorOf: withoutGas });
  assert.equal(parsed.sectorOf.gas, 'industry');
  assert.equal(ENTERPRISE_ATTRIBUTE_RULES.schema.safeParse({ ...DEFAULTS, keyIndustries: ['no_such_industry'] }).success, false);
});
