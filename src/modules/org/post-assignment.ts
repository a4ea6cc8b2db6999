import type { Ctx } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';

/*
 * R-TRN-2 (issue 13 §2): who may be put on which post is the certificates module's rule (a valid certificate for a
 * special operation, no minor on a key post, the pre-post training passed). Every path of org that puts a person on a
 * post (the editor, the roster import) asks the guard registered here; the certificates module registers it through
 * org's index, so org never imports it (as enterprise-status.ts does for status listeners).
 */

export type AssignmentReason = 'NO_CERTIFICATE' | 'MINOR' | 'UNTRAINED';
export type AssignmentRefusal = { reason: AssignmentReason; messageKey: string; params: Record<string, string> };
export type AssignedPerson = {
  /** Null for a person being registered now (he holds no certificate and no training record yet). */
  employeeId: string | null;
  name: string;
  /** Under 18 on the day. */
  minor: boolean;
  trainedBeforeJoining: boolean;
  /** The posts he is being put on (not those he already holds). */
  postIds: readonly string[];
};

export type PostAssignmentGuard = {
  /** The first refusal for each person, or null when every post added may be his. */
  refusals: (db: Executor, enterpriseId: string, today: string, people: readonly AssignedPerson[]) => Promise<(AssignmentRefusal | null)[]>;
  /** Whether a registered person is a minor on `today`. */
  isMinor: (db: Executor, enterpriseId: string, employeeId: string, today: string) => Promise<boolean>;
  /** Keeps the day each person turns 18 (from the ID number, which is not stored), in the caller's transaction. */
  keepAdultDays: (tx: Tx, enterpriseId: string, people: { employeeId: string; idNumber: string }[], today: string, opts?: { replace?: boolean }) => Promise<void>;
  /** Records "trained before joining" with its evidence, in the caller's transaction. */
  keepPriorTraining: (tx: Tx, ctx: Ctx, enterpriseId: string, employeeIds: readonly string[], evidence: { attachmentId: string | null; note: string }) => Promise<void>;
};

let guard: PostAssignmentGuard | null = null;

/** The certificates module registers the guard once, when it loads. */
export function setPostAssignmentGuard(g: PostAssignmentGuard): void {
  guard = g;
}

/** The guard; a platform assembled without the certificates module refuses to put anyone on a post rather than skip R-TRN-2. */
export function postAssignmentGuard(): PostAssignmentGuard {
  if (!guard) throw new Error('R-TRN-2: no post-assignment guard is registered (the certificates module is not loaded)');
  return guard;
}
