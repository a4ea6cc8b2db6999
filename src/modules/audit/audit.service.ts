import { auditActionName, auditEntityName } from '../../platform/audit/audit-names';
import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { listAuditRows, type AuditQuery } from './audit.repository';

/** The district admin reads the whole trail; enterprise managers read their enterprise's rows only. */
export async function listAudit(db: Db, ctx: Ctx, q: AuditQuery) {
  const actor = requireActor(ctx);
  const { items: rows, total } = await listAuditRows(db, actor.scope, q);
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.display_name, actorRole: r.actor_role,
      action: r.action, actionName: auditActionName(ctx.locale, r.action),
      entityType: r.entity_type, entityTypeName: auditEntityName(ctx.locale, r.entity_type), entityId: r.entity_id, enterpriseId: r.enterprise_id, before: r.before, after: r.after, ip: r.ip, requestId: r.request_id,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
