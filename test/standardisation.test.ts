import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { runObligationsDay } from '../src/modules/obligations';
import { standardisationFacts } from '../src/modules/management/standardisation/standardisation.facts';
import { t as message } from '../src/platform/i18n/messages';
import { standardisationPdfModel } from '../src/modules/management/standardisation/standardisation.pdf';
import { prefilledAssessment } from '../src/modules/management/standardisation/standardisation.prefill';
import { STANDARDISATION_DEFAULTS, standardisationRulesSchema } from '../src/modules/management/standardisation/standardisation.rule-sets';
import { certificateValidUntil, intendedGrade, reReviewDueOn, scoreAssessment, type PrefillResult } from '../src/modules/management/standardisation/standardisation.rules';
import type { Snapshot } from '../src/modules/management/standardisation/standardisation.service';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, makeHazard, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

// Issue 13 §4, R-STD-1: the GB/T 33000-2016 element table [cfg], the prefill from a known data set, adjustments only
// with reason and evidence, the principal's own signature, a submitted self-assessment locked (a correction is a new
// version), the yearly duty fulfilled in the submission's transaction, the external review's certificate and re-review
// duty, the regulators' view by scope, 404 across enterprises, roles, and bad input as 400 at its field.

let t: TestPlatform;
// The clock is the test's own: mid-June 2026, China time, so the year's windows (hazard deadlines, quarters) are fixed.
const YEAR = 2026;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-06-15T02:00:00Z'); // 2026-06-15 10:00 China time
});
after(async () => { await t.close(); });

const sign = { method: 'password', password: DEMO_PASSWORD };
const url = (ent: FreshEnterprise, rest = '') => `/api/v1/enterprises/${ent.id}/standardisation/${YEAR}${rest}`;
const element = (view: { elements: { code: string }[] }, code: string) => view.elements.find((e) => e.code === code) as {
  code: string; maxPoints: number; prefilledScore: number | null; score: number | null; assessed: boolean; records: { label: string; value: string }[];
};

async function guanshangSubdistrict(): Promise<string> {
  const u = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  return u.subdistrict_id!;
}

