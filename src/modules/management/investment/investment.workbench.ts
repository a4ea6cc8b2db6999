import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchSource } from '../../../platform/workbench';
import { workbenchFigures } from './investment.service';

/**
 * R-INV-1 on the to-do workbench: for the managers of an enterprise that accrues the fee, this year's budget while the
 * principal has not approved it; for a regulator, the enterprises in scope whose booked accrual falls short.
 */
export const investmentWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'enterprise') {
    if (!can(actor, 'investment.manage') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
    const f = await workbenchFigures(db, ctx);
    if (!f.applies) return [];
    return [{ key: 'investment.noBudget', count: f.budgetApproved ? 0 : 1, to: '/investment', tone: 'warning' }];
  }
  if (!can(actor, 'investment.supervise')) return [];
  const f = await workbenchFigures(db, ctx);
  return [{ key: 'investment.shortfall', count: f.shortfall, to: '/safety-fee-overview?shortfall=yes', tone: 'warning' }];
};
