import type { Role } from '../../platform/db/schema';

/**
 * D2: who may change whose account. Roles form two ladders under the district admin: the regulators, and the
 * enterprise (principal > safety manager > unit leader > employee). Institution staff stand apart. A caller may
 * reset, disable, enable, unlock, edit or re-role only an account strictly below their own rank on the same ladder,
 * and grant only a role strictly below their own: a safety manager cannot take over the principal, nor another safety
 * manager. The district admin is at the top of every ladder and, having no one above, manages every account.
 * Which accounts a caller reaches at all (their own enterprise) is the scope check in user.service.ts.
 */
type Ladder = 'district' | 'regulator' | 'enterprise' | 'institution';

const RANK: Record<Role, { ladder: Ladder; rank: number }> = {
  district_admin: { ladder: 'district', rank: 100 },
  department_officer: { ladder: 'regulator', rank: 50 },
  subdistrict_officer: { ladder: 'regulator', rank: 50 },
  enterprise_principal: { ladder: 'enterprise', rank: 40 },
  safety_manager: { ladder: 'enterprise', rank: 30 },
  unit_leader: { ladder: 'enterprise', rank: 20 },
  employee: { ladder: 'enterprise', rank: 10 },
  insurer_staff: { ladder: 'institution', rank: 10 },
  service_staff: { ladder: 'institution', rank: 10 },
};

export function roleRank(role: Role): number {
  return RANK[role].rank;
}

/** Whether an account holding `actorRole` may change an account holding `targetRole` (or grant that role). */
export function outranks(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === 'district_admin') return true;
  const a = RANK[actorRole];
  const t = RANK[targetRole];
  return a.ladder === t.ladder && a.rank > t.rank;
}

const ALL_ROLES = Object.keys(RANK) as Role[];

/** The roles a caller may give to an account they create or re-role. */
export function assignableRoles(actorRole: Role): Role[] {
  return ALL_ROLES.filter((r) => outranks(actorRole, r));
}
