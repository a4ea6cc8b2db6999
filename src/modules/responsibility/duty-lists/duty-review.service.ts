import { requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { signDocument, verifySigner, type OwnSignature } from '../../../platform/signatures';
import { localDay } from '../../../platform/time';
import { fulfilByRecord } from '../../obligations';
import { publishedVersions } from './duty-list.repository';
import type { ReviewCreate } from './duty-list.schema';
import { guardManageDuties, mayManageDuties } from './duty-list.service';
import { deleteReviewRow, findReview, insertReview, listReviewRows, markReviewSigned, reviewVersions, type ReviewRow } from './duty-review.repository';

/*
 * R-RESP-5: "每年至少梳理完善一次本单位安全生产责任制" is a review. The safety manager or the principal records it —
 * who reviewed, on what day, whether anything changed (and if not, why not), and the new versions it made, which are
 * its evidence — and it fulfils the duty (`resp.ten.review`) only once the principal has signed it: a duty owed by
 * the principal is fulfilled by the principal's own act or signature. A signed review is never changed or deleted.
 */

const signedAlready = () => new AppError('STATE', { reason: 'SIGNED', messageKey: 'duty.review.signed' });

/** Only the enterprise's own principal signs its review: not a safety manager, not the district admin. */
function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && isEnterpriseManager(actor, enterpriseId);
}

function present(r: ReviewRow, versions: Awaited<ReturnType<typeof reviewVersions>>, actor: Actor, enterpriseId: string) {
  const signed = r.signed_at !== null;
  return {
    id: r.id, year: r.year, reviewerName: r.reviewer_name, reviewedOn: r.reviewed_on, changed: r.changed, reason: r.reason,
    versions: versions.filter((v) => v.review_id === r.id).map((v) => ({ listId: v.list_id, listName: v.name, version: v.version, effectiveOn: v.effective_on })),
    createdAt: r.created_at, signed, signedAt: r.signed_at, signedByName: r.signed_by_name,
    abilities: { canSign: !signed && isPrincipalOf(actor, enterpriseId), canDelete: !signed && mayManageDuties(actor, enterpriseId) },
  };
}

export async function listReviews(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listReviewRows(db, actor.scope, enterpriseId);
  const versions = await reviewVersions(db, actor.scope, enterpriseId, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, versions, actor, enterpriseId)), canCreate: mayManageDuties(actor, enterpriseId) };
}

export async function getReview(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const row = await findReview(db, actor.scope, enterpriseId, id);
  if (!row) throw notFound();
  return present(row, await reviewVersions(db, actor.scope, enterpriseId, [id]), actor, enterpriseId);
}

export async function createReview(db: Db, ctx: Ctx, enterpriseId: string, input: ReviewCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    if (input.reviewedOn > localDay(ctx.now)) throw invalid('body.reviewedOn', 'duty.review.future');
    if (!input.changed && !input.reason) throw invalid('body.reason', 'duty.review.reasonRequired');
    if (input.changed && !input.versions.length) throw invalid('body.versions', 'duty.review.versionsRequired');
    const found = await publishedVersions(tx, actor.scope, enterpriseId, input.versions);
    const known = new Set(found.map((v) => `${v.list_id}:${v.version}`));
    const unknown = input.versions.findIndex((v) => !known.has(`${v.listId}:${v.version}`));
    if (unknown >= 0) throw invalid(`body.versions.${unknown}`, 'duty.review.versionUnknown');
    const versions = [...new Map(input.versions.map((v) => [`${v.listId}:${v.version}`, v])).values()];
    const year = Number(input.reviewedOn.slice(0, 4));
    const reviewId = await insertReview(tx, actor.scope, enterpriseId, {
      year, reviewerUserId: actor.userId, reviewerName: actor.displayName, reviewedOn: input.reviewedOn, changed: input.changed, reason: input.reason, at: ctx.now, versions,
    });
    await writeAudit(tx, ctx, { action: 'duty.review.create', entityType: 'duty_review', entityId: reviewId, enterpriseId, after: { year, reviewedOn: input.reviewedOn, changed: input.changed, reason: input.reason, versions } });
    return reviewId;
  });
  return getReview(db, ctx, enterpriseId, id);
}

/**
 * The principal's signature (R-RESP-5): the platform's e-signature, drawn on the pad or with his password, over the review as
 * recorded (its content hashed), and the yearly review duty fulfilled in the same transaction. Who may sign is decided
 * first (the enterprise's own principal, else 403), then the record (404, 409 `SIGNED`), then the password or the drawing
 * (400 at `body.password` / `body.imageAttachmentId`, counted and checked by the signature platform).
 */
export async function signReview(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: OwnSignature) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw forbidden();
  const seen = await findReview(db, actor.scope, enterpriseId, id);
  if (!seen) throw notFound();
  if (seen.signed_at) throw signedAlready();
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: input.method, password: input.password });
  await db.transaction().execute(async (tx) => {
    const row = await findReview(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!row) throw notFound();
    if (row.signed_at) throw signedAlready();
    const versions = await reviewVersions(tx, actor.scope, enterpriseId, [id]);
    const content = {
      enterpriseId, review: id, year: row.year, reviewer: row.reviewer_name, reviewedOn: row.reviewed_on, changed: row.changed, reason: row.reason,
      versions: versions.map((v) => ({ listId: v.list_id, list: v.name, version: v.version })),
    };
    const signature = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'duty_review', documentId: id, documentVersion: 1, content, signer, method: input.method,
      imageAttachmentId: input.imageAttachmentId, password: input.password, device: input.device, proof,
    });
    await markReviewSigned(tx, actor.scope, enterpriseId, id, actor.userId, ctx.now, signature.id);
    await writeAudit(tx, ctx, { action: 'duty.review.sign', entityType: 'duty_review', entityId: id, enterpriseId, after: { year: row.year, signedBy: actor.userId, signatureId: signature.id, contentSha256: signature.contentSha256 } });
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'resp.review', recordType: 'duty_review', recordId: id, at: ctx.now, byPrincipal: true });
  });
  return getReview(db, ctx, enterpriseId, id);
}

export async function deleteReview(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    const row = await findReview(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!row) throw notFound();
    if (row.signed_at) throw signedAlready();
    await deleteReviewRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'duty.review.delete', entityType: 'duty_review', entityId: id, enterpriseId, before: { year: row.year, reviewedOn: row.reviewed_on, changed: row.changed } });
  });
}
