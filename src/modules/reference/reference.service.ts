import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { alreadyTaken, forbidden, invalid, notFound } from '../../platform/errors';
import {
  countIndustries, departmentCodeTaken, departmentIndustryCodes, departmentRows, districtOf, findDepartment, findSubdistrict,
  industryRows, insertDepartment, insertDepartmentIndustries, insertSubdistrict, institutionRows, renameDepartment,
  renameSubdistrict, replaceDepartmentIndustries, subdistrictCodeTaken, subdistrictRows, type DistrictScope,
} from './reference.repository';

/** The district of the caller (one per deployment today; the model allows several). */
export async function districtIdOf(db: Executor, ctx: Ctx): Promise<string | null> {
  const s = ctx.actor?.scope;
  if (!s) return null;
  return districtOf(db, s);
}

export async function listSubdistricts(db: Executor, ctx: Ctx) {
  const s = ctx.actor?.scope;
  if (!s) return [];
  return subdistrictRows(db, s);
}

export async function listIndustries(db: Executor, ctx: Ctx) {
  const rows = await industryRows(db, requireActor(ctx).scope);
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, highRisk: r.high_risk, categories: r.categories }));
}

export async function listDepartments(db: Executor, ctx: Ctx) {
  const s = ctx.actor?.scope;
  if (!s) return [];
  const rows = await departmentRows(db, s);
  const out = new Map<string, { id: string; code: string; name: string; industryCodes: string[] }>();
  for (const r of rows) {
    const d = out.get(r.id) ?? { id: r.id, code: r.code, name: r.name, industryCodes: [] };
    if (r.industry_code) d.industryCodes.push(r.industry_code);
    out.set(r.id, d);
  }
  return [...out.values()];
}

export async function listInstitutions(db: Executor, ctx: Ctx) {
  return institutionRows(db, requireActor(ctx).scope);
}

// ---- district admin: subdistricts and departments ----

function adminDistrict(ctx: Ctx): DistrictScope {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'district') throw forbidden();
  return actor.scope;
}

async function checkIndustries(db: Executor, scope: DistrictScope, codes: string[]) {
  if (codes.length === 0) return;
  if ((await countIndustries(db, scope, codes)) !== new Set(codes).size) throw invalid('body.industryCodes', 'error.NOT_FOUND');
}

export async function createSubdistrict(db: Db, ctx: Ctx, input: { code: string; name: string }) {
  const scope = adminDistrict(ctx);
  return db.transaction().execute(async (tx) => {
    if (await subdistrictCodeTaken(tx, scope, input.code)) throw alreadyTaken('body.code', 'validation.codeTaken');
    const row = await insertSubdistrict(tx, scope, input);
    await writeAudit(tx, ctx, { action: 'subdistrict.create', entityType: 'subdistrict', entityId: row.id, after: row });
    return row;
  });
}

export async function updateSubdistrict(db: Db, ctx: Ctx, id: string, input: { name: string }) {
  const scope = adminDistrict(ctx);
  return db.transaction().execute(async (tx) => {
    const before = await findSubdistrict(tx, scope, id);
    if (!before) throw notFound();
    const after = await renameSubdistrict(tx, scope, id, input.name);
    await writeAudit(tx, ctx, { action: 'subdistrict.update', entityType: 'subdistrict', entityId: id, before, after });
    return after;
  });
}

export async function createDepartment(db: Db, ctx: Ctx, input: { code: string; name: string; industryCodes: string[] }) {
  const scope = adminDistrict(ctx);
  return db.transaction().execute(async (tx) => {
    await checkIndustries(tx, scope, input.industryCodes);
    if (await departmentCodeTaken(tx, scope, input.code)) throw alreadyTaken('body.code', 'validation.codeTaken');
    const row = await insertDepartment(tx, scope, input);
    const codes = [...new Set(input.industryCodes)];
    await insertDepartmentIndustries(tx, scope, row.id, codes);
    await writeAudit(tx, ctx, { action: 'department.create', entityType: 'department', entityId: row.id, after: { ...row, industryCodes: codes } });
    return { ...row, industryCodes: codes };
  });
}

/** Changing a department's industries changes which enterprises its officers see ("三个必须"). */
export async function updateDepartment(db: Db, ctx: Ctx, id: string, input: { name?: string; industryCodes?: string[] }) {
  const scope = adminDistrict(ctx);
  return db.transaction().execute(async (tx) => {
    const before = await findDepartment(tx, scope, id);
    if (!before) throw notFound();
    const beforeCodes = await departmentIndustryCodes(tx, scope, id);
    const after = input.name !== undefined ? await renameDepartment(tx, scope, id, input.name) : before;
    let codes = beforeCodes;
    if (input.industryCodes) {
      await checkIndustries(tx, scope, input.industryCodes);
      codes = [...new Set(input.industryCodes)];
      await replaceDepartmentIndustries(tx, scope, id, codes);
    }
    await writeAudit(tx, ctx, { action: 'department.update', entityType: 'department', entityId: id, before: { ...before, industryCodes: beforeCodes }, after: { ...after, industryCodes: codes } });
    return { ...after, industryCodes: codes };
  });
}
