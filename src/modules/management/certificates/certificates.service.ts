import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { linkFiles } from '../../../platform/files/attachments';
import { defineExport, storedParams, withProgress } from '../../../platform/files/exports';
import { fileDate, readXlsxUpload, type Upload, type XlsxFile } from '../../../platform/files/xlsx';
import { t } from '../../../platform/i18n/messages';
import { currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay, startOfLocalDay } from '../../../platform/time';
import { openHazardForRecord } from '../../hazards';
import { cancelBySubject, fulfilByRecord, reopenBySubject, triggerEvent } from '../../obligations';
import { hashIdNumber, isValidIdNumber, normalizeIdNumber } from '../../org';
import { EXPORT_SHEET, IMPORT_SHEET, readCertificates, validateCertificateRows } from './certificates.excel';
import { TRAINING_RULES } from '../training/training.rule-sets';
import {
  EXPIRY_SCHEDULED, QUALIFICATION_DUE, QUALIFICATION_RECORDED, qualificationSubject, RENEWAL_RECORDED, REVIEW_RECORDED, REVIEW_SCHEDULED,
} from './certificates.obligations';
import { CERTIFICATE_FILE_OWNER } from './certificates.policy';
import {
  allCertificates, certificatePage, districtOf, findCertificate, findHolder, holdersByHash, insertCertificate, insertReview, markPostHazard, minorsOnHazardous, numberTaken,
  postHazardExists, qualificationAppointees, reviewsOf, uncertifiedAssignments, untrainedOnPosts, updateCertificateRow, writtenTypes, type CertificateColumns,
  type CertificateRow, type LevelsByDistrict, type TypeMap,
} from './certificates.repository';
import { CERTIFICATE_RULES, kindName, rulesOf, type CertificateRules } from './certificates.rule-sets';
import {
  certificateStatus, defaultValidUntil, isValidOn, mayExtendReview, nextReviewFrom, qualificationDueOn, qualificationState, typeOfPost, type CatalogueType,
  type CertificateKindCode,
} from './certificates.rules';
import type {
  CertificateCreate, CertificateDetail, CertificateListQuery, CertificatePatch, CertificateSummary, ImportReport, ReviewInput, UnqualifiedList,
} from './certificates.schema';

/*
 * Issue 13 §2, R-TRN-2: the certificates of an enterprise's people, their reviews and renewals (each a duty on the
 * obligations engine, opened when the day is recorded and fulfilled by the record, in its transaction), the lists of
 * people not qualified for the posts they hold, and the daily job that opens a major hidden hazard for each
 * special-operation worker on a post without a valid certificate (R-HAZ-2).
 */

type Rules = CertificateRules;

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });
const stale = () => new AppError('CONFLICT', { reason: 'STALE' });

/** The enterprise's managers keep its certificates; the district admin too (he onboards enterprises and their rosters, as for employees). */
function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'certificate.manage') && (isEnterpriseManager(actor, enterpriseId) || actor.scope.kind === 'district');
}
function requireManager(actor: Actor, enterpriseId: string): void {
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'certificates.refused.notManager');
}

export const typeName = (rules: Rules, code: string) => rules.types.find((c) => c.code === code)?.name ?? code;

function summaryOf(r: Pick<CertificateRow, 'id' | 'employee_id' | 'employee_name' | 'employee_status' | 'org_unit_id' | 'org_unit_name' | 'kind' | 'type_code' | 'number'
  | 'issuer' | 'issued_on' | 'valid_until' | 'next_review_on' | 'extended_review' | 'status' | 'attachment_id' | 'version'>, rules: Rules, today: string): CertificateSummary {
  return {
    id: r.id, employeeId: r.employee_id, employeeName: r.employee_name, employeeLeft: r.employee_status === 'left', orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name,
    kind: r.kind, typeCode: r.type_code, typeName: typeName(rules, r.type_code), number: r.number, issuer: r.issuer, issuedOn: r.issued_on, validUntil: r.valid_until,
    nextReviewOn: r.next_review_on, extendedReview: r.extended_review,
    state: certificateStatus({ status: r.status, validUntil: r.valid_until, nextReviewOn: r.next_review_on }, today, rules.soonDays),
    attachmentId: r.attachment_id, version: r.version,
  };
}

