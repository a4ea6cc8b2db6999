import type { ModuleManifest } from '../../../platform/module';

// Drills' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'drill.read': true;
    'drill.write': true;
    'drill.report': true;
  }
}

export const DRILL_PERMISSIONS = ['drill.read', 'drill.write', 'drill.report'] as const;

/**
 * Who holds them (issue 14 §3): the principal and the safety managers record, evaluate and report drills; everyone in
 * the enterprise reads them (and reports the follow-up actions they own done); the regulators read the reported ones.
 */
export const DRILL_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['drill.read', 'drill.write', 'drill.report'],
  safety_manager: ['drill.read', 'drill.write', 'drill.report'],
  unit_leader: ['drill.read'],
  employee: ['drill.read'],
  department_officer: ['drill.read'],
  subdistrict_officer: ['drill.read'],
};

export const DRILL_NOTIFICATION_KINDS = {
  'drill.action': ['演练整改事项', 'Drill follow-up action'],
  'drill.confirm': ['演练待主要负责人确认', 'Drill to confirm as organiser'],
} as const;
