import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  // Sessions outlive the clock moves below (the hourly cleanup compares expiry with the platform clock).
  t = await createTestPlatform({ sessionTtlHours: 24 * 365 });
  ids = await demoIds(t.db);
  t.clock.now = new Date('2026-12-10T02:00:00Z');
});
after(async () => {
  // On PostgreSQL, test/helpers.ts drops the database as soon as pool.end() resolves, which is before the sockets
  // close; a backend the drop terminates then surfaces as a pool 'error' nobody listens to (an uncaught exception).
  t.platform.database.pool.on('error', () => undefined);
  await t.close();
});

// Logins are rate-limited per minute: one session per user for the whole file.
const sessions = new Map<string, Promise<Client>>();
const as = (username: string): Promise<Client> => {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
};
/** A new account of `role` (principal of another enterprise, officer of another subdistrict), signed in. */
async function newUser(username: string, body: Record<string, string>): Promise<Client> {
  const admin = await as('admin');
  const u = await admin.post('/api/v1/users', { username, displayName: username, ...body });
  assert.equal(u.statusCode, 201, u.body);
  const c = await t.login(username, u.data.oneTimeCode);
  await c.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: `Kunming#Safe2026x` });
  sessions.set(username, Promise.resolve(c));
  return c;
}

const url = (year: number, enterpriseId = ids.ownEnterprise.id) => `/api/v1/enterprises/${enterpriseId}/risk-reports/${year}`;
async function unit(name: string) {
  return (await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', ids.ownEnterprise.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

test('R-RISK-9: draft (live) → confirmed by the principal → submitted; the snapshot stays as confirmed and is locked', async () => {
  const safety = await as('safety');
  const principal = await as('principal');
  const draft = await safety.get(url(2026));
  assert.equal(draft.statusCode, 200, draft.body);
  assert.equal(draft.data.status, 'none');
  assert.equal(draft.data.live, true);
  assert.equal(draft.data.dueDate, '2026-12-31');
  const summary = (await safety.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-summary`)).data;
  assert.equal(draft.data.data.totals.total, summary.total);
  assert.deepEqual(draft.data.data.totals.byGrade, summary.byGrade);
  assert.equal(draft.data.data.totals.missingR8, summary.missingR8);
  assert.deepEqual(draft.data.data.riskList.map((p: { code: string }) => p.code), ['FX-001', 'FX-002', 'FX-003', 'FX-004', 'FX-005', 'FX-006']);
  assert.deepEqual(draft.data.data.grade1.map((p: { name: string }) => p.name), ['甲醇储罐区']);
  assert.equal(draft.data.data.measuresByCategory.engineering, 1);
  assert.equal(draft.data.data.riskList[0].measures.length, 7);
  assert.deepEqual(draft.data.abilities, { canEdit: true, canConfirm: false, canSubmit: false, canCorrect: false });

  const saved = await safety.put(url(2026), { narrative: '本年度辨识风险点 6 个，重大风险 1 个，均已落实管控措施。', version: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual([saved.data.status, saved.data.version, saved.data.live], ['draft', 1, true]);
  assert.equal((await safety.post(`${url(2026)}/confirm`, { version: 1 })).statusCode, 403, 'the safety manager cannot confirm');
  const unconfirmed = (await safety.post(`${url(2026)}/submit`, { version: 1 })).data.error;
  assert.deepEqual([unconfirmed.code, unconfirmed.reason], ['STATE', 'REPORT_NOT_CONFIRMED'], 'not before confirmation');
  assert.equal((await principal.post(`${url(2026)}/confirm`, { version: 2 })).data.error.code, 'CONFLICT', 'not the version the caller read');
  const confirmed = await principal.post(`${url(2026)}/confirm`, { version: 1 });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.data.status, 'confirmed');
  assert.equal(confirmed.data.confirmedBy.name, '精细化工 主要负责人');
  assert.equal(confirmed.data.live, false);

  // A ledger edit after confirmation does not change what the principal confirmed.
  const added = await safety.post(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-points`, {
    name: '危废暂存间', kind: 'place', orgUnitId: await unit('二车间'), assessment: { methods: [{ method: 'LEC', L: 6, E: 6, C: 15 }], reason: '首次辨识' },
  });
  assert.equal(added.statusCode, 201);
  const submitted = await safety.post(`${url(2026)}/submit`, { version: 2 });
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.data.status, 'submitted');
  assert.equal(submitted.data.onTime, true);
  assert.equal(submitted.data.submittedBy.name, '精细化工 安全管理员');
  assert.equal(submitted.data.data.totals.total, 6);
  assert.deepEqual(submitted.data.data.grade1.map((p: { name: string }) => p.name), ['甲醇储罐区']);

  // Nor does one after submission; the live ledger has moved on.
  await safety.delete(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-points/${draft.data.data.riskList[5].id}`);
  assert.equal((await safety.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/risk-summary`)).data.total, 6);
  const locked = await safety.get(url(2026));
  assert.deepEqual(locked.data.data, submitted.data.data);
  assert.equal(locked.data.narrative, '本年度辨识风险点 6 个，重大风险 1 个，均已落实管控措施。');
  assert.deepEqual(locked.data.abilities, { canEdit: false, canConfirm: false, canSubmit: false, canCorrect: true }, 'a submitted report is corrected by a new version');
  for (const res of [
    await safety.put(url(2026), { narrative: '改', version: 3 }),
    await principal.post(`${url(2026)}/confirm`, { version: 3 }),
    await safety.post(`${url(2026)}/submit`, { version: 3 }),
  ]) {
    assert.deepEqual([res.statusCode, res.data.error.code, res.data.error.reason], [409, 'STATE', 'REPORT_SUBMITTED']);
  }
  assert.deepEqual(locked.data.history.map((h: { action: string }) => h.action), ['create', 'confirm', 'submit']);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'risk_annual_report').where('entity_id', '=', `${ids.ownEnterprise.id}:2026`).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['risk.report.update', 'risk.report.confirm', 'risk.report.submit']);

  // The subdistrict sees it as submitted, with the text the enterprise submitted.
  const guanshang = await as('guanshang');
  const seen = await guanshang.get(url(2026));
  assert.equal(seen.data.status, 'submitted');
  assert.equal(seen.data.narrative, locked.data.narrative);
});

