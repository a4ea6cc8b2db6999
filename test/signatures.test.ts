import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../src/platform/errors';
import {
  confirmPaperList, contentHash, idLast4Hash, MAX_FAILURES_PER_HOUR, recordPaperList, signaturesOf, signDocument, startSignatures, verifySigner,
  type SignInput,
} from '../src/platform/signatures';
import { wholeEnterprise } from '../src/platform/auth/actor';
import { makeEnterprise, makePng, uploadPhotos, type FreshEnterprise } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';
import { addEmployee, ctxFor, uploadSignature } from './signature-helpers';

// Issue 11: electronic signatures. A person signs one version of a document; the signature binds them to the SHA-256
// of the exact content and is never changed; people without an account sign on a leader's device with the last four
// of their ID number; a paper list counts once a manager confirms it.

let t: TestPlatform;
let ent: FreshEnterprise;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-03-02T02:00:00Z');
  ent = await makeEnterprise(t);
});
after(async () => { await t.close(); });

/** Signs as `userId`, through verifySigner (outside the transaction) and signDocument (inside), as a module does. */
async function sign(userId: string, input: Omit<SignInput, 'proof'>) {
  const ctx = await ctxFor(t, userId);
  const proof = await verifySigner(t.db, ctx, input);
  return t.db.transaction().execute((tx) => signDocument(tx, ctx, { ...input, proof }));
}