async function certificateIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<CertificateRow> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findCertificate(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getCertificate(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<CertificateDetail> {
  const actor = requireActor(ctx);
  const r = await certificateIn(db, actor, enterpriseId, id);
  const [rules, reviews] = await Promise.all([rulesOf(db, enterpriseId), reviewsOf(db, enterpriseId, id)]);
  const today = localDay(ctx.now);
  const manager = mayManage(actor, enterpriseId);
  return {
    ...summaryOf(r, rules, today), compliantSince: r.compliant_since, note: r.note,
    mayExtendReview: rules.periods[r.kind].reviewYears > 0 && mayExtendReview(r.compliant_since, today, rules.periods[r.kind]),
    reviews: reviews.map((v) => ({
      id: v.id, kind: v.kind, reviewedOn: v.reviewed_on, result: v.result, validUntil: v.after_valid_until, nextReviewOn: v.after_next_review, number: v.number,
      note: v.note, recordedByName: v.recorded_by_name, createdAt: v.created_at,
    })),
    createdAt: r.created_at, updatedAt: r.updated_at,
    abilities: { canEdit: manager, canReview: manager && r.status === 'active' },
  };
}

export async function listCertificates(db: Db, ctx: Ctx, enterpriseId: string, q: CertificateListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const rules = await rulesOf(db, enterpriseId);
  const { page, counts } = await certificatePage(db, actor.scope, enterpriseId, q, { today, soonUntil: addLocalDays(today, rules.soonDays) });
  return {
    ...page, today, counts,
    items: page.items.map((r) => summaryOf(r as CertificateRow, rules, today)),
    catalogue: { types: rules.types.map((c) => ({ ...c, aliases: [...c.aliases] })), soonDays: rules.soonDays },
    abilities: { canCreate: mayManage(actor, enterpriseId) },
  };
}

/** The catalogue in force for an enterprise (the post editor offers it). */
export async function certificateCatalogue(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rules = await rulesOf(db, enterpriseId);
  return { types: rules.types.map((c) => ({ ...c, aliases: [...c.aliases] })) };
}

const label = (c: { number: string; employeeName: string; typeName: string }) => `${c.employeeName} ${c.typeName}（${c.number}）`;

/** Opens the duties of a certificate's renewal (due on its last valid day) and its next review (due on that day). */
async function scheduleDuties(tx: Tx, ctx: Ctx, enterpriseId: string, id: string, subjectLabel: string, ownerEmployeeId: string, d: { validUntil: string; nextReviewOn: string | null }) {
  await triggerEvent(tx, ctx, { enterpriseId, event: EXPIRY_SCHEDULED, at: startOfLocalDay(d.validUntil), subjectKey: id, subjectLabel, ownerEmployeeId });
  if (d.nextReviewOn) await triggerEvent(tx, ctx, { enterpriseId, event: REVIEW_SCHEDULED, at: startOfLocalDay(d.nextReviewOn), subjectKey: id, subjectLabel, ownerEmployeeId });
}

/** Checks a certificate's type against the catalogue and works out its dates; 400 at the field. */
export function certificateDates(rules: Rules, input: {
  kind: CertificateKindCode; typeCode: string; issuedOn: string; validUntil?: string | undefined; nextReviewOn?: string | null | undefined;
  compliantSince?: string | undefined; extendedReview: boolean;
}, today: string, path = 'body') {
  const type = rules.types.find((c) => c.code === input.typeCode);
  if (!type) throw invalid(`${path}.typeCode`, 'certificates.unknownType');
  if (type.kind !== input.kind) throw invalid(`${path}.typeCode`, 'certificates.typeKindMismatch');
  if (input.issuedOn > today) throw invalid(`${path}.issuedOn`, 'certificates.futureIssue');
  const p = rules.periods[input.kind];
  const validUntil = input.validUntil ?? defaultValidUntil(input.issuedOn, p);
  if (validUntil <= input.issuedOn) throw invalid(`${path}.validUntil`, 'certificates.validBeforeIssue');
  const compliantSince = input.compliantSince ?? input.issuedOn;
  if (compliantSince > today) throw invalid(`${path}.compliantSince`, 'certificates.compliantSinceFuture');
  // R-TRN-2 [cfg]: the longer review cycle needs the years of continuous compliant work behind it.
  if (input.extendedReview && !mayExtendReview(compliantSince, today, p)) {
    throw invalid(`${path}.extendedReview`, 'certificates.extensionNotEarned', { years: p.compliantYearsForExtension });
  }
  const nextReviewOn = input.nextReviewOn !== undefined ? input.nextReviewOn : nextReviewFrom(input.issuedOn, validUntil, p, input.extendedReview);
  if (nextReviewOn && (nextReviewOn <= input.issuedOn || nextReviewOn > validUntil)) throw invalid(`${path}.nextReviewOn`, 'certificates.reviewOutsideValidity');
  return { type, validUntil, nextReviewOn, compliantSince };
}

/** Records a certificate in the caller's transaction (the register's form, the import, an employee created with his certificates). */
export async function addCertificate(tx: Tx, ctx: Ctx, actor: Actor, enterpriseId: string, rules: Rules, input: CertificateCreate, employeeName: string, path = 'body'): Promise<string> {
  const today = localDay(ctx.now);
  const d = certificateDates(rules, input, today, path);
  if (await numberTaken(tx, enterpriseId, input.kind, input.number)) throw invalid(`${path}.number`, 'certificates.numberTaken');
  const columns: CertificateColumns = {
    employee_id: input.employeeId, kind: input.kind, type_code: input.typeCode, number: input.number, issuer: input.issuer, issued_on: input.issuedOn,
    valid_until: d.validUntil, next_review_on: d.nextReviewOn, compliant_since: d.compliantSince, extended_review: input.extendedReview,
    attachment_id: input.attachmentId, note: input.note,
  };
  const id = await insertCertificate(tx, actor.scope, enterpriseId, { ...columns, created_by: actor.userId, now: ctx.now });
  if (input.attachmentId) await linkFiles(tx, ctx, enterpriseId, { type: CERTIFICATE_FILE_OWNER, id }, [input.attachmentId], { path: `${path}.attachmentId` });
  await scheduleDuties(tx, ctx, enterpriseId, id, label({ number: input.number, employeeName, typeName: d.type.name }), input.employeeId, d);
  // R-TRN-2: a safety qualification valid today answers its holder's duty to pass the assessment (if one is open).
  if (d.type.kind === 'safety_qualification' && isValidOn(certificateStatus({ status: 'active', validUntil: d.validUntil, nextReviewOn: d.nextReviewOn }, today, 0))) {
    await fulfilByRecord(tx, ctx, {
      enterpriseId, record: QUALIFICATION_RECORDED, recordType: 'certificate', recordId: id, at: ctx.now, byPrincipal: false,
      subjectKey: qualificationSubject(input.employeeId, input.typeCode),
    });
  }
  await writeAudit(tx, ctx, { action: 'certificate.create', entityType: 'certificate', entityId: id, enterpriseId, after: { ...input, validUntil: d.validUntil, nextReviewOn: d.nextReviewOn } });
  return id;
}

export async function createCertificate(db: Db, ctx: Ctx, enterpriseId: string, input: CertificateCreate): Promise<CertificateDetail> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    const holder = await findHolder(tx, actor.scope, enterpriseId, input.employeeId);
    if (!holder) throw invalid('body.employeeId', 'certificates.unknownEmployee');
    if (holder.status === 'left') throw invalid('body.employeeId', 'certificates.employeeLeft');
    return addCertificate(tx, ctx, actor, enterpriseId, await rulesOf(tx, enterpriseId), input, holder.name);
  });
  return getCertificate(db, ctx, enterpriseId, id);
}

