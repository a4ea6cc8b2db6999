import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

// Issue 12 §3, R-INV-1: safety investment and the safety fee — the budget the principal approves, the accrual of
// 财资〔2022〕136号 [cfg] (unverified rows refuse), the usage ledger (flags, balance and carry-over, vouchers, .xlsx
// import with row errors), the fee's audits, the principal's yearly check that fulfils the ten-ones item (R-RESP-5),
// and the regulators' list of accrual against use.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

const api = (e: FreshEnterprise | string, rest = '') => `/api/v1/enterprises/${typeof e === 'string' ? e : e.id}/investment${rest}`;
const sign = { method: 'password', password: DEMO_PASSWORD };

function multipart(filename: string, content: Buffer, contentType: string) {
  const boundary = `----inv${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, url: string, filename: string, content: Buffer, contentType: string): Promise<Res> => {
  const m = multipart(filename, content, contentType);
  return c.request('POST', url, m.body, m.headers);
};

async function use(c: Client, e: FreshEnterprise, over: Record<string, unknown> = {}) {
  const r = await c.post(api(e, '/uses'), { usedOn: '2026-03-15', category: 'ppe', amount: '12800.00', purpose: '采购防化服 20 套', ...over });
  assert.equal(r.statusCode, 201, r.body);
  return r.data as { id: string; version: number; eligible: boolean; amount: string };
}

test('R-INV-1: a hazardous-goods producer with 12 M CNY of prior-year revenue must accrue 495,000 CNY; the result is kept with the rule-set version', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const preview = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '12000000' }], save: false });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.deepEqual([preview.data.total, preview.data.saved], ['495000.00', false]);
  assert.deepEqual(preview.data.lines[0].bands.map((b: { amount: string }) => b.amount), ['450000.00', '45000.00']);
  assert.equal((await safety.get(api(ent, '?year=2026'))).data.figures.required, null, 'a preview keeps nothing');

  const saved = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '12000000.00' }] });
  assert.equal(saved.statusCode, 200, saved.body);
  const year = await safety.get(api(ent, '?year=2026'));
  assert.equal(year.statusCode, 200, year.body);
  assert.equal(year.data.figures.required, '495000.00');
  assert.equal(typeof year.data.accrual.ruleSetVersion, 'number');
  // Nothing booked yet: the whole required accrual is short.
  assert.deepEqual([year.data.figures.shortfall, year.data.figures.flags.shortfall], ['495000.00', true]);
  const booked = await safety.put(api(ent, '/years/2026'), { accrued: '495000' });
  assert.equal(booked.statusCode, 200, booked.body);
  assert.deepEqual([booked.data.figures.accrued, booked.data.figures.shortfall, booked.data.figures.flags.shortfall], ['495000.00', '0.00', false]);
  const row = await t.db.selectFrom('audit_log').select('action').where('enterprise_id', '=', ent.id).where('action', '=', 'investment.accrual.compute').execute();
  assert.equal(row.length, 1);
});

test('R-INV-1 [cfg]: an unverified schedule refuses to compute (409 RATE_UNVERIFIED, in Chinese) until the district admin confirms it in the rule-set', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'machinery' });
  const safety = await ent.login('safety');
  const body = { inputs: [{ schedule: 'machinery', base: '5000000' }] };
  const refused = await safety.post(api(ent, '/years/2026/accrual'), body);
  assert.deepEqual([refused.statusCode, refused.data.error.reason], [409, 'RATE_UNVERIFIED']);
  assert.match(refused.data.error.message, /尚未经区应急管理局核实/);
  assert.match(refused.data.error.message, /机械制造/);

  const admin = await t.login('admin');
  const got = await admin.get('/api/v1/rules/safety-fee');
  assert.equal(got.statusCode, 200, got.body);
  const current = got.data.current as { version: number; value: { schedules: { key: string; verified: boolean }[] } };
  const confirm = (verified: boolean, value: typeof current.value) => ({ ...value, schedules: value.schedules.map((s) => (s.key === 'machinery' ? { ...s, verified } : s)) });
  const saved = await admin.put('/api/v1/rules/safety-fee', { value: confirm(true, current.value), note: '已对照原文核实机械制造提取标准', baseVersion: current.version });
  assert.equal(saved.statusCode, 200, saved.body);
  try {
    const ok = await safety.post(api(ent, '/years/2026/accrual'), body);
    assert.equal(ok.statusCode, 200, ok.body);
    // 5 M × 2.35% (the first band of the machinery row) = 117,500.
    assert.equal(ok.data.total, '117500.00');
  } finally {
    const now = (await admin.get('/api/v1/rules/safety-fee')).data.current as typeof current;
    const back = await admin.put('/api/v1/rules/safety-fee', { value: confirm(false, now.value), note: '恢复', baseVersion: now.version });
    assert.equal(back.statusCode, 200, back.body);
  }
  // Bands that do not rise are refused at the field.
  const now = (await admin.get('/api/v1/rules/safety-fee')).data.current as typeof current;
  const broken = { ...now.value, schedules: now.value.schedules.map((s) => (s.key === 'hazardous_goods' ? { ...s, bands: [{ upTo: 10, rate: '1' }, { upTo: 5, rate: '1' }, { upTo: null, rate: '1' }] } : s)) };
  const bad = await admin.put('/api/v1/rules/safety-fee', { value: broken, note: 'x', baseVersion: now.version });
  assert.equal(bad.statusCode, 400, bad.body);
});

test('R-INV-1: a contractor\'s accrual adds its projects by type; a schedule of another industry or a float amount is a 400 at the field', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const safety = await ent.login('safety');
  const r = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'construction.mining', base: '2000000' }, { schedule: 'construction.highway', base: '10000000' }] });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.data.total, '220000.00');
  const other = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '1' }] });
  assert.deepEqual([other.statusCode, other.data.error.issues[0].path], [400, 'body.inputs.0.schedule']);
  const float = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'construction.mining', base: 2000000.5 }] });
  assert.deepEqual([float.statusCode, float.data.error.issues[0].path], [400, 'body.inputs.0.base']);
  const three = await safety.post(api(ent, '/years/2026/accrual'), { inputs: [{ schedule: 'construction.mining', base: '1.234' }] });
  assert.equal(three.statusCode, 400);
  assert.match(three.data.error.issues[0].message, /两位小数/);
  // An industry outside the fee's scope is told so.
  const shop = await makeEnterprise(t, { industryCode: 'commerce' });
  const none = await (await shop.login('safety')).post(api(shop, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '1' }] });
  assert.deepEqual([none.statusCode, none.data.error.reason], [409, 'NOT_APPLICABLE']);
});

test('R-INV-1: the principal approves the budget with his own signature; then it is immutable, and only he may approve', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const lines = [{ category: 'ppe', amount: '90000', purpose: '劳保用品' }, { category: 'training', amount: '40000.50', purpose: '三级教育' }];
  const created = await safety.put(api(ent, '/budgets/2026'), { note: '年度预算', lines });
  assert.equal(created.statusCode, 200, created.body);
  assert.deepEqual([created.data.status, created.data.total, created.data.abilities.canApprove], ['draft', '130000.50', false]);
  const bad = await safety.put(api(ent, '/budgets/2026'), { lines: [{ category: 'welfare', amount: '1' }], version: created.data.version });
  assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'body.lines.0.category']);
  const stale = await safety.put(api(ent, '/budgets/2026'), { lines, version: created.data.version + 5 });
  assert.equal(stale.statusCode, 409);

  const bySafety = await safety.post(api(ent, '/budgets/2026/approve'), sign);
  assert.equal(bySafety.statusCode, 403);
  const wrongPassword = await principal.post(api(ent, '/budgets/2026/approve'), { method: 'password', password: 'not-it' });
  assert.equal(wrongPassword.statusCode, 400);
  const approved = await principal.post(api(ent, '/budgets/2026/approve'), sign);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.deepEqual([approved.data.status, approved.data.contentSha256?.length, approved.data.abilities.canEdit], ['approved', 64, false]);
  const again = await principal.post(api(ent, '/budgets/2026/approve'), sign);
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'APPROVED']);
  const edit = await safety.put(api(ent, '/budgets/2026'), { lines, version: approved.data.version });
  assert.deepEqual([edit.statusCode, edit.data.error.reason], [409, 'APPROVED']);
  assert.deepEqual([(await safety.delete(api(ent, '/budgets/2026'))).statusCode], [409]);
  // The database refuses too.
  await assert.rejects(sql`delete from safety_budget_lines where enterprise_id = ${ent.id}`.execute(t.db));
  // The author is told.
  const note = await t.db.selectFrom('outbox').select('payload').execute();
  assert.ok(note.some((n) => JSON.stringify(n.payload).includes('investment.budgetApproved') && JSON.stringify(n.payload).includes(ent.users.safety.id)));
  const year = await safety.get(api(ent, '?year=2026'));
  assert.deepEqual([year.data.budget.status, year.data.budget.total], ['approved', '130000.50']);
});

test('R-INV-1: the ledger sums exactly, carries the balance from the prior year, and flags spending outside the categories', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  // 2025: an opening balance from before the platform, accrual booked, some spending.
  assert.equal((await safety.put(api(ent, '/years/2025'), { openingBalance: '1000.10', accrued: '500.20' })).statusCode, 200);
  await use(safety, ent, { usedOn: '2025-06-01', amount: '0.10' });
  await use(safety, ent, { usedOn: '2025-07-01', amount: '0.20' });
  // 2026
  assert.equal((await safety.put(api(ent, '/years/2026'), { accrued: '300' })).statusCode, 200);
  await use(safety, ent, { amount: '100.05' });
  const outside = await use(safety, ent, { category: 'outside', amount: '50', purpose: '职工节日慰问品' });
  assert.equal(outside.eligible, false);
  const year = await safety.get(api(ent, '?year=2026'));
  assert.deepEqual(year.data.figures, {
    carryIn: '1500.00', required: null, accrued: '300.00', used: '150.05', usedIneligible: '50.00', balance: '1649.95', shortfall: '0.00',
    flags: { shortfall: false, ineligible: true, overspent: false },
  });
  const list = await safety.get(api(ent, '/uses?year=2026&ineligible=yes'));
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual([list.data.total, list.data.items[0].id, list.data.ineligibleSum], [1, outside.id, '50.00']);

  // Bad input: 400 with the field, never a 500; money never as a number.
  for (const [body, path] of [
    [{ amount: 12.5 }, 'body.amount'], [{ amount: '-1' }, 'body.amount'], [{ amount: '0' }, 'body.amount'], [{ amount: '1.234' }, 'body.amount'],
    [{ usedOn: '2026-02-30' }, 'body.usedOn'], [{ usedOn: '2026-12-31' }, 'body.usedOn'], [{ category: 'welfare' }, 'body.category'], [{ purpose: '' }, 'body.purpose'],
  ] as [Record<string, unknown>, string][]) {
    const r = await safety.post(api(ent, '/uses'), { usedOn: '2026-03-15', category: 'ppe', amount: '1', purpose: 'x', ...body });
    assert.deepEqual([r.statusCode, r.data.error.code, r.data.error.issues?.[0]?.path], [400, 'VALIDATION', path], JSON.stringify(body));
  }
  // An edit that lost the race is a 409; an edit moves it into the eligible categories.
  const stale = await safety.patch(api(ent, `/uses/${outside.id}`), { category: 'training', version: outside.version + 1 });
  assert.equal(stale.statusCode, 409);
  const fixed = await safety.patch(api(ent, `/uses/${outside.id}`), { category: 'training', version: outside.version });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal((await safety.get(api(ent, '?year=2026'))).data.figures.flags.ineligible, false);
});

test('R-INV-1: vouchers attach to a use through the attachments store and are read back; another enterprise gets 404', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const u = await use(safety, ent);
  const png = makePng();
  const up = await upload(safety, api(ent, `/uses/${u.id}/vouchers`), 'voucher.png', png, 'image/png');
  assert.equal(up.statusCode, 201, up.body);
  const listed = await safety.get(api(ent, '/uses?year=2026'));
  assert.deepEqual(listed.data.items[0].vouchers.map((v: { id: string }) => v.id), up.data.ids);
  const file = await safety.get(api(ent, `/vouchers/${up.data.ids[0]}`));
  assert.equal(file.statusCode, 200);
  const stranger = await other.login('safety');
  assert.equal((await stranger.get(api(ent, `/vouchers/${up.data.ids[0]}`))).statusCode, 404);
  assert.equal((await stranger.get(api(other, `/vouchers/${up.data.ids[0]}`))).statusCode, 404);
  const junk = await upload(safety, api(ent, `/uses/${u.id}/vouchers`), 'x.exe', Buffer.from('MZ not a voucher'), 'application/octet-stream');
  assert.equal(junk.statusCode, 415, junk.body);
  assert.equal((await safety.delete(api(ent, `/uses/${u.id}`))).statusCode, 200);
  assert.equal((await safety.get(api(ent, `/vouchers/${up.data.ids[0]}`))).statusCode, 404);
});

test('R-INV-1: the ledger imports from .xlsx with an error per bad cell; strict imports nothing, "valid" imports the good rows', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const tpl = await safety.get(api(ent, '/uses/import-template'));
  assert.equal(tpl.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('安全生产费用使用台账')!;
  const rows: (string | number | Date | null)[][] = [
    [new Date(Date.UTC(2026, 2, 1)), '配备和更新现场作业人员安全防护用品支出', 1280.5, '防化服', '记-001'],
    ['2026/4/2', '其他（不属于规定使用范围）', '300', '节日慰问', null],
    ['2026-05-06', '职工福利', '100', '团建', null],
    ['2026-13-01', '安全生产责任保险支出', '-5', '', null],
  ];
  rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const strict = await upload(safety, api(ent, '/uses/import'), 'ledger.xlsx', file, xlsx);
  assert.equal(strict.statusCode, 200, strict.body);
  assert.deepEqual([strict.data.imported, strict.data.errorCount], [0, 2]);
  assert.deepEqual(strict.data.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`), ['4:使用类别', '5:日期', '5:金额（元）', '5:用途']);
  assert.match(strict.data.errors[0].message, /职工福利/);
  const valid = await upload(safety, api(ent, '/uses/import?mode=valid'), 'ledger.xlsx', file, xlsx);
  assert.equal(valid.statusCode, 200, valid.body);
  assert.equal(valid.data.imported, 2);
  const year = await safety.get(api(ent, '?year=2026'));
  assert.deepEqual([year.data.figures.used, year.data.figures.usedIneligible], ['1580.50', '300.00']);
  const notXlsx = await upload(safety, api(ent, '/uses/import'), 'ledger.xlsx', Buffer.from('not a workbook'), xlsx);
  assert.equal(notXlsx.statusCode, 400);
});

