import { auditActionName, auditEntityName } from '../../platform/audit/audit-names';
import type { Ctx } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { listPage } from '../../platform/db/list-query';
import { enterpriseInScope } from '../../platform/db/scope';

type AuditQuery = { page: number; pageSize: number; order: 'asc' | 'desc'; entityType?: string; entityId?: string; enterpriseId?: string; action?: string };

/** The district admin reads the whole trail; enterprise managers read their enterprise's rows only. */
export async function listAudit(db: Db, ctx: Ctx, q: AuditQuery) {
  const actor = requireActor(ctx);
  let query = db.selectFrom('audit_log as a');
  if (actor.scope.kind !== 'district') query = query.where(enterpriseInScope(actor.scope, 'a.enterprise_id'));
  if (q.entityType) query = query.where('a.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.enterpriseId) query = query.where('a.enterprise_id', '=', q.enterpriseId);
  if (q.action) query = query.where('a.action', '=', q.action);
  const { items: rows, total } = await listPage(query, {
    select: (qb) => qb.leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.seq', 'a.at', 'a.actor_id', 'u.display_name', 'a.actor_role', 'a.action', 'a.entity_type', 'a.entity_id', 'a.enterprise_id', 'a.before', 'a.after', 'a.ip', 'a.request_id']),
    // Newest first unless asked otherwise.
    sort: { map: { seq: 'a.seq' }, key: 'seq', order: q.order === 'asc' ? 'asc' : 'desc', tiebreak: [] },
    page: q.page, pageSize: q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.display_name, actorRole: r.actor_role,
      action: r.action, actionName: auditActionName(ctx.locale, r.action),
      entityType: r.entity_type, entityTypeName: auditEntityName(ctx.locale, r.entity_type), entityId: r.entity_id, enterpriseId: r.enterprise_id, before: r.before, after: r.after, ip: r.ip, requestId: r.request_id,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
