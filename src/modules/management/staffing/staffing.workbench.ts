import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchSource } from '../../../platform/workbench';
import { getStaffing, nonCompliantCount } from './staffing.service';

/**
 * The staffing check on the to-do workbench (R-TEAM-1/2, issue 12 §1): for the principal and the safety managers, what
 * the organisation still lacks (one line per shortfall the law requires); for a regulator, the active enterprises in
 * scope that fall short.
 */
export const staffingWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'enterprise') {
    if (!can(actor, 'staffing.manage') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
    const s = await getStaffing(db, ctx, scope.enterpriseId);
    const missing = s.check.shortfalls.filter((x) => x.severity === 'required').length;
    return missing ? [{ key: 'staffing.shortfall', count: missing, to: '/staffing', tone: 'danger' }] : [];
  }
  if (!can(actor, 'staffing.supervise')) return [];
  return [{ key: 'staffing.nonCompliant', count: await nonCompliantCount(db, ctx), to: '/staffing/overview?compliant=no', tone: 'warning' }];
};
