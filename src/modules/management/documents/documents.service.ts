import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { filesOf, loadFile, lockFiles, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { currentRules } from '../../../platform/rules';
import { signDocument, verifySigner } from '../../../platform/signatures';
import { localDay, localYear } from '../../../platform/time';
import { fulfilByRecord } from '../../obligations';
import {
  acksOfEmployee, askAcknowledgements, countQuizAttempt, lockAckOf, pendingWithoutAccount, employeeOfUser, enterpriseFacts, findAck, findDocument, findVersion, insertDocument, insertReview, insertVersion, libraryPage, lockDocument,
  markAcknowledged, markApproved, markPublished, overviewPage, postsOf, postsWithoutProcedure, ratesByUnit, reviewOfYear, satisfiedCodes, setDocumentPosts,
  updateDocument, updateVersionDraft, versionByNumber, versionFileHashes, versionOfFile, versionsOf, type AckRow, type DocumentRow, type VersionRow,
} from './documents.repository';
import { VERSION_FILE_OWNER } from './documents.policy';
import { REQUIRED_RULES } from './documents.rule-sets';
import { ackRate, lineDiff, missingRequiredRules, quizMistakes, requiredFor, type QuizQuestion, type RequiredRule } from './documents.rules';
import type {
  AckBody, ProxyAckBody, ApproveBody, DocumentInput, DocumentPatch, DocumentView, LibraryQuery, OverviewQuery, ReviewBody, VersionInput, VersionPatch, VersionView,
} from './documents.schema';

/*
 * R-DOC-1, issue 12 §2: the enterprise's written rules, operating procedures and post safety procedures. A document
 * has versions: a safety manager drafts one, the principal approves it with his signature (platform/signatures, pad
 * or password, over the version's content), a manager publishes it, which asks every active person on the covered
 * posts to read and acknowledge it (one row each, one statement) and tells the account holders through the outbox.
 * The version in force is the latest published one whose effective date has come; the required rules an enterprise
 * lacks are read against the rule documents in force. The principal's yearly review fulfils R-RESP-5's
 * "1 revision of rules and operating procedures" (record `rules.reviewed`) in the same transaction.
 */

const VERSION_DOC = 'document_version';

const fileOf = (f: { id: string; name: string; mime: string; size: number }) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size });
const REVIEW_DOC = 'document_review';

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, key: string) => new AppError(code, { reason, messageKey: `documents.refused.${key}` });

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'documents.manage') && isEnterpriseManager(actor, enterpriseId);
}
function requireManager(actor: Actor, enterpriseId: string): void {
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'notManager');
}
/** R-RESP-5: the principal approves and reviews in person. */
function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && can(actor, 'documents.approve') && isEnterpriseManager(actor, enterpriseId);
}

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

async function catalogueFor(db: Executor, enterpriseId: string): Promise<RequiredRule[]> {
  return (await currentRules(db, { enterpriseId }, REQUIRED_RULES)).value.rules;
}

const acksOf = (asked: number, acknowledged: number) => ({ asked: Number(asked), acknowledged: Number(acknowledged), rate: ackRate(Number(acknowledged), Number(asked)) });

function summaryOf(r: DocumentRow, names: Map<string, string>) {
  return {
    id: r.id, kind: r.kind, title: r.title, requiredCodes: r.required_codes, requiredNames: r.required_codes.map((c) => names.get(c) ?? c),
    processes: r.processes, posts: r.posts ?? [], archived: r.archived,
    current: r.current_id ? { id: r.current_id, number: r.current_number!, effectiveOn: r.current_effective_on!, acks: acksOf(r.asked, r.acknowledged) } : null,
    open: r.open_id ? { id: r.open_id, number: r.open_number!, status: r.open_status! } : null,
  };
}

