import type { ModuleManifest } from '../../../platform/module';

// The safety-culture log's and the reward-and-penalty ledger's permissions join the vocabulary from here.
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'culture.read': true;
    'culture.manage': true;
  }
}

export const CULTURE_PERMISSIONS = ['culture.read', 'culture.manage'] as const;

/**
 * Who holds them (issue 12 §6): the principal and the safety managers keep the activity log, run the sign-in on the
 * shared device and keep the reward-and-penalty ledger (it names people and money: not for everyone to read).
 */
export const CULTURE_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['culture.read', 'culture.manage'],
  safety_manager: ['culture.read', 'culture.manage'],
};
