import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { refreshAllIndicators } from '../src/modules/management/overview/overview.service';
import { localDay } from '../src/platform/time';
import { makeEnterprise } from './factories';
import { createTestPlatform, onDemoDay, type Client, type TestPlatform } from './helpers';

// Issue 12 §7: the regulators' management-system view. Each indicator must agree, enterprise by enterprise, with the
// module's own regulators' list (staffing R-TEAM-1/2, documents R-DOC-1, the fee R-INV-1, 安责险 R-INS-1, special
// equipment); the problem filter and counts, every sort, the export, and who may see it (scope and role).

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

type Item = {
  enterpriseId: string; name: string; headcount: number; staffing: { compliant: boolean }; rules: { missing: string[]; asked: number; acknowledged: number; rate: number | null };
  fee: { required: string | null; accrued: string; used: string; ineligible: string; shortfall: string } | null;
  insurance: { policyMissing: boolean; uninsured: number } | null; equipment: { overdue: number }; problems: string[];
};

async function all(c: Client, path: string): Promise<{ items: Record<string, unknown>[]; data: Record<string, unknown> }> {
  const items: Record<string, unknown>[] = [];
  let data: Record<string, unknown> = {};
  for (let page = 1; ; page++) {
    const res = await c.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
    data = res.data;
    items.push(...res.data.items);
    if (items.length >= res.data.total || res.data.items.length === 0) break;
  }
  return { items, data };
}

const byId = (items: Record<string, unknown>[]) => new Map(items.map((i) => [i.enterpriseId as string, i]));

test('every indicator agrees with its module\'s own regulators\' list, for every enterprise in scope of each regulator', async (c) => {
  await onDemoDay(t, c);
  for (const who of ['yjj', 'guanshang', 'admin']) {
    const officer = await t.login(who);
    const { items, data } = await all(officer, '/api/v1/management-overview?sort=name&order=asc');
    assert.ok(items.length > 0, who);
    const view = items as unknown as Item[];
    const staffing = byId((await all(officer, '/api/v1/staffing')).items);
    const documents = byId((await all(officer, '/api/v1/documents-overview')).items);
    const equipment = byId((await all(officer, '/api/v1/equipment-overview')).items);
    const coverage = byId((await all(officer, '/api/v1/insurance/coverage')).items);
    const fee = byId((await all(officer, '/api/v1/safety-fee-overview')).items);
    // The same enterprises as the staffing list (every active enterprise in scope).
    assert.deepEqual(view.map((i) => i.enterpriseId).sort(), [...staffing.keys()].sort(), who);
    for (const i of view) {
      const s = staffing.get(i.enterpriseId)!;
      assert.equal(i.staffing.compliant, s.compliant, `${who} ${i.name} staffing`);
      const d = documents.get(i.enterpriseId)!;
      assert.deepEqual([i.rules.missing, i.rules.asked, i.rules.acknowledged, i.rules.rate], [d.missingNames, d.asked, d.acknowledged, d.rate], `${who} ${i.name} rules`);
      assert.equal(i.equipment.overdue, (equipment.get(i.enterpriseId)?.overdue as number | undefined) ?? 0, `${who} ${i.name} equipment`);
      const cv = coverage.get(i.enterpriseId);
      assert.equal(i.insurance === null, cv === undefined, `${who} ${i.name}: insurance applies where the coverage list lists it`);
      if (cv && i.insurance) assert.deepEqual([i.insurance.policyMissing, i.insurance.uninsured], [cv.policy === null, cv.uninsured], `${who} ${i.name} insurance`);
      const f = fee.get(i.enterpriseId);
      assert.equal(i.fee === null, f === undefined, `${who} ${i.name}: the fee applies where the fee list lists it`);
      if (f && i.fee) assert.deepEqual([i.fee.required, i.fee.accrued, i.fee.used, i.fee.ineligible, i.fee.shortfall], [f.required, f.accrued, f.used, f.usedIneligible, f.shortfall], `${who} ${i.name} fee`);
      const expected = [
        ...(s.compliant ? [] : ['staffing']), ...(i.rules.missing.length ? ['rules'] : []),
        ...(f && (Number(f.shortfall) > 0 || Number(f.usedIneligible) > 0) ? ['fee'] : []),
        ...(cv && (cv.policy === null || (cv.uninsured as number) > 0) ? ['insurance'] : []), ...(i.equipment.overdue > 0 ? ['equipment'] : []),
      ];
      assert.deepEqual(i.problems, expected, `${who} ${i.name} problems`);
    }
    const counts = data.counts as Record<string, number>;
    assert.equal(counts.total, view.length);
    for (const p of ['staffing', 'rules', 'fee', 'insurance', 'equipment']) assert.equal(counts[p], view.filter((i) => i.problems.includes(p)).length, `${who} count ${p}`);
    assert.equal(counts.any, view.filter((i) => i.problems.length > 0).length);
  }
  // The demo has something to show in each column somewhere in the district.
  const { items } = await all(await t.login('admin'), '/api/v1/management-overview');
  const view = items as unknown as Item[];
  for (const p of ['staffing', 'rules', 'insurance', 'equipment']) assert.ok(view.some((i) => i.problems.includes(p)), `the demo shows a ${p} problem`);
});

