import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, HTTP_STATUS, uniqueFieldIssue, type ErrorCode } from '../errors';
import { hasMessage, localeFromHeader, t, type Locale } from '../i18n/messages';
import { isMultipartTransportError } from './input';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    /** A refused workflow step's reason (`SEPARATION`, `PHOTO_REQUIRED`, `PLAN_REQUIRED`…); null for other errors. */
    reason: z.string().nullable().optional(),
    requestId: z.string().nullable(),
  }),
});

const zhErrors = z.locales.zhCN().localeError;

/**
 * SQLSTATEs of input the database refuses: 22021 bad byte (NUL in text), 22P05 NUL in jsonb, 22007/22008 bad or
 * out-of-range date/time.
 */
const DATA_EXCEPTIONS = new Set(['22021', '22P05', '22007', '22008']);

/**
 * D20: size limits read as people say them, in both locales (zod's own zh-CN text calls a string that is too long
 * "数值过大"): by what is measured — characters of a string, items of a list, or a number.
 */
function sizeMessage(keyword: string, p: Record<string, unknown>): { key: string; params: Record<string, string | number> } | null {
  const origin = p.origin;
  const max = Number(p.maximum);
  const min = Number(p.minimum);
  if (keyword === 'too_big' && Number.isFinite(max)) {
    if (origin === 'string') return { key: 'validation.tooLong', params: { max } };
    if (origin === 'array' || origin === 'set') return { key: 'validation.tooMany', params: { max } };
    if (origin === 'number' || origin === 'int' || origin === 'bigint') return { key: 'validation.tooBig', params: { max } };
  }
  if (keyword === 'too_small' && Number.isFinite(min)) {
    if (origin === 'string') return min <= 1 ? { key: 'validation.required', params: {} } : { key: 'validation.tooShort', params: { min } };
    if (origin === 'array' || origin === 'set') return { key: 'validation.tooFew', params: { min } };
    if (origin === 'number' || origin === 'int' || origin === 'bigint') return { key: 'validation.tooSmall', params: { min } };
  }
  return null;
}

function zodIssueMessage(locale: Locale, v: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  const msg = v.message ?? '';
  if (hasMessage(msg)) return t(locale, msg);
  const size = sizeMessage(v.keyword, v.params);
  if (size) return t(locale, size.key, size.params);
  if (locale === 'en-US') return msg;
  const out = zhErrors({ code: v.keyword, ...v.params, message: msg } as never);
  return typeof out === 'string' ? out : (out?.message ?? msg);
}

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, message: string, issues: { path: string; message: string }[] = [], reason: string | null = null) {
  return reply.status(HTTP_STATUS[code]).send({ error: { code, message, issues, reason, requestId: String(req.id) } });
}

/** The edge: every error leaves as `{ error: { code, message, issues, reason, requestId } }`, translated. */
export function errorHandler(error: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale ?? 'zh-CN';
  if (error instanceof AppError) {
    return send(reply, req, error.code, t(locale, error.messageKey, error.params),
      error.issues.map((i) => ({ path: i.path, message: t(locale, i.message, i.params) })), error.reason);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: `${part}${v.instancePath === '/' ? '' : v.instancePath.replace(/\//g, '.')}`,
      message: zodIssueMessage(locale, v as never),
    }));
    return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), issues);
  }
  const fe = error as FastifyError;
  // D20: Fastify's own body errors, translated instead of passed through in English.
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: 'body', message: t(locale, 'validation.json') }]);
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: 'body', message: t(locale, 'validation.required') }]);
  // D9: a body that is not well-formed multipart (no boundary, truncated, not multipart at all) is the client's fault.
  if (isMultipartTransportError(fe, isMultipartRequest(req))) return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: 'body', message: t(locale, 'validation.multipart') }]);
  if (fe.statusCode === 429) return send(reply, req, 'RATE_LIMITED', t(locale, 'error.RATE_LIMITED'));
  if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE') return send(reply, req, 'PAYLOAD_TOO_LARGE', t(locale, 'error.PAYLOAD_TOO_LARGE'));
  if (fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, req, 'UNSUPPORTED_FILE', t(locale, 'error.UNSUPPORTED_FILE'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(error)) {
    // D20: any other framework 4xx. Its English text goes to the log, never to people.
    req.log.info({ code: fe.code, statusCode: fe.statusCode, message: fe.message }, 'framework refused the request');
    return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: '', message: t(locale, 'validation.request') }]);
  }
  // A unique violation that slipped past the service's checks is still not a crash: at its field when a module
  // declared the constraint (issue 10: "编号已存在" at the code, not "changed by someone else"), else a conflict.
  const sqlState = (error as { code?: string }).code;
  if (sqlState === '23505') {
    const issue = uniqueFieldIssue((error as { constraint?: string }).constraint);
    if (issue) return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: issue.path, message: t(locale, issue.message, issue.params) }]);
    return send(reply, req, 'CONFLICT', t(locale, 'error.CONFLICT'));
  }
  // D6/D7 backstop: text or a date the database refuses (NUL, out-of-range date) that an edge check missed. Logged so
  // the missing check gets written, answered as the client's error it is.
  if (sqlState && DATA_EXCEPTIONS.has(sqlState)) {
    req.log.warn({ err: error }, 'database refused input that passed validation');
    return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'));
  }
  req.log.error({ err: error }, 'unhandled error');
  return send(reply, req, 'INTERNAL', t(locale, 'error.INTERNAL'));
}

function isMultipartRequest(req: FastifyRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

/** D20: an unknown route (or a missing static file) in the documented shape, translated. */
export function routeNotFound(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, req, 'NOT_FOUND', t(req.locale ?? 'zh-CN', 'error.routeNotFound'));
}

/**
 * D20: errors Fastify raises before routing (a bad %-encoding, a path parameter over `maxParamLength`). No hook has
 * run yet, so the locale is read here.
 */
export function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeFromHeader(req.headers['accept-language']);
  req.locale = locale;
  reply.header('x-request-id', req.id).header('cache-control', 'no-store');
  const key = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'validation.paramTooLong' : error.code === 'FST_ERR_BAD_URL' ? 'validation.badUrl' : null;
  if (!key) return errorHandler(error, req, reply);
  return send(reply, req, 'VALIDATION', t(locale, 'error.VALIDATION'), [{ path: 'params', message: t(locale, key) }]);
}

/**
 * D20: a request Node's HTTP parser refuses (a bad or conflicting Content-Length, a malformed header line, headers too
 * large) reaches neither a route nor a hook: Fastify would answer "Client Error" in English. Answered here on the
 * socket in the documented shape, in Chinese (no header could be read to choose a locale), and the connection closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: {
      code: 'VALIDATION', message: t('zh-CN', 'error.VALIDATION'),
      issues: [{ path: '', message: t('zh-CN', tooLarge ? 'validation.headersTooLarge' : 'validation.request') }], reason: null, requestId: null,
    },
  });
  socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
}
