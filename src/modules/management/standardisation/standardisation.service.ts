import { can, requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { departmentOfficersOf, idsOf, subdistrictOfficersOf } from '../../../platform/directory';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { filesOf, lockFiles, prepareFiles, storeFiles, loadFile, type NewFile } from '../../../platform/files/attachments';
import { t, type Locale } from '../../../platform/i18n/messages';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules } from '../../../platform/rules';
import { signDocument, verifySigner, type OwnSignature } from '../../../platform/signatures';
import {
  confirmSubmission, correctSubmission, editSubmission, loadSubmission, lockSubmission, mayCorrect, presentVersions, submissionPdf, submitSubmission,
  type DocRef, type LoadedSubmission, type PdfOptions, type SubmissionKind,
} from '../../../platform/submissions/submission.service';
import { findCjkFont, renderPdf, sha256Hex } from '../../../platform/submissions/pdf';
import { snapshotHash, type Refusal } from '../../../platform/submissions/submission.rules';
import { localDay, localInstant, localYear, startOfLocalDay } from '../../../platform/time';
import { fulfilByRecord, triggerEvent } from '../../obligations';
import { presentEvidence } from './standardisation.evidence';
import { RE_REVIEW_DUE, REVIEW_RECORDED, SELF_ASSESSMENT_SUBMITTED } from './standardisation.obligations';
import { standardisationPdfModel, standardisationPdfSignature } from './standardisation.pdf';
import { EVIDENCE_OWNER, isPrincipalOf, isRegulator, mayManage } from './standardisation.policy';
import { computePrefills } from './standardisation.prefill';
import {
  deleteAdjustment, enterpriseHeader, factsRows, findAssessment, insertReview, listAdjustments, listReviews, lockAssessment, overviewPage, updateAssessment,
  upsertAdjustment, type AssessmentRow, type ReviewRow,
} from './standardisation.repository';
import { prefillName, STANDARDISATION_RULES, type StandardisationRules } from './standardisation.rule-sets';
import { certificateValidUntil, reReviewDueOn, scoreAssessment, type ElementScore, type FirstLevelScore, type Totals } from './standardisation.rules';
import type { AdjustmentInput, OverviewQuery, ReviewInput } from './standardisation.schema';

/*
 * R-STD-1, issue 13 §4: the yearly self-assessment to GB/T 33000-2016. Each element is prefilled from the platform's
 * records (standardisation.prefill.ts) with the records behind it; the enterprise changes a score only with a reason
 * and evidence; the principal signs (the snapshot is taken: platform/submissions `confirmed`), submission locks it,
 * archives its PDF, reports it to the subdistrict and the supervising departments, and fulfils the year's duty in the
 * same transaction. A correction is a new version. The result is a self-assessed score and an INTENDED grade; grades
 * are awarded only by external reviews, recorded apart with their certificate's validity and the re-review duty.
 */

/** What a confirmed or submitted version stores: the table as the principal signed it. */
export type Snapshot = {
  rulesVersion: number;
  computedAt: string;
  elements: ElementScore[];
  firstLevel: FirstLevelScore[];
  totals: Totals;
  thresholds: StandardisationRules['grades'];
  signatureId: string | null;
  enterprise?: { name: string; creditCode: string };
  confirmedBy?: { id: string; name: string } | null;
  confirmedAt?: string | null;
  submittedBy?: { id: string; name: string };
  submittedAt?: string;
};

const REASONS: Record<Refusal, string> = { submitted: 'SUBMITTED', confirmed: 'CONFIRMED', notConfirmed: 'NOT_CONFIRMED', notSubmitted: 'NOT_SUBMITTED' };
const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });
const stateError = (r: Refusal) => refused('STATE', REASONS[r], `standardisation.refused.${r}`);

/** The self-assessment is a locked submission: one document per enterprise and year. */
export const STANDARDISATION_KIND: SubmissionKind = { kind: 'standardisation.self', refuse: stateError };
const docRef = (enterpriseId: string, year: number): DocRef => ({ enterpriseId, kind: STANDARDISATION_KIND.kind, subjectKey: String(year) });
const entityId = (enterpriseId: string, year: number) => `${enterpriseId}:${year}`;

async function rulesOf(db: Executor, enterpriseId: string) {
  return currentRules(db, { enterpriseId }, STANDARDISATION_RULES);
}

