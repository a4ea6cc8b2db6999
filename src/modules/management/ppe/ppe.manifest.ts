import type { ModuleManifest } from '../../../platform/module';
import { registerPpeJobs } from './ppe.jobs';
import { PPE_NOTIFICATION_KINDS, ppeAuditNames, ppeMessages } from './ppe.messages';
import { PPE_PERMISSIONS, PPE_ROLE_GRANTS } from './ppe.permissions';
import { ppeRoutes } from './ppe.routes';
import { PPE_RULES } from './ppe.rule-sets';
import { ppeWorkbench } from './ppe.workbench';

/**
 * Personal protective equipment (issue 13 §3, R-PPE-1): the issue standard per post type [cfg] and per post, the issue
 * ledger per person with signed receipts (own phone or shared device), replacements coming due, the people on a post
 * without the issue it requires, and the regulators' view. Correct use is checked through the check library's
 * 劳动防护用品 items (hazards module), which open "unsafe behaviour" hazards. A daily job reminds the safety managers of
 * replacements overdue and coming due (ppe.reminders.ts).
 */
export const ppeManifest: ModuleManifest = {
  name: 'management.ppe', routes: [ppeRoutes], jobs: registerPpeJobs,
  permissions: PPE_PERMISSIONS, roleGrants: PPE_ROLE_GRANTS,
  messages: ppeMessages, auditEntities: ppeAuditNames.entities, auditActions: ppeAuditNames.actions, notificationKinds: PPE_NOTIFICATION_KINDS,
  ruleSets: [PPE_RULES], workbench: ppeWorkbench,
};
