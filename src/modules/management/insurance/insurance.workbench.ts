import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { enterpriseFlags, regulatorMissingCount } from './insurance.service';

/**
 * R-INS-1 on the to-do workbench: for the enterprise's principal and safety managers, the policies waiting for their
 * confirmation and, when 安责险 is mandatory for them, a missing or non-compliant current policy; for a regulator, the
 * mandatory enterprises in scope without a compliant policy.
 */
export const insuranceWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind === 'enterprise') {
    if (!can(actor, 'insurance.confirm') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
    const f = await enterpriseFlags(db, ctx, scope.enterpriseId);
    const items: WorkbenchItem[] = [{ key: 'insurance.toConfirm', count: f.pending, to: '/insurance', tone: 'warning' }];
    if (f.missing) items.push({ key: 'insurance.missing', count: 1, to: '/insurance', tone: 'danger' });
    return items;
  }
  // An insurer's own pending policies are its list's filter, not a to-do: the enterprise acts on them.
  if (scope.kind === 'institution') return [];
  if (!can(actor, 'insurance.supervise')) return [];
  return [{ key: 'insurance.scopeMissing', count: await regulatorMissingCount(db, ctx), to: '/insurance/coverage?status=failing', tone: 'danger' }];
};
