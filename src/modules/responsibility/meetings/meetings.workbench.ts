import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { meetingWorkCounts } from './meeting.service';

/**
 * Meetings on the to-do workbench (issue 10 §1, issue 11 §8): the minutes waiting for the caller's confirmation as
 * chair, his open meeting actions (how many overdue), and for the enterprise's managers every overdue action. Each
 * count is the total of the list it opens.
 */
export const meetingsWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !can(actor, 'meeting.read')) return [];
  const eid = scope.enterpriseId;
  const c = await meetingWorkCounts(db, ctx, eid);
  const base = `/enterprises/${eid}`;
  const items: WorkbenchItem[] = [
    { key: 'meeting.toConfirm', count: c.toConfirm, to: `${base}/meetings?awaitingMe=true`, tone: 'warning' },
    { key: 'meeting.myActions', count: c.mine, detail: c.mineOverdue, to: `${base}/meeting-actions?mine=true&status=open`, tone: c.mineOverdue > 0 ? 'danger' : 'warning' },
  ];
  if (isEnterpriseManager(actor, eid)) items.push({ key: 'meeting.overdueActions', count: c.overdue, to: `${base}/meeting-actions?status=overdue`, tone: 'danger' });
  return items;
};
