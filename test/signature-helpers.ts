import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { Actor, Ctx } from '../src/platform/auth/actor';
import { scopeOf } from '../src/platform/auth/session';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { makePng, type FreshEnterprise } from './factories';
import type { Client, TestPlatform } from './helpers';

/** A valid resident ID number of someone born in 1990, different per call; its last four are returned too. */
export function makeIdNumber(): { idNumber: string; last4: string } {
  const first17 = `110101199003${String(randomInt(10, 28))}${String(randomInt(100, 999))}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  return { idNumber, last4: idNumber.slice(-4) };
}

/** An employee without an account, added by the safety manager through the API (so their last four are hashed). */
export async function addEmployee(ent: FreshEnterprise, orgUnitId: string, opts: { name?: string; hireDate?: string | null } = {}) {
  const safety = await ent.login('safety');
  const { idNumber, last4 } = makeIdNumber();
  const res = await safety.api.post('/enterprises/{enterpriseId}/employees', { enterpriseId: ent.id }, {
    name: opts.name ?? `无账号员工${randomInt(1000, 9999)}`, idNumber, employmentForm: 'temporary', orgUnitId, hireDate: opts.hireDate ?? null,
  });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.data.id, last4 };
}

/** Draws a signature: uploads a PNG as `c` and returns the attachment id. */
export async function uploadSignature(c: Client, enterpriseId: string, file: Buffer = makePng()): Promise<string> {
  const boundary = `----sdsig${randomInt(1e9)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="signature.png"\r\nContent-Type: image/png\r\n\r\n`), file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request('POST', `/api/v1/enterprises/${enterpriseId}/signature-images`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id as string;
}

/** The request context of an account, as a session would build it, at the test clock's time. */
export async function ctxFor(t: TestPlatform, userId: string): Promise<Ctx> {
  const u = await t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const unitPath = u.org_unit_id ? (await t.db.selectFrom('org_units').select('path').where('id', '=', u.org_unit_id).executeTakeFirstOrThrow()).path : null;
  const actor: Actor = {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, scope: scopeOf(u, unitPath),
    mustChangePassword: false, locale: 'zh-CN', sessionHash: 'test', csrfToken: 'test',
  };
  return { actor, ip: '127.0.0.1', requestId: 'signature-test', locale: 'zh-CN', now: t.clock.now };
}
