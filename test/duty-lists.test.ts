import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { EmploymentForm } from '../src/platform/db/schema';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';
import { uploadSignature } from './signature-helpers';

/**
 * Issue 11 §4–§5 (R-RESP-1, R-RESP-2, R-RESP-5): duty lists copied from the templates, versioned and attached to posts
 * and people; coverage over every employment form; the publication every employee reads; the yearly review the
 * principal alone signs; the yearly assessment from scoring to its notice and HR export; and who may see what.
 */

let t: TestPlatform;
let ent: FreshEnterprise;
let other: FreshEnterprise;
let safety: Client;
let principal: Client;
let leader: Client;
let worker: Client;
/** Posts of the fresh enterprise: 甲班 and 乙班 操作工, 一车间 叉车司机, the company's 主要负责人. */
const post = { op: '', op2: '', fork: '', principal: '' };
/** People added beside the factory's five regular staff, one of each other employment form. */
const person = { dispatched: '', temporary: '', migrant: '', intern: '' };
let operatorList = '';

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;
function ok(res: Res, status = 200) {
  assert.equal(res.statusCode, status, res.body);
  return res.data;
}
const employeeOf = async (username: string) => (await t.db.selectFrom('users').select('employee_id').where('username', '=', username).executeTakeFirstOrThrow()).employee_id!;

async function addEmployee(name: string, form: EmploymentForm, unitId: string, postId: string | null): Promise<string> {
  const row = await t.db.insertInto('employees').values({
    enterprise_id: ent.id, name, id_number_masked: '5301**********0000', id_number_hash: `duty-${randomUUID()}`, employment_form: form, org_unit_id: unitId,
  }).returning('id').executeTakeFirstOrThrow();
  if (postId) await t.db.insertInto('employee_posts').values({ enterprise_id: ent.id, employee_id: row.id, post_id: postId }).execute();
  return row.id;
}

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-02T02:00:00Z');
  const guanshang = (await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow()).subdistrict_id!;
  const elsewhere = (await t.db.selectFrom('subdistricts').select('id').where('id', '<>', guanshang).orderBy('code').executeTakeFirstOrThrow()).id;
  ent = await makeEnterprise(t, { subdistrictId: guanshang });
  other = await makeEnterprise(t, { subdistrictId: elsewhere });
  // It joined the platform at the start of the year, so this year's duties are owed (never retroactively before that).
  await t.db.updateTable('enterprises').set({ onboarded_on: '2026-01-01' }).where('id', '=', ent.id).execute();
  [safety, principal, leader, worker] = await Promise.all([ent.login('safety'), ent.login('principal'), ent.login('leader'), ent.login('worker')]);
  const mkPost = async (orgUnitId: string, name: string) => ok(await safety.post(api('/posts'), { orgUnitId, name }), 201).id as string;
  post.op = await mkPost(ent.units.team1, '操作工');
  post.op2 = await mkPost(ent.units.team2, '操作工');
  post.fork = await mkPost(ent.units.ws1, '叉车司机');
  post.principal = await mkPost(ent.rootUnitId, '主要负责人');
  const link = async (username: string, postId: string) => {
    await t.db.insertInto('employee_posts').values({ enterprise_id: ent.id, employee_id: await employeeOf(username), post_id: postId }).execute();
  };
  await link(ent.users.worker.username, post.op);
  await link(ent.users.worker2.username, post.op2);
  await link(ent.users.principal.username, post.principal);
  person.dispatched = await addEmployee('派遣工甲', 'dispatched', ent.units.team1, post.op);
  person.temporary = await addEmployee('临时工乙', 'temporary', ent.units.team2, post.op2);
  person.migrant = await addEmployee('农民工丙', 'migrant', ent.units.ws1, post.fork);
  person.intern = await addEmployee('实习生丁', 'intern', ent.units.team1, null);
});
after(async () => { await t.close(); });