function requireYear(ctx: Ctx, year: number): void {
  if (year > localYear(ctx.now)) throw invalid('params.year', 'standardisation.year.future');
}

function guardManage(actor: Actor, enterpriseId: string): void {
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'standardisation.refused.notManager');
}

/** The table scored now from the records and the working adjustments. */
async function liveScore(db: Executor, enterpriseId: string, year: number, now: Date) {
  const [rules, prefills, adjustments] = await Promise.all([rulesOf(db, enterpriseId), computePrefills(db, enterpriseId, year, now), listAdjustments(db, enterpriseId, year)]);
  return { rules, adjustments, ...scoreAssessment(rules.value, prefills, adjustments) };
}

/** The elements as the reader is shown them: the prefill's name and the records behind it in the reader's language. */
const presentElements = (elements: ElementScore[], locale: Locale) => elements.map((e) => ({
  ...e, prefillName: e.prefill ? prefillName(e.prefill, locale !== 'en-US') : null, records: e.records.map((r) => presentEvidence(locale, r)),
}));

async function present(db: Db, ctx: Ctx, actor: Actor, enterpriseId: string, year: number) {
  const [head, row, doc] = await Promise.all([
    enterpriseHeader(db, actor.scope, enterpriseId), findAssessment(db, actor.scope, enterpriseId, year), loadSubmission(db, docRef(enterpriseId, year)),
  ]);
  if (!head) throw notFound();
  // A regulator reads the submitted version, never the enterprise's correction in progress.
  const v = doc ? (isRegulator(actor) && doc.submitted ? doc.submitted : doc.current) : null;
  const status: 'none' | 'draft' | 'confirmed' | 'submitted' = v?.status ?? 'none';
  const stored = (status === 'confirmed' || status === 'submitted') && v?.snapshot ? (v.snapshot as Snapshot) : null;
  const live = stored ? null : await liveScore(db, enterpriseId, year, ctx.now);
  const rules = live?.rules.value ?? (await rulesOf(db, enterpriseId)).value;
  const files = row ? await filesOf(db, enterpriseId, { type: EVIDENCE_OWNER, id: row.id }) : [];
  const editable = status !== 'submitted' && year <= localYear(ctx.now) && !isRegulator(actor);
  const required = !!(await factsRows(db, [enterpriseId], year, localDay(ctx.now)))[0]?.required;
  const assessed = (stored?.totals ?? live?.totals)?.normalised !== null;
  return {
    enterpriseId, enterpriseName: head.name, year, required, status, live: !stored,
    computedAt: stored?.computedAt ?? ctx.now.toISOString(),
    elements: presentElements(stored?.elements ?? live!.elements, ctx.locale), firstLevel: stored?.firstLevel ?? live!.firstLevel, totals: stored?.totals ?? live!.totals,
    thresholds: stored?.thresholds ?? rules.grades,
    revision: v?.revision ?? 0, submissionVersion: v?.version ?? 1,
    confirmedBy: v?.confirmed_by ? { id: v.confirmed_by, name: v.confirmed_by_name ?? '' } : null, confirmedAt: v?.confirmed_at ?? null,
    submittedBy: v?.submitted_by ? { id: v.submitted_by, name: v.submitted_by_name ?? '' } : null, submittedAt: v?.submitted_at ?? null,
    signatureId: stored?.signatureId ?? null,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), role: f.role, locked: f.locked })),
    versions: doc ? presentVersions(isRegulator(actor) ? doc.versions.filter((x) => x.status === 'submitted') : doc.versions) : [],
    abilities: {
      canAdjust: editable && mayManage(actor, enterpriseId),
      canSign: editable && status !== 'confirmed' && assessed && isPrincipalOf(actor, enterpriseId),
      canSubmit: editable && status === 'confirmed' && mayManage(actor, enterpriseId),
      canCorrect: !isRegulator(actor) && mayCorrect(doc?.current) && mayManage(actor, enterpriseId),
    },
  };
}

/** R-STD-1: the year's self-assessment as the caller may see it: live while a draft, the signed snapshot after. */
export async function getAssessment(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return present(db, ctx, actor, enterpriseId, year);
}

/** The year's row and the document's current version, both locked, in that order, by every step. */
async function lockBoth(tx: Tx, ctx: Ctx, actor: Actor, enterpriseId: string, year: number) {
  const { row } = await lockAssessment(tx, actor.scope, enterpriseId, year, ctx.now);
  const locked = await lockSubmission(tx, ctx, docRef(enterpriseId, year));
  return { row, locked };
}

