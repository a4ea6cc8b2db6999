import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { ppeFacts } from '../src/modules/management/ppe/ppe.facts';
import { sendReplacementReminders } from '../src/modules/management/ppe/ppe.reminders';
import { PPE_ITEMS, PPE_POST_TYPES, PPE_RULES } from '../src/modules/management/ppe/ppe.rule-sets';
import { gapsOf, nextReplacement, replacementState } from '../src/modules/management/ppe/ppe.rules';
import { CHECK_LIBRARY } from '../src/modules/hazards/checks/check-library';
import { idLast4Hash } from '../src/platform/signatures';
import { addLocalDays, addLocalMonths, localDay } from '../src/platform/time';
import { DEMO_PASSWORD } from '../src/seed/demo-password';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, type Client, type TestPlatform } from './helpers';

// Issue 13 §3, R-PPE-1: protective equipment issued to standard and an issue ledger per person. The default issue
// standard per post type [cfg] row by row, the next replacement (month ends, 29 February), the gap list, the signed
// receipt on the person's phone and on a shared device (wrong last four refused), signed rows immutable (a correction
// voids them), scope (404 for another enterprise), roles (403) and bad input (400 at the field).

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

const today = () => localDay(t.clock.now);
const api = (ent: FreshEnterprise, rest = '') => `/api/v1/enterprises/${ent.id}/ppe${rest}`;

// ---- pure rules ----

test('R-PPE-1 [cfg]: the default issue standard per post type, row by row (item, quantity per issue, cycle in months)', () => {
  const rows = PPE_RULES.defaults.standards.map((s) => [s.postType, s.item, s.quantity, s.cycleMonths]);
  assert.deepEqual(rows, [
    ['welder', 'helmet', 1, 30], ['welder', 'welding_mask', 1, 12], ['welder', 'welding_suit', 1, 12], ['welder', 'gloves', 6, 3], ['welder', 'safety_shoes', 1, 12],
    ['electrician', 'helmet', 1, 30], ['electrician', 'insulating_shoes', 1, 12], ['electrician', 'insulating_gloves', 1, 6], ['electrician', 'goggles', 1, 24],
    ['height', 'helmet', 1, 30], ['height', 'harness', 1, 36], ['height', 'safety_shoes', 1, 12],
    ['noise', 'earplugs', 10, 1], ['noise', 'helmet', 1, 30],
    ['dust', 'dust_mask', 20, 1], ['dust', 'goggles', 1, 12], ['dust', 'helmet', 1, 30],
    ['chemical', 'chem_suit', 1, 12], ['chemical', 'chem_gloves', 2, 3], ['chemical', 'goggles', 1, 12], ['chemical', 'gas_mask', 1, 12], ['chemical', 'safety_shoes', 1, 12],
    ['machining', 'goggles', 1, 12], ['machining', 'safety_shoes', 1, 12], ['machining', 'earplugs', 10, 1],
    ['general', 'helmet', 1, 30], ['general', 'gloves', 6, 3],
  ]);
  assert.deepEqual(PPE_POST_TYPES.map((p) => p.name), ['焊工（电焊、气焊、切割）', '电工', '高处作业', '噪声岗位', '粉尘岗位', '化学品岗位', '机加工', '一般岗位']);
  // The standards the brief names and we are sure of are marked verified; the others wait for the district admin's check.
  const verified = Object.fromEntries(PPE_ITEMS.filter((i) => i.verified).map((i) => [i.code, i.standard.split('《')[0]]));
  assert.deepEqual(verified, { helmet: 'GB 2811-2019', dust_mask: 'GB 2626-2019', insulating_shoes: 'GB 12011-2009', harness: 'GB 6095-2021' });
  // Every post type has a standard, and every standard names a known item.
  for (const p of PPE_POST_TYPES) assert.ok(PPE_RULES.defaults.standards.some((s) => s.postType === p.code), p.code);
  assert.ok(PPE_RULES.defaults.standards.every((s) => PPE_ITEMS.some((i) => i.code === s.item)));
});

test('R-PPE-1: the next replacement is the issue day plus the cycle, clamped to a shorter month\'s end (29 February included)', () => {
  const table: [string, number | null, string | null][] = [
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-12-31', 3, '2026-03-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 30, '2029-06-15'],
    ['2026-03-01', null, null],
  ];
  for (const [issued, cycle, next] of table) assert.equal(nextReplacement(issued, cycle), next, `${issued} + ${cycle}`);
});

