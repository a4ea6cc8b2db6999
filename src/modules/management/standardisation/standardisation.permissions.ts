import type { ModuleManifest } from '../../../platform/module';

// The standardisation self-assessment's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'standardisation.read': true;
    'standardisation.manage': true;
    'standardisation.sign': true;
    'standardisation.supervise': true;
  }
}

export const STANDARDISATION_PERMISSIONS = ['standardisation.read', 'standardisation.manage', 'standardisation.sign', 'standardisation.supervise'] as const;

/**
 * Who holds them (issue 13 §4, R-STD-1): the principal and the safety managers keep the self-assessment (adjust a score
 * with reason and evidence, submit it, record the external reviews); the principal alone signs it; the regulators see
 * who has and has not self-assessed and drill down into an enterprise's submitted assessment (read only).
 */
export const STANDARDISATION_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['standardisation.read', 'standardisation.manage', 'standardisation.sign'],
  safety_manager: ['standardisation.read', 'standardisation.manage'],
  department_officer: ['standardisation.read', 'standardisation.supervise'],
  subdistrict_officer: ['standardisation.read', 'standardisation.supervise'],
};