/** Evidence files for the year's assessment, judged before the transaction and stored under the row's lock. */
export async function uploadEvidence(db: Db, ctx: Ctx, enterpriseId: string, year: number, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  requireYear(ctx, year);
  if (!files.length) throw invalid('body.file', 'attachment.missing');
  const isPhoto = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);
  const photos = files.filter((f) => isPhoto(f.buffer));
  const documents = files.filter((f) => !isPhoto(f.buffer));
  const preparedPhotos = photos.length ? await prepareFiles('photo', photos, ctx.now) : [];
  const preparedDocs = documents.length ? await prepareFiles('document', documents, ctx.now) : [];
  return db.transaction().execute(async (tx) => {
    const { row, locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    if (locked.current.status === 'submitted') throw stateError('submitted');
    const owner = { type: EVIDENCE_OWNER, id: row.id, role: 'evidence' };
    const stored = [
      ...(preparedPhotos.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', preparedPhotos, owner) : []),
      ...(preparedDocs.length ? await storeFiles(tx, ctx, enterpriseId, 'document', preparedDocs, owner) : []),
    ];
    await writeAudit(tx, ctx, { action: 'standardisation.evidence', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId, after: { files: stored.map((f) => f.id) } });
    return stored.map((f) => f.id);
  });
}

export async function readEvidence(db: Db, ctx: Ctx, enterpriseId: string, year: number, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const row = await findAssessment(db, actor.scope, enterpriseId, year);
  const linked = row && (await filesOf(db, enterpriseId, { type: EVIDENCE_OWNER, id: row.id })).some((f) => f.id === fileId);
  const file = linked && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

/**
 * R-STD-1: the enterprise sets an element's score other than the prefilled one, with a reason and evidence uploaded for
 * this year's assessment. A signed (confirmed) assessment goes back to draft: the principal signs the final table.
 */
export async function adjustElement(db: Db, ctx: Ctx, enterpriseId: string, year: number, code: string, input: AdjustmentInput) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  requireYear(ctx, year);
  await db.transaction().execute(async (tx) => {
    const { row, locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    if (locked.current.status === 'submitted') throw stateError('submitted');
    const rules = (await rulesOf(tx, enterpriseId)).value;
    const element = rules.elements.find((e) => e.code === code);
    if (!element) throw notFound();
    if (input.score > element.maxPoints) throw invalid('body.score', 'standardisation.adjust.overMax', { max: element.maxPoints });
    const files = new Set((await filesOf(tx, enterpriseId, { type: EVIDENCE_OWNER, id: row.id })).map((f) => f.id));
    if (input.evidenceIds.some((id) => !files.has(id))) throw invalid('body.evidenceIds', 'standardisation.adjust.unknownEvidence');
    const before = (await listAdjustments(tx, enterpriseId, year)).find((a) => a.code === code) ?? null;
    await upsertAdjustment(tx, enterpriseId, year, { code, score: input.score, reason: input.reason, evidenceIds: input.evidenceIds }, actor.userId, ctx.now);
    const adjustments = await listAdjustments(tx, enterpriseId, year);
    const { from, revision } = await editSubmission(tx, ctx, STANDARDISATION_KIND, locked, { adjustments }, input.version);
    await updateAssessment(tx, enterpriseId, year, { status: 'draft', signature_id: null }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'standardisation.adjust', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId,
      before: before ? { code, score: before.score, reason: before.reason, evidenceIds: before.evidenceIds, status: from } : { code, status: from },
      after: { code, score: input.score, reason: input.reason, evidenceIds: input.evidenceIds, status: 'draft', revision },
    });
  });
  return present(db, ctx, actor, enterpriseId, year);
}

/** Withdraws an adjustment: the element reads its prefilled score again. */
export async function removeAdjustment(db: Db, ctx: Ctx, enterpriseId: string, year: number, code: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  requireYear(ctx, year);
  await db.transaction().execute(async (tx) => {
    const { locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    if (locked.current.status === 'submitted') throw stateError('submitted');
    const before = (await listAdjustments(tx, enterpriseId, year)).find((a) => a.code === code);
    if (!before || !(await deleteAdjustment(tx, enterpriseId, year, code))) throw notFound();
    const { from, revision } = await editSubmission(tx, ctx, STANDARDISATION_KIND, locked, { adjustments: await listAdjustments(tx, enterpriseId, year) });
    await updateAssessment(tx, enterpriseId, year, { status: 'draft', signature_id: null }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'standardisation.unadjust', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { code, score: before.score, reason: before.reason, status: from }, after: { code, status: 'draft', revision },
    });
  });
  return present(db, ctx, actor, enterpriseId, year);
}

/**
 * R-STD-1, R-RESP-5: the principal signs the self-assessment in person (pad or password) over the table as computed
 * under the lock; the snapshot is taken (`confirmed`). Who may sign first (403 PRINCIPAL_ONLY), then the state, then
 * the password or drawing.
 */
export async function signAssessment(db: Db, ctx: Ctx, enterpriseId: string, year: number, body: OwnSignature & { version?: number | undefined }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'standardisation.refused.principalOnly');
  requireYear(ctx, year);
  const seen = await loadSubmission(db, docRef(enterpriseId, year));
  if (seen && seen.current.status !== 'draft') throw stateError(seen.current.status === 'submitted' ? 'submitted' : 'confirmed');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const { row, locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    if (locked.current.status !== 'draft') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'confirmed');
    if (body.version !== undefined && body.version !== locked.current.revision) throw new AppError('CONFLICT', { reason: 'STALE' });
    const live = await liveScore(tx, enterpriseId, year, ctx.now);
    if (live.totals.normalised === null) throw refused('STATE', 'NOTHING_ASSESSED', 'standardisation.refused.nothingAssessed');
    const content = { enterpriseId, year, rulesVersion: live.rules.version, elements: live.elements, totals: live.totals };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'standardisation_assessment', documentId: row.id, documentVersion: locked.current.revision + 1, content, signer,
      method: body.method, imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    const snapshot: Snapshot = {
      rulesVersion: live.rules.version, computedAt: ctx.now.toISOString(), elements: live.elements, firstLevel: live.firstLevel, totals: live.totals,
      thresholds: live.rules.value.grades, signatureId: sig.id,
    };
    const { revision } = await confirmSubmission(tx, ctx, STANDARDISATION_KIND, locked, snapshot);
    await updateAssessment(tx, enterpriseId, year, { status: 'confirmed', signature_id: sig.id }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'standardisation.sign', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'draft' }, after: { status: 'confirmed', revision, totals: live.totals, signatureId: sig.id, contentSha256: sig.contentSha256 },
    });
  });
  return present(db, ctx, actor, enterpriseId, year);
}

