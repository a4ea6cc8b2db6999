import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aggregateSubdistrict } from '../src/modules/risk/report/risk-report.rules';
import { snapshotHash } from '../src/platform/submissions/submission.rules';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { allNotifications, createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';
import { runObligationsDay } from '../src/modules/obligations';
import { localInstant } from '../src/platform/time';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  // Sessions outlive the clock moves below (the hourly cleanup compares expiry with the platform clock).
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  // Who owes a year's report is the obligations engine's (issue 11 §1). The demo district joined the platform in the
  // year before the demo was loaded, and its duties open as the daily job runs; this file reads 2025 and 2026 on any
  // real date (the demo is loaded on 1 January 2027 too), so its world says: every enterprise joined in 2024 and the
  // daily job ran in December of 2025 and of 2026.
  await t.db.updateTable('enterprises').set({ onboarded_on: '2024-01-01' }).execute();
  for (const at of [localInstant(2025, 11, 1, 9), localInstant(2026, 11, 1, 9)]) await runObligationsDay(t.db, at, { notify: false });
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
  const fwd = await guanshang.post('/api/v1/risk/reports/2026/forward', { acknowledgeMissing: true });
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.deepEqual([fwd.data.version, fwd.data.latestVersion, fwd.data.versions.length], [1, 1, 1]);
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
  const bell = await allNotifications(yjj);
  assert.ok(bell.some((n) => n.title === '关上街道报送2026年度风险管控汇总'), JSON.stringify(bell.map((n) => n.title)));
  const yjjAgg = (await yjj.get('/api/v1/risk/reports/2026/aggregates')).data.items;
  assert.equal(yjjAgg.length, 1);
  assert.ok(yjjAgg[0].aggregate.byIndustry.some((i: { industryCode: string }) => i.industryCode === 'hazardous_chemicals'));
  assert.ok(!yjjAgg[0].aggregate.byIndustry.some((i: { industryCode: string }) => i.industryCode === 'construction'));
  assert.equal(yjjAgg[0].aggregate.grade1.length, 1);

  const zjj = await as('zjj');
  const zjjBell = await allNotifications(zjj);
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

  // Forwarding again with nothing new is refused: the forwarded version stays as it is.
  t.clock.now = new Date('2026-12-20T02:00:00Z');
  const again = await guanshang.post('/api/v1/risk/reports/2026/forward', { acknowledgeMissing: true });
  assert.deepEqual([again.statusCode, again.data.error.code, again.data.error.reason], [409, 'STATE', 'NOTHING_NEW']);
  const rows = await t.db.selectFrom('subdistrict_risk_reports').select(['forwarded_at', 'version']).where('subdistrict_id', '=', sub).where('year', '=', 2026).execute();
  assert.deepEqual(rows.map((r) => [r.forwarded_at.toISOString(), r.version]), [['2026-12-10T02:00:00.000Z', 1]]);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'subdistrict_risk_report').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['risk.report.forward']);
  const status = (await guanshang.get('/api/v1/risk/reports?year=2026')).data;
  assert.deepEqual([status.forwardedAt, status.forwardedVersion], ['2026-12-10T02:00:00.000Z', 1]);
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
  assert.equal((await officer.post('/api/v1/risk/reports/2026/forward', { acknowledgeMissing: true })).data.aggregate.totals.submitted, 0, '太和 has no submitted report');
  assert.deepEqual((await officer.get('/api/v1/risk/reports/2026/aggregates')).data.items.map((i: { subdistrictName: string }) => i.subdistrictName), ['太和街道']);
});

// ---- issue 10: the forwarded aggregate is versioned and a forward with enterprises missing is confirmed ----

/** A subdistrict of its own, with its officer and two fresh enterprises: the demo's subdistricts keep their state. */
let fresh: { subdistrictId: string; officer: Client; a: FreshEnterprise; b: FreshEnterprise };
const forwardUrl = '/api/v1/risk/reports/2026/forward';
const versionUrl = (v: number) => `/api/v1/risk/reports/2026/aggregates/${fresh.subdistrictId}/versions/${v}`;
const aggregateOf = async (c: Client) =>
  ((await c.get('/api/v1/risk/reports/2026/aggregates')).data.items as { subdistrictId: string; version: number; latestVersion: number; versions: { version: number; sha256: string }[]; aggregate: { totals: { submitted: number }; nonSubmitters: { enterpriseId: string }[] } }[])
    .find((i) => i.subdistrictId === fresh.subdistrictId);
