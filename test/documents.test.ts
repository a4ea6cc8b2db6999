import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { contentHash } from '../src/platform/signatures/signatures';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, demoIds, type TestPlatform } from './helpers';
import { addEmployee, uploadSignature } from './signature-helpers';

// R-DOC-1, issue 12 §2: required rules, the document library with signed versions and diffs, read-and-acknowledge
// by the people on the covered posts, the yearly review fulfilling R-RESP-5's rules revision, the regulators' list.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

const api = (ent: FreshEnterprise, rest = '') => `/api/v1/enterprises/${ent.id}/documents${rest}`;
const sign = { method: 'password', password: DEMO_PASSWORD };

/** A post in a unit of the enterprise, with the given roster people on it. */
async function post(ent: FreshEnterprise, unitId: string, name: string, employeeIds: string[]) {
  const p = await t.db.insertInto('posts').values({ enterprise_id: ent.id, org_unit_id: unitId, name }).returning('id').executeTakeFirstOrThrow();
  if (employeeIds.length) await t.db.insertInto('employee_posts').values(employeeIds.map((employee_id) => ({ enterprise_id: ent.id, employee_id, post_id: p.id }))).execute();
  return p.id;
}

async function employeeOf(ent: FreshEnterprise, who: keyof FreshEnterprise['users']) {
  return (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
}

/** Creates, approves (principal) and publishes (safety manager) a document; returns its id and its first version's id. */
async function published(ent: FreshEnterprise, body: Record<string, unknown>) {
  const safety = await ent.login('safety');
  const created = await safety.post(api(ent), { effectiveOn: '2026-12-01', body: '第一条 总则', ...body });
  assert.equal(created.statusCode, 201, created.body);
  const v = created.data.versions[0].id as string;
  const ok = await (await ent.login('principal')).post(api(ent, `/${created.data.id}/versions/${v}/approve`), sign);
  assert.equal(ok.statusCode, 200, ok.body);
  const pub = await safety.post(api(ent, `/${created.data.id}/versions/${v}/publish`));
  assert.equal(pub.statusCode, 200, pub.body);
  return { id: created.data.id as string, versionId: v };
}

test('R-DOC-1 [cfg]: a hazardous-chemical plant lacks every required rule until a rule document declaring it is approved, published and in force', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const first = await safety.get(api(ent));
  assert.equal(first.statusCode, 200, first.body);
  const codes = first.data.missingRequired.map((m: { code: string }) => m.code);
  assert.ok(codes.includes('hazard_investigation') && codes.includes('major_hazard_source'), first.body);
  assert.equal(first.data.required.length, codes.length);

  // A draft declares it, but only a published version in force satisfies it.
  const created = await safety.post(api(ent), { kind: 'rule', title: '隐患排查治理制度', requiredCodes: ['hazard_investigation', 'safety_inspection'], effectiveOn: '2026-12-01', body: '第一条' });
  assert.equal(created.statusCode, 201, created.body);
  assert.ok((await safety.get(api(ent))).data.missingRequired.some((m: { code: string }) => m.code === 'hazard_investigation'));
  await published(ent, { kind: 'rule', title: '安全风险分级管控制度', requiredCodes: ['risk_control'] });
  // Effective in the future: published but not yet in force.
  await published(ent, { kind: 'rule', title: '风险警示报告制度', requiredCodes: ['risk_warning'], effectiveOn: '2027-01-01' });
  const after = (await safety.get(api(ent))).data;
  const missing = after.missingRequired.map((m: { code: string }) => m.code);
  assert.ok(!missing.includes('risk_control'), 'published and in force');
  assert.ok(missing.includes('risk_warning'), 'not yet in force');
  assert.ok(missing.includes('hazard_investigation'), 'still a draft');
  assert.equal(missing.length, codes.length - 1);
  assert.equal(after.required.find((r: { code: string }) => r.code === 'risk_control').satisfied, true);
});