test('a replacement is in time on its day, overdue the day after, and due soon within the window [cfg]', () => {
  const table: [string | null, string, number, string][] = [
    [null, '2026-01-01', 30, 'none'],
    ['2026-02-28', '2026-02-28', 30, 'due_soon'],
    ['2026-02-28', '2026-03-01', 30, 'overdue'],
    ['2026-03-31', '2026-03-01', 30, 'due_soon'],
    ['2026-04-01', '2026-03-01', 30, 'ok'],
    ['2027-01-01', '2026-12-31', 1, 'due_soon'],
  ];
  for (const [next, day, soon, state] of table) assert.equal(replacementState(next, day, soon), state, `${next} on ${day}`);
});

test('R-PPE-1: a gap is an item the post requires that the person was never issued; two posts requiring it make one gap', () => {
  const required = new Map([['p1', [{ item: 'helmet', quantity: 1, cycleMonths: 30 }, { item: 'gloves', quantity: 6, cycleMonths: 3 }]], ['p2', [{ item: 'helmet', quantity: 1, cycleMonths: 30 }]]]);
  const gaps = gapsOf([{ employeeId: 'a', postId: 'p1' }, { employeeId: 'a', postId: 'p2' }, { employeeId: 'b', postId: 'p2' }], required, new Map([['a', new Set(['gloves'])]]));
  assert.deepEqual(gaps, [{ employeeId: 'a', postId: 'p1', item: 'helmet' }, { employeeId: 'b', postId: 'p2', item: 'helmet' }]);
});

// ---- through the API ----

type Setup = {
  ent: FreshEnterprise; weldPost: string; chemPost: string; officePost: string;
  /** A welder without an account in workshop one (the leader's branch), and one in workshop two; their ID last four. */
  noAccount: string; noAccount2: string; worker: string; worker2: string;
};

async function setup(): Promise<Setup> {
  const ent = await makeEnterprise(t);
  const post = async (unit: string, name: string) => (await t.db.insertInto('posts').values({ enterprise_id: ent.id, org_unit_id: unit, name, created_at: t.clock.now })
    .returning('id').executeTakeFirstOrThrow()).id;
  const weldPost = await post(ent.units.team1, '焊工');
  const chemPost = await post(ent.units.team2, '投料工');
  const officePost = await post(ent.rootUnitId, '文员');
  const person = async (unit: string, name: string) => {
    const id = randomUUID();
    await t.db.insertInto('employees').values({
      enterprise_id: ent.id, id, name, id_number_masked: '5301**********1234', id_number_hash: `ppe-${id}`, employment_form: 'regular', org_unit_id: unit,
      id_last4_hash: idLast4Hash(t.config.appSecret, ent.id, id, '1234'),
    }).execute();
    return id;
  };
  const noAccount = await person(ent.units.team1, '张焊工');
  const noAccount2 = await person(ent.units.team2, '李投料');
  const employeeOf = async (userId: string) => (await t.db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirstOrThrow()).employee_id!;
  const worker = await employeeOf(ent.users.worker.id);
  const worker2 = await employeeOf(ent.users.worker2.id);
  await t.db.insertInto('employee_posts').values([
    { enterprise_id: ent.id, employee_id: worker, post_id: weldPost }, { enterprise_id: ent.id, employee_id: noAccount, post_id: weldPost },
    { enterprise_id: ent.id, employee_id: worker2, post_id: chemPost }, { enterprise_id: ent.id, employee_id: noAccount2, post_id: chemPost },
  ]).execute();
  return { ent, weldPost, chemPost, officePost, noAccount, noAccount2, worker, worker2 };
}

async function mapPosts(s: Setup) {
  const safety = await s.ent.login('safety');
  const weld = await safety.put(api(s.ent, `/posts/${s.weldPost}`), { postType: 'welder' });
  assert.equal(weld.statusCode, 200, weld.body);
  // The feed post gets its own short list: chemical gloves every two months, and goggles without a cycle.
  const chem = await safety.put(api(s.ent, `/posts/${s.chemPost}`), { postType: 'chemical', items: [{ item: 'chem_gloves', quantity: 4, cycleMonths: 2 }, { item: 'goggles', quantity: 1, cycleMonths: null }] });
  assert.equal(chem.statusCode, 200, chem.body);
  return { weld: weld.data, chem: chem.data };
}