test('R-RESP-1 a list copied from a template starts as a draft of version 1 and covers nothing until published', async () => {
  const templates = ok(await worker.get('/api/v1/duty-templates'));
  assert.ok(templates.some((x: { key: string }) => x.key === 'operator'));
  const tpl = ok(await worker.get('/api/v1/duty-templates/principal'));
  assert.equal(tpl.items.length, 22);
  assert.match(tpl.items[0].source, /第二十一条第（一）项/);

  const list = ok(await safety.post(api('/duty-lists'), { name: '操作工岗位安全生产责任清单', level: 'post', templateKey: 'operator' }), 201);
  operatorList = list.id;
  assert.deepEqual([list.currentVersion, list.draft.version, list.draft.status, list.templateKey], [null, 1, 'draft', 'operator']);
  assert.equal(list.draft.items.length, 7);
  assert.equal(list.draft.points, 100);
  ok(await safety.put(api(`/duty-lists/${operatorList}/assignments`), { postIds: [post.op, post.op2] }));
  const before = ok(await safety.get(api('/duty-coverage')));
  assert.deepEqual([before.posts.covered, before.people.covered], [0, 0], 'a draft covers nobody');
});

test('R-RESP-1 coverage counts posts with a current list, and people of every employment form through their posts or a personal list', async () => {
  const published = ok(await safety.post(api(`/duty-lists/${operatorList}/publish`), {}));
  assert.deepEqual([published.currentVersion, published.effectiveOn, published.hasDraft], [1, '2026-12-02', false]);
  const c = ok(await safety.get(api('/duty-coverage')));
  assert.deepEqual(c.posts, { covered: 2, total: 4, percent: 50 });
  // principal, safety, leader, worker, worker2 (regular) + dispatched, temporary, migrant, intern: worker, worker2, dispatched, temporary covered.
  assert.deepEqual(c.people, { covered: 4, total: 9, percent: 44.4 });
  assert.deepEqual(c.byForm.dispatched, { covered: 1, total: 1, percent: 100 });
  assert.deepEqual(c.byForm.temporary, { covered: 1, total: 1, percent: 100 });
  assert.deepEqual(c.byForm.migrant, { covered: 0, total: 1, percent: 0 });
  assert.deepEqual(c.byForm.intern, { covered: 0, total: 1, percent: 0 });
  assert.deepEqual(c.byForm.regular, { covered: 2, total: 5, percent: 40 });
  assert.deepEqual(c.uncoveredPosts.map((p: { id: string }) => p.id).sort(), [post.fork, post.principal].sort());
  const uncovered = c.uncoveredPeople.map((p: { id: string }) => p.id);
  assert.ok(uncovered.includes(person.migrant) && uncovered.includes(person.intern) && !uncovered.includes(person.dispatched));
  const ws1 = c.byUnit.find((u: { unitId: string }) => u.unitId === ent.units.ws1);
  assert.deepEqual([ws1.posts.covered, ws1.posts.total, ws1.people.covered, ws1.people.total], [1, 2, 2, 5], 'ws1 rolls up 甲班');
  assert.equal(c.complete, false);

  // A personal list for the intern, where the duty is personal.
  const personal = ok(await safety.post(api('/duty-lists'), { name: '实习学生丁个人安全生产责任清单', level: 'person', templateKey: 'intern' }), 201);
  ok(await safety.post(api(`/duty-lists/${personal.id}/publish`), {}));
  ok(await safety.put(api(`/duty-lists/${personal.id}/assignments`), { employeeIds: [person.intern] }));
  assert.deepEqual(ok(await safety.get(api('/duty-coverage'))).byForm.intern, { covered: 1, total: 1, percent: 100 });

  // The unit leader of 一车间 sees his subtree's figures: 甲班's 操作工 and 一车间's 叉车司机.
  const mine = ok(await leader.get(api('/duty-coverage')));
  assert.deepEqual(mine.posts, { covered: 1, total: 2, percent: 50 });
  assert.ok(mine.byUnit.every((u: { unitId: string }) => [ent.units.ws1, ent.units.team1].includes(u.unitId)));
});

