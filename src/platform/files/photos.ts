import { createHash } from 'node:crypto';
import type { Expression, SqlBool } from 'kysely';
import type { Ctx } from '../auth/actor';
import type { Executor, Tx } from '../db/database';
import { AppError } from '../errors';
import { checkRaster, RASTER_MAX_PIXELS, RASTER_MAX_SIDE, type RasterMime } from './images';
import { stripMetadata } from './metadata';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/**
 * D21: the photos an enterprise may keep, in stored bytes (after metadata is stripped): 2 GiB, some 7,000 phone
 * photos of 300 KB. An upload that would pass it is refused (413, reason PHOTO_QUOTA); the platform deletes no photo
 * on its own, as photos are evidence of hazards and checks.
 */
export const PHOTO_QUOTA_BYTES = 2 * 1024 ** 3;
/** A capture time later than this after the upload is a wrong camera clock, and is not kept. */
const TAKEN_AT_SLACK_MS = 24 * 3600_000;
export type PhotoMime = RasterMime;
export type SavedPhoto = { id: string; mime: PhotoMime; size: number; takenAt: Date | null };

/** D21: the bytes decide the type, the whole header must parse for it, and the pixel count must be decodable. */
export function checkPhoto(buf: Buffer): PhotoMime {
  if (buf.length > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const check = checkRaster(buf, ['image/png', 'image/jpeg', 'image/webp']);
  if (check.ok) return check.mime;
  if (check.reason === 'pixels') {
    const params = { side: RASTER_MAX_SIDE, megapixels: RASTER_MAX_PIXELS / 1_000_000 };
    throw new AppError('UNSUPPORTED_FILE', { messageKey: 'validation.photo.pixels', params, issues: [{ path: 'body.photos', message: 'validation.photo.pixels', params }] });
  }
  throw new AppError('UNSUPPORTED_FILE', { messageKey: 'validation.photo.type' });
}

/**
 * D16/D21: the bytes a photo is stored as: its metadata (Exif with GPS, XMP, IPTC, comments, text chunks) stripped by
 * a walk over the file's structure, without decoding pixels, and its capture time read from the Exif before it goes.
 */
export function preparePhoto(buf: Buffer, now: Date): { mime: PhotoMime; data: Buffer; takenAt: Date | null } {
  const mime = checkPhoto(buf);
  const stripped = stripMetadata(buf, mime);
  if (!stripped.ok) throw new AppError('UNSUPPORTED_FILE', { messageKey: 'validation.photo.type' });
  const takenAt = stripped.takenAt && stripped.takenAt.getTime() <= now.getTime() + TAKEN_AT_SLACK_MS ? stripped.takenAt : null;
  return { mime, data: stripped.data, takenAt };
}

/**
 * Stores photos in the enterprise's rows (a database backup holds them), stripped of metadata, within the
 * enterprise's quota; returns them in order.
 */
export async function savePhotos(tx: Tx, ctx: Ctx, enterpriseId: string, files: Buffer[]): Promise<SavedPhoto[]> {
  if (files.length === 0) return [];
  const prepared = files.map((f) => preparePhoto(f, ctx.now));
  const adding = prepared.reduce((n, p) => n + p.data.length, 0);
  // D21: the enterprise's row is locked, so two uploads at once cannot both pass the quota.
  await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forNoKeyUpdate().executeTakeFirst();
  const used = await tx.selectFrom('photos').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), eb.val('0')).as('bytes'))
    .where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
  if (Number(used.bytes) + adding > PHOTO_QUOTA_BYTES) {
    const params = { quota: PHOTO_QUOTA_BYTES / 1024 ** 3 };
    throw new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'validation.photo.quota', params, reason: 'PHOTO_QUOTA', issues: [{ path: 'body.photos', message: 'validation.photo.quota', params }] });
  }
  const rows = prepared.map((p) => ({
    enterprise_id: enterpriseId, mime: p.mime, size: p.data.length, sha256: createHash('sha256').update(p.data).digest('hex'),
    data: p.data, taken_at: p.takenAt, uploaded_by: ctx.actor?.userId ?? null,
  }));
  const inserted = await tx.insertInto('photos').values(rows).returning('id').execute();
  return inserted.map((r, i) => ({ id: r.id, mime: prepared[i]!.mime, size: prepared[i]!.data.length, takenAt: prepared[i]!.takenAt }));
}

/** Photo ids given by a client must exist in the same enterprise. */
export async function requirePhotos(db: Executor, enterpriseId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('photos').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION', { issues: [{ path: 'body.photoIds', message: 'error.NOT_FOUND' }] });
}

/** One photo; `visible` is the owning module's rule over the row (alias `ph`), so a photo outside it is not found. */
export async function loadPhoto(db: Executor, enterpriseId: string, id: string, visible: Expression<SqlBool>) {
  return db.selectFrom('photos as ph').select(['ph.mime', 'ph.data', 'ph.size'])
    .where('ph.enterprise_id', '=', enterpriseId).where('ph.id', '=', id).where(visible).executeTakeFirst();
}
