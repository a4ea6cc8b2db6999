import { createHash } from 'node:crypto';
import type { Expression, SqlBool } from 'kysely';
import type { Ctx } from '../auth/actor';
import type { Executor, Tx } from '../db/database';
import { AppError } from '../errors';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The type is read from the bytes themselves, never from the file name or the client's content type. */
export function sniffPhoto(buf: Buffer): PhotoMime | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function checkPhoto(buf: Buffer): PhotoMime {
  if (buf.length > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const mime = sniffPhoto(buf);
  if (!mime) throw new AppError('UNSUPPORTED_FILE', { messageKey: 'validation.photo.type' });
  return mime;
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
