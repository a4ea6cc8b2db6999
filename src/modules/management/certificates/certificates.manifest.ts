import type { ModuleManifest } from '../../../platform/module';
import { registerCertificateJobs } from './certificates.jobs';
import { certificateAuditNames, certificateMessages } from './certificates.messages';
import { CERTIFICATE_OBLIGATIONS } from './certificates.obligations';
import { CERTIFICATE_PERMISSIONS, CERTIFICATE_ROLE_GRANTS } from './certificates.permissions';
import { certificateRoutes } from './certificates.routes';
import { CERTIFICATE_RULES } from './certificates.rule-sets';
import { certificatesWorkbench } from './certificates.workbench';
import './certificates.policy';
import './certificates.assignment';
import './certificates.accounts';

/**
 * Certificates and "no certificate, no post" (issue 13 §2, R-TRN-2, R-HAZ-2): special-operation, special-equipment and
 * safety-qualification certificates with their validity and reviews (duties on the obligations engine), the refusal of
 * unqualified assignments (certificates.assignment.ts, called by the employee editor and the roster import), the list
 * of people not qualified for their posts, and the major hazard opened for an uncertified special-operation worker.
 */
export const certificatesManifest: ModuleManifest = {
  name: 'management.certificates', routes: [certificateRoutes], jobs: registerCertificateJobs,
  permissions: CERTIFICATE_PERMISSIONS, roleGrants: CERTIFICATE_ROLE_GRANTS,
  messages: certificateMessages, auditEntities: certificateAuditNames.entities, auditActions: certificateAuditNames.actions,
  ruleSets: [CERTIFICATE_RULES], obligations: CERTIFICATE_OBLIGATIONS, workbench: certificatesWorkbench,
  uniqueFields: { certificates_enterprise_id_kind_number_key: { path: 'body.number', message: 'certificates.numberTaken' } },
};
