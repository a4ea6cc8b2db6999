import type { ModuleManifest } from '../../../platform/module';
import { EMERGENCY_RULES } from '../emergency.rule-sets';
import { registerRescueJobs } from './rescue.jobs';
import { rescueAuditNames, rescueMessages } from './rescue.messages';
import { RESCUE_NOTIFICATION_KINDS, RESCUE_PERMISSIONS, RESCUE_ROLE_GRANTS } from './rescue.permissions';
import './rescue.policy';
import { rescueRoutes } from './rescue.routes';
import { rescueWorkbench } from './rescue.workbench';

/**
 * Issue 14 §2, R-EMG-3: rescue organisation (teams and members; for small and micro units part-time rescuers and an
 * agreement with a nearby professional team), emergency equipment and materials with inspections and reminders, and
 * emergency contacts printable as a card. Declares the `emergency` rule-set (R-EMG-1…3 requirements, emergency.rule-sets.ts).
 */
export const rescueManifest: ModuleManifest = {
  name: 'emergency.rescue', routes: [rescueRoutes], jobs: registerRescueJobs,
  permissions: RESCUE_PERMISSIONS, roleGrants: RESCUE_ROLE_GRANTS, notificationKinds: RESCUE_NOTIFICATION_KINDS,
  messages: rescueMessages, auditEntities: rescueAuditNames.entities, auditActions: rescueAuditNames.actions,
  ruleSets: [EMERGENCY_RULES], workbench: rescueWorkbench,
};