const gradeText = (locale: Ctx['locale'], g: string | null) => (g ? t(locale, `standardisation.grade.${g}`) : '—');

/**
 * R-STD-1: submission locks the signed self-assessment for good (its PDF archived), reports it to the subdistrict and
 * the supervising departments (outbox notifications in the same transaction), keeps the figures on the year's row for
 * the lists, locks the evidence, and fulfils the year's duty (`standardisation.self_assessment`).
 */
export async function submitAssessment(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: { version: number }, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  requireYear(ctx, year);
  await db.transaction().execute(async (tx) => {
    const { row, locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    if (locked.current.status !== 'confirmed') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'notConfirmed');
    if (locked.current.revision !== input.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const head = await enterpriseHeader(tx, actor.scope, enterpriseId);
    if (!head) throw notFound();
    const confirmed = locked.current.snapshot as Snapshot;
    const snapshot: Snapshot = {
      ...confirmed, enterprise: { name: head.name, creditCode: head.credit_code },
      confirmedBy: locked.current.confirmed_by ? { id: locked.current.confirmed_by, name: locked.current.confirmed_by_name ?? '' } : null,
      confirmedAt: locked.current.confirmed_at?.toISOString() ?? null,
      submittedBy: { id: actor.userId, name: actor.displayName }, submittedAt: ctx.now.toISOString(),
    };
    // The archived PDF is the Chinese document filed with the regulators, whatever the submitter's language.
    const done = await submitSubmission(tx, ctx, STANDARDISATION_KIND, locked, snapshot, standardisationPdfModel(snapshot, year, 'zh-CN'), opts);
    await updateAssessment(tx, enterpriseId, year, {
      status: 'submitted', submitted_version: done.version, score: snapshot.totals.normalised, assessed_max: snapshot.totals.assessedMax,
      intended_grade: snapshot.totals.intendedGrade, submitted_at: ctx.now, ...(row.first_submitted_at ? {} : { first_submitted_at: ctx.now }),
    }, ctx.now);
    await lockFiles(tx, ctx, enterpriseId, { type: EVIDENCE_OWNER, id: row.id });
    // R-STD-1: the submission fulfils the year's duty in this transaction (a past year's, late).
    await fulfilByRecord(tx, ctx, {
      enterpriseId, record: SELF_ASSESSMENT_SUBMITTED, recordType: 'standardisation_assessment', recordId: row.id, at: localInstant(year, 6, 1, 12), byPrincipal: false,
    });
    const regulators = [...new Set([...await idsOf(subdistrictOfficersOf(tx, enterpriseId)), ...await idsOf(departmentOfficersOf(tx, enterpriseId))])];
    await enqueueOutbox(tx, regulators.map((userId) => ({
      topic: 'notify' as const,
      payload: {
        userId, kind: 'standardisation', titleKey: 'standardisation.notify.submitted.title', bodyKey: 'standardisation.notify.submitted.body',
        params: { enterprise: head.name, year, score: snapshot.totals.normalised ?? 0, grade: gradeText('zh-CN', snapshot.totals.intendedGrade) },
        link: `/standardisation/overview/${enterpriseId}?year=${year}`,
      },
    })));
    await writeAudit(tx, ctx, {
      action: 'standardisation.submit', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'confirmed' },
      after: { status: 'submitted', submissionVersion: done.version, totals: snapshot.totals, sha256: done.sha256, pdfSha256: done.pdfSha256, notified: regulators.length },
    });
  });
  return present(db, ctx, actor, enterpriseId, year);
}