export async function updateCertificate(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: CertificatePatch): Promise<CertificateDetail> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  await db.transaction().execute(async (tx) => {
    const r = await certificateIn(tx, actor, enterpriseId, id, { lock: true });
    requireManager(actor, enterpriseId);
    if (r.version !== patch.version) throw stale();
    const rules = await rulesOf(tx, enterpriseId);
    const p = rules.periods[r.kind];
    if (patch.number !== undefined && patch.number !== r.number && await numberTaken(tx, enterpriseId, r.kind, patch.number, id)) throw invalid('body.number', 'certificates.numberTaken');
    const compliantSince = patch.compliantSince ?? r.compliant_since;
    if (compliantSince > today) throw invalid('body.compliantSince', 'certificates.compliantSinceFuture');
    const extended = patch.extendedReview ?? r.extended_review;
    if (extended && (patch.extendedReview === true || patch.compliantSince !== undefined) && !mayExtendReview(compliantSince, today, p)) {
      throw invalid('body.extendedReview', 'certificates.extensionNotEarned', { years: p.compliantYearsForExtension });
    }
    const set: Parameters<typeof updateCertificateRow>[4] = {};
    if (patch.number !== undefined) set.number = patch.number;
    if (patch.issuer !== undefined) set.issuer = patch.issuer;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.attachmentId !== undefined) set.attachment_id = patch.attachmentId;
    if (patch.compliantSince !== undefined) set.compliant_since = patch.compliantSince;
    if (patch.status !== undefined) set.status = patch.status;
    // A changed review cycle moves the next review: one (new) cycle from the last review, or from the issue day.
    let nextReviewOn = r.next_review_on;
    if (patch.extendedReview !== undefined && patch.extendedReview !== r.extended_review) {
      set.extended_review = patch.extendedReview;
      const reviews = await reviewsOf(tx, enterpriseId, id);
      const base = reviews.find((v) => v.result === 'pass' && v.reviewed_on >= r.issued_on)?.reviewed_on ?? r.issued_on;
      nextReviewOn = nextReviewFrom(base, r.valid_until, p, patch.extendedReview);
      set.next_review_on = nextReviewOn;
    }
    if (!(await updateCertificateRow(tx, enterpriseId, id, r.version, set, ctx.now))) throw stale();
    if (patch.attachmentId) await linkFiles(tx, ctx, enterpriseId, { type: CERTIFICATE_FILE_OWNER, id }, [patch.attachmentId], { path: 'body.attachmentId' });
    if (patch.status === 'revoked' && r.status !== 'revoked') {
      for (const event of [EXPIRY_SCHEDULED, REVIEW_SCHEDULED]) await cancelBySubject(tx, ctx, { enterpriseId, event, subjectKey: id, reason: '证书已注销' });
    } else if (nextReviewOn !== r.next_review_on) {
      await cancelBySubject(tx, ctx, { enterpriseId, event: REVIEW_SCHEDULED, subjectKey: id, reason: '复审周期已变更' });
      if (nextReviewOn) {
        await triggerEvent(tx, ctx, { enterpriseId, event: REVIEW_SCHEDULED, at: startOfLocalDay(nextReviewOn), subjectKey: id,
          subjectLabel: label({ number: r.number, employeeName: r.employee_name, typeName: typeName(rules, r.type_code) }), ownerEmployeeId: r.employee_id });
      }
    }
    const { version: _v, ...after } = patch;
    await writeAudit(tx, ctx, {
      action: 'certificate.update', entityType: 'certificate', entityId: id, enterpriseId,
      before: { number: r.number, issuer: r.issuer, note: r.note, attachmentId: r.attachment_id, extendedReview: r.extended_review, compliantSince: r.compliant_since, status: r.status, nextReviewOn: r.next_review_on },
      after: { ...after, nextReviewOn },
    });
  });
  return getCertificate(db, ctx, enterpriseId, id);
}