test('R-RESP-1 editing a current list makes a new draft; publishing it supersedes the old version, which never changes again', async () => {
  const detail = ok(await safety.get(api(`/duty-lists/${operatorList}`)));
  const items = detail.current.items.map((i: { points: number }, n: number) => (n === 0 ? { ...i, content: '严格执行本岗位操作规程，作业前确认安全条件' } : i));
  const edited = ok(await safety.put(api(`/duty-lists/${operatorList}/draft`), { items, note: '年度梳理：第1条细化' }));
  assert.deepEqual([edited.currentVersion, edited.draft.version, edited.current.items[0].content === items[0].content], [1, 2, false]);
  const again = ok(await safety.put(api(`/duty-lists/${operatorList}/draft`), { items, note: '年度梳理：第1条细化（再改）' }));
  assert.equal(again.draft.version, 2, 'the draft is edited in place');
  const published = ok(await safety.post(api(`/duty-lists/${operatorList}/publish`), { effectiveOn: '2026-12-02' }));
  assert.deepEqual(published.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'current'], [1, 'superseded']]);
  assert.equal(published.current.items[0].content, items[0].content);
  const v1 = ok(await safety.get(api(`/duty-lists/${operatorList}/versions/1`)));
  assert.notEqual(v1.items[0].content, items[0].content);
  // Nothing to publish now; an effective date before the version in force is refused.
  assert.equal((await safety.post(api(`/duty-lists/${operatorList}/publish`), {})).data.error.reason, 'NO_DRAFT');
  ok(await safety.put(api(`/duty-lists/${operatorList}/draft`), { items, note: '' }));
  const early = await safety.post(api(`/duty-lists/${operatorList}/publish`), { effectiveOn: '2026-01-01' });
  assert.equal(early.statusCode, 400);
  assert.equal(early.data.error.issues[0].path, 'body.effectiveOn');
  ok(await safety.delete(api(`/duty-lists/${operatorList}/draft`)));

  // The database refuses to change or delete a published version, whoever asks.
  await assert.rejects(t.db.updateTable('duty_list_versions').set({ items: '[]' }).where('enterprise_id', '=', ent.id).where('list_id', '=', operatorList).where('version', '=', 1).execute(), /published and locked/);
  await assert.rejects(t.db.updateTable('duty_list_versions').set({ status: 'current' }).where('enterprise_id', '=', ent.id).where('list_id', '=', operatorList).where('version', '=', 1).execute(), /published and locked/);
  await assert.rejects(t.db.deleteFrom('duty_list_versions').where('enterprise_id', '=', ent.id).where('list_id', '=', operatorList).where('version', '=', 2).execute(), /published and kept/);
  const del = await safety.delete(api(`/duty-lists/${operatorList}`));
  assert.deepEqual([del.statusCode, del.data.error.reason], [409, 'PUBLISHED']);
});

test('R-RESP-1 one list per post: giving a post another list moves it; a department list goes to a unit', async () => {
  const fork = ok(await safety.post(api('/duty-lists'), { name: '叉车司机清单', level: 'post', templateKey: 'special_operator' }), 201);
  ok(await safety.post(api(`/duty-lists/${fork.id}/publish`), {}));
  assert.deepEqual(ok(await safety.put(api(`/posts/${post.fork}/duty-list`), { listId: fork.id })), { postId: post.fork, listId: fork.id });
  ok(await safety.put(api(`/duty-lists/${fork.id}/assignments`), { postIds: [post.fork, post.op2] }));
  const op = ok(await safety.get(api(`/duty-lists/${operatorList}`)));
  assert.deepEqual(op.targets.map((x: { id: string }) => x.id), [post.op], '乙班操作工 moved to the other list');
  // A post list is not a unit's, and a department list takes units only.
  const wrong = await safety.put(api(`/duty-lists/${fork.id}/assignments`), { orgUnitIds: [ent.units.ws1] });
  assert.deepEqual([wrong.statusCode, wrong.data.error.issues[0].path], [400, 'body.orgUnitIds']);
  const dept = ok(await safety.post(api('/duty-lists'), { name: '一车间部门清单', level: 'department', templateKey: 'dept_production' }), 201);
  ok(await safety.put(api(`/duty-lists/${dept.id}/assignments`), { orgUnitIds: [ent.units.ws1] }));
  const mismatch = await safety.post(api('/duty-lists'), { name: 'x', level: 'post', templateKey: 'dept_hr' });
  assert.deepEqual([mismatch.statusCode, mismatch.data.error.issues[0].path], [400, 'body.level']);
  // Restore 乙班操作工 to the operator list for what follows.
  ok(await safety.put(api(`/posts/${post.op2}/duty-list`), { listId: operatorList }));
});

