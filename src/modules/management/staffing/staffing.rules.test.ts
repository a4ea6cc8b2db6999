import assert from 'node:assert/strict';
import test from 'node:test';
import { INDUSTRIES } from '../../../seed/reference-data';
import { STAFFING_RULES } from './staffing.rule-sets';
import { checkStaffing, percentCeil, shortfallText, type StaffingFacts } from './staffing.rules';

/*
 * R-TEAM-1/2 [cfg] with the shipped defaults of the `safety-staffing` rule-set: every industry row of the reference
 * data at 100 and 101 employees ("> 100" means 101 or more), and the engineer and full-time ratios at their edges.
 */

const RULES = STAFFING_RULES.defaults;

/**
 * RULES.md §2, written out by hand: R-TEAM-1 industries that need a department or full-time staff at any size (mining,
 * metal smelting, construction, every transport unit and loader, hazardous-goods producers/traders/storers), and
 * R-TEAM-2 engineers — the law's set mandatory, the seed's "配足" set advised.
 */
const TABLE: Record<string, { team: boolean; engineer: 'mandatory' | 'advised' | 'none' }> = {
  hazardous_chemicals: { team: true, engineer: 'mandatory' },
  non_coal_mining: { team: true, engineer: 'mandatory' },
  metal_smelting: { team: true, engineer: 'mandatory' },
  fireworks: { team: true, engineer: 'mandatory' },
  civil_explosives: { team: true, engineer: 'mandatory' },
  construction: { team: true, engineer: 'advised' },
  road_transport: { team: true, engineer: 'advised' },
  urban_rail: { team: true, engineer: 'none' },
  gas: { team: true, engineer: 'advised' },
  fishery: { team: false, engineer: 'none' },
  machinery: { team: false, engineer: 'none' },
  light_industry: { team: false, engineer: 'none' },
  building_materials: { team: false, engineer: 'none' },
  food_processing: { team: false, engineer: 'none' },
  commerce: { team: false, engineer: 'none' },
  warehousing: { team: true, engineer: 'none' },
  hotel_catering: { team: false, engineer: 'none' },
  culture_tourism: { team: false, engineer: 'none' },
  education: { team: false, engineer: 'none' },
  healthcare: { team: false, engineer: 'none' },
};

const facts = (over: Partial<StaffingFacts>): StaffingFacts => ({
  industryCode: 'machinery', hazardousGoodsCarrier: false, headcount: 10, department: false, fullTime: 0, partTime: 0, engineers: 0, ...over,
});
const codes = (f: StaffingFacts) => checkStaffing(RULES, f).shortfalls.map((s) => `${s.code}:${s.count}:${s.severity}`);

test('the table names every industry of the reference data, and nothing else', () => {
  assert.deepEqual(Object.keys(TABLE).sort(), INDUSTRIES.map((i) => i.code).sort());
});

for (const industry of INDUSTRIES) {
  const row = TABLE[industry.code]!;
  // Enough engineers that R-TEAM-2 stays out of the R-TEAM-1 rows; the hazardous-chemical full-time ratio is its own rule.
  const chem = industry.code === 'hazardous_chemicals';
  for (const headcount of [100, 101]) {
    const needsTeam = row.team || headcount > 100;
    test(`R-TEAM-1 ${industry.code} (${industry.name}) at ${headcount} employees: ${needsTeam ? 'department or full-time staff' : 'full-time or part-time staff'}`, () => {
      const ftNeed = chem ? percentCeil(headcount, 2) : 0;
      // One part-time officer only.
      const partOnly = facts({ industryCode: industry.code, headcount, partTime: 1, engineers: 5 });
      const expectPart = chem ? [`FULL_TIME_STAFF:${ftNeed}:required`] : needsTeam ? ['DEPARTMENT_OR_FULL_TIME:1:required'] : [];
      assert.deepEqual(codes(partOnly), expectPart);
      assert.equal(checkStaffing(RULES, partOnly).compliant, expectPart.length === 0);
      // A department and nobody named: enough where a department is asked; not where staff are.
      const deptOnly = facts({ industryCode: industry.code, headcount, department: true, engineers: 5 });
      assert.deepEqual(codes(deptOnly), chem ? [`FULL_TIME_STAFF:${ftNeed}:required`] : needsTeam ? [] : ['SAFETY_STAFF:1:required']);
      // One full-time officer meets R-TEAM-1 everywhere (and the chemical ratio only from its bound).
      const oneFull = facts({ industryCode: industry.code, headcount, fullTime: 1, engineers: 5 });
      assert.deepEqual(codes(oneFull), chem ? [`FULL_TIME_STAFF:${ftNeed - 1}:required`] : []);
      // Nobody at all.
      const none = facts({ industryCode: industry.code, headcount, engineers: 5 });
      assert.deepEqual(codes(none), chem ? [`FULL_TIME_STAFF:${ftNeed}:required`] : needsTeam ? ['DEPARTMENT_OR_FULL_TIME:1:required'] : ['SAFETY_STAFF:1:required']);
    });
    test(`R-TEAM-2 ${industry.code} (${industry.name}) at ${headcount} employees: registered engineer ${row.engineer}`, () => {
      const staffed = facts({ industryCode: industry.code, headcount, fullTime: 3, department: true, engineers: 0 });
      const check = checkStaffing(RULES, staffed);
      const expect = row.engineer === 'none' ? [] : [`ENGINEER:1:${row.engineer === 'mandatory' ? 'required' : 'advised'}`];
      assert.deepEqual(codes(staffed), expect);
      assert.equal(check.compliant, row.engineer !== 'mandatory');
      assert.deepEqual(codes({ ...staffed, engineers: 1 }), []);
    });
  }
}

