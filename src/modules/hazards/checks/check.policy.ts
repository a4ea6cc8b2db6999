import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Actor, type Scope } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';

/** Who is looking: the scope, and the account (a task or plan may be assigned to it by name). */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** The org unit named by `unitColumn` lies under `path`. */
function unitUnder(alias: string, unitColumn: string, path: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from org_units vu where vu.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vu.id = ${ref(alias, unitColumn)} and vu.path like ${`${path}%`})`;
}

/**
 * D11, RULES §0: a checklist is visible wherever its enterprise is in scope. An org-unit leader sees the tables and
 * post cards of his unit and its descendants, and the enterprise list (一企一清单), which every unit works by; not
 * the tables and cards of other units.
 */
export function checklistVisibleTo(scope: Scope, alias = 'c'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(scope, `${alias}.enterprise_id`);
  const path = unitSubtree(scope);
  if (path === null) return inScope;
  return sql<SqlBool>`(${inScope} and (${ref(alias, 'level')} = 'enterprise' or ${unitUnder(alias, 'org_unit_id', path)}))`;
}

/**
 * A plan or task (both carry `checklist_id`, `assignee_post_id` and `assignee_user_id`): visible wherever its enterprise
 * is in scope. An org-unit leader sees those of his unit's tables and cards, and those assigned to him or to a post
 * of his unit and its descendants (he runs those: check.service `mayRun`); not another unit's work.
 */
function assignedWorkVisibleTo(viewer: Viewer, alias: string): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const path = unitSubtree(viewer.scope);
  if (path === null) return inScope;
  return sql<SqlBool>`(${inScope} and (
    ${ref(alias, 'assignee_user_id')} = ${viewer.userId}
    or exists (select 1 from posts vp join org_units vu on vu.enterprise_id = vp.enterprise_id and vu.id = vp.org_unit_id
      where vp.enterprise_id = ${ref(alias, 'enterprise_id')} and vp.id = ${ref(alias, 'assignee_post_id')} and vu.path like ${`${path}%`})
    or exists (select 1 from checklists vc join org_units vu on vu.enterprise_id = vc.enterprise_id and vu.id = vc.org_unit_id
      where vc.enterprise_id = ${ref(alias, 'enterprise_id')} and vc.id = ${ref(alias, 'checklist_id')} and vu.path like ${`${path}%`})))`;
}

export function checkPlanVisibleTo(viewer: Viewer, alias = 'pl'): RawBuilder<SqlBool> {
  return assignedWorkVisibleTo(viewer, alias);
}

export function checkTaskVisibleTo(viewer: Viewer, alias = 't'): RawBuilder<SqlBool> {
  return assignedWorkVisibleTo(viewer, alias);
}
