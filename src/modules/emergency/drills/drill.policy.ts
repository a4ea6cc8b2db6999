import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner type of a drill's photos and video. */
export const DRILL_FILE_OWNER = 'drill';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Issue 14 §3: the enterprise's people see its drills (not voided ones, except its managers); the regulators (and the
 * district) read the drills reported to them by the enterprises in their scope. The one rule for detail, lists,
 * exports, actions and files.
 */
export function drillVisibleTo(viewer: Viewer, alias = 'd'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity === 'manager') return inScope;
  if (s.kind === 'enterprise') return sql<SqlBool>`(${inScope} and ${ref(alias, 'status')} <> 'voided')`;
  return sql<SqlBool>`(${inScope} and ${ref(alias, 'status')} = 'reported')`;
}

/** A row hanging off a drill (participants, actions, history) follows it. */
export function drillRowVisibleTo(viewer: Viewer, alias: string): RawBuilder<SqlBool> {
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity === 'manager') return enterpriseInScope(s, `${alias}.enterprise_id`);
  return sql<SqlBool>`exists (select 1 from drills vd where vd.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vd.id = ${ref(alias, 'drill_id')} and ${drillVisibleTo(viewer, 'vd')})`;
}

// D11: a drill's photos and video follow the drill.
registerAttachmentOwner(DRILL_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from drills d where d.enterprise_id = ${ref(link, 'enterprise_id')}
    and d.id = ${ref(link, 'owner_id')} and ${drillVisibleTo(viewer, 'd')})`,
});