test('R-RESP-1 every employee reads the published lists (公示) and his own, and cannot change them', async () => {
  const pub = ok(await worker.get(api('/duty-publication')));
  assert.ok(pub.posts.some((p: { postId: string; list: { version: number } }) => p.postId === post.op && p.list.version === 2));
  assert.ok(pub.people.some((p: { employeeId: string }) => p.employeeId === person.intern));
  assert.ok(pub.posts.every((p: { list: { items: unknown[] } }) => p.list.items.length > 0));
  const mine = ok(await worker.get(api('/duty-publication?mine=true')));
  assert.deepEqual(mine.posts.map((p: { postId: string }) => p.postId), [post.op]);
  assert.deepEqual([mine.people.length, mine.departments.length], [0, 0]);
  // The list itself reads without its draft; every write is refused.
  const detail = ok(await worker.get(api(`/duty-lists/${operatorList}`)));
  assert.deepEqual([detail.draft, detail.abilities.canEdit], [null, false]);
  for (const res of [
    await worker.put(api(`/duty-lists/${operatorList}/draft`), { items: detail.current.items }),
    await worker.post(api('/duty-lists'), { name: 'x', level: 'post', templateKey: 'operator' }),
    await worker.post(api(`/duty-lists/${operatorList}/publish`), {}),
    await worker.get(api('/duty-coverage')),
  ]) assert.deepEqual([res.statusCode, res.data.error.code], [403, 'FORBIDDEN']);
});