async function issue(c: Client, ent: FreshEnterprise, body: Record<string, unknown>) {
  const res = await c.post(api(ent, '/issues'), { issuedOn: today(), ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.data as { batchId: string; items: { id: string; employeeId: string; quantity: number; cycleMonths: number | null; nextReplacement: string | null; status: string; version: number }[] };
}

test('R-PPE-1: posts map to post types or their own list; the gap list names person, post and missing item, and shrinks as items are issued', async () => {
  const s = await setup();
  const safety = await s.ent.login('safety');
  const mapped = await mapPosts(s);
  assert.deepEqual(mapped.weld.required.map((l: { item: string }) => l.item), ['helmet', 'welding_mask', 'welding_suit', 'gloves', 'safety_shoes']);
  assert.equal(mapped.chem.custom, true);
  const gaps = await safety.get(api(s.ent, '/gaps'));
  assert.equal(gaps.statusCode, 200, gaps.body);
  // Two welders × 5 items, two feeders × 2 items; the office post is not mapped and requires nothing.
  assert.equal(gaps.data.items.length, 14);
  assert.ok(gaps.data.items.some((g: { name: string; postName: string; itemName: string }) => g.name === '张焊工' && g.postName === '焊工' && g.itemName === '焊接面罩'));
  await issue(safety, s.ent, { employeeIds: [s.worker, s.noAccount], item: 'helmet' });
  const after = await safety.get(api(s.ent, '/gaps'));
  assert.equal(after.data.items.length, 12);
  assert.ok(!after.data.items.some((g: { item: string }) => g.item === 'helmet'));
  const summary = await safety.get(api(s.ent));
  assert.equal(summary.statusCode, 200, summary.body);
  assert.equal(summary.data.counts.peopleMissingIssue, 4);
  assert.equal(summary.data.counts.gaps, 12);
  assert.equal(summary.data.counts.unsigned, 2);
  assert.equal(summary.data.counts.unmappedPosts, 1);
  const team1 = summary.data.byUnit.find((u: { orgUnitId: string }) => u.orgUnitId === s.ent.units.team1);
  assert.deepEqual([team1.people, team1.peopleMissingIssue, team1.unsigned], [2, 2, 2]);
  // The facts for the lead agree with the page.
  const facts = (await ppeFacts(t.db, [s.ent.id], t.clock.now)).get(s.ent.id);
  assert.deepEqual(facts, { peopleMissingIssue: 4, replacementsOverdue: 0, replacementsDueSoon: 0, unsignedIssues: 2 });
  const xlsx = await safety.get(api(s.ent, '/gaps/export'));
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
});

test('a batch issue takes quantity and cycle from each person\'s post standard; next replacement = issue day + cycle; the person with an account is notified', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  const issuedOn = addLocalDays(today(), -3);
  const gloves = await issue(safety, s.ent, { employeeIds: [s.worker, s.worker2], item: 'gloves', issuedOn });
  const byPerson = new Map(gloves.items.map((i) => [i.employeeId, i]));
  // The welder's standard: 6 pairs every 3 months; the feeder's own list does not name them: 1, no cycle.
  assert.deepEqual([byPerson.get(s.worker)!.quantity, byPerson.get(s.worker)!.cycleMonths, byPerson.get(s.worker)!.nextReplacement], [6, 3, addLocalMonths(issuedOn, 3)]);
  assert.deepEqual([byPerson.get(s.worker2)!.quantity, byPerson.get(s.worker2)!.cycleMonths, byPerson.get(s.worker2)!.nextReplacement], [1, null, null]);
  assert.ok(gloves.items.every((i) => i.status === 'awaiting'));
  const chem = await issue(safety, s.ent, { employeeIds: [s.worker2], item: 'chem_gloves', issuedOn });
  assert.deepEqual([chem.items[0]!.quantity, chem.items[0]!.nextReplacement], [4, addLocalMonths(issuedOn, 2)]);
  const notes = await t.db.selectFrom('outbox').select('payload').where(sql<boolean>`payload->>'kind' = 'ppe.issued' and payload->>'userId' = ${s.ent.users.worker2.id}`).execute();
  assert.equal(notes.length, 2);
  const mine = await (await s.ent.login('worker2')).get('/api/v1/me/ppe');
  assert.equal(mine.statusCode, 200, mine.body);
  assert.equal(mine.data.issues.length, 2);
  assert.deepEqual(mine.data.required.map((r: { item: string; issued: boolean }) => [r.item, r.issued]), [['chem_gloves', true], ['goggles', false]]);
});

test('R-PPE-1: the person signs his receipt on his phone; a wrong password is 400, another\'s issue 404, signing twice 409', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  const batch = await issue(safety, s.ent, { employeeIds: [s.worker, s.worker2], item: 'helmet' });
  const mineId = batch.items.find((i) => i.employeeId === s.worker)!.id;
  const otherId = batch.items.find((i) => i.employeeId === s.worker2)!.id;
  const worker = await s.ent.login('worker');
  const wrong = await worker.post(`/api/v1/me/ppe/issues/${mineId}/sign`, { method: 'password', password: 'not-it' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.data.error.issues[0].path, 'body.password');
  assert.equal((await worker.post(`/api/v1/me/ppe/issues/${otherId}/sign`, { method: 'password', password: DEMO_PASSWORD })).statusCode, 404);
  const signed = await worker.post(`/api/v1/me/ppe/issues/${mineId}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.data.status, 'signed');
  assert.equal(signed.data.signMethod, 'password');
  const sig = await t.db.selectFrom('signatures').select(['document_type', 'signer_user_id']).where('id', '=', signed.data.signatureId).executeTakeFirstOrThrow();
  assert.deepEqual(sig, { document_type: 'ppe_issue', signer_user_id: s.ent.users.worker.id });
  const again = await worker.post(`/api/v1/me/ppe/issues/${mineId}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(again.statusCode, 409);
  assert.equal(again.data.error.reason, 'SIGNED');
});

async function uploadSignature(c: Client, ent: FreshEnterprise): Promise<string> {
  const boundary = `----ppe${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`), makePng(), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request('POST', `/api/v1/enterprises/${ent.id}/signature-images`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id as string;
}

test('R-PPE-1, shared device: the team leader\'s phone signs for a person without an account with a drawing and the last four; wrong last four 400, another branch 404', async () => {
  const s = await setup();
  await mapPosts(s);
  const leader = await s.ent.login('leader');
  // The leader of workshop one issues to his branch; a person of workshop two is not his to name.
  const refused = await leader.post(api(s.ent, '/issues'), { employeeIds: [s.noAccount, s.noAccount2], item: 'helmet', issuedOn: today() });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.data.error.issues[0].path, 'body.employeeIds.1');
  const batch = await issue(leader, s.ent, { employeeIds: [s.noAccount, s.worker], item: 'helmet' });
  const theirs = batch.items.find((i) => i.employeeId === s.noAccount)!;
  const workers = batch.items.find((i) => i.employeeId === s.worker)!;
  const wrong = await leader.post(api(s.ent, `/issues/${theirs.id}/sign-for`), { idLast4: '9999', imageAttachmentId: await uploadSignature(leader, s.ent) });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.data.error.issues[0].path, 'body.idLast4');
  const still = await leader.get(api(s.ent, `/issues?state=awaiting`));
  assert.ok(still.data.items.some((i: { id: string }) => i.id === theirs.id), 'nothing stored on a wrong answer');
  const ok = await leader.post(api(s.ent, `/issues/${theirs.id}/sign-for`), { idLast4: '1234', imageAttachmentId: await uploadSignature(leader, s.ent), device: '甲班共用手机' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.data.status, ok.data.signMethod], ['signed', 'proxy_pad']);
  // Someone with an account signs himself.
  const hasAccount = await leader.post(api(s.ent, `/issues/${workers.id}/sign-for`), { idLast4: '0000', imageAttachmentId: await uploadSignature(leader, s.ent) });
  assert.equal(hasAccount.statusCode, 409);
  assert.equal(hasAccount.data.error.reason, 'HAS_ACCOUNT');
  // An issue of workshop two is outside the leader's branch.
  const safety = await s.ent.login('safety');
  const other = await issue(safety, s.ent, { employeeIds: [s.noAccount2], item: 'goggles' });
  assert.equal((await leader.post(api(s.ent, `/issues/${other.items[0]!.id}/sign-for`), { idLast4: '1234', imageAttachmentId: await uploadSignature(leader, s.ent) })).statusCode, 404);
});