/** A correction of a submitted self-assessment: a new version, a draft with the same adjustments; the old one stays locked. */
export async function correctAssessment(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  await db.transaction().execute(async (tx) => {
    const { locked } = await lockBoth(tx, ctx, actor, enterpriseId, year);
    const done = await correctSubmission(tx, ctx, STANDARDISATION_KIND, locked);
    await updateAssessment(tx, enterpriseId, year, { status: 'draft', signature_id: null }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'standardisation.correct', entityType: 'standardisation_assessment', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { submissionVersion: done.corrects, sha256: done.correctedSha256 }, after: { status: 'draft', submissionVersion: done.version },
    });
  });
  return present(db, ctx, actor, enterpriseId, year);
}

/**
 * The PDF of a submitted version. In Chinese: the archived one, as signed and filed. In another language: a translation
 * rendered now from the same locked snapshot (its signature block names the same version, people and snapshot hash),
 * never archived, so the filed document stays the Chinese one.
 */
export async function assessmentPdf(db: Db, ctx: Ctx, enterpriseId: string, year: number, version: number, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const head = await enterpriseHeader(db, actor.scope, enterpriseId);
  if (!head) throw notFound();
  const ref = docRef(enterpriseId, year);
  const file = ctx.locale === 'zh-CN'
    ? await submissionPdf(db, ctx, ref, version, (s) => standardisationPdfModel(s as Snapshot, year, 'zh-CN'), opts)
    : await translatedPdf(ctx.locale, await loadSubmission(db, ref), year, version, opts);
  return {
    ...file, filename: t(ctx.locale, 'standardisation.pdf.filename', { enterprise: head.name, year, version }), fallbackName: `standardisation-${year}-v${version}.pdf`,
  };
}

async function translatedPdf(locale: Locale, doc: LoadedSubmission | null, year: number, version: number, opts: PdfOptions) {
  const v = doc?.versions.find((x) => x.version === version);
  if (!v) throw notFound();
  if (v.status !== 'submitted' || !v.snapshot) throw new AppError('NOT_FOUND', { messageKey: 'submission.pdf.notSubmitted' });
  const font = findCjkFont(opts.fontPath ?? '', opts.searchPaths);
  if (!font) throw new AppError('STATE', { messageKey: 'submission.pdf.fontMissing', reason: 'PDF_FONT_MISSING' });
  const signature = standardisationPdfSignature(locale, {
    version, confirmedBy: v.confirmed_by_name, confirmedAt: v.confirmed_at, submittedBy: v.submitted_by_name, submittedAt: v.submitted_at,
    sha256: v.snapshot_sha256 ?? snapshotHash(v.snapshot),
  });
  const pdf = await renderPdf(standardisationPdfModel(v.snapshot as Snapshot, year, locale), signature, { font, createdAt: v.submitted_at ?? v.updated_at, locale });
  return { pdf, sha256: sha256Hex(pdf) };
}

