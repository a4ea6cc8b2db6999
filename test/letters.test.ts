import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { PostgresDialect } from 'kysely';
import { signLetter, sweepCampaigns } from '../src/modules/responsibility/letters/letters.service';
import { HookedKysely } from '../src/platform/db/commit-hooks';
import type { Db } from '../src/platform/db/database';
import type { DB } from '../src/platform/db/schema';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, makePng, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';
import { addEmployee, ctxFor, uploadSignature } from './signature-helpers';

// Issue 11, R-RESP-3, R-RESP-5, R-COM-1: the yearly signing of the responsibility letter, later hires, and the
// principal's public safety commitment.

let t: TestPlatform;
const NOW = new Date('2026-03-02T02:00:00Z'); // 2026-03-02 10:00 China time
before(async () => {
  t = await createTestPlatform();
  t.clock.now = NOW;
});
after(async () => { await t.close(); });

type Letter = { id: string; employeeId: string; employeeName: string; status: string; hasAccount: boolean; lateHire: boolean; dueOn: string | null };

async function lettersOf(c: Client, ent: FreshEnterprise, campaignId: string, query = ''): Promise<Letter[]> {
  const res = await c.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaignId}/letters?pageSize=200${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items;
}

async function employeeOf(userId: string): Promise<string> {
  return (await t.db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirstOrThrow()).employee_id!;
}

async function startCampaign(ent: FreshEnterprise) {
  const safety = await ent.login('safety');
  const res = await safety.post(`/api/v1/enterprises/${ent.id}/letter-campaigns`, { year: 2026, kind: 'responsibility', startsOn: '2026-03-01' });
  assert.equal(res.statusCode, 201, res.body);
  return res.data as { id: string; status: string; counts: { roster: number; signed: number; pending: number; lateHires: number } };
}

/** Signs `letterId` as `who` with the pad (an uploaded drawing). */
async function signOwn(ent: FreshEnterprise, who: keyof FreshEnterprise['users'], letterId: string) {
  const c = await ent.login(who);
  const image = await uploadSignature(c, ent.id);
  return c.post(`/api/v1/enterprises/${ent.id}/letters/${letterId}/sign`, { method: 'pad', imageAttachmentId: image, device: 'test-phone' });
}

/** The enterprise joined the platform before this year: it owes the year's and the quarter's duties (no duty predates joining). */
async function joinedLastYear(ent: FreshEnterprise) {
  await t.db.updateTable('enterprises').set({ onboarded_on: '2025-12-01' }).where('id', '=', ent.id).execute();
}

