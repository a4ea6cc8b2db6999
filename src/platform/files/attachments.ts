import { createHash } from 'node:crypto';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor, Ctx } from '../auth/actor';
import { isEnterpriseManager } from '../auth/policy';
import { writeAudit } from '../audit/audit';
import type { Executor, Tx } from '../db/database';
import { enterpriseInScope } from '../db/scope';
import { AppError, notFound } from '../errors';
import { registerMessages } from '../i18n/messages';
import { KINDS, type Accepted, type AttachmentKind, type Prechecked } from './kinds';

/*
 * Issue 8 §3: the attachments store, the one owner of file rules. A file is accepted under its kind's rules
 * (platform/files/kinds.ts: types judged by content, size, pixels, metadata stripped), stored in the enterprise's rows
 * (a database backup holds it) within the enterprise's quota, linked to any record by owner type and id, and audited
 * on every write. It is seen by whoever sees a record it is attached to (each owner type registers that rule, its
 * resource's `visibleTo`), or by the account that uploaded it while it is attached to nothing. A file the owner has
 * locked (it belongs to a submitted or fulfilled record) is never deleted: the service refuses, and so does the
 * database (trigger `attachments_locked`, migration 0040).
 *
 * Issue 14 §4: deferred processing. A caller that must answer fast (a quick accident report from a phone) stores files
 * `deferred`: they are judged in the request only by what needs no decoding (type by the bytes, size, the header's
 * pixel count), stored `pending` with their upload in quarantine (served to nobody), and the job `attachments.process`
 * (deferred.ts), enqueued in the same transaction, judges them in full and re-encodes them as a request would have
 * (D16: metadata, GPS among it, stripped), then marks each `ready` — or `rejected` when it does not decode, the record
 * it belongs to keeping its link so the people who see the record see that. A pending or rejected file is not served:
 * asking for its bytes answers 409 with the reason ATTACHMENT_PENDING or ATTACHMENT_REJECTED.
 */

export type { AttachmentKind } from './kinds';

/**
 * D21: the files an enterprise may keep, in stored bytes (after metadata is stripped): 2 GiB, some 7,000 phone
 * photos of 300 KB. An upload that would pass it is refused (413); the platform deletes no file on its own, as
 * photos are evidence of hazards and checks.
 */
export const ATTACHMENT_QUOTA_BYTES = 2 * 1024 ** 3;

/** A record files are attached to; `role` is the owner's own label (a hazard photo's stage). */
export type Owner = { type: string; id: string };
export type NewFile = { buffer: Buffer; name?: string };
/** A file already judged and re-encoded for its kind (prepareFiles), ready to store. */
export type PreparedFile = NewFile & { prepared: { kind: AttachmentKind; accepted: Accepted } };
export type StoredFile = {
  id: string; kind: AttachmentKind; mime: string; size: number; width: number | null; height: number | null; takenAt: Date | null; name: string; state: FileState;
};
/** `pending`: waiting for the processing job (deferred.ts); `rejected`: it did not decode, and has no bytes. */
export type FileState = 'pending' | 'ready' | 'rejected';
/** The job that processes pending files (deferred.ts), written in the storing transaction. */
export const ATTACHMENT_PROCESS_JOB = 'attachments.process';
type Viewer = Pick<Actor, 'scope' | 'userId'>;

export type OwnerRules = {
  /**
   * The owner's own visibility rule, as a condition on the link row (alias `link`: `enterprise_id`, `owner_id`): the
   * resource's `visibleTo(scope)` expression over the record the file is attached to.
   */
  visibleTo(viewer: Viewer, link: string): RawBuilder<SqlBool>;
  /** Linking a file to this owner is submitting it (a hazard report, a check run): the file is locked at once. */
  lockOnLink?: boolean;
};

const owners = new Map<string, OwnerRules>();

/**
 * Each owning module declares, once at load, how a file attached to its records is seen. A file attached to an owner
 * type nobody registered is seen by no one but its uploader.
 */
export function registerAttachmentOwner(type: string, rules: OwnerRules): void {
  if (owners.has(type) && owners.get(type) !== rules) throw new Error(`attachment owner ${type} is registered twice`);
  owners.set(type, rules);
}