/** The library: documents, the required rules lacking, posts without a procedure, rates by unit, this year's review. */
export async function library(db: Db, ctx: Ctx, enterpriseId: string, q: LibraryQuery) {
  const actor = requireActor(ctx);
  const e = await enterpriseOf(db, actor, enterpriseId);
  const day = localDay(ctx.now);
  const year = localYear(ctx.now);
  const [catalogue, page, satisfied, posts, rates, review] = await Promise.all([
    catalogueFor(db, enterpriseId), libraryPage(db, actor.scope, enterpriseId, q, day), satisfiedCodes(db, enterpriseId, day),
    postsWithoutProcedure(db, actor.scope, enterpriseId, day), ratesByUnit(db, actor.scope, enterpriseId), reviewOfYear(db, enterpriseId, year),
  ]);
  const names = new Map(catalogue.map((r) => [r.code, r.name]));
  const have = new Set(satisfied);
  return {
    ...page, items: page.items.map((r) => summaryOf(r, names)),
    missingRequired: missingRequiredRules(catalogue, e.industry_code, satisfied).map((r) => ({ code: r.code, name: r.name })),
    required: requiredFor(catalogue, e.industry_code).map((r) => ({ code: r.code, name: r.name, satisfied: have.has(r.code) })),
    postsWithoutProcedure: posts.map((p) => ({ id: p.id, name: p.name, orgUnitName: p.org_unit_name })),
    ratesByUnit: rates.map((r) => ({ orgUnitId: r.org_unit_id, name: r.name, ...acksOf(r.asked, r.acknowledged) })),
    review: review ? { year: review.year, reviewedOn: review.reviewed_on, changed: review.changed, reason: review.reason, signedByName: review.signed_by_name } : null,
    abilities: { canManage: mayManage(actor, enterpriseId), canApprove: isPrincipalOf(actor, enterpriseId), canReview: isPrincipalOf(actor, enterpriseId) && !review },
  };
}

function versionSummaryOf(v: VersionRow) {
  return {
    id: v.id, number: v.number, status: v.status, effectiveOn: v.effective_on, changeNote: v.change_note, approvedByName: v.approved_by_name,
    approvedAt: v.approved_at, publishedAt: v.published_at, acks: acksOf(v.asked, v.acknowledged),
  };
}

async function documentIn(db: Executor, actor: Actor, enterpriseId: string, id: string, day: string) {
  await enterpriseOf(db, actor, enterpriseId);
  const d = await findDocument(db, actor.scope, enterpriseId, id, day);
  if (!d) throw notFound();
  return d;
}

export async function getDocument(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<DocumentView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  const d = await documentIn(db, actor, enterpriseId, id, day);
  const [catalogue, versions] = await Promise.all([catalogueFor(db, enterpriseId), versionsOf(db, actor.scope, enterpriseId, id)]);
  const manage = mayManage(actor, enterpriseId) && !d.archived;
  return {
    ...summaryOf(d, new Map(catalogue.map((r) => [r.code, r.name]))), version: d.version, versions: versions.map(versionSummaryOf),
    abilities: { canEdit: mayManage(actor, enterpriseId), canNewVersion: manage && !d.open_id },
  };
}

/** The required-rule codes must be in the district's catalogue, the posts the enterprise's own (400 on the field). */
async function checkLinks(db: Executor, enterpriseId: string, codes: readonly string[] | undefined, postIds: readonly string[] | undefined) {
  if (codes?.length) {
    const known = new Set((await catalogueFor(db, enterpriseId)).map((r) => r.code));
    if (codes.some((c) => !known.has(c))) throw invalid('body.requiredCodes', 'documents.unknownCode');
  }
  if (postIds?.length) {
    const unique = [...new Set(postIds)];
    if ((await postsOf(db, enterpriseId, unique)).length !== unique.length) throw invalid('body.postIds', 'documents.unknownPost');
  }
}

