import type { ModuleManifest } from '../../../platform/module';

// The protective-equipment ledger's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'ppe.read': true;
    'ppe.manage': true;
    'ppe.issue': true;
    'ppe.own': true;
    'ppe.supervise': true;
  }
}

export const PPE_PERMISSIONS = ['ppe.read', 'ppe.manage', 'ppe.issue', 'ppe.own', 'ppe.supervise'] as const;

/**
 * Who holds them (issue 13 §3, R-PPE-1): the principal and the safety managers keep the issue standard and the ledger;
 * a unit (team) leader reads his branch's ledger and issues to its people, who sign on his phone (shared device); every
 * person with an account sees his own issues and signs for them on his phone; the regulators see the PPE gaps and
 * replacements of the enterprises in scope and drill down into each one's ledger (read only).
 */
export const PPE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['ppe.read', 'ppe.manage', 'ppe.issue', 'ppe.own'],
  safety_manager: ['ppe.read', 'ppe.manage', 'ppe.issue', 'ppe.own'],
  unit_leader: ['ppe.read', 'ppe.issue', 'ppe.own'],
  employee: ['ppe.own'],
  department_officer: ['ppe.read', 'ppe.supervise'],
  subdistrict_officer: ['ppe.read', 'ppe.supervise'],
};
