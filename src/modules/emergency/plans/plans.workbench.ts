import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { filingsToAccept } from './filing.service';
import { planWorkCounts } from './plan.service';

/**
 * Emergency plans on the to-do workbench (issue 14 §1): for department officers the filings waiting for their office;
 * for the principal the plans waiting for his signature; for the managers the filings returned to them.
 */
export const plansWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'department') {
    if (!can(actor, 'emergency_plan.accept')) return [];
    return [{ key: 'emergencyPlan.filingsToAccept', count: await filingsToAccept(db, actor), to: '/emergency-plan-filings?status=pending', tone: 'warning' }];
  }
  if (scope.kind !== 'enterprise' || !isEnterpriseManager(actor, scope.enterpriseId) || !can(actor, 'emergency_plan.read')) return [];
  const eid = scope.enterpriseId;
  const c = await planWorkCounts(db, eid);
  const base = `/enterprises/${eid}/emergency-plans`;
  const items: WorkbenchItem[] = [{ key: 'emergencyPlan.returned', count: c.returned, to: `${base}?returned=true`, tone: 'danger' }];
  if (can(actor, 'emergency_plan.sign') && actor.role === 'enterprise_principal') items.unshift({ key: 'emergencyPlan.toSign', count: c.toSign, to: `${base}?status=reviewed`, tone: 'warning' });
  return items;
};
