import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { forbidden, invalid } from '../../../platform/errors';
import { localDay } from '../../../platform/time';
import { refusalError } from '../../../platform/workflow';
import { fulfilByRecord, revertByRecord } from '../../obligations';
import { interviewSnapshot } from './followup-history';
import { insertInterviewCorrection, insertInvestigationEvent, otherInterviewOf, relinkInterview } from './followup-history.repository';
import { INTERVIEW_RECORD } from './followup.obligations';
import { findAccidents, findInvestigation, interviewedAccidents, updateInterview, updateInvestigation } from './followup.repository';
import type { FindingCorrect, FollowupView, InterviewCorrect, InterviewView } from './followup.schema';
import { checkFindings, getFollowup, loadAccident, mayRecordFinding, refuseNearMiss } from './followup.service';
import { getInterview, interviewUnderLock } from './interview.service';

/*
 * Issue 14 review: a recorded interview (R-RESP-8) and a concluded investigation's responsibility finding can be
 * corrected — never silently: each correction names its reason, is made under the record's row lock by whoever may
 * record it, and is kept in the record's history (the interview's corrections, the investigation's events) with
 * what it was before, besides the audit row.
 */

const INTERVIEW = 'accident_interview';
const INVESTIGATION = 'accident_investigation';

/**
 * The interviewing office corrects an interview: the whole record as it should read. The accidents it covers may
 * change (a merge undone or extended): R-RESP-8's duty of an accident it no longer covers goes back to open (the
 * obligations engine's revert, for that accident only), that of an accident it now covers is fulfilled, and those it
 * still covers keep their fulfilment. The same checks as the record's apply.
 */
export async function correctInterview(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: InterviewCorrect): Promise<InterviewView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await interviewUnderLock(tx, actor, enterpriseId, id, input.version);
    const ids = [...new Set(input.accidentIds)];
    const accidents = await findAccidents(tx, actor, enterpriseId, ids);
    if (accidents.length !== ids.length) throw invalid('body.accidentIds', 'accidentFollowup.accidentUnknown');
    if (accidents.some((a) => a.kind !== 'accident')) throw refusalError('NEAR_MISS', 'accidentFollowup.refused.nearMiss');
    if (accidents.some((a) => a.regulators_received_at === null)) throw invalid('body.accidentIds', 'accidentFollowup.accidentUnknown');
    const heldAt = new Date(input.heldAt);
    if (heldAt.getTime() > ctx.now.getTime()) throw invalid('body.heldAt', 'accidentFollowup.heldInFuture');
    if (accidents.some((a) => heldAt.getTime() < a.occurred_at.getTime())) throw invalid('body.heldAt', 'accidentFollowup.heldBeforeAccident');
    if (input.followUpDue !== null && input.followUpDue < localDay(heldAt)) throw invalid('body.followUpDue', 'accidentFollowup.dueBeforeInterview');

    const before = interviewSnapshot({
      accidentIds: r.accident_ids, heldAt: r.held_at, place: r.place, principalName: r.principal_name,
      participants: Array.isArray(r.participants) ? r.participants as { name: string; role: string; organisation: string }[] : [],
      record: r.record, commitments: r.commitments, followUp: r.follow_up, followUpDue: r.follow_up_due,
    });
    const after = interviewSnapshot({ ...input, accidentIds: ids, heldAt });
    if (JSON.stringify(before) === JSON.stringify(after)) throw refusalError('UNCHANGED', 'accidentFollowup.refused.unchanged');

    // R-RESP-8: one interview per accident — an accident added by the correction must not be another interview's
    // (decided under the accidents' locks taken by findAccidents, as recordInterview does).
    const removed = r.accident_ids.filter((a) => !ids.includes(a));
    const added = ids.filter((a) => !r.accident_ids.includes(a));
    if ((await interviewedAccidents(tx, enterpriseId, added)).length) throw refusalError('ALREADY_INTERVIEWED', 'accidentFollowup.refused.alreadyInterviewed');
    if (!await updateInterview(tx, enterpriseId, id, r.version, {
      held_at: heldAt, place: input.place, principal_name: input.principalName, participants: JSON.stringify(input.participants), record: input.record,
      commitments: input.commitments, follow_up: input.followUp, follow_up_due: input.followUpDue, updated_at: ctx.now,
    })) throw refusalError('STALE');
    await relinkInterview(tx, enterpriseId, id, removed, added);
    await insertInterviewCorrection(tx, enterpriseId, id, { version: r.version + 1, at: ctx.now, actorId: actor.userId, reason: input.reason, before, after });
    await writeAudit(tx, ctx, {
      action: 'accident_interview.correct', entityType: INTERVIEW, entityId: id, enterpriseId,
      before: { ...before, version: r.version }, after: { ...after, version: r.version + 1, reason: input.reason },
    });
    // R-RESP-8: an accident the interview no longer covers is owed its interview again; one it now covers is fulfilled.
    for (const accidentId of removed) {
      await revertByRecord(tx, ctx, { enterpriseId, recordType: INTERVIEW, recordId: id, reason: input.reason, subjectKey: accidentId });
      const other = await otherInterviewOf(tx, enterpriseId, accidentId, id);
      if (other) await fulfilByRecord(tx, ctx, { enterpriseId, record: INTERVIEW_RECORD, recordType: INTERVIEW, recordId: other.id, at: other.held_at, byPrincipal: false, subjectKey: accidentId });
    }
    for (const accidentId of added) {
      await fulfilByRecord(tx, ctx, { enterpriseId, record: INTERVIEW_RECORD, recordType: INTERVIEW, recordId: id, at: heldAt, byPrincipal: false, subjectKey: accidentId });
    }
  });
  return getInterview(db, ctx, enterpriseId, id);
}

