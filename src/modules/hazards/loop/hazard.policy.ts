import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';
import { checkTaskVisibleTo, type Viewer } from '../checks/check.policy';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * A hazard is visible wherever its enterprise is in scope. An org-unit leader sees the hazards of his unit and its
 * descendants, plus those he reported or must rectify. The one rule for detail, lists, statistics, exports and photos.
 */
export function hazardVisibleTo(viewer: Viewer, alias = 'h'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const path = unitSubtree(viewer.scope);
  if (path === null) return inScope;
  return sql<SqlBool>`(${inScope} and (
    exists (select 1 from org_units vu where vu.enterprise_id = ${ref(alias, 'enterprise_id')} and vu.id = ${ref(alias, 'org_unit_id')} and vu.path like ${`${path}%`})
    or ${ref(alias, 'reported_by')} = ${viewer.userId} or ${ref(alias, 'rectifier_id')} = ${viewer.userId}))`;
}

/**
 * A row attached to a hazard (its history, extension requests, five-in-place plan, listed supervision) follows the
 * hazard: visible when the hazard is. Where the scope sees whole enterprises that is the enterprise's own condition
 * (the foreign key holds the hazard in the same enterprise), without a second look at the hazard.
 */
export function hazardRowVisibleTo(viewer: Viewer, alias: string, hazardColumn = 'hazard_id'): RawBuilder<SqlBool> {
  if (unitSubtree(viewer.scope) === null) return enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  return sql<SqlBool>`exists (select 1 from hazards vh where vh.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vh.id = ${ref(alias, hazardColumn)} and ${hazardVisibleTo(viewer, 'vh')})`;
}

/**
 * D11 and issue 8 §3: a photo follows the record it is attached to. A photo of a hazard is seen by whoever sees the
 * hazard, a photo of a check run by whoever sees the task; a report, a rectification and a run are submitted records,
 * so their photos are locked evidence from the moment they are attached.
 */
registerAttachmentOwner('hazard', {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from hazards h where h.enterprise_id = ${ref(link, 'enterprise_id')}
    and h.id = ${ref(link, 'owner_id')} and ${hazardVisibleTo(viewer, 'h')})`,
  lockOnLink: true,
});
registerAttachmentOwner('check_task', {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from check_tasks t where t.enterprise_id = ${ref(link, 'enterprise_id')}
    and t.id = ${ref(link, 'owner_id')} and ${checkTaskVisibleTo(viewer, 't')})`,
  lockOnLink: true,
});
