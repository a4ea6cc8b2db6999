import type { FastifyReply } from 'fastify';

/** The usual extension of each type the attachments store keeps (files/kinds.ts), for a download's name. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/svg+xml': 'svg',
};

export const extensionOf = (mime: string) => EXTENSIONS[mime] ?? 'bin';

/**
 * Sends a file from the attachments store: its own type (never sniffed), private caching, and its name — the uploaded
 * one, else `base` with the type's extension — as RFC 6266 / 5987 give it (an ASCII fallback and the real name in UTF-8).
 * Photos and PDFs open in the browser (`inline`); Word and Excel files are downloaded.
 */
export function sendStoredFile(reply: FastifyReply, file: { mime: string; name: string | null; data: Buffer | Uint8Array }, base: { zh: string; ascii: string }) {
  const ext = extensionOf(file.mime);
  const name = file.name || `${base.zh}.${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const disposition = file.mime.startsWith('image/') || file.mime === 'application/pdf' ? 'inline' : 'attachment';
  return reply.type(file.mime).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff')
    .header('content-disposition', `${disposition}; filename="${base.ascii}.${ext}"; filename*=UTF-8''${encoded}`).send(file.data);
}
