import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Actor } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** Who is looking: the scope, and the account (a mentorship is seen by its mentor and apprentice). */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner types: a check-in's photo (locked on link: the check-in is submitted), a pay link's evidence. */
export const CHECKIN_PHOTO_OWNER = 'duty_checkin';
export const PAY_LINK_FILE_OWNER = 'pay_link';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * R-RESP-6: a key moment is the enterprise's own (a holiday, a resumption, a maintenance window): everyone of the
 * enterprise sees its moments and check-ins, whichever unit they work in, and the regulators those in their scope.
 */
export function keyMomentVisibleTo(viewer: Viewer, alias = 'km'): RawBuilder<SqlBool> {
  return enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
}

/** R-RESP-7: the pay–safety link is the managers' and the regulators' to read, not the staff's. */
export function payLinkVisibleTo(viewer: Viewer, alias = 'pl'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  if (s.kind === 'enterprise' && s.capacity !== 'manager') return sql<SqlBool>`false`;
  return enterpriseInScope(s, `${alias}.enterprise_id`);
}

/** The employee record behind the viewer's account (null for an account without one). */
export const myEmployee = (viewer: Viewer) => sql<string | null>`(select vme.employee_id from users vme where vme.id = ${viewer.userId})`;

/** The employee (by id column) works in the unit subtree `path`. */
function employeeUnder(alias: string, column: string, path: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from employees ve join org_units vu on vu.enterprise_id = ve.enterprise_id and vu.id = ve.org_unit_id
    where ve.enterprise_id = ${ref(alias, 'enterprise_id')} and ve.id = ${ref(alias, column)} and vu.path like ${`${path}%`})`;
}

/**
 * R-RESP-9, D11: the enterprise's managers and the regulators in scope see every mentorship; a unit leader those of
 * apprentices in his unit and its descendants; anyone those he is the mentor or the apprentice of.
 */
export function mentorshipVisibleTo(viewer: Viewer, alias = 'ms'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const s = viewer.scope;
  if (s.kind !== 'enterprise' || s.capacity === 'manager') return inScope;
  const me = myEmployee(viewer);
  const mine = sql<SqlBool>`(${ref(alias, 'mentor_employee_id')} = ${me} or ${ref(alias, 'apprentice_employee_id')} = ${me})`;
  const path = unitSubtree(s);
  if (path === null) return sql<SqlBool>`(${inScope} and ${mine})`;
  return sql<SqlBool>`(${inScope} and (${mine} or ${employeeUnder(alias, 'apprentice_employee_id', path)}))`;
}

/** A row hanging off a mentorship (skills, history) follows it. */
export function mentorshipRowVisibleTo(viewer: Viewer, alias: string, column = 'mentorship_id'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  if (s.kind !== 'enterprise' || s.capacity === 'manager') return enterpriseInScope(s, `${alias}.enterprise_id`);
  return sql<SqlBool>`exists (select 1 from mentorships vms where vms.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vms.id = ${ref(alias, column)} and ${mentorshipVisibleTo(viewer, 'vms')})`;
}

/**
 * The new hires the viewer sees (an employee row `e`): a manager or a regulator in scope every one, a unit leader those
 * of his subtree; an employee none (the list is the managers' work).
 */
export function newHireVisibleTo(viewer: Viewer, alias = 'e'): RawBuilder<SqlBool> {
  const inScope = enterpriseInScope(viewer.scope, `${alias}.enterprise_id`);
  const s = viewer.scope;
  if (s.kind !== 'enterprise' || s.capacity === 'manager') return inScope;
  const path = unitSubtree(s);
  if (path === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${inScope} and exists (select 1 from org_units vu where vu.enterprise_id = ${ref(alias, 'enterprise_id')}
    and vu.id = ${ref(alias, 'org_unit_id')} and vu.path like ${`${path}%`}))`;
}

// A check-in's photo follows its key moment; it is locked when linked (a check-in is a submitted record).
registerAttachmentOwner(CHECKIN_PHOTO_OWNER, {
  lockOnLink: true,
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from duty_checkins c join key_moments km on km.enterprise_id = c.enterprise_id
    and km.id = c.moment_id where c.enterprise_id = ${ref(link, 'enterprise_id')} and c.id = ${ref(link, 'owner_id')} and ${keyMomentVisibleTo(viewer, 'km')})`,
});

// R-RESP-7: the evidence follows the pay link: the managers and the regulators see it; it is locked when linked.
registerAttachmentOwner(PAY_LINK_FILE_OWNER, {
  lockOnLink: true,
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from pay_links pl where pl.enterprise_id = ${ref(link, 'enterprise_id')}
    and pl.id = ${ref(link, 'owner_id')} and ${payLinkVisibleTo(viewer, 'pl')})`,
});