async function occurrences(enterpriseId: string, definition: string) {
  return t.db.selectFrom('obligation_occurrences').select(['status', 'record_type', 'record_id', 'subject_key', 'due_on'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', '=', definition).execute();
}

test('R-RESP-3: a campaign sends everyone on the start date\'s roster their letter; the last signature completes it and fulfils the yearly duty', async () => {
  const ent = await makeEnterprise(t);
  await joinedLastYear(ent);
  const person = await addEmployee(ent, ent.units.team1, { hireDate: '2025-06-01' });
  const campaign = await startCampaign(ent);
  // The five factory accounts' employees and the one without an account.
  assert.equal(campaign.counts.roster, 6);
  assert.equal(campaign.status, 'open');
  const safety = await ent.login('safety');
  const letters = await lettersOf(safety, ent, campaign.id);
  const byEmployee = new Map(letters.map((l) => [l.employeeId, l]));
  const own = async (who: keyof FreshEnterprise['users']) => byEmployee.get(await employeeOf(ent.users[who].id))!;
  assert.equal(byEmployee.get(person.id)!.hasAccount, false);
  // People with an account were told.
  const told = await t.db.selectFrom('outbox').select('payload').execute();
  assert.ok(told.some((m) => JSON.stringify(m.payload).includes('letters.notify.campaign.title') && JSON.stringify(m.payload).includes(ent.users.worker.id)));

  for (const who of ['principal', 'safety', 'leader', 'worker'] as const) {
    const res = await signOwn(ent, who, (await own(who)).id);
    assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
    assert.equal(res.data.status, 'signed');
    assert.equal(res.data.signature.image, null);
    const read = await (await ent.login(who)).get(`/api/v1/enterprises/${ent.id}/letters/${res.data.id}`);
    assert.ok(read.data.signature.image.startsWith('data:image/png;base64,'));
  }
  // worker2 signs with his password.
  const worker2 = await ent.login('worker2');
  const pw = await worker2.post(`/api/v1/enterprises/${ent.id}/letters/${(await own('worker2')).id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(pw.statusCode, 200, pw.body);
  const mid = await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`);
  assert.deepEqual([mid.data.status, mid.data.counts.signed, mid.data.counts.pending], ['open', 5, 1]);
  assert.deepEqual(await occurrences(ent.id, 'resp.ten.letters').then((r) => r.filter((o) => o.status === 'fulfilled')), []);

  // The last one, without an account, signs on the leader's phone with the last four of the ID number.
  const leader = await ent.login('leader');
  const image = await uploadSignature(leader, ent.id);
  const last = await leader.post(`/api/v1/enterprises/${ent.id}/letters/${byEmployee.get(person.id)!.id}/sign`, {
    method: 'proxy_pad', imageAttachmentId: image, idLast4: person.last4, device: 'leader-phone',
  });
  assert.equal(last.statusCode, 200, last.body);
  assert.equal(last.data.signature.method, 'proxy_pad');
  const done = await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`);
  assert.deepEqual([done.data.status, done.data.counts.signed, done.data.counts.pending], ['completed', 6, 0]);
  // The engine's occurrence for the year is fulfilled by the campaign, in the transaction of the last signature.
  const year = await occurrences(ent.id, 'resp.ten.letters');
  assert.deepEqual(year.map((o) => [o.status, o.record_type, o.record_id]), [['fulfilled', 'letter_campaign', campaign.id]]);
  const completedAt = (await t.db.selectFrom('letter_campaigns').select('completed_at').where('id', '=', campaign.id).executeTakeFirstOrThrow()).completed_at;
  const signedAt = (await t.db.selectFrom('letters').select('signed_at').where('id', '=', byEmployee.get(person.id)!.id).executeTakeFirstOrThrow()).signed_at;
  assert.equal(completedAt!.getTime(), signedAt!.getTime());
  // Progress by unit adds up.
  const units = done.data.byUnit as { signed: number }[];
  assert.equal(units.reduce((n, u) => n + u.signed, 0), 6);
});

test('someone who leaves owes nothing: the daily sweep records it and completes the campaign', async () => {
  const ent = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const safety = await ent.login('safety');
  const letters = await lettersOf(safety, ent, campaign.id);
  const worker2 = await employeeOf(ent.users.worker2.id);
  for (const who of ['principal', 'safety', 'leader', 'worker'] as const) {
    const id = letters.find((l) => l.employeeName === { principal: '主要负责人', safety: '安全管理员', leader: '一车间主任', worker: '一车间操作工' }[who])!.id;
    assert.equal((await signOwn(ent, who, id)).statusCode, 200);
  }
  assert.equal((await safety.delete(`/api/v1/enterprises/${ent.id}/employees/${worker2}`)).statusCode, 200);
  // Read before the sweep: already counted as left, not yet complete.
  const before = (await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data;
  assert.deepEqual([before.status, before.counts.left, before.counts.pending], ['open', 1, 0]);
  assert.ok(await sweepCampaigns(t.db, t.clock.now) >= 1);
  const after = (await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data;
  assert.deepEqual([after.status, after.counts.left, after.counts.signed], ['completed', 1, 4]);
});

test('a signed letter cannot change: signing again is refused, and the database refuses an edit', async () => {
  const ent = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const worker = await ent.login('worker');
  const mine = await worker.get('/api/v1/letters/mine');
  assert.equal(mine.statusCode, 200, mine.body);
  const letter = mine.data.items.find((l: { campaignId: string }) => l.campaignId === campaign.id);
  assert.equal(letter.abilities.canSign, true);
  assert.equal((await signOwn(ent, 'worker', letter.id)).statusCode, 200);
  const again = await signOwn(ent, 'worker', letter.id);
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'ALREADY_SIGNED']);
  await assert.rejects(sql`update letters set employee_name = '别人' where id = ${letter.id}`.execute(t.db), /signed/);
  await assert.rejects(sql`delete from letters where id = ${letter.id}`.execute(t.db), /signed/);
  // The hash the letter was made with is the one the signature holds.
  const detail = await worker.get(`/api/v1/enterprises/${ent.id}/letters/${letter.id}`);
  assert.equal(detail.data.signature.contentSha256, detail.data.contentSha256);
  assert.equal(detail.data.abilities.canSign, false);
});

test('signing a letter with the pad is five statements in its transaction: the letter locked, the signer, the signature with the letter marked, and the audit chain\'s two', async () => {
  const ent = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const worker = await ent.login('worker');
  const letter = (await worker.get('/api/v1/letters/mine')).data.items.find((l: { campaignId: string }) => l.campaignId === campaign.id);
  const image = await uploadSignature(worker, ent.id);
  // Every statement the service sends through Kysely (begin and commit aside), counted by a plugin on the same pool.
  const sent: string[] = [];
  const counting = new HookedKysely<DB>({
    dialect: new PostgresDialect({ pool: t.platform.database.pool as never }),
    plugins: [{ transformQuery: (a) => { sent.push(a.node.kind); return a.node; }, transformResult: async (a) => a.result }],
  });
  const signed = await signLetter(counting as Db, await ctxFor(t, ent.users.worker.id), ent.id, letter.id, { method: 'pad', imageAttachmentId: image, device: 'test' });
  assert.equal(signed.status, 'signed');
  assert.equal(sent.length, 5, sent.join(', '));
  // What the statement wrote: the letter marked with its signature, and the campaign still open (others are pending).
  const row = await t.db.selectFrom('letters').select(['status', 'signature_id']).where('id', '=', letter.id).executeTakeFirstOrThrow();
  const sig = await t.db.selectFrom('signatures').select('id').where('document_id', '=', letter.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'signed', signature_id: sig.id });
  const safety = await ent.login('safety');
  const detail = (await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data;
  assert.deepEqual([detail.status, detail.counts.signed], ['open', 1]);
  const audits = await t.db.selectFrom('audit_log').select('action').where('enterprise_id', '=', ent.id).where('entity_id', 'in', [letter.id, sig.id, image]).orderBy('chain_seq').execute();
  assert.deepEqual(audits.map((a) => a.action).slice(-3), ['attachment.link', 'signature.sign', 'letters.sign']);
});

test('signing someone else\'s letter is refused; another unit\'s letter is not found to a unit leader', async () => {
  const ent = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const safety = await ent.login('safety');
  const letters = await lettersOf(safety, ent, campaign.id);
  const workerLetter = letters.find((l) => l.employeeName === '一车间操作工')!;
  const worker2Letter = letters.find((l) => l.employeeName === '二车间操作工')!;
  // The safety manager sees the worker's letter but cannot sign it for him (the worker has an account).
  const bySafety = await signOwn(ent, 'safety', workerLetter.id);
  assert.deepEqual([bySafety.statusCode, bySafety.data.error.reason], [403, 'NOT_YOURS']);
  const image = await uploadSignature(safety, ent.id);
  const proxy = await safety.post(`/api/v1/enterprises/${ent.id}/letters/${workerLetter.id}/sign`, { method: 'proxy_pad', imageAttachmentId: image, idLast4: '0000' });
  assert.deepEqual([proxy.statusCode, proxy.data.error.reason], [409, 'HAS_ACCOUNT']);
  // Another employee does not even see it.
  assert.equal((await signOwn(ent, 'worker2', workerLetter.id)).statusCode, 404);
  // D11: the leader of workshop one reads his branch only.
  const leader = await ent.login('leader');
  assert.equal((await leader.get(`/api/v1/enterprises/${ent.id}/letters/${workerLetter.id}`)).statusCode, 200);
  assert.equal((await leader.get(`/api/v1/enterprises/${ent.id}/letters/${worker2Letter.id}`)).statusCode, 404);
  const seen = await lettersOf(leader, ent, campaign.id);
  assert.ok(seen.length > 0 && !seen.some((l) => l.id === worker2Letter.id));
  assert.equal((await leader.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data.counts.roster, seen.length);
});

test('R-RESP-3: someone hired after the start owes a personal signature within the rule-set\'s days; it fulfils their own duty', async () => {
  const ent = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const hire = await addEmployee(ent, ent.units.team1, { hireDate: '2026-03-02' });
  // The hire opened the person's duty at once; their letter arrives with the next sweep (or reminder).
  const owed = await occurrences(ent.id, 'resp.letter.new_hire');
  assert.deepEqual(owed.map((o) => [o.subject_key, o.due_on, o.status === 'upcoming' || o.status === 'due']), [[hire.id, '2026-04-01', true]]);
  const safety = await ent.login('safety');
  const reminded = await safety.post(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/remind`, {});
  assert.equal(reminded.statusCode, 200, reminded.body);
  assert.ok(reminded.data.notified >= 5);
  const again = await safety.post(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/remind`, {});
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'ALREADY_REMINDED']);
  const late = (await lettersOf(safety, ent, campaign.id, '&lateHire=true'));
  assert.deepEqual(late.map((l) => [l.employeeId, l.dueOn, l.status]), [[hire.id, '2026-04-01', 'pending']]);
  const detail = await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`);
  assert.deepEqual([detail.data.counts.roster, detail.data.counts.lateHires, detail.data.counts.lateHiresPending], [5, 1, 1]);

  const leader = await ent.login('leader');
  const image = await uploadSignature(leader, ent.id);
  const signed = await leader.post(`/api/v1/enterprises/${ent.id}/letters/${late[0]!.id}/sign`, { method: 'proxy_pad', imageAttachmentId: image, idLast4: hire.last4 });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.deepEqual((await occurrences(ent.id, 'resp.letter.new_hire')).map((o) => [o.status, o.record_id]), [['fulfilled', late[0]!.id]]);
  // A later hire's signature does not complete the roster's campaign.
  assert.equal((await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data.status, 'open');
});

test('a paper list counts once a manager confirms it, and shows as paper', async () => {
  const ent = await makeEnterprise(t);
  const a = await addEmployee(ent, ent.units.team1);
  const campaign = await startCampaign(ent);
  const leader = await ent.login('leader');
  const boundary = '----sdpaper';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="employeeIds"\r\n\r\n${JSON.stringify([a.id])}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.png"\r\nContent-Type: image/png\r\n\r\n`), makePng(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const recorded = await leader.request('POST', `/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(recorded.statusCode, 201, recorded.body);
  const safety = await ent.login('safety');
  const pending = await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists`);
  assert.equal(pending.data.items.length, 1);
  assert.equal((await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists/${recorded.data.attachmentId}/file`)).statusCode, 200);
  let counts = (await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data.counts;
  assert.equal(counts.paper, 0);
  // The leader may record, not confirm.
  const byLeader = await leader.post(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists/${recorded.data.attachmentId}/confirm`, {});
  assert.equal(byLeader.statusCode, 403);
  const confirmed = await safety.post(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists/${recorded.data.attachmentId}/confirm`, {});
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.data.confirmed, 1);
  counts = (await safety.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).data.counts;
  assert.deepEqual([counts.paper, counts.signed], [1, 0]);
  assert.deepEqual((await lettersOf(safety, ent, campaign.id, '&status=paper')).map((l) => l.employeeId), [a.id]);
});