test('R-PPE-1: a signed issue is immutable; a correction voids it with the reason and records a new row in its place', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  const [row] = (await issue(safety, s.ent, { employeeIds: [s.noAccount], item: 'gloves', quantity: 6 })).items;
  const signed = await safety.post(api(s.ent, `/issues/${row!.id}/sign-for`), { idLast4: '1234', imageAttachmentId: await uploadSignature(safety, s.ent) });
  assert.equal(signed.statusCode, 200, signed.body);
  // The database itself refuses to change a signed row.
  await assert.rejects(t.db.updateTable('ppe_issues').set({ quantity: 2 }).where('id', '=', row!.id).execute(), /signed/);
  await assert.rejects(t.db.deleteFrom('ppe_issues').where('id', '=', row!.id).execute(), /signed/);
  const noReason = await safety.post(api(s.ent, `/issues/${row!.id}/void`), { reason: '', version: signed.data.version });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.data.error.issues[0].path, 'body.reason');
  const stale = await safety.post(api(s.ent, `/issues/${row!.id}/void`), { reason: '数量登记错误', version: row!.version });
  assert.equal(stale.statusCode, 409);
  const corrected = await safety.post(api(s.ent, `/issues/${row!.id}/void`), {
    reason: '数量登记错误，实发 4 副', version: signed.data.version, replacement: { item: 'gloves', quantity: 4, issuedOn: today() },
  });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.equal(corrected.data.voided.status, 'voided');
  assert.equal(corrected.data.voided.voidReason, '数量登记错误，实发 4 副');
  assert.equal(corrected.data.voided.signatureId, signed.data.signatureId, 'the signature stays with the voided row');
  assert.deepEqual([corrected.data.replacement.status, corrected.data.replacement.quantity, corrected.data.replacement.replacesId], ['awaiting', 4, row!.id]);
  const twice = await safety.post(api(s.ent, `/issues/${row!.id}/void`), { reason: '再次作废', version: corrected.data.voided.version });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.data.error.reason, 'VOIDED');
  // A voided sign-for is refused too.
  const late = await safety.post(api(s.ent, `/issues/${row!.id}/sign-for`), { idLast4: '1234', imageAttachmentId: await uploadSignature(safety, s.ent) });
  assert.equal(late.statusCode, 409);
});

