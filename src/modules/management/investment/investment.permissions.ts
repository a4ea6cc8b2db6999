import type { ModuleManifest } from '../../../platform/module';

// The safety investment's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'investment.read': true;
    'investment.manage': true;
    'investment.approve': true;
    'investment.supervise': true;
  }
}

export const INVESTMENT_PERMISSIONS = ['investment.read', 'investment.manage', 'investment.approve', 'investment.supervise'] as const;

/**
 * Who holds them (RULES.md §0, R-INV-1, issue 12 §3): the principal and the safety managers keep the budget, the fee's
 * accrual, ledger and audits; only the principal approves the budget and signs the yearly investment check (the route
 * lets him in, the service checks it is his own enterprise); the regulators read the enterprises in scope and the list
 * of accrual against use. Unit leaders and employees do not see the enterprise's accounts.
 */
export const INVESTMENT_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['investment.read', 'investment.manage', 'investment.approve'],
  safety_manager: ['investment.read', 'investment.manage'],
  department_officer: ['investment.read', 'investment.supervise'],
  subdistrict_officer: ['investment.read', 'investment.supervise'],
};
