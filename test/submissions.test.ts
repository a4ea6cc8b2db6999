import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { findCjkFont, renderPdf, sha256Hex } from '../src/platform/submissions/pdf';
import { decide, snapshotHash } from '../src/platform/submissions/submission.rules';
import {
  confirmSubmission, correctSubmission, lockSubmission, submissionPdf, submitSubmission, type SubmissionKind,
} from '../src/platform/submissions/submission.service';
import { AppError } from '../src/platform/errors';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

let t: TestPlatform;
/** A: hazardous chemicals in the demo officer's subdistrict; B: construction in another subdistrict. */
let A: FreshEnterprise;
let B: FreshEnterprise;
let admin: Client;
let street: Client;
let yjj: Client;
let zjj: Client;

const at = (iso: string) => { t.clock.now = new Date(iso); };
const double = (e: FreshEnterprise, p = '/month/2026-09') => `/api/v1/enterprises/${e.id}/hazard-reports${p}`;
const annual = (e: FreshEnterprise, year = 2026) => `/api/v1/enterprises/${e.id}/risk-reports/${year}`;
async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, status = 200) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.data;
}
const refused = (r: { statusCode: number; data: { error: { code: string; reason: string | null } } }) => [r.statusCode, r.data.error.code, r.data.error.reason];
const version = (e: FreshEnterprise, kind: string, subject: string, v: number) => t.db.selectFrom('submission_versions').selectAll()
  .where('enterprise_id', '=', e.id).where('kind', '=', kind).where('subject_key', '=', subject).where('version', '=', v).executeTakeFirstOrThrow();

/** The text a PDF can print: every ToUnicode map of its (Flate-compressed) streams, as the characters they map to. */
function printableChars(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let text: string;
    try { text = inflateSync(pdf.subarray(start, end)).toString('latin1'); } catch { continue; }
    if (!text.includes('beginbfrange') && !text.includes('beginbfchar')) continue;
    for (const hex of text.matchAll(/<([0-9a-fA-F]{4,})>/g)) {
      const h = hex[1]!;
      for (let i = 0; i + 4 <= h.length; i += 4) chars.add(String.fromCharCode(parseInt(h.slice(i, i + 4), 16)));
    }
  }
  return chars;
}

