import type { Scope } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';
import { scopeNames } from './user.repository';

export type ScopeView = { kind: Scope['kind']; id: string; name: string; enterpriseId: string | null };

/** A readable name for a scope: the district, department, subdistrict, enterprise (and unit) or institution. */
export async function describeScopeView(db: Executor, scope: Scope): Promise<ScopeView> {
  const { name, unitName } = await scopeNames(db, scope);
  switch (scope.kind) {
    case 'district': return { kind: 'district', id: scope.districtId, name: name ?? '', enterpriseId: null };
    case 'department': return { kind: 'department', id: scope.departmentId, name: name ?? '', enterpriseId: null };
    case 'subdistrict': return { kind: 'subdistrict', id: scope.subdistrictId, name: name ?? '', enterpriseId: null };
    case 'enterprise': {
      const own = name ?? '';
      return { kind: 'enterprise', id: scope.enterpriseId, name: unitName !== null ? `${own} · ${unitName}` : own, enterpriseId: scope.enterpriseId };
    }
    case 'institution': return { kind: 'institution', id: scope.institutionId, name: name ?? '', enterpriseId: null };
  }
}
