import type { ModuleManifest } from '../../../platform/module';
import { trainingAuditNames, trainingMessages } from './training.messages';
import { TRAINING_PERMISSIONS, TRAINING_ROLE_GRANTS } from './training.permissions';
import './training.policy';
import { trainingRoutes } from './training.routes';
import { TRAINING_RULES } from './training.rule-sets';
import { trainingWorkbench, trainingWorkbenchMessages } from './training.workbench';

/**
 * Training and legal education (R-TRN-1, issue 13 §1): the yearly plan, sessions with attendance by QR or on a shared
 * device, the per-person archive, hours against the rule-set `training`, shortfalls per person and unit, legal-education
 * coverage, the principal's signed quarterly check of the plan (the ten-ones item `resp.ten.training_check`), the
 * .xlsx import, the regulators' list, and the managers' and principal's workbench items. Other modules call
 * training.facts.ts (untrainedAmong, recordPriorTraining, trainingFacts).
 */
export const trainingManifest: ModuleManifest = {
  name: 'management.training', routes: [trainingRoutes],
  permissions: TRAINING_PERMISSIONS, roleGrants: TRAINING_ROLE_GRANTS,
  messages: [trainingMessages, trainingWorkbenchMessages], auditEntities: trainingAuditNames.entities, auditActions: trainingAuditNames.actions,
  ruleSets: [TRAINING_RULES], workbench: trainingWorkbench,
};
