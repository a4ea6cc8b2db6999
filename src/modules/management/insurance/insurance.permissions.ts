import type { ModuleManifest } from '../../../platform/module';

// The insurance permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'insurance.read': true;
    'insurance.confirm': true;
    'insurance.work_injury': true;
    'insurance.underwrite': true;
    'insurance.supervise': true;
  }
}

export const INSURANCE_PERMISSIONS = ['insurance.read', 'insurance.confirm', 'insurance.work_injury', 'insurance.underwrite', 'insurance.supervise'] as const;

/**
 * Who holds them (R-INS-1, issue 12 §4): the insurer's staff enter the policies they underwrite; the enterprise's
 * principal and safety managers confirm them and keep the work-injury coverage; the regulators read the coverage of
 * the enterprises in scope (and each enterprise's insurance page).
 */
export const INSURANCE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['insurance.read', 'insurance.confirm', 'insurance.work_injury'],
  safety_manager: ['insurance.read', 'insurance.confirm', 'insurance.work_injury'],
  insurer_staff: ['insurance.underwrite'],
  department_officer: ['insurance.read', 'insurance.supervise'],
  subdistrict_officer: ['insurance.read', 'insurance.supervise'],
};
