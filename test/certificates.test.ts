import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { certificateFacts } from '../src/modules/management/certificates/certificates.facts';
import { competenceFacts } from '../src/modules/management/overview/competence.facts';
import { CATALOGUE_DEFAULTS, CERTIFICATE_RULES, PERIOD_DEFAULTS, QUALIFICATION_DAYS_DEFAULT } from '../src/modules/management/certificates/certificates.rule-sets';
import {
  certificateStatus, comesOfAgeOn, defaultValidUntil, mayExtendReview, minorMayHold, nextReviewFrom, qualificationDueOn, qualificationState, typeOfPost,
} from '../src/modules/management/certificates/certificates.rules';
import { openQualificationDutiesAll, openUncertifiedHazards } from '../src/modules/management/certificates/certificates.service';
import { addLocalDays, addLocalMonths, localDay } from '../src/platform/time';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, type Client, type Res, type TestPlatform } from './helpers';

// Issue 13 §2, R-TRN-2, R-HAZ-2: certificates (validity, reviews, the 10-year extension), reviews and renewals as duties
// on the obligations engine, "no certificate, no post" refused in every path that puts a person on a post (employee
// create, employee update, roster import), the age rules, the major hazard opened once for a lapsed certificate, the
// unqualified-on-post list and the facts for the regulators. Scope: enterprise B gets 404; roles 403; bad input 400.

const SO = PERIOD_DEFAULTS.special_operation;

describe('certificate dates and status (pure rules, R-TRN-2)', () => {
  test('R-TRN-2: valid 6 years from issue; reviewed every 3; every 6 once extended after 10 compliant years [cfg]', () => {
    // [issued, extended, valid until, first review]
    const rows: [string, boolean, string, string | null][] = [
      ['2020-03-01', false, '2026-03-01', '2023-03-01'],
      ['2020-02-29', false, '2026-02-28', '2023-02-28'],
      ['2024-02-29', false, '2030-02-28', '2027-02-28'],
      // Extended: the 6-year review coincides with the end of validity, so the renewal is the review.
      ['2020-03-01', true, '2026-03-01', null],
    ];
    for (const [issued, extended, valid, review] of rows) {
      assert.equal(defaultValidUntil(issued, SO), valid, issued);
      assert.equal(nextReviewFrom(issued, valid, SO, extended), review, `${issued} ${extended}`);
    }
    // A review passed moves the next one a cycle on from its day; past the end of validity there is none (renew instead).
    assert.equal(nextReviewFrom('2023-04-10', '2026-03-01', SO, false), null);
    assert.equal(nextReviewFrom('2023-02-10', '2026-03-01', SO, false), '2026-02-10');
    assert.equal(nextReviewFrom('2023-02-10', '2029-03-01', SO, false), '2026-02-10');
    assert.equal(nextReviewFrom('2023-02-10', '2030-03-01', SO, true), '2029-02-10');
    // Kinds without a review before renewal [cfg].
    assert.equal(nextReviewFrom('2024-01-01', '2028-01-01', PERIOD_DEFAULTS.special_equipment, false), null);
    assert.equal(defaultValidUntil('2024-01-01', PERIOD_DEFAULTS.special_equipment), '2028-01-01');
    assert.equal(defaultValidUntil('2024-01-01', PERIOD_DEFAULTS.safety_qualification), '2027-01-01');
  });

  test('R-TRN-2 [cfg]: the longer review cycle needs 10 years of continuous compliant work, counted to the day', () => {
    const rows: [string, string, boolean][] = [['2014-06-01', '2024-06-01', true], ['2014-06-01', '2024-05-31', false], ['2016-02-29', '2026-02-28', true], ['2020-01-01', '2026-12-31', false]];
    for (const [since, today, ok] of rows) assert.equal(mayExtendReview(since, today, SO), ok, `${since} ${today}`);
  });

  test('status on a day: expired after the last valid day, void when the review is overdue, due soon within the window', () => {
    const c = (validUntil: string, nextReviewOn: string | null, status: 'active' | 'revoked' = 'active') => ({ status, validUntil, nextReviewOn });
    const today = '2026-06-15';
    const rows: [ReturnType<typeof c>, string][] = [
      [c('2030-01-01', '2028-01-01'), 'valid'],
      [c('2026-06-15', null), 'expiring'],
      [c('2026-06-14', null), 'expired'],
      [c('2030-01-01', '2026-06-14'), 'review_overdue'],
      [c('2030-01-01', '2026-08-01'), 'review_due'],
      [c('2026-07-01', '2026-06-20'), 'expiring'],
      [c('2030-01-01', '2028-01-01', 'revoked'), 'revoked'],
    ];
    for (const [cert, state] of rows) assert.equal(certificateStatus(cert, today, 60), state, JSON.stringify(cert));
  });

  test('a post\'s free-text certificate type finds its catalogue type by code, name, alias or a unique contained name', () => {
    const rows: [string | null, string | null][] = [
      ['so-electrical', 'so-electrical'], ['电工作业', 'so-electrical'], ['低压电工作业', 'so-electrical'], ['熔化焊接与热切割作业', 'so-welding'],
      ['高处作业', 'so-height'], ['场（厂）内专用机动车辆作业', 'se-N1'], ['叉车司机', 'se-N1'], ['特种作业', null], ['', null], [null, null],
    ];
    for (const [written, code] of rows) assert.equal(typeOfPost(CATALOGUE_DEFAULTS, written)?.code ?? null, code, String(written));
  });

  test('age: the day a person turns 18 (29 February on 1 March in a common year); a minor holds ordinary posts only (劳动法 Art 64)', () => {
    const id = (ymd: string) => { const f = `110101${ymd}123`; return f + idNumberCheckChar(f); };
    assert.equal(comesOfAgeOn(id('20080615'), 18), '2026-06-15');
    assert.equal(comesOfAgeOn(id('20080229'), 18), '2026-03-01');
    assert.equal(comesOfAgeOn(id('20080229'), 16), '2024-02-29');
    assert.deepEqual([{ keyPost: false, specialOperation: false }, { keyPost: true, specialOperation: false }, { keyPost: false, specialOperation: true }].map(minorMayHold), [true, false, false]);
  });
});

