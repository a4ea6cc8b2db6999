import { can } from '../../../platform/auth/actor';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { keyMomentWorkCounts } from './key-moment.service';

/**
 * Key moments on the to-do workbench (issue 10 §1, R-RESP-6): for the principal and the named on-duty leader, the
 * moments under way whose check-in for today nobody has made yet; for the safety manager, the moments to come without
 * a named leader. Each count is the total of the list it opens. The principal always sees his (he is on duty at every
 * moment); a named leader only while he has one to check in for.
 */
export const keyMomentsWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !can(actor, 'key_moment.read')) return [];
  const eid = scope.enterpriseId;
  const c = await keyMomentWorkCounts(db, ctx, eid);
  const base = `/enterprises/${eid}/key-moments`;
  const items: WorkbenchItem[] = [];
  if (c.checkin !== undefined && (actor.role === 'enterprise_principal' || c.checkin > 0)) {
    items.push({ key: 'keyMoment.checkinToday', count: c.checkin, to: `${base}?todo=checkin`, tone: 'danger' });
  }
  if (c.noLeader !== undefined) items.push({ key: 'keyMoment.noLeader', count: c.noLeader, to: `${base}?todo=noLeader`, tone: 'warning' });
  return items;
};
