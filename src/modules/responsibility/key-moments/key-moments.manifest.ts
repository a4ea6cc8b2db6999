import type { ModuleManifest } from '../../../platform/module';
import { onEnterpriseStatusChange } from '../../org';
import { keyMomentRoutes } from './key-moment.routes';
import { openResumptionOnReactivation } from './key-moment.service';
import { registerKeyMomentJobs } from './key-moments.jobs';
import { keyMomentsAuditNames, keyMomentsMessages } from './key-moments.messages';
import { KEY_MOMENT_OBLIGATIONS } from './key-moments.obligations';
import { KEY_MOMENT_NOTIFICATION_KINDS, KEY_MOMENT_PERMISSIONS, KEY_MOMENT_ROLE_GRANTS } from './key-moments.permissions';
import { KEY_MOMENT_RULES } from './key-moments.rule-sets';
import { keyMomentsWorkbench } from './key-moments.workbench';
import { mentorshipRoutes } from './mentorship.routes';

// Issue 11 §9: an enterprise leaving 'suspended' resumes production: its resumption moment opens in that transaction.
onEnterpriseStatusChange(openResumptionOnReactivation);

/**
 * Key moments (issue 11 §9, R-RESP-6): statutory holidays, resumptions and maintenance windows, each day with the
 * principal's (or the named leader's) on-duty check-in; the pay–safety link of state-owned enterprises (R-RESP-7);
 * mentoring of new hires in key industries (R-RESP-9).
 */
export const keyMomentsManifest: ModuleManifest = {
  name: 'responsibility.key-moments', routes: [keyMomentRoutes, mentorshipRoutes], jobs: registerKeyMomentJobs,
  permissions: KEY_MOMENT_PERMISSIONS, roleGrants: KEY_MOMENT_ROLE_GRANTS, notificationKinds: KEY_MOMENT_NOTIFICATION_KINDS,
  messages: keyMomentsMessages, auditEntities: keyMomentsAuditNames.entities, auditActions: keyMomentsAuditNames.actions,
  ruleSets: [KEY_MOMENT_RULES], obligations: KEY_MOMENT_OBLIGATIONS, workbench: keyMomentsWorkbench,
  uniqueFields: {
    mentorships_one_active: { path: 'body.apprenticeEmployeeId', message: 'mentoring.alreadyMentored' },
    pay_links_enterprise_id_year_key: { path: 'body.year', message: 'payLink.exists' },
  },
};