test('R-DOC-1: only the principal approves a version (a safety manager gets 403); an unapproved version is not published (409 NOT_APPROVED); an approved one no longer changes', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const created = await safety.post(api(ent), { kind: 'procedure', title: '反应釜操作规程', effectiveOn: '2026-12-01', body: '1. 开车前检查' });
  assert.equal(created.statusCode, 201, created.body);
  const v = created.data.versions[0].id;
  const byManager = await safety.post(api(ent, `/${created.data.id}/versions/${v}/approve`), sign);
  assert.deepEqual([byManager.statusCode, byManager.data.error.code], [403, 'FORBIDDEN']);
  const early = await safety.post(api(ent, `/${created.data.id}/versions/${v}/publish`));
  assert.deepEqual([early.statusCode, early.data.error.reason], [409, 'NOT_APPROVED']);
  assert.match(early.data.error.message, /批准/);
  const wrong = await (await ent.login('principal')).post(api(ent, `/${created.data.id}/versions/${v}/approve`), { method: 'password', password: 'wrong-password' });
  assert.notEqual(wrong.statusCode, 200);
  const ok = await (await ent.login('principal')).post(api(ent, `/${created.data.id}/versions/${v}/approve`), sign);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.data.status, 'approved');
  assert.match(ok.data.contentSha256, /^[0-9a-f]{64}$/);
  const edit = await safety.patch(api(ent, `/${created.data.id}/versions/${v}`), { body: '改了', rowVersion: ok.data.rowVersion });
  assert.deepEqual([edit.statusCode, edit.data.error.reason], [409, 'NOT_DRAFT']);
  const second = await safety.post(api(ent, `/${created.data.id}/versions`), { effectiveOn: '2026-12-10', body: 'x' });
  assert.deepEqual([second.statusCode, second.data.error.reason], [409, 'OPEN_VERSION']);
});

test('R-DOC-1: a new version shows its line diff against the previous one, and the version in force moves to it on its effective date', async () => {
  const ent = await makeEnterprise(t);
  const doc = await published(ent, { kind: 'rule', title: '安全检查制度', requiredCodes: ['safety_inspection'], body: '第一条 总则\n第二条 职责\n第三条 检查' });
  const safety = await ent.login('safety');
  const v2 = await safety.post(api(ent, `/${doc.id}/versions`), { effectiveOn: '2026-12-20', body: '第一条 总则\n第二条 职责与分工\n第三条 检查\n第四条 附则', changeNote: '明确分工' });
  assert.equal(v2.statusCode, 201, v2.body);
  assert.equal(v2.data.number, 2);
  assert.equal(v2.data.againstNumber, 1);
  assert.deepEqual(v2.data.diff.filter((l: { op: string }) => l.op !== 'same'), [
    { op: 'del', text: '第二条 职责' }, { op: 'add', text: '第二条 职责与分工' }, { op: 'add', text: '第四条 附则' },
  ]);
  await (await ent.login('principal')).post(api(ent, `/${doc.id}/versions/${v2.data.id}/approve`), sign);
  assert.equal((await safety.post(api(ent, `/${doc.id}/versions/${v2.data.id}/publish`))).statusCode, 200);
  assert.equal((await safety.get(api(ent, `/${doc.id}`))).data.current.number, 1);
  t.clock.now = new Date('2026-12-20T02:00:00Z');
  try {
    assert.equal((await safety.get(api(ent, `/${doc.id}`))).data.current.number, 2);
  } finally {
    t.clock.now = new Date('2026-12-03T02:00:00Z');
  }
  const bad = await safety.get(api(ent, `/${doc.id}/versions/${v2.data.id}?against=9`));
  assert.equal(bad.statusCode, 400, bad.body);
});