test('R-RESP-5 the yearly review is recorded by the safety manager and signed by the principal alone, then locked', async () => {
  const noReason = await safety.post(api('/duty-reviews'), { reviewedOn: '2026-12-01', changed: false });
  assert.deepEqual([noReason.statusCode, noReason.data.error.issues[0].path], [400, 'body.reason']);
  const noEvidence = await safety.post(api('/duty-reviews'), { reviewedOn: '2026-12-01', changed: true });
  assert.deepEqual([noEvidence.statusCode, noEvidence.data.error.issues[0].path], [400, 'body.versions']);
  const unknown = await safety.post(api('/duty-reviews'), { reviewedOn: '2026-12-01', changed: true, versions: [{ listId: operatorList, version: 9 }] });
  assert.deepEqual([unknown.statusCode, unknown.data.error.issues[0].path], [400, 'body.versions.0']);
  const future = await safety.post(api('/duty-reviews'), { reviewedOn: '2026-12-03', changed: false, reason: '无变化' });
  assert.deepEqual([future.statusCode, future.data.error.issues[0].path], [400, 'body.reviewedOn']);

  const review = ok(await safety.post(api('/duty-reviews'), { reviewedOn: '2026-12-01', changed: true, reason: '操作工清单第1条细化', versions: [{ listId: operatorList, version: 2 }] }), 201);
  assert.deepEqual([review.year, review.signed, review.versions[0].version, review.abilities.canSign], [2026, false, 2, false]);
  // The safety manager may not sign; a unit leader holds no signing permission; the principal signs.
  const bySafety = await safety.post(api(`/duty-reviews/${review.id}/sign`), { password: DEMO_PASSWORD });
  assert.deepEqual([bySafety.statusCode, bySafety.data.error.code], [403, 'FORBIDDEN']);
  assert.equal((await leader.post(api(`/duty-reviews/${review.id}/sign`), {})).statusCode, 403);
  const admin = await t.login('admin');
  const byAdmin = await admin.post(api(`/duty-reviews/${review.id}/sign`), { password: DEMO_PASSWORD });
  assert.deepEqual([byAdmin.statusCode, byAdmin.data.error.code], [403, 'FORBIDDEN'], 'the district admin does not sign for the principal');
  assert.equal(ok(await principal.get(api(`/duty-reviews/${review.id}`))).abilities.canSign, true);
  // The platform's e-signature: the principal's own password.
  const noPassword = await principal.post(api(`/duty-reviews/${review.id}/sign`), {});
  assert.deepEqual([noPassword.statusCode, noPassword.data.error.issues[0].path], [400, 'body.password']);
  const wrongPassword = await principal.post(api(`/duty-reviews/${review.id}/sign`), { password: 'not-the-password' });
  assert.deepEqual([wrongPassword.statusCode, wrongPassword.data.error.issues[0].path], [400, 'body.password']);
  assert.equal(ok(await principal.get(api(`/duty-reviews/${review.id}`))).signed, false);
  // Or by hand on the pad, as on a phone: a drawing is needed, and only one the principal uploaded himself.
  const noDrawing = await principal.post(api(`/duty-reviews/${review.id}/sign`), { method: 'pad' });
  assert.deepEqual([noDrawing.statusCode, noDrawing.data.error.issues[0].path], [400, 'body.imageAttachmentId']);
  const othersDrawing = await principal.post(api(`/duty-reviews/${review.id}/sign`), { method: 'pad', imageAttachmentId: await uploadSignature(safety, ent.id) });
  assert.equal(othersDrawing.statusCode, 400, othersDrawing.body);
  assert.equal(ok(await principal.get(api(`/duty-reviews/${review.id}`))).signed, false);
  const signed = ok(await principal.post(api(`/duty-reviews/${review.id}/sign`), { method: 'pad', imageAttachmentId: await uploadSignature(principal, ent.id), device: '手机' }));
  assert.equal(signed.signed, true);
  assert.ok(signed.signedByName && signed.signedAt);
  const twice = await principal.post(api(`/duty-reviews/${review.id}/sign`), { password: DEMO_PASSWORD });
  assert.deepEqual([twice.statusCode, twice.data.error.reason], [409, 'SIGNED']);
  const del = await safety.delete(api(`/duty-reviews/${review.id}`));
  assert.deepEqual([del.statusCode, del.data.error.reason], [409, 'SIGNED']);
  await assert.rejects(t.db.updateTable('duty_reviews').set({ reason: '改' }).where('enterprise_id', '=', ent.id).where('id', '=', review.id).execute(), /signed and locked/);
  const audit = await t.db.selectFrom('audit_log').select('action').where('enterprise_id', '=', ent.id).where('entity_id', '=', review.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['duty.review.create', 'duty.review.sign']);
  const signature = await t.db.selectFrom('duty_reviews as r').innerJoin('signatures as s', (j) => j.onRef('s.enterprise_id', '=', 'r.enterprise_id').onRef('s.id', '=', 'r.signature_id'))
    .select(['s.method', 's.signer_user_id', 's.document_type']).where('r.enterprise_id', '=', ent.id).where('r.id', '=', review.id).executeTakeFirstOrThrow();
  assert.deepEqual(signature, { method: 'pad', signer_user_id: ent.users.principal.id, document_type: 'duty_review' });
  // The signed review fulfils the principal's yearly "梳理完善" duty of 2026.
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', ent.id).where('definition_key', '=', 'resp.ten.review').executeTakeFirst();
  assert.deepEqual(duty, { status: 'fulfilled', record_id: review.id });
  // The worker reads the record.
  assert.equal(ok(await worker.get(api('/duty-reviews'))).items.length, 1);
});