test('a new chemical plant lacks staff, rules and its policy; its overdue boiler adds the equipment problem; filters, counts and every sort', async () => {
  t.clock.now = new Date('2026-12-03T02:00:00Z');
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const plant = await makeEnterprise(t, { name: `总览化工${Date.now()}有限公司` });
  const officer = await t.login('guanshang');
  const find = async (query = '') => {
    const res = await officer.get(`/api/v1/management-overview?q=${encodeURIComponent('总览化工')}${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.data;
  };
  let row = (await find()).items.find((i: Item) => i.enterpriseId === plant.id) as Item;
  assert.ok(row, 'the new enterprise is in the subdistrict officer\'s view');
  assert.deepEqual(row.problems, ['staffing', 'rules', 'insurance']);
  assert.deepEqual([row.insurance, row.equipment.overdue, row.staffing.compliant], [{ policyMissing: true, uninsured: row.headcount }, 0, false]);
  const before = (await find()).counts.equipment;
  const safety = await plant.login('safety');
  const boiler = await safety.post(`/api/v1/enterprises/${plant.id}/equipment`, { code: 'GL-1', name: '燃气锅炉', orgUnitId: plant.units.ws1, specialType: 'boiler', lastInspectedOn: '2025-10-01' });
  assert.equal(boiler.statusCode, 201, boiler.body);
  const after = await find('&problem=equipment');
  row = after.items.find((i: Item) => i.enterpriseId === plant.id);
  assert.deepEqual([row.equipment.overdue, row.problems.at(-1), after.counts.equipment], [1, 'equipment', before + 1]);
  assert.ok(after.items.every((i: Item) => i.problems.includes('equipment')));
  const fine = await find('&problem=fee');
  assert.ok(!fine.items.some((i: Item) => i.enterpriseId === plant.id), 'no fee problem: nothing was accrued short or used outside the categories');
  // Every sort, both ways; the default puts the most problems first.
  for (const sort of ['problems', 'name', 'subdistrict', 'missingRules', 'ackRate', 'feeShortfall', 'uninsured', 'overdue']) {
    for (const order of ['asc', 'desc']) {
      const res = await officer.get(`/api/v1/management-overview?sort=${sort}&order=${order}&pageSize=200`);
      assert.equal(res.statusCode, 200, `${sort} ${order}: ${res.body}`);
    }
  }
  const byProblems = (await officer.get('/api/v1/management-overview?pageSize=200')).data.items as Item[];
  for (let i = 1; i < byProblems.length; i++) assert.ok(byProblems[i - 1]!.problems.length >= byProblems[i]!.problems.length, 'most problems first');
  const byOverdue = (await officer.get('/api/v1/management-overview?sort=overdue&order=desc&pageSize=200')).data.items as Item[];
  assert.equal(byOverdue[0]!.equipment.overdue, Math.max(...byOverdue.map((i) => i.equipment.overdue)));
  // Another subdistrict's enterprise is not in this officer's view, whatever the filter.
  const elsewhere = await makeEnterprise(t, { subdistrictId: subs[1]!.id, name: `总览化工外${Date.now()}有限公司` });
  const out = await officer.get(`/api/v1/management-overview?subdistrictId=${subs[1]!.id}&pageSize=200`);
  assert.deepEqual([out.statusCode, out.data.total], [200, 0]);
  assert.ok(!(await find()).items.some((i: Item) => i.enterpriseId === elsewhere.id));
});

test('bad query parameters are a translated 400; enterprise roles, insurers and service staff are refused 403', async () => {
  const officer = await t.login('yjj');
  for (const q of ['sort=secret', 'problem=late', 'order=up', 'subdistrictId=x', 'pageSize=1000', 'page=0', `industryCode=${'x'.repeat(51)}`]) {
    const res = await officer.get(`/api/v1/management-overview?${q}`);
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
    assert.match(res.data.error.message, /[\u4e00-\u9fa5]/);
  }
  for (const who of ['safety', 'principal', 'worker', 'leader', 'insurer', 'service']) {
    const c = await t.login(who);
    assert.equal((await c.get('/api/v1/management-overview')).statusCode, 403, who);
    assert.equal((await c.get('/api/v1/management-overview/export')).statusCode, 403, who);
  }
});

test('the export carries the view\'s rows in its order, with Chinese headers and values', async () => {
  const officer = await t.login('yjj');
  const list = await officer.get('/api/v1/management-overview?sort=name&order=asc&pageSize=200');
  const res = await officer.request('GET', '/api/v1/management-overview/export?sort=name&order=asc');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(decodeURIComponent(String(res.headers['content-disposition'])), /管理体系总览/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const values: string[][] = [];
  ws.eachRow((r) => values.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const header = values.findIndex((r) => r[0] === '企业名称');
  assert.ok(header >= 0, JSON.stringify(values.slice(0, 3)));
  assert.deepEqual(values[header]!.slice(0, 8), ['企业名称', '统一社会信用代码', '所属街道', '行业', '在册人数', '机构与人员配备', '缺少的必备制度', '制度规程知晓率']);
  const rows = values.slice(header + 1).filter((r) => r[1]);
  assert.deepEqual(rows.map((r) => r[0]), (list.data.items as Item[]).map((i) => i.name));
  for (const r of rows) assert.ok(['达标', '不达标'].includes(r[5]!), r[5]);
  assert.ok(rows.every((r) => !/managementOverview\.|staffing|insurance/.test(r.join(''))), 'no message keys or field names');
});

test('the stored indicators follow each write at once, a new day without any write, and are never read stale', async () => {
  t.clock.now = new Date('2026-12-03T02:00:00Z');
  const plant = await makeEnterprise(t, { name: `总览日期${Date.now()}有限公司` });
  const officer = await t.login('guanshang');
  const row = async () => {
    const res = await officer.get(`/api/v1/management-overview?q=${encodeURIComponent('总览日期')}&pageSize=200`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.data.items as Item[]).find((i) => i.enterpriseId === plant.id)!;
  };
  assert.equal((await row()).equipment.overdue, 0);
  const safety = await plant.login('safety');
  // Inspected on 2025-12-10: the boiler's next inspection is due a year later, after today (3 December 2026).
  const boiler = await safety.post(`/api/v1/enterprises/${plant.id}/equipment`, { code: 'GL-9', name: '燃气锅炉', orgUnitId: plant.units.ws1, specialType: 'boiler', lastInspectedOn: '2025-12-10' });
  assert.equal(boiler.statusCode, 201, boiler.body);
  assert.ok(boiler.data.nextInspectionDue > '2026-12-03', boiler.data.nextInspectionDue);
  assert.equal((await row()).equipment.overdue, 0);
  const stored = await t.db.selectFrom('management_indicators').select(['chain_seq', 'rules_key']).where('enterprise_id', '=', plant.id).executeTakeFirstOrThrow();
  // No write at all: the day passes the due date, and the next view decides on the new day.
  t.clock.now = new Date(`${boiler.data.nextInspectionDue}T04:00:00Z`);
  t.clock.now = new Date(t.clock.now.getTime() + 86_400_000);
  assert.equal((await row()).equipment.overdue, 1);
  const again = await t.db.selectFrom('management_indicators').select(['chain_seq', 'rules_key']).where('enterprise_id', '=', plant.id).executeTakeFirstOrThrow();
  assert.equal(again.chain_seq, stored.chain_seq, 'nothing was written to the enterprise');
  assert.notEqual(again.rules_key, stored.rules_key, 'decided on another day');
  // A write moves the chain: the recorded inspection clears it at once.
  const inspected = await safety.post(`/api/v1/enterprises/${plant.id}/equipment/${boiler.data.id}/inspections`, { inspectedOn: t.clock.now.toISOString().slice(0, 10), result: 'pass', version: boiler.data.version });
  assert.equal(inspected.statusCode, 200, inspected.body);
  assert.equal((await row()).equipment.overdue, 0);
});

test('the quarter-hourly job decides every enterprise\'s indicators for a new day before anyone looks', async () => {
  t.clock.now = new Date('2026-12-04T16:05:00Z'); // 5 December 00:05 China time
  const ran = await refreshAllIndicators(t.db, t.clock.now);
  const active = await t.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  assert.equal(ran, Number(active.n), 'every active enterprise was decided on the new day');
  assert.equal(await refreshAllIndicators(t.db, t.clock.now), 0, 'and nothing is left to decide until something changes');
  const keys = await t.db.selectFrom('management_indicators').select('rules_key').distinct().execute();
  assert.equal(keys.length, 1);
  const officer = await t.login('admin');
  const res = await officer.get('/api/v1/management-overview');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await refreshAllIndicators(t.db, t.clock.now), 0);
});

type CompetenceItem = {
  enterpriseId: string; name: string;
  training: { people: number; shortfall: number; legalCovered: number; legalRate: number | null };
  certificates: { unqualifiedOnPost: number; minorsOnHazardous: number; expired: number; expiringSoon: number; reviewDue: number };
  ppe: { missing: number; overdue: number };
  standardisation: { required: boolean; status: string; score: number | null; intendedGrade: string | null; awardedGrade: string | null; validUntil: string | null };
  problems: string[];
};

test('issue 13 §5: the competence view agrees with each module\'s own regulators\' list, for every enterprise in scope of each regulator', async (c) => {
  await onDemoDay(t, c);
  for (const who of ['yjj', 'guanshang', 'admin']) {
    const officer = await t.login(who);
    const { items, data } = await all(officer, '/api/v1/competence-overview?sort=name&order=asc');
    const view = items as unknown as CompetenceItem[];
    assert.ok(view.length > 0, who);
    const training = byId((await all(officer, '/api/v1/training-overview')).items);
    const ppe = byId((await all(officer, '/api/v1/ppe-overview')).items);
    const std = byId((await all(officer, '/api/v1/standardisation-overview?required=all')).items);
    const staffing = byId((await all(officer, '/api/v1/staffing')).items);
    assert.deepEqual(view.map((i) => i.enterpriseId).sort(), [...staffing.keys()].sort(), `${who}: every active enterprise in scope`);
    for (const i of view) {
      const tr = training.get(i.enterpriseId)!;
      assert.deepEqual([i.training.people, i.training.shortfall, i.training.legalCovered], [tr.people, tr.shortfallPeople, tr.legalEducationCovered], `${who} ${i.name} training`);
      const pp = ppe.get(i.enterpriseId)!;
      assert.deepEqual([i.ppe.missing, i.ppe.overdue], [pp.peopleMissingIssue, pp.replacementsOverdue], `${who} ${i.name} ppe`);
      const st = std.get(i.enterpriseId)!;
      assert.deepEqual([i.standardisation.required, i.standardisation.status, i.standardisation.awardedGrade], [st.required, st.status, st.awardedGrade], `${who} ${i.name} standardisation`);
      // The certificates module's own lists of the enterprise (the regulators read them in the enterprise file).
      const unq = await officer.get(`/api/v1/enterprises/${i.enterpriseId}/unqualified-on-post`);
      assert.equal(unq.statusCode, 200, unq.body);
      const people = (...reasons: string[]) => new Set((unq.data.items as { reason: string; employeeId: string }[]).filter((u) => reasons.includes(u.reason)).map((u) => u.employeeId)).size;
      // R-TRN-2: "unqualified on post" counts each person once, whether without the certificate or before the training.
      assert.deepEqual([i.certificates.unqualifiedOnPost, i.certificates.minorsOnHazardous], [people('no_certificate', 'untrained'), people('minor')], `${who} ${i.name} unqualified`);
      const expected = [
        ...(i.training.shortfall > 0 ? ['training'] : []),
        ...(i.certificates.unqualifiedOnPost > 0 || i.certificates.expired > 0 || i.certificates.minorsOnHazardous > 0 ? ['certificates'] : []),
        ...(i.ppe.missing > 0 || i.ppe.overdue > 0 ? ['ppe'] : []),
        ...(i.standardisation.required && i.standardisation.status !== 'submitted' ? ['standardisation'] : []),
      ];
      assert.deepEqual(i.problems, expected, `${who} ${i.name} problems`);
    }
    const counts = data.counts as Record<string, number>;
    assert.equal(counts.total, view.length);
    for (const p of ['training', 'certificates', 'ppe', 'standardisation']) assert.equal(counts[p], view.filter((i) => i.problems.includes(p)).length, `${who} count ${p}`);
  }
  // The demo enterprise shows its lapsed certificate, its PPE gap and its training shortfall.
  const { items } = await all(await t.login('admin'), '/api/v1/competence-overview?problem=any');
  const view = items as unknown as CompetenceItem[];
  for (const p of ['training', 'certificates', 'ppe']) assert.ok(view.some((i) => i.problems.includes(p)), `the demo shows a ${p} problem`);
});

test('issue 13 §5: a write in a module shows in the competence view at once; every sort and the problem filter answer; the export has the rows', async () => {
  const admin = await t.login('admin');
  const ent = await makeEnterprise(t, { industryCode: 'hazardous_chemicals' });
  const before = ((await all(admin, `/api/v1/competence-overview?q=${encodeURIComponent(ent.name)}`)).items as unknown as CompetenceItem[])[0]!;
  assert.equal(before.standardisation.required, true, 'hazardous chemicals are high-risk: the plan requires the self-assessment');
  assert.ok(before.problems.includes('standardisation'));
  // Record an external review: the awarded grade shows without waiting for the job.
  const safety = await ent.login('safety');
  const review = await safety.post(`/api/v1/enterprises/${ent.id}/standardisation-reviews`, {
    reviewBody: '昆明市安全生产标准化评审组织单位', reviewers: '张三、李四', reviewedOn: localDay(t.clock.now), passed: true, grade: '3', certificateNo: 'AQBIII-001',
  });
  assert.ok(review.statusCode < 300, review.body);
  const after = ((await all(admin, `/api/v1/competence-overview?q=${encodeURIComponent(ent.name)}`)).items as unknown as CompetenceItem[])[0]!;
  assert.equal(after.standardisation.awardedGrade, '3', 'the review shows at once');
  assert.ok(after.standardisation.validUntil, 'with the certificate\'s validity');
  for (const sort of ['problems', 'name', 'subdistrict', 'shortfall', 'legalRate', 'unqualified', 'expiring', 'ppeMissing', 'stdScore']) {
    for (const order of ['asc', 'desc']) {
      const res = await admin.get(`/api/v1/competence-overview?sort=${sort}&order=${order}&pageSize=5`);
      assert.equal(res.statusCode, 200, `${sort} ${order}: ${res.body}`);
    }
  }
  for (const problem of ['any', 'training', 'certificates', 'ppe', 'standardisation']) {
    const res = await admin.get(`/api/v1/competence-overview?problem=${problem}&pageSize=200`);
    assert.equal(res.statusCode, 200);
    if (problem !== 'any') for (const i of res.data.items as CompetenceItem[]) assert.ok(i.problems.includes(problem), `${problem}: ${i.name}`);
    assert.equal(res.data.total, res.data.counts[problem]);
  }
  assert.equal((await admin.get('/api/v1/competence-overview?sort=bogus')).statusCode, 400);
  assert.equal((await admin.get('/api/v1/competence-overview?problem=bogus')).statusCode, 400);
  const exported = await admin.get('/api/v1/competence-overview/export?sort=name&order=asc');
  assert.equal(exported.statusCode, 200, exported.body);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  const total = (await admin.get('/api/v1/competence-overview?pageSize=1')).data.total as number;
  assert.ok(sheet.rowCount >= total, `the export holds every row (${sheet.rowCount} ≥ ${total})`);
  // An enterprise's own people see nothing of it.
  assert.equal((await safety.get('/api/v1/competence-overview')).statusCode, 403);
});
