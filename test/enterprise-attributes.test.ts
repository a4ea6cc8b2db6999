import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  deriveEnterpriseAttributes, ENTERPRISE_ATTRIBUTE_RULES, enterpriseAttributesIn, enterpriseAttributesOf, keyIndustryWhere,
} from '../src/modules/org';
import { systemScope } from '../src/platform/db/scope';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

/*
 * RULES.md §8 (issue 11 §1): the enterprise attributes the rules read are edited on the enterprise's profile, and the
 * derived ones (key industry, size class) come back with it, under the district's `enterprise-attributes` rule-set.
 */

let t: TestPlatform;
let admin: Client;
let chem: FreshEnterprise;
let site: FreshEnterprise;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-05-01T01:00:00Z');
  admin = await t.login('admin');
  // In 关上街道 (the first subdistrict), a hazardous-chemicals enterprise the 应急局 supervises; a building site the 住建局 does.
  chem = await makeEnterprise(t);
  site = await makeEnterprise(t, { industryCode: 'construction' });
});
after(async () => { await t.close(); });

type Detail = {
  annualRevenueWan: number | null; hazardousGoodsCarrier: boolean; hasWorkersCongress: boolean; actualController: string; onboardedOn: string | null;
  employeeCount: number; version: number;
  attributes: { keyIndustry: boolean; keyIndustryBy: string[]; sizeClass: string; sizeEstimated: boolean; sizeSector: string; ruleSetVersion: number };
};
const detail = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/enterprises/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.data as Detail;
};
const patch = async (c: Client, id: string, body: object) => {
  const { version } = await detail(admin, id);
  return c.patch(`/api/v1/enterprises/${id}`, { ...body, version });
};

test('a new enterprise joins the platform today (local date), with no revenue declared: its size class is an estimate', async () => {
  const d = await detail(admin, chem.id);
  assert.deepEqual(
    [d.onboardedOn, d.annualRevenueWan, d.hazardousGoodsCarrier, d.hasWorkersCongress, d.actualController],
    ['2026-05-01', null, false, false, ''],
  );
  assert.deepEqual(d.attributes, { keyIndustry: true, keyIndustryBy: ['industry'], sizeClass: 'micro', sizeEstimated: true, sizeSector: 'industry', ruleSetVersion: 0 });
});

test('the enterprise edits its §8 facts and reads them back with the attributes derived from them', async () => {
  const principal = await chem.login('principal');
  const res = await patch(principal, chem.id, {
    employeeCount: 320, annualRevenueWan: 2000.5, hazardousGoodsCarrier: true, hasWorkersCongress: true, actualController: '  云南官渡化工集团有限公司 ',
  });
  assert.equal(res.statusCode, 200, res.body);
  const d = await detail(principal, chem.id);
  assert.deepEqual(
    [d.employeeCount, d.annualRevenueWan, d.hazardousGoodsCarrier, d.hasWorkersCongress, d.actualController],
    [320, 2000.5, true, true, '云南官渡化工集团有限公司'],
  );
  // 工业: 300 staff and 2000万 and up is medium.
  assert.deepEqual(d.attributes, { keyIndustry: true, keyIndustryBy: ['industry', 'hazardousGoodsCarrier'], sizeClass: 'medium', sizeEstimated: false, sizeSector: 'industry', ruleSetVersion: 0 });
  const stored = await t.db.selectFrom('enterprises').select(['annual_revenue_wan', 'has_workers_congress']).where('id', '=', chem.id).executeTakeFirstOrThrow();
  assert.deepEqual(stored, { annual_revenue_wan: '2000.50', has_workers_congress: true });
  const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', chem.id).where('action', '=', 'enterprise.update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal((audit.after as { actual_controller: string }).actual_controller, '云南官渡化工集团有限公司');

  // Revenue withdrawn: classed on staff alone, estimated. Just below the revenue bound: small.
  assert.equal((await patch(principal, chem.id, { annualRevenueWan: null })).statusCode, 200);
  assert.deepEqual(((await detail(principal, chem.id)).attributes), { keyIndustry: true, keyIndustryBy: ['industry', 'hazardousGoodsCarrier'], sizeClass: 'medium', sizeEstimated: true, sizeSector: 'industry', ruleSetVersion: 0 });
  assert.equal((await patch(principal, chem.id, { annualRevenueWan: 1999.99 })).statusCode, 200);
  assert.equal((await detail(principal, chem.id)).attributes.sizeClass, 'small');
});

