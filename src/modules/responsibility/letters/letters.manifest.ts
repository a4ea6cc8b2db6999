import type { ModuleManifest } from '../../../platform/module';
import { commitmentRoutes } from './commitment.routes';
import { registerLetterJobs } from './letters.jobs';
import { lettersAuditNames, lettersMessages } from './letters.messages';
import { LETTERS_OBLIGATIONS } from './letters.obligations';
import { LETTERS_NOTIFICATION_KINDS, LETTERS_PERMISSIONS, LETTERS_ROLE_GRANTS } from './letters.permissions';
import { letterRoutes } from './letters.routes';

/**
 * The responsibility system's letters (issue 11, R-RESP-3, R-RESP-5, R-COM-1): templates of the responsibility letter
 * and the employee commitment, the yearly signing campaigns, and the principal's public safety commitment.
 */
export const lettersManifest: ModuleManifest = {
  name: 'responsibility.letters', routes: [letterRoutes, commitmentRoutes], jobs: registerLetterJobs,
  permissions: LETTERS_PERMISSIONS, roleGrants: LETTERS_ROLE_GRANTS, notificationKinds: LETTERS_NOTIFICATION_KINDS,
  messages: lettersMessages, auditEntities: lettersAuditNames.entities, auditActions: lettersAuditNames.actions,
  obligations: LETTERS_OBLIGATIONS,
  uniqueFields: { letter_campaigns_enterprise_id_year_kind_key: { path: 'body.year', message: 'letters.campaignExists' } },
};
