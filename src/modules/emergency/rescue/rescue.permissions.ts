import type { ModuleManifest } from '../../../platform/module';

// The rescue organisation's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'rescue.read': true;
    'rescue.manage': true;
  }
}

export const RESCUE_PERMISSIONS = ['rescue.read', 'rescue.manage'] as const;

/**
 * Who holds them (issue 14 §2, R-EMG-3): the principal and the safety managers keep the rescue teams, agreements,
 * equipment and contacts; everyone in the enterprise reads them (the contacts card is for all); the supervising
 * departments and the subdistrict read those of the enterprises in their scope.
 */
export const RESCUE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['rescue.read', 'rescue.manage'],
  safety_manager: ['rescue.read', 'rescue.manage'],
  unit_leader: ['rescue.read'],
  employee: ['rescue.read'],
  department_officer: ['rescue.read'],
  subdistrict_officer: ['rescue.read'],
};

/** The kinds of notification rescue sends. */
export const RESCUE_NOTIFICATION_KINDS = {
  'rescue.due': ['应急物资与救援协议到期', 'Rescue equipment and agreements due'],
} as const;
