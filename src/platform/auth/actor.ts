import type { Role } from '../db/schema';
import type { Locale } from '../i18n/messages';
import { roleCan, type Permission } from './permissions';

/**
 * Which records a user may see. Repositories take it as a required argument; a record outside it is "not found".
 * - district: everything in the district (district admin)
 * - department: enterprises in the industries the department supervises ("三个必须")
 * - subdistrict: enterprises located in the subdistrict (属地)
 * - enterprise: one enterprise, in a stated capacity: its managers (principal, safety managers) see all of it; an
 *   org-unit leader's `unitPath` narrows him to his unit and its descendants; an employee is `employeeId`
 * - institution: the enterprises an insurer or service institution serves
 */
export type Scope =
  | { kind: 'district'; districtId: string }
  | { kind: 'department'; departmentId: string }
  | { kind: 'subdistrict'; subdistrictId: string }
  | { kind: 'enterprise'; enterpriseId: string; capacity: Capacity; unitPath: string | null; employeeId: string | null }
  | { kind: 'institution'; institutionId: string };

/** What an enterprise user is to their enterprise, stated rather than inferred from which scope fields are null. */
export type Capacity = 'manager' | 'unitLeader' | 'employee';

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  mustChangePassword: boolean;
  locale: Locale;
  sessionHash: string;
  csrfToken: string;
};

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(actor.role, permission);
}

/**
 * The unit subtree (a materialised path prefix) a scope is narrowed to: an org-unit leader's unit (RULES §0: he sees
 * his unit and its descendants). Null when the scope sees whole enterprises.
 */
export function unitSubtree(scope: Scope): string | null {
  return scope.kind === 'enterprise' && scope.capacity === 'unitLeader' ? (scope.unitPath ?? '/none/') : null;
}

/**
 * The whole of one enterprise, as its managers see it: for work done on the enterprise's behalf once access has been
 * decided (the figures of its reports, checks built by its managers or the demo seed).
 */
export function wholeEnterprise(enterpriseId: string): Scope {
  return { kind: 'enterprise', enterpriseId, capacity: 'manager', unitPath: null, employeeId: null };
}

export function describeScope(scope: Scope): string {
  switch (scope.kind) {
    case 'district': return `district:${scope.districtId}`;
    case 'department': return `department:${scope.departmentId}`;
    case 'subdistrict': return `subdistrict:${scope.subdistrictId}`;
    case 'enterprise': return `enterprise:${scope.enterpriseId}${scope.unitPath ? `:unit:${scope.unitPath}` : ''}`;
    case 'institution': return `institution:${scope.institutionId}`;
  }
}

/** The request-scoped context every service call receives. */
export type Ctx = {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
  now: Date;
};

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('service called without an actor');
  return ctx.actor;
}