async function uploadEvidence(c: Client, ent: FreshEnterprise): Promise<string> {
  const boundary = '----sd' + Math.random().toString(36).slice(2);
  const png = makePng();
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request('POST', url(ent, '/evidence'), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids[0] as string;
}

// ---- the default table (pure) ----

test('R-STD-1: the default table has the eight first-level elements of GB/T 33000-2016, unique codes, 100 points, thresholds 90/75/60', () => {
  const d = STANDARDISATION_DEFAULTS;
  assert.deepEqual(d.firstLevel.map((f) => f.name), ['目标职责', '制度化管理', '教育培训', '现场管理', '安全风险管控及隐患排查治理', '应急管理', '事故管理', '持续改进']);
  const codes = d.elements.map((e) => e.code);
  assert.equal(new Set(codes).size, codes.length, 'codes unique');
  assert.equal(codes.length, 28);
  assert.equal(Math.round(d.elements.reduce((n, e) => n + e.maxPoints, 0) * 10) / 10, 100);
  for (const f of d.firstLevel) assert.ok(d.elements.some((e) => e.code.startsWith(`${f.code}.`)), `${f.code} has elements`);
  // At least one automatic prefill per first-level element.
  for (const f of d.firstLevel) assert.ok(d.elements.some((e) => e.code.startsWith(`${f.code}.`) && e.prefill !== null), `${f.code} has a prefill`);
  assert.deepEqual(d.grades, { first: 90, second: 75, third: 60 });
  assert.equal(standardisationRulesSchema.safeParse(d).success, true);
  const dup = { ...d, elements: [...d.elements, { ...d.elements[0]! }] };
  assert.equal(standardisationRulesSchema.safeParse(dup).success, false, 'a duplicate code is refused');
  assert.equal(standardisationRulesSchema.safeParse({ ...d, grades: { first: 70, second: 75, third: 60 } }).success, false, 'thresholds out of order');
});

test('R-STD-1: the intended grade by threshold, row by row (一级 ≥ 90, 二级 ≥ 75, 三级 ≥ 60)', () => {
  const g = STANDARDISATION_DEFAULTS.grades;
  const rows: [number, string][] = [[100, '1'], [90, '1'], [89.9, '2'], [75, '2'], [74.9, '3'], [60, '3'], [59.9, 'none'], [0, 'none']];
  for (const [score, grade] of rows) assert.equal(intendedGrade(score, g), grade, `${score}`);
});

test('R-STD-1: the total is normalised over the assessed elements; "not assessed" leaves the maximum; an adjustment replaces the prefill', () => {
  const rules = { ...STANDARDISATION_DEFAULTS, elements: STANDARDISATION_DEFAULTS.elements.slice(0, 3) };
  const pre = new Map<string, PrefillResult>([['resp.coverage', { ratio: 0.5, records: [] }], ['resp.principalRate', { ratio: null, records: [] }]]);
  const s = scoreAssessment(rules, pre as never, []);
  // 5.1.1 (no prefill) and 5.1.3 (no data) are not assessed: 2 of 4 points on 5.1.2 → 50 of 100.
  assert.deepEqual(s.elements.map((e) => [e.code, e.score]), [['5.1.1', null], ['5.1.2', 2], ['5.1.3', null]]);
  assert.deepEqual(s.totals, { rawScore: 2, assessedMax: 4, tableMax: 9, normalised: 50, intendedGrade: 'none' });
  const adj = scoreAssessment(rules, pre as never, [{ code: '5.1.1', score: 3, reason: '目标已分解考核', evidenceIds: ['x'] }]);
  assert.deepEqual(adj.totals, { rawScore: 5, assessedMax: 7, tableMax: 9, normalised: 71.4, intendedGrade: '3' });
});

test('R-STD-1 [cfg]: a certificate is valid 3 years; the re-review is requested 3 months before it expires (month ends clamped)', () => {
  assert.equal(certificateValidUntil('2026-06-15', 3), '2029-06-14');
  assert.equal(certificateValidUntil('2024-02-29', 3), '2027-02-28');
  assert.equal(reReviewDueOn('2029-06-14', 3), '2029-03-14');
  assert.equal(reReviewDueOn('2029-05-31', 3), '2029-02-28');
  assert.equal(reReviewDueOn('2028-05-31', 3), '2028-02-29');
});

// ---- the prefill against a known data set ----

test('R-STD-1: the prefill of a known data set — special equipment half overdue, the hazard loop half on time, no ledger, no rules, no plan filed, no accident', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01' });
  const safety = await ent.login('safety');
  const equip = async (body: Record<string, unknown>) => {
    const r = await safety.post(`/api/v1/enterprises/${ent.id}/equipment`, { code: `EQ-${Math.random().toString(36).slice(2, 8)}`, name: '设备', orgUnitId: ent.units.ws1, ...body });
    assert.equal(r.statusCode, 201, r.body);
  };
  await equip({ specialType: 'lift', lastInspectedOn: '2025-01-10' }); // due 2026-01-10: overdue
  await equip({ specialType: 'crane', lastInspectedOn: '2026-01-05' }); // due 2028-01-05
  await makeHazard(t, ent, { status: 'closed', deadlineInDays: 7 }); // closed on time
  await makeHazard(t, ent, { status: 'rectifying', deadlineInDays: 7 }); // will be past its deadline
  const fixed = t.clock.now;
  t.clock.now = new Date(fixed.getTime() + 10 * 86_400_000);
  try {
    const s = await prefilledAssessment(t.db, ent.id, YEAR, t.clock.now);
    const by = new Map(s.elements.map((e) => [e.code, e]));
    assert.equal(by.get('5.4.1')!.prefilledScore, 4, 'special equipment: 1 of 2 on time × 8 points');
    assert.deepEqual(by.get('5.4.1')!.records.map((r) => 'code' in r && [r.code, r.value]), [
      ['equipment.special', { kind: 'share', done: 1, all: 2 }], ['equipment.overdue', { kind: 'count', n: 1 }],
    ], 'the records behind it are codes and figures, shown in the reader\'s language');
    assert.equal(by.get('5.5.3')!.prefilledScore, 4, 'hazards: 1 of 2 closed by the deadline × 8 points (no check tasks)');
    assert.equal(by.get('5.5.1')!.prefilledScore, 0, 'no risk ledger scores nothing');
    assert.equal(by.get('5.2.2')!.prefilledScore, 0, 'no required rule in force');
    assert.equal(by.get('5.1.2')!.prefilledScore, 0, 'no duty lists: nobody covered');
    assert.equal(by.get('5.8.1')!.prefilledScore, 0, 'no yearly review signed');
    // Issue 14: emergency reads the plans, drills and rescue organisation — none of them recorded, nothing filed or held.
    for (const code of ['5.6.1', '5.6.2', '5.6.3']) assert.equal(by.get(code)!.assessed, true, `${code} assessed`);
    assert.deepEqual(by.get('5.6.1')!.records.slice(0, 2).map((r) => 'code' in r && [r.code, r.value]), [
      ['emergency.planFiled', { kind: 'state', state: 'no' }], ['emergency.drills', { kind: 'state', state: 'notDone' }],
    ]);
    // A year without an accident scores 5.7 in full (near misses are not accidents).
    for (const code of ['5.7.1', '5.7.2', '5.7.3']) assert.equal(by.get(code)!.prefilledScore, by.get(code)!.maxPoints, `${code} in full`);
    assert.deepEqual(by.get('5.7.1')!.records.map((r) => 'code' in r && [r.code, r.value]), [['accidents.none', { kind: 'count', n: 0 }]]);
    assert.equal(by.get('5.1.1')!.assessed, false, 'an element without a prefill waits for the enterprise');
    assert.ok(s.totals.assessedMax < s.totals.tableMax);
    assert.equal(s.totals.normalised, Math.round((s.totals.rawScore / s.totals.assessedMax) * 1000) / 10);
  } finally {
    t.clock.now = fixed;
  }
});

