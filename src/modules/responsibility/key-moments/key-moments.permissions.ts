import type { ModuleManifest } from '../../../platform/module';

// Key moments', the pay–safety link's and mentoring's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'key_moment.read': true;
    'key_moment.manage': true;
    'key_moment.checkin': true;
    'key_moment.supervise': true;
    'pay_link.read': true;
    'pay_link.record': true;
    'mentoring.read': true;
    'mentoring.manage': true;
    'mentoring.sign': true;
  }
}

export const KEY_MOMENT_PERMISSIONS = [
  'key_moment.read', 'key_moment.manage', 'key_moment.checkin', 'key_moment.supervise', 'pay_link.read', 'pay_link.record', 'mentoring.read', 'mentoring.manage', 'mentoring.sign',
] as const;

/**
 * Who holds them (RULES.md §0, R-RESP-6, R-RESP-7, R-RESP-9): the principal and the safety managers declare moments,
 * name the on-duty leader, record the pay–safety link and run mentoring; anyone in the enterprise may be named to check
 * in or be a mentor who signs skills off (decided per record); regulators read the enterprises in their scope, and
 * the subdistrict's and departments' officers see every enterprise's key moments and check-ins in one list (supervise).
 */
export const KEY_MOMENT_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: KEY_MOMENT_PERMISSIONS.filter((p) => p !== 'key_moment.supervise'),
  safety_manager: KEY_MOMENT_PERMISSIONS.filter((p) => p !== 'key_moment.supervise'),
  unit_leader: ['key_moment.read', 'key_moment.checkin', 'mentoring.read', 'mentoring.sign'],
  employee: ['key_moment.read', 'key_moment.checkin', 'mentoring.read', 'mentoring.sign'],
  department_officer: ['key_moment.read', 'key_moment.supervise', 'pay_link.read', 'mentoring.read'],
  subdistrict_officer: ['key_moment.read', 'key_moment.supervise', 'pay_link.read', 'mentoring.read'],
};

/** The kinds of notification key moments and mentoring send. */
export const KEY_MOMENT_NOTIFICATION_KINDS = {
  'key_moment.duty': ['关键时段带班值班', 'On duty at a key moment'],
  'mentoring.assigned': ['以师带徒', 'Mentoring'],
} as const;