test('bad §8 facts are 400s naming their fields, in words people use; nothing is saved', async () => {
  const principal = await chem.login('principal');
  const before = await detail(admin, chem.id);
  const cases: [object, string, string, string][] = [
    [{ annualRevenueWan: -1 }, 'body.annualRevenueWan', '不能小于 0', 'At least 0'],
    [{ annualRevenueWan: 12.345 }, 'body.annualRevenueWan', '营业收入以万元为单位，最多保留两位小数', 'Revenue is in 10,000 CNY with at most two decimals'],
    [{ annualRevenueWan: '100' }, 'body.annualRevenueWan', '', ''],
    [{ actualController: '控'.repeat(101) }, 'body.actualController', '不能超过 100 个字', 'At most 100 characters'],
    [{ hasWorkersCongress: 'yes' }, 'body.hasWorkersCongress', '', ''],
  ];
  for (const [body, path, zh, en] of cases) {
    const res = await principal.patch(`/api/v1/enterprises/${chem.id}`, { ...body, version: before.version });
    assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
    assert.equal(res.data.error.code, 'VALIDATION');
    const issue = (res.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path);
    assert.ok(issue, `${path} in ${res.body}`);
    if (zh) assert.equal(issue.message, zh);
    if (en) {
      const english = await principal.request('PATCH', `/api/v1/enterprises/${chem.id}`, { ...body, version: before.version }, { 'accept-language': 'en-US' });
      assert.equal((english.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path)?.message, en);
    }
  }
  // The date it joined decides from when its obligations run: the district's to set, never in the future.
  const own = await principal.patch(`/api/v1/enterprises/${chem.id}`, { onboardedOn: '2026-01-01', version: before.version });
  assert.equal(own.statusCode, 403, own.body);
  const future = await admin.patch(`/api/v1/enterprises/${chem.id}`, { onboardedOn: '2026-05-02', version: before.version });
  assert.deepEqual([future.statusCode, future.data.error.issues[0]?.path, future.data.error.issues[0]?.message], [400, 'body.onboardedOn', '纳入平台日期不能晚于今天']);
  const badDay = await admin.patch(`/api/v1/enterprises/${chem.id}`, { onboardedOn: '2026-02-30', version: before.version });
  assert.deepEqual([badDay.statusCode, badDay.data.error.issues[0]?.path], [400, 'body.onboardedOn']);
  assert.deepEqual(await detail(admin, chem.id), before, 'nothing changed');

  const moved = await admin.patch(`/api/v1/enterprises/${chem.id}`, { onboardedOn: '2026-01-01', version: before.version });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.data.onboardedOn, '2026-01-01');
});

test('the district admin registers an enterprise with its §8 facts; bad ones are refused at their fields', async () => {
  const { makeCreditCode } = await import('../src/seed/demo');
  const sub = await t.db.selectFrom('subdistricts').select('id').orderBy('code').executeTakeFirstOrThrow();
  const body = { name: '昆明测试物流有限公司', subdistrictId: sub.id, industryCode: 'warehousing', employeeCount: 150 };
  const bad = await admin.post('/api/v1/enterprises', { ...body, creditCode: makeCreditCode(7001), annualRevenueWan: 0.001, actualController: 'x'.repeat(101) });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual((bad.data.error.issues as { path: string }[]).map((i) => i.path).sort(), ['body.actualController', 'body.annualRevenueWan']);
  const res = await admin.post('/api/v1/enterprises', { ...body, creditCode: makeCreditCode(7001), annualRevenueWan: 1000, hazardousGoodsCarrier: true, onboardedOn: '2025-09-01' });
  assert.equal(res.statusCode, 201, res.body);
  // 仓储业: 100 staff and 1000万 is medium; a carrier is a key-industry enterprise whatever its industry.
  assert.deepEqual([res.data.onboardedOn, res.data.annualRevenueWan, res.data.attributes.sizeClass, res.data.attributes.keyIndustryBy], ['2025-09-01', 1000, 'medium', ['hazardousGoodsCarrier']]);
});

