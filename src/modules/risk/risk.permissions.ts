import type { ModuleManifest } from '../../platform/module';

// Risk grading and control's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../platform/auth/permissions' {
  interface ModulePermissions {
    'risk.read': true;
    'risk.manage': true;
    'risk.rules': true;
    'risk.report.confirm': true;
    'risk.report.submit': true;
    'risk.supervise': true;
  }
}

export const RISK_PERMISSIONS = ['risk.read', 'risk.manage', 'risk.rules', 'risk.report.confirm', 'risk.report.submit', 'risk.supervise'] as const;

/** Who holds them (RULES.md §0, §3). `risk.rules` is the district admin's alone (the admin holds every permission). */
export const RISK_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  // R-RISK-9: the safety manager submits the annual report; only the principal confirms (signs) it.
  enterprise_principal: ['risk.read', 'risk.manage', 'risk.report.submit', 'risk.report.confirm'],
  safety_manager: ['risk.read', 'risk.manage', 'risk.report.submit'],
  unit_leader: ['risk.read'],
  employee: ['risk.read'],
  // Regulators read the points in their scope and supervise major risks.
  department_officer: ['risk.read', 'risk.supervise'],
  subdistrict_officer: ['risk.read', 'risk.supervise'],
};
