import type { Executor, Tx } from '../db/database';
import type { SubmissionVersionsTable } from '../db/schema';
import type { Insertable, Updateable } from 'kysely';

/**
 * One document: an enterprise's report of a kind for a subject (a year, a period…). A regulator's own document (the
 * subdistrict's annual aggregate) has `owner: 'subdistrict'`, and `enterpriseId` is then the subdistrict's id.
 */
export type DocRef = { enterpriseId: string; kind: string; subjectKey: string; owner?: 'enterprise' | 'subdistrict' };

const VERSION_COLUMNS = [
  'v.enterprise_id', 'v.kind', 'v.subject_key', 'v.version', 'v.status', 'v.input', 'v.revision', 'v.snapshot', 'v.snapshot_sha256',
  'v.confirmed_by', 'v.confirmed_at', 'v.submitted_by', 'v.submitted_at', 'v.pdf_sha256', 'v.pdf_rendered_at', 'v.created_by', 'v.created_at', 'v.updated_at',
] as const;

const ofDoc = (ref: DocRef) => ({ enterprise_id: ref.enterpriseId, kind: ref.kind, subject_key: ref.subjectKey });

/** The document's head row, created if there is none, locked until the transaction ends. */
export async function lockHead(tx: Tx, ref: DocRef, now: Date) {
  const created = await tx.insertInto('submissions').values({ ...ofDoc(ref), owner_type: ref.owner ?? 'enterprise', current_version: 1, created_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'kind', 'subject_key']).doNothing()).returning('current_version').executeTakeFirst();
  const head = await tx.selectFrom('submissions').selectAll()
    .where('enterprise_id', '=', ref.enterpriseId).where('kind', '=', ref.kind).where('subject_key', '=', ref.subjectKey)
    .forUpdate().executeTakeFirstOrThrow();
  return { head, created: created !== undefined };
}

export async function findHead(db: Executor, ref: DocRef) {
  return db.selectFrom('submissions').selectAll()
    .where('enterprise_id', '=', ref.enterpriseId).where('kind', '=', ref.kind).where('subject_key', '=', ref.subjectKey).executeTakeFirst();
}

export async function insertVersion(tx: Tx, ref: DocRef, v: Omit<Insertable<SubmissionVersionsTable>, 'enterprise_id' | 'kind' | 'subject_key' | 'pdf' | 'pdf_sha256' | 'pdf_rendered_at'>): Promise<void> {
  await tx.insertInto('submission_versions').values({ ...ofDoc(ref), ...v }).execute();
}

export async function updateVersion(tx: Tx, ref: DocRef, version: number, set: Updateable<SubmissionVersionsTable>): Promise<void> {
  await tx.updateTable('submission_versions').set(set)
    .where('enterprise_id', '=', ref.enterpriseId).where('kind', '=', ref.kind).where('subject_key', '=', ref.subjectKey).where('version', '=', version).execute();
}

export async function setHead(tx: Tx, ref: DocRef, set: { current_version?: number; submitted_version?: number; first_submitted_at?: Date }): Promise<void> {
  await tx.updateTable('submissions').set(set)
    .where('enterprise_id', '=', ref.enterpriseId).where('kind', '=', ref.kind).where('subject_key', '=', ref.subjectKey).execute();
}

/** Every version of a document with the names of who confirmed and submitted it (without the PDF bytes), oldest first. */
export async function listVersionRows(db: Executor, ref: DocRef) {
  return db.selectFrom('submission_versions as v')
    .leftJoin('users as c', 'c.id', 'v.confirmed_by')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .select([...VERSION_COLUMNS, 'c.display_name as confirmed_by_name', 's.display_name as submitted_by_name'])
    .where('v.enterprise_id', '=', ref.enterpriseId).where('v.kind', '=', ref.kind).where('v.subject_key', '=', ref.subjectKey)
    .orderBy('v.version').execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersionRows>>[number];

/** One version with its archived PDF, if any. */
export async function findVersionWithPdf(db: Executor, ref: DocRef, version: number) {
  return db.selectFrom('submission_versions as v')
    .leftJoin('users as c', 'c.id', 'v.confirmed_by')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .select([...VERSION_COLUMNS, 'v.pdf', 'c.display_name as confirmed_by_name', 's.display_name as submitted_by_name'])
    .where('v.enterprise_id', '=', ref.enterpriseId).where('v.kind', '=', ref.kind).where('v.subject_key', '=', ref.subjectKey)
    .where('v.version', '=', version).executeTakeFirst();
}

/** Archives a PDF rendered after submission; the lock trigger allows it once, while none is stored. */
export async function archivePdf(tx: Tx, ref: DocRef, version: number, pdf: Buffer, sha256: string, at: Date): Promise<boolean> {
  const r = await tx.updateTable('submission_versions').set({ pdf, pdf_sha256: sha256, pdf_rendered_at: at })
    .where('enterprise_id', '=', ref.enterpriseId).where('kind', '=', ref.kind).where('subject_key', '=', ref.subjectKey)
    .where('version', '=', version).where('pdf', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
