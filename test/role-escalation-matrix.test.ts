import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '../src/platform/auth/password';
import type { Role } from '../src/platform/db/schema';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

/**
 * D2: the role-escalation matrix. Every account-changing route (reset password, disable, enable, unlock, rename,
 * change role/scope, create with a role), called by every role on a fresh account of every role, compared with this
 * table written out by hand: an enterprise manager reaches only their own enterprise's accounts (others: 404), and
 * changes only accounts, and grants only roles, strictly below their own; the district admin changes any account.
 */
const ROLES: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee', 'insurer_staff', 'service_staff'];
const ENTERPRISE: Role[] = ['enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const MAY_CHANGE: Record<Role, Role[]> = {
  district_admin: ROLES,
  department_officer: [],
  subdistrict_officer: [],
  enterprise_principal: ['safety_manager', 'unit_leader', 'employee'],
  safety_manager: ['unit_leader', 'employee'],
  unit_leader: [],
  employee: [],
  insurer_staff: [],
  service_staff: [],
};
const CALLER: Record<Role, string> = {
  district_admin: 'admin', department_officer: 'yjj', subdistrict_officer: 'guanshang', enterprise_principal: 'principal',
  safety_manager: 'safety', unit_leader: 'leader', employee: 'worker', insurer_staff: 'insurer', service_staff: 'service',
};
const MANAGERS: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager'];

/** The answer to `caller` changing an account of role `target`. */
function expected(caller: Role, target: Role): 200 | 403 | 404 {
  if (!MANAGERS.includes(caller)) return 403;
  if (caller !== 'district_admin' && !ENTERPRISE.includes(target)) return 404;
  return MAY_CHANGE[caller].includes(target) ? 200 : 403;
}

let t: TestPlatform;
let clients: Record<Role, Client>;
let ids: { enterprise: string; unit: string; department: string; subdistrict: string; insurer: string; service: string; district: string };
let hash: string;
let seq = 0;

before(async () => {
  t = await createTestPlatform();
  const principal = await t.db.selectFrom('users').selectAll().where('username', '=', 'principal').executeTakeFirstOrThrow();
  const leader = await t.db.selectFrom('users').selectAll().where('username', '=', 'leader').executeTakeFirstOrThrow();
  const dep = await t.db.selectFrom('departments').select('id').orderBy('code').executeTakeFirstOrThrow();
  const sub = await t.db.selectFrom('subdistricts').select('id').orderBy('code').executeTakeFirstOrThrow();
  const insurer = await t.db.selectFrom('institutions').select('id').where('kind', '=', 'insurer').executeTakeFirstOrThrow();
  const service = await t.db.selectFrom('institutions').select('id').where('kind', '=', 'service').executeTakeFirstOrThrow();
  ids = { enterprise: principal.enterprise_id!, unit: leader.org_unit_id!, department: dep.id, subdistrict: sub.id, insurer: insurer.id, service: service.id, district: principal.district_id! };
  hash = await hashPassword('Target#Account2026');
  clients = {} as Record<Role, Client>;
  for (const r of ROLES) clients[r] = await t.login(CALLER[r]);
});
after(async () => { await t.close(); });

/** The scope fields an account of `role` needs, as the API takes them. */
function scopeBody(role: Role): Record<string, string> {
  switch (role) {
    case 'district_admin': return {};
    case 'department_officer': return { departmentId: ids.department };
    case 'subdistrict_officer': return { subdistrictId: ids.subdistrict };
    case 'insurer_staff': return { institutionId: ids.insurer };
    case 'service_staff': return { institutionId: ids.service };
    case 'unit_leader': return { enterpriseId: ids.enterprise, orgUnitId: ids.unit };
    default: return { enterpriseId: ids.enterprise };
  }
}