test('R-INV-1: the fee\'s audits are recorded and corrected by the managers; a future date is a 400', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const a = await safety.post(api(ent, '/audits'), { kind: 'external', auditedOn: '2026-06-30', auditor: '某会计师事务所', findings: '1 笔支出无凭证' });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(a.data.year, 2026);
  const fixed = await safety.patch(api(ent, `/audits/${a.data.id}`), { rectification: '已补齐凭证', rectified: true, version: a.data.version });
  assert.deepEqual([fixed.statusCode, fixed.data.rectified], [200, true]);
  const future = await safety.post(api(ent, '/audits'), { kind: 'internal', auditedOn: '2027-01-01', auditor: 'x' });
  assert.deepEqual([future.statusCode, future.data.error.issues[0].path], [400, 'body.auditedOn']);
  const badKind = await safety.post(api(ent, '/audits'), { kind: 'self', auditedOn: '2026-01-01', auditor: 'x' });
  assert.equal(badKind.statusCode, 400);
  const list = await safety.get(api(ent, '/audits?year=2026'));
  assert.deepEqual(list.data.items.map((i: { id: string }) => i.id), [a.data.id]);
  assert.equal((await (await ent.login('worker')).get(api(ent, '/audits'))).statusCode, 403);
  assert.equal((await safety.delete(api(ent, `/audits/${a.data.id}`))).statusCode, 200);
});

