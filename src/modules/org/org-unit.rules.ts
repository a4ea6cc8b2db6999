import type { OrgUnitKind } from '../../platform/db/schema';

/**
 * The enterprise tree is company → departments → workshops/production units → teams (issue 2 §3).
 * A unit may sit under any unit of a higher level (a team directly under a department is allowed; a small
 * enterprise may have no workshops), never under its own level or a lower one.
 */
const LEVEL: Record<OrgUnitKind, number> = { company: 0, department: 1, workshop: 2, team: 3 };

export function canNest(parent: OrgUnitKind, child: OrgUnitKind): boolean {
  return child !== 'company' && LEVEL[child] > LEVEL[parent];
}

/** Moving a unit under one of its own descendants (or itself) would cut the tree. */
export function isDescendantPath(candidateParentPath: string, unitPath: string): boolean {
  return candidateParentPath.startsWith(unitPath);
}