// ---- the workflow over HTTP ----

test('R-STD-1: an adjustment needs a reason and evidence; over the maximum is refused; with both it replaces the prefill', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const noReason = await safety.put(url(ent, '/elements/5.1.1'), { score: 2, reason: '', evidenceIds: [] });
  assert.equal(noReason.statusCode, 400, noReason.body);
  const paths = noReason.data.error.issues.map((i: { path: string }) => i.path);
  assert.ok(paths.includes('body.reason') && paths.includes('body.evidenceIds'), JSON.stringify(paths));
  const evidence = await uploadEvidence(safety, ent);
  const over = await safety.put(url(ent, '/elements/5.1.1'), { score: 3.5, reason: '目标已分解', evidenceIds: [evidence] });
  assert.equal(over.statusCode, 400, over.body);
  assert.equal(over.data.error.issues[0].path, 'body.score');
  const foreign = await safety.put(url(ent, '/elements/5.1.1'), { score: 3, reason: '目标已分解', evidenceIds: ['00000000-0000-4000-8000-000000000000'] });
  assert.equal(foreign.statusCode, 400, foreign.body);
  const ok = await safety.put(url(ent, '/elements/5.1.1'), { score: 3, reason: '年度目标已分解到车间并考核', evidenceIds: [evidence] });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(element(ok.data, '5.1.1').score, 3);
  assert.equal(element(ok.data, '5.1.1').assessed, true);
  assert.equal(ok.data.status, 'draft');
  const unknown = await safety.put(url(ent, '/elements/5.9.1'), { score: 1, reason: '理由', evidenceIds: [evidence] });
  assert.equal(unknown.statusCode, 400, 'a code outside 5.1–5.8 is bad input');
});

