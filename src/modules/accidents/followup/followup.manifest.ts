import type { ModuleManifest } from '../../../platform/module';
import { followupAuditNames, followupMessages } from './followup.messages';
import { FOLLOWUP_OBLIGATIONS } from './followup.obligations';
import { FOLLOWUP_NOTIFICATION_KINDS, FOLLOWUP_PERMISSIONS, FOLLOWUP_ROLE_GRANTS } from './followup.permissions';
import { followupRoutes } from './followup.routes';
import { followupWorkbench } from './followup.workbench';

/** Issue 14 §4–5, R-RESP-8: investigation, 漏报/谎报/瞒报 findings, interviews (约谈) of the principal and their rate. */
export const followupManifest: ModuleManifest = {
  name: 'accidents.followup', routes: [followupRoutes],
  permissions: FOLLOWUP_PERMISSIONS, roleGrants: FOLLOWUP_ROLE_GRANTS, notificationKinds: FOLLOWUP_NOTIFICATION_KINDS,
  messages: followupMessages, auditEntities: followupAuditNames.entities, auditActions: followupAuditNames.actions,
  workbench: followupWorkbench, obligations: FOLLOWUP_OBLIGATIONS,
};

// The door other modules use (R-CRD-1: the credit list reads the responsibility accidents).
export { responsibilityAccidentsFor } from './followup.service';
