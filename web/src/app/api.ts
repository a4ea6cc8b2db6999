import type { Locale } from './i18n';

/** One issue of a VALIDATION error; `path` looks like `body.name` or `query.page`. */
export type ApiIssue = { path: string; message: string };

/** Codes the server sends, plus NETWORK for a request that never got an answer. */
export type ApiErrorCode =
  | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'VALIDATION' | 'CONFLICT' | 'STATE' | 'RATE_LIMITED'
  | 'CSRF' | 'LOCKED' | 'BAD_CREDENTIALS' | 'PASSWORD_CHANGE_REQUIRED' | 'INTERNAL' | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_IN_PROGRESS' | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues: ApiIssue[];
  readonly requestId: string | null;
  /** Why a workflow step was refused (`SEPARATION`, `PHOTO_REQUIRED`…): what a screen branches on, never the message. */
  readonly reason: string | null;

  constructor(code: ApiErrorCode, status: number, message: string, issues: ApiIssue[] = [], requestId: string | null = null, reason: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.issues = issues;
    this.requestId = requestId;
    this.reason = reason;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** An export running as a job on the server: rows written of rows to write. */
export type ExportProgress = { id: string; state: 'pending' | 'running' | 'done' | 'failed'; rowsDone: number; rowsTotal: number };
export type OnExportProgress = (p: ExportProgress) => void;
const EXPORT_POLL_MS = 1000;

/** A page of a list endpoint. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

type Handlers = {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
  networkMessage: () => string;
};

const BASE = '/api/v1';

// Module state, set by the auth and i18n providers: the client is used outside React too (downloads).
let csrfToken: string | null = null;
let locale: Locale = 'zh-CN';
let handlers: Handlers = {
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
  networkMessage: () => 'Network error',
};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLocale(next: Locale): void {
  locale = next;
}

export function setApiHandlers(next: Partial<Handlers>): void {
  handlers = { ...handlers, ...next };
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

type RequestOptions = {
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Leave 401 to the caller (login, session probe) instead of sending the user to /login. */
  quiet401?: boolean;
};

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
/** A submission repeated within this time (a double tap, a retry) is the same submission: it reuses its key. */
const REPEAT_WINDOW_MS = 10_000;
const recentKeys = new Map<string, { key: string; until: number }>();

function randomKey(): string {
  // crypto.randomUUID exists only in secure contexts; plain-HTTP deployments on a LAN address have getRandomValues.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * D18: one Idempotency-Key per submission. The same write (method, URL and body) sent again within REPEAT_WINDOW_MS
 * carries the same key, so the server runs it once and answers the repeat with the first result.
 */
function idempotencyKey(method: string, url: string, body: string | undefined): string {
  const now = Date.now();
  for (const [sig, v] of recentKeys) if (v.until < now) recentKeys.delete(sig);
  const sig = `${method} ${url} ${body ?? ''}`;
  const hit = recentKeys.get(sig);
  if (hit) return hit.key;
  const key = randomKey();
  recentKeys.set(sig, { key, until: now + REPEAT_WINDOW_MS });
  return key;
}

function headersFor(method: string, json: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': locale });
  if (json) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

async function toError(res: Response, quiet401: boolean): Promise<ApiError> {
  let err: ApiError;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; issues?: ApiIssue[]; requestId?: string | null; reason?: string | null } };
    const e = body.error ?? {};
    err = new ApiError((e.code ?? 'INTERNAL') as ApiErrorCode, res.status, e.message ?? res.statusText, e.issues ?? [], e.requestId ?? null, e.reason ?? null);
  } catch {
    err = new ApiError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', res.status, `${res.status} ${res.statusText}`);
  }
  if (err.code === 'UNAUTHENTICATED' && !quiet401) handlers.onUnauthenticated();
  if (err.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
  return err;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const json = opts.body !== undefined;
  const url = buildUrl(path, opts.query);
  const body = json ? JSON.stringify(opts.body) : undefined;
  const headers = headersFor(method, json);
  if (WRITES.has(method) && !opts.form) headers.set('Idempotency-Key', idempotencyKey(method, url, body));
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers, body: opts.form ?? body, signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', 0, handlers.networkMessage());
  }
  if (!res.ok) throw await toError(res, opts.quiet401 ?? false);
  return res;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** How much of an upload the browser has sent, from 0 to 1. */
export type OnUploadProgress = (fraction: number) => void;

/**
 * An upload that reports its progress (a drill's videos of tens of MB from a phone): fetch cannot, XMLHttpRequest
 * can. Same headers and the same errors as `request`.
 */
async function uploadWithProgress<T>(path: string, form: FormData, query: Query | undefined, onProgress: OnUploadProgress): Promise<T> {
  const res = await new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, query));
    headersFor('POST', false).forEach((v, k) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status === 0) reject(new ApiError('NETWORK', 0, handlers.networkMessage()));
      else resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 0, handlers.networkMessage()));
    xhr.send(form);
  });
  if (!res.ok) throw await toError(res, false);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData, query?: Query, onProgress?: OnUploadProgress) => (onProgress
    ? uploadWithProgress<T>(path, form, query, onProgress)
    : request<T>('POST', path, { form, query })),
  /**
   * Fetches a file (Excel export, template) and hands it to the browser as a download. A large export answers 202
   * with an export id instead: it runs as a job, whose progress is polled (and reported) until its file is ready.
   */
  async download(path: string, query: Query | undefined, fallbackName: string, onProgress?: OnExportProgress): Promise<void> {
    let res = await send('GET', path, { query });
    if (res.status === 202) {
      const { exportId } = (await res.json()) as { exportId: string };
      const id = encodeURIComponent(exportId);
      for (;;) {
        const p = await request<ExportProgress>('GET', `/exports/${id}`);
        onProgress?.(p);
        if (p.state === 'done') break;
        if (p.state === 'failed') throw new ApiError('INTERNAL', 500, handlers.networkMessage());
        await new Promise((resolve) => window.setTimeout(resolve, EXPORT_POLL_MS));
      }
      res = await send('GET', `/exports/${id}/download`, {});
    }
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filenameFrom(res, fallbackName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