export async function createDocument(db: Db, ctx: Ctx, enterpriseId: string, input: DocumentInput): Promise<DocumentView> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    await checkLinks(tx, enterpriseId, input.requiredCodes, input.postIds);
    const created = await insertDocument(tx, actor.scope, enterpriseId, {
      kind: input.kind, title: input.title, required_codes: [...new Set(input.requiredCodes)], processes: input.processes, created_by: actor.userId, now: ctx.now,
    });
    await setDocumentPosts(tx, enterpriseId, created, [...new Set(input.postIds)]);
    await insertVersion(tx, enterpriseId, created, { body: input.body, effective_on: input.effectiveOn, change_note: input.changeNote, quiz: input.quiz ?? [], created_by: actor.userId, now: ctx.now });
    await writeAudit(tx, ctx, { action: 'documents.create', entityType: 'document', entityId: created, enterpriseId, after: { ...input, body: undefined, quiz: undefined, quizQuestions: input.quiz?.length ?? 0 } });
    return created;
  });
  return getDocument(db, ctx, enterpriseId, id);
}

export async function editDocument(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: DocumentPatch): Promise<DocumentView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  await db.transaction().execute(async (tx) => {
    const before = await documentIn(tx, actor, enterpriseId, id, day);
    requireManager(actor, enterpriseId);
    const locked = await lockDocument(tx, actor.scope, enterpriseId, id);
    if (!locked) throw notFound();
    if (locked.version !== patch.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    if (patch.requiredCodes?.length && before.kind !== 'rule') throw invalid('body.requiredCodes', 'documents.codesOnlyForRules');
    await checkLinks(tx, enterpriseId, patch.requiredCodes, patch.postIds);
    const ok = await updateDocument(tx, enterpriseId, id, locked.version, {
      ...(patch.title !== undefined ? { title: patch.title } : {}), ...(patch.requiredCodes ? { required_codes: [...new Set(patch.requiredCodes)] } : {}),
      ...(patch.processes !== undefined ? { processes: patch.processes } : {}), ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
    }, ctx.now);
    if (!ok) throw new AppError('CONFLICT', { reason: 'STALE' });
    if (patch.postIds) await setDocumentPosts(tx, enterpriseId, id, [...new Set(patch.postIds)]);
    await writeAudit(tx, ctx, {
      action: 'documents.update', entityType: 'document', entityId: id, enterpriseId,
      before: { title: before.title, requiredCodes: before.required_codes, processes: before.processes, archived: before.archived, postIds: (before.posts ?? []).map((p) => p.id) },
      after: patch,
    });
  });
  return getDocument(db, ctx, enterpriseId, id);
}

/** A new draft version; refused while another version is unpublished (`OPEN_VERSION`). */
export async function createVersion(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, input: VersionInput): Promise<VersionView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  const id = await db.transaction().execute(async (tx) => {
    await documentIn(tx, actor, enterpriseId, documentId, day);
    requireManager(actor, enterpriseId);
    const d = await lockDocument(tx, actor.scope, enterpriseId, documentId);
    if (!d) throw notFound();
    if (d.archived) throw refused('STATE', 'ARCHIVED', 'archived');
    const created = await insertVersion(tx, enterpriseId, documentId, {
      body: input.body, effective_on: input.effectiveOn, change_note: input.changeNote, quiz: input.quiz ?? [], created_by: actor.userId, now: ctx.now,
    });
    if (!created) throw refused('STATE', 'OPEN_VERSION', 'openVersion');
    await writeAudit(tx, ctx, {
      action: 'documents.versionCreate', entityType: 'document_version', entityId: created, enterpriseId,
      after: { documentId, effectiveOn: input.effectiveOn, changeNote: input.changeNote, quizQuestions: input.quiz?.length ?? 0 },
    });
    return created;
  });
  return getVersion(db, ctx, enterpriseId, documentId, id, {});
}

async function versionIn(db: Executor, actor: Actor, enterpriseId: string, documentId: string, id: string, day: string, opts: { lock?: boolean } = {}) {
  const d = await documentIn(db, actor, enterpriseId, documentId, day);
  const v = await findVersion(db, actor.scope, enterpriseId, documentId, id, opts);
  if (!v) throw notFound();
  return { d, v };
}