test('R-PPE-1: replacements overdue and due soon count the latest live issue per person and item; a newer issue clears the older one', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  // Gloves every 3 months: issued 3 months and a day ago is overdue; the feeder's chemical gloves (2 months) due in 10 days.
  const overdueDay = addLocalDays(addLocalMonths(today(), -3), -1);
  const [old] = (await issue(safety, s.ent, { employeeIds: [s.noAccount], item: 'gloves', issuedOn: overdueDay })).items;
  assert.ok(old!.nextReplacement! < today());
  const soonDay = addLocalMonths(addLocalDays(today(), 10), -2);
  await issue(safety, s.ent, { employeeIds: [s.noAccount2], item: 'chem_gloves', issuedOn: soonDay <= today() ? soonDay : today() });
  const overdue = await safety.get(api(s.ent, '/issues?state=overdue'));
  assert.deepEqual(overdue.data.items.map((i: { id: string; replacement: string }) => [i.id, i.replacement]), [[old!.id, 'overdue']]);
  const soon = await safety.get(api(s.ent, '/issues?state=due_soon'));
  assert.equal(soon.data.items.length, 1);
  assert.equal((await ppeFacts(t.db, [s.ent.id], t.clock.now)).get(s.ent.id)!.replacementsOverdue, 1);
  await issue(safety, s.ent, { employeeIds: [s.noAccount], item: 'gloves' });
  assert.equal((await safety.get(api(s.ent, '/issues?state=overdue'))).data.items.length, 0);
  const ledger = await safety.get(api(s.ent, `/issues?employeeId=${s.noAccount}&item=gloves`));
  assert.deepEqual(ledger.data.items.map((i: { replacement: string }) => i.replacement), ['ok', 'none']);
  const xlsx = await safety.get(api(s.ent, '/issues/export?state=awaiting'));
  assert.equal(xlsx.statusCode, 200);
});

test('scope: another enterprise gets 404 on every PPE record of this one; a worker\'s own sign is 404 on another enterprise\'s issue', async () => {
  const s = await setup();
  await mapPosts(s);
  const other = await makeEnterprise(t);
  const safety = await s.ent.login('safety');
  const [row] = (await issue(safety, s.ent, { employeeIds: [s.worker], item: 'helmet' })).items;
  const foreign = await other.login('safety');
  for (const path of ['', '/gaps', '/issues']) assert.equal((await foreign.get(api(s.ent, path))).statusCode, 404, path);
  assert.equal((await foreign.put(api(s.ent, `/posts/${s.weldPost}`), { postType: 'welder' })).statusCode, 404);
  assert.equal((await foreign.post(api(s.ent, '/issues'), { employeeIds: [s.worker], item: 'helmet', issuedOn: today() })).statusCode, 404);
  assert.equal((await foreign.post(api(s.ent, `/issues/${row!.id}/void`), { reason: '越权', version: 1 })).statusCode, 404);
  // The other enterprise's own page knows nothing of this one's people.
  const own = await foreign.post(`/api/v1/enterprises/${other.id}/ppe/issues`, { employeeIds: [s.worker], item: 'helmet', issuedOn: today() });
  assert.equal(own.statusCode, 400);
  const otherWorker = await other.login('worker');
  assert.equal((await otherWorker.post(`/api/v1/me/ppe/issues/${row!.id}/sign`, { method: 'password', password: DEMO_PASSWORD })).statusCode, 404);
});

test('roles: a worker reads only his own; a unit leader issues but keeps no standard and voids nothing; the district admin issues nothing', async () => {
  const s = await setup();
  const worker = await s.ent.login('worker');
  assert.equal((await worker.get(api(s.ent))).statusCode, 403);
  assert.equal((await worker.post(api(s.ent, '/issues'), { employeeIds: [s.worker], item: 'helmet', issuedOn: today() })).statusCode, 403);
  const leader = await s.ent.login('leader');
  assert.equal((await leader.put(api(s.ent, `/posts/${s.weldPost}`), { postType: 'welder' })).statusCode, 403);
  const [row] = (await issue(leader, s.ent, { employeeIds: [s.worker], item: 'helmet' })).items;
  assert.equal((await leader.post(api(s.ent, `/issues/${row!.id}/void`), { reason: '错发', version: 1 })).statusCode, 403);
  const admin = await t.login('admin');
  const byAdmin = await admin.post(api(s.ent, '/issues'), { employeeIds: [s.worker], item: 'helmet', issuedOn: today() });
  assert.equal(byAdmin.statusCode, 403);
  assert.equal(byAdmin.data.error.reason, 'NOT_ISSUER');
  // The leader's view of the page: his branch only (workshop one's welders), and he may issue.
  const page = await leader.get(api(s.ent));
  assert.equal(page.statusCode, 200, page.body);
  assert.deepEqual(page.data.posts.map((p: { name: string }) => p.name), ['焊工']);
  assert.deepEqual(page.data.abilities, { canManage: false, canIssue: true });
});