test('R-TEAM-1: a hazardous-goods carrier is a transport unit whatever its industry', () => {
  assert.deepEqual(codes(facts({ industryCode: 'machinery', hazardousGoodsCarrier: true, headcount: 20, partTime: 1 })), ['DEPARTMENT_OR_FULL_TIME:1:required']);
  assert.equal(checkStaffing(RULES, facts({ hazardousGoodsCarrier: true, headcount: 20 })).teamBasis, 'carrier');
  assert.deepEqual(codes(facts({ industryCode: 'machinery', hazardousGoodsCarrier: false, headcount: 20, partTime: 1 })), []);
});

test('R-TEAM-2 ratio: hazardous-chemical full-time staff ≥ 2% of headcount, at least 1 below 50', () => {
  const need = (headcount: number) => checkStaffing(RULES, facts({ industryCode: 'hazardous_chemicals', headcount, engineers: 9 })).required.fullTime;
  assert.deepEqual([0, 1, 49, 50, 51, 100, 101, 150, 151, 1000, 1001].map(need), [1, 1, 1, 1, 2, 2, 3, 3, 4, 20, 21]);
  // Other industries are not asked for a share.
  assert.equal(checkStaffing(RULES, facts({ industryCode: 'non_coal_mining', headcount: 1000, engineers: 9 })).required.fullTime, 0);
  assert.deepEqual(codes(facts({ industryCode: 'hazardous_chemicals', headcount: 51, fullTime: 1, engineers: 1 })), ['FULL_TIME_STAFF:1:required']);
  assert.deepEqual(codes(facts({ industryCode: 'hazardous_chemicals', headcount: 51, fullTime: 2, engineers: 1 })), []);
});

test('R-TEAM-2 ratio: ≥ 300-staff mining, construction and hazardous units have engineers ≥ 15% of safety staff, at least 1 while staff ≤ 7', () => {
  const need = (industryCode: string, headcount: number, staff: number) =>
    checkStaffing(RULES, facts({ industryCode, headcount, fullTime: staff, department: true })).required.engineers;
  // Below 300 employees only the law's "at least one" of the mandatory industries.
  assert.deepEqual([need('non_coal_mining', 299, 20), need('construction', 299, 20)], [1, 0]);
  // At 300: 1 while the safety staff are 7 or fewer, then ceil(15%): 8 → 2 (1.2), 13 → 2 (1.95), 14 → 3 (2.1), 20 → 3.
  assert.deepEqual([0, 1, 7, 8, 13, 14, 20].map((s) => need('non_coal_mining', 300, s)), [1, 1, 1, 2, 2, 3, 3]);
  assert.deepEqual([7, 8, 20].map((s) => need('construction', 300, s)), [1, 2, 3]);
  assert.deepEqual([7, 20].map((s) => need('fireworks', 300, s)), [1, 3]);
  // Metal smelting and the advised-only industries outside the ratio's list keep their base requirement.
  assert.deepEqual([need('metal_smelting', 300, 20), need('road_transport', 300, 20)], [1, 0]);
  // At 300 the ratio makes a construction firm's missing engineer a breach, not advice.
  const construction = facts({ industryCode: 'construction', headcount: 300, fullTime: 8, department: true, engineers: 1 });
  assert.deepEqual(codes(construction), ['ENGINEER:1:required']);
  assert.equal(checkStaffing(RULES, construction).compliant, false);
  assert.deepEqual(codes({ ...construction, headcount: 299 }), []);
  // Part-time safety staff count toward the safety staff the share is taken of.
  assert.equal(checkStaffing(RULES, facts({ industryCode: 'non_coal_mining', headcount: 300, fullTime: 4, partTime: 4 })).required.engineers, 2);
});

test('[cfg] a district that lowers the size threshold to 50 asks department or full-time staff from 51 employees', () => {
  const rules = { ...RULES, sizeThreshold: 50 };
  assert.deepEqual(checkStaffing(rules, facts({ headcount: 50, partTime: 1 })).shortfalls, []);
  assert.deepEqual(checkStaffing(rules, facts({ headcount: 51, partTime: 1 })).shortfalls.map((s) => s.code), ['DEPARTMENT_OR_FULL_TIME']);
});

test('shortfalls read as sentences in Chinese and English', () => {
  const s = (code: 'DEPARTMENT_OR_FULL_TIME' | 'SAFETY_STAFF' | 'FULL_TIME_STAFF' | 'ENGINEER', count: number, severity: 'required' | 'advised' = 'required') =>
    ({ code, count, severity, rule: 'R-TEAM-1' as const });
  assert.equal(shortfallText(s('FULL_TIME_STAFF', 1), 'zh-CN'), '还需配备 1 名专职安全生产管理人员');
  assert.equal(shortfallText(s('ENGINEER', 1), 'zh-CN'), '还需配备 1 名注册安全工程师');
  assert.equal(shortfallText(s('ENGINEER', 1, 'advised'), 'zh-CN'), '还需配备 1 名注册安全工程师（建议配足）');
  assert.equal(shortfallText(s('SAFETY_STAFF', 1), 'zh-CN'), '还需配备 1 名专职或兼职安全生产管理人员');
  assert.equal(shortfallText(s('DEPARTMENT_OR_FULL_TIME', 1), 'zh-CN'), '还需设置安全生产管理机构或配备 1 名专职安全生产管理人员');
  assert.equal(shortfallText(s('FULL_TIME_STAFF', 1), 'en-US'), 'Needs 1 more full-time safety officer');
  assert.equal(shortfallText(s('FULL_TIME_STAFF', 3), 'en-US'), 'Needs 3 more full-time safety officers');
  assert.equal(shortfallText(s('ENGINEER', 2), 'en-US'), 'Needs 2 more registered safety engineers');
});