export async function getVersion(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, id: string, q: { against?: number }): Promise<VersionView> {
  const actor = requireActor(ctx);
  const { d, v } = await versionIn(db, actor, enterpriseId, documentId, id, localDay(ctx.now));
  const againstNumber = q.against ?? (v.number > 1 ? v.number - 1 : null);
  const against = againstNumber ? await versionByNumber(db, enterpriseId, documentId, againstNumber) : undefined;
  if (q.against && !against) throw invalid('query.against', 'validation.invalid');
  const manage = mayManage(actor, enterpriseId) && !d.archived;
  const files = await filesOf(db, enterpriseId, { type: VERSION_FILE_OWNER, id: v.id });
  // The correct options are for those who keep the library (they write the quiz and run the shared device), not for
  // the unit leaders and regulators who read it: a leader is also asked to acknowledge.
  const keeper = mayManage(actor, enterpriseId);
  return {
    ...versionSummaryOf(v), documentId, files: files.map(fileOf), documentTitle: d.title, kind: d.kind, body: v.body, contentSha256: v.content_sha256, rowVersion: v.row_version,
    quiz: v.quiz.map((q) => ({ text: q.text, options: q.options, correct: keeper ? q.correct : null })),
    againstNumber: against ? against.number : null, diff: lineDiff(against?.body ?? '', v.body),
    abilities: { canEdit: manage && v.status === 'draft', canApprove: !d.archived && v.status === 'draft' && isPrincipalOf(actor, enterpriseId), canPublish: manage && v.status === 'approved',
      canProxyAck: manage && v.status === 'published' && v.acknowledged < v.asked },
  };
}

export async function editVersion(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, id: string, patch: VersionPatch): Promise<VersionView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { v } = await versionIn(tx, actor, enterpriseId, documentId, id, localDay(ctx.now), { lock: true });
    requireManager(actor, enterpriseId);
    if (v.status !== 'draft') throw refused('STATE', 'NOT_DRAFT', 'notDraft');
    if (v.row_version !== patch.rowVersion) throw new AppError('CONFLICT', { reason: 'STALE' });
    const set = {
      ...(patch.body !== undefined ? { body: patch.body } : {}), ...(patch.effectiveOn ? { effective_on: patch.effectiveOn } : {}),
      ...(patch.changeNote !== undefined ? { change_note: patch.changeNote } : {}), ...(patch.quiz ? { quiz: patch.quiz } : {}),
    };
    if (!(await updateVersionDraft(tx, enterpriseId, id, v.row_version, set))) throw new AppError('CONFLICT', { reason: 'STALE' });
    await writeAudit(tx, ctx, {
      action: 'documents.versionUpdate', entityType: 'document_version', entityId: id, enterpriseId,
      before: { effectiveOn: v.effective_on, changeNote: v.change_note, bodyLength: v.body.length, quiz: v.quiz },
      after: { effectiveOn: patch.effectiveOn, changeNote: patch.changeNote, bodyLength: patch.body?.length, quiz: patch.quiz },
    });
  });
  return getVersion(db, ctx, enterpriseId, documentId, id, {});
}

/**
 * The principal approves a draft version in person (pad or password): the signature holds the SHA-256 of the
 * document's title, kind and the version's number, effective date, body, change note, files and quiz (its questions,
 * options and correct answers); the version never changes after (the quiz is also guarded in the database).
 */