test('R-RESP-5, R-INV-1: the principal\'s signed yearly check fulfils the ten-ones investment item and closes the year\'s ledger', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01' });
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  await use(safety, ent);
  const c = await safety.post(api(ent, '/checks'), { year: 2026, checkedOn: '2026-12-02', comments: '提取和使用符合规定，继续加强凭证管理。' });
  assert.equal(c.statusCode, 201, c.body);
  assert.deepEqual([c.data.signed, c.data.figures.used, c.data.abilities.canSign], [false, '12800.00', false]);
  const bySafety = await safety.post(api(ent, `/checks/${c.data.id}/sign`), sign);
  assert.equal(bySafety.statusCode, 403);
  // Spending recorded after the check was written is in the figures the principal signs.
  await use(safety, ent, { amount: '200' });
  const signed = await principal.post(api(ent, `/checks/${c.data.id}/sign`), sign);
  assert.equal(signed.statusCode, 200, signed.body);
  assert.deepEqual([signed.data.signed, signed.data.figures.used], [true, '13000.00']);
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'record_id', 'period_key'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'resp.ten.investment_check').where('period_key', '=', '2026').execute();
  assert.equal(duty.length, 1);
  assert.ok(['fulfilled', 'late_fulfilled'].includes(duty[0]!.status), duty[0]!.status);
  assert.deepEqual([duty[0]!.record_type, duty[0]!.record_id], ['safety_investment_check', c.data.id]);
  // The year's ledger is closed; the signed check never changes.
  const late = await safety.post(api(ent, '/uses'), { usedOn: '2026-12-01', category: 'ppe', amount: '1', purpose: 'x' });
  assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'YEAR_CHECKED']);
  const again = await principal.post(api(ent, `/checks/${c.data.id}/sign`), sign);
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'SIGNED']);
  assert.deepEqual([(await safety.delete(api(ent, `/checks/${c.data.id}`))).statusCode], [409]);
  const year = await principal.get(api(ent, '?year=2026'));
  assert.deepEqual([year.data.abilities.yearClosed, year.data.check.id], [true, c.data.id]);
});