test('editing after confirmation returns the report to draft; a report submitted after 31 December is late', async () => {
  const safety = await as('safety');
  const principal = await as('principal');
  await safety.put(url(2025), { narrative: '初稿', version: 0 });
  assert.equal((await principal.post(`${url(2025)}/confirm`, { version: 1 })).data.status, 'confirmed');
  const edited = await safety.put(url(2025), { narrative: '修改稿', version: 2 });
  assert.equal(edited.statusCode, 200);
  assert.deepEqual([edited.data.status, edited.data.confirmedBy, edited.data.confirmedAt, edited.data.live], ['draft', null, null, true]);
  assert.deepEqual(edited.data.history.map((h: { action: string; by: string }) => `${h.action}:${h.by}`),
    ['create:精细化工 安全管理员', 'confirm:精细化工 主要负责人', 'reopen:精细化工 安全管理员']);
  assert.equal((await safety.post(`${url(2025)}/submit`, { version: 3 })).data.error.code, 'STATE');
  await principal.post(`${url(2025)}/confirm`, { version: 3 });
  const late = await safety.post(`${url(2025)}/submit`, { version: 4 });
  assert.deepEqual([late.data.status, late.data.onTime, late.data.narrative], ['submitted', false, '修改稿']);
  const guanshang = await as('guanshang');
  const list = await guanshang.get('/api/v1/risk/reports?year=2025&status=late');
  assert.deepEqual(list.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [ids.ownEnterprise.id]);
  // Nothing can be written for a year that has not begun, and the narrative is required before confirmation.
  assert.equal((await safety.put(url(2027), { narrative: 'x', version: 0 })).statusCode, 400);
  await safety.put(url(2024), { narrative: '', version: 0 });
  const empty = await principal.post(`${url(2024)}/confirm`, { version: 1 });
  assert.deepEqual([empty.statusCode, empty.data.error.issues[0].path], [400, 'body.narrative']);
});