export async function approveVersion(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, id: string, body: ApproveBody): Promise<VersionView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  const first = await versionIn(db, actor, enterpriseId, documentId, id, day);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'principalOnly');
  if (first.v.status !== 'draft') throw refused('STATE', 'NOT_DRAFT', 'notDraft');
  if (body.version !== undefined && body.version !== first.v.row_version) throw new AppError('CONFLICT', { reason: 'STALE' });
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const { d, v } = await versionIn(tx, actor, enterpriseId, documentId, id, day, { lock: true });
    if (d.archived) throw refused('STATE', 'ARCHIVED', 'archived');
    if (v.status !== 'draft') throw refused('STATE', 'NOT_DRAFT', 'notDraft');
    if (body.version !== undefined && body.version !== v.row_version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const files = await versionFileHashes(tx, enterpriseId, VERSION_FILE_OWNER, v.id);
    const content = {
      document: { id: d.id, kind: d.kind, title: d.title }, number: v.number, effectiveOn: v.effective_on, body: v.body, changeNote: v.change_note,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      // Only a version with a quiz signs one, so a version without stays the content it always was.
      ...(v.quiz.length ? { quiz: v.quiz.map((q) => ({ text: q.text, options: q.options, correct: q.correct })) } : {}),
    };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: VERSION_DOC, documentId: v.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markApproved(tx, enterpriseId, v.id, { signature_id: sig.id, content_sha256: sig.contentSha256, approved_by: actor.userId }, ctx.now);
    // What the principal signed stays as signed: the files can no longer be removed.
    await lockFiles(tx, ctx, enterpriseId, { type: VERSION_FILE_OWNER, id: v.id });
    await writeAudit(tx, ctx, {
      action: 'documents.approve', entityType: 'document_version', entityId: v.id, enterpriseId,
      before: { status: 'draft' }, after: { status: 'approved', number: v.number, contentSha256: sig.contentSha256, signatureId: sig.id, method: body.method },
    });
  });
  return getVersion(db, ctx, enterpriseId, documentId, id, {});
}

/**
 * Publishes an approved version: in one transaction, the version's state, one acknowledgement row per active person
 * on the covered posts (INSERT … SELECT), a notification for each account holder among them (outbox), and the audit.
 */
export async function publishVersion(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, id: string): Promise<VersionView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  await db.transaction().execute(async (tx) => {
    const { d, v } = await versionIn(tx, actor, enterpriseId, documentId, id, day, { lock: true });
    requireManager(actor, enterpriseId);
    if (d.archived) throw refused('STATE', 'ARCHIVED', 'archived');
    if (v.status === 'published') throw refused('STATE', 'PUBLISHED', 'published');
    if (v.status !== 'approved') throw refused('STATE', 'NOT_APPROVED', 'notApproved');
    await markPublished(tx, enterpriseId, v.id, actor.userId, ctx.now);
    const asked = await askAcknowledgements(tx, enterpriseId, documentId, v.id, ctx.now, { title: d.title, number: v.number });
    await writeAudit(tx, ctx, {
      action: 'documents.publish', entityType: 'document_version', entityId: v.id, enterpriseId,
      before: { status: 'approved' }, after: { status: 'published', number: v.number, effectiveOn: v.effective_on, asked },
    });
  });
  return getVersion(db, ctx, enterpriseId, documentId, id, {});
}

/** A scanned original is a PDF or a photo of the paper. */
const scanKind = (buf: Buffer) => (buf.subarray(0, 5).toString('latin1') === '%PDF-' ? 'document' as const : 'photo' as const);

/**
 * Attaches files to a draft version (the signed paper original, a PDF of the text): judged before the transaction,
 * stored with the version under its lock. An approved version's files are locked with its signature.
 */
