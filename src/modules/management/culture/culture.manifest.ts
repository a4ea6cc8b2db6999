import type { ModuleManifest } from '../../../platform/module';
import { cultureAuditNames, cultureMessages } from './culture.messages';
import { CULTURE_PERMISSIONS, CULTURE_ROLE_GRANTS } from './culture.permissions';
import { cultureRoutes } from './culture.routes';

/**
 * Safety culture and incentives (issue 12 §6): the log of safety-culture activities with sign-in on a shared device,
 * and the reward-and-penalty ledger (安全奖惩台账).
 */
export const cultureManifest: ModuleManifest = {
  name: 'management.culture', routes: [cultureRoutes],
  permissions: CULTURE_PERMISSIONS, roleGrants: CULTURE_ROLE_GRANTS,
  messages: cultureMessages, auditEntities: cultureAuditNames.entities, auditActions: cultureAuditNames.actions,
};
