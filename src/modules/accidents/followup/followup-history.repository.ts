import type { Executor, Tx } from '../../../platform/db/database';
import type { InvestigationEventOp } from '../../../platform/db/schema/accident-followup';

/*
 * The follow-up's own history (migration 0123): the investigation's events and the interviews' corrections. Append-only;
 * the service has checked the caller's scope on the accident or interview before it reads or writes them.
 */

export async function insertInvestigationEvent(tx: Tx, enterpriseId: string, accidentId: string, v: {
  op: InvestigationEventOp; at: Date; actorId: string | null; note?: string; detail?: Record<string, unknown>;
}): Promise<void> {
  await tx.insertInto('accident_investigation_events').values({
    enterprise_id: enterpriseId, accident_id: accidentId, op: v.op, at: v.at, actor_id: v.actorId, note: v.note ?? '', detail: JSON.stringify(v.detail ?? {}),
  }).execute();
}

/** The investigation's events of one accident, in the order they were written, with who acted. */
export async function investigationEventsOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_investigation_events as v').leftJoin('users as u', 'u.id', 'v.actor_id')
    .select(['v.id', 'v.op', 'v.at', 'v.note', 'v.detail', 'u.display_name as actor_name'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.accident_id', '=', accidentId)
    .orderBy('v.seq').execute();
}
export type InvestigationEventRow = Awaited<ReturnType<typeof investigationEventsOf>>[number];

export async function insertInterviewCorrection(tx: Tx, enterpriseId: string, interviewId: string, v: {
  version: number; at: Date; actorId: string; reason: string; before: Record<string, unknown>; after: Record<string, unknown>;
}): Promise<void> {
  await tx.insertInto('accident_interview_corrections').values({
    enterprise_id: enterpriseId, interview_id: interviewId, version: v.version, at: v.at, actor_id: v.actorId, reason: v.reason,
    before: JSON.stringify(v.before), after: JSON.stringify(v.after),
  }).execute();
}

/** The corrections of the interviews `ids` of the enterprise, oldest first, with who corrected. */
export async function interviewCorrectionsOf(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('accident_interview_corrections as c').leftJoin('users as u', 'u.id', 'c.actor_id')
    .select(['c.interview_id', 'c.version', 'c.at', 'c.reason', 'c.before', 'c.after', 'u.display_name as actor_name'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.interview_id', 'in', [...ids])
    .orderBy('c.at').orderBy('c.version').execute();
}
export type InterviewCorrectionRow = Awaited<ReturnType<typeof interviewCorrectionsOf>>[number];

/** Replaces the accidents an interview covers: those no longer covered are unlinked, the new ones linked. */
export async function relinkInterview(tx: Tx, enterpriseId: string, interviewId: string, removed: readonly string[], added: readonly string[]): Promise<void> {
  if (removed.length) {
    await tx.deleteFrom('accident_interview_accidents').where('enterprise_id', '=', enterpriseId).where('interview_id', '=', interviewId)
      .where('accident_id', 'in', [...removed]).execute();
  }
  if (added.length) {
    await tx.insertInto('accident_interview_accidents')
      .values(added.map((accidentId) => ({ enterprise_id: enterpriseId, interview_id: interviewId, accident_id: accidentId }))).execute();
  }
}

/** Another interview that covers the accident (the earliest held), besides `exceptId`: it fulfils the accident's duty instead. */
export async function otherInterviewOf(db: Executor, enterpriseId: string, accidentId: string, exceptId: string) {
  return (await db.selectFrom('accident_interview_accidents as ia')
    .innerJoin('accident_interviews as i', (j) => j.onRef('i.enterprise_id', '=', 'ia.enterprise_id').onRef('i.id', '=', 'ia.interview_id'))
    .select(['i.id', 'i.held_at']).where('ia.enterprise_id', '=', enterpriseId).where('ia.accident_id', '=', accidentId).where('ia.interview_id', '<>', exceptId)
    .orderBy('i.held_at').orderBy('i.id').limit(1).executeTakeFirst()) ?? null;
}
