import type { ModuleManifest } from '../../../platform/module';

// Letters' and commitments' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'letters.read': true;
    'letters.manage': true;
    'letters.sign': true;
    'letters.operate': true;
    'commitment.read': true;
    'commitment.manage': true;
    'commitment.sign': true;
    'commitment.supervise': true;
  }
}

export const LETTERS_PERMISSIONS = [
  'letters.read', 'letters.manage', 'letters.sign', 'letters.operate', 'commitment.read', 'commitment.manage', 'commitment.sign', 'commitment.supervise',
] as const;

/**
 * Who holds them (RULES.md §0, R-RESP-3, R-COM-1): managers run the campaigns and draft the commitment; unit leaders
 * follow their branch; both sign for people without an account and record paper lists (`letters.operate`); everybody
 * signs their own letter; only the principal signs the principal's commitment; regulators see who has a current one.
 */
export const LETTERS_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['letters.read', 'letters.manage', 'letters.sign', 'letters.operate', 'commitment.read', 'commitment.manage', 'commitment.sign'],
  safety_manager: ['letters.read', 'letters.manage', 'letters.sign', 'letters.operate', 'commitment.read', 'commitment.manage'],
  unit_leader: ['letters.read', 'letters.sign', 'letters.operate', 'commitment.read'],
  employee: ['letters.sign', 'commitment.read'],
  department_officer: ['commitment.read', 'commitment.supervise'],
  subdistrict_officer: ['commitment.read', 'commitment.supervise'],
};

/** The kinds of notification letters and commitments send. */
export const LETTERS_NOTIFICATION_KINDS = {
  'letters.campaign': ['签订责任书', 'Letter to sign'],
  'letters.remind': ['签订提醒', 'Signing reminder'],
  'commitment.reported': ['安全承诺报告', 'Safety commitment report'],
} as const;
