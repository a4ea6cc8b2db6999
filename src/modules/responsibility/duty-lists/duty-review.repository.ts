import { sql } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, requireInScope } from '../../../platform/db/scope';

/*
 * R-RESP-5 "梳理完善": the yearly review records and the versions made in them (migration 0084). A review belongs to
 * the whole enterprise; its readers are filtered by the enterprise scope.
 */

export type ReviewRow = Awaited<ReturnType<typeof listReviewRows>>[number];

function reviewSelect(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('duty_reviews as r')
    .select(['r.id', 'r.year', 'r.reviewer_name', 'r.reviewed_on', 'r.changed', 'r.reason', 'r.created_at', 'r.signed_at', 'r.signed_by', 'r.signature_id',
      sql<string | null>`(select un.display_name from users un where un.id = r.signed_by)`.as('signed_by_name')])
    .where('r.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'r.enterprise_id'));
}

/** The enterprise's reviews, newest first. */
export async function listReviewRows(db: Executor, scope: Scope, enterpriseId: string) {
  return reviewSelect(db, scope, enterpriseId).orderBy('r.reviewed_on', 'desc').orderBy('r.created_at', 'desc').orderBy('r.id').execute();
}

export async function findReview(db: Executor, scope: Scope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = reviewSelect(db, scope, enterpriseId).where('r.id', '=', id);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The versions each review names, with their list's name. */
export async function reviewVersions(db: Executor, scope: Scope, enterpriseId: string, reviewIds: readonly string[]) {
  if (!reviewIds.length) return [];
  return db.selectFrom('duty_review_versions as rv')
    .innerJoin('duty_list_versions as v', (j) => j.onRef('v.enterprise_id', '=', 'rv.enterprise_id').onRef('v.list_id', '=', 'rv.list_id').onRef('v.version', '=', 'rv.version'))
    .innerJoin('duty_lists as l', (j) => j.onRef('l.enterprise_id', '=', 'rv.enterprise_id').onRef('l.id', '=', 'rv.list_id'))
    .select(['rv.review_id', 'rv.list_id', 'rv.version', 'v.effective_on', 'l.name'])
    .where('rv.enterprise_id', '=', enterpriseId).where('rv.review_id', 'in', reviewIds).where(enterpriseInScope(scope, 'rv.enterprise_id'))
    .orderBy('l.name').orderBy('rv.version').execute();
}

export async function insertReview(tx: Tx, scope: Scope, enterpriseId: string, row: {
  year: number; reviewerUserId: string; reviewerName: string; reviewedOn: string; changed: boolean; reason: string; at: Date; versions: readonly { listId: string; version: number }[];
}): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('duty_reviews').values({
    enterprise_id: enterpriseId, year: row.year, reviewer_user_id: row.reviewerUserId, reviewer_name: row.reviewerName, reviewed_on: row.reviewedOn,
    changed: row.changed, reason: row.reason, created_by: row.reviewerUserId, created_at: row.at,
  }).returning('id').executeTakeFirstOrThrow();
  if (row.versions.length) {
    await tx.insertInto('duty_review_versions').values(row.versions.map((v) => ({ enterprise_id: enterpriseId, review_id: r.id, list_id: v.listId, version: v.version }))).execute();
  }
  return r.id;
}

export async function markReviewSigned(tx: Tx, scope: Scope, enterpriseId: string, id: string, by: string, at: Date, signatureId: string | null): Promise<void> {
  await tx.updateTable('duty_reviews').set({ signed_by: by, signed_at: at, signature_id: signatureId })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('signed_at', 'is', null).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteReviewRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('duty_reviews').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}
