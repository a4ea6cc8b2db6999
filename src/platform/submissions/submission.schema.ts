import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { SUBMISSION_STATUSES } from './submission.rules';
import { wholeNumber } from '../http/whole-number';

const who = z.object({ id: z.string(), name: z.string() }).nullable();

/** One version of a submitted document, as its page lists them (newest first). */
export const submissionVersion = z.object({
  version: z.number().int(),
  status: z.enum(SUBMISSION_STATUSES),
  confirmedBy: who, confirmedAt: z.date().nullable(),
  submittedBy: who, submittedAt: z.date().nullable(),
  /** SHA-256 of the locked snapshot's canonical JSON; the audit row of the submission carries the same value. */
  sha256: z.string().nullable(),
  /** SHA-256 of the archived PDF; null while it waits to be rendered on its first download. */
  pdfSha256: z.string().nullable(),
});
export const submissionVersions = z.object({ items: z.array(submissionVersion) });

export const versionParam = wholeNumber(1, 10_000);

/** A PDF body: fastify sends Buffers as they are, and the docs show it as a file. */
export const pdfFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary', description: 'PDF' });

/** RFC 6266 / 5987: an ASCII fallback and the real (Chinese) name, percent-encoded as UTF-8. */
export function sendPdf(reply: FastifyReply, file: { pdf: Buffer; sha256: string; filename: string; fallbackName: string }) {
  const encoded = encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${encoded}`)
    .header('x-content-sha256', file.sha256)
    .header('cache-control', 'no-store')
    .send(file.pdf);
}
