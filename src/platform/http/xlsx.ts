import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../errors';
import { assertNoControlChars } from './input';
import { XLSX_MIME, type Upload, type XlsxFile } from '../files/xlsx';

export { XLSX_MIME };

/** A binary .xlsx body: fastify sends Buffers as they are, and the docs show it as a file. */
export const xlsxFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary', description: 'Excel workbook (.xlsx)' });

/** RFC 6266 / 5987: an ASCII fallback and the real (Chinese) name, percent-encoded as UTF-8. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  const encoded = encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${encoded}`)
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

/** The uploaded `file` field of a spreadsheet import, read into memory (the multipart plugin caps its size). */
export async function readUpload(req: FastifyRequest): Promise<Upload | null> {
  if (!req.isMultipart()) throw invalid('body.file', 'import.file');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') return null;
  assertNoControlChars({ file: part.filename });
  return { filename: part.filename, mimetype: part.mimetype, buffer: await part.toBuffer() };
}
