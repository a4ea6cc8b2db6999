import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/platform/auth/password';
import type { Role } from '../src/platform/db/schema';
import { addLocalDays, localDay, localInstant, localMonthIndex, localYear } from '../src/platform/time';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../src/modules/org/credit-code';
import type { HazardState } from '../src/modules/hazards/loop/hazard-workflow';
import { runObligationsDay } from '../src/modules/obligations';
import { DEMO_PASSWORD } from '../src/seed/demo';
import type { Client, TestPlatform, Typed } from './helpers';

/**
 * Factories: each test builds the records it asserts on, in a fresh enterprise of its own, so figures are absolute
 * (no baselines read from the demo) and tests do not see each other's rows. Records are made through the API — the
 * same validation, workflow, audit and outbox as a user's — except accounts, whose passwords are set directly so a
 * test does not spend its time on first-login password changes.
 */

let serial = 0;
const unique = () => `${process.pid.toString(36)}${(++serial).toString(36)}${randomUUID().slice(0, 6)}`;

/** A valid unified social credit code (GB 32100) that no other factory call returns. */
export function makeCreditCode(): string {
  const body = `91530111${unique().toUpperCase()}`.replace(/[^0-9A-HJ-NP-RT-UW-Y]/g, '0').padEnd(17, '0').slice(0, 17);
  const first17 = [...body].map((c) => (CREDIT_CODE_ALPHABET.includes(c) ? c : '0')).join('');
  return first17 + creditCodeCheckChar(first17);
}

export type FreshEnterprise = {
  id: string;
  name: string;
  subdistrictId: string;
  industryCode: string;
  rootUnitId: string;
  /** Two workshops, each with one team: the unit leader leads workshop one. */
  units: { ws1: string; ws2: string; team1: string; team2: string };
  /** One account per enterprise role (plus a second worker in workshop two), password DEMO_PASSWORD. */
  users: Record<'principal' | 'safety' | 'leader' | 'worker' | 'worker2', { id: string; username: string }>;
  login: (who: keyof FreshEnterprise['users']) => Promise<Client>;
};

let passwordHash: Promise<string> | null = null;
const admins = new WeakMap<TestPlatform, Promise<Client>>();
const adminOf = (t: TestPlatform) => {
  if (!admins.has(t)) admins.set(t, t.login('admin'));
  return admins.get(t)!;
};

/**
 * A new enterprise with its org tree (company → two workshops → a team each) and an account for each enterprise
 * role. The district admin creates the enterprise and the units through the API.
 */
/**
 * A fresh enterprise with its five accounts. `onboardedOn` backdates its joining the platform (issue 11 §1: duties start
 * from it) and materialises the duties it then owes as of the test clock, as the daily job would have.
 */
export async function makeEnterprise(t: TestPlatform, opts: { industryCode?: string; subdistrictId?: string; name?: string; onboardedOn?: string } = {}): Promise<FreshEnterprise> {
  const admin = await adminOf(t);
  const subdistrictId = opts.subdistrictId
    ?? (await t.db.selectFrom('subdistricts').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
  const industryCode = opts.industryCode ?? 'hazardous_chemicals';
  const name = opts.name ?? `测试企业${unique()}有限公司`;
  const created = await admin.api.post('/enterprises', {}, { creditCode: makeCreditCode(), name, subdistrictId, industryCode });
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.data;
  const root = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', id).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const unit = async (parentId: string, kind: 'workshop' | 'team', unitName: string) => {
    const res = await admin.api.post('/enterprises/{enterpriseId}/org-units', { enterpriseId: id }, { parentId, kind, name: unitName });
    assert.equal(res.statusCode, 201, res.body);
    return res.data.id;
  };
  const ws1 = await unit(root.id, 'workshop', '一车间');
  const ws2 = await unit(root.id, 'workshop', '二车间');
  const units = { ws1, ws2, team1: await unit(ws1, 'team', '甲班'), team2: await unit(ws2, 'team', '乙班') };

  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  const district = await t.db.selectFrom('districts').select('id').executeTakeFirstOrThrow();
  const people: [keyof FreshEnterprise['users'], Role, string, string][] = [
    ['principal', 'enterprise_principal', '主要负责人', root.id],
    ['safety', 'safety_manager', '安全管理员', root.id],
    ['leader', 'unit_leader', '一车间主任', ws1],
    ['worker', 'employee', '一车间操作工', units.team1],
    ['worker2', 'employee', '二车间操作工', units.team2],
  ];
  const users = {} as FreshEnterprise['users'];
  for (const [key, role, display, unitId] of people) {
    const employee = await t.db.insertInto('employees').values({
      enterprise_id: id, name: display, id_number_masked: '5301**********0000', id_number_hash: `factory-${unique()}`,
      employment_form: 'regular', org_unit_id: unitId,
    }).returning('id').executeTakeFirstOrThrow();
    const username = `${key}_${unique()}`.toLowerCase();
    const user = await t.db.insertInto('users').values({
      username, display_name: `${name.slice(0, 8)} ${display}`, role, password_hash: hash, must_change_password: false,
      district_id: district.id, enterprise_id: id, employee_id: employee.id, org_unit_id: role === 'unit_leader' ? unitId : null,
      // The platform's day, as createUser sets it: R-TRN-2 counts an appointee's months from role_since.
      created_at: t.clock.now, role_since: t.clock.now,
    }).returning('id').executeTakeFirstOrThrow();
    users[key] = { id: user.id, username };
  }
  if (opts.onboardedOn) {
    await t.db.updateTable('enterprises').set({ onboarded_on: opts.onboardedOn }).where('id', '=', id).execute();
    // The daily job opens the current and the next period: run it on the first of every month since joining (monthly is
    // the finest cadence), then today, so each period it owes exists with its status as of the clock.
    const [y, m] = opts.onboardedOn.split('-').map(Number) as [number, number];
    for (let at = localInstant(y, m - 1, 1, 9); at < t.clock.now; at = localInstant(localYear(at), localMonthIndex(at) + 1, 1, 9)) {
      await runObligationsDay(t.db, at, { notify: false, enterpriseId: id });
    }
    await runObligationsDay(t.db, t.clock.now, { notify: false, enterpriseId: id });
  }
  // One session per account and enterprise: the login route's own rate limit counts every sign-in.
  const sessions = new Map<string, Promise<Client>>();
  return {
    id, name, subdistrictId, industryCode, rootUnitId: root.id, units, users,
    login: (who) => {
      if (!sessions.has(who)) sessions.set(who, t.login(users[who].username));
      return sessions.get(who)!;
    },
  };
}