test('R-DOC-1 "人人知晓": publishing asks every active person on the covered posts once, tells the account holders, and each acknowledges on the phone (idempotently)', async () => {
  const ent = await makeEnterprise(t);
  const [worker, worker2, leader] = await Promise.all([employeeOf(ent, 'worker'), employeeOf(ent, 'worker2'), employeeOf(ent, 'leader')]);
  // A person without an account, and one who left: only the active ones are asked.
  const noAccount = (await t.db.insertInto('employees').values({ enterprise_id: ent.id, name: '临时工', id_number_masked: '5301**********1111', id_number_hash: `doc-${ent.id}-1`, employment_form: 'temporary', org_unit_id: ent.units.team1 }).returning('id').executeTakeFirstOrThrow()).id;
  const left = (await t.db.insertInto('employees').values({ enterprise_id: ent.id, name: '已离职', id_number_masked: '5301**********2222', id_number_hash: `doc-${ent.id}-2`, employment_form: 'regular', org_unit_id: ent.units.team1, status: 'left' }).returning('id').executeTakeFirstOrThrow()).id;
  const p1 = await post(ent, ent.units.team1, '反应岗', [worker, noAccount, left, leader]);
  const p2 = await post(ent, ent.units.team2, '包装岗', [worker2, leader]);
  const uncovered = await post(ent, ent.units.team2, '叉车岗', [worker2]);
  const outboxBefore = Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const doc = await published(ent, { kind: 'post_procedure', title: '岗位安全操作规程', postIds: [p1, p2] });
  const notified = await t.db.selectFrom('outbox').select('payload').where('id', '>', String(outboxBefore) as never).execute();
  const told = notified.map((o) => o.payload as { userId: string; kind: string }).filter((p) => p.kind === 'documents.ack').map((p) => p.userId).sort();
  assert.deepEqual(told, [ent.users.worker.id, ent.users.worker2.id, ent.users.leader.id].sort());

  const safety = await ent.login('safety');
  const lib = (await safety.get(api(ent))).data;
  const item = lib.items.find((i: { id: string }) => i.id === doc.id);
  // The leader on two posts is asked once: worker, no-account person, leader, worker2.
  assert.deepEqual(item.current.acks, { asked: 4, acknowledged: 0, rate: 0 });
  assert.deepEqual(lib.postsWithoutProcedure.map((p: { id: string }) => p.id), [uncovered]);

  const phone = await ent.login('worker');
  const mine = await phone.get('/api/v1/me/document-acks');
  assert.equal(mine.statusCode, 200, mine.body);
  assert.deepEqual(mine.data.pending.map((p: { versionId: string }) => p.versionId), [doc.versionId]);
  const read = await phone.get(`/api/v1/me/document-acks/${doc.versionId}`);
  assert.equal(read.data.body, '第一条 总则');
  const ack = await phone.post(`/api/v1/me/document-acks/${doc.versionId}`);
  assert.equal(ack.statusCode, 200, ack.body);
  const at = ack.data.acknowledgedAt;
  t.clock.now = new Date('2026-12-03T03:00:00Z');
  // Without a body at all (a client of the API before the quiz): the same acknowledgement, unchanged.
  const again = await phone.request('POST', `/api/v1/me/document-acks/${doc.versionId}`);
  assert.equal(again.statusCode, 200, again.body);
  t.clock.now = new Date('2026-12-03T02:00:00Z');
  assert.equal(again.data.acknowledgedAt, at, 'a second acknowledgement changes nothing');
  assert.deepEqual((await phone.get('/api/v1/me/document-acks')).data.pending, []);

  const rates = (await safety.get(api(ent))).data.ratesByUnit as { orgUnitId: string; asked: number; acknowledged: number; rate: number }[];
  const team1 = rates.find((r) => r.orgUnitId === ent.units.team1)!;
  assert.deepEqual([team1.asked, team1.acknowledged, team1.rate], [2, 1, 50]);

  // Someone not asked cannot read or acknowledge it: 404.
  const other = await makeEnterprise(t);
  const stranger = await other.login('worker');
  assert.equal((await stranger.post(`/api/v1/me/document-acks/${doc.versionId}`)).statusCode, 404);
  assert.equal((await (await ent.login('safety')).post(`/api/v1/me/document-acks/${doc.versionId}`)).statusCode, 404);
});

test('R-RESP-5: the principal\'s signed yearly review fulfils the ten-ones rules revision; a second one this year is refused, and only the principal signs it', async () => {
  const ent = await makeEnterprise(t, { onboardedOn: '2026-01-01' });
  const url = `/api/v1/enterprises/${ent.id}/document-reviews`;
  const bySafety = await (await ent.login('safety')).post(url, { ...sign, changed: false, reason: '法规无变化' });
  assert.equal(bySafety.statusCode, 403, bySafety.body);
  const principal = await ent.login('principal');
  const missingReason = await principal.post(url, { ...sign, changed: false });
  assert.equal(missingReason.statusCode, 400, missingReason.body);
  const ok = await principal.post(url, { ...sign, changed: true, reason: '依据新《安全生产法》修订 3 项制度' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.data.fulfilled, 1);
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id', 'record_type'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'resp.ten.rules_review').where('period_key', '=', '2026').executeTakeFirstOrThrow();
  assert.deepEqual([duty.status.startsWith('fulfilled'), duty.record_type, duty.record_id], [true, 'document_review', ok.data.id]);
  const again = await principal.post(url, { ...sign, changed: false, reason: '再来一次' });
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'REVIEWED']);
  const lib = (await principal.get(`/api/v1/enterprises/${ent.id}/documents`)).data;
  assert.deepEqual([lib.review.changed, lib.abilities.canReview], [true, false]);
});

