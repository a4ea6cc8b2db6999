import type { Role } from '../db/schema';

/** The one permission vocabulary. Routes declare one of these; roles grant them through ROLE_PERMISSIONS. */
export const PERMISSIONS = [
  'reference.read',
  'reference.manage',
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'orgunit.read',
  'orgunit.manage',
  'employee.read',
  'employee.manage',
  'employee.import',
  'employee.export',
  'user.read',
  'user.manage',
  'audit.read',
  'audit.verify',
  'job.read',
  'risk.read',
  'risk.manage',
  'risk.rules',
  'risk.report.confirm',
  'risk.report.submit',
  'risk.supervise',
  'hazard.read',
  'hazard.report',
  'hazard.act',
  'hazard.manage',
  'hazard.supervise',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES: readonly Role[] = [
  'district_admin', 'department_officer', 'subdistrict_officer',
  'enterprise_principal', 'safety_manager', 'unit_leader', 'employee',
  'insurer_staff', 'service_staff',
];

const ENTERPRISE_MANAGER: Permission[] = [
  'reference.read', 'enterprise.read', 'enterprise.update', 'orgunit.read', 'orgunit.manage',
  'employee.read', 'employee.manage', 'employee.import', 'employee.export', 'user.read', 'user.manage', 'audit.read',
  'risk.read', 'risk.manage', 'risk.report.submit',
  'hazard.read', 'hazard.report', 'hazard.act', 'hazard.manage',
];
// Regulators read hazards in scope, record what their inspections find, and list major hazards for supervision.
const REGULATOR: Permission[] = [
  'reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export', 'risk.read', 'risk.supervise',
  'hazard.read', 'hazard.report', 'hazard.supervise',
];

/** Role → permissions (RULES.md §0). Scope (which records) is enforced separately, in the repositories. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: PERMISSIONS,
  department_officer: REGULATOR,
  subdistrict_officer: REGULATOR,
  // R-RISK-9: the principal confirms the annual risk report.
  enterprise_principal: [...ENTERPRISE_MANAGER, 'risk.report.confirm'],
  safety_manager: ENTERPRISE_MANAGER,
  unit_leader: ['reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export', 'risk.read', 'hazard.read', 'hazard.report', 'hazard.act'],
  employee: ['reference.read', 'enterprise.read', 'orgunit.read', 'risk.read', 'hazard.read', 'hazard.report', 'hazard.act'],
  // Insurers and service institutions report what their prevention services find (R-INS-2, R-SVC-1).
  insurer_staff: ['reference.read', 'enterprise.read', 'hazard.report'],
  service_staff: ['reference.read', 'enterprise.read', 'hazard.report'],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that live inside one enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