// ---- external reviews ----

function reviewView(r: ReviewRow, today: string, monthsBefore: number) {
  return {
    id: r.id, reviewBody: r.review_body, reviewers: r.reviewers, reviewedOn: r.reviewed_on, passed: r.passed, grade: r.grade, certificateNo: r.certificate_no,
    validUntil: r.valid_until, reReviewOn: r.valid_until ? reReviewDueOn(r.valid_until, monthsBefore) : null,
    inForce: !!r.valid_until && r.valid_until >= today, note: r.note, recordedBy: r.recorded_by_name, createdAt: r.created_at,
  };
}

export async function listExternalReviews(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rules = (await rulesOf(db, enterpriseId)).value;
  const today = localDay(ctx.now);
  return { items: (await listReviews(db, actor.scope, enterpriseId)).map((r) => reviewView(r, today, rules.reReviewMonthsBefore)), canRecord: mayManage(actor, enterpriseId) };
}

/**
 * R-STD-1: an external review as the review body decided it. A passed review's certificate is valid [cfg] 3 years; it
 * fulfils the open re-review duty and opens the next one, due [cfg] 3 months before the new certificate expires.
 */
export async function recordExternalReview(db: Db, ctx: Ctx, enterpriseId: string, input: ReviewInput) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  const today = localDay(ctx.now);
  if (input.reviewedOn > today) throw invalid('body.reviewedOn', 'standardisation.review.future');
  const rules = (await rulesOf(db, enterpriseId)).value;
  const validUntil = input.passed ? certificateValidUntil(input.reviewedOn, rules.certificateYears) : null;
  const id = await db.transaction().execute(async (tx) => {
    const created = await insertReview(tx, enterpriseId, {
      review_body: input.reviewBody, reviewers: input.reviewers, reviewed_on: input.reviewedOn, passed: input.passed, grade: input.grade,
      certificate_no: input.certificateNo, valid_until: validUntil, note: input.note,
    }, actor.userId, ctx.now);
    await fulfilByRecord(tx, ctx, { enterpriseId, record: REVIEW_RECORDED, recordType: 'standardisation_review', recordId: created, at: ctx.now, byPrincipal: false, subjectKey: 'certificate' });
    if (validUntil && validUntil >= today) {
      const due = reReviewDueOn(validUntil, rules.reReviewMonthsBefore);
      await triggerEvent(tx, ctx, { enterpriseId, event: RE_REVIEW_DUE, at: startOfLocalDay(due), subjectKey: 'certificate', subjectLabel: input.certificateNo || input.reviewBody });
    }
    await writeAudit(tx, ctx, {
      action: 'standardisation.review.create', entityType: 'standardisation_review', entityId: created, enterpriseId, after: { ...input, validUntil },
    });
    return created;
  });
  const list = await listExternalReviews(db, ctx, enterpriseId);
  return list.items.find((r) => r.id === id)!;
}

// ---- regulators ----

/**
 * R-STD-1: for the enterprises in scope the plan requires (or all, on request), who has and has not submitted the
 * year's self-assessment (score, intended grade, when) and their external review in force (grade, valid until).
 */
export async function standardisationOverview(db: Db, ctx: Ctx, q: OverviewQuery) {
  const actor = requireActor(ctx);
  if (!can(actor, 'standardisation.supervise')) throw forbidden();
  const year = q.year ?? localYear(ctx.now);
  const { rows, total, counts } = await overviewPage(db, actor.scope, q, year, localDay(ctx.now), { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    year, total, page: q.page, pageSize: q.pageSize, counts,
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name, required: r.required,
      status: (r.status ?? 'none') as 'none' | AssessmentRow['status'], submitted: r.submitted_version !== null,
      score: r.score === null ? null : Number(r.score), intendedGrade: r.intended_grade as '1' | '2' | '3' | 'none' | null, submittedAt: r.submitted_at,
      awardedGrade: r.awarded_grade as '1' | '2' | '3' | null, validUntil: r.valid_until, reviewedOn: r.reviewed_on, reviewBody: r.review_body,
    })),
  };
}
