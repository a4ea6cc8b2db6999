import type { ModuleManifest } from '../../../platform/module';
import { drillRoutes } from './drill.routes';
import { registerDrillJobs } from './drills.jobs';
import { DRILL_RULES } from './drills.rule-sets';
import { drillsAuditNames, drillsMessages } from './drills.messages';
import { DRILL_OBLIGATIONS } from './drills.obligations';
import { drillsWorkbench } from './drills.workbench';
import { DRILL_NOTIFICATION_KINDS, DRILL_PERMISSIONS, DRILL_ROLE_GRANTS } from './drills.permissions';

/**
 * Issue 14 §3, R-EMG-2: the drill plan from the frequency rules (obligations), drill records with participants,
 * photos and videos, evaluation and follow-up actions, and the drills reported to the regulators.
 */
export const drillsManifest: ModuleManifest = {
  name: 'emergency.drills', routes: [drillRoutes],
  permissions: DRILL_PERMISSIONS, roleGrants: DRILL_ROLE_GRANTS, notificationKinds: DRILL_NOTIFICATION_KINDS,
  messages: drillsMessages,
  auditEntities: drillsAuditNames.entities, auditActions: drillsAuditNames.actions,
  obligations: DRILL_OBLIGATIONS,
  ruleSets: [DRILL_RULES],
  jobs: registerDrillJobs,
  workbench: drillsWorkbench,
};
