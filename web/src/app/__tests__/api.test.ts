import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { api, ApiError, buildUrl, setApiHandlers, setApiLocale, setCsrfToken } from '../api';

type Sent = { url: string; method: string; headers: Headers; body: unknown };
let sent: Sent[] = [];
let answer: () => Response = () => new Response('{}', { status: 200 });
const realFetch = globalThis.fetch;

beforeEach(() => {
  sent = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body });
    return answer();
  }) as typeof fetch;
  setCsrfToken(null);
  setApiLocale('zh-CN');
  setApiHandlers({ onUnauthenticated: () => undefined, onPasswordChangeRequired: () => undefined });
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client', () => {
  test('buildUrl drops empty values and prefixes /api/v1', () => {
    expect(buildUrl('/hazards', { q: '', status: undefined, page: 2, overdue: false, level: null, x: 'a b' })).toBe('/api/v1/hazards?page=2&overdue=false&x=a+b');
    expect(buildUrl('/me')).toBe('/api/v1/me');
  });

  test('reads send the locale and no CSRF token; writes send the token and JSON', async () => {
    setCsrfToken('tok');
    setApiLocale('en-US');
    answer = json(200, { ok: true });
    await api.get('/x', { a: 1 });
    await api.post('/y', { name: 'n' });
    expect(sent[0]!.headers.get('accept-language')).toBe('en-US');
    expect(sent[0]!.headers.get('x-csrf-token')).toBeNull();
    expect(sent[0]!.headers.get('idempotency-key')).toBeNull();
    expect(sent[1]!.method).toBe('POST');
    expect(sent[1]!.headers.get('x-csrf-token')).toBe('tok');
    expect(sent[1]!.headers.get('content-type')).toBe('application/json');
    expect(sent[1]!.body).toBe('{"name":"n"}');
  });

  test('D18: the same submission repeated carries the same Idempotency-Key; another body gets another key', async () => {
    answer = json(200, {});
    await api.post('/hazards', { title: 'a' });
    await api.post('/hazards', { title: 'a' });
    await api.post('/hazards', { title: 'b' });
    await api.del('/hazards/1');
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).toBeNull();
  });

  test('an error answer becomes an ApiError with code, issues, reason and request id', async () => {
    answer = json(409, { error: { code: 'STATE', message: '状态不允许', issues: [{ path: 'body.note', message: '必填' }], reason: 'SEPARATION', requestId: 'r-1' } });
    const e = await api.post('/hazards/1/accept', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'STATE', status: 409, message: '状态不允许', reason: 'SEPARATION', requestId: 'r-1', issues: [{ path: 'body.note', message: '必填' }] });
  });

  test('a body that is not JSON still gives an ApiError (404 → NOT_FOUND, else INTERNAL)', async () => {
    answer = () => new Response('<html>', { status: 404, statusText: 'Not Found' });
    await expect(api.get('/nope')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    answer = () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(api.get('/nope')).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
  });

  test('a request that never gets an answer is NETWORK with the translated message', async () => {
    setApiHandlers({ networkMessage: () => '无法连接服务器' });
    globalThis.fetch = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'NETWORK', status: 0, message: '无法连接服务器' });
  });

  test('401 calls the sign-out handler unless the caller asked to be quiet; PASSWORD_CHANGE_REQUIRED calls its handler', async () => {
    let out = 0;
    let change = 0;
    setApiHandlers({ onUnauthenticated: () => { out += 1; }, onPasswordChangeRequired: () => { change += 1; } });
    answer = json(401, { error: { code: 'UNAUTHENTICATED', message: 'x', issues: [], requestId: null } });
    await api.get('/x').catch(() => undefined);
    await api.get('/x', undefined, { quiet401: true }).catch(() => undefined);
    expect(out).toBe(1);
    answer = json(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'x', issues: [], requestId: null } });
    await api.get('/x').catch(() => undefined);
    expect(change).toBe(1);
  });

  test('204 resolves to undefined; uploads carry no JSON content type and no Idempotency-Key', async () => {
    answer = () => new Response(null, { status: 204 });
    await expect(api.post('/notifications/read-all')).resolves.toBeUndefined();
    answer = json(201, { ids: ['p1'] });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.jpg');
    await expect(api.upload('/photos', form)).resolves.toEqual({ ids: ['p1'] });
    const last = sent.at(-1)!;
    expect(last.headers.get('content-type')).toBeNull();
    expect(last.headers.get('idempotency-key')).toBeNull();
  });
});