registerMessages({
  'zh-CN': {
    'attachment.tooLarge': '文件不能超过 {max} MB',
    'attachment.quota': '本企业文件存储已达上限（{quota} GB），无法继续上传',
    'attachment.document.type': '文件只支持 PDF 或 Word 文档（.docx）',
    'attachment.spreadsheet.type': '文件只支持 Excel 工作簿（.xlsx）',
    'attachment.locked': '该文件属于已提交或已完成的记录，不能删除',
    'attachment.notYours': '只能删除自己上传的文件',
    'attachment.missing': '请选择要上传的文件',
    'attachment.signature.type': '签名只支持 PNG 图片',
    'attachment.video.type': '视频只支持 MP4、MOV 或 WebM 格式',
    'attachment.signature.tooLarge': '签名图片不能超过 200 KB',
    'attachment.pending': '照片正在处理中，请稍后刷新查看',
    'attachment.rejected': '该照片无法识别（文件损坏或格式不符），未能保存',
  },
  'en-US': {
    'attachment.tooLarge': 'A file may not exceed {max} MB',
    'attachment.quota': "The enterprise's file storage is full ({quota} GB): no more files can be uploaded",
    'attachment.document.type': 'Only PDF files and Word documents (.docx) are accepted',
    'attachment.spreadsheet.type': 'Only Excel workbooks (.xlsx) are accepted',
    'attachment.locked': 'This file belongs to a submitted or completed record and cannot be deleted',
    'attachment.notYours': 'You can delete only files you uploaded',
    'attachment.missing': 'Choose a file to upload',
    'attachment.signature.type': 'A signature must be a PNG image',
    'attachment.video.type': 'Only MP4, MOV and WebM videos are accepted',
    'attachment.signature.tooLarge': 'A signature image may not exceed 200 KB',
    'attachment.pending': 'The photo is still being processed: refresh in a moment',
    'attachment.rejected': 'The photo could not be read (damaged or not an image) and was not kept',
  },
});

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * The audit rows name a photo as they always have (`photo.upload`, entity `photo`), every other kind `attachment`
 * (`attachment.upload`, `.link`, `.lock`, `.delete`).
 */
const entityOf = (kind: AttachmentKind) => (kind === 'photo' ? 'photo' : 'attachment');

/** The 413 of a file over its kind's size limit. */
export function fileTooLarge(kind: AttachmentKind, path = 'body.file'): AppError {
  const rules = KINDS[kind];
  const params = { max: rules.maxBytes / 1024 / 1024 };
  return new AppError('PAYLOAD_TOO_LARGE', { messageKey: rules.tooLargeKey, params, issues: [{ path, message: rules.tooLargeKey, params }] });
}

/**
 * Judges one file under its kind's rules: 413 over the size limit, 415 when its content is not a type the kind
 * accepts. Returns the bytes to store.
 */
export async function acceptFile(kind: AttachmentKind, buffer: Buffer, now: Date, path = 'body.file'): Promise<Accepted> {
  const rules = KINDS[kind];
  if (buffer.length > rules.maxBytes) throw fileTooLarge(kind, path);
  if (buffer.length === 0) throw new AppError('VALIDATION', { issues: [{ path, message: 'attachment.missing' }] });
  const accepted = await rules.accept(buffer, now);
  if (!accepted.ok) {
    const params = accepted.params ?? {};
    throw new AppError('UNSUPPORTED_FILE', { messageKey: accepted.messageKey, params, issues: [{ path, message: accepted.messageKey, params }] });
  }
  return accepted;
}

/**
 * Issue 14 §4: judges one file by what needs no decoding, for a kind that may be processed later (its `precheck`):
 * 413 over the size limit, 415 when its bytes are not a type the kind accepts or its header declares too many pixels.
 */
export function precheckFile(kind: AttachmentKind, buffer: Buffer, path = 'body.file'): Prechecked {
  const rules = KINDS[kind];
  if (!rules.precheck) throw new Error(`files of kind ${kind} cannot be processed later`);
  if (buffer.length > rules.maxBytes) throw fileTooLarge(kind, path);
  if (buffer.length === 0) throw new AppError('VALIDATION', { issues: [{ path, message: 'attachment.missing' }] });
  const checked = rules.precheck(buffer);
  if (!checked.ok) {
    const params = checked.params ?? {};
    throw new AppError('UNSUPPORTED_FILE', { messageKey: checked.messageKey, params, issues: [{ path, message: checked.messageKey, params }] });
  }
  return checked;
}

