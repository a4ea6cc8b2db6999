import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { loadConfig } from '../src/platform/config';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';

/**
 * The edge: which client address is believed (D4), the address printed into QR codes, errors in the documented shape
 * (D20), the probes (D17) and caching (D23).
 */
let t: TestPlatform;
let proxied: TestPlatform;

before(async () => {
  // The default configuration, except PUBLIC_BASE_URL, and one behind a proxy at 127.0.0.1 (where inject connects from).
  // The login limit at its default: one test below spends it from forged addresses.
  t = await createTestPlatform({ publicBaseUrl: 'https://safety.example.gov.cn', loginRateLimitPerMinute: 20 });
  proxied = await createTestPlatform({ trustProxy: loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy });
});
after(async () => {
  await t?.close();
  await proxied?.close();
});

async function loginFrom(p: TestPlatform, forwardedFor: string, password = DEMO_PASSWORD) {
  return p.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'worker', password }, headers: { 'x-forwarded-for': forwardedFor } });
}

async function lastLoginIp(p: TestPlatform): Promise<string | null> {
  const row = await p.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.login').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.ip;
}

test('TRUST_PROXY takes false, true, a hop count or a list of addresses and CIDR ranges; anything else refuses to boot', () => {
  assert.equal(loadConfig({}).trustProxy, false, 'off by default');
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy, ['10.0.0.1', '10.1.0.0/16', '::1']);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'proxy.local' }), /TRUST_PROXY/);
  assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY/);
});

test('D4: by default a forged X-Forwarded-For changes neither the audited address nor the login rate limit', async () => {
  const res = await loginFrom(t, '10.9.8.7');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await lastLoginIp(t), '127.0.0.1', 'the socket address, not the header');
});

test('D4: behind a configured proxy its X-Forwarded-For is the client address', async () => {
  const res = await loginFrom(proxied, '10.9.8.7');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await lastLoginIp(proxied), '10.9.8.7');
});

test('QR codes and their printed address use PUBLIC_BASE_URL, never the request\'s Host header', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const safety = await t.login('safety');
  const post = await t.db.selectFrom('posts').select('id').where('enterprise_id', '=', ownEnterprise.id).limit(1).executeTakeFirstOrThrow();
  const base = `/api/v1/enterprises/${ownEnterprise.id}`;
  const card = await safety.request('POST', `${base}/posts/${post.id}/risk-card`, {}, { host: 'evil.example.com', 'x-forwarded-host': 'evil.example.com' });
  assert.equal(card.statusCode, 200, card.body);
  assert.match(card.data.qr.fullUrl, /^https:\/\/safety\.example\.gov\.cn\/public\/risk-cards\/[A-Za-z0-9_-]{32}$/);
  assert.doesNotMatch(card.data.qr.svg + card.body, /evil/);

  const checklist = await t.db.selectFrom('checklists').select('id').where('enterprise_id', '=', ownEnterprise.id).where('level', '=', 'post').limit(1).executeTakeFirstOrThrow();
  const print = await safety.get(`${base}/checklists/${checklist.id}/print`, { host: 'evil.example.com' });
  assert.equal(print.statusCode, 200, print.body);
  assert.ok(print.data.qr.fullUrl.startsWith('https://safety.example.gov.cn/'), print.data.qr.fullUrl);
  assert.doesNotMatch(print.body, /evil/);
  assert.equal(loadConfig({ PORT: '8080' }).publicBaseUrl, 'http://localhost:8080', 'empty falls back to localhost and the port');
  assert.equal(loadConfig({ PUBLIC_BASE_URL: 'https://a.example/' }).publicBaseUrl, 'https://a.example');
  assert.throws(() => loadConfig({ PUBLIC_BASE_URL: 'safety.example' }), /PUBLIC_BASE_URL/);
});

test('D20: framework errors, invalid JSON and unknown API routes leave in the documented shape, translated', async () => {
  const app = t.platform.app;
  const shape = (body: string) => {
    const e = (JSON.parse(body) as { error: { code: string; message: string; issues: { path: string; message: string }[]; requestId: string } }).error;
    assert.equal(typeof e.requestId, 'string');
    assert.ok(Array.isArray(e.issues));
    return e;
  };
  const long = await app.inject({ method: 'GET', url: `/api/v1/public/risk-cards/${'a'.repeat(200)}` });
  assert.equal(long.statusCode, 400, long.body);
  assert.equal(shape(long.body).code, 'VALIDATION');
  assert.equal(shape(long.body).issues[0]!.message, '地址中的参数过长');

  const badUrl = await app.inject({ method: 'GET', url: '/api/v1/public/risk-cards/%E0%A4%A', headers: { 'accept-language': 'en-US' } });
  assert.equal(badUrl.statusCode, 400, badUrl.body);
  assert.equal(shape(badUrl.body).issues[0]!.message, 'The address is not correctly encoded');

  const json = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
  assert.equal(json.statusCode, 400);
  const je = shape(json.body);
  assert.equal(je.code, 'VALIDATION');
  assert.equal(je.issues[0]!.message, '请求体不是有效的 JSON');
  assert.doesNotMatch(json.body, /not valid JSON/);

  for (const url of ['/api/v1/nothing-here', '/api/v1//enterprises', '/api/nothing']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 404, url);
    const e = shape(res.body);
    assert.equal(e.code, 'NOT_FOUND');
    assert.equal(e.message, '接口不存在');
  }
});

