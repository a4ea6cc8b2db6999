import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { equipmentOverview, listEquipment } from './equipment.service';

/**
 * Special equipment on the to-do workbench (issue 12 §5): for an enterprise's managers, the special equipment overdue
 * for inspection and due soon; for a regulator, the enterprises in scope with special equipment overdue.
 */
export const equipmentWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'enterprise') {
    if (!can(actor, 'equipment.manage') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
    const { counts } = await listEquipment(db, ctx, scope.enterpriseId, { page: 1, pageSize: 1, order: 'asc', sort: 'code' });
    const items: WorkbenchItem[] = [];
    if (counts.overdue) items.push({ key: 'equipment.overdue', count: counts.overdue, to: '/equipment?tab=special&inspection=overdue', tone: 'danger' });
    if (counts.dueSoon) items.push({ key: 'equipment.dueSoon', count: counts.dueSoon, to: '/equipment?tab=special&inspection=due_soon', tone: 'warning' });
    return items;
  }
  if (!can(actor, 'equipment.supervise')) return [];
  const { totals } = await equipmentOverview(db, ctx, { page: 1, pageSize: 1, order: 'desc', sort: 'overdue', overdue: 'yes' });
  return [{ key: 'equipment.scopeOverdue', count: totals.withOverdue, to: '/equipment-overview?overdue=yes', tone: 'danger' }];
};
