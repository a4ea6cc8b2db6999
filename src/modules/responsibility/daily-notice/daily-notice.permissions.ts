import type { ModuleManifest } from '../../../platform/module';

// The daily notice's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'daily_notice.read': true;
    'daily_notice.draft': true;
    'daily_notice.sign': true;
    'daily_notice.supervise': true;
  }
}

export const DAILY_NOTICE_PERMISSIONS = ['daily_notice.read', 'daily_notice.draft', 'daily_notice.sign', 'daily_notice.supervise'] as const;

/**
 * Who holds them (RULES.md §0, R-COM-1, issue 11 §6): the principal and the safety managers fill in the day's figures;
 * only the principal signs (his signature posts the notice); everybody in the enterprise reads what is posted at the
 * gate; the regulators see who has and has not posted.
 */
export const DAILY_NOTICE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['daily_notice.read', 'daily_notice.draft', 'daily_notice.sign'],
  safety_manager: ['daily_notice.read', 'daily_notice.draft'],
  unit_leader: ['daily_notice.read'],
  employee: ['daily_notice.read'],
  department_officer: ['daily_notice.read', 'daily_notice.supervise'],
  subdistrict_officer: ['daily_notice.read', 'daily_notice.supervise'],
};