test('D17: the probes answer outside the API rate limit; /api/ready asks the database', async () => {
  const limited = await createTestPlatform({ rateLimitPerMinute: 3 });
  try {
    const app = limited.platform.app;
    for (let i = 0; i < 4; i++) await app.inject({ method: 'GET', url: '/api/v1/industries' });
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/industries' })).statusCode, 429, 'the API limit is spent');
    for (const url of ['/api/health', '/api/ready']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/ready' })).json().status, 'ready');
    await limited.platform.database.close();
    const down = await app.inject({ method: 'GET', url: '/api/ready' });
    assert.equal(down.statusCode, 503, 'not ready without its database');
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200, 'but alive');
  } finally {
    // The whole platform (its bell listener on PostgreSQL too): a listener left open keeps the test process alive.
    await limited.close();
  }
});

test('D23: API answers carry Cache-Control: no-store; routes that choose their own caching keep it', async () => {
  const anon = t.anonymous();
  const login = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'safety', password: DEMO_PASSWORD } });
  assert.equal(login.headers['cache-control'], 'no-store');
  const safety = await t.login('safety');
  assert.equal((await safety.get('/api/v1/auth/me')).headers['cache-control'], 'no-store');
  const { ownEnterprise } = await demoIds(t.db);
  assert.equal((await safety.get(`/api/v1/enterprises/${ownEnterprise.id}/employees`)).headers['cache-control'], 'no-store');
  assert.equal((await anon.get('/api/v1/nothing')).headers['cache-control'], 'no-store', 'errors too');
});

test('D20: any other framework refusal is translated too, never passed through in English', async () => {
  const res = await t.platform.app.inject({
    method: 'POST', url: '/api/v1/auth/login', payload: '{}',
    headers: { 'content-type': 'application/json', 'content-length': '1000' },
  });
  assert.equal(res.statusCode, 400, res.body);
  const e = JSON.parse(res.body).error;
  assert.equal(e.code, 'VALIDATION');
  assert.deepEqual(e.issues, [{ path: '', message: '请求格式不正确，无法处理' }]);
  assert.doesNotMatch(res.body, /FST_|[Cc]ontent[- ][Ll]ength/);
});

test('D20: a request the HTTP parser refuses (bad Content-Length, oversized headers) is answered in the documented shape, in Chinese', async () => {
  const address = await t.platform.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  const raw = (request: string) => new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  const parse = (answer: string) => {
    const [head, body] = answer.split('\r\n\r\n');
    return { status: Number(head!.split(' ')[1]), body: JSON.parse(body!) as { error: { code: string; issues: { message: string }[] } } };
  };
  const badLength = parse(await raw('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'));
  assert.equal(badLength.status, 400);
  assert.equal(badLength.body.error.code, 'VALIDATION');
  assert.deepEqual(badLength.body.error.issues.map((i) => i.message), ['请求格式不正确，无法处理']);
  const huge = parse(await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  assert.equal(huge.status, 431);
  assert.deepEqual(huge.body.error.issues.map((i) => i.message), ['请求头过大，无法处理']);
});

test('D20: size limits are worded by what they measure, in both locales', async () => {
  const anon = t.anonymous();
  const long = await anon.post('/api/v1/auth/login', { username: 'safety', password: 'x'.repeat(129) });
  assert.equal(long.statusCode, 400);
  assert.deepEqual(long.data.error.issues.map((i: { path: string; message: string }) => [i.path, i.message]), [['body.password', '不能超过 128 个字']]);
  const empty = await anon.request('POST', '/api/v1/auth/login', { username: '', password: 'x' }, { 'accept-language': 'en-US' });
  assert.equal(empty.data.error.issues[0].message, 'Required');
});

// Last: it spends this address's login limit.
test('D4: by default a new forged X-Forwarded-For per request does not reset the login rate limit', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 21; i++) codes.push((await loginFrom(t, `10.88.0.${i}`, 'wrong')).statusCode);
  assert.equal(codes.at(-1), 429, codes.join(' '));
});


test('issue 8 §2: every API route documents the error shape, reason code included, in the OpenAPI document', async () => {
  const doc = (await t.anonymous().get('/api/openapi.json')).data as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, { properties?: Record<string, unknown> }> } }> }> }>> };
  let operations = 0;
  for (const [url, ops] of Object.entries(doc.paths)) {
    if (!url.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      operations++;
      for (const status of ['400', '401', '403', '404', '409']) {
        const error = op.responses[status]?.content?.['application/json']?.schema.properties?.error?.properties;
        assert.ok(error && 'code' in error && 'reason' in error && 'requestId' in error, `${method.toUpperCase()} ${url} documents ${status}`);
      }
    }
  }
  assert.ok(operations > 100, `${operations} operations`);
});