test('R-INV-1, issue 12 §7: regulators list the enterprises in scope with accrual against use, filter the shortfall, sort; others are refused', async () => {
  const { subs } = await demoIds(t.db);
  const guanshang = subs.find((s) => s.name === '关上街道')!;
  const taihe = subs.find((s) => s.name !== '关上街道')!;
  const inside = await makeEnterprise(t, { subdistrictId: guanshang.id, name: `关上监管测试化工${Date.now()}有限公司` });
  const outside = await makeEnterprise(t, { subdistrictId: taihe.id });
  const safety = await inside.login('safety');
  await safety.post(api(inside, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '12000000' }] });
  await safety.put(api(inside, '/years/2026'), { accrued: '400000', openingBalance: '100' });
  await use(safety, inside, { amount: '1000' });
  await use(safety, inside, { category: 'outside', amount: '10', purpose: '慰问' });
  const officer = await t.login('guanshang');
  const page = await officer.get(`/api/v1/safety-fee-overview?year=2026&shortfall=yes&q=${encodeURIComponent(inside.name)}`);
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.data.total, 1);
  const row = page.data.items[0];
  assert.deepEqual(
    [row.enterpriseId, row.required, row.accrued, row.used, row.usedIneligible, row.carryIn, row.balance, row.shortfall, row.flags],
    [inside.id, '495000.00', '400000.00', '1010.00', '10.00', '100.00', '399090.00', '95000.00', { shortfall: true, ineligible: true, overspent: false }],
  );
  // The enterprise of another subdistrict is not in the officer's list.
  const all = await officer.get('/api/v1/safety-fee-overview?year=2026&pageSize=200');
  assert.ok(!all.data.items.some((i: { enterpriseId: string }) => i.enterpriseId === outside.id));
  assert.ok(all.data.items.some((i: { enterpriseId: string }) => i.enterpriseId === inside.id));
  const sorted = await officer.get('/api/v1/safety-fee-overview?year=2026&sort=shortfall&order=desc&pageSize=200');
  const shortfalls = sorted.data.items.map((i: { shortfall: string }) => Number(i.shortfall));
  assert.deepEqual(shortfalls, [...shortfalls].sort((a, b) => b - a));
  // The drill-down reads the enterprise; the other subdistrict's is 404.
  assert.equal((await officer.get(api(inside, '?year=2026'))).statusCode, 200);
  assert.equal((await officer.get(api(outside, '?year=2026'))).statusCode, 404);
  assert.equal((await officer.put(api(inside, '/years/2026'), { accrued: '1' })).statusCode, 403);
  // Bad input and wrong roles.
  assert.equal((await officer.get('/api/v1/safety-fee-overview?sort=nope')).statusCode, 400);
  assert.equal((await officer.get('/api/v1/safety-fee-overview?year=1999')).statusCode, 400);
  assert.equal((await safety.get('/api/v1/safety-fee-overview')).statusCode, 403);
});