test('the subdistrict sees who has and has not submitted by 31 December', async () => {
  const guanshang = await as('guanshang');
  const res = await guanshang.get('/api/v1/risk/reports?year=2026&pageSize=100');
  assert.equal(res.statusCode, 200, res.body);
  const sub = ids.ownEnterprise.subdistrict_id;
  const mine = ids.ents.filter((e) => e.subdistrict_id === sub);
  assert.equal(res.data.total, mine.length);
  const byId = new Map(res.data.items.map((i: { enterpriseId: string }) => [i.enterpriseId, i]));
  assert.deepEqual(byId.get(ids.ownEnterprise.id), { ...byId.get(ids.ownEnterprise.id) as object, status: 'submitted', onTime: true });
  const notSubmitted = (await guanshang.get('/api/v1/risk/reports?year=2026&status=notSubmitted&pageSize=100')).data;
  assert.deepEqual(notSubmitted.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort(), mine.filter((e) => e.id !== ids.ownEnterprise.id).map((e) => e.id).sort());
  assert.ok(notSubmitted.items.every((i: { status: string; onTime: boolean | null }) => i.status === 'none' && i.onTime === null));
  assert.deepEqual(res.data.counts, { enterprises: mine.length, none: mine.length - 1, draft: 0, confirmed: 0, submitted: 1, onTime: 1, late: 0, notSubmitted: mine.length - 1 });
  assert.deepEqual([res.data.pastDue, res.data.canForward, res.data.forwardedAt], [false, true, null]);
  // 住建局 does not supervise chemicals: the plant is not on its list.
  const zjj = await as('zjj');
  const theirs = (await zjj.get('/api/v1/risk/reports?year=2026&pageSize=100')).data.items as { enterpriseId: string; industryCode: string }[];
  assert.ok(theirs.length > 0 && theirs.every((i) => ['construction', 'gas'].includes(i.industryCode)));
  assert.equal((await zjj.get('/api/v1/risk/reports?year=2026')).data.canForward, false);
});

