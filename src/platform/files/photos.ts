import type { Ctx } from '../auth/actor';
import type { Executor, Tx } from '../db/database';
import { AppError } from '../errors';
import { ATTACHMENT_QUOTA_BYTES, filesOf, linkFiles, prepareFiles, storeFiles, type Owner, type PreparedFile } from './attachments';
import { checkPhotoBytes, PHOTO_MAX_BYTES } from './kinds';
import type { RasterMime } from './images';

/*
 * Photos (hazard and check evidence) are attachments of kind `photo` (platform/files/attachments.ts, kinds.ts): the
 * helpers here keep the names the hazard and check modules call them by.
 */

export { PHOTO_MAX_BYTES };
/** D21: the enterprise's quota, shared by all its files. */
export const PHOTO_QUOTA_BYTES = ATTACHMENT_QUOTA_BYTES;
export type PhotoMime = RasterMime;
export type SavedPhoto = { id: string; mime: PhotoMime; size: number; takenAt: Date | null };

/** D21: judges a photo before anything is written (a check run checks all its photos first); throws 413/415. */
export function checkPhoto(buf: Buffer): PhotoMime {
  if (buf.length > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const check = checkPhotoBytes(buf);
  if (check.ok) return check.mime;
  const params = check.params ?? {};
  throw new AppError('UNSUPPORTED_FILE', { messageKey: check.messageKey, params, issues: [{ path: 'body.photos', message: check.messageKey, params }] });
}

/**
 * D16: photos judged and re-encoded before the caller's transaction opens (attachments.ts prepareFiles); 413/415 on the
 * first refused, on `path`.
 */
export function preparePhotos(files: Buffer[], now: Date, path = 'body.photos'): Promise<PreparedFile[]> {
  return prepareFiles('photo', files.map((buffer) => ({ buffer })), now, path);
}

/**
 * Stores photos in the enterprise's rows (a database backup holds them), stripped of metadata, within the
 * enterprise's quota, each audited; linked to `owner` (and so locked, for a submitted record) when one is given.
 */
export async function savePhotos(tx: Tx, ctx: Ctx, enterpriseId: string, files: (Buffer | PreparedFile)[], owner?: Owner & { role?: string }): Promise<SavedPhoto[]> {
  const stored = await storeFiles(tx, ctx, enterpriseId, 'photo', files.map((f) => (Buffer.isBuffer(f) ? { buffer: f } : f)), owner);
  return stored.map((f) => ({ id: f.id, mime: f.mime as PhotoMime, size: f.size, takenAt: f.takenAt }));
}

/** Photo ids given by a client must be photos of the same enterprise (400 on `path` otherwise). */
export async function requirePhotos(db: Executor, enterpriseId: string, ids: string[], path = 'body.photoIds'): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db.selectFrom('attachments').select('id').where('enterprise_id', '=', enterpriseId).where('kind', '=', 'photo').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('VALIDATION', { issues: [{ path, message: 'error.NOT_FOUND' }] });
}

/** Attaches uploaded photos to a record (`role`: the owner's label, a hazard photo's stage), audited. */
export async function linkPhotos(tx: Tx, ctx: Ctx, enterpriseId: string, owner: Owner, ids: string[], role: string): Promise<void> {
  await linkFiles(tx, ctx, enterpriseId, owner, ids, { kind: 'photo', role });
}

/** The photos attached to a record, in the order they were attached, with their role. */
export async function photosOf(db: Executor, enterpriseId: string, owner: Owner): Promise<{ id: string; role: string }[]> {
  const files = await filesOf(db, enterpriseId, owner);
  return files.filter((f) => f.kind === 'photo').map((f) => ({ id: f.id, role: f.role }));
}
