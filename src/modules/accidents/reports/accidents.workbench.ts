import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { countUnreported, inboxRows } from './accident.repository';

/**
 * Accident reports on the to-do workbench (issue 14 §4): the enterprise's managers see the accidents not yet reported
 * up (R-ACC-2: one hour); a regulator sees the reports his office has not read.
 */
export const accidentsWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  const items: WorkbenchItem[] = [];
  if (scope.kind === 'enterprise' && isEnterpriseManager(actor, scope.enterpriseId) && can(actor, 'accident.report_up')) {
    const n = await countUnreported(db, actor, scope.enterpriseId);
    items.push({ key: 'accident.toReportUp', count: n, to: `/enterprises/${scope.enterpriseId}/accidents?kind=accident`, tone: 'danger' });
  }
  if ((scope.kind === 'department' || scope.kind === 'subdistrict' || scope.kind === 'district') && can(actor, 'accident.receive')) {
    const { unread } = await inboxRows(db, actor, { unread: true, order: 'desc', page: 1, pageSize: 1 });
    items.push({ key: 'accident.unread', count: unread, to: '/accident-inbox?unread=true', tone: 'danger' });
  }
  return items;
};
