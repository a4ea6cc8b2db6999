import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createPlatform } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { DEMO_PASSWORD } from '../src/seed/demo';

test('logs at trace level contain no password, session token or CSRF token', async () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (c: Buffer) => { out += c.toString(); });
  const platform = await createPlatform(loadConfig({}, { dataDir: 'memory://', databaseUrl: '', logLevel: 'trace', jobsEnabled: false, webDist: '/none' }), { logStream: stream });
  try {
    const login = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'safety', password: DEMO_PASSWORD } });
    assert.equal(login.statusCode, 200);
    const token = login.cookies.find((c) => c.name === 'sd_session')!.value;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const headers = { cookie: `sd_session=${token}`, 'x-csrf-token': csrf };
    await platform.app.inject({ method: 'GET', url: `/api/v1/auth/me?token=${token}`, headers });
    await platform.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Another2026x' } });
    await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'safety', password: 'Wrong-password-9' } });
    assert.ok(out.length > 0, 'something was logged');
    for (const secret of [DEMO_PASSWORD, 'Another2026x', 'Wrong-password-9', token, csrf]) {
      assert.equal(out.includes(secret), false, `log contains a secret (${secret.slice(0, 4)}…)`);
    }
  } finally {
    await platform.close();
  }
});