test('bad input is 400 at the field, never 500', async () => {
  const s = await setup();
  const safety = await s.ent.login('safety');
  const cases: [string, 'post' | 'put', Record<string, unknown>, string][] = [
    ['/issues', 'post', { employeeIds: [s.worker], item: 'spacesuit', issuedOn: today() }, 'body.item'],
    ['/issues', 'post', { employeeIds: [s.worker], item: 'Helmet!', issuedOn: today() }, 'body.item'],
    ['/issues', 'post', { employeeIds: [s.worker], item: 'helmet', issuedOn: addLocalDays(today(), 1) }, 'body.issuedOn'],
    ['/issues', 'post', { employeeIds: [s.worker], item: 'helmet', issuedOn: '2026-02-30' }, 'body.issuedOn'],
    ['/issues', 'post', { employeeIds: [], item: 'helmet', issuedOn: today() }, 'body.employeeIds'],
    ['/issues', 'post', { employeeIds: [s.worker, s.worker], item: 'helmet', issuedOn: today() }, 'body.employeeIds'],
    ['/issues', 'post', { employeeIds: [s.worker], item: 'helmet', issuedOn: today(), quantity: 0 }, 'body.quantity'],
    ['/issues', 'post', { employeeIds: [randomUUID()], item: 'helmet', issuedOn: today() }, 'body.employeeIds.0'],
    [`/posts/${s.weldPost}`, 'put', { postType: 'astronaut' }, 'body.postType'],
    [`/posts/${s.weldPost}`, 'put', { postType: 'welder', items: [{ item: 'spacesuit', quantity: 1, cycleMonths: 12 }] }, 'body.items.0.item'],
    [`/posts/${s.weldPost}`, 'put', { postType: 'welder', items: [{ item: 'helmet', quantity: 1, cycleMonths: 0 }] }, 'body.items.0.cycleMonths'],
  ];
  for (const [path, method, body, field] of cases) {
    const res = await safety[method](api(s.ent, path), body);
    assert.equal(res.statusCode, 400, `${path} ${JSON.stringify(body)}: ${res.body}`);
    assert.ok(res.data.error.issues.some((i: { path: string }) => i.path === field), `${field} in ${res.body}`);
  }
  assert.equal((await safety.put(api(s.ent, `/posts/${randomUUID()}`), { postType: 'welder' })).statusCode, 404);
  assert.equal((await safety.get(api(s.ent, '/issues?state=lost'))).statusCode, 400);
});

test('regulators see the PPE figures of the enterprises in scope; the check library holds the PPE items that open unsafe-behaviour hazards', async () => {
  const s = await setup();
  await mapPosts(s);
  const officer = await t.login('yjj');
  const list = await officer.get(`/api/v1/ppe-overview?pageSize=100&q=${encodeURIComponent(s.ent.name)}`);
  assert.equal(list.statusCode, 200, list.body);
  const row = list.data.items.find((i: { enterpriseId: string }) => i.enterpriseId === s.ent.id);
  assert.ok(row, 'the hazardous-chemicals enterprise is in the 应急局\'s scope');
  assert.equal(row.peopleMissingIssue, 4);
  const lib = CHECK_LIBRARY.filter((i) => i.category === '劳动防护用品');
  assert.ok(lib.some((i) => i.content === '作业人员按规定佩戴劳动防护用品'));
  const stored = await t.db.selectFrom('check_standard_items').select('code').where('category', '=', '劳动防护用品').orderBy('sort').execute();
  assert.deepEqual(stored.map((r) => r.code), lib.map((i) => i.code));
});

test('the demo plant: posts mapped, issues signed (some on a shared device), one replacement overdue, one gap', async (c) => {
  await onDemoDay(t, c);
  const safety = await t.login('safety');
  const e = (await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'safety').executeTakeFirstOrThrow()).enterprise_id!;
  const page = await safety.get(`/api/v1/enterprises/${e}/ppe`);
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.data.counts.overdue, 1);
  assert.equal(page.data.counts.gaps, 1);
  const methods = await t.db.selectFrom('ppe_issues').select('sign_method').distinct().where('enterprise_id', '=', e).where('sign_method', 'is not', null).execute();
  assert.deepEqual(methods.map((m) => m.sign_method).sort(), ['password', 'proxy_pad']);
  const worker = await t.login('worker');
  const mine = await worker.get('/api/v1/me/ppe');
  assert.ok(mine.data.issues.some((i: { status: string }) => i.status === 'awaiting'), 'the worker has a receipt to sign');
});