test('R-RESP-2 the yearly assessment: assessors by the org tree, scores and grades, progress, publication (公示) and the HR export', async () => {
  assert.equal((await safety.post(api('/duty-assessments'), { year: 2027 })).data.error.issues[0].path, 'body.year');
  const campaign = ok(await safety.post(api('/duty-assessments'), { year: 2026 }), 201);
  assert.deepEqual([campaign.progress.total, campaign.progress.scored, campaign.status, campaign.principalAssessedBy], [9, 0, 'open', 'board']);
  const twice = await safety.post(api('/duty-assessments'), { year: 2026 });
  assert.deepEqual([twice.statusCode, twice.data.error.issues[0].path], [400, 'body.year']);
  const base = `/duty-assessments/${campaign.id}`;

  // The leader of 一车间 assesses the people below him, not himself and not 二车间.
  const mine = ok(await leader.get(api(`${base}/scores?mine=true&pageSize=50`)));
  const worker1 = await employeeOf(ent.users.worker.username);
  const worker2 = await employeeOf(ent.users.worker2.username);
  assert.deepEqual(mine.items.map((r: { employeeId: string }) => r.employeeId).sort(), [worker1, person.dispatched, person.migrant, person.intern].sort());
  assert.equal((await leader.get(api(`${base}/people/${worker2}`))).statusCode, 404);
  const branch = ok(await leader.get(api(`${base}/scores?pageSize=50`)));
  assert.deepEqual(branch.items.map((r: { employeeId: string }) => r.employeeId).sort(), [worker1, person.dispatched, person.migrant, person.intern, await employeeOf(ent.users.leader.username)].sort());
  // A regulator reads the principal's row only.
  const officer = await t.login('guanshang');
  const read = ok(await officer.get(api(`${base}/scores`)));
  assert.deepEqual(read.items.map((r: { isPrincipal: boolean; canScore: boolean }) => [r.isPrincipal, r.canScore]), [[true, false]]);

  // Scoring: every item within its points; the grade follows the default bands (90 / 80 / 60).
  const sheet = ok(await leader.get(api(`${base}/people/${worker1}`)));
  assert.equal(sheet.items.length, 7);
  const full = sheet.items.map((i: { key: string; points: number }) => ({ key: i.key, score: i.points }));
  const over = await leader.put(api(`${base}/people/${worker1}`), { items: full.map((i: { key: string; score: number }, n: number) => (n === 2 ? { ...i, score: i.score + 1 } : i)) });
  assert.deepEqual([over.statusCode, over.data.error.issues[0].path], [400, 'body.items.2.score']);
  const missing = await leader.put(api(`${base}/people/${worker1}`), { items: full.slice(1) });
  assert.deepEqual([missing.statusCode, missing.data.error.issues[0].path], [400, 'body.items']);
  const scored = ok(await leader.put(api(`${base}/people/${worker1}`), { items: full, comment: '履职良好' }));
  assert.deepEqual([scored.total, scored.maxPoints, scored.percent, scored.grade], [100, 100, 100, 'excellent']);
  // The worker cannot score; the safety manager cannot score his own row.
  assert.equal((await worker.put(api(`${base}/people/${worker1}`), { items: full })).statusCode, 403);
  const safetyId = await employeeOf(ent.users.safety.username);
  const own = ok(await safety.get(api(`${base}/people/${safetyId}`)));
  assert.equal(own.canScore, false);
  assert.equal((await safety.put(api(`${base}/people/${safetyId}`), { items: own.items.map((i: { key: string }) => ({ key: i.key, score: 0 })) })).statusCode, 403);

  // Publishing waits for everyone.
  const early = await safety.post(api(`${base}/publish`), { publishFrom: '2026-12-02', publishTo: '2026-12-08' });
  assert.deepEqual([early.statusCode, early.data.error.reason], [409, 'UNSCORED']);

  // The principal scores the safety manager; the safety manager everyone else (the principal's row is the board's, entered by him).
  const score = async (c: Client, employeeId: string, fraction: number) => {
    const s = ok(await c.get(api(`${base}/people/${employeeId}`)));
    return ok(await c.put(api(`${base}/people/${employeeId}`), { items: s.items.map((i: { key: string; points: number }) => ({ key: i.key, score: Math.floor(i.points * fraction) })) }));
  };
  assert.equal((await score(principal, safetyId, 0.85)).grade, 'good');
  const rest = ok(await safety.get(api(`${base}/scores?status=unscored&pageSize=50`)));
  for (const r of rest.items as { employeeId: string; assessorKind: string; isPrincipal: boolean }[]) {
    const graded = await score(safety, r.employeeId, r.employeeId === person.migrant ? 0.5 : 0.95);
    if (r.employeeId === person.migrant) assert.equal(graded.grade, 'fail');
    if (r.isPrincipal) assert.equal(r.assessorKind, 'board');
  }
  const progress = ok(await safety.get(api(base)));
  assert.deepEqual([progress.progress.total, progress.progress.scored, progress.abilities.canPublish], [9, 9, true]);
  assert.equal(progress.byGrade.fail, 1);
  assert.equal(progress.byUnit.reduce((s: number, u: { total: number }) => s + u.total, 0), 9);

  // Before publication the worker sees his own row only, and no notice.
  assert.deepEqual(ok(await worker.get(api(`${base}/scores`))).items.map((r: { employeeId: string }) => r.employeeId), [worker1]);
  assert.equal((await worker.get(api(`${base}/notice`))).data.error.reason, 'NOT_PUBLISHED');
  const backwards = await safety.post(api(`${base}/publish`), { publishFrom: '2026-12-08', publishTo: '2026-12-02' });
  assert.deepEqual([backwards.statusCode, backwards.data.error.issues[0].path], [400, 'body.publishTo']);
  const published = ok(await safety.post(api(`${base}/publish`), { publishFrom: '2026-12-02', publishTo: '2026-12-08' }));
  assert.deepEqual([published.status, published.noticeActive], ['published', true]);
  const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', ent.id).where('definition_key', '=', 'resp.assessment').executeTakeFirst();
  assert.deepEqual(duty, { status: 'fulfilled', record_id: campaign.id });
  const notice = ok(await worker.get(api(`${base}/notice`)));
  assert.deepEqual([notice.rows.length, notice.active, notice.byGrade.fail], [9, true, 1]);
  const late = await leader.put(api(`${base}/people/${worker1}`), { items: full });
  assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'PUBLISHED']);

  // The HR export: one row per person, for those who keep the assessment.
  const file = await safety.get(api(`${base}/export`));
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-type']), /spreadsheetml/);
  assert.equal((await worker.get(api(`${base}/export`))).statusCode, 403);
});