export async function uploadVersionFiles(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, versionId: string, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await versionIn(db, actor, enterpriseId, documentId, versionId, localDay(ctx.now));
  requireManager(actor, enterpriseId);
  if (files.length === 0) throw invalid('body.file', 'attachment.missing');
  const documents = files.filter((f) => scanKind(f.buffer) === 'document');
  const photos = files.filter((f) => scanKind(f.buffer) === 'photo');
  const prepared = { document: documents.length ? await prepareFiles('document', documents, ctx.now) : [], photo: photos.length ? await prepareFiles('photo', photos, ctx.now) : [] };
  return db.transaction().execute(async (tx) => {
    const { v } = await versionIn(tx, actor, enterpriseId, documentId, versionId, localDay(ctx.now), { lock: true });
    if (v.status !== 'draft') throw refused('STATE', 'NOT_DRAFT', 'notDraft');
    const owner = { type: VERSION_FILE_OWNER, id: v.id };
    const stored = [
      ...(prepared.document.length ? await storeFiles(tx, ctx, enterpriseId, 'document', prepared.document, owner) : []),
      ...(prepared.photo.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', prepared.photo, owner) : []),
    ];
    return stored.map((f) => f.id);
  });
}

/** A version's file, for whoever reads the library. */
export async function readVersionFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const owner = await versionOfFile(db, actor.scope, enterpriseId, fileId, VERSION_FILE_OWNER);
  const file = owner && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

/** A file of a version the caller was asked to acknowledge. */
export async function readMyAckFile(db: Db, ctx: Ctx, versionId: string, fileId: string) {
  const actor = requireActor(ctx);
  const me = await myPerson(db, actor);
  if (!(await findAck(db, me.enterpriseId, me.employeeId, versionId))) throw notFound();
  const owner = await versionOfFile(db, actor.scope, me.enterpriseId, fileId, VERSION_FILE_OWNER);
  const file = owner === versionId && await loadFile(db, actor, me.enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

function ackItem(r: AckRow) {
  return {
    versionId: r.version_id, documentId: r.document_id, title: r.title, kind: r.kind, number: r.number, effectiveOn: r.effective_on,
    askedAt: r.asked_at, acknowledgedAt: r.acknowledged_at,
  };
}

/** The caller's person on the roster: who is asked to acknowledge (null for an account that is nobody on it). */
async function myPersonOrNull(db: Executor, actor: Actor): Promise<{ enterpriseId: string; employeeId: string } | null> {
  const s = actor.scope;
  if (s.kind !== 'enterprise') return null;
  const employeeId = s.employeeId ?? await employeeOfUser(db, actor.userId, s.enterpriseId);
  return employeeId ? { enterpriseId: s.enterpriseId, employeeId } : null;
}
async function myPerson(db: Executor, actor: Actor): Promise<{ enterpriseId: string; employeeId: string }> {
  const me = await myPersonOrNull(db, actor);
  if (!me) throw refused('STATE', 'NO_EMPLOYEE', 'noEmployee');
  return me;
}

export async function myAcknowledgements(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const me = await myPersonOrNull(db, actor);
  if (!me) return { pending: [], done: [] };
  const rows = await acksOfEmployee(db, me.enterpriseId, me.employeeId);
  return { pending: rows.filter((r) => !r.acknowledged_at).map(ackItem), done: rows.filter((r) => r.acknowledged_at).map(ackItem) };
}

export async function myAcknowledgement(db: Db, ctx: Ctx, versionId: string) {
  const actor = requireActor(ctx);
  const me = await myPerson(db, actor);
  const r = await findAck(db, me.enterpriseId, me.employeeId, versionId);
  if (!r) throw notFound();
  const files = await filesOf(db, me.enterpriseId, { type: VERSION_FILE_OWNER, id: versionId });
  // R-DOC-1: the questions without their correct options, which never leave the server for the person asked.
  return { ...ackItem(r), body: r.body, changeNote: r.change_note, files: files.map(fileOf), quiz: r.quiz.map((q) => ({ text: q.text, options: q.options })) };
}

/** The quiz's answers do not match its questions one for one: nothing is written. */
const quizUnanswered = () => new AppError('VALIDATION', { reason: 'QUIZ_UNANSWERED', messageKey: 'documents.quiz.failed', issues: [{ path: 'body.answers', message: 'documents.quiz.unanswered' }] });
/** Some answers are wrong: at each wrong answer's field, so the person reads again and answers again. */
const quizWrong = (wrong: readonly number[]) => new AppError('VALIDATION', {
  reason: 'QUIZ_WRONG', messageKey: 'documents.quiz.failed', issues: wrong.map((i) => ({ path: `body.answers.${i}`, message: 'documents.quiz.wrong', params: { n: i + 1 } })),
});

/**
 * Judges the answers to a version's quiz on the acknowledgement's locked row: unanswered is refused with nothing
 * written; a wrong answer counts the attempt (the only trace it leaves) and refuses after the commit. Returns whether
 * the version had a quiz, so the passing attempt is counted with the acknowledgement.
 */
async function judgeQuiz(tx: Tx, enterpriseId: string, employeeId: string, versionId: string, quiz: readonly QuizQuestion[], answers: readonly number[] | undefined) {
  const mistakes = quizMistakes(quiz, answers);
  if (!mistakes) return { answered: quiz.length > 0, wrong: null };
  if (mistakes.unanswered) throw quizUnanswered();
  await countQuizAttempt(tx, enterpriseId, employeeId, versionId);
  return { answered: true, wrong: mistakes.wrong };
}

/**
 * R-DOC-1 "人人知晓": the person confirms he has read the version, under the row's lock; a second call changes nothing.
 * A version with a quiz is acknowledged only with every answer right (the quiz rides on the locked row: no extra
 * query). Answers with when it was acknowledged: the reader already holds the text (GET), so it is not sent again.
 */
export async function acknowledge(db: Db, ctx: Ctx, versionId: string, body: AckBody = {}): Promise<{ versionId: string; acknowledgedAt: Date }> {
  const actor = requireActor(ctx);
  const me = await myPerson(db, actor);
  const outcome = await db.transaction().execute(async (tx): Promise<{ at: Date } | { wrong: number[] }> => {
    const r = await findAck(tx, me.enterpriseId, me.employeeId, versionId, { lock: true });
    if (!r) throw notFound();
    if (r.acknowledged_at) return { at: r.acknowledged_at };
    const quiz = await judgeQuiz(tx, me.enterpriseId, me.employeeId, versionId, r.quiz, body.answers);
    if (quiz.wrong) return { wrong: quiz.wrong };
    await markAcknowledged(tx, me.enterpriseId, me.employeeId, versionId, actor.userId, ctx.now, null, quiz.answered);
    await writeAudit(tx, ctx, {
      action: 'documents.acknowledge', entityType: 'document_version', entityId: versionId, enterpriseId: me.enterpriseId,
      after: { employeeId: me.employeeId, number: r.number, ...(quiz.answered ? { quizAttempts: r.quiz_attempts + 1 } : {}) },
    });
    return { at: ctx.now };
  });
  if ('wrong' in outcome) throw quizWrong(outcome.wrong);
  return { versionId, acknowledgedAt: outcome.at };
}

/**
 * R-RESP-5: the principal's yearly review of the rules and procedures — changed or not, with the reason — signed in
 * person; it fulfils the ten-ones duty `resp.ten.rules_review` (record `rules.reviewed`) in the same transaction.
 * One per enterprise and China local year (`REVIEWED` for a second).
 */
export async function reviewRules(db: Db, ctx: Ctx, enterpriseId: string, body: ReviewBody) {
  const actor = requireActor(ctx);
  const e = await enterpriseOf(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'principalOnly');
  const year = localYear(ctx.now);
  const day = localDay(ctx.now);
  if (await reviewOfYear(db, enterpriseId, year)) throw refused('STATE', 'REVIEWED', 'reviewed');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  return db.transaction().execute(async (tx) => {
    const content = { enterprise: { id: e.id, name: e.name }, year, reviewedOn: day, changed: body.changed, reason: body.reason };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: REVIEW_DOC, documentId: `${enterpriseId}:${year}`, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    const id = await insertReview(tx, enterpriseId, {
      year, reviewed_on: day, changed: body.changed, reason: body.reason, signature_id: sig.id, content_sha256: sig.contentSha256, signed_by: actor.userId, now: ctx.now,
    });
    if (!id) throw refused('STATE', 'REVIEWED', 'reviewed');
    const fulfilled = await fulfilByRecord(tx, ctx, { enterpriseId, record: 'rules.reviewed', recordType: 'document_review', recordId: id, at: ctx.now, byPrincipal: true });
    await writeAudit(tx, ctx, { action: 'documents.review', entityType: 'document_review', entityId: id, enterpriseId, after: { year, changed: body.changed, reason: body.reason, contentSha256: sig.contentSha256 } });
    return { id, year, reviewedOn: day, changed: body.changed, reason: body.reason, contentSha256: sig.contentSha256, fulfilled };
  });
}

/** R-DOC-1, the regulators' list: enterprises in scope with the required rules they lack and their acknowledgement rate. */
export async function documentsOverview(db: Db, ctx: Ctx, q: OverviewQuery) {
  const actor = requireActor(ctx);
  const rules = await currentRules(db, ctx, REQUIRED_RULES);
  const page = await overviewPage(db, actor.scope, q, { catalogue: rules.value.rules, day: localDay(ctx.now), year: localYear(ctx.now) });
  return {
    ...page,
    items: page.items.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      required: Number(r.required), missing: Number(r.missing), missingNames: r.missing_names, documents: Number(r.documents),
      asked: Number(r.asked), acknowledged: Number(r.acknowledged), rate: r.rate === null ? null : Number(r.rate), reviewedThisYear: r.reviewed,
    })),
  };
}

