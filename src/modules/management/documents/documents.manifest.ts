import type { ModuleManifest } from '../../../platform/module';
import { documentsAuditNames, documentsMessages } from './documents.messages';
import { DOCUMENTS_NOTIFICATION_KINDS, DOCUMENTS_PERMISSIONS, DOCUMENTS_ROLE_GRANTS } from './documents.permissions';
import { documentsRoutes } from './documents.routes';
import { REQUIRED_RULES } from './documents.rule-sets';
import { documentsWorkbench } from './documents.workbench';
import { lawsRoutes } from './laws.routes';

/**
 * Required rules, operating procedures and their acknowledgement (R-DOC-1, issue 12 §2): the [cfg] list of required
 * written rules, the document library with signed versions and diffs, read receipts of the people on the covered
 * posts, the principal's yearly review (R-RESP-5), and the regulators' list of who lacks required rules.
 */
export const documentsManifest: ModuleManifest = {
  name: 'management.documents', routes: [documentsRoutes, lawsRoutes],
  permissions: DOCUMENTS_PERMISSIONS, roleGrants: DOCUMENTS_ROLE_GRANTS, notificationKinds: DOCUMENTS_NOTIFICATION_KINDS,
  messages: documentsMessages, auditEntities: documentsAuditNames.entities, auditActions: documentsAuditNames.actions,
  ruleSets: [REQUIRED_RULES], workbench: documentsWorkbench,
};