/**
 * Records a review (复审) or a renewal (延期换证). Passed: the next review moves one cycle on from the day (a renewal
 * also reissues the certificate from that day with a new validity); the duty it answers is fulfilled and the next
 * opened, in one transaction. Failed: the certificate is void (revoked), its duties withdrawn, and the continuous
 * compliant work starts again.
 */
export async function recordReview(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: ReviewInput): Promise<CertificateDetail> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  await db.transaction().execute(async (tx) => {
    const r = await certificateIn(tx, actor, enterpriseId, id, { lock: true });
    requireManager(actor, enterpriseId);
    if (r.status === 'revoked') throw refused('STATE', 'REVOKED', 'certificates.refused.revoked');
    if (r.version !== input.version) throw stale();
    if (input.reviewedOn > today) throw invalid('body.reviewedOn', 'certificates.futureReview');
    const rules = await rulesOf(tx, enterpriseId);
    const p = rules.periods[r.kind];
    if (input.kind === 'review' && p.reviewYears <= 0) throw refused('STATE', 'NO_REVIEW', 'certificates.refused.noReview');
    const last = (await reviewsOf(tx, enterpriseId, id))[0];
    if ((last && input.reviewedOn < last.reviewed_on) || input.reviewedOn < r.issued_on) throw refused('STATE', 'OLDER_REVIEW', 'certificates.refused.olderReview');
    const pass = input.result === 'pass';
    let validUntil = r.valid_until;
    let nextReviewOn = r.next_review_on;
    const set: Parameters<typeof updateCertificateRow>[4] = {};
    if (pass && input.kind === 'renewal') {
      validUntil = input.validUntil ?? defaultValidUntil(input.reviewedOn, p);
      if (validUntil <= input.reviewedOn) throw invalid('body.validUntil', 'certificates.validBeforeIssue');
      set.issued_on = input.reviewedOn;
      set.valid_until = validUntil;
      if (input.number) set.number = input.number;
    }
    if (pass) {
      nextReviewOn = nextReviewFrom(input.reviewedOn, validUntil, p, r.extended_review);
      set.next_review_on = nextReviewOn;
    } else {
      set.status = 'revoked';
      set.compliant_since = input.reviewedOn;
    }
    if (set.number && set.number !== r.number && await numberTaken(tx, enterpriseId, r.kind, set.number, id)) throw invalid('body.number', 'certificates.numberTaken');
    if (!(await updateCertificateRow(tx, enterpriseId, id, r.version, set, ctx.now))) throw stale();
    const reviewId = await insertReview(tx, enterpriseId, {
      certificate_id: id, kind: input.kind, reviewed_on: input.reviewedOn, result: input.result, before_valid_until: r.valid_until, before_next_review: r.next_review_on,
      after_valid_until: validUntil, after_next_review: pass ? nextReviewOn : r.next_review_on, number: input.number, note: input.note, recorded_by: actor.userId, now: ctx.now,
    });
    let fulfilled = 0;
    if (pass) {
      const at = startOfLocalDay(input.reviewedOn);
      // A renewal is also the review of its day: it answers both duties.
      const records = input.kind === 'renewal' ? [RENEWAL_RECORDED, REVIEW_RECORDED] : [REVIEW_RECORDED];
      for (const record of records) {
        fulfilled += await fulfilByRecord(tx, ctx, { enterpriseId, record, recordType: 'certificate_review', recordId: reviewId, at, byPrincipal: false, subjectKey: id });
      }
      if (input.kind === 'renewal') await cancelBySubject(tx, ctx, { enterpriseId, event: REVIEW_SCHEDULED, subjectKey: id, reason: '证书已换证' });
      const subjectLabel = label({ number: set.number ?? r.number, employeeName: r.employee_name, typeName: typeName(rules, r.type_code) });
      if (input.kind === 'renewal') await scheduleDuties(tx, ctx, enterpriseId, id, subjectLabel, r.employee_id, { validUntil, nextReviewOn });
      else if (nextReviewOn) await triggerEvent(tx, ctx, { enterpriseId, event: REVIEW_SCHEDULED, at: startOfLocalDay(nextReviewOn), subjectKey: id, subjectLabel, ownerEmployeeId: r.employee_id });
    } else {
      for (const event of [EXPIRY_SCHEDULED, REVIEW_SCHEDULED]) await cancelBySubject(tx, ctx, { enterpriseId, event, subjectKey: id, reason: '复审不合格，证书失效' });
    }
    await writeAudit(tx, ctx, {
      action: input.kind === 'renewal' ? 'certificate.renew' : 'certificate.review', entityType: 'certificate', entityId: id, enterpriseId,
      before: { validUntil: r.valid_until, nextReviewOn: r.next_review_on, number: r.number, status: r.status },
      after: { reviewId, reviewedOn: input.reviewedOn, result: input.result, validUntil, nextReviewOn, number: set.number ?? r.number, status: set.status ?? r.status, dutiesFulfilled: fulfilled },
    });
  });
  return getCertificate(db, ctx, enterpriseId, id);
}