async function submitReport(e: FreshEnterprise, year: number) {
  const safety = await e.login('safety');
  const base = url(year, e.id);
  assert.equal((await safety.put(base, { narrative: '本年度风险点均已落实管控措施。', version: 0 })).statusCode, 200);
  assert.equal((await (await e.login('principal')).post(`${base}/confirm`, { version: 1 })).statusCode, 200);
  const done = await safety.post(`${base}/submit`, { version: 2 });
  assert.equal(done.statusCode, 200, done.body);
}
const refusal = (r: { statusCode: number; data: { error: { code: string; reason: string | null } } }) => [r.statusCode, r.data.error.code, r.data.error.reason];

test('a forward with enterprises that have not reported is refused without an acknowledgement that names them and the days left', async () => {
  t.clock.now = new Date('2026-12-01T02:00:00Z');
  const admin = await as('admin');
  const created = await admin.post('/api/v1/subdistricts', { code: 'V10', name: '版本测试街道' });
  assert.equal(created.statusCode, 201, created.body);
  const subdistrictId = created.data.id as string;
  const officer = await newUser('versionstreet', { role: 'subdistrict_officer', subdistrictId });
  // Both joined before 2025, so both owe its report and 2026's (issue 11 §1: the engine says who owes it).
  const a = await makeEnterprise(t, { subdistrictId, name: '版本测试甲化工有限公司', onboardedOn: '2024-12-01' });
  const b = await makeEnterprise(t, { subdistrictId, name: '版本测试乙化工有限公司', onboardedOn: '2024-12-01' });
  fresh = { subdistrictId, officer, a, b };
  await submitReport(a, 2026);

  const preview = await officer.get(forwardUrl);
  assert.equal(preview.statusCode, 200, preview.body);
  assert.deepEqual(
    [preview.data.dueDate, preview.data.daysToDue, preview.data.enterprises, preview.data.submitted, preview.data.latestVersion, preview.data.unchanged],
    ['2026-12-31', 30, 2, 1, null, false],
  );
  assert.deepEqual(preview.data.nonSubmitters.map((n: { enterpriseId: string; status: string }) => [n.enterpriseId, n.status]), [[b.id, 'none']]);

  for (const body of [{}, { acknowledgeMissing: false }]) {
    const refused = await officer.post(forwardUrl, body);
    assert.deepEqual(refusal(refused), [409, 'STATE', 'MISSING_REPORTS']);
    assert.ok(refused.data.error.message.includes(b.name), refused.data.error.message);
    assert.ok(!refused.data.error.message.includes(a.name), 'only those that have not submitted');
  }
  assert.equal(await aggregateOf(officer), undefined, 'a refused forward stores nothing');
  assert.equal((await officer.get('/api/v1/risk/reports?year=2026')).data.forwardedVersion, null);

  const fwd = await officer.post(forwardUrl, { acknowledgeMissing: true });
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.deepEqual([fwd.data.version, fwd.data.latestVersion, fwd.data.versions.map((v: { version: number }) => v.version)], [1, 1, [1]]);
  assert.deepEqual(fwd.data.aggregate.nonSubmitters.map((n: { enterpriseId: string }) => n.enterpriseId), [b.id]);
  const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'subdistrict_risk_report').where('entity_id', '=', `${subdistrictId}:2026`).execute();
  assert.deepEqual(audit.map((r) => [r.action, (r.after as { acknowledgedMissing: string[] }).acknowledgedMissing]), [['risk.report.forward', [b.id]]]);
});

