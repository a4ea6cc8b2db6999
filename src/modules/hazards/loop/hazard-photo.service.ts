import { requireActor, type Ctx } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import type { Db } from '../../../platform/db/database';
import { deleteFile, loadFile } from '../../../platform/files/attachments';
import { notFound } from '../../../platform/errors';

/**
 * D11 and issue 8 §3: one photo's bytes, if the caller sees a hazard or check task it is attached to (or uploaded it
 * and it is attached to nothing yet); not found otherwise.
 */
export async function readPhoto(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const photo = await loadFile(db, actor, enterpriseId, id, 'photo');
  if (!photo) throw notFound();
  return photo;
}

/**
 * Deletes a photo uploaded by mistake (the uploader or a manager of the enterprise). Once attached to a hazard or a
 * check run it is locked evidence: refused (409, reason ATTACHMENT_LOCKED).
 */
export async function deletePhoto(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    await deleteFile(tx, ctx, enterpriseId, id, { actor, kind: 'photo' });
  });
}
