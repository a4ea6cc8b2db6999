import { createHash } from 'node:crypto';
import type { Expression, SqlBool } from 'kysely';
import type { Ctx } from '../auth/actor';
import type { Executor, Tx } from '../db/database';
import { AppError } from '../errors';
import { checkRaster, RASTER_MAX_PIXELS, RASTER_MAX_SIDE, type RasterMime } from './images';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export type PhotoMime = RasterMime;

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

/** Stores photos in the enterprise's rows (a database backup holds them); returns their ids in order. */
export async function savePhotos(tx: Tx, ctx: Ctx, enterpriseId: string, files: Buffer[]): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = files.map((data) => ({
    enterprise_id: enterpriseId, mime: checkPhoto(data), size: data.length, sha256: createHash('sha256').update(data).digest('hex'),
    data, uploaded_by: ctx.actor?.userId ?? null,
  }));
  const inserted = await tx.insertInto('photos').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
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
