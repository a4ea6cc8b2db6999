import { sql } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';

/*
 * The district's reference data: subdistricts, departments and the industries they supervise, institutions. A caller
 * reads the subdistricts and departments of their own district; the district admin changes those of theirs
 * (`DistrictScope`). Industries and institutions are the same for every scope: nothing to narrow.
 */

/** The scope of the district admin, the one who keeps the reference data. */
export type DistrictScope = Extract<Scope, { kind: 'district' }>;

/** The district of a scope (one per deployment today; the model allows several). */
export async function districtOf(db: Executor, scope: Scope): Promise<string | null> {
  switch (scope.kind) {
    case 'district': return scope.districtId;
    case 'subdistrict': return (await db.selectFrom('subdistricts').select('district_id').where('id', '=', scope.subdistrictId).executeTakeFirst())?.district_id ?? null;
    case 'department': return (await db.selectFrom('departments').select('district_id').where('id', '=', scope.departmentId).executeTakeFirst())?.district_id ?? null;
    case 'enterprise': return (await db.selectFrom('enterprises').select('district_id').where('id', '=', scope.enterpriseId).executeTakeFirst())?.district_id ?? null;
    // Institutions serve enterprises, not a district: they read the first one.
    case 'institution': return (await db.selectFrom('districts').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id ?? null;
  }
}

/** The subdistricts of the scope's district, by code. */
export async function subdistrictRows(db: Executor, scope: Scope) {
  const districtId = await districtOf(db, scope);
  if (!districtId) return [];
  return db.selectFrom('subdistricts').select(['id', 'code', 'name']).where('district_id', '=', districtId).orderBy('code').execute();
}

/** The departments of the scope's district, by code, one row per industry each supervises (or one with none). */
export async function departmentRows(db: Executor, scope: Scope) {
  const districtId = await districtOf(db, scope);
  if (!districtId) return [];
  return db.selectFrom('departments as d')
    .leftJoin('department_industries as di', 'di.department_id', 'd.id')
    .select(['d.id', 'd.code', 'd.name', 'di.industry_code'])
    .where('d.district_id', '=', districtId).orderBy('d.code').execute();
}

/** The national industry classification, in its order. */
export async function industryRows(db: Executor, _scope: Scope) {
  return db.selectFrom('industries').selectAll().orderBy('sort').execute();
}

export async function institutionRows(db: Executor, _scope: Scope) {
  return db.selectFrom('institutions').select(['id', 'kind', 'name']).orderBy('name').execute();
}

/** How many distinct industries of these codes exist. */
export async function countIndustries(db: Executor, _scope: Scope, codes: string[]): Promise<number> {
  const found = await db.selectFrom('industries').select('code').where('code', 'in', codes).execute();
  return found.length;
}

// ---- the district admin's own district ----

export async function subdistrictCodeTaken(db: Executor, scope: DistrictScope, code: string): Promise<boolean> {
  const dup = await db.selectFrom('subdistricts').select('id').where('district_id', '=', scope.districtId).where('code', '=', code).executeTakeFirst();
  return !!dup;
}

export async function insertSubdistrict(tx: Tx, scope: DistrictScope, row: { code: string; name: string }) {
  return tx.insertInto('subdistricts').values({ district_id: scope.districtId, code: row.code, name: row.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

export async function findSubdistrict(db: Executor, scope: DistrictScope, id: string) {
  return db.selectFrom('subdistricts').select(['id', 'code', 'name']).where('id', '=', id).where('district_id', '=', scope.districtId).executeTakeFirst();
}

export async function renameSubdistrict(tx: Tx, scope: DistrictScope, id: string, name: string) {
  return tx.updateTable('subdistricts').set({ name }).where('id', '=', id).where('district_id', '=', scope.districtId)
    .returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

export async function departmentCodeTaken(db: Executor, scope: DistrictScope, code: string): Promise<boolean> {
  const dup = await db.selectFrom('departments').select('id').where('district_id', '=', scope.districtId).where('code', '=', code).executeTakeFirst();
  return !!dup;
}

export async function insertDepartment(tx: Tx, scope: DistrictScope, row: { code: string; name: string }) {
  return tx.insertInto('departments').values({ district_id: scope.districtId, code: row.code, name: row.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

export async function findDepartment(db: Executor, scope: DistrictScope, id: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', '=', id).where('district_id', '=', scope.districtId).executeTakeFirst();
}

export async function renameDepartment(tx: Tx, scope: DistrictScope, id: string, name: string) {
  return tx.updateTable('departments').set({ name }).where('id', '=', id).where('district_id', '=', scope.districtId)
    .returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

/** A department of the district: the rows below follow it. */
const departmentOfDistrict = (scope: DistrictScope) => sql<boolean>`department_id in (select id from departments where district_id = ${scope.districtId})`;

/** The industry codes a department supervises. */
export async function departmentIndustryCodes(db: Executor, scope: DistrictScope, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('department_industries').select('industry_code').where('department_id', '=', departmentId)
    .where(departmentOfDistrict(scope)).execute();
  return rows.map((r) => r.industry_code);
}

/** Adds industries to a department of the district (none are written for another district's). */
export async function insertDepartmentIndustries(tx: Tx, scope: DistrictScope, departmentId: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`insert into department_industries (department_id, industry_code)
    select d.id, c.code from departments d cross join unnest(${codes}::text[]) as c(code)
    where d.id = ${departmentId} and d.district_id = ${scope.districtId}`.execute(tx);
}

/** Replaces the industries a department supervises. */
export async function replaceDepartmentIndustries(tx: Tx, scope: DistrictScope, departmentId: string, codes: string[]): Promise<void> {
  await tx.deleteFrom('department_industries').where('department_id', '=', departmentId).where(departmentOfDistrict(scope)).execute();
  await insertDepartmentIndustries(tx, scope, departmentId, codes);
}