test('R-DOC-1: the regulators list the enterprises in scope with the required rules they lack and the acknowledgement rate; other enterprises are not theirs', async () => {
  const ent = await makeEnterprise(t, { name: `文档监管测试${Date.now()}有限公司` });
  await published(ent, { kind: 'rule', title: '安全生产责任制', requiredCodes: ['responsibility'], postIds: [await post(ent, ent.units.team1, '巡检岗', [await employeeOf(ent, 'worker')])] });
  const officer = await t.login('yjj');
  const res = await officer.get(`/api/v1/documents-overview?q=${encodeURIComponent(ent.name)}`);
  assert.equal(res.statusCode, 200, res.body);
  const row = res.data.items[0];
  assert.equal(row.enterpriseId, ent.id);
  assert.equal(row.missing, row.required - 1);
  assert.ok(!row.missingNames.includes('安全生产责任制'));
  assert.deepEqual([row.asked, row.acknowledged, row.rate], [1, 0, 0]);
  // The construction bureau does not supervise hazardous chemicals: the enterprise is not in its list nor readable.
  const zjj = await t.login('zjj');
  assert.equal((await zjj.get(`/api/v1/documents-overview?q=${encodeURIComponent(ent.name)}`)).data.total, 0);
  assert.equal((await zjj.get(api(ent))).statusCode, 404);
  const sorted = await officer.get('/api/v1/documents-overview?sort=missing&order=desc&pageSize=5');
  assert.equal(sorted.statusCode, 200, sorted.body);
  const bad = await officer.get('/api/v1/documents-overview?sort=nonsense');
  assert.equal(bad.statusCode, 400);
});

test('R-DOC-1: enterprise B cannot read or change A\'s library (404), an employee cannot keep it (403), and bad input is a 400 naming the field', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const doc = await published(a, { kind: 'rule', title: '奖惩制度', requiredCodes: ['reward_penalty'] });
  const bSafety = await b.login('safety');
  assert.equal((await bSafety.get(api(a))).statusCode, 404);
  assert.equal((await bSafety.get(api(a, `/${doc.id}`))).statusCode, 404);
  assert.equal((await bSafety.get(api(b, `/${doc.id}`))).statusCode, 404);
  assert.equal((await bSafety.patch(api(a, `/${doc.id}`), { title: 'x', version: 1 })).statusCode, 404);
  const worker = await a.login('worker');
  assert.equal((await worker.get(api(a))).statusCode, 403);
  assert.equal((await worker.post(api(a), { kind: 'rule', title: 'x', effectiveOn: '2026-12-01', body: '' })).statusCode, 403);
  assert.equal((await (await a.login('leader')).post(api(a), { kind: 'rule', title: 'x', effectiveOn: '2026-12-01', body: '' })).statusCode, 403);
  assert.equal((await worker.get('/api/v1/documents-overview')).statusCode, 403);

  const safety = await a.login('safety');
  const cases: [Record<string, unknown>, string][] = [
    [{ kind: 'manual', title: 'x', effectiveOn: '2026-12-01', body: '' }, 'body.kind'],
    [{ kind: 'rule', title: '', effectiveOn: '2026-12-01', body: '' }, 'body.title'],
    [{ kind: 'rule', title: 'x', effectiveOn: '2026-02-30', body: '' }, 'body.effectiveOn'],
    [{ kind: 'procedure', title: 'x', requiredCodes: ['training'], effectiveOn: '2026-12-01', body: '' }, 'body.requiredCodes'],
    [{ kind: 'rule', title: 'x', requiredCodes: ['no_such_rule'], effectiveOn: '2026-12-01', body: '' }, 'body.requiredCodes'],
    [{ kind: 'rule', title: 'x', postIds: [b.rootUnitId], effectiveOn: '2026-12-01', body: '' }, 'body.postIds'],
    [{ kind: 'rule', title: 'x', effectiveOn: '2026-12-01', body: 'x'.repeat(20_001) }, 'body.body'],
  ];
  for (const [body, path] of cases) {
    const res = await safety.post(api(a), body);
    assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
    assert.ok(res.data.error.issues.some((i: { path: string }) => i.path.startsWith(path)), `${path}: ${res.body}`);
  }
  const stale = await safety.patch(api(a, `/${doc.id}`), { title: '新标题', version: 99 });
  assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);
  assert.equal((await safety.get(api(a, '/not-a-uuid'))).statusCode, 400);
});

test('R-DOC-1, the demo: the chemical plant lacks exactly two required rules, has posts without a procedure, and the demo worker has the new procedure to read', async (c) => {
  // Read on the demo's own day, not the file's fixed clock.
  await onDemoDay(t, c);
  const principal = await t.login('principal');
  const enterpriseId = (await demoIds(t.db)).ownEnterprise.id;
  const lib = await principal.get(`/api/v1/enterprises/${enterpriseId}/documents`);
  assert.equal(lib.statusCode, 200, lib.body);
  assert.deepEqual(lib.data.missingRequired.map((m: { code: string }) => m.code).sort(), ['change_management', 'ppe']);
  assert.equal(lib.data.total, 11);
  assert.ok(lib.data.postsWithoutProcedure.some((p: { name: string }) => p.name === '登高架设作业人员'));
  assert.ok(lib.data.ratesByUnit.some((r: { rate: number | null }) => r.rate !== null && r.rate > 0 && r.rate < 100), lib.body);
  const mine = await (await t.login('worker')).get('/api/v1/me/document-acks');
  assert.deepEqual(mine.data.pending.map((p: { title: string; number: number }) => [p.title, p.number]), [['反应釜操作工岗位安全操作规程', 2]]);
  assert.ok(mine.data.done.length >= 2);
  const laws = await principal.get(`/api/v1/enterprises/${enterpriseId}/laws`);
  assert.equal(laws.data.items.length, 6);
  assert.ok(laws.data.items.some((l: { title: string; documents: unknown[] }) => l.title === '中华人民共和国安全生产法' && l.documents.length === 2));
});

