import type { ModuleManifest } from '../../../platform/module';

// Emergency plans' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'emergency_plan.read': true;
    'emergency_plan.write': true;
    'emergency_plan.sign': true;
    'emergency_plan.file': true;
    'emergency_plan.accept': true;
  }
}

export const PLAN_PERMISSIONS = ['emergency_plan.read', 'emergency_plan.write', 'emergency_plan.sign', 'emergency_plan.file', 'emergency_plan.accept'] as const;

/**
 * Who holds them (R-EMG-1, issue 14 §1): the safety managers write and file the plans; the principal does too and
 * signs them; the staff read the plans issued to them; department officers accept the filings addressed to their
 * office; the subdistrict reads (the district admin holds every permission).
 */
export const PLAN_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['emergency_plan.read', 'emergency_plan.write', 'emergency_plan.sign', 'emergency_plan.file'],
  safety_manager: ['emergency_plan.read', 'emergency_plan.write', 'emergency_plan.file'],
  unit_leader: ['emergency_plan.read'],
  employee: ['emergency_plan.read'],
  department_officer: ['emergency_plan.read', 'emergency_plan.accept'],
  subdistrict_officer: ['emergency_plan.read'],
};

/** The kinds of notification plans send. */
export const PLAN_NOTIFICATION_KINDS = {
  'emergency_plan.issued': ['应急预案发布', 'Emergency plan issued'],
  'emergency_plan.toSign': ['应急预案待签署', 'Emergency plan to sign'],
  'emergency_plan.filing': ['应急预案备案', 'Emergency plan filing'],
  'emergency_plan.filingDecided': ['应急预案备案结果', 'Emergency plan filing decided'],
  'emergency_plan.filingWithdrawn': ['应急预案备案撤回', 'Emergency plan filing withdrawn'],
} as const;