/** A tiny PNG that differs per call (photos are stored by content). */
export function makePng(): Buffer {
  const b = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  return Buffer.concat([b, Buffer.from(unique())]);
}

/** Uploads photos as `c` to the enterprise; returns their ids. */
export async function uploadPhotos(c: Client, enterpriseId: string, files: Buffer[]): Promise<string[]> {
  const boundary = `----sd${unique()}`;
  const parts = files.map((f, i) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p${i}.png"\r\nContent-Type: image/png\r\n\r\n`), f, Buffer.from('\r\n'),
  ]));
  const body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  const res = await c.request('POST', `/api/v1/enterprises/${enterpriseId}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids as string[];
}

export type MadeHazard = { id: string; code: string; status: HazardState };

/**
 * A hazard in the enterprise, driven through the real workflow to `status`: reported by the worker, confirmed and
 * assigned to the unit leader by the safety manager, submitted with an after-photo, then accepted or voided.
 */
export async function makeHazard(t: TestPlatform, ent: FreshEnterprise, opts: { status?: HazardState; title?: string; unitId?: string; deadlineInDays?: number } = {}): Promise<MadeHazard> {
  const status = opts.status ?? 'reported';
  const worker = await ent.login('worker');
  const reported = await worker.api.post('/enterprises/{enterpriseId}/hazards', { enterpriseId: ent.id }, { title: opts.title ?? `隐患${unique()}`, orgUnitId: opts.unitId ?? ent.units.team1 });
  assert.equal(reported.statusCode, 201, reported.body);
  const { id, code } = reported.data;
  const at = { enterpriseId: ent.id, id };
  const step = async (op: string, call: Promise<Typed<{ status: string }>>, expect: HazardState) => {
    const res = await call;
    assert.equal(res.statusCode, 200, `${op}: ${res.body}`);
    assert.equal(res.data.status, expect);
  };
  if (status === 'reported') return { id, code, status };
  const safety = await ent.login('safety');
  if (status === 'voided') {
    await step('void', safety.api.post('/enterprises/{enterpriseId}/hazards/{id}/void', at, { reason: '重复上报' }), 'voided');
    return { id, code, status };
  }
  await step('confirm', safety.api.post('/enterprises/{enterpriseId}/hazards/{id}/confirm', at, { level: 'general', hazardClass: 'thing' }), 'confirmed');
  if (status === 'confirmed') return { id, code, status };
  const deadline = addLocalDays(localDay(t.clock.now), opts.deadlineInDays ?? 7);
  await step('assign', safety.api.post('/enterprises/{enterpriseId}/hazards/{id}/assign', at, { rectifierId: ent.users.leader.id, measures: '按要求整改', deadline }), 'rectifying');
  if (status === 'rectifying') return { id, code, status };
  const leader = await ent.login('leader');
  const photoIds = await uploadPhotos(leader, ent.id, [makePng()]);
  await step('submit', leader.api.post('/enterprises/{enterpriseId}/hazards/{id}/submit', at, { note: '已整改', photoIds }), 'submitted');
  if (status === 'submitted') return { id, code, status };
  await step('accept', safety.api.post('/enterprises/{enterpriseId}/hazards/{id}/accept', at, { note: '验收合格' }), 'closed');
  return { id, code, status };
}
