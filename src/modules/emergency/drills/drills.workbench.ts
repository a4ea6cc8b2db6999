import { can } from '../../../platform/auth/actor';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { drillWorkOf } from './drill.service';

/**
 * Drills on the to-do workbench: the drills the principal is named organiser of that wait for his own confirmation
 * (R-RESP-5), and the caller's open follow-up actions (how many overdue). Each count is the total of the list it opens.
 */
export const drillsWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !can(actor, 'drill.read')) return [];
  const eid = scope.enterpriseId;
  const c = await drillWorkOf(db, ctx, eid);
  const base = `/enterprises/${eid}/drills?tab=list`;
  const items: WorkbenchItem[] = [
    { key: 'drill.toConfirm', count: c.toConfirm, to: `${base}&awaitingMe=true`, tone: 'warning' },
    { key: 'drill.myActions', count: c.mine, detail: c.mineOverdue, to: `${base}&myActions=true`, tone: c.mineOverdue > 0 ? 'danger' : 'warning' },
  ];
  return items;
};