/** The refusal a call ends in: its code, reason and first field. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, reason: e.reason, path: e.issues[0]?.path ?? null };
    throw e;
  }
  assert.fail('expected a refusal');
}

let docs = 0;
const doc = (version = 1) => ({ enterpriseId: ent.id, documentType: 'test.doc', documentId: `doc-${++docs}`, documentVersion: version, content: { text: '安全承诺', n: docs } });

test('the content hash is the SHA-256 of canonical JSON: key order and date objects do not change it, a changed value does', () => {
  const at = new Date('2026-03-01T00:00:00Z');
  const a = contentHash({ title: '责任书', body: { b: 2, a: 1 }, at });
  assert.equal(a, contentHash({ at: at.toISOString(), body: { a: 1, b: 2 }, title: '责任书' }));
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, contentHash({ title: '责任书', body: { b: 2, a: 2 }, at }));
  // Fixed: the same content hashes the same in any process, on any day.
  assert.equal(contentHash({ a: 1 }), '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
});

test('a signed version is immutable: the database refuses to change or delete it, and the same person cannot sign it twice', async () => {
  const d = doc();
  const image = await uploadSignature(await ent.login('worker'), ent.id);
  const signed = await sign(ent.users.worker.id, { ...d, signer: { userId: ent.users.worker.id }, method: 'pad', imageAttachmentId: image, device: 'phone' });
  assert.equal(signed.contentSha256, contentHash(d.content));
  const [row] = await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId);
  assert.equal(row!.method, 'pad');
  assert.equal(row!.signerUserId, ent.users.worker.id);
  assert.ok(row!.signerEmployeeId, 'the account\'s employee record is the signer too');
  assert.equal(row!.imageAttachmentId, image);
  assert.equal(row!.counts, true);

  await assert.rejects(sql`update signatures set signer_name = 'someone else' where id = ${signed.id}`.execute(t.db), /immutable/);
  await assert.rejects(sql`update signatures set content_sha256 = ${'0'.repeat(64)} where id = ${signed.id}`.execute(t.db), /immutable/);
  await assert.rejects(sql`delete from signatures where id = ${signed.id}`.execute(t.db), /immutable/);
  // The drawn image is locked with it.
  await assert.rejects(sql`delete from attachments where id = ${image}`.execute(t.db), /locked/);

  const again = await uploadSignature(await ent.login('worker'), ent.id);
  assert.deepEqual(await refusal(sign(ent.users.worker.id, { ...d, signer: { userId: ent.users.worker.id }, method: 'pad', imageAttachmentId: again })),
    { code: 'STATE', reason: 'ALREADY_SIGNED', path: null });
  // An image already on a signature cannot be used again; the next version is signed afresh.
  assert.deepEqual(await refusal(sign(ent.users.worker.id, { ...d, documentVersion: 2, signer: { userId: ent.users.worker.id }, method: 'pad', imageAttachmentId: image })),
    { code: 'VALIDATION', reason: null, path: 'body.imageAttachmentId' });
  const v2 = await sign(ent.users.worker.id, { ...d, documentVersion: 2, content: { ...d.content, edited: true }, signer: { userId: ent.users.worker.id }, method: 'pad', imageAttachmentId: again });
  assert.notEqual(v2.contentSha256, signed.contentSha256);
  assert.equal((await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId)).length, 2);
});

test('a password signature checks the signer\'s own password; a wrong one is 400 at the password', async () => {
  const d = doc();
  assert.deepEqual(await refusal(sign(ent.users.safety.id, { ...d, signer: { userId: ent.users.safety.id }, method: 'password', password: 'wrong-password' })),
    { code: 'VALIDATION', reason: null, path: 'body.password' });
  const { DEMO_PASSWORD } = await import('../src/seed/demo');
  const ok = await sign(ent.users.safety.id, { ...d, signer: { userId: ent.users.safety.id }, method: 'password', password: DEMO_PASSWORD });
  const [row] = await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId);
  assert.deepEqual([row!.id, row!.method, row!.imageAttachmentId], [ok.id, 'password', null]);
  // One signs only as oneself.
  assert.deepEqual(await refusal(sign(ent.users.safety.id, { ...doc(), signer: { userId: ent.users.worker.id }, method: 'password', password: DEMO_PASSWORD })),
    { code: 'FORBIDDEN', reason: null, path: null });
});

test('sign for another: the right last four sign, a wrong one is 400 at idLast4, and five wrong in an hour stop the guessing', async () => {
  const person = await addEmployee(ent, ent.units.team1);
  const leader = await ent.login('leader');
  const wrong = person.last4 === '0000' ? '1111' : '0000';
  const d = doc();
  const input = (idLast4: string, image: string): Omit<SignInput, 'proof'> => ({
    ...d, signer: { employeeId: person.id, idLast4 }, method: 'proxy_pad', imageAttachmentId: image, device: 'kiosk-1',
  });
  const image = await uploadSignature(leader, ent.id);
  assert.deepEqual(await refusal(sign(ent.users.leader.id, input(wrong, image))), { code: 'VALIDATION', reason: null, path: 'body.idLast4' });
  const signed = await sign(ent.users.leader.id, input(person.last4, image));
  const [row] = await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId);
  assert.deepEqual(
    [row!.id, row!.method, row!.signerEmployeeId, row!.signerUserId, row!.operatorUserId, row!.device],
    [signed.id, 'proxy_pad', person.id, null, ent.users.leader.id, 'kiosk-1'],
  );

  // Guessing: every wrong answer is counted, though its request fails; the sixth try is refused even when right.
  const other = await addEmployee(ent, ent.units.team1);
  const bad = other.last4 === '0000' ? '1111' : '0000';
  const d2 = doc();
  const try2 = async (idLast4: string) => refusal(sign(ent.users.leader.id, { ...d2, signer: { employeeId: other.id, idLast4 }, method: 'proxy_pad', imageAttachmentId: await uploadSignature(leader, ent.id) }));
  for (let i = 0; i < MAX_FAILURES_PER_HOUR; i++) assert.equal((await try2(bad)).path, 'body.idLast4');
  assert.deepEqual(await try2(other.last4), { code: 'RATE_LIMITED', reason: 'TOO_MANY_ATTEMPTS', path: null });
  // An hour later the person may try again.
  t.clock.now = new Date(t.clock.now.getTime() + 3_600_001);
  try {
    const ok = await sign(ent.users.leader.id, { ...d2, signer: { employeeId: other.id, idLast4: other.last4 }, method: 'proxy_pad', imageAttachmentId: await uploadSignature(leader, ent.id) });
    assert.ok(ok.id);
  } finally {
    t.clock.now = new Date('2026-03-02T02:00:00Z');
  }
});

test('sign for another is refused for someone with an account, by an employee, and outside the leader\'s branch', async () => {
  const leader = await ent.login('leader');
  const image = await uploadSignature(leader, ent.id);
  // The worker has an account: he signs himself.
  assert.deepEqual(await refusal(sign(ent.users.leader.id, { ...doc(), signer: { employeeId: await employeeOf(ent.users.worker.id), idLast4: '0000' }, method: 'proxy_pad', imageAttachmentId: image })),
    { code: 'STATE', reason: 'HAS_ACCOUNT', path: null });
  // A person of workshop two is not in the leader of workshop one's charge.
  const far = await addEmployee(ent, ent.units.team2);
  assert.deepEqual(await refusal(sign(ent.users.leader.id, { ...doc(), signer: { employeeId: far.id, idLast4: far.last4 }, method: 'proxy_pad', imageAttachmentId: image })),
    { code: 'NOT_FOUND', reason: null, path: null });
  // An employee does not operate a signing for others.
  const near = await addEmployee(ent, ent.units.team1);
  const workerImage = await uploadSignature(await ent.login('worker'), ent.id);
  assert.deepEqual(await refusal(sign(ent.users.worker.id, { ...doc(), signer: { employeeId: near.id, idLast4: near.last4 }, method: 'proxy_pad', imageAttachmentId: workerImage })),
    { code: 'FORBIDDEN', reason: 'NOT_OPERATOR', path: null });
});

async function employeeOf(userId: string): Promise<string> {
  return (await t.db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirstOrThrow()).employee_id!;
}

test('another enterprise\'s documents, people and upload address are not found', async () => {
  const other = await makeEnterprise(t);
  const person = await addEmployee(ent, ent.units.team1);
  const image = await uploadSignature(await other.login('safety'), other.id);
  // A manager of another enterprise signing here, for someone of here, or as himself: 404.
  assert.deepEqual(await refusal(sign(other.users.safety.id, { ...doc(), signer: { employeeId: person.id, idLast4: person.last4 }, method: 'proxy_pad', imageAttachmentId: image })),
    { code: 'NOT_FOUND', reason: null, path: null });
  assert.deepEqual(await refusal(sign(other.users.safety.id, { ...doc(), signer: { userId: other.users.safety.id }, method: 'pad', imageAttachmentId: image })),
    { code: 'NOT_FOUND', reason: null, path: null });
  const boundary = '----sdx';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`), makePng(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await (await other.login('safety')).request('POST', `/api/v1/enterprises/${ent.id}/signature-images`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 404);
  // Nor does another enterprise's signature list show here.
  assert.deepEqual(await signaturesOf(t.db, wholeEnterprise(other.id), ent.id, 'test.doc', 'doc-1'), []);
});

test('a signature image is a PNG of at most 200 KB', async () => {
  const worker = await ent.login('worker');
  const send = (file: Buffer, name = 's.png') => {
    const boundary = '----sdsize';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return worker.request('POST', `/api/v1/enterprises/${ent.id}/signature-images`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };
  assert.equal((await send(Buffer.from('%PDF-1.4 not an image\n%%EOF'))).statusCode, 415);
  assert.equal((await send(Buffer.concat([makePng(), Buffer.alloc(210 * 1024, 1)]))).statusCode, 413);
});

test('a scanned paper list counts only once a manager confirms it, once', async () => {
  const leader = await ent.login('leader');
  const a = await addEmployee(ent, ent.units.team1);
  const b = await addEmployee(ent, ent.units.team1);
  const [scan] = await uploadPhotos(leader, ent.id, [makePng()]);
  const d = doc();
  const leaderCtx = await ctxFor(t, ent.users.leader.id);
  const recorded = await t.db.transaction().execute((tx) => recordPaperList(tx, leaderCtx, {
    enterpriseId: ent.id, documentType: d.documentType, documentVersion: 1, attachmentId: scan!,
    entries: [a, b].map((p) => ({ documentId: d.documentId, employeeId: p.id, content: d.content })),
  }));
  assert.deepEqual(recorded.recorded.sort(), [a.id, b.id].sort());
  const before = await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId);
  assert.deepEqual(before.map((s) => [s.method, s.counts]), [['paper', false], ['paper', false]]);

  // Only a manager confirms.
  assert.deepEqual(await refusal(t.db.transaction().execute((tx) => confirmPaperList(tx, leaderCtx, { enterpriseId: ent.id, attachmentId: scan! }))),
    { code: 'FORBIDDEN', reason: 'NOT_MANAGER', path: null });
  const safetyCtx = await ctxFor(t, ent.users.safety.id);
  const confirmed = await t.db.transaction().execute((tx) => confirmPaperList(tx, safetyCtx, { enterpriseId: ent.id, attachmentId: scan! }));
  assert.deepEqual(confirmed.map((c) => c.employeeId).sort(), [a.id, b.id].sort());
  const afterwards = await signaturesOf(t.db, wholeEnterprise(ent.id), ent.id, d.documentType, d.documentId);
  assert.deepEqual(afterwards.map((s) => [s.method, s.counts, s.confirmedBy]), [['paper', true, ent.users.safety.id], ['paper', true, ent.users.safety.id]]);
  assert.deepEqual(await refusal(t.db.transaction().execute((tx) => confirmPaperList(tx, safetyCtx, { enterpriseId: ent.id, attachmentId: scan! }))),
    { code: 'STATE', reason: 'NOTHING_TO_CONFIRM', path: null });
  // The confirmation is written once: the database refuses a second one.
  await assert.rejects(sql`update signatures set confirmed_at = now() where id = ${afterwards[0]!.id}`.execute(t.db), /immutable/);
  // Someone on a paper list signs nothing else for that document.
  const image = await uploadSignature(leader, ent.id);
  assert.deepEqual(await refusal(sign(ent.users.leader.id, { ...d, signer: { employeeId: a.id, idLast4: a.last4 }, method: 'proxy_pad', imageAttachmentId: image })),
    { code: 'STATE', reason: 'ALREADY_SIGNED', path: null });
});

test('the keyed hash of the last four is written by the employee service and, for older rows, at start from the masked number', async () => {
  const person = await addEmployee(ent, ent.units.team1);
  const stored = await t.db.selectFrom('employees').select('id_last4_hash').where('id', '=', person.id).executeTakeFirstOrThrow();
  assert.equal(stored.id_last4_hash, idLast4Hash(t.config.appSecret, ent.id, person.id, person.last4));
  // Bound to the row: the same digits of another person hash differently.
  assert.notEqual(idLast4Hash(t.config.appSecret, ent.id, ent.users.worker.id, person.last4), stored.id_last4_hash);
  const old = await t.db.insertInto('employees').values({
    enterprise_id: ent.id, name: '老员工', id_number_masked: '530111********123X', id_number_hash: `old-${person.id}`, employment_form: 'regular', org_unit_id: ent.units.team1,
  }).returning('id').executeTakeFirstOrThrow();
  assert.ok(await startSignatures(t.db, t.config.appSecret) >= 1);
  const filled = await t.db.selectFrom('employees').select(['id_last4_hash', 'id_number_masked']).where('id', '=', old.id).executeTakeFirstOrThrow();
  assert.equal(filled.id_last4_hash, idLast4Hash(t.config.appSecret, ent.id, old.id, '123X'));
  // Hashed, the row's last four are masked: nobody reading the roster can type them for someone else.
  assert.equal(filled.id_number_masked, '530111************');
  const listed = await (await ent.login('safety')).get(`/api/v1/enterprises/${ent.id}/employees?pageSize=100`);
  assert.equal(listed.statusCode, 200, listed.body);
  for (const e of listed.data.items as { idNumberMasked: string }[]) assert.match(e.idNumberMasked, /^.{6}\*{12}$/, 'no last four on the roster');
});
