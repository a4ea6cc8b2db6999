import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/auth/actor';
import { enterpriseInScope, type AnyScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** Who is looking: the scope and the account (staff see the plans issued to them). */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner type of a plan's files (the plan document, the review's files). */
export const PLAN_FILE_OWNER = 'emergency_plan';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Issue 14 §1: the enterprise's managers see all its plans. Its other people see the plans issued to them (a read
 * receipt names their account). Regulators read the plans of the enterprises in their scope once a version was issued
 * (a draft is the enterprise's working copy). The one rule for detail, lists, history and files.
 */
export function planVisibleTo(viewer: Viewer, alias = 'p'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity === 'manager') return inScope;
  if (s.kind !== 'enterprise') return sql<SqlBool>`(${inScope} and ${ref(alias, 'issued_at')} is not null)`;
  return sql<SqlBool>`(${inScope} and exists (select 1 from emergency_plan_receipts vr where vr.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vr.plan_id = ${ref(alias, 'id')} and vr.user_id = ${viewer.userId}))`;
}

/**
 * R-EMG-1: a filing is seen by the office it is addressed to (a department officer: his department; the emergency
 * management department sees every enterprise's filing addressed to it, whatever the industry), by the district, by the
 * subdistrict of the enterprise (read-only) and by the enterprise's managers.
 */
export function filingVisibleTo(scope: AnyScope, alias = 'f'): RawBuilder<SqlBool> {
  if (scope.kind === 'department') return sql<SqlBool>`${ref(alias, 'department_id')} = ${scope.departmentId}`;
  if (scope.kind === 'enterprise') {
    return scope.capacity === 'manager' ? enterpriseInScope(scope, `${alias}.enterprise_id`) : sql<SqlBool>`false`;
  }
  return enterpriseInScope(scope, `${alias}.enterprise_id`);
}

// D11: a plan's files follow the plan; they are locked when the version is signed.
registerAttachmentOwner(PLAN_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from emergency_plans p where p.enterprise_id = ${ref(link, 'enterprise_id')}
    and p.id = ${ref(link, 'owner_id')} and ${planVisibleTo(viewer, 'p')})`,
});
