import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { alreadyTaken, forbidden, invalid, notFound } from '../../platform/errors';

/** The district of the caller (one per deployment today; the model allows several). */
export async function districtIdOf(db: Executor, ctx: Ctx): Promise<string | null> {
  const s = ctx.actor?.scope;
  if (!s) return null;
  switch (s.kind) {
    case 'district': return s.districtId;
    case 'subdistrict': return (await db.selectFrom('subdistricts').select('district_id').where('id', '=', s.subdistrictId).executeTakeFirst())?.district_id ?? null;
    case 'department': return (await db.selectFrom('departments').select('district_id').where('id', '=', s.departmentId).executeTakeFirst())?.district_id ?? null;
    case 'enterprise': return (await db.selectFrom('enterprises').select('district_id').where('id', '=', s.enterpriseId).executeTakeFirst())?.district_id ?? null;
    case 'institution': return (await db.selectFrom('districts').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id ?? null;
  }
}

export async function listSubdistricts(db: Executor, ctx: Ctx) {
  const districtId = await districtIdOf(db, ctx);
  if (!districtId) return [];
  return db.selectFrom('subdistricts').select(['id', 'code', 'name']).where('district_id', '=', districtId).orderBy('code').execute();
}

export async function listIndustries(db: Executor) {
  const rows = await db.selectFrom('industries').selectAll().orderBy('sort').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, highRisk: r.high_risk, categories: r.categories }));
}

export async function listDepartments(db: Executor, ctx: Ctx) {
  const districtId = await districtIdOf(db, ctx);
  if (!districtId) return [];
  const rows = await db.selectFrom('departments as d')
    .leftJoin('department_industries as di', 'di.department_id', 'd.id')
    .select(['d.id', 'd.code', 'd.name', 'di.industry_code'])
    .where('d.district_id', '=', districtId).orderBy('d.code').execute();
  const out = new Map<string, { id: string; code: string; name: string; industryCodes: string[] }>();
  for (const r of rows) {
    const d = out.get(r.id) ?? { id: r.id, code: r.code, name: r.name, industryCodes: [] };
    if (r.industry_code) d.industryCodes.push(r.industry_code);
    out.set(r.id, d);
  }
  return [...out.values()];
}

export async function listInstitutions(db: Executor) {
  return db.selectFrom('institutions').select(['id', 'kind', 'name']).orderBy('name').execute();
}

// ---- district admin: subdistricts and departments ----

async function adminDistrict(db: Executor, ctx: Ctx): Promise<string> {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'district') throw forbidden();
  return actor.scope.districtId;
}

async function checkIndustries(db: Executor, codes: string[]) {
  if (codes.length === 0) return;
  const found = await db.selectFrom('industries').select('code').where('code', 'in', codes).execute();
  if (found.length !== new Set(codes).size) throw invalid('body.industryCodes', 'error.NOT_FOUND');
}

export async function createSubdistrict(db: Db, ctx: Ctx, input: { code: string; name: string }) {
  const districtId = await adminDistrict(db, ctx);
  return db.transaction().execute(async (tx) => {
    const dup = await tx.selectFrom('subdistricts').select('id').where('district_id', '=', districtId).where('code', '=', input.code).executeTakeFirst();
    if (dup) throw alreadyTaken('body.code', 'validation.codeTaken');
    const row = await tx.insertInto('subdistricts').values({ district_id: districtId, code: input.code, name: input.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'subdistrict.create', entityType: 'subdistrict', entityId: row.id, after: row });
    return row;
  });
}

export async function updateSubdistrict(db: Db, ctx: Ctx, id: string, input: { name: string }) {
  const districtId = await adminDistrict(db, ctx);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('subdistricts').select(['id', 'code', 'name']).where('id', '=', id).where('district_id', '=', districtId).executeTakeFirst();
    if (!before) throw notFound();
    const after = await tx.updateTable('subdistricts').set({ name: input.name }).where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'subdistrict.update', entityType: 'subdistrict', entityId: id, before, after });
    return after;
  });
}

export async function createDepartment(db: Db, ctx: Ctx, input: { code: string; name: string; industryCodes: string[] }) {
  const districtId = await adminDistrict(db, ctx);
  return db.transaction().execute(async (tx) => {
    await checkIndustries(tx, input.industryCodes);
    const dup = await tx.selectFrom('departments').select('id').where('district_id', '=', districtId).where('code', '=', input.code).executeTakeFirst();
    if (dup) throw alreadyTaken('body.code', 'validation.codeTaken');
    const row = await tx.insertInto('departments').values({ district_id: districtId, code: input.code, name: input.name }).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    const codes = [...new Set(input.industryCodes)];
    if (codes.length) await tx.insertInto('department_industries').values(codes.map((c) => ({ department_id: row.id, industry_code: c }))).execute();
    await writeAudit(tx, ctx, { action: 'department.create', entityType: 'department', entityId: row.id, after: { ...row, industryCodes: codes } });
    return { ...row, industryCodes: codes };
  });
}

/** Changing a department's industries changes which enterprises its officers see ("三个必须"). */
export async function updateDepartment(db: Db, ctx: Ctx, id: string, input: { name?: string; industryCodes?: string[] }) {
  const districtId = await adminDistrict(db, ctx);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('departments').select(['id', 'code', 'name']).where('id', '=', id).where('district_id', '=', districtId).executeTakeFirst();
    if (!before) throw notFound();
    const beforeCodes = (await tx.selectFrom('department_industries').select('industry_code').where('department_id', '=', id).execute()).map((r) => r.industry_code);
    const after = input.name !== undefined
      ? await tx.updateTable('departments').set({ name: input.name }).where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirstOrThrow()
      : before;
    let codes = beforeCodes;
    if (input.industryCodes) {
      await checkIndustries(tx, input.industryCodes);
      codes = [...new Set(input.industryCodes)];
      await tx.deleteFrom('department_industries').where('department_id', '=', id).execute();
      if (codes.length) await tx.insertInto('department_industries').values(codes.map((c) => ({ department_id: id, industry_code: c }))).execute();
    }
    await writeAudit(tx, ctx, { action: 'department.update', entityType: 'department', entityId: id, before: { ...before, industryCodes: beforeCodes }, after: { ...after, industryCodes: codes } });
    return { ...after, industryCodes: codes };
  });
}
