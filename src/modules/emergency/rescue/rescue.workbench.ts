import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { rescueOverview } from './rescue.service';

/**
 * Rescue on the to-do workbench (issue 14 §2): for the enterprise's managers, emergency equipment whose inspection or
 * expiry is due, rescue agreements ending, and a rescue organisation the rules require but that is not in place.
 */
export const rescueWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !can(actor, 'rescue.manage') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
  const o = await rescueOverview(db, ctx, scope.enterpriseId);
  const items: WorkbenchItem[] = [];
  if (!o.readiness.met) items.push({ key: 'rescue.notReady', count: 1, to: '/rescue?tab=organisation', tone: 'danger' });
  if (o.counts.equipmentDue) items.push({ key: 'rescue.equipmentDue', count: o.counts.equipmentDue, to: '/rescue?tab=equipment&state=attention', tone: 'warning' });
  if (o.counts.agreementsExpiring) items.push({ key: 'rescue.agreementDue', count: o.counts.agreementsExpiring, to: '/rescue?tab=organisation', tone: 'warning' });
  return items;
};