test('R-DOC-1: a draft version takes the signed paper original as a file; approval locks it into the signed content, and only readers and the people asked open it', async () => {
  const ent = await makeEnterprise(t);
  const worker = await employeeOf(ent, 'worker');
  const p = await post(ent, ent.units.team1, '装卸岗', [worker]);
  const safety = await ent.login('safety');
  const created = await safety.post(api(ent), { kind: 'procedure', title: '装卸作业安全操作规程', postIds: [p], effectiveOn: '2026-12-01', body: '1. 轻拿轻放' });
  const v = created.data.versions[0].id as string;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const upload = (c: typeof safety) => c.request('POST', api(ent, `/${created.data.id}/versions/${v}/files`),
    Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="original.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), pdf, Buffer.from('\r\n--b--\r\n')]),
    { 'content-type': 'multipart/form-data; boundary=b' });
  const up = await upload(safety);
  assert.equal(up.statusCode, 201, up.body);
  const fileId = up.data.ids[0] as string;
  const approved = await (await ent.login('principal')).post(api(ent, `/${created.data.id}/versions/${v}/approve`), sign);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.deepEqual(approved.data.files.map((f: { id: string }) => f.id), [fileId]);
  const locked = await t.db.selectFrom('attachments').select('locked').where('id', '=', fileId).executeTakeFirstOrThrow();
  assert.equal(locked.locked, true);
  const late = await upload(safety);
  assert.deepEqual([late.statusCode, late.data?.error?.reason], [409, 'NOT_DRAFT']);
  assert.equal((await safety.post(api(ent, `/${created.data.id}/versions/${v}/publish`))).statusCode, 200);

  assert.equal((await safety.get(`/api/v1/enterprises/${ent.id}/document-files/${fileId}`)).statusCode, 200);
  const phone = await ent.login('worker');
  const mine = await phone.get(`/api/v1/me/document-acks/${v}`);
  assert.deepEqual(mine.data.files.map((f: { id: string }) => f.id), [fileId]);
  assert.equal((await phone.get(`/api/v1/me/document-acks/${v}/files/${fileId}`)).statusCode, 200);
  // The other worker was not asked; another enterprise's manager does not read the library.
  assert.equal((await (await ent.login('worker2')).get(`/api/v1/me/document-acks/${v}/files/${fileId}`)).statusCode, 404);
  const other = await makeEnterprise(t);
  assert.equal((await (await other.login('safety')).get(`/api/v1/enterprises/${ent.id}/document-files/${fileId}`)).statusCode, 404);
});

test('R-DOC-1: a worker without an account acknowledges on the manager\'s shared device with a drawn signature and the last four of the ID number', async () => {
  const ent = await makeEnterprise(t);
  const person = await addEmployee(ent, ent.units.team2);
  const p = await post(ent, ent.units.team2, '投料岗', [person.id, await employeeOf(ent, 'worker2')]);
  const doc = await published(ent, { kind: 'post_procedure', title: '投料岗位安全操作规程', postIds: [p] });
  const safety = await ent.login('safety');
  const url = api(ent, `/${doc.id}/versions/${doc.versionId}/proxy-acks`);
  // Only the person without an account is listed for the shared device.
  const listed = await safety.get(url);
  assert.deepEqual(listed.data.map((x: { employeeId: string }) => x.employeeId), [person.id]);
  const image = await uploadSignature(safety, ent.id);
  const wrong = await safety.post(url, { employeeId: person.id, idLast4: person.last4 === '0000' ? '1111' : '0000', imageAttachmentId: image });
  assert.deepEqual([wrong.statusCode, wrong.data.error.issues[0].path], [400, 'body.idLast4']);
  const ok = await safety.post(url, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: image, device: '车间平板' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.data, []);
  const row = (await sql<{ acknowledged_at: Date | null; signature_id: string | null }>`select acknowledged_at, signature_id from document_acks
    where version_id = ${doc.versionId} and employee_id = ${person.id}`.execute(t.db)).rows[0]!;
  assert.ok(row.acknowledged_at && row.signature_id);
  const lib = (await safety.get(api(ent))).data.items.find((i: { id: string }) => i.id === doc.id);
  assert.deepEqual(lib.current.acks, { asked: 2, acknowledged: 1, rate: 50 });
  // A person with an account signs on his own phone; one who was not asked is 404; a worker cannot run the device.
  const withAccount = await safety.post(url, { employeeId: await employeeOf(ent, 'worker2'), idLast4: '0000', imageAttachmentId: await uploadSignature(safety, ent.id) });
  assert.ok([400, 403, 404, 409].includes(withAccount.statusCode), withAccount.body);
  const stranger = await addEmployee(ent, ent.units.team1);
  const notAsked = await safety.post(url, { employeeId: stranger.id, idLast4: stranger.last4, imageAttachmentId: await uploadSignature(safety, ent.id) });
  assert.equal(notAsked.statusCode, 404, notAsked.body);
  assert.equal((await (await ent.login('worker')).get(url)).statusCode, 403);
});

