import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { assertNoControlChars, controlCharIssues } from './input';
import type { AppInstance } from './route';

/*
 * Issue 8 §3: the one multipart reader. A route that takes an upload declares its limits in `config.multipart`; the
 * edge reads the body once, after access and scope are checked and before the Idempotency-Key is claimed (so a
 * repeated upload is answered as the first was, D18), into `req.body` as `{ files, fields }`. Transport errors become
 * 400 (D9, platform/http/errors.ts), a file over its limit 413, a body that is not multipart 415 (or the route's own
 * refusal), and control characters in a file name or field 400 (D6).
 */

export type MultipartSpec = {
  /** File parts: at most `maxFiles` (413 beyond), each at most `maxBytes` (413, `tooLarge`). */
  maxFiles: number;
  maxBytes: number;
  /** A larger (or smaller) limit, and a count, for the files of one field (a record's videos beside its photos). */
  fieldLimits?: Readonly<Record<string, { maxBytes: number; maxFiles?: number }>>;
  /** Only file parts of these names are kept (all when absent); the others are read and dropped. */
  fileFields?: readonly string[];
  /** Text fields kept (the others are dropped), at most `maxFields` parts of at most `maxFieldBytes` each. */
  fields?: readonly string[];
  maxFields?: number;
  maxFieldBytes?: number;
  /** The route also takes a JSON body: a request that is not multipart passes as it is. */
  optional?: boolean;
  /** The refusal of a body that is not multipart (default: 415 UNSUPPORTED_FILE). */
  notMultipart?: () => AppError;
  /** The refusal of a file over `maxBytes` (default: 413 PAYLOAD_TOO_LARGE). */
  tooLarge?: () => AppError;
};

export type UploadedFile = { field: string; filename: string; mimetype: string; buffer: Buffer };
export type MultipartBody = { files: UploadedFile[]; fields: Record<string, string> };

declare module 'fastify' {
  interface FastifyContextConfig {
    multipart?: MultipartSpec;
  }
}

const bodies = new WeakSet<object>();

export function isMultipartBody(body: unknown): body is MultipartBody {
  return typeof body === 'object' && body !== null && bodies.has(body);
}

/** Reads a multipart body under `spec`. */
export async function readMultipart(req: FastifyRequest, spec: MultipartSpec): Promise<MultipartBody> {
  const body: MultipartBody = { files: [], fields: {} };
  try {
    const limits = spec.fieldLimits ?? {};
    const fileSize = Math.max(spec.maxBytes, ...Object.values(limits).map((l) => l.maxBytes));
    const parts = req.parts({ limits: { fileSize, files: spec.maxFiles, fields: spec.maxFields ?? 10, fieldSize: spec.maxFieldBytes ?? 64 * 1024 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        const limit = limits[part.fieldname];
        if (buffer.length > (limit?.maxBytes ?? spec.maxBytes)) throw spec.tooLarge?.() ?? new AppError('PAYLOAD_TOO_LARGE');
        if (limit?.maxFiles !== undefined && body.files.filter((f) => f.field === part.fieldname).length >= limit.maxFiles) throw new AppError('PAYLOAD_TOO_LARGE');
        assertNoControlChars({ [part.fieldname]: part.filename });
        if (!spec.fileFields || spec.fileFields.includes(part.fieldname)) {
          body.files.push({ field: part.fieldname, filename: part.filename, mimetype: part.mimetype, buffer });
        }
      } else if (typeof part.value === 'string' && spec.fields?.includes(part.fieldname)) {
        assertNoControlChars({ [part.fieldname]: part.value });
        body.fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if ((e as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw spec.tooLarge?.() ?? new AppError('PAYLOAD_TOO_LARGE');
    throw e;
  }
  bodies.add(body);
  return body;
}

/** The multipart body the edge read for this route (its `config.multipart`); null for a JSON body on an optional route. */
export function multipartBody(req: FastifyRequest): MultipartBody | null {
  return isMultipartBody(req.body) ? req.body : null;
}

/**
 * D18: what a repeated upload is compared by: the fields and, for each file, its field, name and SHA-256. The
 * boundary a browser draws anew for each request takes no part.
 */
export function multipartDigest(body: MultipartBody): string {
  const files = body.files.map((f) => [f.field, f.filename, createHash('sha256').update(f.buffer).digest('hex')]);
  const fields = Object.entries(body.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ files, fields });
}

type Parser = { safeParse?: (v: unknown) => { success: boolean } };

/**
 * A request whose path or query is refused anyway (a malformed id, a control character) is left unread, so it gets
 * the 400 of validation (D6, D7) rather than an answer about its body.
 */
function pathAndQueryValid(req: FastifyRequest): boolean {
  if (controlCharIssues(req.params, 'params', 1).length || controlCharIssues(req.query, 'querystring', 1).length) return false;
  const schema = req.routeOptions.schema as { params?: Parser; querystring?: Parser } | undefined;
  if (schema?.params?.safeParse && !schema.params.safeParse(req.params).success) return false;
  return !(schema?.querystring?.safeParse && !schema.querystring.safeParse(req.query).success);
}

/** The edge hook: registered after the access and scope checks, before the idempotency claim. */
export function registerMultipart(app: AppInstance): void {
  app.addHook('preValidation', async (req) => {
    const spec = req.routeOptions.config?.multipart;
    if (!spec || !pathAndQueryValid(req)) return;
    if (!req.isMultipart()) {
      if (spec.optional) return;
      throw spec.notMultipart?.() ?? new AppError('UNSUPPORTED_FILE');
    }
    req.body = await readMultipart(req, spec);
  });
}
