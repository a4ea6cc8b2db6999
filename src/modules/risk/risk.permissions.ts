import type { ModuleManifest } from '../../platform/module';

// Risk grading and control's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../platform/auth/permissions' {
  interface ModulePermissions {
    'risk.read': true;
    'risk.manage': true;
    'risk.rules': true;
    'risk.report.confirm': true;
    'risk.report.submit': true;
    'risk.supervise': true;
    'risk.card.acknowledge': true;
    'risk.card.proxy': true;
    'risk.card.acks': true;
  }
}

export const RISK_PERMISSIONS = ['risk.read', 'risk.manage', 'risk.rules', 'risk.report.confirm', 'risk.report.submit', 'risk.supervise',
  'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks'] as const;

/** Who holds them (RULES.md §0, §3). `risk.rules` is the district admin's alone (the admin holds every permission). */
export const RISK_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  // R-RISK-9: the safety manager submits the annual report; only the principal confirms (signs) it.
  // R-RISK-7, issue 12 §2: everyone on a post acknowledges his post's risk card; the managers, and a unit leader for his
  // branch, record it on a shared device for people without an account and read the figure; regulators read it.
  enterprise_principal: ['risk.read', 'risk.manage', 'risk.report.submit', 'risk.report.confirm', 'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks'],
  safety_manager: ['risk.read', 'risk.manage', 'risk.report.submit', 'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks'],
  unit_leader: ['risk.read', 'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks'],
  employee: ['risk.read', 'risk.card.acknowledge'],
  // Regulators read the points in their scope and supervise major risks.
  department_officer: ['risk.read', 'risk.supervise', 'risk.card.acks'],
  subdistrict_officer: ['risk.read', 'risk.supervise', 'risk.card.acks'],
};
