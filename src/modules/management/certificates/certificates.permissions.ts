import type { ModuleManifest } from '../../../platform/module';

// The certificates' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'certificate.read': true;
    'certificate.manage': true;
    'certificate.supervise': true;
  }
}

export const CERTIFICATE_PERMISSIONS = ['certificate.read', 'certificate.manage', 'certificate.supervise'] as const;

/**
 * Who holds them (issue 13 §2): the principal and the safety managers (the HR/training officer works under the safety
 * manager's account) keep the certificates; a unit leader reads those of his unit's people; the regulators read the
 * enterprises in scope (the enterprise file's tab) and the unqualified-on-post lists.
 */
export const CERTIFICATE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['certificate.read', 'certificate.manage'],
  safety_manager: ['certificate.read', 'certificate.manage'],
  unit_leader: ['certificate.read'],
  department_officer: ['certificate.read', 'certificate.supervise'],
  subdistrict_officer: ['certificate.read', 'certificate.supervise'],
};
