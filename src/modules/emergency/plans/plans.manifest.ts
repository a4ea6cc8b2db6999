import type { ModuleManifest } from '../../../platform/module';
import { planRoutes } from './plan.routes';
import { plansAuditNames, plansMessages } from './plans.messages';
import { PLAN_OBLIGATIONS } from './plans.obligations';
import { PLAN_NOTIFICATION_KINDS, PLAN_PERMISSIONS, PLAN_ROLE_GRANTS } from './plans.permissions';
import { plansWorkbench } from './plans.workbench';

/** Issue 14 §1, R-EMG-1: emergency plans, their review (评审/论证), signature, issue and filing (备案). */
export const plansManifest: ModuleManifest = {
  name: 'emergency.plans', routes: [planRoutes],
  permissions: PLAN_PERMISSIONS, roleGrants: PLAN_ROLE_GRANTS, notificationKinds: PLAN_NOTIFICATION_KINDS,
  messages: plansMessages,
  auditEntities: plansAuditNames.entities, auditActions: plansAuditNames.actions,
  workbench: plansWorkbench,
  obligations: PLAN_OBLIGATIONS,
};
