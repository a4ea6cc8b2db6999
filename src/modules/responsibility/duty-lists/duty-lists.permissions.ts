import type { ModuleManifest } from '../../../platform/module';

// The duty lists' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'duty.read': true;
    'duty.manage': true;
    'duty.coverage': true;
    'duty.sign': true;
    'duty.assess': true;
  }
}

export const DUTY_PERMISSIONS = ['duty.read', 'duty.manage', 'duty.coverage', 'duty.sign', 'duty.assess'] as const;

/**
 * Who holds them (RULES.md §0, §1). Every employee reads the published lists and results (公示); the principal and the
 * safety managers keep the lists, reviews and assessments; the principal alone signs the yearly review (R-RESP-5); unit
 * leaders score the people below them; coverage is read by the enterprise's leaders and its regulators. Which records
 * each sees is the scope's business (duty-list.policy.ts).
 */
export const DUTY_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['duty.read', 'duty.manage', 'duty.coverage', 'duty.sign', 'duty.assess'],
  safety_manager: ['duty.read', 'duty.manage', 'duty.coverage', 'duty.assess'],
  unit_leader: ['duty.read', 'duty.coverage', 'duty.assess'],
  employee: ['duty.read'],
  department_officer: ['duty.read', 'duty.coverage'],
  subdistrict_officer: ['duty.read', 'duty.coverage'],
};