describe('the safety qualification of principals and safety managers (pure rules, R-TRN-2)', () => {
  test('R-TRN-2 [cfg]: six months (183 days by default) after the appointment to pass; unqualified from the day after the last day', () => {
    assert.equal(QUALIFICATION_DAYS_DEFAULT, 183);
    assert.equal(CERTIFICATE_RULES.defaults.qualificationDays, 183);
    // [appointed, days, today, holds a valid certificate, due on, state]
    const rows: [string, number, string, boolean, string, string][] = [
      ['2026-01-10', 183, '2026-01-10', false, '2026-07-12', 'grace'],
      ['2026-01-10', 183, '2026-07-12', false, '2026-07-12', 'grace'],
      ['2026-01-10', 183, '2026-07-13', false, '2026-07-12', 'overdue'],
      ['2026-01-10', 183, '2026-07-13', true, '2026-07-12', 'qualified'],
      ['2026-01-10', 183, '2026-01-11', true, '2026-07-12', 'qualified'],
      // Across a leap day and the year's end; a district's own number of days [cfg].
      ['2023-09-01', 183, '2024-03-02', false, '2024-03-02', 'grace'],
      ['2023-09-01', 183, '2024-03-03', false, '2024-03-02', 'overdue'],
      ['2026-12-01', 90, '2027-03-01', false, '2027-03-01', 'grace'],
      ['2026-12-01', 90, '2027-03-02', false, '2027-03-01', 'overdue'],
      ['2026-06-30', 1, '2026-07-02', false, '2026-07-01', 'overdue'],
    ];
    for (const [appointed, days, today, holds, due, state] of rows) {
      assert.equal(qualificationDueOn(appointed, days), due, `${appointed} + ${days}`);
      assert.equal(qualificationState(holds, appointed, today, days), state, `${appointed} ${days} ${today} ${holds}`);
    }
  });
});