test('R-PPE-1: a failed 劳动防护用品 check item opens an "unsafe behaviour" hazard; a failed item of another category stays unclassified', async () => {
  const s = await setup();
  const safety = await s.ent.login('safety');
  const lib = await safety.get(`/api/v1/check-library?category=${encodeURIComponent('劳动防护用品')}`);
  assert.equal(lib.statusCode, 200, lib.body);
  const ppeItem = lib.data.items.find((i: { content: string }) => i.content === '作业人员按规定佩戴劳动防护用品');
  const fire = (await safety.get(`/api/v1/check-library?category=${encodeURIComponent('消防安全')}`)).data.items[0];
  const list = await safety.post(`/api/v1/enterprises/${s.ent.id}/checklists`, {
    level: 'workshop', name: '一车间劳保检查表', orgUnitId: s.ent.units.ws1, items: [{ source: 'standard', sourceId: ppeItem.id }, { source: 'standard', sourceId: fire.id }],
  });
  assert.equal(list.statusCode, 201, list.body);
  const plan = await safety.post(`/api/v1/enterprises/${s.ent.id}/check-plans`, {
    name: '一车间劳保日检', type: 'daily', cycle: 'daily', checklistId: list.data.id, assigneeUserId: s.ent.users.leader.id, startsOn: today(),
  });
  assert.equal(plan.statusCode, 201, plan.body);
  const task = await t.db.selectFrom('check_tasks').select('id').where('enterprise_id', '=', s.ent.id).where('plan_id', '=', plan.data.id).executeTakeFirstOrThrow();
  const leader = await s.ent.login('leader');
  const detail = (await leader.get(`/api/v1/enterprises/${s.ent.id}/check-tasks/${task.id}`)).data;
  const ran = await leader.post(`/api/v1/enterprises/${s.ent.id}/check-tasks/${task.id}/run`, {
    results: detail.items.map((i: { id: string }) => ({ checklistItemId: i.id, result: 'fail', note: '现场发现' })),
  });
  assert.equal(ran.statusCode, 200, ran.body);
  const classes = await t.db.selectFrom('hazards').select(['title', 'hazard_class']).where('id', 'in', ran.data.createdHazards.map((h: { id: string }) => h.id)).execute();
  assert.equal(classes.length, 2);
  const byItem = new Map(ran.data.createdHazards.map((h: { id: string; checklistItemId: string }) => [h.checklistItemId, h.id]));
  const ppeRow = detail.items.find((i: { content: string }) => i.content === ppeItem.content);
  const classOf = new Map((await t.db.selectFrom('hazards').select(['id', 'hazard_class']).where('enterprise_id', '=', s.ent.id).execute()).map((h) => [h.id, h.hazard_class]));
  assert.equal(classOf.get(byItem.get(ppeRow.id) as string), 'behaviour');
  assert.deepEqual(classes.map((h) => h.hazard_class).sort(), ['behaviour', null]);
});

test('[cfg] the district admin edits the rule-set `ppe` on the rules screen; a standard naming an unknown item is a translated 400', async () => {
  const admin = await t.login('admin');
  const one = await admin.get('/api/v1/rules/ppe');
  assert.equal(one.statusCode, 200, one.body);
  assert.equal(one.data.title, '劳动防护用品');
  assert.deepEqual(Object.keys((one.data.schema as { properties: object }).properties).sort(), ['dueSoonDays', 'items', 'postTypes', 'reminderDays', 'standards']);
  const value = { ...PPE_RULES.defaults, standards: [...PPE_RULES.defaults.standards, { postType: 'welder', item: 'spacesuit', quantity: 1, cycleMonths: 12 }] };
  const bad = await admin.put('/api/v1/rules/ppe', { value, note: 'x' });
  assert.equal(bad.statusCode, 400, bad.body);
  const issue = (bad.data.error.issues as { path: string; message: string }[]).find((i) => i.path === 'body.value.standards');
  assert.equal(issue?.message, '配备标准中引用了不存在的岗位类别或防护用品');
});

// ---- issue 13 leftovers: the regulators' export, the daily reminder of replacements due ----