// ---- who is not qualified for his post ----

/** Maps the certificate types written on special-operation posts to the catalogue, per district. */
export async function typeMapFor(db: Executor, enterpriseIds: readonly string[] | null): Promise<TypeMap> {
  const written = await writtenTypes(db, enterpriseIds);
  if (!written.length) return [];
  const byDistrict = await currentRulesByDistrict(db, CERTIFICATE_RULES);
  const out: TypeMap = [];
  for (const w of written) {
    const rules = byDistrict.get(w.districtId)?.value ?? CERTIFICATE_RULES.defaults;
    const type = typeOfPost(rules.types, w.written);
    if (type) out.push({ districtId: w.districtId, written: w.written, code: type.code });
  }
  return out;
}

export async function listUnqualified(db: Db, ctx: Ctx, enterpriseId: string, reason?: UnqualifiedList['items'][number]['reason']): Promise<UnqualifiedList> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  return unqualifiedOf(db, actor.scope, enterpriseId, today, reason);
}

/** Per district, the pre-post training levels its rule-set `training` requires (R-TRN-2), for the set-based untrained read. */
export async function trainingLevels(db: Executor): Promise<LevelsByDistrict> {
  return [...await currentRulesByDistrict(db, TRAINING_RULES)].map(([districtId, r]) => ({ districtId, levels: r.value.inductionLevels }));
}

export async function unqualifiedOf(db: Executor, scope: AnyScope, enterpriseId: string, today: string, reason?: UnqualifiedList['items'][number]['reason']): Promise<UnqualifiedList> {
  const rules = await rulesOf(db, enterpriseId);
  const districtId = await districtOf(db, enterpriseId);
  const [uncertified, minors, untrained, appointees] = await Promise.all([
    typeMapFor(db, [enterpriseId]).then((map) => uncertifiedAssignments(db, { enterpriseIds: [enterpriseId], scope, today, map })),
    minorsOnHazardous(db, scope, enterpriseId, today),
    trainingLevels(db).then((levels) => untrainedOnPosts(db, { enterpriseIds: [enterpriseId], scope, levels })),
    qualificationAppointees(db, { enterpriseIds: [enterpriseId], scope, today, industries: [{ districtId, industries: rules.qualificationIndustries }] }),
  ]);
  const items: UnqualifiedList['items'] = [];
  const person = (p: { employee_id: string; employee_name: string; org_unit_id: string; org_unit_name: string }) => ({
    employeeId: p.employee_id, employeeName: p.employee_name, orgUnitId: p.org_unit_id, orgUnitName: p.org_unit_name,
  });
  for (const u of uncertified) {
    const type = typeOfPost(rules.types, u.certificate_type);
    items.push({
      reason: 'no_certificate', ...person(u), postId: u.post_id, postName: u.post_name, certificateType: type?.name ?? u.certificate_type, hazardId: u.hazard_id, dueOn: null,
    });
  }
  for (const m of minors) items.push({ reason: 'minor', ...person(m), postId: m.post_id, postName: m.post_name, certificateType: null, hazardId: null, dueOn: null });
  for (const p of untrained) items.push({ reason: 'untrained', ...person(p), postId: p.post_id, postName: p.post_name, certificateType: null, hazardId: null, dueOn: null });
  // R-TRN-2 [cfg]: the principal and safety managers of the listed industries (and hazardous-goods carriers) hold a
  // safety qualification of their code; without one they are listed once the months after the appointment have run out.
  for (const m of appointees) {
    if (qualificationState(m.holds_valid, m.appointed_on, today, rules.qualificationDays) !== 'overdue') continue;
    items.push({
      reason: 'no_qualification', ...person(m), postId: null, postName: null, certificateType: rules.types.find((c) => c.code === m.code)?.name ?? null, hazardId: null,
      dueOn: qualificationDueOn(m.appointed_on, rules.qualificationDays),
    });
  }
  const count = (r: string) => items.filter((i) => i.reason === r).length;
  return {
    today, items: reason ? items.filter((i) => i.reason === reason) : items,
    counts: { noCertificate: count('no_certificate'), minor: count('minor'), untrained: count('untrained'), noQualification: count('no_qualification') },
  };
}

// ---- the safety qualification's duty (R-TRN-2): six months after the appointment ----

type Appointee = Awaited<ReturnType<typeof qualificationAppointees>>[number];

/** Opens one person's duty (due on the last day of his grace), withdrawing one opened for another day (the days [cfg] changed). */
async function openQualificationDuty(tx: Tx, ctx: Ctx, rules: Rules, p: Appointee): Promise<number> {
  const dueOn = qualificationDueOn(p.appointed_on, rules.qualificationDays);
  const at = startOfLocalDay(dueOn);
  const subjectKey = qualificationSubject(p.employee_id, p.code);
  const type = rules.types.find((c) => c.code === p.code);
  const made = await triggerEvent(tx, ctx, {
    enterpriseId: p.enterprise_id, event: QUALIFICATION_DUE, at, subjectKey, subjectLabel: `${p.employee_name} ${type?.name ?? p.code}`, ownerEmployeeId: p.employee_id,
  });
  // The day's duty withdrawn earlier (he left the role and took it again) opens again: one occurrence per person and day.
  const reopened = made ? 0 : await reopenBySubject(tx, ctx, { enterpriseId: p.enterprise_id, event: QUALIFICATION_DUE, subjectKey, at, reason: '重新担任该职务' });
  if (made || reopened) await cancelBySubject(tx, ctx, { enterpriseId: p.enterprise_id, event: QUALIFICATION_DUE, subjectKey, keepAt: at, reason: '任职日期或期限已变更' });
  return made + reopened;
}