/**
 * Judges files of one kind and re-encodes their images (D16) before the caller opens its transaction, all at once on
 * libuv's threads: decoding holds no row lock and, on the embedded engine, no connection other requests wait for.
 * Throws the 413/415 of the first file refused.
 */
export async function prepareFiles(kind: AttachmentKind, files: NewFile[], now: Date, path = 'body.file'): Promise<PreparedFile[]> {
  const accepted = await Promise.all(files.map((f) => acceptFile(kind, f.buffer, now, path).then((a) => a, (e: unknown) => e as Error)));
  const refused = accepted.find((a): a is Error => a instanceof Error);
  if (refused) throw refused;
  return files.map((f, i) => ({ ...f, prepared: { kind, accepted: accepted[i] as Accepted } }));
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const EMPTY = Buffer.alloc(0);

/**
 * Stores files of one kind in the enterprise's rows, within its quota, each with its audit row, and links them to
 * `owner` when one is given; returns them in order. Runs inside the caller's transaction. With `deferred` (a kind with
 * a precheck), the files are only prechecked here and stored pending, their uploads in quarantine, with the job that
 * processes them; the quota counts their uploaded size until then.
 */
export async function storeFiles(tx: Tx, ctx: Ctx, enterpriseId: string, kind: AttachmentKind, files: (NewFile | PreparedFile)[], owner?: Owner & { role?: string },
  opts: { deferred?: boolean; path?: string } = {}): Promise<StoredFile[]> {
  if (files.length === 0) return [];
  const ready = (f: NewFile | PreparedFile) => ('prepared' in f && f.prepared.kind === kind ? f.prepared.accepted : null);
  const accepted: Accepted[] = opts.deferred
    ? files.map((f) => {
      const c = precheckFile(kind, f.buffer, opts.path);
      return { ok: true, mime: c.mime, data: f.buffer, width: c.width, height: c.height, takenAt: null };
    })
    : files.every(ready) ? files.map((f) => ready(f)!) : (await prepareFiles(kind, files, ctx.now, opts.path)).map((f) => f.prepared.accepted);
  const state: FileState = opts.deferred ? 'pending' : 'ready';
  const adding = accepted.reduce((n, p) => n + p.data.length, 0);
  // D21: the enterprise's row is locked, so two uploads at once cannot both pass the quota.
  await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forNoKeyUpdate().executeTakeFirst();
  const used = await tx.selectFrom('attachments').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), eb.val('0')).as('bytes'))
    .where('enterprise_id', '=', enterpriseId).where('state', '<>', 'rejected').executeTakeFirstOrThrow();
  if (Number(used.bytes) + adding > ATTACHMENT_QUOTA_BYTES) {
    const rules = KINDS[kind];
    const params = { quota: ATTACHMENT_QUOTA_BYTES / 1024 ** 3 };
    throw new AppError('PAYLOAD_TOO_LARGE', { messageKey: rules.quotaKey, params, reason: rules.quotaReason, issues: [{ path: 'body.file', message: rules.quotaKey, params }] });
  }
  // A pending file's served bytes stay empty: its upload is kept apart, in quarantine.
  const rows = accepted.map((p, i) => ({
    enterprise_id: enterpriseId, kind, mime: p.mime, size: p.data.length, sha256: sha256(p.data), data: opts.deferred ? EMPTY : p.data, name: (files[i]!.name ?? '').slice(0, 200),
    width: p.width, height: p.height, taken_at: p.takenAt, uploaded_by: ctx.actor?.userId ?? null, created_at: ctx.now, state,
  }));
  const inserted = await tx.insertInto('attachments').values(rows).returning('id').execute();
  const stored = inserted.map((r, i): StoredFile => ({
    id: r.id, kind, mime: rows[i]!.mime, size: rows[i]!.size, width: rows[i]!.width, height: rows[i]!.height, takenAt: rows[i]!.taken_at, name: rows[i]!.name, state,
  }));
  if (opts.deferred) {
    await tx.insertInto('attachment_quarantine').values(stored.map((f, i) => ({ enterprise_id: enterpriseId, attachment_id: f.id, data: accepted[i]!.data, created_at: ctx.now }))).execute();
    // As the job runner's `enqueue` writes it, in this transaction: the files are never pending without their job.
    await tx.insertInto('jobs').values({ name: ATTACHMENT_PROCESS_JOB, payload: JSON.stringify({ enterpriseId, ids: stored.map((f) => f.id) }), run_at: ctx.now }).execute();
  }
  // The audit row keeps the size that was sent; the row holds the stored (stripped) size.
  for (const [i, f] of stored.entries()) {
    const entityType = entityOf(kind);
    await writeAudit(tx, ctx, {
      action: `${entityType}.upload`, entityType, entityId: f.id, enterpriseId,
      after: { ...(kind === 'photo' ? {} : { kind }), mime: f.mime, size: files[i]!.buffer.length, ...(f.name ? { name: f.name } : {}), ...(opts.deferred ? { state } : {}) },
    });
  }
  if (owner) await linkFiles(tx, ctx, enterpriseId, owner, stored.map((f) => f.id), { kind, role: owner.role });
  return stored;
}