test('R-INV-1: enterprise B cannot read or change enterprise A\'s investment (404); unit leaders and employees are refused (403)', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const aSafety = await a.login('safety');
  const u = await use(aSafety, a);
  await aSafety.put(api(a, '/budgets/2026'), { lines: [{ category: 'ppe', amount: '1' }] });
  const c = await aSafety.post(api(a, '/checks'), { year: 2026, checkedOn: '2026-12-01', comments: '检查' });
  const audit = await aSafety.post(api(a, '/audits'), { kind: 'internal', auditedOn: '2026-12-01', auditor: '财务部' });
  const bSafety = await b.login('safety');
  const bPrincipal = await b.login('principal');
  const calls: [Client, string, string, unknown?][] = [
    [bSafety, 'GET', api(a, '?year=2026')], [bSafety, 'PUT', api(a, '/years/2026'), { accrued: '1' }],
    [bSafety, 'POST', api(a, '/years/2026/accrual'), { inputs: [{ schedule: 'hazardous_goods', base: '1' }] }],
    [bSafety, 'GET', api(a, '/budgets/2026')], [bSafety, 'PUT', api(a, '/budgets/2026'), { lines: [] }], [bSafety, 'DELETE', api(a, '/budgets/2026')],
    [bPrincipal, 'POST', api(a, '/budgets/2026/approve'), sign],
    [bSafety, 'GET', api(a, '/uses')], [bSafety, 'POST', api(a, '/uses'), { usedOn: '2026-01-01', category: 'ppe', amount: '1', purpose: 'x' }],
    [bSafety, 'PATCH', api(a, `/uses/${u.id}`), { amount: '2', version: u.version }], [bSafety, 'DELETE', api(a, `/uses/${u.id}`)],
    [bSafety, 'GET', api(a, '/uses/import-template')],
    [bSafety, 'GET', api(a, '/audits')], [bSafety, 'POST', api(a, '/audits'), { kind: 'internal', auditedOn: '2026-01-01', auditor: 'x' }],
    [bSafety, 'PATCH', api(a, `/audits/${audit.data.id}`), { rectified: true, version: 1 }], [bSafety, 'DELETE', api(a, `/audits/${audit.data.id}`)],
    [bSafety, 'GET', api(a, '/checks')], [bSafety, 'POST', api(a, '/checks'), { year: 2026, checkedOn: '2026-12-01', comments: 'x' }],
    [bSafety, 'DELETE', api(a, `/checks/${c.data.id}`)], [bPrincipal, 'POST', api(a, `/checks/${c.data.id}/sign`), sign],
    // A's records through B's own enterprise path are not found either.
    [bSafety, 'PATCH', api(b, `/uses/${u.id}`), { amount: '2', version: u.version }], [bPrincipal, 'POST', api(b, `/checks/${c.data.id}/sign`), sign],
  ];
  for (const [client, method, url, body] of calls) {
    const r = await client.request(method, url, body);
    assert.equal(r.statusCode, 404, `${method} ${url}: ${r.body}`);
  }
  for (const who of ['leader', 'worker'] as const) {
    const c2 = await a.login(who);
    assert.equal((await c2.get(api(a, '?year=2026'))).statusCode, 403, who);
    assert.equal((await c2.get(api(a, '/uses'))).statusCode, 403, who);
    assert.equal((await c2.post(api(a, '/uses'), { usedOn: '2026-01-01', category: 'ppe', amount: '1', purpose: 'x' })).statusCode, 403, who);
  }
  // Nothing of A changed.
  const mine = await aSafety.get(api(a, '/uses?year=2026'));
  assert.deepEqual(mine.data.items.map((i: { amount: string }) => i.amount), ['12800.00']);
});

test('the demo chemical plant has this year\'s budget, its accrual from last year\'s revenue, a dozen ledger lines and one flagged outside the categories', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const safety = await t.login('safety');
  // The demo is loaded on the day the template was built: its year is read from what it wrote.
  const demoYear = (await sql<{ year: number }>`select year from safety_fee_years where enterprise_id = ${ownEnterprise.id}`.execute(t.db)).rows[0];
  assert.ok(demoYear, 'the demo has a fee year');
  const y = await safety.get(api(ownEnterprise.id, `?year=${demoYear.year}`));
  assert.equal(y.statusCode, 200, y.body);
  // 38.6 M of prior-year revenue: 10 M × 4.5% + 28.6 M × 2.25%.
  assert.equal(y.data.figures.required, '1093500.00');
  assert.equal(y.data.budget.status, 'draft');
  const uses = await safety.get(api(ownEnterprise.id, `/uses?year=${demoYear.year}&pageSize=50`));
  assert.equal(uses.data.total, 12);
  assert.deepEqual(uses.data.items.filter((i: { eligible: boolean }) => !i.eligible).map((i: { purpose: string }) => i.purpose), ['职工节日慰问品']);
});
