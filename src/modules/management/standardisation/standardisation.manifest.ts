import type { ModuleManifest } from '../../../platform/module';
import { standardisationAuditNames, standardisationMessages } from './standardisation.messages';
import { STANDARDISATION_OBLIGATIONS } from './standardisation.obligations';
import { STANDARDISATION_PERMISSIONS, STANDARDISATION_ROLE_GRANTS } from './standardisation.permissions';
import { standardisationRoutes } from './standardisation.routes';
import { STANDARDISATION_RULES } from './standardisation.rule-sets';
import './standardisation.policy';

/**
 * The standardisation self-assessment (issue 13 §4, R-STD-1): the GB/T 33000-2016 element table [cfg], each element
 * prefilled from the platform's records, adjusted only with reason and evidence, signed by the principal, submitted as
 * a locked submission and reported; the yearly duty and the re-review duty; external reviews; the regulators' view.
 */
export const standardisationManifest: ModuleManifest = {
  name: 'management.standardisation', routes: [standardisationRoutes],
  permissions: STANDARDISATION_PERMISSIONS, roleGrants: STANDARDISATION_ROLE_GRANTS,
  messages: standardisationMessages, auditEntities: standardisationAuditNames.entities, auditActions: standardisationAuditNames.actions,
  ruleSets: [STANDARDISATION_RULES], obligations: STANDARDISATION_OBLIGATIONS,
  notificationKinds: { standardisation: ['安全生产标准化', 'Standardisation'] },
};