test('R-STD-1, R-RESP-5: only the principal signs; submission locks it, fulfils the year\'s duty in its transaction and reports to the regulators; a correction is version 2', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01', subdistrictId: await guanshangSubdistrict() });
  const [safety, principal, admin] = [await ent.login('safety'), await ent.login('principal'), await t.login('admin')];
  assert.equal((await safety.post(url(ent, '/sign'), sign)).statusCode, 403, 'a safety manager has no signing permission');
  const byAdmin = await admin.post(url(ent, '/sign'), sign);
  assert.equal(byAdmin.statusCode, 403);
  assert.equal(byAdmin.data.error.reason, 'PRINCIPAL_ONLY');
  assert.equal((await safety.post(url(ent, '/submit'), { version: 0 })).data.error?.reason, 'NOT_CONFIRMED');

  const signed = await principal.post(url(ent, '/sign'), sign);
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.data.status, 'confirmed');
  assert.ok(signed.data.signatureId);
  assert.equal(signed.data.confirmedBy.id, ent.users.principal.id);

  // A refused submission (stale version) rolls back whole: the duty stays open.
  const stale = await safety.post(url(ent, '/submit'), { version: signed.data.revision + 5 });
  assert.equal(stale.statusCode, 409, stale.body);
  const open = await t.db.selectFrom('obligation_occurrences').select('status').where('enterprise_id', '=', ent.id)
    .where('definition_key', '=', 'standardisation.self_assessment').where('period_key', '=', String(YEAR)).executeTakeFirst();
  assert.notEqual(open?.status, 'fulfilled');
  const outboxBefore = Number((await sql<{ n: number }>`select count(*)::int as n from outbox where payload->>'kind' = 'standardisation'`.execute(t.db)).rows[0]!.n);
  const submitted = await safety.post(url(ent, '/submit'), { version: signed.data.revision });
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.data.status, 'submitted');
  assert.equal(submitted.data.versions[0].status, 'submitted');
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'period_key'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'standardisation.self_assessment').where('period_key', '=', String(YEAR)).execute();
  assert.deepEqual(duty.map((d) => [d.period_key, d.status, d.record_type]), [[String(YEAR), 'fulfilled', 'standardisation_assessment']]);
  const outboxAfter = Number((await sql<{ n: number }>`select count(*)::int as n from outbox where payload->>'kind' = 'standardisation'`.execute(t.db)).rows[0]!.n);
  assert.ok(outboxAfter > outboxBefore, 'the subdistrict officer is notified');

  // Submitted is immutable: no adjustment, no new signature, and the database refuses a change of the version.
  const evidenceRefused = await safety.put(url(ent, '/elements/5.1.1'), { score: 1, reason: '补充', evidenceIds: ['00000000-0000-4000-8000-000000000000'] });
  assert.equal(evidenceRefused.statusCode, 409, evidenceRefused.body);
  assert.equal(evidenceRefused.data.error.reason, 'SUBMITTED');
  assert.equal((await principal.post(url(ent, '/sign'), sign)).data.error.reason, 'SUBMITTED');
  await assert.rejects(sql`update submission_versions set snapshot = '{}'::jsonb where enterprise_id = ${ent.id} and kind = 'standardisation.self'`.execute(t.db));

  const facts = (await standardisationFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!;
  assert.equal(facts.required, true, 'hazardous chemicals are high-risk: the plan requires it');
  assert.equal(facts.status, 'submitted');
  assert.equal(facts.score, submitted.data.totals.normalised);
  assert.equal(facts.awardedGrade, null, 'a self-assessment never awards a grade');

  const corrected = await safety.post(url(ent, '/corrections'));
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.equal(corrected.data.status, 'draft');
  assert.deepEqual(corrected.data.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'draft'], [1, 'submitted']]);
  assert.equal((await standardisationFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!.status, 'submitted', 'still submitted for the year while corrected');

  // The regulator of the subdistrict sees the submitted version, not the correction; another subdistrict's does not.
  const officer = await t.login('guanshang');
  const seen = await officer.get(url(ent));
  assert.equal(seen.statusCode, 200, seen.body);
  assert.equal(seen.data.status, 'submitted');
  const list = await officer.get(`/api/v1/standardisation-overview?year=${YEAR}&q=${encodeURIComponent(ent.name)}`);
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.data.items.map((i: { enterpriseId: string; submitted: boolean }) => [i.enterpriseId, i.submitted]), [[ent.id, true]]);
  const xlsx = await officer.get(`/api/v1/standardisation-overview/export?year=${YEAR}`);
  assert.equal(xlsx.statusCode, 200);
});