test('the subdistrict forwards the aggregate; each department is notified and sees only its industries', async () => {
  const yjj = await as('yjj');
  assert.equal((await yjj.post('/api/v1/risk/reports/2026/forward', {})).statusCode, 403, 'departments do not forward');
  assert.equal((await (await as('admin')).post('/api/v1/risk/reports/2026/forward', {})).statusCode, 403);
  const guanshang = await as('guanshang');
  const fwd = await guanshang.post('/api/v1/risk/reports/2026/forward', {});
  assert.equal(fwd.statusCode, 200, fwd.body);
  const agg = fwd.data.aggregate;
  const sub = ids.ownEnterprise.subdistrict_id;
  const mine = ids.ents.filter((e) => e.subdistrict_id === sub);
  assert.equal(fwd.data.subdistrictName, '关上街道');
  assert.deepEqual([agg.totals.enterprises, agg.totals.submitted, agg.totals.notSubmitted], [mine.length, 1, mine.length - 1]);
  assert.equal(agg.totals.points.total, 6, 'the submitted snapshot, not the live ledger');
  const chem = agg.byIndustry.find((i: { industryCode: string }) => i.industryCode === 'hazardous_chemicals');
  assert.deepEqual([chem.submitted, chem.points.byGrade[1]], [1, 1]);
  assert.deepEqual(agg.grade1.map((g: { name: string; enterpriseName: string }) => `${g.enterpriseName}/${g.name}`), ['昆明官渡精细化工有限公司/甲醇储罐区']);
  assert.deepEqual(agg.nonSubmitters.map((n: { enterpriseId: string }) => n.enterpriseId).sort(), mine.filter((e) => e.id !== ids.ownEnterprise.id).map((e) => e.id).sort());
  const stored = await t.db.selectFrom('subdistrict_risk_reports').selectAll().where('subdistrict_id', '=', sub).where('year', '=', 2026).executeTakeFirstOrThrow();
  assert.deepEqual((stored.snapshot as { totals: unknown }).totals, agg.totals);

  await t.platform.jobs.tick();
  const bell = (await yjj.get('/api/v1/notifications?pageSize=50')).data.items as { title: string; body: string }[];
  assert.ok(bell.some((n) => n.title === '关上街道报送2026年度风险管控汇总'), JSON.stringify(bell));
  const yjjAgg = (await yjj.get('/api/v1/risk/reports/2026/aggregates')).data.items;
  assert.equal(yjjAgg.length, 1);
  assert.ok(yjjAgg[0].aggregate.byIndustry.some((i: { industryCode: string }) => i.industryCode === 'hazardous_chemicals'));
  assert.ok(!yjjAgg[0].aggregate.byIndustry.some((i: { industryCode: string }) => i.industryCode === 'construction'));
  assert.equal(yjjAgg[0].aggregate.grade1.length, 1);

  const zjj = await as('zjj');
  const zjjBell = (await zjj.get('/api/v1/notifications?pageSize=50')).data.items as { title: string }[];
  assert.ok(zjjBell.some((n) => n.title === '关上街道报送2026年度风险管控汇总'), 'a construction site is in 关上街道');
  const zjjAgg = (await zjj.get('/api/v1/risk/reports/2026/aggregates')).data.items;
  assert.equal(zjjAgg.length, 1);
  const part = zjjAgg[0].aggregate;
  assert.deepEqual(part.byIndustry.map((i: { industryCode: string }) => i.industryCode), ['construction']);
  assert.deepEqual(part.grade1, []);
  assert.deepEqual(part.reports, []);
  assert.ok(part.nonSubmitters.every((n: { industryCode: string }) => n.industryCode === 'construction'));
  assert.equal(part.totals.points.total, 0);
  assert.equal(part.totals.enterprises, mine.filter((e) => e.industry_code === 'construction').length);

  // Forwarding again replaces the aggregate and is audited as such.
  t.clock.now = new Date('2026-12-20T02:00:00Z');
  assert.equal((await guanshang.post('/api/v1/risk/reports/2026/forward', {})).statusCode, 200);
  const rows = await t.db.selectFrom('subdistrict_risk_reports').select('forwarded_at').where('subdistrict_id', '=', sub).where('year', '=', 2026).execute();
  assert.deepEqual(rows.map((r) => r.forwarded_at.toISOString()), ['2026-12-20T02:00:00.000Z']);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'subdistrict_risk_report').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['risk.report.forward', 'risk.report.reforward']);
  assert.equal((await guanshang.get('/api/v1/risk/reports?year=2026')).data.forwardedAt, '2026-12-20T02:00:00.000Z');
  assert.equal((await (await as('admin')).get('/api/v1/risk/reports/2026/aggregates')).data.items.length, 1);
});

test('scope: another enterprise and another subdistrict get 404 on the enterprise report routes', async () => {
  const other = await newUser('reportboss', { role: 'enterprise_principal', enterpriseId: ids.foreign.id });
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const officer = await newUser('reporttaihe', { role: 'subdistrict_officer', subdistrictId: taihe.id });
  const calls = await Promise.all([
    other.get(url(2026)), other.put(url(2025), { narrative: 'x', version: 0 }), other.post(`${url(2025)}/confirm`, { version: 1 }), other.post(`${url(2025)}/submit`, { version: 1 }),
    officer.get(url(2026)),
  ]);
  assert.deepEqual(calls.map((r) => r.statusCode), [404, 404, 404, 404, 404]);
  // And the other way round: the demo principal cannot reach the other enterprise's report.
  assert.equal((await (await as('principal')).get(url(2026, ids.foreign.id))).statusCode, 404);
  // A regulator does not read an enterprise's unsubmitted text.
  await other.put(url(2026, ids.foreign.id), { narrative: '内部草稿', version: 0 });
  const zjj = await as('zjj');
  const draft = await zjj.get(url(2026, ids.foreign.id));
  assert.deepEqual([draft.statusCode, draft.data.status, draft.data.narrative], [200, 'draft', null]);
  assert.equal((await officer.post('/api/v1/risk/reports/2026/forward', {})).data.aggregate.totals.submitted, 0, '太和 has no submitted report');
  assert.deepEqual((await officer.get('/api/v1/risk/reports/2026/aggregates')).data.items.map((i: { subdistrictName: string }) => i.subdistrictName), ['太和街道']);
});
