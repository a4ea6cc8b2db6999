import { sql, type SqlBool } from 'kysely';
import { can, type Actor } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** The owner type of a use's voucher files in the attachments store. */
export const VOUCHER_OWNER = 'safety_fee_use';

/** R-INV-1: the enterprise's principal and safety managers keep its investment records; nobody else writes them. */
export function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'investment.manage') && isEnterpriseManager(actor, enterpriseId);
}

/** The budget's approval and the yearly check are the principal's own signature (R-RESP-5: his own act). */
export function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && can(actor, 'investment.approve') && isEnterpriseManager(actor, enterpriseId);
}

// A voucher is seen by whoever sees the use it is attached to: the enterprise's managers and its regulators (by scope).
registerAttachmentOwner(VOUCHER_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`(${enterpriseInScope(viewer.scope, `${link}.enterprise_id`)}
    and ${viewer.scope.kind === 'enterprise' ? sql<SqlBool>`${viewer.scope.capacity === 'manager'}` : sql<SqlBool>`true`})`,
});