/**
 * R-TRN-2: opens, in the caller's transaction, the qualification duty of these people of the enterprise where they need
 * one (principal or safety manager of a [cfg] industry, no certificate of their code ever recorded, still within the
 * months). Called where a person takes the role (a safety officer appointed or his appointment date corrected, staffing);
 * the daily job does the same set-based for everybody (accounts given the principal's or safety manager's role).
 */
export async function openQualificationDuties(tx: Tx, ctx: Ctx, enterpriseId: string, employeeIds: readonly string[]): Promise<number> {
  return (await settleQualificationDuties(tx, ctx, enterpriseId, employeeIds)).opened;
}

/**
 * R-TRN-2: brings one person's qualification duties in line with what he is now, in the caller's transaction — after
 * he was removed as a safety officer (staffing), or his account was given or lost the principal's or safety manager's
 * role, or disabled (accounts). A duty still owed is opened (or moved to his appointment's day); an open duty of a
 * role he no longer holds is withdrawn (waived as cancelled, with history and audit). Returns how many it withdrew.
 */
export async function reconcileQualificationDuties(tx: Tx, ctx: Ctx, enterpriseId: string, employeeId: string): Promise<number> {
  const { still } = await settleQualificationDuties(tx, ctx, enterpriseId, [employeeId]);
  const held = new Set(still.filter((p) => p.employee_id === employeeId).map((p) => p.code));
  let withdrawn = 0;
  for (const code of QUALIFICATION_CODES) {
    if (held.has(code)) continue;
    withdrawn += await cancelBySubject(tx, ctx, { enterpriseId, event: QUALIFICATION_DUE, subjectKey: qualificationSubject(employeeId, code), reason: '已不再担任该职务' });
  }
  return withdrawn;
}

/** The codes of the safety qualification: a principal's, and a safety manager's (officers included). */
const QUALIFICATION_CODES = ['sq-principal', 'sq-manager'] as const;

/** Who of these people is still an appointee needing the qualification, their duties opened (or moved) where still owed. */
async function settleQualificationDuties(tx: Tx, ctx: Ctx, enterpriseId: string, employeeIds: readonly string[]): Promise<{ opened: number; still: Appointee[] }> {
  if (!employeeIds.length) return { opened: 0, still: [] };
  const today = localDay(ctx.now);
  const [rules, districtId] = await Promise.all([rulesOf(tx, enterpriseId), districtOf(tx, enterpriseId)]);
  const still = await qualificationAppointees(tx, {
    enterpriseIds: [enterpriseId], scope: systemScope, today, industries: [{ districtId, industries: rules.qualificationIndustries }], employeeIds,
  });
  let opened = 0;
  // As the daily job: only those still within their months (past them, the person is listed as unqualified instead).
  for (const p of still) if (!p.ever_held && qualificationDueOn(p.appointed_on, rules.qualificationDays) >= today) opened += await openQualificationDuty(tx, ctx, rules, p);
  return { opened, still };
}

/**
 * The daily job's part (R-TRN-2): every principal and safety manager still within his months and without any
 * certificate of his code gets his duty, found set-based across enterprises (one statement); one transaction per
 * enterprise. Opening is idempotent (one occurrence per person and due day), so a rerun opens none.
 */
export async function openQualificationDutiesAll(db: Db, now: Date): Promise<number> {
  const ctx = systemCtx(now);
  const today = localDay(now);
  const byDistrict = new Map([...await currentRulesByDistrict(db, CERTIFICATE_RULES)].map(([d, r]) => [d, r.value]));
  const industries = [...byDistrict].map(([districtId, r]) => ({ districtId, industries: r.qualificationIndustries }));
  const found = await qualificationAppointees(db, { enterpriseIds: null, scope: systemScope, today, industries });
  // Only those still within their months: past them, the person is listed as unqualified instead.
  const pending = found.filter((p) => !p.ever_held && qualificationDueOn(p.appointed_on, byDistrict.get(p.district_id)!.qualificationDays) >= today);
  const byEnterprise = new Map<string, Appointee[]>();
  for (const p of pending) byEnterprise.set(p.enterprise_id, [...(byEnterprise.get(p.enterprise_id) ?? []), p]);
  let made = 0;
  for (const people of byEnterprise.values()) {
    made += await db.transaction().execute(async (tx) => {
      let n = 0;
      for (const p of people) n += await openQualificationDuty(tx, ctx, byDistrict.get(p.district_id)!, p);
      return n;
    });
  }
  return made;
}

// ---- the daily job: a special-operation worker without a valid certificate opens a major hazard ----

