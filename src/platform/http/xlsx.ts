import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../errors';
import { SPREADSHEET_MAX_BYTES } from '../files/kinds';
import { XLSX_MIME, type Upload, type XlsxFile } from '../files/xlsx';
import { multipartBody, type MultipartSpec } from './multipart';

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

/** The upload of every spreadsheet import (`config.multipart` of its route): one workbook in the `file` field. */
export const XLSX_UPLOAD: MultipartSpec = {
  maxFiles: 10, maxBytes: SPREADSHEET_MAX_BYTES, fileFields: ['file'], notMultipart: () => invalid('body.file', 'import.file'),
};

/** The uploaded `file` field of a spreadsheet import, as the edge read it (platform/http/multipart.ts). */
export async function readUpload(req: FastifyRequest): Promise<Upload | null> {
  const body = multipartBody(req);
  if (!body) throw invalid('body.file', 'import.file');
  const file = body.files[0];
  return file ? { filename: file.filename, mimetype: file.mimetype, buffer: file.buffer } : null;
}