function assertPdfShows(pdf: Buffer, text: string): void {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const latin = pdf.toString('latin1');
  assert.match(latin, /\/FontFile[23]?\b/, 'the CJK font is embedded');
  const printable = printableChars(pdf);
  const missing = [...text].filter((c) => !printable.has(c));
  assert.deepEqual(missing, [], `the PDF's font subset maps every character of ${text}`);
  let extracted: string | null = null;
  try { extracted = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8'); } catch { extracted = null; }
  if (extracted !== null) assert.ok(extracted.includes(text), `pdftotext finds ${text}`);
}

before(async () => {
  t = await createTestPlatform();
  at('2026-10-03T02:00:00Z');
  const guanshang = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  const other = await t.db.selectFrom('subdistricts').select('id').where('id', '<>', guanshang.subdistrict_id!).orderBy('code').executeTakeFirstOrThrow();
  A = await makeEnterprise(t, { subdistrictId: guanshang.subdistrict_id!, industryCode: 'hazardous_chemicals', name: '滇池精细化工有限公司' });
  B = await makeEnterprise(t, { subdistrictId: other.id, industryCode: 'construction' });
  [admin, street, yjj, zjj] = await Promise.all([t.login('admin'), t.login('guanshang'), t.login('yjj'), t.login('zjj')]);
});
after(async () => {
  t.platform.database.pool.on('error', () => undefined);
  await t.close();
});

test('the state table: draft → confirmed → submitted; a correction only from submitted', () => {
  assert.equal(decide('edit', 'draft'), null);
  assert.equal(decide('edit', 'confirmed'), null);
  assert.equal(decide('edit', 'submitted'), 'submitted');
  assert.equal(decide('confirm', 'draft'), null);
  assert.equal(decide('confirm', 'confirmed'), 'confirmed');
  assert.equal(decide('confirm', 'submitted'), 'submitted');
  assert.equal(decide('submit', 'draft'), 'notConfirmed');
  assert.equal(decide('submit', 'confirmed'), null);
  assert.equal(decide('submit', 'submitted'), 'submitted');
  assert.equal(decide('correct', 'draft'), 'notSubmitted');
  assert.equal(decide('correct', 'confirmed'), 'notSubmitted');
  assert.equal(decide('correct', 'submitted'), null);
  // Key order and a Date's form do not change the hash: it is over canonical JSON.
  assert.equal(snapshotHash({ b: 1, a: [new Date('2026-01-01T00:00:00Z')] }), snapshotHash({ a: ['2026-01-01T00:00:00.000Z'], b: 1 }));
});

test('double report: who may do each step, the snapshot hash in the audit row, the PDF archived with its hash', async () => {
  assert.ok(findCjkFont(t.config.pdfFont), 'a CJK font is installed (Debian: fonts-noto-cjk) or PDF_FONT names one');
  const [principal, safety, worker] = await Promise.all([A.login('principal'), A.login('safety'), A.login('worker')]);
  assert.deepEqual(refused(await safety.post(`${double(A)}/submit`, {})), [409, 'STATE', 'REPORT_NOT_CONFIRMED']);
  assert.equal((await worker.post(`${double(A)}/confirm`, {})).statusCode, 403, 'an employee does not sign');
  assert.equal((await safety.post(`${double(A)}/confirm`, {})).statusCode, 403, 'the principal signs, not the safety manager');
  const confirmed = await ok(principal.post(`${double(A)}/confirm`, {}));
  assert.deepEqual([confirmed.status, confirmed.submissionVersion, confirmed.abilities.canCorrect], ['confirmed', 1, false]);
  assert.deepEqual(refused(await safety.post(`${double(A)}/corrections`, {})), [409, 'STATE', 'REPORT_NOT_SUBMITTED']);
  assert.equal((await worker.post(`${double(A)}/submit`, {})).statusCode, 403, 'an employee does not submit');
  at('2026-10-05T03:30:00Z');
  const submitted = await ok(safety.post(`${double(A)}/submit`, {}));
  assert.deepEqual([submitted.status, submitted.abilities.canCorrect], ['submitted', true]);

  const row = await version(A, 'hazard.double', 'month:2026-09', 1);
  assert.equal(row.status, 'submitted');
  assert.equal(row.snapshot_sha256, snapshotHash(row.snapshot), 'the stored hash is the hash of the stored snapshot');
  const audit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'hazard.report.submit')
    .where('entity_id', '=', `${A.id}:month:2026-09`).executeTakeFirstOrThrow();
  const after = audit.after as { sha256: string; pdfSha256: string; submissionVersion: number };
  assert.deepEqual([after.sha256, after.pdfSha256, after.submissionVersion], [row.snapshot_sha256, row.pdf_sha256, 1]);

  const versions = (await ok(safety.get(`${double(A)}/versions`))).items;
  assert.deepEqual(versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[1, 'submitted']]);
  assert.equal(versions[0].sha256, row.snapshot_sha256);
  const pdf = await worker.get(`${double(A)}/versions/1/pdf`);
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const bytes = pdf.rawPayload;
  assert.equal(sha256Hex(bytes), row.pdf_sha256, 'the archived hash is the hash of the bytes served');
  assert.ok(row.pdf && Buffer.compare(row.pdf, bytes) === 0);
  assertPdfShows(bytes, A.name);
  assert.equal((await safety.get(`${double(A)}/versions/2/pdf`)).statusCode, 404);
});

test('the database refuses to change or delete a submitted version', async () => {
  const where = sql`enterprise_id = ${A.id} and kind = 'hazard.double' and subject_key = 'month:2026-09' and version = 1`;
  await assert.rejects(sql`update submission_versions set snapshot = '{"forged":true}'::jsonb where ${where}`.execute(t.db), /locked/);
  await assert.rejects(sql`update submission_versions set submitted_at = now() where ${where}`.execute(t.db), /locked/);
  await assert.rejects(sql`update submission_versions set pdf = '\\x00'::bytea where ${where}`.execute(t.db), /locked/, 'an archived PDF is never replaced');
  await assert.rejects(sql`delete from submission_versions where ${where}`.execute(t.db), /locked/);
  const row = await version(A, 'hazard.double', 'month:2026-09', 1);
  assert.equal(row.snapshot_sha256, snapshotHash(row.snapshot));
});

