import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../platform/db/schema';
import { assignableRoles, outranks } from './account-rank';

// D2: the two ladders under the district admin, written out as the roles each may change and grant.
const MAY: Record<Role, Role[]> = {
  district_admin: ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee', 'insurer_staff', 'service_staff'],
  department_officer: [],
  subdistrict_officer: [],
  enterprise_principal: ['safety_manager', 'unit_leader', 'employee'],
  safety_manager: ['unit_leader', 'employee'],
  unit_leader: ['employee'],
  employee: [],
  insurer_staff: [],
  service_staff: [],
};

test('D2: each role outranks exactly the roles below it on its own ladder', () => {
  for (const [actor, roles] of Object.entries(MAY) as [Role, Role[]][]) {
    assert.deepEqual(assignableRoles(actor), roles, actor);
    for (const target of MAY.district_admin) assert.equal(outranks(actor, target), roles.includes(target), `${actor} → ${target}`);
  }
});

test('D2: a safety manager does not outrank the principal nor another safety manager', () => {
  assert.equal(outranks('safety_manager', 'enterprise_principal'), false);
  assert.equal(outranks('safety_manager', 'safety_manager'), false);
  assert.equal(outranks('enterprise_principal', 'enterprise_principal'), false);
});