test('the laws register: the district admin keeps it, an enterprise adopts a law and links the rules that implement it; a repealed law is not adopted', async () => {
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/laws', { level: 'national', kind: 'standard', title: `危险化学品重大危险源辨识${Date.now()}`, docNumber: 'GB 18218-2018', effectiveOn: '2019-03-01' });
  assert.equal(created.statusCode, 201, created.body);
  const bad = await admin.post('/api/v1/laws', { level: 'county', kind: 'law', title: 'x' });
  assert.equal(bad.statusCode, 400);
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  assert.equal((await safety.post('/api/v1/laws', { level: 'district', kind: 'normative', title: '企业自拟' })).statusCode, 403);
  const listed = await safety.get(`/api/v1/laws?q=${encodeURIComponent(created.data.title)}`);
  assert.deepEqual(listed.data.items.map((l: { id: string }) => l.id), [created.data.id]);
  const doc = await published(ent, { kind: 'rule', title: '重大危险源管理制度', requiredCodes: ['major_hazard_source'] });
  const adopted = await safety.put(`/api/v1/enterprises/${ent.id}/laws/${created.data.id}`, { documentIds: [doc.id] });
  assert.equal(adopted.statusCode, 200, adopted.body);
  assert.deepEqual(adopted.data.items.map((l: { id: string; documents: { id: string }[] }) => [l.id, l.documents.map((d) => d.id)]), [[created.data.id, [doc.id]]]);
  // Another enterprise's document is a 400 on the field; another enterprise cannot read this one's adoption.
  const other = await makeEnterprise(t);
  const foreignDoc = await published(other, { kind: 'rule', title: '他企制度' });
  const foreign = await safety.put(`/api/v1/enterprises/${ent.id}/laws/${created.data.id}`, { documentIds: [foreignDoc.id] });
  assert.deepEqual([foreign.statusCode, foreign.data.error.issues[0].path], [400, 'body.documentIds']);
  assert.equal((await (await other.login('safety')).get(`/api/v1/enterprises/${ent.id}/laws`)).statusCode, 404);
  // Repealed by the admin: no new adoption.
  const repealed = await admin.patch(`/api/v1/laws/${created.data.id}`, { repealed: true, version: created.data.version });
  assert.equal(repealed.statusCode, 200, repealed.body);
  const late = await (await other.login('safety')).put(`/api/v1/enterprises/${other.id}/laws/${created.data.id}`, { documentIds: [] });
  assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'REPEALED']);
  const dropped = await safety.delete(`/api/v1/enterprises/${ent.id}/laws/${created.data.id}`);
  assert.deepEqual([dropped.statusCode, dropped.data.items], [200, []]);
});

// R-DOC-1, issue 12 §2: the optional short quiz of a version — written with the draft, signed with it, answered by
// the person (on the phone or on the shared device) before the acknowledgement counts.
const QUIZ = [
  { text: '动火作业前必须做什么？', options: ['办理动火作业票', '直接动火', '口头告知班长'], correct: 0 },
  { text: '进入受限空间前应当？', options: ['直接进入', '先通风、检测、专人监护'], correct: 1 },
];

