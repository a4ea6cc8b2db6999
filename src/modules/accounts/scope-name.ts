import type { Scope } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';

export type ScopeView = { kind: Scope['kind']; id: string; name: string; enterpriseId: string | null };

/** A readable name for a scope: the district, department, subdistrict, enterprise (and unit) or institution. */
export async function describeScopeView(db: Executor, scope: Scope): Promise<ScopeView> {
  switch (scope.kind) {
    case 'district': {
      const d = await db.selectFrom('districts').select('name').where('id', '=', scope.districtId).executeTakeFirst();
      return { kind: 'district', id: scope.districtId, name: d?.name ?? '', enterpriseId: null };
    }
    case 'department': {
      const d = await db.selectFrom('departments').select('name').where('id', '=', scope.departmentId).executeTakeFirst();
      return { kind: 'department', id: scope.departmentId, name: d?.name ?? '', enterpriseId: null };
    }
    case 'subdistrict': {
      const d = await db.selectFrom('subdistricts').select('name').where('id', '=', scope.subdistrictId).executeTakeFirst();
      return { kind: 'subdistrict', id: scope.subdistrictId, name: d?.name ?? '', enterpriseId: null };
    }
    case 'enterprise': {
      const e = await db.selectFrom('enterprises').select('name').where('id', '=', scope.enterpriseId).executeTakeFirst();
      let name = e?.name ?? '';
      if (scope.unitPath) {
        const unitId = scope.unitPath.split('/').filter(Boolean).pop();
        const u = unitId ? await db.selectFrom('org_units').select('name').where('enterprise_id', '=', scope.enterpriseId).where('id', '=', unitId).executeTakeFirst() : undefined;
        if (u) name = `${name} · ${u.name}`;
      }
      return { kind: 'enterprise', id: scope.enterpriseId, name, enterpriseId: scope.enterpriseId };
    }
    case 'institution': {
      const i = await db.selectFrom('institutions').select('name').where('id', '=', scope.institutionId).executeTakeFirst();
      return { kind: 'institution', id: scope.institutionId, name: i?.name ?? '', enterpriseId: null };
    }
  }
}
