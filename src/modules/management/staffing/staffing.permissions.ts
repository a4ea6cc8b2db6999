import type { ModuleManifest } from '../../../platform/module';

// The staffing module's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'staffing.read': true;
    'staffing.manage': true;
    'staffing.supervise': true;
  }
}

export const STAFFING_PERMISSIONS = ['staffing.read', 'staffing.manage', 'staffing.supervise'] as const;

/**
 * Who holds them (RULES.md §0, R-TEAM-1/2, issue 12 §1): the principal and the safety managers keep the safety
 * organisation (department, staff, engineers, outsourced services); the regulators read an enterprise's organisation in
 * scope and list the enterprises in scope that fall short. The roster's headcount is the managers' and regulators' to see,
 * so unit leaders and employees do not read the check.
 */
export const STAFFING_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['staffing.read', 'staffing.manage'],
  safety_manager: ['staffing.read', 'staffing.manage'],
  department_officer: ['staffing.read', 'staffing.supervise'],
  subdistrict_officer: ['staffing.read', 'staffing.supervise'],
};