const systemCtx = (now: Date): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now });
const MAX_PER_RUN = 500;

/**
 * R-TRN-2, R-HAZ-2 (2023 list: 特种作业人员未持证上岗): every active person on a special-operation post without a valid
 * certificate of its type gets one major hidden hazard per person, post and lapse (the marker row's key, written in
 * the hazard's transaction under the person's row lock, so a rerun or a second instance opens none). Found set-based
 * across enterprises, in one statement.
 */
export async function openUncertifiedHazards(db: Db, now: Date): Promise<number> {
  const ctx = systemCtx(now);
  const today = localDay(now);
  const map = await typeMapFor(db, null);
  const found = await uncertifiedAssignments(db, { enterpriseIds: null, scope: systemScope, today, map, pendingOnly: true, limit: MAX_PER_RUN });
  let opened = 0;
  const byDistrict = await currentRulesByDistrict(db, CERTIFICATE_RULES);
  for (const c of found) {
    opened += await db.transaction().execute(async (tx) => {
      const person = await tx.selectFrom('employees').select(['id', 'status']).where('enterprise_id', '=', c.enterprise_id).where('id', '=', c.employee_id).forUpdate().executeTakeFirst();
      if (!person || person.status !== 'active') return 0;
      if (await postHazardExists(tx, c.enterprise_id, c.employee_id, c.post_id, c.lapse)) return 0;
      const still = await tx.selectFrom('employee_posts').select('post_id').where('enterprise_id', '=', c.enterprise_id).where('employee_id', '=', c.employee_id).where('post_id', '=', c.post_id).executeTakeFirst();
      if (!still) return 0;
      const ent = await tx.selectFrom('enterprises').select('district_id').where('id', '=', c.enterprise_id).executeTakeFirstOrThrow();
      const rules = byDistrict.get(ent.district_id)?.value ?? CERTIFICATE_RULES.defaults;
      const type: CatalogueType | null = typeOfPost(rules.types, c.certificate_type);
      const params = {
        name: c.employee_name, post: c.post_name, type: type?.name ?? c.certificate_type ?? '特种作业操作证',
        lapse: c.lapse === 'none' ? '' : t('zh-CN', 'certificates.hazard.lapsed', { day: c.lapse }),
      };
      const hazard = await openHazardForRecord(tx, ctx, c.enterprise_id, {
        title: t('zh-CN', 'certificates.hazard.title', params).slice(0, 200), description: t('zh-CN', 'certificates.hazard.description', params).slice(0, 2000),
        orgUnitId: c.org_unit_id, location: c.post_name, level: 'major', hazardClass: 'behaviour', majorCriterion: t('zh-CN', 'certificates.hazard.criterion'),
      });
      if (!(await markPostHazard(tx, { enterprise_id: c.enterprise_id, employee_id: c.employee_id, post_id: c.post_id, lapse: c.lapse, hazard_id: hazard.id, opened_at: now }))) {
        throw new AppError('CONFLICT', { reason: 'STALE' });
      }
      await writeAudit(tx, ctx, {
        action: 'certificate.postHazard', entityType: 'employee', entityId: c.employee_id, enterpriseId: c.enterprise_id,
        after: { postId: c.post_id, lapse: c.lapse, hazardId: hazard.id, hazardCode: hazard.code },
      });
      return 1;
    });
  }
  return opened;
}

export { isValidOn };

// ---- .xlsx: the import template, the import, the export ----

export async function certificateTemplate(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  requireManager(actor, enterpriseId);
  const rules = await rulesOf(db, enterpriseId);
  const buffer = await IMPORT_SHEET.template({
    notes: {
      title: '证书信息导入说明', widths: [16, 90],
      intro: ['请在“证书信息”工作表中从第 2 行起每行填写一张证书；持证人须已在本企业员工名单中（按身份证号和姓名对应）。'],
      extra: [
        ['证书类型', rules.types.map((c) => c.name).join('、')],
        ['导入方式', '“严格导入”：只要有一行错误就不导入任何数据，并列出每个错误的行号和列名；“仅导入正确行”：导入没有错误的行，并列出出错的行。'],
      ],
    },
  });
  return { filename: '证书导入模板.xlsx', fallbackName: 'certificate-import-template.xlsx', buffer };
}

/**
 * Imports certificates (issue 13 §2): every row checked first (holder by ID number and name, type by the catalogue,
 * dates, numbers not repeated in the file nor the enterprise); `strict` imports nothing if a row is wrong. The records,
 * their duties and one audit row share one transaction.
 */
