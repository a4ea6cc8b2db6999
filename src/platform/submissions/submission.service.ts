/**
 * Locked submissions (issue 8 §3): the machinery every signed and submitted document uses — the annual risk report,
 * the double report, later emergency-plan filing and accident reports. The document's module checks who may act and
 * composes its figures; this file keeps the versions, takes the snapshot, locks it with its SHA-256, renders and
 * archives the PDF, and refuses steps the state table does not allow. Every function that writes runs inside the
 * caller's transaction, after `lockSubmission` took the document's row lock, so the module's audit row and outbox
 * message commit with it.
 */
import type { Ctx } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import type { Db, Executor, Tx } from '../db/database';
import { AppError } from '../errors';
import { registerMessages } from '../i18n/messages';
import { localDateTime } from '../time';
import { findCjkFont, renderPdf, sha256Hex, type PdfModel, type PdfSignature } from './pdf';
import {
  archivePdf, findHead, findVersionWithPdf, insertVersion, listVersionRows, lockHead, setHead, updateVersion, type DocRef, type VersionRow,
} from './submission.repository';
import { allowed, decide, snapshotHash, type Refusal, type SubmissionOperation, type SubmissionStatus } from './submission.rules';

export type { DocRef, VersionRow } from './submission.repository';
export type { PdfModel, PdfSection } from './pdf';

registerMessages({
  'zh-CN': {
    'submission.state.notSubmitted': '只有已报送的版本才能发起更正',
    'submission.pdf.notSubmitted': '该版本尚未报送，没有存档的 PDF',
    'submission.pdf.fontMissing': '服务器未安装中文字体，暂时无法生成 PDF；请联系管理员安装 fonts-noto-cjk 或配置 PDF_FONT',
  },
  'en-US': {
    'submission.state.notSubmitted': 'Only a submitted version can be corrected',
    'submission.pdf.notSubmitted': 'This version has not been submitted and has no archived PDF',
    'submission.pdf.fontMissing': 'No Chinese font is installed on the server, so the PDF cannot be rendered yet; ask the administrator to install fonts-noto-cjk or set PDF_FONT',
  },
});

/** A kind of document: its name in the table and how it words a refused step (its own reason codes and messages). */
export type SubmissionKind = { kind: string; refuse: (r: Refusal) => AppError };

/** The state of a document as its module stored it before it moved onto this mechanism; adopted as version 1. */
export type Seed = {
  status: SubmissionStatus; input: unknown; revision: number; snapshot: unknown;
  confirmedBy: string | null; confirmedAt: Date | null; submittedBy: string | null; submittedAt: Date | null;
};

export type Locked = { ref: DocRef; current: VersionRow; created: boolean };

/** `fontPath` is the configured PDF_FONT; `searchPaths` replaces the usual font paths (a test without any font). */
export type PdfOptions = { fontPath?: string; searchPaths?: readonly string[] };

function refuseUnless(def: SubmissionKind, op: SubmissionOperation, status: SubmissionStatus): void {
  const r = decide(op, status);
  if (r) throw def.refuse(r);
}

function requireRevision(current: VersionRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== current.revision) throw new AppError('CONFLICT');
}

async function currentVersion(db: Executor, ref: DocRef, version: number): Promise<VersionRow> {
  const rows = await listVersionRows(db, ref);
  const row = rows.find((r) => r.version === version);
  if (!row) throw new Error(`submission ${ref.kind} ${ref.subjectKey}: version ${version} missing`);
  return row;
}

/**
 * Takes the document's row lock and returns its current version, creating the document (version 1, a draft with
 * revision 0) if it has none. `seed` is the module's older record of the document, adopted as version 1.
 */
export async function lockSubmission(tx: Tx, ctx: Ctx, ref: DocRef, seed: Seed | null = null): Promise<Locked> {
  const { head, created } = await lockHead(tx, ref, ctx.now);
  if (created) {
    const s: Seed = seed ?? { status: 'draft', input: null, revision: 0, snapshot: null, confirmedBy: null, confirmedAt: null, submittedBy: null, submittedAt: null };
    const stored = s.status === 'draft' ? null : s.snapshot;
    await insertVersion(tx, ref, {
      version: 1, status: s.status, input: s.input === null ? null : JSON.stringify(s.input), revision: s.revision,
      snapshot: stored === null ? null : JSON.stringify(stored), snapshot_sha256: s.status === 'submitted' ? snapshotHash(stored) : null,
      confirmed_by: s.confirmedBy, confirmed_at: s.confirmedAt, submitted_by: s.submittedBy, submitted_at: s.submittedAt,
      created_by: ctx.actor?.userId ?? null, created_at: ctx.now, updated_at: ctx.now,
    });
    if (s.status === 'submitted') await setHead(tx, ref, { submitted_version: 1, first_submitted_at: s.submittedAt ?? ctx.now });
  }
  return { ref, current: await currentVersion(tx, ref, head.current_version), created: created && seed === null };
}

