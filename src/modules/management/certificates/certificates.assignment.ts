import type { Ctx } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { setPostAssignmentGuard, type AssignedPerson, type AssignmentReason, type AssignmentRefusal } from '../../org';
import { recordPriorTraining, untrainedAmong } from '../training/training.facts';
import { minorsAmong, postsByIds, setAdultOn, setAdultOnMany, validTypesOf } from './certificates.repository';
import { rulesOf } from './certificates.rule-sets';
import { ADULT_AGE, comesOfAgeOn, minorMayHold, typeOfPost } from './certificates.rules';

/*
 * R-TRN-2, the door every path that puts a person on a post goes through (the employee editor, the roster import):
 * a special-operation post needs a valid certificate of the type it names, a minor (16–17) holds no key or
 * special-operation post, and nobody holds any post before passing the pre-post training unless trained before
 * joining, with evidence. Existing assignments are never undone here: only the posts being added are checked.
 */


const MESSAGE: Record<AssignmentReason, string> = {
  NO_CERTIFICATE: 'certificates.assign.noCertificate', MINOR: 'certificates.assign.minor', UNTRAINED: 'certificates.assign.untrained',
};

/** The first refusal for each person (in order), or null when every post added may be his. A few statements for any number of people. */
export async function assignmentRefusals(db: Executor, enterpriseId: string, today: string, people: readonly AssignedPerson[]): Promise<(AssignmentRefusal | null)[]> {
  const postIds = [...new Set(people.flatMap((p) => p.postIds))];
  if (!postIds.length) return people.map(() => null);
  const existing = [...new Set(people.flatMap((p) => (p.employeeId && p.postIds.length ? [p.employeeId] : [])))];
  const [posts, rules, valid, untrained] = await Promise.all([
    postsByIds(db, enterpriseId, postIds), rulesOf(db, enterpriseId), validTypesOf(db, enterpriseId, existing, today), untrainedAmong(db, enterpriseId, existing),
  ]);
  const postOf = new Map(posts.map((p) => [p.id, p]));
  return people.map((person) => {
    for (const id of person.postIds) {
      const post = postOf.get(id);
      if (!post) continue;
      const refuse = (reason: AssignmentReason, extra: Record<string, string> = {}): AssignmentRefusal => ({
        reason, messageKey: MESSAGE[reason], params: { name: person.name, post: post.name, ...extra },
      });
      // 劳动法 第六十四条: no minor on a key (hazardous) post or a special operation.
      if (person.minor && !minorMayHold({ keyPost: post.key_post, specialOperation: post.special_operation })) return refuse('MINOR');
      if (post.special_operation) {
        const type = typeOfPost(rules.types, post.certificate_type);
        const holds = person.employeeId !== null && type !== null && (valid.get(person.employeeId)?.has(type.code) ?? false);
        if (!holds) return refuse('NO_CERTIFICATE', { type: type?.name ?? post.certificate_type ?? '特种作业操作证' });
      }
      const trained = person.trainedBeforeJoining || (person.employeeId !== null && !untrained.has(person.employeeId));
      if (!trained) return refuse('UNTRAINED');
    }
    return null;
  });
}

/** The day the holder of this ID number turns 18, when that is after `today` (a minor); otherwise null. */
export function adultOnOf(idNumber: string, today: string): string | null {
  const day = comesOfAgeOn(idNumber, ADULT_AGE);
  return day > today ? day : null;
}

/** Whether a registered person is a minor on `today` (from the kept coming-of-age day). */
export async function isMinor(db: Executor, enterpriseId: string, employeeId: string, today: string): Promise<boolean> {
  return (await minorsAmong(db, enterpriseId, [employeeId], today)).has(employeeId);
}

/** Keeps (or clears) a person's coming-of-age day, from his ID number, in the caller's transaction. */
export async function keepAdultDay(tx: Tx, enterpriseId: string, employeeId: string, idNumber: string, today: string): Promise<void> {
  await setAdultOn(tx, enterpriseId, employeeId, adultOnOf(idNumber, today));
}

export async function keepAdultDays(tx: Tx, enterpriseId: string, people: { employeeId: string; idNumber: string }[], today: string, opts: { replace?: boolean } = {}): Promise<void> {
  if (opts.replace) {
    for (const p of people) await keepAdultDay(tx, enterpriseId, p.employeeId, p.idNumber, today);
    return;
  }
  await setAdultOnMany(tx, enterpriseId, people.flatMap((p) => {
    const adultOn = adultOnOf(p.idNumber, today);
    return adultOn ? [{ employeeId: p.employeeId, adultOn }] : [];
  }));
}

/** Records "trained before joining" for these people (the training module keeps it), in the caller's transaction. */
export async function keepPriorTraining(tx: Tx, ctx: Ctx, enterpriseId: string, employeeIds: readonly string[], evidence: { attachmentId: string | null; note: string }): Promise<void> {
  if (employeeIds.length) await recordPriorTraining(tx, ctx, enterpriseId, employeeIds, evidence);
}

// The guard org's employee editor and roster import ask (org/post-assignment.ts): registered when this module loads.
setPostAssignmentGuard({ refusals: assignmentRefusals, isMinor, keepAdultDays, keepPriorTraining });