test('another enterprise\'s manager gets 404 for every duty record of this one', async () => {
  const stranger = await other.login('safety');
  for (const res of [
    await stranger.get(api(`/duty-lists/${operatorList}`)),
    await stranger.put(api(`/duty-lists/${operatorList}/draft`), { items: [{ content: '越权', points: 1 }] }),
    await stranger.get(api('/duty-coverage')),
    await stranger.get(api('/duty-publication')),
    await stranger.get(api('/duty-reviews')),
    await stranger.get(api('/duty-assessments')),
  ]) assert.equal(res.statusCode, 404, res.body);
  // His own enterprise's records do not name this one's lists.
  assert.equal(ok(await stranger.get(api('/duty-lists', other.id))).total, 0);
});

test('a subdistrict officer reads the coverage of the enterprises in his subdistrict only', async () => {
  const officer = await t.login('guanshang');
  const list = ok(await officer.get('/api/v1/duty-coverage?pageSize=200'));
  const ids = list.items.map((r: { enterpriseId: string }) => r.enterpriseId);
  assert.ok(ids.includes(ent.id) && !ids.includes(other.id));
  const row = list.items.find((r: { enterpriseId: string }) => r.enterpriseId === ent.id);
  assert.deepEqual([row.posts.total, row.people.total], [4, 9]);
  assert.equal(ok(await officer.get(api('/duty-coverage'))).people.total, 9);
  assert.equal((await officer.get(api('/duty-coverage', other.id))).statusCode, 404);
  // Sorted by a rate, and narrowed to those below 100%.
  ok(await officer.get('/api/v1/duty-coverage?sort=people&order=asc&incomplete=true'));
});

test('bad input is a 400 naming each field', async () => {
  const res = await safety.post(api('/duty-lists'), { name: '', level: 'nope', items: [{ content: '', points: 1000 }] });
  assert.equal(res.statusCode, 400);
  const paths = res.data.error.issues.map((i: { path: string }) => i.path);
  for (const p of ['body.name', 'body.level', 'body.items.0.content', 'body.items.0.points']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  const draft = await safety.put(api(`/duty-lists/${operatorList}/draft`), { items: [] });
  assert.deepEqual([draft.statusCode, draft.data.error.issues[0].path], [400, 'body.items']);
  const assign = await safety.put(api(`/duty-lists/${operatorList}/assignments`), { postIds: ['not-a-uuid'] });
  assert.deepEqual([assign.statusCode, assign.data.error.issues[0].path], [400, 'body.postIds.0']);
  const ghost = await safety.put(api(`/duty-lists/${operatorList}/assignments`), { postIds: [randomUUID()] });
  assert.deepEqual([ghost.statusCode, ghost.data.error.issues[0].path], [400, 'body.postIds.0']);
  const period = await safety.post(api(`/duty-assessments/${randomUUID()}/publish`), { publishFrom: '2026-02-30', publishTo: '2026-03-01' });
  assert.deepEqual([period.statusCode, period.data.error.issues[0].path], [400, 'body.publishFrom']);
});