/** Saves the draft's own input (a text). A confirmed version goes back to draft: its signer confirms the final text. */
export async function editSubmission(tx: Tx, ctx: Ctx, def: SubmissionKind, l: Locked, input: unknown, expectedRevision?: number) {
  refuseUnless(def, 'edit', l.current.status);
  requireRevision(l.current, expectedRevision);
  const revision = l.current.revision + 1;
  await updateVersion(tx, l.ref, l.current.version, {
    status: 'draft', input: JSON.stringify(input), snapshot: null, confirmed_by: null, confirmed_at: null, revision, updated_at: ctx.now,
  });
  return { from: l.current.status, revision, version: l.current.version };
}

/** The signer confirms: the figures are fixed in the snapshot at this moment. */
export async function confirmSubmission(tx: Tx, ctx: Ctx, def: SubmissionKind, l: Locked, snapshot: unknown, expectedRevision?: number) {
  refuseUnless(def, 'confirm', l.current.status);
  requireRevision(l.current, expectedRevision);
  const revision = l.current.revision + 1;
  await updateVersion(tx, l.ref, l.current.version, {
    status: 'confirmed', snapshot: JSON.stringify(snapshot), confirmed_by: ctx.actor?.userId ?? null, confirmed_at: ctx.now, revision, updated_at: ctx.now,
  });
  return { revision, version: l.current.version };
}

/** The signature block of the PDF: who confirmed and submitted, when (China time), the version and the snapshot hash. */
export function signatureOf(v: { version: number; confirmedBy: string | null; confirmedAt: Date | null; submittedBy: string | null; submittedAt: Date | null; sha256: string }): PdfSignature {
  return [
    ['版本', `第 ${v.version} 版${v.version > 1 ? '（更正）' : ''}`],
    ['确认（签字）', v.confirmedBy ? `${v.confirmedBy}　${v.confirmedAt ? localDateTime(v.confirmedAt) : ''}` : '—'],
    ['报送', v.submittedBy ? `${v.submittedBy}　${v.submittedAt ? localDateTime(v.submittedAt) : ''}` : '—'],
    ['时间', '北京时间（UTC+8）'],
    ['内容快照 SHA-256', v.sha256],
  ];
}

async function render(model: PdfModel, signature: PdfSignature, at: Date, opts: PdfOptions): Promise<{ pdf: Buffer; sha256: string } | null> {
  const font = findCjkFont(opts.fontPath ?? '', opts.searchPaths);
  if (!font) return null;
  const pdf = await renderPdf(model, signature, { font, createdAt: at });
  return { pdf, sha256: sha256Hex(pdf) };
}

/**
 * Submission locks the confirmed version for good: the final snapshot, its SHA-256 (which the caller writes into its
 * audit row) and the PDF of what was signed, archived with its own hash. Without a CJK font the PDF is rendered on
 * its first download instead; the submission itself never fails for it. A document without a printed form (the
 * subdistrict's aggregate) passes no PDF model.
 */
export async function submitSubmission(
  tx: Tx, ctx: Ctx, def: SubmissionKind, l: Locked, snapshot: unknown, pdfModel: PdfModel | null, opts: PdfOptions & { expectedRevision?: number } = {},
) {
  refuseUnless(def, 'submit', l.current.status);
  requireRevision(l.current, opts.expectedRevision);
  const sha256 = snapshotHash(snapshot);
  const actor = ctx.actor;
  const signature = signatureOf({
    version: l.current.version, confirmedBy: l.current.confirmed_by_name, confirmedAt: l.current.confirmed_at,
    submittedBy: actor?.displayName ?? null, submittedAt: ctx.now, sha256,
  });
  const rendered = pdfModel ? await render(pdfModel, signature, ctx.now, opts) : null;
  const revision = l.current.revision + 1;
  await updateVersion(tx, l.ref, l.current.version, {
    status: 'submitted', snapshot: JSON.stringify(snapshot), snapshot_sha256: sha256, submitted_by: actor?.userId ?? null, submitted_at: ctx.now,
    revision, updated_at: ctx.now,
    ...(rendered ? { pdf: rendered.pdf, pdf_sha256: rendered.sha256, pdf_rendered_at: ctx.now } : {}),
  });
  const head = await findHead(tx, l.ref);
  await setHead(tx, l.ref, { submitted_version: l.current.version, first_submitted_at: head?.first_submitted_at ?? ctx.now });
  return { version: l.current.version, revision, sha256, pdfSha256: rendered?.sha256 ?? null, firstSubmission: !head?.first_submitted_at };
}