export async function importCertificates(db: Db, ctx: Ctx, idSecret: string, enterpriseId: string, mode: 'strict' | 'valid', upload: Upload | null): Promise<ImportReport> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  requireManager(actor, enterpriseId);
  const { filename, sheet: rows } = await readXlsxUpload(upload, readCertificates);
  const rules = await rulesOf(db, enterpriseId);
  const today = localDay(ctx.now);
  const normalizeId = (v: string) => (isValidIdNumber(v) ? normalizeIdNumber(v) : null);
  const ids = [...new Set(rows.map((r) => normalizeId(String(r.cells.idNumber ?? ''))).filter((v): v is string => v !== null))];
  const hashOf = new Map(ids.map((id) => [id, hashIdNumber(id, idSecret)]));
  const holders = new Map((await holdersByHash(db, actor.scope, enterpriseId, [...hashOf.values()])).map((h) => [h.id_number_hash, { id: h.id, name: h.name }]));
  const checked = validateCertificateRows(rows, {
    holderOf: (id) => holders.get(hashOf.get(id) ?? ''), resolveType: (w) => typeOfPost(rules.types, w), normalizeId, today,
  });
  // The checks that need the rule-set or the database (dates against the periods, a number already recorded) are row errors too.
  const kept: typeof checked.valid = [];
  for (const r of checked.valid) {
    const issues: { path: string; message: string; params?: Record<string, string | number> }[] = [];
    try {
      certificateDates(rules, { kind: r.type.kind, typeCode: r.type.code, issuedOn: r.issuedOn, validUntil: r.validUntil, nextReviewOn: r.nextReviewOn, extendedReview: false }, today, 'row');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      issues.push(...e.issues);
    }
    if (await numberTaken(db, enterpriseId, r.type.kind, r.number)) issues.push({ path: 'row.number', message: 'certificates.numberTaken' });
    if (!issues.length) { kept.push(r); continue; }
    const column = (path: string) => ({ 'row.validUntil': '有效期至', 'row.nextReviewOn': '下次复审日期', 'row.number': '证书编号', 'row.issuedOn': '发证日期' }[path] ?? '证书类型（作业类别）');
    checked.errors.push(...issues.map((i) => ({ row: r.row, column: column(i.path), message: i.message, ...(i.params ? { params: i.params } : {}) })));
    checked.errorRows++;
  }
  checked.valid = kept;
  checked.errors.sort((a, b) => a.row - b.row);
  const tr = (list: typeof checked.errors) => list.map((e) => ({ row: e.row, column: e.column, message: t(ctx.locale, e.message, e.params) }));
  const report = (imported: number, message: string): ImportReport => ({
    total: rows.length, validCount: checked.valid.length, errorCount: checked.errorRows, imported, errors: tr(checked.errors), message,
  });
  if (mode === 'strict' && checked.errorRows > 0) return report(0, t(ctx.locale, 'import.hasErrors', { count: checked.errorRows }));
  if (checked.valid.length === 0) return report(0, t(ctx.locale, 'import.nothingValid'));
  await db.transaction().execute(async (tx) => {
    for (const r of checked.valid) {
      await addCertificate(tx, ctx, actor, enterpriseId, rules, {
        employeeId: r.employeeId, kind: r.type.kind, typeCode: r.type.code, number: r.number, issuer: r.issuer, issuedOn: r.issuedOn, validUntil: r.validUntil,
        nextReviewOn: r.nextReviewOn, extendedReview: false, attachmentId: null, note: '',
      }, r.employeeName, `rows.${r.row}`);
    }
    await writeAudit(tx, ctx, { action: 'certificate.import', entityType: 'enterprise', entityId: enterpriseId, enterpriseId, after: { count: checked.valid.length, mode, file: filename } });
  });
  const imported = checked.valid.length;
  return report(imported, checked.errorRows > 0
    ? t(ctx.locale, 'import.partial', { count: imported, errors: checked.errorRows })
    : t(ctx.locale, 'import.done', { count: imported }));
}

/** The register's export: every certificate the list shows with the same filters. */
export const certificatesExport = defineExport<{ enterpriseId: string; q: Omit<CertificateListQuery, 'page' | 'pageSize'> }>({
  kind: 'certificates', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => {
    const actor = requireActor(ctx);
    await requireEnterpriseInScope(db, actor, p.enterpriseId);
    const today = localDay(ctx.now);
    const rules = await rulesOf(db, p.enterpriseId);
    return (await certificatePage(db, actor.scope, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 } as CertificateListQuery, { today, soonUntil: addLocalDays(today, rules.soonDays) })).page.total;
  },
  run: async (db, ctx, p, progress) => {
    const actor = requireActor(ctx);
    await requireEnterpriseInScope(db, actor, p.enterpriseId);
    const today = localDay(ctx.now);
    const rules = await rulesOf(db, p.enterpriseId);
    const rows = await allCertificates(db, actor.scope, p.enterpriseId, p.q, { today, soonUntil: addLocalDays(today, rules.soonDays) });
    const STATE_NAMES: Record<string, string> = { valid: '有效', review_due: '待复审', expiring: '即将到期', review_overdue: '复审逾期（失效）', expired: '已过期', revoked: '已注销' };
    const buffer = await EXPORT_SHEET.write(withProgress(rows.map((r) => {
      const s = summaryOf(r as CertificateRow, rules, today);
      return {
        employeeName: s.employeeName, orgUnitName: s.orgUnitName, kind: kindName(s.kind), typeName: s.typeName, number: s.number, issuer: s.issuer, issuedOn: s.issuedOn,
        validUntil: s.validUntil, nextReviewOn: s.nextReviewOn, state: STATE_NAMES[s.state] ?? s.state,
      };
    }), progress));
    const date = fileDate(ctx.now);
    return { filename: `证书台账-${date}.xlsx`, fallbackName: `certificates-${date}.xlsx`, buffer };
  },
});
