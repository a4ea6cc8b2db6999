import type { ModuleManifest } from '../../../platform/module';
import { staffingAuditNames, staffingMessages } from './staffing.messages';
import { STAFFING_PERMISSIONS, STAFFING_ROLE_GRANTS } from './staffing.permissions';
import { staffingRoutes } from './staffing.routes';
import { STAFFING_RULES } from './staffing.rule-sets';
import { staffingWorkbench } from './staffing.workbench';

/**
 * The safety organisation (安全管理机构和人员, R-TEAM-1/2, issue 12 §1): the safety department, the full-time and
 * part-time safety staff, the registered safety engineers and the outsourced safety management of each enterprise,
 * the staffing check that says what is missing, and the regulators' list of who falls short.
 */
export const staffingManifest: ModuleManifest = {
  name: 'management.staffing', routes: [staffingRoutes],
  permissions: STAFFING_PERMISSIONS, roleGrants: STAFFING_ROLE_GRANTS,
  messages: staffingMessages, auditEntities: staffingAuditNames.entities, auditActions: staffingAuditNames.actions,
  ruleSets: [STAFFING_RULES], workbench: staffingWorkbench,
  uniqueFields: {
    safety_staff_enterprise_id_employee_id_key: { path: 'body.employeeId', message: 'staffing.staffExists' },
    safety_engineers_enterprise_id_employee_id_key: { path: 'body.employeeId', message: 'staffing.engineerExists' },
    safety_engineers_enterprise_id_certificate_no_key: { path: 'body.certificateNo', message: 'staffing.certificateTaken' },
  },
};
