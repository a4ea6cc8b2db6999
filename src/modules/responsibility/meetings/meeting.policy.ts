import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** Who is looking: the scope, and the account (a meeting is seen by its chair, attendees and decision owners). */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner type of a meeting's files (minutes PDF, the safety work report, photos). */
export const MEETING_FILE_OWNER = 'meeting';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** The employee record behind the viewer's account (null for an account without one). */
const myEmployee = (viewer: Viewer) => sql`(select vme.employee_id from users vme where vme.id = ${viewer.userId})`;

/** The viewer chairs the meeting: by the account it was recorded with, or as the employee named chair. */
function chairs(viewer: Viewer, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${ref(alias, 'chair_user_id')} = ${viewer.userId} or ${ref(alias, 'chair_employee_id')} = ${myEmployee(viewer)})`;
}

/**
 * Issue 11 §8: the enterprise's managers see all its meetings. A unit leader and an employee see the meetings they
 * chair, and once the minutes are out of draft the meetings they attended or own a decision of. Regulators (and the
 * district) read the meetings of the enterprises in their scope, confirmed or voided: a draft is the enterprise's
 * working copy until its chair confirms it. The one rule for detail, lists, exports, actions and files.
 */
export function meetingVisibleTo(viewer: Viewer, alias = 'm'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity === 'manager') return inScope;
  const published = sql<SqlBool>`${ref(alias, 'status')} <> 'draft'`;
  if (s.kind !== 'enterprise') return sql<SqlBool>`(${inScope} and ${published})`;
  const me = myEmployee(viewer);
  return sql<SqlBool>`(${inScope} and (${chairs(viewer, alias)} or (${published} and (
    exists (select 1 from meeting_attendees va where va.enterprise_id = ${ref(alias, 'enterprise_id')} and va.meeting_id = ${ref(alias, 'id')} and va.employee_id = ${me})
    or exists (select 1 from meeting_decisions vd where vd.enterprise_id = ${ref(alias, 'enterprise_id')} and vd.meeting_id = ${ref(alias, 'id')} and vd.owner_employee_id = ${me})))))`;
}

/** A row hanging off a meeting (attendees, decisions, history) follows it: visible when the meeting is. */
export function meetingRowVisibleTo(viewer: Viewer, alias: string, meetingColumn = 'meeting_id'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity === 'manager') return enterpriseInScope(s, `${alias}.enterprise_id`);
  return sql<SqlBool>`exists (select 1 from meetings vm where vm.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vm.id = ${ref(alias, meetingColumn)} and ${meetingVisibleTo(viewer, 'vm')})`;
}

/** Whether the viewer chairs the meeting (the confirm button; `operate()` decides it again under the lock). */
export function viewerChairs(viewer: Viewer, alias = 'm'): RawBuilder<boolean> {
  return sql<boolean>`coalesce(${chairs(viewer, alias)}, false)`;
}

/** The viewer's own employee id, as a scalar subquery (an owner's "my actions"). */
export function viewerEmployee(viewer: Viewer): RawBuilder<string | null> {
  return sql<string | null>`${myEmployee(viewer)}`;
}

// D11, issue 8 §3: a meeting's files follow the meeting; they are locked when its minutes are confirmed (lockFiles).
registerAttachmentOwner(MEETING_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from meetings m where m.enterprise_id = ${ref(link, 'enterprise_id')}
    and m.id = ${ref(link, 'owner_id')} and ${meetingVisibleTo(viewer, 'm')})`,
});
