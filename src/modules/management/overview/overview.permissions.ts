import type { ModuleManifest } from '../../../platform/module';

// The management-system view's permission joins the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'management.overview': true;
  }
}

export const OVERVIEW_PERMISSIONS = ['management.overview'] as const;

/** Issue 12 §7: the regulators (subdistricts by location, departments by industry) and the district admin (all). */
export const OVERVIEW_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  department_officer: ['management.overview'],
  subdistrict_officer: ['management.overview'],
};