test('a correction is a new version: v1 stays locked and downloadable, the regulator reads v1 until v2 is submitted', async () => {
  const [principal, safety] = await Promise.all([A.login('principal'), A.login('safety')]);
  const v1 = await version(A, 'hazard.double', 'month:2026-09', 1);
  const corrected = await ok(safety.post(`${double(A)}/corrections`, {}));
  assert.deepEqual([corrected.status, corrected.submissionVersion, corrected.live], ['draft', 2, true]);
  assert.deepEqual(corrected.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'draft'], [1, 'submitted']]);
  assert.deepEqual(refused(await safety.post(`${double(A)}/corrections`, {})), [409, 'STATE', 'REPORT_NOT_SUBMITTED'], 'one correction at a time');
  // The regulator keeps reading what was submitted, and its list still counts the enterprise as submitted.
  const seen = await ok(street.get(double(A)));
  assert.deepEqual([seen.status, seen.submissionVersion, seen.versions.length], ['submitted', 1, 1]);
  const listed = await ok(street.get(`/api/v1/hazard-reports?periodType=month&periodKey=2026-09&q=${encodeURIComponent(A.name)}`));
  assert.deepEqual(listed.items.map((i: { status: string }) => i.status), ['submitted']);

  await ok(principal.post(`${double(A)}/confirm`, {}));
  at('2026-10-06T03:30:00Z');
  const again = await ok(safety.post(`${double(A)}/submit`, {}));
  assert.deepEqual([again.status, again.submissionVersion], ['submitted', 2]);
  const v2 = await version(A, 'hazard.double', 'month:2026-09', 2);
  assert.notEqual(v2.snapshot_sha256, v1.snapshot_sha256);
  const still = await version(A, 'hazard.double', 'month:2026-09', 1);
  assert.deepEqual([still.snapshot_sha256, still.pdf_sha256, still.submitted_at?.toISOString()], [v1.snapshot_sha256, v1.pdf_sha256, v1.submitted_at?.toISOString()]);
  const pdf1 = await safety.get(`${double(A)}/versions/1/pdf`);
  assert.equal(sha256Hex(pdf1.rawPayload), v1.pdf_sha256);
  assert.equal((await ok(street.get(double(A)))).submissionVersion, 2, 'the regulator now reads the correction');
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', `${A.id}:month:2026-09`).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['hazard.report.confirm', 'hazard.report.submit', 'hazard.report.correct', 'hazard.report.confirm', 'hazard.report.submit']);
});

test('annual risk report: signed, submitted with its PDF, corrected as version 2 with the same text', async () => {
  at('2026-12-10T02:00:00Z');
  const [principal, safety] = await Promise.all([A.login('principal'), A.login('safety')]);
  await ok(safety.put(annual(A), { narrative: '本年度风险管控总体受控。', version: 0 }));
  await ok(principal.post(`${annual(A)}/confirm`, { version: 1 }));
  const submitted = await ok(safety.post(`${annual(A)}/submit`, { version: 2 }));
  assert.deepEqual([submitted.status, submitted.onTime, submitted.submissionVersion, submitted.abilities.canCorrect], ['submitted', true, 1, true]);
  const row = await version(A, 'risk.annual', '2026', 1);
  const audit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'risk.report.submit').where('entity_id', '=', `${A.id}:2026`).executeTakeFirstOrThrow();
  assert.equal((audit.after as { sha256: string }).sha256, row.snapshot_sha256);
  const pdf = await safety.get(`${annual(A)}/versions/1/pdf`);
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(sha256Hex(pdf.rawPayload), row.pdf_sha256);
  assertPdfShows(pdf.rawPayload, A.name);

  const corrected = await ok(safety.post(`${annual(A)}/corrections`, {}));
  assert.deepEqual([corrected.status, corrected.submissionVersion, corrected.narrative, corrected.abilities.canEdit], ['draft', 2, '本年度风险管控总体受控。', true]);
  assert.deepEqual(corrected.history.map((h: { action: string }) => h.action), ['create', 'confirm', 'submit', 'correct']);
  // The stale revision is refused; the one the page shows is accepted.
  assert.equal((await safety.put(annual(A), { narrative: '更正稿', version: 2 })).data.error.code, 'CONFLICT');
  const edited = await ok(safety.put(annual(A), { narrative: '更正稿', version: corrected.version }));
  assert.equal(edited.narrative, '更正稿');
  // The subdistrict still sees version 1 as submitted, on time.
  const seen = await ok(street.get(annual(A)));
  assert.deepEqual([seen.status, seen.narrative, seen.submissionVersion], ['submitted', '本年度风险管控总体受控。', 1]);
  const list = await ok(street.get(`/api/v1/risk/reports?year=2026&q=${encodeURIComponent(A.name)}`));
  assert.deepEqual(list.items.map((i: { status: string; onTime: boolean }) => [i.status, i.onTime]), [['submitted', true]]);
});