test('an identical re-forward is refused; after a later submission the forward is version 2 and version 1 stays locked and readable', async () => {
  const { officer, b, subdistrictId } = fresh;
  t.clock.now = new Date('2026-12-05T02:00:00Z');
  assert.equal((await officer.get(forwardUrl)).data.unchanged, true);
  assert.deepEqual(refusal(await officer.post(forwardUrl, { acknowledgeMissing: true })), [409, 'STATE', 'NOTHING_NEW']);

  t.clock.now = new Date('2026-12-15T02:00:00Z');
  await submitReport(b, 2026);
  const preview = (await officer.get(forwardUrl)).data;
  assert.deepEqual([preview.nonSubmitters, preview.unchanged, preview.latestVersion, preview.daysToDue], [[], false, 1, 16]);
  // Everyone has reported: no acknowledgement needed.
  const v2 = await officer.post(forwardUrl, {});
  assert.equal(v2.statusCode, 200, v2.body);
  assert.deepEqual([v2.data.version, v2.data.latestVersion, v2.data.versions.map((v: { version: number }) => v.version)], [2, 2, [2, 1]]);
  assert.deepEqual([v2.data.aggregate.totals.submitted, v2.data.aggregate.nonSubmitters], [2, []]);
  assert.deepEqual(refusal(await officer.post(forwardUrl, {})), [409, 'STATE', 'NOTHING_NEW']);

  // Version 1 is still there as forwarded: read back through the API, and the database refuses to change it.
  const v1 = await officer.get(versionUrl(1));
  assert.equal(v1.statusCode, 200, v1.body);
  assert.deepEqual([v1.data.version, v1.data.latestVersion, v1.data.forwardedAt], [1, 2, '2026-12-01T02:00:00.000Z']);
  assert.deepEqual([v1.data.aggregate.totals.submitted, v1.data.aggregate.nonSubmitters.map((n: { enterpriseId: string }) => n.enterpriseId)], [1, [b.id]]);
  assert.equal(v1.data.sha256, v2.data.versions.find((v: { version: number }) => v.version === 1).sha256);
  const stored = () => t.db.selectFrom('submission_versions').select(['status', 'snapshot', 'snapshot_sha256'])
    .where('enterprise_id', '=', subdistrictId).where('kind', '=', 'risk.subdistrict').where('subject_key', '=', '2026').where('version', '=', 1).executeTakeFirstOrThrow();
  const before = await stored();
  assert.equal(before.status, 'submitted');
  await assert.rejects(
    t.db.updateTable('submission_versions').set({ snapshot: JSON.stringify({ forged: true }) })
      .where('enterprise_id', '=', subdistrictId).where('kind', '=', 'risk.subdistrict').where('version', '=', 1).execute(),
    /locked/,
  );
  await assert.rejects(
    t.db.deleteFrom('submission_versions').where('enterprise_id', '=', subdistrictId).where('kind', '=', 'risk.subdistrict').where('version', '=', 1).execute(),
    /locked/,
  );
  assert.deepEqual(await stored(), before);
  assert.equal((await officer.get(versionUrl(3))).statusCode, 404);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'subdistrict_risk_report').where('entity_id', '=', `${subdistrictId}:2026`).orderBy('seq').execute();
  assert.deepEqual(audit.map((r) => r.action), ['risk.report.forward', 'risk.report.reforward']);
});

test('a department sees the latest version of an aggregate as current and opens earlier ones; others cannot', async () => {
  const yjj = await as('yjj');
  const current = await aggregateOf(yjj);
  assert.ok(current, 'the 应急局 supervises hazardous chemicals');
  assert.deepEqual([current.version, current.latestVersion, current.versions.map((v) => v.version)], [2, 2, [2, 1]]);
  assert.deepEqual([current.aggregate.totals.submitted, current.aggregate.nonSubmitters], [2, []]);
  const v1 = await yjj.get(versionUrl(1));
  assert.equal(v1.statusCode, 200, v1.body);
  assert.deepEqual([v1.data.version, v1.data.latestVersion, v1.data.aggregate.totals.submitted], [1, 2, 1]);
  // 住建局 supervises none of its industries; another subdistrict's officer does not see it at all.
  const zjj = await as('zjj');
  assert.equal(await aggregateOf(zjj), undefined);
  assert.equal((await zjj.get(versionUrl(1))).statusCode, 404);
  assert.equal((await (await as('guanshang')).get(versionUrl(1))).statusCode, 404);
  assert.equal((await yjj.get(forwardUrl)).statusCode, 403, 'only a subdistrict forwards');
});

test('an aggregate forwarded before versions existed reads as version 1 and is kept as version 1 by the next forward', async () => {
  const { officer, subdistrictId, a, b } = fresh;
  t.clock.now = new Date('2026-12-16T02:00:00Z');
  const earlier = aggregateSubdistrict(2025, []);
  const forwardedBy = (await t.db.selectFrom('users').select('id').where('username', '=', 'versionstreet').executeTakeFirstOrThrow()).id;
  await t.db.insertInto('subdistrict_risk_reports')
    .values({ subdistrict_id: subdistrictId, year: 2025, snapshot: JSON.stringify(earlier), forwarded_by: forwardedBy, forwarded_at: new Date('2026-01-05T02:00:00Z') }).execute();
  const old = ((await officer.get('/api/v1/risk/reports/2025/aggregates')).data.items as { version: number; versions: { version: number; sha256: string | null }[] }[])[0]!;
  assert.deepEqual([old.version, old.versions], [1, [{ version: 1, forwardedAt: '2026-01-05T02:00:00.000Z', forwardedBy: 'versionstreet', sha256: null }]]);

  const fwd = await officer.post('/api/v1/risk/reports/2025/forward', { acknowledgeMissing: true });
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.deepEqual([fwd.data.version, fwd.data.versions.map((v: { version: number }) => v.version)], [2, [2, 1]]);
  assert.deepEqual(fwd.data.aggregate.nonSubmitters.map((n: { enterpriseId: string }) => n.enterpriseId).sort(), [a.id, b.id].sort());
  const v1 = (await officer.get(`/api/v1/risk/reports/2025/aggregates/${subdistrictId}/versions/1`)).data;
  assert.deepEqual([v1.version, v1.forwardedAt, v1.aggregate], [1, '2026-01-05T02:00:00.000Z', earlier]);
  assert.equal(v1.sha256, snapshotHash(earlier));
});
