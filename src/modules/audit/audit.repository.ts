import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import type { Executor } from '../../platform/db/database';
import { listPage } from '../../platform/db/list-query';
import { enterpriseInScope } from '../../platform/db/scope';

export type AuditQuery = { page: number; pageSize: number; order: 'asc' | 'desc'; entityType?: string; entityId?: string; enterpriseId?: string; action?: string };

/**
 * The audit rows a scope reads: the district admin the whole trail (rows of no enterprise too: accounts, reference
 * data); anyone else the rows of the enterprises in their scope.
 */
function auditVisibleTo(scope: Scope, alias: string): RawBuilder<SqlBool> {
  if (scope.kind === 'district') return sql<SqlBool>`true`;
  return enterpriseInScope(scope, `${alias}.enterprise_id`);
}

/** One page of the trail the scope reads, with who acted, and the total; newest first unless asked otherwise. */
export async function listAuditRows(db: Executor, scope: Scope, q: AuditQuery) {
  let query = db.selectFrom('audit_log as a').where(auditVisibleTo(scope, 'a'));
  if (q.entityType) query = query.where('a.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.enterpriseId) query = query.where('a.enterprise_id', '=', q.enterpriseId);
  if (q.action) query = query.where('a.action', '=', q.action);
  return listPage(query, {
    select: (qb) => qb.leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.seq', 'a.at', 'a.actor_id', 'u.display_name', 'a.actor_role', 'a.action', 'a.entity_type', 'a.entity_id', 'a.enterprise_id', 'a.before', 'a.after', 'a.ip', 'a.request_id']),
    sort: { map: { seq: 'a.seq' }, key: 'seq', order: q.order === 'asc' ? 'asc' : 'desc', tiebreak: [] },
    page: q.page, pageSize: q.pageSize,
  });
}