test('R-STD-1: the regulators\' view by scope, "not submitted" by default for the enterprises the plan requires, and 404 outside scope', async () => {
  const guanshang = await guanshangSubdistrict();
  const other = (await t.db.selectFrom('subdistricts').select('id').where('id', '<>', guanshang).orderBy('code').executeTakeFirstOrThrow()).id;
  const mine = await makeEnterprise(t, { subdistrictId: guanshang });
  const elsewhere = await makeEnterprise(t, { subdistrictId: other });
  const officer = await t.login('guanshang');
  const list = await officer.get(`/api/v1/standardisation-overview?status=notSubmitted&pageSize=200&year=${YEAR}`);
  assert.equal(list.statusCode, 200, list.body);
  const ids = list.data.items.map((i: { enterpriseId: string }) => i.enterpriseId);
  assert.ok(ids.includes(mine.id));
  assert.ok(!ids.includes(elsewhere.id), 'another subdistrict is out of scope');
  assert.equal((await officer.get(url(elsewhere))).statusCode, 404);
  // Another enterprise's managers get 404, for reading and writing alike.
  const stranger = await elsewhere.login('safety');
  assert.equal((await stranger.get(url(mine))).statusCode, 404);
  assert.equal((await stranger.put(url(mine, '/elements/5.1.1'), { score: 1, reason: '理由', evidenceIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode, 404);
  assert.equal((await stranger.get(`/api/v1/enterprises/${mine.id}/standardisation-reviews`)).statusCode, 404);
  // Roles: a worker and a unit leader do not see the self-assessment; a regulator may not change it.
  assert.equal((await (await mine.login('worker')).get(url(mine))).statusCode, 403);
  assert.equal((await (await mine.login('leader')).get(url(mine))).statusCode, 403);
  assert.equal((await officer.post(url(mine, '/submit'), { version: 0 })).statusCode, 403);
  assert.equal((await (await mine.login('safety')).get('/api/v1/standardisation-overview')).statusCode, 403);
});

test('R-STD-1: bad input is 400 at its field, never 500', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  assert.equal((await safety.get(`/api/v1/enterprises/${ent.id}/standardisation/abc`)).statusCode, 400);
  const future = await safety.get(`/api/v1/enterprises/${ent.id}/standardisation/${YEAR + 1}`);
  assert.equal(future.statusCode, 200, 'reading a later year shows an empty live table');
  const futureAdjust = await safety.put(`/api/v1/enterprises/${ent.id}/standardisation/${YEAR + 1}/elements/5.1.1`, { score: 1, reason: '理由', evidenceIds: ['00000000-0000-4000-8000-000000000000'] });
  assert.equal(futureAdjust.statusCode, 400);
  assert.equal(futureAdjust.data.error.issues[0].path, 'params.year');
  const noGrade = await safety.post(`/api/v1/enterprises/${ent.id}/standardisation-reviews`, { reviewBody: '某评审单位', reviewedOn: '2026-05-01', passed: true });
  assert.equal(noGrade.statusCode, 400);
  assert.equal(noGrade.data.error.issues[0].path, 'body.grade');
  const later = await safety.post(`/api/v1/enterprises/${ent.id}/standardisation-reviews`, { reviewBody: '某评审单位', reviewedOn: '2027-01-01', passed: true, grade: '2' });
  assert.equal(later.statusCode, 400);
  assert.equal(later.data.error.issues[0].path, 'body.reviewedOn');
  assert.equal((await safety.get(`/api/v1/standardisation-overview?sort=nope`)).statusCode, 403, 'permission before input');
  assert.equal((await (await t.login('guanshang')).get('/api/v1/standardisation-overview?sort=nope')).statusCode, 400);
  assert.equal((await safety.post(url(ent, '/submit'), {})).statusCode, 400);
});

test('R-STD-1: an external review awards the grade for 3 years and opens the re-review duty 3 months before expiry; the next review fulfils it', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const review = await safety.post(`/api/v1/enterprises/${ent.id}/standardisation-reviews`, {
    reviewBody: '云南省安全生产标准化评审中心', reviewers: '张三、李四', reviewedOn: '2026-05-20', passed: true, grade: '2', certificateNo: 'AQBⅡ-2026-001',
  });
  assert.equal(review.statusCode, 201, review.body);
  assert.deepEqual([review.data.grade, review.data.validUntil, review.data.reReviewOn, review.data.inForce], ['2', '2029-05-19', '2029-02-19', true]);
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status']).select(sql<string>`due_on::text`.as('due'))
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'standardisation.re_review').execute();
  assert.deepEqual(duty.map((d) => [d.due, d.status]), [['2029-02-19', 'upcoming']]);
  const facts = (await standardisationFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!;
  assert.deepEqual([facts.awardedGrade, facts.validUntil], ['2', '2029-05-19']);
  // The re-review recorded fulfils the open duty and opens the next one.
  const next = await safety.post(`/api/v1/enterprises/${ent.id}/standardisation-reviews`, { reviewBody: '云南省安全生产标准化评审中心', reviewedOn: '2026-06-10', passed: true, grade: '1' });
  assert.equal(next.statusCode, 201, next.body);
  const after = await t.db.selectFrom('obligation_occurrences').select(['status']).select(sql<string>`due_on::text`.as('due'))
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'standardisation.re_review').orderBy('due_on').execute();
  assert.deepEqual(after.map((d) => [d.due, d.status]), [['2029-02-19', 'fulfilled'], ['2029-03-09', 'upcoming']]);
  // Recorded reviews never change.
  await assert.rejects(sql`update standardisation_reviews set grade = '1' where enterprise_id = ${ent.id}`.execute(t.db));
});

