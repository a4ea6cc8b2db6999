import { sql, type SqlBool } from 'kysely';
import { can, type Actor } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** The owner type of a session's materials (课件、签到表扫描件) in the attachments store. */
export const MATERIAL_OWNER = 'training_session';

/** R-TRN-1: the enterprise's principal and safety managers keep its training records. */
export function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'training.manage') && isEnterpriseManager(actor, enterpriseId);
}

/** R-RESP-5: the quarterly check of the training plan is the principal's own act and signature. */
export function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && can(actor, 'training.review') && isEnterpriseManager(actor, enterpriseId);
}

/** Who records attendance on a shared device: a manager of the enterprise or a unit leader (for his branch). */
export function mayRecord(actor: Actor, enterpriseId: string): boolean {
  const s = actor.scope;
  return can(actor, 'training.record') && s.kind === 'enterprise' && s.enterpriseId === enterpriseId && s.capacity !== 'employee';
}

// Materials are seen by whoever sees the enterprise's sessions: its managers, unit leaders and its regulators.
registerAttachmentOwner(MATERIAL_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`(${enterpriseInScope(viewer.scope, `${link}.enterprise_id`)}
    and ${viewer.scope.kind === 'enterprise' ? sql<SqlBool>`${viewer.scope.capacity !== 'employee'}` : sql<SqlBool>`true`})`,
});
