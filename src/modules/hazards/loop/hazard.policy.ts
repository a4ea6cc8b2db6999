import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
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
 * D11: a photo is visible wherever its enterprise is in scope. An org-unit leader sees the photos he uploaded and those
 * attached to a hazard or a check task he can see; not the photos of another unit's hazard.
 */
export function photoVisibleTo(viewer: Viewer, alias = 'ph'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  if (unitSubtree(viewer.scope) === null) return inScope;
  return sql<SqlBool>`(${inScope} and (
    ${ref(alias, 'uploaded_by')} = ${viewer.userId}
    or exists (select 1 from hazard_photos vhp join hazards h on h.enterprise_id = vhp.enterprise_id and h.id = vhp.hazard_id
      where vhp.enterprise_id = ${ref(alias, 'enterprise_id')} and vhp.photo_id = ${ref(alias, 'id')} and ${hazardVisibleTo(viewer, 'h')})
    or exists (select 1 from check_task_results vr join check_tasks t on t.enterprise_id = vr.enterprise_id and t.id = vr.task_id
      where vr.enterprise_id = ${ref(alias, 'enterprise_id')} and ${ref(alias, 'id')} = any(vr.photo_ids) and ${checkTaskVisibleTo(viewer, 't')})))`;
}
