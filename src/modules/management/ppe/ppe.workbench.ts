import { can } from '../../../platform/auth/actor';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { myPpe, ppeOverview, ppeSummary } from './ppe.service';

/**
 * Protective equipment on the to-do workbench (issue 13 §3): for an enterprise's managers and unit leaders, the people
 * lacking an item their post requires, replacements overdue and due soon, and issues awaiting receipt; for every person, his own
 * issues to sign for; for a regulator, the enterprises in scope with people lacking PPE.
 */
export const ppeWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  const items: WorkbenchItem[] = [];
  if (scope.kind === 'enterprise') {
    if (can(actor, 'ppe.own')) {
      const mine = await myPpe(db, ctx);
      const awaiting = mine.issues.filter((i) => i.status === 'awaiting').length;
      if (awaiting) items.push({ key: 'ppe.mine', count: awaiting, to: '/my-ppe', tone: 'warning' });
    }
    if (!can(actor, 'ppe.issue') || scope.capacity === 'employee') return items;
    const { counts } = await ppeSummary(db, ctx, scope.enterpriseId);
    if (counts.peopleMissingIssue) items.push({ key: 'ppe.gaps', count: counts.peopleMissingIssue, to: '/ppe?tab=gaps', tone: 'danger' });
    if (counts.overdue) items.push({ key: 'ppe.overdue', count: counts.overdue, to: '/ppe?tab=due&state=overdue', tone: 'warning' });
    if (counts.dueSoon) items.push({ key: 'ppe.dueSoon', count: counts.dueSoon, to: '/ppe?tab=due&state=due_soon', tone: 'normal' });
    if (counts.unsigned) items.push({ key: 'ppe.unsigned', count: counts.unsigned, to: '/ppe?tab=ledger&state=awaiting', tone: 'normal' });
    return items;
  }
  if (!can(actor, 'ppe.supervise')) return [];
  const { totals } = await ppeOverview(db, ctx, { page: 1, pageSize: 1, order: 'desc', sort: 'missing', gaps: 'yes' });
  return [{ key: 'ppe.scopeGaps', count: totals.withGaps, to: '/ppe-overview?gaps=yes', tone: 'danger' }];
};