/**
 * The investigators correct the responsibility finding (责任事故 or not, and each person's finding citing the duty
 * items in force on the accident's day) of a concluded investigation; while it is open they edit it instead (409
 * NOT_CONCLUDED). The credit list reads the corrected finding (R-CRD-1).
 */
export async function correctFinding(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: FindingCorrect): Promise<FollowupView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    refuseNearMiss(a);
    const inv = await findInvestigation(tx, enterpriseId, id, { lock: true });
    if (!inv) throw refusalError('NOT_DECIDED', 'accidentFollowup.refused.noInvestigation');
    if (!mayRecordFinding(actor, a, inv)) throw forbidden();
    if (inv.status !== 'concluded') throw refusalError('NOT_CONCLUDED', 'accidentFollowup.refused.notConcluded');
    if (input.version !== inv.version) throw refusalError('STALE');
    const findings = await checkFindings(tx, a, input);
    if (!await updateInvestigation(tx, enterpriseId, id, inv.version, {
      responsibility_accident: input.responsibilityAccident, person_findings: JSON.stringify(findings), updated_at: ctx.now,
    })) throw refusalError('STALE');
    const names = (v: unknown) => (Array.isArray(v) ? v.map((p) => String((p as { name?: unknown }).name ?? '')) : []);
    await insertInvestigationEvent(tx, enterpriseId, id, {
      op: 'correct', at: ctx.now, actorId: actor.userId, note: input.reason,
      detail: { parts: ['responsibility', 'personFindings'], responsibilityBefore: inv.responsibility_accident, responsibilityAfter: input.responsibilityAccident },
    });
    await writeAudit(tx, ctx, {
      action: 'accident_investigation.correct', entityType: INVESTIGATION, entityId: id, enterpriseId,
      before: { responsibilityAccident: inv.responsibility_accident, persons: names(inv.person_findings), personFindings: inv.person_findings },
      after: { responsibilityAccident: input.responsibilityAccident, persons: names(findings), personFindings: findings, reason: input.reason },
    });
  });
  return getFollowup(db, ctx, enterpriseId, id);
}
