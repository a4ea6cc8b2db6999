import type { ModuleManifest } from '../../../platform/module';
import { DUTY_ASSESSMENT_RULES } from './duty-assessment.rule-sets';
import { dutyAssessmentRoutes } from './duty-assessment.routes';
import { dutyListRoutes } from './duty-list.routes';
import { DUTY_OBLIGATIONS } from './duty-lists.obligations';
import { dutyListsAuditNames, dutyListsMessages } from './duty-lists.messages';
import { DUTY_PERMISSIONS, DUTY_ROLE_GRANTS } from './duty-lists.permissions';

/**
 * The responsibility system's duty lists (issue 11 §4–§5, R-RESP-1, R-RESP-2, R-RESP-5): the template library, the
 * enterprise's lists by post, department and person with their versions, coverage, the publication (公示), the
 * principal-signed yearly review and the yearly assessment with its notice and HR export.
 */
export const dutyListsManifest: ModuleManifest = {
  name: 'responsibility.duty-lists',
  routes: [dutyListRoutes, dutyAssessmentRoutes],
  permissions: DUTY_PERMISSIONS, roleGrants: DUTY_ROLE_GRANTS,
  messages: dutyListsMessages,
  auditEntities: dutyListsAuditNames.entities, auditActions: dutyListsAuditNames.actions,
  ruleSets: [DUTY_ASSESSMENT_RULES],
  obligations: DUTY_OBLIGATIONS,
  uniqueFields: {
    duty_assessments_enterprise_id_year_key: { path: 'body.year', message: 'duty.assessment.yearTaken' },
  },
};