/**
 * Attaches files of the enterprise to a record, each new link with its audit row; a link already there is kept as it
 * is. Ids that are not files of the enterprise (of `kind`, when given) are refused on `path`. An owner type that
 * locks on link (a submitted record) locks the files.
 */
export async function linkFiles(tx: Tx, ctx: Ctx, enterpriseId: string, owner: Owner, ids: string[],
  opts: { kind?: AttachmentKind; role?: string; path?: string } = {}): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  let q = tx.selectFrom('attachments').select(['id', 'kind']).where('enterprise_id', '=', enterpriseId).where('id', 'in', unique);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  const found = await q.execute();
  const kindOf = new Map(found.map((f) => [f.id, f.kind]));
  if (found.length !== unique.length) throw new AppError('VALIDATION', { issues: [{ path: opts.path ?? 'body.photoIds', message: 'error.NOT_FOUND' }] });
  const added = await tx.insertInto('attachment_links')
    .values(unique.map((id) => ({ enterprise_id: enterpriseId, attachment_id: id, owner_type: owner.type, owner_id: owner.id, role: opts.role ?? '', created_at: ctx.now })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'owner_type', 'owner_id', 'attachment_id']).doNothing())
    .returning('attachment_id').execute();
  // Linked to a submitted record, the files are locked with the link: its audit row says so (no row of its own).
  const lock = owners.get(owner.type)?.lockOnLink === true;
  if (lock) {
    await tx.updateTable('attachments').set({ locked: true }).where('enterprise_id', '=', enterpriseId).where('id', 'in', unique).where('locked', '=', false).execute();
  }
  for (const { attachment_id } of added) {
    const entityType = entityOf(kindOf.get(attachment_id)!);
    await writeAudit(tx, ctx, {
      action: `${entityType}.link`, entityType, entityId: attachment_id, enterpriseId,
      after: { ownerType: owner.type, ownerId: owner.id, role: opts.role ?? '', ...(lock ? { locked: true } : {}) },
    });
  }
}

/**
 * Locks every file attached to a record: the owner calls it when the record is submitted or fulfilled. From then on
 * the files are never deleted nor taken off the record (the database refuses it too).
 */
export async function lockFiles(tx: Tx, ctx: Ctx, enterpriseId: string, owner: Owner): Promise<number> {
  const locked = await tx.updateTable('attachments').set({ locked: true })
    .where('enterprise_id', '=', enterpriseId).where('locked', '=', false)
    .where('id', 'in', (eb) => eb.selectFrom('attachment_links').select('attachment_id')
      .where('enterprise_id', '=', enterpriseId).where('owner_type', '=', owner.type).where('owner_id', '=', owner.id))
    .returning(['id', 'kind']).execute();
  for (const { id, kind } of locked) {
    const entityType = entityOf(kind);
    await writeAudit(tx, ctx, { action: `${entityType}.lock`, entityType, entityId: id, enterpriseId, after: { ownerType: owner.type, ownerId: owner.id } });
  }
  return locked.length;
}

/**
 * D11 and issue 8 §3: a file follows the visibility of the records it is attached to. It is visible where its
 * enterprise is in scope and either a record it is attached to is visible (by that owner type's registered rule) or,
 * attached to nothing yet, the viewer uploaded it.
 */
