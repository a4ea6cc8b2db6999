import type { ModuleManifest } from '../../../platform/module';
import { insuranceAuditNames, insuranceMessages } from './insurance.messages';
import { INSURANCE_OBLIGATIONS } from './insurance.obligations';
import { INSURANCE_PERMISSIONS, INSURANCE_ROLE_GRANTS } from './insurance.permissions';
import { insuranceRoutes } from './insurance.routes';
import { LIABILITY_INSURANCE_RULES } from './insurance.rule-sets';
import { refreshInsurerScope } from './insurance.service';
import { insuranceWorkbench } from './insurance.workbench';

const HOUR_MS = 3_600_000;

/**
 * Insurance (R-INS-1, issue 12 §4): the district's safety-liability insurance (安责险) platform — policies entered by
 * the insurers and confirmed by the enterprises, the compliance check, the regulators' coverage list, renewal as a
 * duty — and each employee's work-injury insurance. An insurer's staff see the enterprises of their policies in force.
 */
export const insuranceManifest: ModuleManifest = {
  name: 'management.insurance', routes: [insuranceRoutes],
  permissions: INSURANCE_PERMISSIONS, roleGrants: INSURANCE_ROLE_GRANTS,
  messages: insuranceMessages, auditEntities: insuranceAuditNames.entities, auditActions: insuranceAuditNames.actions,
  notificationKinds: { insurance: ['安责险', 'Safety-liability insurance'] },
  ruleSets: [LIABILITY_INSURANCE_RULES], workbench: insuranceWorkbench, obligations: INSURANCE_OBLIGATIONS,
  uniqueFields: { liability_policies_institution_id_policy_number_key: { path: 'body.policyNumber', message: 'insurance.policyNumberTaken' } },
  jobs: (jobs) => {
    // The insurers' scope follows the clock: each hour's first tick sets the policies in force for today.
    jobs.register('insurance.scope', async (_payload, { db, now }) => { await refreshInsurerScope(db, now); });
    jobs.schedule('insurance.scope', HOUR_MS, 'insurance.scope');
  },
};
