import { z } from 'zod';
import { requireActor, type Ctx } from '../auth/actor';
import type { Db } from '../db/database';
import { requireInScope } from '../db/scope';
import { AppError, forbidden } from '../errors';
import { fileTooLarge, prepareFiles, storeFiles } from '../files/attachments';
import { SIGNATURE_MAX_BYTES } from '../files/kinds';
import type { RouteModule } from '../http/app';
import { multipartBody } from '../http/multipart';
import { enterpriseParams } from '../http/route';

/**
 * The body of a route where the caller signs for themself (a review, a commitment, a notice): the drawn signature
 * (`pad`, the PNG uploaded first to …/signature-images) or their password (`password`, the default, so a body of only
 * `{ password }` stays valid), with the field its method needs (400 on that field, before anything is read).
 */
const ownSignatureFields = {
  method: z.enum(['pad', 'password']),
  imageAttachmentId: z.uuid().optional(),
  password: z.string().max(200).optional(),
  device: z.string().trim().max(200).optional(),
};

/** A password signature needs the password, a drawn one the uploaded drawing: refused at the edge (400) otherwise. */
function withSignatureRules<T extends z.ZodType<{ method: 'pad' | 'password'; imageAttachmentId?: string; password?: string }>>(schema: T) {
  return schema
    .refine((b) => b.method !== 'password' || !!b.password, { path: ['password'], message: 'validation.required' })
    .refine((b) => b.method !== 'pad' || !!b.imageAttachmentId, { path: ['imageAttachmentId'], message: 'validation.required' });
}

export const ownSignatureBody = withSignatureRules(z.object({ ...ownSignatureFields, method: ownSignatureFields.method.default('password') }));
export type OwnSignature = z.infer<typeof ownSignatureBody>;
/** The same, for a document edited before it is signed: the version the signer read (a later edit refuses it, 409). */
export const versionedSignatureBody = withSignatureRules(z.object({ ...ownSignatureFields, version: z.number().int().optional() }));

/**
 * A drawn signature, uploaded from the pad before the document is signed: stored as a `signature` file (PNG, at most
 * 200 KB, re-encoded), seen by its uploader alone until a signature takes it. Only people of the enterprise sign there.
 */
export async function uploadSignatureImage(db: Db, ctx: Ctx, enterpriseId: string, buffer: Buffer): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const s = actor.scope;
  if (s.kind !== 'enterprise' || s.enterpriseId !== enterpriseId) {
    await requireInScope(db, s, enterpriseId);
    throw forbidden();
  }
  const [file] = await prepareFiles('signature', [{ buffer, name: 'signature.png' }], ctx.now);
  return db.transaction().execute(async (tx) => {
    const [stored] = await storeFiles(tx, ctx, enterpriseId, 'signature', [file!]);
    return { id: stored!.id };
  });
}

export const signatureRoutes: RouteModule = (app, { db }) => {
  app.post('/enterprises/:enterpriseId/signature-images', {
    config: { access: 'signature.sign', multipart: { maxFiles: 1, maxBytes: SIGNATURE_MAX_BYTES, tooLarge: () => fileTooLarge('signature') } },
    schema: {
      tags: ['signatures'], summary: '上传手写签名图片（multipart，字段 file，PNG，不超过 200 KB）；签署时引用返回的 id',
      params: enterpriseParams, consumes: ['multipart/form-data'], response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => {
    const file = multipartBody(req)?.files[0];
    if (!file) throw new AppError('VALIDATION', { issues: [{ path: 'body.file', message: 'validation.required' }] });
    return reply.status(201).send(await uploadSignatureImage(db, req.ctx, req.params.enterpriseId, file.buffer));
  });
};
