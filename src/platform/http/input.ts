import { AppError, type FieldIssue } from '../errors';

/**
 * D6: C0 control characters other than tab, line feed and carriage return. PostgreSQL refuses NUL in text
 * (22021), and none of the others belongs in a name, a note or an id.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/**
 * Every string (and object key) in a parsed body, params or query that carries a control character, as issues on
 * `prefix.path`. Walks at most `maxIssues` findings and a bounded depth, so a hostile body costs little.
 */
export function controlCharIssues(value: unknown, prefix: string, maxIssues = 5): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (issues.length >= maxIssues || depth > 32) return;
    if (typeof v === 'string') {
      if (hasControlChars(v)) issues.push({ path, message: 'validation.controlChars' });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}.${i}`, depth + 1));
      return;
    }
    if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (hasControlChars(k)) issues.push({ path, message: 'validation.controlChars' });
        walk(item, `${path}.${k}`, depth + 1);
      }
    }
  };
  walk(value, prefix, 0);
  return issues;
}

/**
 * D6 for what the edge hook cannot see: the text fields and file names of a multipart body, read by the route's own
 * reader. Throws VALIDATION when any carries a control character.
 */
export function assertNoControlChars(fields: Record<string, unknown>, prefix = 'body'): void {
  const issues = controlCharIssues(fields, prefix);
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/**
 * D8: a PATCH whose validated body changes nothing (`{}`, or only unknown keys that validation stripped). `version`
 * is the optimistic-lock token, not a change.
 */
export function isEmptyPatch(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) return false;
  return Object.entries(body).every(([k, v]) => v === undefined || k === 'version');
}

/**
 * D9: the multipart parser (busboy) throws plain errors for a body that is not well-formed multipart: no boundary,
 * a truncated body, a malformed part header. They are the client's fault, not the server's.
 */
const MULTIPART_TRANSPORT = [
  /^Multipart: Boundary not found$/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Malformed part header$/,
];
const MULTIPART_CODES = new Set(['FST_INVALID_MULTIPART_CONTENT_TYPE', 'FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR']);

export function isMultipartTransportError(error: Error & { code?: unknown; statusCode?: unknown }, multipartRequest: boolean): boolean {
  if (typeof error.code === 'string' && MULTIPART_CODES.has(error.code)) return true;
  // A file part whose body ends before its boundary: the reader's stream closes early.
  if (multipartRequest && error.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return error.statusCode === undefined && MULTIPART_TRANSPORT.some((re) => re.test(error.message));
}
