import type { FastifyReply } from 'fastify';

/** The usual extension of each type the attachments store keeps (files/kinds.ts), for a download's name. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/svg+xml': 'svg',
  'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm',
};

export const extensionOf = (mime: string) => EXTENSIONS[mime] ?? 'bin';

/**
 * The byte range of a `Range: bytes=…` header (RFC 9110 §14.1.2) over a file of `size` bytes: one range only
 * (`a-b`, `a-`, `-n`); null when the header asks for anything else (several ranges, another unit), so the whole file
 * is sent; 'unsatisfiable' when the range starts past the end.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  return start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Sends a file from the attachments store: its own type (never sniffed), private caching, and its name — the uploaded
 * one, else `base` with the type's extension — as RFC 6266 / 5987 give it (an ASCII fallback and the real name in UTF-8).
 * Photos, videos and PDFs open in the browser (`inline`); Word and Excel files are downloaded. A single `Range` is
 * answered 206 with its bytes (a browser's video player seeks with it), a range past the end 416.
 */
export function sendStoredFile(reply: FastifyReply, file: { mime: string; name: string | null; data: Buffer | Uint8Array }, base: { zh: string; ascii: string }) {
  const ext = extensionOf(file.mime);
  const name = file.name || `${base.zh}.${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const inline = file.mime.startsWith('image/') || file.mime.startsWith('video/') || file.mime === 'application/pdf';
  reply.type(file.mime).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').header('accept-ranges', 'bytes')
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${base.ascii}.${ext}"; filename*=UTF-8''${encoded}`);
  const req = reply.request;
  // If-Range names a version we do not tag: the whole file is the safe answer.
  const range = req.method === 'GET' && !req.headers['if-range'] ? byteRange(req.headers.range, file.data.length) : null;
  if (range === null) return reply.send(file.data);
  // A part of the stored bytes is sent as they are: the compression hook must not encode it (its ranges would no
  // longer name the bytes sent), and it skips a request marked so.
  req.headers['x-no-compression'] = '1';
  if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${file.data.length}`).send(Buffer.alloc(0));
  return reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.data.length}`)
    .send(Buffer.from(file.data.buffer, file.data.byteOffset + range.start, range.end - range.start + 1));
}
