import { sql, type SqlBool } from 'kysely';
import { can, type Actor } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** The owner type of a self-assessment's evidence files (owner id = the year's assessment id, role = 'evidence'). */
export const EVIDENCE_OWNER = 'standardisation_assessment';

/** R-STD-1: the enterprise's principal and safety managers keep its self-assessment; the district admin may act for any. */
export function mayManage(actor: Actor, enterpriseId: string): boolean {
  if (!can(actor, 'standardisation.manage')) return false;
  return actor.scope.kind === 'district' || isEnterpriseManager(actor, enterpriseId);
}

/** The self-assessment is signed by the enterprise's principal in person (R-RESP-5: his own act). */
export function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && can(actor, 'standardisation.sign') && isEnterpriseManager(actor, enterpriseId);
}

export const isRegulator = (actor: Actor) => actor.scope.kind === 'department' || actor.scope.kind === 'subdistrict';

// Evidence is seen by whoever sees the assessment: the enterprise's managers and its regulators (by scope).
registerAttachmentOwner(EVIDENCE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`(${enterpriseInScope(viewer.scope, `${link}.enterprise_id`)}
    and ${viewer.scope.kind === 'enterprise' ? sql<SqlBool>`${viewer.scope.capacity === 'manager'}` : sql<SqlBool>`true`})`,
});