export function attachmentVisibleTo(viewer: Viewer, alias = 'a'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const rules = [...owners.entries()].map(([type, r]) => sql<SqlBool>`(vl.owner_type = ${type} and ${r.visibleTo(viewer, 'vl')})`);
  const viaOwner = rules.length ? sql.join(rules, sql` or `) : sql<SqlBool>`false`;
  return sql<SqlBool>`(${inScope} and (
    (${ref(alias, 'uploaded_by')} = ${viewer.userId} and not exists (select 1 from attachment_links ul
      where ul.enterprise_id = ${ref(alias, 'enterprise_id')} and ul.attachment_id = ${ref(alias, 'id')}))
    or exists (select 1 from attachment_links vl where vl.enterprise_id = ${ref(alias, 'enterprise_id')} and vl.attachment_id = ${ref(alias, 'id')}
      and (${viaOwner}))))`;
}

/** PGlite hands bytea back as a Uint8Array, the server as a Buffer. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * One file with its bytes, if the viewer may see it (and it is of `kind`, when given); undefined otherwise. A file
 * still pending, or rejected by its processing, has no bytes to serve: 409 (STATE) with the reason ATTACHMENT_PENDING
 * or ATTACHMENT_REJECTED, to a viewer who may see it.
 */
export async function loadFile(db: Executor, viewer: Viewer, enterpriseId: string, id: string, kind?: AttachmentKind) {
  let q = db.selectFrom('attachments as a').select(['a.id', 'a.kind', 'a.mime', 'a.data', 'a.size', 'a.name', 'a.state'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id).where(attachmentVisibleTo(viewer, 'a'));
  if (kind) q = q.where('a.kind', '=', kind);
  const row = await q.executeTakeFirst();
  if (row?.state === 'pending') throw new AppError('STATE', { messageKey: 'attachment.pending', reason: 'ATTACHMENT_PENDING' });
  if (row?.state === 'rejected') throw new AppError('STATE', { messageKey: 'attachment.rejected', reason: 'ATTACHMENT_REJECTED' });
  return row && { id: row.id, kind: row.kind, mime: row.mime, size: row.size, name: row.name, data: asBuffer(row.data) };
}

/** The files attached to one record, oldest first (without their bytes). */
export async function filesOf(db: Executor, enterpriseId: string, owner: Owner) {
  return db.selectFrom('attachment_links as l')
    .innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['a.id', 'a.kind', 'a.mime', 'a.size', 'a.name', 'a.width', 'a.height', 'a.taken_at', 'a.locked', 'a.created_at', 'a.state', 'l.role'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', '=', owner.type).where('l.owner_id', '=', owner.id)
    .orderBy('l.created_at').orderBy('a.id').execute();
}

/**
 * Deletes a file, with its audit row. Refused when it is locked (STATE, reason ATTACHMENT_LOCKED); when `actor` is
 * given (a person asked, not an owner cleaning up), only the uploader or a manager of the enterprise may, and only
 * a file the actor can see.
 */
export async function deleteFile(tx: Tx, ctx: Ctx, enterpriseId: string, id: string, opts: { actor?: Actor; kind?: AttachmentKind } = {}): Promise<void> {
  let q = tx.selectFrom('attachments as a').select(['a.id', 'a.kind', 'a.mime', 'a.size', 'a.sha256', 'a.name', 'a.locked', 'a.uploaded_by'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id);
  if (opts.actor) q = q.where(attachmentVisibleTo(opts.actor, 'a'));
  if (opts.kind) q = q.where('a.kind', '=', opts.kind);
  const row = await q.forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  if (opts.actor && row.uploaded_by !== opts.actor.userId && !isEnterpriseManager(opts.actor, enterpriseId)) {
    throw new AppError('FORBIDDEN', { messageKey: 'attachment.notYours' });
  }
  if (row.locked) throw new AppError('STATE', { messageKey: 'attachment.locked', reason: 'ATTACHMENT_LOCKED' });
  await tx.deleteFrom('attachments').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
  const entityType = entityOf(row.kind);
  await writeAudit(tx, ctx, {
    action: `${entityType}.delete`, entityType, entityId: id, enterpriseId,
    before: { kind: row.kind, mime: row.mime, size: row.size, sha256: row.sha256, ...(row.name ? { name: row.name } : {}) },
  });
}