test('R-DOC-1 quiz: the questions are saved with the draft, signed with the version on approval and frozen after (the edit is refused, the database refuses too); only the keepers see the correct answers', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const created = await safety.post(api(ent), { kind: 'procedure', title: '动火作业安全操作规程', effectiveOn: '2026-12-01', body: '1. 办票', quiz: QUIZ.slice(0, 1) });
  assert.equal(created.statusCode, 201, created.body);
  const v = created.data.versions[0].id as string;
  const url = api(ent, `/${created.data.id}/versions/${v}`);
  const draft = await safety.get(url);
  assert.deepEqual(draft.data.quiz, QUIZ.slice(0, 1));
  const edited = await safety.patch(url, { quiz: QUIZ, rowVersion: draft.data.rowVersion });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.deepEqual((await safety.get(url)).data.quiz, QUIZ);
  // A unit leader reads the library and is also asked to acknowledge: he sees the questions, not the answers.
  const byLeader = await (await ent.login('leader')).get(url);
  assert.equal(byLeader.statusCode, 200, byLeader.body);
  assert.deepEqual(byLeader.data.quiz.map((q: { correct: number | null }) => q.correct), [null, null]);

  const approved = await (await ent.login('principal')).post(`${url}/approve`, sign);
  assert.equal(approved.statusCode, 200, approved.body);
  const signed = contentHash({
    document: { id: created.data.id, kind: 'procedure', title: '动火作业安全操作规程' }, number: 1, effectiveOn: '2026-12-01', body: '1. 办票', changeNote: '',
    files: [], quiz: QUIZ,
  });
  assert.equal(approved.data.contentSha256, signed, 'the quiz is part of the signed content');
  const late = await safety.patch(url, { quiz: QUIZ.slice(1), rowVersion: approved.data.rowVersion });
  assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'NOT_DRAFT']);
  await assert.rejects(t.db.updateTable('document_versions').set({ quiz: JSON.stringify(QUIZ.slice(1)) }).where('enterprise_id', '=', ent.id).where('id', '=', v).execute());
  assert.deepEqual((await safety.get(url)).data.quiz, QUIZ);
  // A revision starts without a quiz unless it writes one.
  assert.equal((await safety.post(api(ent, `/${created.data.id}/versions/${v}/publish`))).statusCode, 200);
  const v2 = await safety.post(api(ent, `/${created.data.id}/versions`), { effectiveOn: '2026-12-10', body: '1. 办票\n2. 监护' });
  assert.deepEqual([v2.statusCode, v2.data.quiz], [201, []]);
});

test('R-DOC-1 quiz: the person reads the questions without the answers; a wrong answer is a 400 at that answer and the acknowledgement stays pending (the attempt counted); all right acknowledges', async () => {
  const ent = await makeEnterprise(t);
  const p = await post(ent, ent.units.team1, '动火岗', [await employeeOf(ent, 'worker')]);
  const doc = await published(ent, { kind: 'post_procedure', title: '动火岗位安全操作规程', postIds: [p], quiz: QUIZ });
  const phone = await ent.login('worker');
  const url = `/api/v1/me/document-acks/${doc.versionId}`;
  const read = await phone.get(url);
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(read.data.quiz, QUIZ.map((q) => ({ text: q.text, options: q.options })));
  assert.ok(!read.body.includes('"correct"'), 'the correct answers never reach the person');

  const none = await phone.post(url);
  assert.deepEqual([none.statusCode, none.data.error.reason, none.data.error.issues.map((i: { path: string }) => i.path)], [400, 'QUIZ_UNANSWERED', ['body.answers']]);
  const wrong = await phone.post(url, { answers: [0, 0] });
  assert.deepEqual([wrong.statusCode, wrong.data.error.reason, wrong.data.error.issues.map((i: { path: string }) => i.path)], [400, 'QUIZ_WRONG', ['body.answers.1']]);
  assert.match(wrong.data.error.issues[0].message, /第 2 题/);
  assert.match(wrong.data.error.message, /[\u4e00-\u9fff]/);
  const outOfRange = await phone.post(url, { answers: [0, 7] });
  assert.deepEqual([outOfRange.statusCode, outOfRange.data.error.issues[0]?.path], [400, 'body.answers.1'], outOfRange.body);
  const pending = await phone.get('/api/v1/me/document-acks');
  assert.deepEqual(pending.data.pending.map((x: { versionId: string }) => x.versionId), [doc.versionId]);
  const row = () => t.db.selectFrom('document_acks').select(['acknowledged_at', 'quiz_attempts']).where('enterprise_id', '=', ent.id).where('version_id', '=', doc.versionId).executeTakeFirstOrThrow();
  assert.deepEqual(await row(), { acknowledged_at: null, quiz_attempts: 1 });

  const right = await phone.post(url, { answers: [0, 1] });
  assert.equal(right.statusCode, 200, right.body);
  assert.deepEqual(Object.keys(right.data).sort(), ['acknowledgedAt', 'versionId']);
  const stored = await row();
  assert.equal(stored.quiz_attempts, 2);
  assert.equal(new Date(right.data.acknowledgedAt).getTime(), stored.acknowledged_at?.getTime());
  // Acknowledged: a second call changes nothing, answers or not.
  const again = await phone.post(url);
  assert.deepEqual([again.statusCode, again.data.acknowledgedAt], [200, right.data.acknowledgedAt]);
  assert.deepEqual((await phone.get('/api/v1/me/document-acks')).data.pending, []);
});