describe('certificates over HTTP', () => {
  let t: TestPlatform;
  let today: string;
  let seq = 0;
  before(async () => {
    t = await createTestPlatform();
    today = localDay(t.clock.now);
  });
  after(async () => { await t.close(); });

  /** A valid ID number of someone `years` old today plus `days` (negative: that many days short of the birthday). */
  const idAged = (years: number, days = 0) => {
    const birth = addLocalDays(addLocalMonths(today, -12 * years), -days).replace(/-/g, '');
    const f = `110101${birth}${String(100 + (seq++ % 900)).padStart(3, '0')}`;
    return f + idNumberCheckChar(f);
  };
  const api = (ent: FreshEnterprise, rest = '') => `/api/v1/enterprises/${ent.id}${rest}`;
  const trained = { trainedBeforeJoining: true, priorTrainingNote: '入职前已在原单位完成三级安全教育' };

  async function posts(ent: FreshEnterprise) {
    const admin = await t.login('admin');
    const make = async (name: string, body: Record<string, unknown>) => {
      const r = await admin.post(api(ent, '/posts'), { orgUnitId: ent.units.team1, name, ...body });
      assert.equal(r.statusCode, 201, r.body);
      return r.data.id as string;
    };
    return {
      ordinary: await make('巡检工', {}),
      key: await make('反应釜操作工', { keyPost: true }),
      electric: await make('维修电工', { keyPost: true, specialOperation: true, certificateType: '低压电工作业' }),
      forklift: await make('叉车司机', { specialOperation: true, certificateType: '场（厂）内专用机动车辆作业' }),
    };
  }

  async function person(ent: FreshEnterprise, body: Record<string, unknown> = {}): Promise<Res> {
    const safety = await ent.login('safety');
    return safety.post(api(ent, '/employees'), { name: `员工${seq}`, idNumber: idAged(30), employmentForm: 'regular', orgUnitId: ent.units.team1, ...body });
  }
  async function certificate(ent: FreshEnterprise, body: Record<string, unknown>): Promise<Res> {
    return (await ent.login('safety')).post(api(ent, '/certificates'), {
      kind: 'special_operation', typeCode: 'so-electrical', number: `T${Date.now().toString(36)}${seq++}`, issuedOn: addLocalMonths(today, -12), issuer: '昆明市应急管理局', ...body,
    });
  }
  const refusal = (r: Res) => [r.statusCode, r.data.error?.reason ?? null, r.data.error?.issues?.[0]?.path ?? null];
  const duties = (ent: FreshEnterprise, subject: string) => t.db.selectFrom('obligation_occurrences').select(['definition_key', 'status', 'record_type'])
    .select(sql<string>`due_on::text`.as('due')).where('enterprise_id', '=', ent.id).where('subject_key', '=', subject).orderBy('definition_key').orderBy('due_on').execute();

  test('the demo plant: its special-operation workers certified but one electrician whose certificate lapsed; the job opens his major hazard', async (c) => {
    // First in the describe: later tests run the job over every enterprise. Read on the demo's own day.
    await onDemoDay(t, c);
    const safety = await t.login('safety');
    const { enterprise_id: e } = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'safety').executeTakeFirstOrThrow();
    const list = await safety.get(`/api/v1/enterprises/${e}/unqualified-on-post?reason=no_certificate`);
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.data.items.length, 1, list.body);
    assert.deepEqual([list.data.items[0].certificateType, list.data.items[0].hazardId], ['电工作业', null]);
    // The principal and the safety manager hold their safety qualifications; the unit leader, the plant's part-time
    // safety officer since last January, has none six months on (R-TRN-2) and is listed with his deadline.
    const managers = await t.db.selectFrom('users').select(['employee_id', 'username']).where('enterprise_id', '=', e).where('username', 'in', ['principal', 'safety', 'leader']).execute();
    const emp = (u: string) => managers.find((m) => m.username === u)!.employee_id;
    const qualification = await safety.get(`/api/v1/enterprises/${e}/unqualified-on-post?reason=no_qualification`);
    const listed = (qualification.data.items as { employeeId: string; dueOn: string | null; certificateType: string }[]);
    assert.ok(!listed.some((i) => i.employeeId === emp('principal') || i.employeeId === emp('safety')), qualification.body);
    const officer = listed.find((i) => i.employeeId === emp('leader'));
    assert.ok(officer, qualification.body);
    assert.equal(officer.certificateType, '安全生产管理人员安全生产知识和管理能力考核合格证');
    assert.ok(officer.dueOn && officer.dueOn < localDay(t.clock.now), 'past his deadline');
    const certs = await safety.get(`/api/v1/enterprises/${e}/certificates?status=expired`);
    assert.equal(certs.data.total, 1);
    assert.ok(await openUncertifiedHazards(t.db, t.clock.now) >= 1);
    const after = await safety.get(`/api/v1/enterprises/${e}/unqualified-on-post?reason=no_certificate`);
    const hazard = await t.db.selectFrom('hazards').select(['level', 'title']).where('id', '=', after.data.items[0].hazardId).executeTakeFirstOrThrow();
    assert.equal(hazard.level, 'major');
  });

  test('R-TRN-2: a certificate gets its validity and review from the rule-set; both are duties, fulfilled by the review and the renewal', async () => {
    const ent = await makeEnterprise(t);
    const p = await person(ent, trained);
    assert.equal(p.statusCode, 201, p.body);
    const issued = addLocalMonths(today, -35);
    const c = await certificate(ent, { employeeId: p.data.id, issuedOn: issued });
    assert.equal(c.statusCode, 201, c.body);
    assert.deepEqual([c.data.validUntil, c.data.nextReviewOn, c.data.typeName], [addLocalMonths(issued, 72), addLocalMonths(issued, 36), '电工作业']);
    assert.equal(c.data.state, 'review_due', 'the review falls within the 60-day window [cfg]');
    const overdue = await certificate(ent, { employeeId: p.data.id, typeCode: 'so-welding', issuedOn: addLocalMonths(today, -40) });
    assert.equal(overdue.data.state, 'review_overdue', 'the review fell 4 months ago: the certificate is void until reviewed');
    assert.deepEqual((await duties(ent, c.data.id)).map((d) => [d.definition_key, d.due]), [
      ['certificate.renewal', addLocalMonths(issued, 72)], ['certificate.review', addLocalMonths(issued, 36)],
    ]);

    const safety = await ent.login('safety');
    const reviewed = await safety.post(api(ent, `/certificates/${c.data.id}/reviews`), { kind: 'review', reviewedOn: today, result: 'pass', version: c.data.version });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    // The next review a cycle on from the review day (a month before the end of validity).
    assert.deepEqual([reviewed.data.state, reviewed.data.nextReviewOn, reviewed.data.reviews.length], ['valid', addLocalMonths(today, 36), 1]);
    const afterReview = await duties(ent, c.data.id);
    assert.deepEqual(afterReview.map((d) => [d.definition_key, d.status, d.record_type]), [
      ['certificate.renewal', 'upcoming', null], ['certificate.review', 'fulfilled', 'certificate_review'], ['certificate.review', 'upcoming', null],
    ]);

    const renewed = await safety.post(api(ent, `/certificates/${c.data.id}/reviews`), { kind: 'renewal', reviewedOn: today, result: 'pass', number: `R${seq++}`, version: reviewed.data.version });
    assert.equal(renewed.statusCode, 200, renewed.body);
    assert.deepEqual([renewed.data.issuedOn, renewed.data.validUntil, renewed.data.nextReviewOn], [today, addLocalMonths(today, 72), addLocalMonths(today, 36)]);
    const afterRenewal = await duties(ent, c.data.id);
    assert.ok(afterRenewal.some((d) => d.definition_key === 'certificate.renewal' && d.status === 'fulfilled'), JSON.stringify(afterRenewal));
    assert.ok(afterRenewal.some((d) => d.definition_key === 'certificate.renewal' && d.due === addLocalMonths(today, 72) && d.status !== 'fulfilled'));
    assert.ok(afterRenewal.some((d) => d.definition_key === 'certificate.review' && d.due === addLocalMonths(today, 36)));

    // A failed review voids the certificate and withdraws its duties; nothing more can be recorded on it.
    const failed = await safety.post(api(ent, `/certificates/${c.data.id}/reviews`), { kind: 'review', reviewedOn: today, result: 'fail', version: renewed.data.version });
    assert.equal(failed.data.state, 'revoked', failed.body);
    const again = await safety.post(api(ent, `/certificates/${c.data.id}/reviews`), { kind: 'review', reviewedOn: today, result: 'pass', version: failed.data.version });
    assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'REVOKED']);
  });

  test('R-TRN-2 [cfg]: the 6-year review cycle is refused before 10 compliant years and granted after', async () => {
    const ent = await makeEnterprise(t);
    const p = await person(ent, trained);
    const early = await certificate(ent, { employeeId: p.data.id, issuedOn: addLocalMonths(today, -12), extendedReview: true });
    assert.deepEqual(refusal(early), [400, null, 'body.extendedReview']);
    const c = await certificate(ent, { employeeId: p.data.id, issuedOn: addLocalMonths(today, -12), compliantSince: addLocalMonths(today, -12 * 11) });
    assert.equal(c.data.nextReviewOn, addLocalMonths(today, 24));
    const patched = await (await ent.login('safety')).patch(api(ent, `/certificates/${c.data.id}`), { extendedReview: true, version: c.data.version });
    assert.equal(patched.statusCode, 200, patched.body);
    // One 6-year cycle from the issue day reaches the end of validity: the renewal is then the review.
    assert.deepEqual([patched.data.extendedReview, patched.data.nextReviewOn], [true, null]);
  });

  test('R-TRN-2 age rules (15/16/17/18 × ordinary/key/special post): under 16 never employed, a minor only on ordinary posts', async () => {
    const ent = await makeEnterprise(t);
    const post = await posts(ent);
    // [age, post, status, reason, path]
    const rows: [number, keyof typeof post, number, string | null, string | null][] = [
      [15, 'ordinary', 400, null, 'body.idNumber'], [15, 'key', 400, null, 'body.idNumber'], [15, 'electric', 400, null, 'body.idNumber'],
      [16, 'ordinary', 201, null, null], [16, 'key', 400, 'MINOR', 'body.postIds'], [16, 'electric', 400, 'MINOR', 'body.postIds'],
      [17, 'ordinary', 201, null, null], [17, 'key', 400, 'MINOR', 'body.postIds'], [17, 'electric', 400, 'MINOR', 'body.postIds'],
      // Of age, the special post still needs a certificate (a person registered now holds none).
      [18, 'ordinary', 201, null, null], [18, 'key', 201, null, null], [18, 'electric', 400, 'NO_CERTIFICATE', 'body.postIds'],
    ];
    for (const [age, kind, status, reason, path] of rows) {
      const r = await person(ent, { ...trained, idNumber: idAged(age), postIds: [post[kind]] });
      assert.deepEqual(refusal(r), [status, reason, path], `${age} ${kind}: ${r.body}`);
    }
    // The day before the 18th birthday still a minor; a minor registered without a post cannot be put on a key post later.
    assert.deepEqual(refusal(await person(ent, { ...trained, idNumber: idAged(18, -1), postIds: [post.key] })), [400, 'MINOR', 'body.postIds']);
    const minor = await person(ent, { ...trained, idNumber: idAged(17) });
    const later = await (await ent.login('safety')).patch(api(ent, `/employees/${minor.data.id}`), { postIds: [post.key], version: minor.data.version });
    assert.deepEqual(refusal(later), [400, 'MINOR', 'body.postIds']);
  });

  test('R-TRN-2 in the employee editor: no special post without a valid certificate of its type, no post without training; the message names both', async () => {
    const ent = await makeEnterprise(t);
    const post = await posts(ent);
    const safety = await ent.login('safety');
    const untrained = await person(ent, { postIds: [post.ordinary] });
    assert.deepEqual(refusal(untrained), [400, 'UNTRAINED', 'body.postIds']);
    assert.match(untrained.data.error.issues[0].message, /巡检工/);
    const noEvidence = await person(ent, { trainedBeforeJoining: true, postIds: [post.ordinary] });
    assert.deepEqual(refusal(noEvidence), [400, null, 'body.priorTrainingNote']);

    const noCert = await person(ent, { ...trained, postIds: [post.electric] });
    assert.deepEqual(refusal(noCert), [400, 'NO_CERTIFICATE', 'body.postIds']);
    assert.match(noCert.data.error.issues[0].message, /维修电工.*电工作业/);

    // Update: registered without the post, then given it: refused until he holds a valid certificate of the type.
    const p = await person(ent, trained);
    const refused = await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version });
    assert.deepEqual(refusal(refused), [400, 'NO_CERTIFICATE', 'body.postIds']);
    const wrongType = await certificate(ent, { employeeId: p.data.id, typeCode: 'so-welding' });
    assert.equal(wrongType.statusCode, 201, wrongType.body);
    assert.deepEqual(refusal(await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version })), [400, 'NO_CERTIFICATE', 'body.postIds']);
    const expired = await certificate(ent, { employeeId: p.data.id, issuedOn: addLocalMonths(today, -12 * 7) });
    assert.equal(expired.data.state, 'expired');
    assert.deepEqual(refusal(await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version })), [400, 'NO_CERTIFICATE', 'body.postIds']);
    await certificate(ent, { employeeId: p.data.id });
    const ok = await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version });
    assert.equal(ok.statusCode, 200, ok.body);
    // The forklift post's certificate is a special-equipment operator's (N1), matched by the catalogue's alias.
    const driver = await person(ent, trained);
    await certificate(ent, { employeeId: driver.data.id, kind: 'special_equipment', typeCode: 'se-N1' });
    assert.equal((await safety.patch(api(ent, `/employees/${driver.data.id}`), { postIds: [post.forklift], version: driver.data.version })).statusCode, 200);
  });

  test('R-TRN-2 in the roster import: a special post without a certificate, a minor on a key post, no training are row errors', async () => {
    const ent = await makeEnterprise(t);
    await posts(ent);
    const safety = await ent.login('safety');
    const base = api(ent, '/employees');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await safety.get(`${base}/import-template`)).rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('员工信息')!;
    const yes = ['是', '2024年在原单位完成三级安全教育'];
    const rows = [
      ['合格甲', idAged(30), '', '正式', '甲班', '巡检工', '', ...yes],
      ['电工乙', idAged(30), '', '正式', '甲班', '维修电工', '', ...yes],
      ['少年丙', idAged(17), '', '临时', '甲班', '反应釜操作工', '', ...yes],
      ['新人丁', idAged(25), '', '正式', '甲班', '巡检工', '', '否', ''],
      ['无证明', idAged(25), '', '正式', '甲班', '巡检工', '', '是', ''],
      ['无岗位', idAged(25), '', '正式', '甲班', '', '', '', ''],
    ];
    rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = `----cert${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await safety.request('POST', `${base}/import?mode=valid`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.imported, 2, res.body);
    const errs = (res.data.errors as { row: number; column: string; message: string }[]).map((e) => [e.row, e.column]);
    assert.deepEqual(errs, [[3, '岗位'], [4, '岗位'], [5, '岗位'], [6, '入职前培训证明']]);
    const messages = res.data.errors.map((e: { message: string }) => e.message);
    assert.match(messages[0], /维修电工.*电工作业/);
    assert.match(messages[1], /18 周岁/);
    assert.match(messages[2], /岗前安全培训/);
    assert.deepEqual(res.data.warnings, []);
  });

  test('R-HAZ-2: a special-operation worker whose certificate lapsed is kept on the post, listed, and opens one major hazard however often the job runs', async () => {
    const ent = await makeEnterprise(t);
    const post = await posts(ent);
    const safety = await ent.login('safety');
    const p = await person(ent, trained);
    const c = await certificate(ent, { employeeId: p.data.id });
    assert.equal((await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version })).statusCode, 200);
    const clean = await safety.get(api(ent, '/unqualified-on-post'));
    assert.deepEqual(clean.data.counts.noCertificate, 0, clean.body);

    // The certificate lapses (it was recorded with the wrong end of validity, say): the assignment stays.
    await t.db.updateTable('certificates').set({ valid_until: addLocalDays(today, -1), issued_on: addLocalMonths(today, -12) }).where('id', '=', c.data.id).execute();
    const listed = await safety.get(api(ent, '/unqualified-on-post?reason=no_certificate'));
    assert.deepEqual(listed.data.items.map((i: { employeeId: string; postName: string; certificateType: string; hazardId: string | null }) => [i.employeeId, i.postName, i.certificateType, i.hazardId]),
      [[p.data.id, '维修电工', '电工作业', null]]);

    const hazards = () => t.db.selectFrom('hazards').select(['id', 'code', 'level', 'title', 'hazard_class', 'major_criterion']).where('enterprise_id', '=', ent.id).execute();
    await openUncertifiedHazards(t.db, t.clock.now);
    const opened = await hazards();
    assert.equal(opened.length, 1);
    assert.deepEqual([opened[0]!.level, opened[0]!.hazard_class, opened[0]!.major_criterion], ['major', 'behaviour', '特种作业人员未持证上岗']);
    assert.match(opened[0]!.title, /未持证上岗.*维修电工/);
    // R-HAZ-4: a major hazard is reported at once to the regulators of the enterprise.
    const notices = (await t.db.selectFrom('outbox').select('payload').execute()).map((o) => o.payload as { kind?: string; params?: { code?: string } });
    assert.ok(notices.some((n) => n.kind === 'hazard.major' && n.params?.code === opened[0]!.code), 'the regulators are told');
    await openUncertifiedHazards(t.db, t.clock.now);
    assert.equal((await hazards()).length, 1, 'not twice');
    const after = await safety.get(api(ent, '/unqualified-on-post?reason=no_certificate'));
    assert.equal(after.data.items[0].hazardId, opened[0]!.id);

    // Kept on the post, so the safety manager is told on his workbench until it is put right.
    const bench = await safety.get('/api/v1/workbench');
    const item = (bench.data.items as { key: string; count: number; label: string }[]).find((i) => i.key === 'certificates.unqualified');
    const all = await safety.get(api(ent, '/unqualified-on-post'));
    // The worker; the principal and safety manager of this hazardous-chemicals plant were appointed today, so they are
    // within their six months to pass the safety qualification and not listed yet (R-TRN-2).
    assert.deepEqual(all.data.counts, { noCertificate: 1, minor: 0, untrained: 0, noQualification: 0 });
    assert.equal(item?.count, all.data.items.length, bench.body);

    const facts = (await certificateFacts(t.db, [ent.id], t.clock.now)).get(ent.id);
    assert.deepEqual(facts, { unqualifiedOnPost: 1, expiringSoon: 0, expired: 1, reviewDue: 0, minorsOnHazardous: 0, untrainedOnPost: 0, uncertifiedOrUntrained: 1 });
  });

  test('the list filters by kind, type and status, with counts; the catalogue is served for the post editor', async () => {
    const ent = await makeEnterprise(t);
    const p = await person(ent, trained);
    await certificate(ent, { employeeId: p.data.id });
    await certificate(ent, { employeeId: p.data.id, typeCode: 'so-welding', issuedOn: addLocalMonths(today, -12 * 6), validUntil: addLocalDays(today, 10), nextReviewOn: null });
    await certificate(ent, { employeeId: p.data.id, kind: 'special_equipment', typeCode: 'se-N1', issuedOn: addLocalMonths(today, -12 * 5) });
    const safety = await ent.login('safety');
    const all = await safety.get(api(ent, '/certificates'));
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(all.data.counts, { total: 3, valid: 1, expiring: 1, reviewDue: 0, reviewOverdue: 0, expired: 1, revoked: 0 });
    assert.deepEqual((await safety.get(api(ent, '/certificates?status=expiring'))).data.items.map((i: { typeCode: string }) => i.typeCode), ['so-welding']);
    assert.deepEqual((await safety.get(api(ent, '/certificates?kind=special_equipment'))).data.items.map((i: { state: string }) => i.state), ['expired']);
    assert.equal((await safety.get(api(ent, '/certificates?typeCode=so-electrical'))).data.total, 1);
    const catalogue = await safety.get(api(ent, '/certificate-catalogue'));
    assert.ok(catalogue.data.types.some((c: { code: string }) => c.code === 'so-hazchem'));
  });

  test('certificates import from .xlsx with row errors (holder by ID number and name, type by the catalogue, dates, repeated numbers); export lists them', async () => {
    const ent = await makeEnterprise(t);
    const idNumber = idAged(35);
    const p = await person(ent, { ...trained, idNumber, name: '导入持证人' });
    assert.equal(p.statusCode, 201, p.body);
    const safety = await ent.login('safety');
    const wb = new ExcelJS.Workbook();
    const tpl = await safety.get(api(ent, '/certificates/import-template'));
    assert.equal(tpl.statusCode, 200);
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('证书信息')!;
    const issued = addLocalMonths(today, -12);
    const rows = [
      ['导入持证人', idNumber, '低压电工作业', 'IMP-1', '昆明市应急管理局', issued, '', ''],
      ['导入持证人', idNumber, '叉车司机', 'IMP-2', '', issued, '', ''],
      ['别人', idNumber, '电工作业', 'IMP-3', '', issued, '', ''],
      ['导入持证人', idNumber, '潜水作业', 'IMP-4', '', issued, '', ''],
      ['导入持证人', idNumber, '电工作业', 'IMP-1', '', issued, '', ''],
      ['导入持证人', idNumber, '电工作业', 'IMP-6', '', addLocalDays(today, 1), '', ''],
    ];
    rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = `----certimp${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="certs.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (mode: string) => safety.request('POST', api(ent, `/certificates/import?mode=${mode}`), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    const strict = await upload('strict');
    assert.equal(strict.statusCode, 200, strict.body);
    assert.deepEqual([strict.data.imported, strict.data.errorCount], [0, 4]);
    assert.deepEqual(strict.data.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[4, '身份证号'], [5, '证书类型（作业类别）'], [6, '证书编号'], [7, '发证日期']]);
    const valid = await upload('valid');
    assert.deepEqual([valid.data.imported, valid.data.errorCount], [2, 4], valid.body);
    const list = await safety.get(api(ent, `/certificates?employeeId=${p.data.id}&sort=number`));
    assert.deepEqual(list.data.items.map((i: { number: string; typeCode: string; validUntil: string }) => [i.number, i.typeCode, i.validUntil]),
      [['IMP-1', 'so-electrical', addLocalMonths(issued, 72)], ['IMP-2', 'se-N1', addLocalMonths(issued, 48)]]);
    // Imported again: the numbers are now recorded, a row error each.
    const again = await upload('valid');
    assert.equal(again.data.imported, 0);

    const exported = await safety.get(api(ent, '/certificates/export?kind=special_operation'));
    assert.equal(exported.statusCode, 200);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = out.getWorksheet('证书台账')!;
    assert.equal(sheet.actualRowCount - 1, 1);
    assert.deepEqual([sheet.getCell(2, 1).value, sheet.getCell(2, 4).value, sheet.getCell(2, 5).value], ['导入持证人', '电工作业', 'IMP-1']);
  });

  test('R-TRN-2: a principal or safety manager appointed without a safety qualification owes it within six months; recording the certificate fulfils the duty', async () => {
    const ent = await makeEnterprise(t, { industryCode: 'construction' });
    const accounts = await t.db.selectFrom('users').select(['employee_id', 'username']).where('enterprise_id', '=', ent.id)
      .where('id', 'in', [ent.users.principal.id, ent.users.safety.id]).execute();
    const principal = accounts.find((a) => a.username === ent.users.principal.username)!.employee_id!;
    const manager = accounts.find((a) => a.username === ent.users.safety.username)!.employee_id!;
    const due = addLocalDays(today, 183);
    assert.ok(await openQualificationDutiesAll(t.db, t.clock.now) >= 2);
    assert.deepEqual(await duties(ent, `${principal}:sq-principal`), [{ definition_key: 'certificate.safety_qualification', status: 'upcoming', record_type: null, due }]);
    assert.deepEqual(await duties(ent, `${manager}:sq-manager`), [{ definition_key: 'certificate.safety_qualification', status: 'upcoming', record_type: null, due }]);
    await openQualificationDutiesAll(t.db, t.clock.now);
    assert.equal((await duties(ent, `${manager}:sq-manager`)).length, 1, 'a rerun opens none');
    // Within the months: nobody is listed (the law allows them), the appointment stands.
    const safety = await ent.login('safety');
    assert.equal((await safety.get(api(ent, '/unqualified-on-post'))).data.counts.noQualification, 0);

    // A certificate of another code does not answer it; the safety manager's own does, in the same transaction.
    const wrong = await certificate(ent, { employeeId: manager, kind: 'safety_qualification', typeCode: 'sq-principal', issuedOn: addLocalDays(today, -3) });
    assert.equal(wrong.statusCode, 201, wrong.body);
    assert.equal((await duties(ent, `${manager}:sq-manager`))[0]!.status, 'upcoming');
    const own = await certificate(ent, { employeeId: manager, kind: 'safety_qualification', typeCode: 'sq-manager', issuedOn: addLocalDays(today, -3) });
    assert.equal(own.statusCode, 201, own.body);
    assert.deepEqual((await duties(ent, `${manager}:sq-manager`)).map((d) => [d.status, d.record_type]), [['fulfilled', 'certificate']]);

    // The day after the deadline the principal, still without his, is listed with it; the safety manager is not.
    const saved = t.clock.now;
    try {
      t.clock.now = new Date(saved.getTime() + 184 * 86_400_000);
      const late = await safety.get(api(ent, '/unqualified-on-post?reason=no_qualification'));
      assert.deepEqual(late.data.items.map((i: { employeeId: string; dueOn: string; certificateType: string }) => [i.employeeId, i.dueOn, i.certificateType]),
        [[principal, due, '主要负责人安全生产知识和管理能力考核合格证']]);
      t.clock.now = new Date(saved.getTime() + 183 * 86_400_000);
      assert.equal((await safety.get(api(ent, '/unqualified-on-post'))).data.counts.noQualification, 0, 'the last day is still his');
    } finally {
      t.clock.now = saved;
    }
    // An industry outside the [cfg] list owes none.
    const shop = await makeEnterprise(t, { industryCode: 'machinery' });
    await openQualificationDutiesAll(t.db, t.clock.now);
    const shopDuties = await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', shop.id)
      .where('definition_key', '=', 'certificate.safety_qualification').execute();
    assert.equal(shopDuties.length, 0);
  });

  test('R-TRN-2: the competence figure counts everyone on a post without his certificate or before his training, each once, as the list does', async () => {
    const ent = await makeEnterprise(t);
    const post = await posts(ent);
    const safety = await ent.login('safety');
    const both = await person(ent, trained);
    const c = await certificate(ent, { employeeId: both.data.id });
    assert.equal((await safety.patch(api(ent, `/employees/${both.data.id}`), { postIds: [post.electric], version: both.data.version })).statusCode, 200);
    const plain = await person(ent, { ...trained, postIds: [post.ordinary] });
    assert.equal(plain.statusCode, 201, plain.body);
    // Kept on their posts after the fact: the certificate lapses, and neither turns out to have been trained before joining.
    await t.db.updateTable('certificates').set({ valid_until: addLocalDays(today, -1) }).where('id', '=', c.data.id).execute();
    await t.db.deleteFrom('training_prior').where('enterprise_id', '=', ent.id).where('employee_id', 'in', [both.data.id, plain.data.id]).execute();
    const list = await safety.get(api(ent, '/unqualified-on-post'));
    const who = (reason: string) => (list.data.items as { reason: string; employeeId: string }[]).filter((i) => i.reason === reason).map((i) => i.employeeId).sort();
    assert.deepEqual(who('no_certificate'), [both.data.id]);
    assert.deepEqual(who('untrained'), [both.data.id, plain.data.id].sort());
    const facts = (await certificateFacts(t.db, [ent.id], t.clock.now)).get(ent.id)!;
    assert.deepEqual([facts.unqualifiedOnPost, facts.untrainedOnPost, facts.uncertifiedOrUntrained], [1, 2, 2]);
    const [row] = await competenceFacts(t.db, [ent.id], t.clock.now);
    assert.deepEqual([row!.unqualified_on_post, row!.p_certificates], [2, true]);
  });

  test('the unqualified-on-post list exports to .xlsx with its filter, in Chinese, and in English for an en-US reader', async () => {
    const ent = await makeEnterprise(t);
    const post = await posts(ent);
    const safety = await ent.login('safety');
    const p = await person(ent, { ...trained, name: '导出员工' });
    const c = await certificate(ent, { employeeId: p.data.id });
    assert.equal((await safety.patch(api(ent, `/employees/${p.data.id}`), { postIds: [post.electric], version: p.data.version })).statusCode, 200);
    await t.db.updateTable('certificates').set({ valid_until: addLocalDays(today, -1) }).where('id', '=', c.data.id).execute();
    const read = async (query: string, headers: Record<string, string> = {}) => {
      const res = await safety.get(api(ent, `/unqualified-on-post/export${query}`), headers);
      assert.equal(res.statusCode, 200, res.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))); });
      return { name: ws.name, rows, disposition: String(res.headers['content-disposition']) };
    };
    const zh = await read('?reason=no_certificate');
    assert.equal(zh.name, '不符合上岗条件人员');
    const header = zh.rows.findIndex((r) => r[0] === '姓名');
    assert.deepEqual(zh.rows[header], ['姓名', '所属单位', '岗位', '问题', '所需证书', '取证期限', '隐患']);
    assert.deepEqual(zh.rows.slice(header + 1).map((r) => [r[0], r[2], r[3], r[4]]), [['导出员工', '维修电工', '特种作业无有效证书', '电工作业']]);
    assert.match(zh.disposition, /unqualified-on-post-/);
    const en = await read('?reason=no_certificate', { 'accept-language': 'en-US' });
    const enHeader = en.rows.findIndex((r) => r[0] === 'Name');
    assert.ok(enHeader >= 0, JSON.stringify(en.rows));
    assert.equal(en.rows[enHeader + 1]![3], 'Special operation without a valid certificate');
    // The filter: the minors' list of this enterprise is empty (the header only).
    const none = await read('?reason=minor');
    assert.equal(none.rows.length - none.rows.findIndex((r) => r[0] === '姓名') - 1, 0);
    assert.equal((await safety.get(api(ent, '/unqualified-on-post/export?reason=nope'))).statusCode, 400);
    assert.equal((await (await makeEnterprise(t)).login('safety').then((o) => o.get(api(ent, '/unqualified-on-post/export')))).statusCode, 404);
    assert.equal((await (await ent.login('worker')).get(api(ent, '/unqualified-on-post/export'))).statusCode, 403);
  });

  test('scope: another enterprise\'s manager gets 404; a worker 403; a unit leader and a regulator read but do not write', async () => {
    const a = await makeEnterprise(t);
    const b = await makeEnterprise(t);
    const p = await person(a, trained);
    const c = await certificate(a, { employeeId: p.data.id });
    const other: Client = await b.login('safety');
    assert.equal((await other.get(api(a, `/certificates/${c.data.id}`))).statusCode, 404);
    assert.equal((await other.get(api(a, '/certificates'))).statusCode, 404);
    assert.equal((await other.patch(api(a, `/certificates/${c.data.id}`), { note: 'x', version: 1 })).statusCode, 404);
    assert.equal((await other.post(api(a, `/certificates/${c.data.id}/reviews`), { kind: 'review', reviewedOn: today, result: 'pass', version: 1 })).statusCode, 404);
    assert.equal((await other.get(api(a, '/unqualified-on-post'))).statusCode, 404);
    // B's manager cannot record a certificate for A's person in B either.
    const cross = await other.post(api(b, '/certificates'), { employeeId: p.data.id, kind: 'special_operation', typeCode: 'so-electrical', number: 'X1', issuedOn: today });
    assert.deepEqual(refusal(cross), [400, null, 'body.employeeId']);
    assert.equal((await (await a.login('worker')).get(api(a, '/certificates'))).statusCode, 403);
    const leader = await a.login('leader');
    assert.equal((await leader.get(api(a, `/certificates/${c.data.id}`))).statusCode, 200, 'his unit\'s person');
    assert.equal((await leader.post(api(a, '/certificates'), { employeeId: p.data.id, kind: 'special_operation', typeCode: 'so-electrical', number: 'X2', issuedOn: today })).statusCode, 403);
    const regulator = await t.login('admin');
    assert.equal((await regulator.get(api(a, `/certificates/${c.data.id}`))).statusCode, 200);
  });

  test('bad input is a 400 at the field, never a 500', async () => {
    const ent = await makeEnterprise(t);
    const p = await person(ent, trained);
    const cases: [Record<string, unknown>, string][] = [
      [{ typeCode: 'nope' }, 'body.typeCode'],
      [{ kind: 'special_equipment', typeCode: 'so-electrical' }, 'body.typeCode'],
      [{ issuedOn: addLocalDays(today, 1) }, 'body.issuedOn'],
      [{ issuedOn: '2024-02-30' }, 'body.issuedOn'],
      [{ validUntil: addLocalMonths(today, -13) }, 'body.validUntil'],
      [{ number: '' }, 'body.number'],
      [{ kind: 'nope' }, 'body.kind'],
      [{ employeeId: '00000000-0000-4000-8000-000000000000' }, 'body.employeeId'],
      [{ employeeId: 'x' }, 'body.employeeId'],
      [{ nextReviewOn: addLocalMonths(today, 12 * 10) }, 'body.nextReviewOn'],
    ];
    for (const [over, path] of cases) {
      const r = await certificate(ent, { employeeId: p.data.id, ...over });
      assert.deepEqual([r.statusCode, r.data.error.issues?.[0]?.path], [400, path], `${JSON.stringify(over)}: ${r.body}`);
    }
    const first = await certificate(ent, { employeeId: p.data.id, number: 'DUP-1' });
    assert.equal(first.statusCode, 201);
    assert.deepEqual(refusal(await certificate(ent, { employeeId: p.data.id, number: 'DUP-1' })), [400, null, 'body.number']);
    const safety = await ent.login('safety');
    const future = await safety.post(api(ent, `/certificates/${first.data.id}/reviews`), { kind: 'review', reviewedOn: addLocalDays(today, 1), result: 'pass', version: first.data.version });
    assert.deepEqual(refusal(future), [400, null, 'body.reviewedOn']);
    const stale = await safety.post(api(ent, `/certificates/${first.data.id}/reviews`), { kind: 'review', reviewedOn: today, result: 'pass', version: 99 });
    assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);
    const badStatus = await safety.get(api(ent, '/certificates?status=nope'));
    assert.equal(badStatus.statusCode, 400);
  });
});
