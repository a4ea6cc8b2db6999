import type { Ctx } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';

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