test('regulators read the attributes of enterprises in their scope; outside it the enterprise is not found', async () => {
  const zjj = await t.login('zjj');
  const guanshang = await t.login('guanshang');
  const seen = await zjj.get(`/api/v1/enterprises/${site.id}`);
  assert.equal(seen.statusCode, 200, seen.body);
  // 建筑业 is sized on revenue and total assets; no revenue declared: estimated on the staff of other industries.
  assert.deepEqual(seen.data.attributes, { keyIndustry: true, keyIndustryBy: ['industry'], sizeClass: 'micro', sizeEstimated: true, sizeSector: 'building', ruleSetVersion: 0 });
  assert.equal(seen.data.abilities.canEdit, false);
  assert.equal((await zjj.get(`/api/v1/enterprises/${chem.id}`)).statusCode, 404, '住建局 does not supervise hazardous chemicals');

  const local = await guanshang.get(`/api/v1/enterprises/${chem.id}`);
  assert.equal(local.statusCode, 200, local.body);
  assert.equal(local.data.attributes.keyIndustry, true);
  assert.equal((await guanshang.patch(`/api/v1/enterprises/${chem.id}`, { hasWorkersCongress: false, version: local.data.version })).statusCode, 403, 'regulators read only');
  const elsewhere = await t.db.selectFrom('enterprises as e').innerJoin('subdistricts as s', 's.id', 'e.subdistrict_id')
    .select('e.id').where('s.name', '<>', '关上街道').orderBy('e.credit_code').executeTakeFirstOrThrow();
  assert.equal((await guanshang.get(`/api/v1/enterprises/${elsewhere.id}`)).statusCode, 404);

  // The helper other modules call answers for the scope it is given, and null outside it.
  const zjjScope = { kind: 'department', departmentId: (await t.db.selectFrom('users').select('department_id').where('username', '=', 'zjj').executeTakeFirstOrThrow()).department_id! } as const;
  assert.equal((await enterpriseAttributesOf(t.db, zjjScope, site.id))?.sizeSector, 'building');
  assert.equal(await enterpriseAttributesOf(t.db, zjjScope, chem.id), null);
});