test('issue 13 §5, R-PPE-1: the regulators\' PPE list exports as .xlsx with the screen\'s filter, zh-CN by default and en-US by locale', async () => {
  const s = await setup();
  await mapPosts(s);
  const officer = await t.login('yjj');
  const path = `/api/v1/ppe-overview/export?q=${encodeURIComponent(s.ent.name)}`;
  const read = async (headers: Record<string, string> = {}) => {
    const res = await officer.get(path, headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };
  const zh = await read();
  const header = zh.findIndex((r) => r[0] === '企业名称');
  assert.ok(header >= 0, JSON.stringify(zh.slice(0, 3)));
  assert.deepEqual(zh[header], ['企业名称', '统一社会信用代码', '街道', '行业', '岗位人员未配发人数', '超期未更换', '即将到期', '待签收']);
  const row = zh.find((r) => r[0] === s.ent.name);
  assert.ok(row, 'the enterprise searched for is in the file');
  assert.equal(row[4], '4', 'the four people on mapped posts without their PPE');
  assert.equal(zh.filter((r) => r.length > 4 && r[0] !== '企业名称' && /^\d+$/.test(r[4] ?? '')).length, 1, 'the search narrows the file as it narrows the screen');
  const en = await read({ 'accept-language': 'en-US' });
  assert.ok(en.some((r) => r[0] === 'Enterprise' && r[4] === 'People lacking PPE'));
  // The enterprise's own safety manager is no regulator.
  assert.equal((await (await s.ent.login('safety')).get(path)).statusCode, 403);
  assert.equal((await officer.get('/api/v1/ppe-overview/export?sort=colour')).statusCode, 400);
});

const dueNotes = (userId: string) => t.db.selectFrom('outbox').select('payload')
  .where(sql<boolean>`payload->>'kind' = 'ppe.due' and payload->>'userId' = ${userId}`).execute();

test('R-PPE-1 [cfg 15 days]: the daily job reminds the safety manager once of replacements overdue and due, a second run the same day sends nothing', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  // Gloves every 3 months issued 3 months and a day ago: overdue; the feeder's chemical gloves (2 months) due in 10 days.
  await issue(safety, s.ent, { employeeIds: [s.noAccount], item: 'gloves', issuedOn: addLocalDays(addLocalMonths(today(), -3), -1) });
  const soonDay = addLocalMonths(addLocalDays(today(), 10), -2);
  await issue(safety, s.ent, { employeeIds: [s.noAccount2], item: 'chem_gloves', issuedOn: soonDay <= today() ? soonDay : today() });
  // A helmet (30 months) issued today is far from due: not counted.
  await issue(safety, s.ent, { employeeIds: [s.worker], item: 'helmet' });
  assert.equal((await dueNotes(s.ent.users.safety.id)).length, 0);
  assert.ok(await sendReplacementReminders(t.db, t.clock.now) >= 1);
  const notes = await dueNotes(s.ent.users.safety.id);
  assert.equal(notes.length, 1);
  const payload = notes[0]!.payload as { params: Record<string, number>; link: string; titleKey: string };
  assert.deepEqual(payload.params, { overdue: 1, dueSoon: 1, days: 15 });
  assert.equal(payload.link, '/ppe?tab=due');
  // Only the safety managers: the worker and the principal hear nothing.
  assert.equal((await dueNotes(s.ent.users.worker.id)).length, 0);
  assert.equal((await dueNotes(s.ent.users.principal.id)).length, 0);
  // The same day again (a second run, or a second runner): nothing more.
  await sendReplacementReminders(t.db, t.clock.now);
  assert.equal((await dueNotes(s.ent.users.safety.id)).length, 1);
  // The next day it is owed again.
  await sendReplacementReminders(t.db, new Date(t.clock.now.getTime() + 86_400_000));
  assert.equal((await dueNotes(s.ent.users.safety.id)).length, 2);
});

test('R-PPE-1: no reminder for an enterprise with nothing due within the window, nor for a replacement due after it', async () => {
  const s = await setup();
  await mapPosts(s);
  const safety = await s.ent.login('safety');
  // Chemical gloves due in 20 days: inside the 30-day "due soon" of the screen, outside the 15-day reminder.
  const day = addLocalMonths(addLocalDays(today(), 20), -2);
  await issue(safety, s.ent, { employeeIds: [s.noAccount2], item: 'chem_gloves', issuedOn: day <= today() ? day : today() });
  const quiet = await makeEnterprise(t);
  await sendReplacementReminders(t.db, t.clock.now);
  assert.equal((await dueNotes(s.ent.users.safety.id)).length, 0);
  assert.equal((await dueNotes(quiet.users.safety.id)).length, 0);
  // The workbench still shows it as due soon, linking to the list.
  const bench = await safety.get('/api/v1/workbench');
  assert.equal(bench.statusCode, 200, bench.body);
  const item = (bench.data.items as { key: string; count: number; to: string }[]).find((i) => i.key === 'ppe.dueSoon');
  assert.deepEqual(item && [item.count, item.to], [1, '/ppe?tab=due&state=due_soon']);
});
