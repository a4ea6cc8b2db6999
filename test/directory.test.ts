// The directory (src/platform/directory.ts): who hears of what — an enterprise's managers, the unit leaders above a
// unit, the regulators of an enterprise by industry and by location. Fresh enterprises from the factories, so the
// answers are exact sets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import {
  accountsOf, departmentOfficersFor, departmentOfficersOf, idsOf, managersOf, principalsOf, regulatorsOf, safetyManagersOf,
  subdistrictOfficersOf, unitLeadersOver,
} from '../src/platform/directory';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
let ent: FreshEnterprise;
let other: FreshEnterprise;
const sorted = (ids: string[]) => [...ids].sort();

before(async () => {
  t = await createTestPlatform();
  // A subdistrict that has officers in the demo district, and another one.
  const subdistricts = await t.db.selectFrom('subdistricts as s').select('s.id').orderBy('s.code')
    .where((eb) => eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.subdistrict_id', '=', 's.id').where('u.role', '=', 'subdistrict_officer'))).execute();
  const elsewhere = await t.db.selectFrom('subdistricts').select('id').where('id', '<>', subdistricts[0].id).orderBy('code').executeTakeFirstOrThrow();
  ent = await makeEnterprise(t, { industryCode: 'hazardous_chemicals', subdistrictId: subdistricts[0].id });
  other = await makeEnterprise(t, { industryCode: 'hazardous_chemicals', subdistrictId: elsewhere.id });
});
after(() => t.close());

test('managers are the active principal and safety managers of that enterprise only', async () => {
  assert.deepEqual(await idsOf(managersOf(t.db, ent.id)), sorted([ent.users.principal.id, ent.users.safety.id]));
  assert.deepEqual(await idsOf(principalsOf(t.db, ent.id)), [ent.users.principal.id]);
  assert.deepEqual(await idsOf(safetyManagersOf(t.db, ent.id)), [ent.users.safety.id]);
  assert.deepEqual(await idsOf(accountsOf(t.db, ent.id, ['employee'])), sorted([ent.users.worker.id, ent.users.worker2.id]));
  await t.db.updateTable('users').set({ disabled: true }).where('id', '=', ent.users.safety.id).execute();
  try {
    assert.deepEqual(await idsOf(managersOf(t.db, ent.id)), [ent.users.principal.id], 'a disabled account hears nothing');
  } finally {
    await t.db.updateTable('users').set({ disabled: false }).where('id', '=', ent.users.safety.id).execute();
  }
});

test('an enterprise reference may be an SQL expression, for set-based statements', async () => {
  const rows = await t.db.selectFrom('enterprises as e').select('e.id')
    .where('e.id', 'in', [ent.id, other.id])
    .where((eb) => eb.exists(managersOf(t.db, sql.ref<string>('e.id')).where('users.id', '=', ent.users.principal.id))).execute();
  assert.deepEqual(rows.map((r) => r.id), [ent.id]);
});

test('unit leaders over a unit: the leader of workshop one covers its team, not workshop two', async () => {
  const path = async (id: string) => (await t.db.selectFrom('org_units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  assert.deepEqual(await idsOf(unitLeadersOver(t.db, ent.id, await path(ent.units.team1))), [ent.users.leader.id]);
  assert.deepEqual(await idsOf(unitLeadersOver(t.db, ent.id, await path(ent.units.ws1))), [ent.users.leader.id]);
  assert.deepEqual(await idsOf(unitLeadersOver(t.db, ent.id, await path(ent.units.ws2))), []);
  assert.deepEqual(await idsOf(unitLeadersOver(t.db, other.id, await path(ent.units.team1))), [], 'another enterprise has no leader there');
});

test('regulators: departments by industry and the subdistrict by location', async () => {
  const officers = async (role: string, where: 'department' | 'subdistrict', value: string | null) => sorted((await t.db.selectFrom('users').select('id')
    .where('role', '=', role as never).where('disabled', '=', false)
    .where(where === 'department' ? 'department_id' : 'subdistrict_id', 'in', where === 'department'
      ? t.db.selectFrom('department_industries').select('department_id').where('industry_code', '=', value!)
      : t.db.selectFrom('enterprises').select('subdistrict_id').where('id', '=', value!)).execute()).map((r) => r.id));
  const departments = await officers('department_officer', 'department', 'hazardous_chemicals');
  const local = await officers('subdistrict_officer', 'subdistrict', ent.id);
  const otherLocal = await officers('subdistrict_officer', 'subdistrict', other.id);
  assert.ok(departments.length > 0 && local.length > 0, 'the demo district has officers on both sides');
  assert.deepEqual(await idsOf(departmentOfficersOf(t.db, ent.id)), departments);
  assert.deepEqual(await idsOf(subdistrictOfficersOf(t.db, ent.id)), local);
  assert.deepEqual(await idsOf(regulatorsOf(t.db, ent.id)), sorted([...new Set([...departments, ...local])]));
  assert.deepEqual(await idsOf(subdistrictOfficersOf(t.db, other.id)), otherLocal);
  assert.ok(!local.some((id) => otherLocal.includes(id)), 'each subdistrict hears of its own enterprises');
  const district = (await t.db.selectFrom('enterprises').select('district_id').where('id', '=', ent.id).executeTakeFirstOrThrow()).district_id;
  assert.deepEqual(await idsOf(departmentOfficersFor(t.db, district, ['hazardous_chemicals'])), departments);
  assert.deepEqual(await idsOf(departmentOfficersFor(t.db, district, [])), []);
});