test('the demo chemical plant submitted last year\'s self-assessment (signed by the principal, one score adjusted with evidence) and holds a 二级 review in force', async () => {
  const seededAt = (await t.db.selectFrom('audit_log').select('at').where('action', '=', 'system.seed_demo').executeTakeFirstOrThrow()).at;
  const year = Number(new Date(seededAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  const principal = await t.login('principal');
  const e = (await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow()).enterprise_id!;
  const view = await principal.get(`/api/v1/enterprises/${e}/standardisation/${year}`);
  assert.equal(view.statusCode, 200, view.body);
  assert.equal(view.data.status, 'submitted');
  assert.ok(view.data.signatureId);
  assert.equal(element(view.data, '5.1.1').score, 3);
  assert.ok(view.data.versions[0].sha256);
  const reviews = await principal.get(`/api/v1/enterprises/${e}/standardisation-reviews`);
  assert.deepEqual(reviews.data.items.map((r: { grade: string; inForce: boolean }) => [r.grade, r.inForce]), [['2', true]]);
});

test('R-STD-1: the yearly self-assessment is owed by central/provincial, high-risk or above-scale enterprises, and by no other', async () => {
  const admin = await t.login('admin');
  const make = async (industryCode: string, flags: { aboveScale?: boolean; centralProvincial?: boolean }) => {
    const ent = await makeEnterprise(t, { industryCode, onboardedOn: '2026-01-01' });
    if (flags.aboveScale || flags.centralProvincial) {
      const cur = await admin.get(`/api/v1/enterprises/${ent.id}`);
      const res = await admin.patch(`/api/v1/enterprises/${ent.id}`, { ...flags, version: cur.data.version });
      assert.equal(res.statusCode, 200, res.body);
    }
    return ent;
  };
  const rows: [string, { aboveScale?: boolean; centralProvincial?: boolean }, boolean][] = [
    ['hazardous_chemicals', {}, true],
    ['machinery', { aboveScale: true }, true],
    ['machinery', { centralProvincial: true }, true],
    ['machinery', {}, false],
  ];
  const made = [];
  for (const [industry, flags] of rows) made.push(await make(industry, flags));
  await runObligationsDay(t.db, t.clock.now, { notify: false });
  for (const [i, [industry, flags, owes]] of rows.entries()) {
    const occ = await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', made[i]!.id)
      .where('definition_key', '=', 'standardisation.self_assessment').where('period_key', '=', String(YEAR)).executeTakeFirst();
    assert.equal(!!occ, owes, `${industry} ${JSON.stringify(flags)}`);
    assert.equal((await standardisationFacts(t.db, [made[i]!.id], t.clock.now)).get(made[i]!.id)!.required, owes, `facts ${industry} ${JSON.stringify(flags)}`);
  }
});

// ---- the reader's language ----

/** Chinese characters and full-width punctuation: none may reach an en-US reader from the module's own texts. */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

test('R-STD-1: the records behind each prefilled score are stored as codes and shown in the caller\'s language: English for en-US, Chinese (the default) unchanged', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01' });
  const safety = await ent.login('safety');
  const lift = await safety.post(`/api/v1/enterprises/${ent.id}/equipment`, { code: 'EQ-LANG', name: '设备', orgUnitId: ent.units.ws1, specialType: 'lift', lastInspectedOn: '2025-01-10' });
  assert.equal(lift.statusCode, 201, lift.body);
  const stored = await prefilledAssessment(t.db, ent.id, YEAR, t.clock.now);
  const codes = new Map(stored.elements.map((e) => [e.code, e.records.map((r) => ('code' in r ? r.code : null))]));
  assert.deepEqual(codes.get('5.4.1'), ['equipment.special', 'equipment.overdue']);
  assert.deepEqual(codes.get('5.6.1'), ['emergency.planFiled', 'emergency.drills', 'emergency.rescue']);
  assert.deepEqual(codes.get('5.7.1'), ['accidents.none']);
  assert.ok(codes.get('5.2.2')!.includes('rules.missing'), 'a new enterprise lacks required rules');

  const byDefault = await safety.get(url(ent));
  const zh = await safety.get(url(ent), { 'accept-language': 'zh-CN' });
  const en = await safety.get(url(ent), { 'accept-language': 'en-US' });
  for (const r of [byDefault, zh, en]) assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(byDefault.data.elements, zh.data.elements, 'zh-CN is the default');
  for (const e of stored.elements) {
    const [zhE, enE] = [element(zh.data, e.code), element(en.data, e.code)];
    const keys = codes.get(e.code)!.map((c) => `standardisation.evidence.${c}`);
    assert.deepEqual(zhE.records.map((r) => r.label), keys.map((k) => message('zh-CN', k)), `${e.code} in Chinese`);
    assert.deepEqual(enE.records.map((r) => r.label), keys.map((k) => message('en-US', k)), `${e.code} in English`);
    for (const r of enE.records) assert.doesNotMatch(`${r.label} ${r.value}`, CJK, `${e.code}: ${r.label} ${r.value}`);
  }
  // The figures keep their shape; the words and the punctuation are the reader's.
  assert.match(element(zh.data, '5.4.1').records[0]!.value, /^0\/1（0%）$/);
  assert.match(element(en.data, '5.4.1').records[0]!.value, /^0\/1 \(0%\)$/);
  // A state ("no", "not assessed") is a word of the reader's language too: 5.6.1's plan not filed.
  const no = 'standardisation.evidence.state.no';
  assert.deepEqual([element(zh.data, '5.6.1').records[0]!.value, element(en.data, '5.6.1').records[0]!.value], [message('zh-CN', no), message('en-US', no)]);
  assert.match(element(zh.data, '5.6.1').records[0]!.value, CJK);
});

test('R-STD-1: the PDF follows the caller\'s language: the archived Chinese one for zh-CN, for en-US an English rendering of the same snapshot that leaves the archive as filed', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01' });
  const [safety, principal] = [await ent.login('safety'), await ent.login('principal')];
  const signed = await principal.post(url(ent, '/sign'), sign);
  assert.equal(signed.statusCode, 200, signed.body);
  const submitted = await safety.post(url(ent, '/submit'), { version: signed.data.revision });
  assert.equal(submitted.statusCode, 200, submitted.body);
  const archived = submitted.data.versions[0].pdfSha256 as string;
  assert.ok(archived, 'the Chinese PDF is archived at submission');

  const zhPdf = await safety.get(url(ent, '/versions/1/pdf'));
  assert.equal(zhPdf.statusCode, 200, zhPdf.body);
  assert.equal(zhPdf.headers['x-content-sha256'], archived, 'zh-CN downloads the archived PDF');
  const enPdf = await safety.get(url(ent, '/versions/1/pdf'), { 'accept-language': 'en-US' });
  assert.equal(enPdf.statusCode, 200, enPdf.body);
  assert.equal(enPdf.headers['content-type'], 'application/pdf');
  assert.equal(enPdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.notEqual(enPdf.headers['x-content-sha256'], archived, 'en-US gets its own rendering');
  assert.match(decodeURIComponent(String(enPdf.headers['content-disposition'])), /standardisation-self-assessment-2026-v1\.pdf/);
  assert.equal((await safety.get(url(ent))).data.versions[0].pdfSha256, archived, 'the archive is as filed');
  assert.equal((await safety.get(`/api/v1/enterprises/${ent.id}/standardisation/${YEAR}/versions/2/pdf`, { 'accept-language': 'en-US' })).statusCode, 404);

  // The model of the locked snapshot: the module's messages in the reader's language.
  const row = await t.db.selectFrom('submission_versions').select('snapshot').where('enterprise_id', '=', ent.id).where('kind', '=', 'standardisation.self')
    .where('version', '=', 1).executeTakeFirstOrThrow();
  const snap = row.snapshot as Snapshot;
  const [zhModel, enModel] = [standardisationPdfModel(snap, YEAR, 'zh-CN'), standardisationPdfModel(snap, YEAR, 'en-US')];
  const head = ['enterprise', 'creditCode', 'year', 'score', 'intendedGrade', 'note'].map((k) => `standardisation.pdf.${k}`);
  assert.deepEqual(zhModel.header.map(([label]) => label), head.map((k) => message('zh-CN', k)));
  assert.deepEqual(enModel.header.map(([label]) => label), [...head, 'standardisation.pdf.translation'].map((k) => message('en-US', k)), 'marked as a translation');
  const words = (m: typeof enModel) => [m.title, ...m.header.map(([l]) => l), ...m.sections.flatMap((x) => [x.heading, ...('table' in x ? x.table.columns : []), ...('fields' in x ? x.fields.map(([l]) => l) : [])])];
  for (const w of words(enModel)) assert.doesNotMatch(w, CJK, w);
  for (const w of words(zhModel)) assert.match(w, CJK, w);
  const basis = (m: typeof enModel, code: string) => {
    const s = m.sections.find((x) => 'table' in x && x.table.rows.some((r) => r[0]!.startsWith(`${code} `)));
    return s && 'table' in s ? s.table.rows.find((r) => r[0]!.startsWith(`${code} `))!.at(-1)! : '';
  };
  assert.ok(basis(enModel, '5.4.1').startsWith(message('en-US', 'standardisation.evidence.equipment.special')), basis(enModel, '5.4.1'));
  assert.ok(basis(zhModel, '5.4.1').startsWith(message('zh-CN', 'standardisation.evidence.equipment.special')), basis(zhModel, '5.4.1'));
  // A snapshot signed before the records were codes shows them as they were written.
  const legacy = { ...snap, elements: snap.elements.map((e) => (e.code === '5.4.1' ? { ...e, records: [{ label: '旧记录', value: '1/2', link: null }] } : e)) };
  assert.ok(basis(standardisationPdfModel(legacy, YEAR, 'en-US'), '5.4.1').startsWith('旧记录: 1/2'));
});