test('who has and has not submitted: each regulator sees the enterprises of its scope', async () => {
  const q = (e: FreshEnterprise) => `/api/v1/hazard-reports?periodType=month&periodKey=2026-09&q=${encodeURIComponent(e.name)}`;
  const statuses = async (c: Client, e: FreshEnterprise) => (await ok(c.get(q(e)))).items.map((i: { status: string }) => i.status);
  // District: everyone. Subdistrict: its location only. Department: the industries it supervises.
  assert.deepEqual([await statuses(admin, A), await statuses(admin, B)], [['submitted'], ['draft']]);
  assert.deepEqual([await statuses(street, A), await statuses(street, B)], [['submitted'], []]);
  assert.deepEqual([await statuses(yjj, A), await statuses(yjj, B)], [['submitted'], []]);
  assert.deepEqual([await statuses(zjj, A), await statuses(zjj, B)], [[], ['draft']]);
  const notYet = await ok(zjj.get(`${q(B)}&status=draft`));
  assert.equal(notYet.total, 1);
  // A regulator may read and download, but not correct.
  assert.equal((await street.post(`${double(A)}/corrections`, {})).statusCode, 403);
  assert.equal((await street.get(`${double(A)}/versions/1/pdf`)).statusCode, 200);
  assert.equal((await zjj.get(`${double(A)}/versions/1/pdf`)).statusCode, 404, 'a department of other industries does not reach it');
});

test('cross-tenant: another enterprise gets 404 on versions, PDFs and corrections', async () => {
  const other = await B.login('principal');
  for (const res of [
    await other.get(`${double(A)}/versions`), await other.get(`${double(A)}/versions/1/pdf`), await other.post(`${double(A)}/corrections`, {}),
    await other.get(`${annual(A)}/versions`), await other.get(`${annual(A)}/versions/1/pdf`), await other.post(`${annual(A)}/corrections`, {}),
  ]) assert.equal(res.statusCode, 404, res.body);
});

test('without a CJK font a submission still succeeds; its PDF is rendered on first download, or refused with a reason', async () => {
  const kind: SubmissionKind = { kind: 'test.fontless', refuse: (r) => new AppError('STATE', { reason: r }) };
  const ref = { enterpriseId: A.id, kind: kind.kind, subjectKey: '2026' };
  const ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN' as const, now: t.clock.now };
  const model = { title: '测试文书', header: [['企业名称', A.name]] as [string, string][], sections: [{ heading: '内容', text: '无字体时报送' }] };
  const noFonts = { fontPath: '', searchPaths: [] };
  await t.db.transaction().execute(async (tx) => {
    await confirmSubmission(tx, ctx, kind, await lockSubmission(tx, ctx, ref), { figures: 1 });
    const done = await submitSubmission(tx, ctx, kind, await lockSubmission(tx, ctx, ref), { figures: 1 }, model, noFonts);
    assert.equal(done.pdfSha256, null);
  });
  await assert.rejects(submissionPdf(t.db, ctx, ref, 1, () => model, noFonts), (e: AppError) => e.code === 'STATE' && e.reason === 'PDF_FONT_MISSING');
  const first = await submissionPdf(t.db, ctx, ref, 1, () => model);
  const row = await version(A, kind.kind, '2026', 1);
  assert.equal(row.pdf_sha256, sha256Hex(first.pdf));
  assertPdfShows(first.pdf, A.name);
  const again = await submissionPdf(t.db, ctx, ref, 1, () => ({ ...model, title: '另一份' }));
  assert.equal(again.sha256, first.sha256, 'archived once; later downloads get the same bytes');
  await t.db.transaction().execute(async (tx) => {
    const v2 = await correctSubmission(tx, ctx, kind, await lockSubmission(tx, ctx, ref));
    assert.equal(v2.version, 2);
  });
  await assert.rejects(submissionPdf(t.db, ctx, ref, 2, () => model), (e: AppError) => e.code === 'NOT_FOUND', 'a draft has no PDF');
});

test('the words the renderer adds (signature block, page footer, an empty table, the label colon) follow the document\'s language', async () => {
  const font = findCjkFont(t.config.pdfFont);
  assert.ok(font, 'a CJK font is installed');
  const model = { title: 'Self-assessment', header: [['Year', '2026']] as [string, string][], sections: [{ heading: 'Items', table: { columns: ['Item', 'Score'], rows: [] } }] };
  const signature: [string, string][] = [['Version', '1']];
  const at = new Date('2026-10-03T02:00:00Z');
  const en = printableChars(await renderPdf(model, signature, { font: font!, createdAt: at, locale: 'en-US' }));
  const cjk = [...en].filter((c) => /[\u3000-\u9fff\uff00-\uffef]/.test(c));
  assert.deepEqual(cjk, [], 'an English document prints no Chinese of its own');
  for (const c of 'PageofNone:') assert.ok(en.has(c), `the English words print (${c})`);
  // Chinese by default, as the archived documents always were.
  const zh = printableChars(await renderPdf(model, signature, { font: font!, createdAt: at }));
  for (const c of '签署与报送第页共无：') assert.ok(zh.has(c), `the Chinese words print (${c})`);
});
