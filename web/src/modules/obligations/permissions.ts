import type { Me } from '../auth/api/auth.api';

/** The engine's permissions (server: src/modules/obligations/index.ts); the app's Permission type lists the core's only. */
export type ObligationPermission = 'obligation.read' | 'obligation.fulfil' | 'obligation.waive' | 'obligation.supervise';

export function hasObligationPermission(me: Me, permission: ObligationPermission): boolean {
  return me.permissions.includes(permission);
}

/** The enterprise's managers (principal and safety managers): they see its whole duty calendar and its rates. */
export function isEnterpriseManager(me: Me): boolean {
  return !!me.scope.enterpriseId && (me.role === 'enterprise_principal' || me.role === 'safety_manager');
}

/** A regulator: scoped to a district, subdistrict or department rather than one enterprise. */
export function isRegulator(me: Me): boolean {
  return !me.scope.enterpriseId && ['district', 'subdistrict', 'department'].includes(me.scope.kind);
}