/** A correction: a new version as a draft with the last one's input; the submitted version stays locked and visible. */
export async function correctSubmission(tx: Tx, ctx: Ctx, def: SubmissionKind, l: Locked) {
  refuseUnless(def, 'correct', l.current.status);
  const version = l.current.version + 1;
  // The revision keeps counting across versions, so a caller's stale revision never matches the new draft.
  const revision = l.current.revision + 1;
  await insertVersion(tx, l.ref, {
    version, status: 'draft', input: l.current.input === null ? null : JSON.stringify(l.current.input), revision,
    snapshot: null, snapshot_sha256: null, confirmed_by: null, confirmed_at: null, submitted_by: null, submitted_at: null,
    created_by: ctx.actor?.userId ?? null, created_at: ctx.now, updated_at: ctx.now,
  });
  await setHead(tx, l.ref, { current_version: version });
  return { version, revision, corrects: l.current.version, correctedSha256: l.current.snapshot_sha256 };
}

/** A document as stored: its versions oldest first and the current one; null when it was never written. */
export async function loadSubmission(db: Executor, ref: DocRef) {
  const [head, versions] = await Promise.all([findHead(db, ref), listVersionRows(db, ref)]);
  if (!head || versions.length === 0) return null;
  const current = versions.find((v) => v.version === head.current_version) ?? versions[versions.length - 1]!;
  const submitted = head.submitted_version === null ? null : versions.find((v) => v.version === head.submitted_version) ?? null;
  return { head, versions, current, submitted };
}
export type LoadedSubmission = NonNullable<Awaited<ReturnType<typeof loadSubmission>>>;

/** What a page shows of each version (newest first): the API's `versions`. */
export function presentVersions(versions: VersionRow[]) {
  return [...versions].reverse().map((v) => ({
    version: v.version,
    status: v.status,
    confirmedBy: v.confirmed_by ? { id: v.confirmed_by, name: v.confirmed_by_name ?? '' } : null,
    confirmedAt: v.confirmed_at,
    submittedBy: v.submitted_by ? { id: v.submitted_by, name: v.submitted_by_name ?? '' } : null,
    submittedAt: v.submitted_at,
    sha256: v.snapshot_sha256,
    pdfSha256: v.pdf_sha256,
  }));
}

export const mayCorrect = (current: { status: SubmissionStatus } | null | undefined) => !!current && allowed('correct', current.status);

/**
 * The archived PDF of a submitted version. One rendered later than the submission (no font was found then) is
 * rendered from the locked snapshot now, with the submission's own instant, and archived once.
 */
export async function submissionPdf(db: Db, ctx: Ctx, ref: DocRef, version: number, build: (snapshot: unknown) => PdfModel, opts: PdfOptions = {}) {
  const row = await findVersionWithPdf(db, ref, version);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'submitted') throw new AppError('NOT_FOUND', { messageKey: 'submission.pdf.notSubmitted' });
  if (row.pdf) return { pdf: row.pdf, sha256: row.pdf_sha256 ?? sha256Hex(row.pdf) };
  const signature = signatureOf({
    version, confirmedBy: row.confirmed_by_name, confirmedAt: row.confirmed_at, submittedBy: row.submitted_by_name, submittedAt: row.submitted_at,
    sha256: row.snapshot_sha256 ?? snapshotHash(row.snapshot),
  });
  const rendered = await render(build(row.snapshot), signature, row.submitted_at ?? ctx.now, opts);
  if (!rendered) throw new AppError('STATE', { messageKey: 'submission.pdf.fontMissing', reason: 'PDF_FONT_MISSING' });
  await db.transaction().execute(async (tx) => {
    if (!await archivePdf(tx, ref, version, rendered.pdf, rendered.sha256, ctx.now)) return;
    await writeAudit(tx, ctx, {
      action: 'submission.pdf.archive', entityType: 'submission', entityId: `${ref.kind}:${ref.subjectKey}:v${version}`,
      enterpriseId: ref.owner === 'subdistrict' ? undefined : ref.enterpriseId,
      after: { kind: ref.kind, subject: ref.subjectKey, version, sha256: row.snapshot_sha256, pdfSha256: rendered.sha256 },
    });
  });
  // Two first downloads at once: the one archived first is the one every later download gets.
  const stored = await findVersionWithPdf(db, ref, version);
  return { pdf: stored?.pdf ?? rendered.pdf, sha256: stored?.pdf_sha256 ?? rendered.sha256 };
}
