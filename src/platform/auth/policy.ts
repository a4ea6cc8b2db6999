import type { Executor } from '../db/database';
import { requireInScope } from '../db/scope';
import { unitSubtree, type Actor } from './actor';

/**
 * Object-level policy shared by every module: who manages an enterprise, who leads a unit, which enterprise a caller
 * may see at all. Resources compose these with their own rules in `<thing>.policy.ts`.
 */

type WithScope = Pick<Actor, 'scope'>;

/** A manager of this enterprise: its principal or a safety manager; not a unit leader, not an employee. */
export function isEnterpriseManager(actor: WithScope, enterpriseId: string): boolean {
  return managedEnterpriseId(actor) === enterpriseId;
}

/** The enterprise the caller manages (principal, safety manager), or null. */
export function managedEnterpriseId(actor: WithScope): string | null {
  const s = actor.scope;
  return s.kind === 'enterprise' && s.capacity === 'manager' ? s.enterpriseId : null;
}

/** RULES §0: an org-unit leader leads his unit and its descendants; `unitPath` is the materialised path of a unit. */
export function isUnitLeaderOf(actor: WithScope, unitPath: string): boolean {
  const subtree = unitSubtree(actor.scope);
  return subtree !== null && unitPath.startsWith(subtree);
}

/** A unit (by its materialised path) the caller sees: any, unless an org-unit leader, who sees his subtree. */
export function isUnitVisible(actor: WithScope, unitPath: string): boolean {
  const subtree = unitSubtree(actor.scope);
  return subtree === null || unitPath.startsWith(subtree);
}

/** The enterprise, if it lies in the caller's scope; otherwise "not found". */
export async function requireEnterpriseInScope(db: Executor, actor: WithScope, enterpriseId: string): Promise<void> {
  await requireInScope(db, actor.scope, enterpriseId);
}