test('another enterprise\'s campaigns, letters and commitments are not found', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const campaign = await startCampaign(ent);
  const letter = (await lettersOf(await ent.login('safety'), ent, campaign.id))[0]!;
  const foreign = await other.login('safety');
  assert.equal((await foreign.get(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}`)).statusCode, 404);
  assert.equal((await foreign.get(`/api/v1/enterprises/${other.id}/letter-campaigns/${campaign.id}`)).statusCode, 404);
  assert.equal((await foreign.get(`/api/v1/enterprises/${other.id}/letters/${letter.id}`)).statusCode, 404);
  const image = await uploadSignature(foreign, other.id);
  assert.equal((await foreign.post(`/api/v1/enterprises/${other.id}/letters/${letter.id}/sign`, { method: 'pad', imageAttachmentId: image })).statusCode, 404);
  assert.equal((await foreign.post(`/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/remind`, {})).statusCode, 404);
});

test('bad input is a 400 naming the field', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const post = (body: unknown) => safety.post(`/api/v1/enterprises/${ent.id}/letter-campaigns`, body);
  const path = (res: { data: { error: { issues: { path: string }[] } } }) => res.data.error.issues.map((i) => i.path);
  let res = await post({ year: 2026, kind: 'responsibility', startsOn: '2026-02-30' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.startsOn']]);
  res = await post({ year: 2026, kind: 'letter', startsOn: '2026-03-01' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.kind']]);
  res = await post({ year: 2025, kind: 'responsibility', startsOn: '2026-03-01' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.startsOn']]);
  res = await post({ year: 2026, kind: 'responsibility', startsOn: '2026-12-01' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.startsOn']]);
  const campaign = await startCampaign(ent);
  res = await post({ year: 2026, kind: 'responsibility', startsOn: '2026-03-01' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.year']]);
  const letter = (await lettersOf(safety, ent, campaign.id))[0]!;
  res = await safety.post(`/api/v1/enterprises/${ent.id}/letters/${letter.id}/sign`, { method: 'proxy_pad', idLast4: '12a4' });
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.idLast4']]);
  res = await safety.patch(`/api/v1/enterprises/${ent.id}/commitments/${campaign.id}`, { version: 1, sections: [{ aspect: 'risk', text: '' }] });
  assert.equal(res.statusCode, 400);
  assert.ok(path(res).every((p) => p.startsWith('body.sections')), JSON.stringify(path(res)));
  const paper = await safety.request('POST', `/api/v1/enterprises/${ent.id}/letter-campaigns/${campaign.id}/paper-lists`,
    Buffer.from('------sdb\r\nContent-Disposition: form-data; name="employeeIds"\r\n\r\nnot json\r\n------sdb--\r\n'), { 'content-type': 'multipart/form-data; boundary=----sdb' });
  assert.deepEqual([paper.statusCode, path(paper)], [400, ['body.employeeIds']]);
});

test('R-COM-1: the principal signs the drafted commitment in person; it is public, printable and reported to the subdistrict', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const ent = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id });
  await joinedLastYear(ent);
  const safety = await ent.login('safety');
  const draft = await safety.post(`/api/v1/enterprises/${ent.id}/commitments`, { year: 2026, investmentWan: 12.5 });
  assert.equal(draft.statusCode, 201, draft.body);
  assert.deepEqual(draft.data.sections.map((s: { aspect: string }) => s.aspect), ['responsibility', 'management', 'investment', 'risk', 'hazards']);
  assert.match(draft.data.sections[2].text, /12\.50 万元/);
  assert.equal(draft.data.figures.staffing.employees, 5);
  assert.equal((await safety.post(`/api/v1/enterprises/${ent.id}/commitments`, { year: 2026 })).data.error.reason, 'DRAFT_EXISTS');
  const edited = await safety.patch(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}`, { version: draft.data.version, principalName: '张三' });
  assert.equal(edited.statusCode, 200, edited.body);

  // Only the principal signs it.
  const bySafety = await safety.post(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.deepEqual([bySafety.statusCode, bySafety.data.error.code], [403, 'FORBIDDEN']);
  const principal = await ent.login('principal');
  const image = await uploadSignature(principal, ent.id);
  const signed = await principal.post(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}/sign`, { method: 'pad', imageAttachmentId: image });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.data.status, 'signed');
  assert.match(signed.data.publicPath, /^\/p\/commitment\/[A-Za-z0-9_-]{20,}$/);
  // Signed, it cannot change.
  const edit = await safety.patch(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}`, { version: signed.data.version, principalName: '李四' });
  assert.deepEqual([edit.statusCode, edit.data.error.reason], [409, 'COMMITMENT_SIGNED']);
  await assert.rejects(sql`update safety_commitments set principal_name = '李四' where id = ${draft.data.id}`.execute(t.db), /signed/);

  // The public page: no login, the enterprise, the date, the five aspects and the signature.
  const token = signed.data.publicPath.split('/').at(-1);
  const pub = await t.anonymous().get(`/api/v1/public/commitments/${token}`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.deepEqual([pub.data.enterpriseName, pub.data.principalName, pub.data.sections.length, pub.data.superseded], [ent.name, '张三', 5, false]);
  assert.ok(pub.data.signatureImage.startsWith('data:image/png;base64,'));
  assert.equal('id' in pub.data || 'enterpriseId' in pub.data, false);
  assert.equal((await t.anonymous().get('/api/v1/public/commitments/abcdefghijklmnopqrstuvwxyz012345')).statusCode, 404);
  const poster = await (await ent.login('worker')).get(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}/poster`);
  assert.equal(poster.statusCode, 200, poster.body);
  assert.ok(poster.data.qr.svg.includes('<svg') && poster.data.qr.fullUrl.endsWith(signed.data.publicPath));

  // Reported to the subdistrict for this quarter, once; the quarter's duty is fulfilled.
  const reported = await safety.post(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}/report`, {});
  assert.equal(reported.statusCode, 200, reported.body);
  assert.deepEqual([reported.data.periodKey, reported.data.reportedThisPeriod], ['2026-Q1', true]);
  assert.equal((await safety.post(`/api/v1/enterprises/${ent.id}/commitments/${draft.data.id}/report`, {})).data.error.reason, 'ALREADY_REPORTED');
  assert.deepEqual((await occurrences(ent.id, 'com.commitment.report')).filter((o) => o.status === 'fulfilled').map((o) => o.record_id), [draft.data.id]);

  // The next commitment supersedes it; the old poster's page says so.
  const next = await safety.post(`/api/v1/enterprises/${ent.id}/commitments`, { year: 2026 });
  const nextSigned = await principal.post(`/api/v1/enterprises/${ent.id}/commitments/${next.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(nextSigned.statusCode, 200, nextSigned.body);
  assert.equal((await t.anonymous().get(`/api/v1/public/commitments/${token}`)).data.superseded, true);
  const list = await safety.get(`/api/v1/enterprises/${ent.id}/commitments`);
  assert.equal(list.data.currentId, next.data.id);
});

test('R-COM-1: a subdistrict officer sees which of the subdistrict\'s enterprises have a current commitment, and no other enterprise', async () => {
  const { ownEnterprise, subs } = await demoIds(t.db);
  const near = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id });
  const without = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id });
  const farSub = subs.find((s) => s.id !== ownEnterprise.subdistrict_id)!;
  const far = await makeEnterprise(t, { subdistrictId: farSub.id });
  for (const e of [near, far]) {
    const d = await (await e.login('safety')).post(`/api/v1/enterprises/${e.id}/commitments`, { year: 2026 });
    const s = await (await e.login('principal')).post(`/api/v1/enterprises/${e.id}/commitments/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
    assert.equal(s.statusCode, 200, s.body);
  }
  const officer = await t.login('guanshang');
  const all = await officer.get('/api/v1/commitments?pageSize=200');
  assert.equal(all.statusCode, 200, all.body);
  const rows = new Map((all.data.items as { enterpriseId: string; current: unknown }[]).map((r) => [r.enterpriseId, r]));
  assert.ok(rows.get(near.id)?.current, 'the signed one in the subdistrict');
  assert.equal(rows.get(without.id)?.current, null);
  assert.equal(rows.has(far.id), false);
  const withCurrent = await officer.get('/api/v1/commitments?pageSize=200&current=yes');
  assert.ok((withCurrent.data.items as { enterpriseId: string }[]).some((r) => r.enterpriseId === near.id));
  assert.ok(!(withCurrent.data.items as { enterpriseId: string }[]).some((r) => r.enterpriseId === without.id));
  assert.equal((await officer.get(`/api/v1/enterprises/${far.id}/commitments`)).statusCode, 404);
  assert.equal((await officer.get(`/api/v1/enterprises/${near.id}/commitments`)).statusCode, 200);
  // Enterprises cannot read the regulators' list.
  assert.equal((await (await near.login('principal')).get('/api/v1/commitments')).statusCode, 403);
});
