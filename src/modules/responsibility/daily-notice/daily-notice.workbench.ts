import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { notPostedToday, todayOwed } from './daily-notice.service';

/**
 * The daily notice on the to-do workbench (R-COM-1, issue 11 §6): for the principal and the safety managers of an
 * enterprise that owes it, today's notice while it is not posted; for a regulator, the enterprises in scope that owe
 * today's notice and have not posted it. Not an obligation of the engine, whose cadences stop at monthly.
 */
export const dailyNoticeWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'enterprise') {
    if (!can(actor, 'daily_notice.draft') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
    const owed = await todayOwed(db, ctx, scope.enterpriseId);
    if (!owed.applies) return [];
    const items: WorkbenchItem[] = [{ key: 'dailyNotice.today', count: owed.posted ? 0 : 1, to: '/letters/daily-notice', tone: 'warning' }];
    return items;
  }
  if (!can(actor, 'daily_notice.supervise')) return [];
  return [{ key: 'dailyNotice.notPosted', count: await notPostedToday(db, ctx), to: '/letters/daily-notices?posted=no', tone: 'warning' }];
};
