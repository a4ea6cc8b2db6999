import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { followupWorkCounts } from './followup.service';

/**
 * The follow-up on the to-do workbench (R-RESP-8): for a department officer (and the district admin) the accidents
 * awaiting an interview in his scope, how many past their due day — the engine's "my duties" shows an enterprise's
 * own duties, so the regulator's interview duty is counted here; for people in an enterprise the accident actions
 * they own. Each count is the total of the list it opens.
 */
export const followupWorkbench: WorkbenchSource = async (db, ctx) => {
  const c = await followupWorkCounts(db, ctx);
  if (!c) return [];
  const items: WorkbenchItem[] = [];
  if (c.kind === 'regulator') {
    items.push({ key: 'accidentFollowup.interviewsDue', count: c.due, detail: c.overdue, to: '/accident-interviews', tone: c.overdue > 0 ? 'danger' : 'warning' });
  } else {
    items.push({ key: 'accidentFollowup.myActions', count: c.mine, detail: c.overdue, to: `/enterprises/${c.enterpriseId}/accident-actions?mine=true`, tone: c.overdue > 0 ? 'danger' : 'warning' });
  }
  return items;
};