/** A fresh account of `role` (in the demo enterprise when it is an enterprise role), straight into the table. */
async function target(role: Role, extra: { disabled?: boolean } = {}): Promise<string> {
  seq += 1;
  const s = scopeBody(role);
  const row = await t.db.insertInto('users').values({
    username: `esc_${role}_${seq}`, display_name: `目标 ${seq}`, role, password_hash: hash, must_change_password: false,
    district_id: ids.district, department_id: s.departmentId ?? null, subdistrict_id: s.subdistrictId ?? null,
    enterprise_id: s.enterpriseId ?? null, org_unit_id: s.orgUnitId ?? null, institution_id: s.institutionId ?? null,
    disabled: extra.disabled ?? false,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

type Change = { name: string; call: (c: Client, id: string) => Promise<{ statusCode: number; data: { error?: { code: string } } }>; disabled?: boolean };
const CHANGES: Change[] = [
  { name: 'reset password', call: (c, id) => c.post(`/api/v1/users/${id}/reset-password`) },
  { name: 'disable', call: (c, id) => c.patch(`/api/v1/users/${id}`, { disabled: true }) },
  { name: 'enable', call: (c, id) => c.patch(`/api/v1/users/${id}`, { disabled: false }), disabled: true },
  { name: 'unlock', call: (c, id) => c.post(`/api/v1/users/${id}/unlock`) },
  { name: 'rename', call: (c, id) => c.patch(`/api/v1/users/${id}`, { displayName: '改名' }) },
];

for (const change of CHANGES) {
  test(`D2: ${change.name} — every caller role × every target role is allowed or refused as the rank table says`, async () => {
    const failures: string[] = [];
    for (const caller of ROLES) {
      for (const role of ROLES) {
        const id = await target(role, { disabled: change.disabled });
        const before = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const res = await change.call(clients[caller], id);
        const want = expected(caller, role);
        if (res.statusCode !== want) failures.push(`${caller} → ${role}: ${res.statusCode}, expected ${want}`);
        const afterRow = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (want !== 200) {
          if (want === 403 && res.data?.error?.code !== 'FORBIDDEN') failures.push(`${caller} → ${role}: code ${res.data?.error?.code}`);
          // A refusal changes nothing.
          if (JSON.stringify(afterRow) !== JSON.stringify(before)) failures.push(`${caller} → ${role}: refused but changed`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('D2: change role — every caller × target role × new role is allowed only below the caller on both ends', async () => {
  const failures: string[] = [];
  for (const caller of ROLES) {
    // Callers without user.manage are refused at the edge whatever the new role; one new role each suffices.
    const newRoles = MANAGERS.includes(caller) ? ROLES : ['employee' as Role];
    for (const role of ROLES) {
      for (const next of newRoles) {
        const id = await target(role);
        const res = await clients[caller].patch(`/api/v1/users/${id}`, { role: next, ...scopeBody(next) });
        const reach = expected(caller, role);
        const want = reach !== 200 ? reach : MAY_CHANGE[caller].includes(next) ? 200 : 403;
        if (res.statusCode !== want) failures.push(`${caller}: ${role} → ${next}: ${res.statusCode}, expected ${want}`);
        const row = await t.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow();
        if (row.role !== (want === 200 ? next : role)) failures.push(`${caller}: ${role} → ${next}: stored role ${row.role}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('D2: create a user — every caller role × every role, granted only below the caller', async () => {
  const failures: string[] = [];
  for (const caller of ROLES) {
    for (const role of ROLES) {
      seq += 1;
      const res = await clients[caller].post('/api/v1/users', { username: `new_${seq}`, displayName: `新账号 ${seq}`, role, ...scopeBody(role) });
      const want = !MANAGERS.includes(caller) ? 403 : MAY_CHANGE[caller].includes(role) ? 201 : 403;
      if (res.statusCode !== want) failures.push(`${caller} creates ${role}: ${res.statusCode}, expected ${want}`);
      if (want === 403 && res.data?.error?.code !== 'FORBIDDEN') failures.push(`${caller} creates ${role}: code ${res.data?.error?.code}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('D2: an enterprise manager cannot reach accounts of another enterprise (404), and nobody changes their own account here', async () => {
  const other = await t.db.selectFrom('enterprises').select(['id', 'district_id']).where('id', '<>', ids.enterprise).executeTakeFirstOrThrow();
  const foreign = await t.db.insertInto('users').values({
    username: 'esc_foreign_employee', display_name: '外企员工', role: 'employee', password_hash: hash, must_change_password: false,
    district_id: other.district_id, enterprise_id: other.id,
  }).returning('id').executeTakeFirstOrThrow();
  for (const r of ['enterprise_principal', 'safety_manager'] as Role[]) {
    const res = await clients[r].post(`/api/v1/users/${foreign.id}/reset-password`);
    assert.equal(res.statusCode, 404, r);
  }
  for (const r of MANAGERS) {
    const self = await t.db.selectFrom('users').select('id').where('username', '=', CALLER[r]).executeTakeFirstOrThrow();
    const reset = await clients[r].post(`/api/v1/users/${self.id}/reset-password`);
    assert.equal(reset.statusCode, 403, r);
    const disable = await clients[r].patch(`/api/v1/users/${self.id}`, { disabled: true });
    assert.equal(disable.statusCode, 403, r);
  }
});

test('D2: the user list tells the caller which accounts they may change', async () => {
  const byName = new Map<string, boolean>();
  for (const username of ['principal', 'safety', 'leader', 'worker']) {
    const list = await clients.safety_manager.get(`/api/v1/users?q=${username}&pageSize=200`);
    assert.equal(list.statusCode, 200);
    for (const u of list.data.items as { username: string; canManage: boolean }[]) byName.set(u.username, u.canManage);
  }
  assert.equal(byName.get('principal'), false);
  assert.equal(byName.get('safety'), false);
  assert.equal(byName.get('leader'), true);
  assert.equal(byName.get('worker'), true);
  const me = await clients.safety_manager.get('/api/v1/auth/me');
  assert.deepEqual(me.data.assignableRoles, ['unit_leader', 'employee']);
});
