import type { Me, Permission } from '../auth/api/auth.api';

/** For code that has `me` but no hook (the menu builder); components use `useAuth().can`. */
export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

/** A regulator: scoped to a district, subdistrict or department rather than one enterprise. */
export function isRegulator(me: Me): boolean {
  return !me.scope.enterpriseId && ['district', 'subdistrict', 'department'].includes(me.scope.kind);
}
