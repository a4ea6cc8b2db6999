import type { ModuleManifest } from '../../platform/module';

// Hidden-hazard investigation's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../platform/auth/permissions' {
  interface ModulePermissions {
    'hazard.read': true;
    'hazard.report': true;
    'hazard.act': true;
    'hazard.manage': true;
    'hazard.supervise': true;
  }
}

export const HAZARD_PERMISSIONS = ['hazard.read', 'hazard.report', 'hazard.act', 'hazard.manage', 'hazard.supervise'] as const;

/** Who holds them (RULES.md §0, §4). */
export const HAZARD_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['hazard.read', 'hazard.report', 'hazard.act', 'hazard.manage'],
  safety_manager: ['hazard.read', 'hazard.report', 'hazard.act', 'hazard.manage'],
  unit_leader: ['hazard.read', 'hazard.report', 'hazard.act'],
  employee: ['hazard.read', 'hazard.report', 'hazard.act'],
  // Regulators read hazards in scope, record what their inspections find, and list major hazards for supervision.
  department_officer: ['hazard.read', 'hazard.report', 'hazard.supervise'],
  subdistrict_officer: ['hazard.read', 'hazard.report', 'hazard.supervise'],
  // Insurers and service institutions report what their prevention services find (R-INS-2, R-SVC-1).
  insurer_staff: ['hazard.report'],
  service_staff: ['hazard.report'],
};

/** The kinds of notification the closed loop, the checks and the double report send. */
export const HAZARD_NOTIFICATION_KINDS = {
  check: ['隐患排查任务', 'Check task'],
  'hazard.reported': ['隐患上报', 'Hazard reported'],
  'hazard.assigned': ['整改指派', 'Rectification assigned'],
  'hazard.submitted': ['整改待验收', 'Awaiting acceptance'],
  'hazard.rejected': ['验收未通过', 'Rectification rejected'],
  'hazard.closed': ['隐患闭环', 'Hazard closed'],
  'hazard.extension': ['延期申请', 'Extension request'],
  'hazard.major': ['重大隐患', 'Major hazard'],
  'hazard.supervised': ['挂牌督办', 'Supervision'],
  'hazard.due': ['整改即将到期', 'Rectification due soon'],
  'hazard.overdue': ['整改逾期', 'Rectification overdue'],
  'hazard.report': ['双报告', 'Double report'],
} as const;
