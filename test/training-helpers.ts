import assert from 'node:assert/strict';
import type { Client, TestPlatform } from './helpers';
import type { FreshEnterprise } from './factories';
import { localDay } from '../src/platform/time';

/** Issue 13 §1's steps the training tests share: the module's URL, a session recorded today, a person's attendance. */
export function trainingSteps(t: () => TestPlatform) {
  const api = (e: FreshEnterprise | string, rest = '') => `/api/v1/enterprises/${typeof e === 'string' ? e : e.id}/training${rest}`;
  const today = () => localDay(t().clock.now);
  return {
    api,
    today,
    session: async (c: Client, e: FreshEnterprise, over: Record<string, unknown> = {}) => {
      const r = await c.post(api(e, '/sessions'), { courseType: 'regular', title: '年度再培训', trainer: '张老师', heldOn: today(), hours: 8, ...over });
      assert.equal(r.statusCode, 201, r.body);
      return r.data as { id: string; version: number };
    },
    employeeOf: async (e: FreshEnterprise, who: keyof FreshEnterprise['users']) =>
      (await t().db.selectFrom('users').select('employee_id').where('id', '=', e.users[who].id).executeTakeFirstOrThrow()).employee_id!,
    attend: async (c: Client, e: FreshEnterprise, sessionId: string, employeeId: string, body: Record<string, unknown> = {}) => {
      const r = await c.put(api(e, `/sessions/${sessionId}/attendance/${employeeId}`), body);
      assert.equal(r.statusCode, 200, r.body);
    },
  };
}