test('the admin edits the rule-set: the derived class and key industry change at once, with the version that decided them', async () => {
  const principal = await chem.login('principal');
  assert.equal((await patch(principal, chem.id, { employeeCount: 250, annualRevenueWan: 5000, hazardousGoodsCarrier: false })).statusCode, 200);
  assert.deepEqual((await detail(principal, chem.id)).attributes.sizeClass, 'small');

  const shown = await admin.get('/api/v1/rules/enterprise-attributes');
  assert.equal(shown.statusCode, 200, shown.body);
  assert.equal(shown.data.title, '企业属性（重点行业与企业规模）');
  assert.equal(shown.data.fields['sizeClasses.industry.staffLarge'], '大型：从业人员（人）以上');
  assert.equal(shown.data.fields['@hazardous_chemicals'], '危险化学品');
  const value = shown.data.current.value as typeof ENTERPRISE_ATTRIBUTE_RULES.defaults;
  assert.deepEqual(value, JSON.parse(JSON.stringify(ENTERPRISE_ATTRIBUTE_RULES.defaults)));

  const bad = await admin.put('/api/v1/rules/enterprise-attributes', { value: { ...value, sizeClasses: { ...value.sizeClasses, industry: { ...value.sizeClasses.industry, staffMedium: 5000 } } } });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(bad.data.error.issues, [{ path: 'body.value.sizeClasses.industry.staffSmall', message: '从业人员下限须依次递减（大型 > 中型 > 小型 > 0）；不用此指标时三项都填 0' }]);

  const next = {
    ...value,
    keyIndustries: value.keyIndustries.filter((c) => c !== 'hazardous_chemicals'),
    sizeClasses: { ...value.sizeClasses, industry: { ...value.sizeClasses.industry, staffMedium: 200 } },
  };
  const saved = await admin.put('/api/v1/rules/enterprise-attributes', { value: next, note: '本区工业中型企业从 200 人起', baseVersion: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual((await detail(principal, chem.id)).attributes, { keyIndustry: false, keyIndustryBy: [], sizeClass: 'medium', sizeEstimated: false, sizeSector: 'industry', ruleSetVersion: 1 });
  const record = await enterpriseAttributesOf(t.db, systemScope, chem.id);
  assert.deepEqual([record?.sizeClass, record?.keyIndustry, record?.ruleSetVersion, record?.onboardedOn], ['medium', false, 1, '2026-01-01']);

  // Back to the defaults for the tests that follow.
  assert.equal((await admin.put('/api/v1/rules/enterprise-attributes', { value: ENTERPRISE_ATTRIBUTE_RULES.defaults, note: '恢复默认' })).statusCode, 200);
});

test('the demo district: every enterprise derives in bulk as one by one, and the SQL key-industry condition agrees', async () => {
  const all = await enterpriseAttributesIn(t.db, systemScope);
  assert.ok(all.length >= 32);
  const rules = ENTERPRISE_ATTRIBUTE_RULES.defaults;
  const keyBySql = new Set((await t.db.selectFrom('enterprises as e').select('e.id').where(keyIndustryWhere(rules, 'e')).execute()).map((r) => r.id));
  for (const a of all) {
    assert.equal(keyBySql.has(a.enterpriseId), a.keyIndustry, a.enterpriseId);
    const one = await enterpriseAttributesOf(t.db, systemScope, a.enterpriseId);
    assert.deepEqual(one, a);
  }
  const none = new Set((await t.db.selectFrom('enterprises as e').select('e.id').where(keyIndustryWhere({ keyIndustries: [], crowdedVenueIsKey: false, hazardousGoodsCarrierIsKey: false }, 'e')).execute()));
  assert.equal(none.size, 0);

  // The demo's facts: every size class, both overrides, a 职代会 at the hazardous-chemicals enterprise, a late joiner.
  const byName = new Map<string, (typeof all)[number]>();
  const names = await t.db.selectFrom('enterprises').select(['id', 'name']).execute();
  for (const n of names) byName.set(n.name, all.find((a) => a.enterpriseId === n.id)!);
  const of = (name: string) => byName.get(name)!;
  assert.deepEqual([of('云南铜业（官渡）冶炼有限公司').sizeClass, of('云南铜业（官渡）冶炼有限公司').sizeEstimated], ['large', false]);
  assert.deepEqual([of('官渡城投建设有限公司').sizeClass, of('官渡城投建设有限公司').sizeEstimated], ['medium', true]);
  assert.deepEqual([of('昆明官渡精细化工有限公司').sizeClass, of('昆明官渡精细化工有限公司').hasWorkersCongress], ['small', true]);
  assert.equal(of('昆明东郊烟花爆竹批发有限公司').sizeClass, 'micro');
  assert.deepEqual(of('云南滇中危险品储运有限公司').keyIndustryBy, ['industry', 'hazardousGoodsCarrier']);
  assert.deepEqual(of('昆明世纪城购物中心').keyIndustryBy, ['crowdedVenue']);
  assert.equal(of('昆明恒达机械制造有限公司').keyIndustry, false);
  // The demo is loaded at the platform clock's time: most joined on 1 January of the year before, one two months ago.
  const joined = of('昆明恒达机械制造有限公司').onboardedOn!;
  assert.match(joined, /^\d{4}-01-01$/);
  assert.ok(of('昆明东郊烟花爆竹批发有限公司').onboardedOn! > `${Number(joined.slice(0, 4)) + 1}-01-01`);
  // The pure derivation is the same one the helper uses.
  const chemRecord = of('昆明官渡精细化工有限公司');
  assert.equal(deriveEnterpriseAttributes({ ...chemRecord, employeeCount: 28, annualRevenueWan: 8600 }, rules).sizeClass, chemRecord.sizeClass);
});
