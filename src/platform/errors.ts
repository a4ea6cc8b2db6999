export const ERROR_CODES = [
  'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION', 'CONFLICT', 'STATE', 'RATE_LIMITED', 'CSRF',
  'LOCKED', 'BAD_CREDENTIALS', 'PASSWORD_CHANGE_REQUIRED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_FILE', 'INTERNAL',
  'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_IN_PROGRESS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  CONFLICT: 409,
  STATE: 409,
  RATE_LIMITED: 429,
  CSRF: 403,
  LOCKED: 423,
  BAD_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  INTERNAL: 500,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
};

/** A field-level problem: `message` is an i18n key, translated at the edge. */
export type FieldIssue = { path: string; message: string; params?: Record<string, string | number> };

/** The one error type services throw. The edge maps `code` to HTTP and translates the message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly issues: FieldIssue[];
  /** Why a workflow step was refused, as a stable UPPER_SNAKE code clients may branch on (`SEPARATION`, `PHOTO_REQUIRED`…). */
  readonly reason: string | null;

  constructor(code: ErrorCode, opts: { messageKey?: string; params?: Record<string, string | number>; issues?: FieldIssue[]; reason?: string } = {}) {
    super(opts.messageKey ?? `error.${code}`);
    this.code = code;
    this.messageKey = opts.messageKey ?? `error.${code}`;
    this.params = opts.params ?? {};
    this.issues = opts.issues ?? [];
    this.reason = opts.reason ?? null;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const invalid = (path: string, message: string, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', { issues: [{ path, message, params }] });

/**
 * Issue 10: a value another record already holds (a risk-point code, a user name, a credit code) is the person's to
 * change at that field: a VALIDATION issue there, not a CONFLICT that reads "changed by someone else" in a toast.
 */
export const alreadyTaken = (path: string, message: string) => invalid(path, message);

/**
 * The unique constraints that guard one field, by PostgreSQL constraint name, as modules declare them in their
 * manifest. The edge answers a unique violation that raced past a service's check at that field.
 */
const uniqueFields = new Map<string, FieldIssue>();

export function registerUniqueFields(fields: Readonly<Record<string, FieldIssue>>): void {
  for (const [constraint, issue] of Object.entries(fields)) uniqueFields.set(constraint, issue);
}

export function uniqueFieldIssue(constraint: string | undefined): FieldIssue | null {
  return (constraint && uniqueFields.get(constraint)) || null;
}