/** The people of a published version still to acknowledge who have no account (the shared device's list). */
export async function pendingPeople(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, versionId: string) {
  const actor = requireActor(ctx);
  await versionIn(db, actor, enterpriseId, documentId, versionId, localDay(ctx.now));
  requireManager(actor, enterpriseId);
  const rows = await pendingWithoutAccount(db, actor.scope, enterpriseId, versionId);
  return rows.map((r) => ({ employeeId: r.employee_id, name: r.name, orgUnitName: r.org_unit_name }));
}

/**
 * R-DOC-1 for people without an account: on the manager's shared device the person draws a signature and confirms the
 * last four characters of the ID number (platform/signatures, `proxy_pad`); the acknowledgement row is read under its
 * lock and marked with the signature. Someone not asked is 404; someone who already acknowledged changes nothing.
 */
export async function proxyAcknowledge(db: Db, ctx: Ctx, enterpriseId: string, documentId: string, versionId: string, body: ProxyAckBody) {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  const { v } = await versionIn(db, actor, enterpriseId, documentId, versionId, day);
  requireManager(actor, enterpriseId);
  if (v.status !== 'published') throw refused('STATE', 'NOT_APPROVED', 'notApproved');
  const signer = { employeeId: body.employeeId, idLast4: body.idLast4 };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: 'proxy_pad' });
  const wrong = await db.transaction().execute(async (tx) => {
    const { d } = await versionIn(tx, actor, enterpriseId, documentId, versionId, day);
    const ack = await lockAckOf(tx, enterpriseId, versionId, body.employeeId);
    if (!ack) throw notFound();
    if (ack.acknowledged_at) return null;
    // The person answers the quiz on the device too; a published version's quiz no longer changes (approval froze it).
    const quiz = await judgeQuiz(tx, enterpriseId, body.employeeId, versionId, v.quiz, body.answers);
    if (quiz.wrong) return quiz.wrong;
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: VERSION_DOC, documentId: versionId, documentVersion: 1,
      content: { acknowledged: { document: d.id, title: d.title, number: v.number, effectiveOn: v.effective_on, sha256: v.content_sha256, ...(quiz.answered ? { quizPassed: true } : {}) } },
      signer, method: 'proxy_pad', imageAttachmentId: body.imageAttachmentId, device: body.device, proof,
    });
    await markAcknowledged(tx, enterpriseId, body.employeeId, versionId, actor.userId, ctx.now, sig.id, quiz.answered);
    await writeAudit(tx, ctx, {
      action: 'documents.acknowledge', entityType: 'document_version', entityId: versionId, enterpriseId,
      after: { employeeId: body.employeeId, number: v.number, signatureId: sig.id, method: 'proxy_pad', ...(quiz.answered ? { quizAttempts: ack.quiz_attempts + 1 } : {}) },
    });
    return null;
  });
  if (wrong) throw quizWrong(wrong);
  return pendingPeople(db, ctx, enterpriseId, documentId, versionId);
}

/** For the workbench: how many acknowledgements the caller owes. */
export async function pendingCount(db: Db, ctx: Ctx): Promise<number> {
  return (await myAcknowledgements(db, ctx)).pending.length;
}