test('R-DOC-1 quiz: on the shared device the person without an account answers too — wrong answers are refused and nothing is signed; right ones acknowledge with the signature', async () => {
  const ent = await makeEnterprise(t);
  const person = await addEmployee(ent, ent.units.team2);
  const p = await post(ent, ent.units.team2, '受限空间作业岗', [person.id]);
  const doc = await published(ent, { kind: 'post_procedure', title: '受限空间作业安全操作规程', postIds: [p], quiz: QUIZ });
  const safety = await ent.login('safety');
  const url = api(ent, `/${doc.id}/versions/${doc.versionId}/proxy-acks`);
  const wrong = await safety.post(url, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: await uploadSignature(safety, ent.id), answers: [1, 1] });
  assert.deepEqual([wrong.statusCode, wrong.data.error.reason, wrong.data.error.issues.map((i: { path: string }) => i.path)], [400, 'QUIZ_WRONG', ['body.answers.0']], wrong.body);
  const missing = await safety.post(url, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: await uploadSignature(safety, ent.id) });
  assert.deepEqual([missing.statusCode, missing.data.error.reason], [400, 'QUIZ_UNANSWERED'], missing.body);
  assert.deepEqual((await safety.get(url)).data.map((x: { employeeId: string }) => x.employeeId), [person.id]);
  const signatures = () => t.db.selectFrom('signatures').select('id').where('enterprise_id', '=', ent.id).where('document_id', '=', doc.versionId)
    .where('signer_employee_id', '=', person.id).execute();
  assert.equal((await signatures()).length, 0);

  const ok = await safety.post(url, { employeeId: person.id, idLast4: person.last4, imageAttachmentId: await uploadSignature(safety, ent.id), answers: [0, 1] });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.data, []);
  const row = await t.db.selectFrom('document_acks').select(['acknowledged_at', 'signature_id', 'quiz_attempts']).where('enterprise_id', '=', ent.id)
    .where('version_id', '=', doc.versionId).where('employee_id', '=', person.id).executeTakeFirstOrThrow();
  assert.ok(row.acknowledged_at && row.signature_id);
  assert.equal(row.quiz_attempts, 2);
  assert.deepEqual((await signatures()).map((s) => s.id), [row.signature_id]);
});

test('R-DOC-1 quiz: bad questions are a 400 at the field with a Chinese message — too many, a correct answer out of range, empty text, one option', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const base = { kind: 'procedure', title: '测验校验', effectiveOn: '2026-12-01', body: 'x' };
  const q = QUIZ[0]!;
  const cases: [unknown, string][] = [
    [Array.from({ length: 6 }, () => q), 'body.quiz'],
    [[{ ...q, options: ['对', '错'], correct: 2 }], 'body.quiz.0.correct'],
    [[{ ...q, correct: 4 }], 'body.quiz.0.correct'],
    [[q, { ...q, text: '  ' }], 'body.quiz.1.text'],
    [[{ ...q, options: ['只有一个'], correct: 0 }], 'body.quiz.0.options'],
    [[{ ...q, options: ['甲', '乙', '丙', '丁', '戊'] }], 'body.quiz.0.options'],
    [[{ ...q, options: ['甲', ''] }], 'body.quiz.0.options.1'],
  ];
  for (const [quiz, path] of cases) {
    const res = await safety.post(api(ent), { ...base, quiz });
    assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
    const issue = res.data.error.issues.find((i: { path: string }) => i.path === path);
    assert.ok(issue, `${path}: ${res.body}`);
    assert.match(issue.message, /[\u4e00-\u9fff]/, `${path}: ${issue.message}`);
  }
  const outOfRange = await safety.post(api(ent), { ...base, quiz: [{ ...q, options: ['对', '错'], correct: 2 }] });
  assert.equal(outOfRange.data.error.issues[0].message, '正确答案必须是这道题的选项之一');
  // The draft's edit is judged the same way, and nothing is stored.
  const created = await safety.post(api(ent), base);
  const v = created.data.versions[0].id as string;
  const bad = await safety.patch(api(ent, `/${created.data.id}/versions/${v}`), { quiz: [{ ...q, text: '' }], rowVersion: 1 });
  assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'body.quiz.0.text'], bad.body);
  assert.deepEqual((await safety.get(api(ent, `/${created.data.id}/versions/${v}`))).data.quiz, []);
});
