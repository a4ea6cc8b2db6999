import type { Actor, Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Tx } from '../../../platform/db/database';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import type { NewFile } from '../../../platform/files/attachments';
import { addLocalDays, localDay, localInstant, localYear } from '../../../platform/time';
import { refusalError } from '../../../platform/workflow';
import { eventDays, fulfilByRecord, obligationParams } from '../../obligations';
import { INTERVIEW_DUTY, INTERVIEW_RECORD } from './followup.obligations';
import { INTERVIEW_FILE_OWNER } from './followup.policy';
import {
  accidentsAwaitingInterview, findAccidents, findInterview, insertInterview, interviewedAccidents, interviewRateRows, interviewsInScope, linkInterview, officeOf, updateInterview,
} from './followup.repository';
import type { InterviewBoard, InterviewCreate, InterviewView } from './followup.schema';
import { mayInterview, presentInterview, storeFollowupFiles } from './followup.service';

/*
 * R-RESP-8, issue 14 §5: the supervising department interviews (约谈) the principal of every enterprise that had an
 * accident, within N [cfg] days of the report. One interview may cover several accidents of the enterprise (an
 * explicit merge); each covered accident's duty is fulfilled in the interview's transaction. The department's board
 * shows the accidents awaiting an interview, the interviews held, and the rate per department.
 */

const INTERVIEW = 'accident_interview';
/** The most rows the board's lists carry. */
const BOARD_LIMIT = 500;

export async function getInterview(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<InterviewView> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findInterview(db, actor, enterpriseId, id);
  if (!r) throw notFound();
  return presentInterview(db, actor, r, localDay(ctx.now));
}

/**
 * A department officer (or the district admin) records an interview held about one or more reported accidents of the
 * enterprise. Accidents not visible, not reported, or of another enterprise are a 400 at `accidentIds`; a near miss
 * is refused 409 NEAR_MISS. The interview is not in the future nor before the accidents.
 */
export async function recordInterview(db: Db, ctx: Ctx, enterpriseId: string, input: InterviewCreate): Promise<InterviewView> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayInterview(actor)) throw forbidden();
    const ids = [...new Set(input.accidentIds)];
    const accidents = await findAccidents(tx, actor, enterpriseId, ids);
    if (accidents.length !== ids.length) throw invalid('body.accidentIds', 'accidentFollowup.accidentUnknown');
    if (accidents.some((a) => a.kind !== 'accident')) throw refusalError('NEAR_MISS', 'accidentFollowup.refused.nearMiss');
    if (accidents.some((a) => a.regulators_received_at === null)) throw invalid('body.accidentIds', 'accidentFollowup.accidentUnknown');
    // R-RESP-8: one interview per accident (several accidents may share one, an explicit merge). Decided under the
    // accidents' locks (findAccidents), so two officers recording at once cannot both fulfil the same duty.
    if ((await interviewedAccidents(tx, enterpriseId, ids)).length) throw refusalError('ALREADY_INTERVIEWED', 'accidentFollowup.refused.alreadyInterviewed');
    const heldAt = new Date(input.heldAt);
    if (heldAt.getTime() > ctx.now.getTime()) throw invalid('body.heldAt', 'accidentFollowup.heldInFuture');
    if (accidents.some((a) => heldAt.getTime() < a.occurred_at.getTime())) throw invalid('body.heldAt', 'accidentFollowup.heldBeforeAccident');
    if (input.followUpDue !== null && input.followUpDue < localDay(heldAt)) throw invalid('body.followUpDue', 'accidentFollowup.dueBeforeInterview');
    const office = await officeOf(tx, actor.userId);
    const iid = await insertInterview(tx, enterpriseId, {
      held_at: heldAt, place: input.place, principal_name: input.principalName, participants: JSON.stringify(input.participants), record: input.record,
      commitments: input.commitments, follow_up: input.followUp, follow_up_due: input.followUpDue, department_id: office?.department_id ?? null,
      recorded_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    await linkInterview(tx, enterpriseId, iid, ids);
    await writeAudit(tx, ctx, {
      action: 'accident_interview.record', entityType: INTERVIEW, entityId: iid, enterpriseId,
      after: { accidentIds: ids, heldAt: input.heldAt, principalName: input.principalName, participants: input.participants.length, merged: ids.length > 1 },
    });
    // R-RESP-8: each accident covered has its own duty; the one interview fulfils each of them.
    for (const accidentId of ids) {
      await fulfilByRecord(tx, ctx, {
        enterpriseId, record: INTERVIEW_RECORD, recordType: INTERVIEW, recordId: iid, at: heldAt, byPrincipal: false, subjectKey: accidentId,
      });
    }
    return iid;
  });
  return getInterview(db, ctx, enterpriseId, id);
}

/**
 * The interview an office changes, read under its lock before anything is decided: 404 outside the caller's scope,
 * 403 for who may not record interviews, 409 STALE when the caller's `version` is not the current one.
 */
export async function interviewUnderLock(tx: Tx, actor: Actor, enterpriseId: string, id: string, version: number | undefined) {
  await requireEnterpriseInScope(tx, actor, enterpriseId);
  const r = await findInterview(tx, actor, enterpriseId, id, { lock: true });
  if (!r) throw notFound();
  if (!mayInterview(actor)) throw forbidden();
  if (version !== undefined && version !== r.version) throw refusalError('STALE');
  return r;
}

/** The interviewing office marks the follow-up done (what was checked of the commitments). */
export async function completeFollowUp(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string; version?: number }): Promise<InterviewView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await interviewUnderLock(tx, actor, enterpriseId, id, input.version);
    if (r.follow_up_done_at !== null) throw refusalError('DONE', 'accidentFollowup.refused.done');
    if (!await updateInterview(tx, enterpriseId, id, r.version, { follow_up_done_at: ctx.now, follow_up_note: input.note, updated_at: ctx.now })) throw refusalError('STALE');
    await writeAudit(tx, ctx, { action: 'accident_interview.follow_up', entityType: INTERVIEW, entityId: id, enterpriseId, after: { note: input.note } });
  });
  return getInterview(db, ctx, enterpriseId, id);
}

export async function uploadInterviewFiles(db: Db, ctx: Ctx, enterpriseId: string, id: string, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findInterview(db, actor, enterpriseId, id);
  if (!r) throw notFound();
  if (!mayInterview(actor)) throw forbidden();
  return storeFollowupFiles(db, ctx, enterpriseId, { type: INTERVIEW_FILE_OWNER, id }, files);
}

/**
 * The regulators' board (R-RESP-8): the accidents awaiting an interview with their due day (report day + N [cfg]
 * days), the interviews held in the year, and the rate per department (the district sees every department).
 */
export async function interviewBoard(db: Db, ctx: Ctx, q: { year?: number | undefined }): Promise<InterviewBoard> {
  const actor = requireActor(ctx);
  if (actor.scope.kind === 'enterprise' || actor.scope.kind === 'institution') throw forbidden();
  const year = q.year ?? localYear(ctx.now);
  const from = localInstant(year, 0, 1);
  const to = localInstant(year + 1, 0, 1);
  const today = localDay(ctx.now);
  const days = eventDays((await obligationParams(db, ctx, INTERVIEW_DUTY)).params) ?? 15;
  const [due, done, rates] = await Promise.all([
    accidentsAwaitingInterview(db, actor, BOARD_LIMIT), interviewsInScope(db, actor, { from, to, limit: BOARD_LIMIT }), interviewRateRows(db, actor.scope, from, to),
  ]);
  return {
    year, days,
    due: due.map((a) => {
      const dueOn = addLocalDays(localDay(a.regulators_received_at!), days);
      return {
        enterpriseId: a.enterprise_id, enterpriseName: a.enterprise_name, accidentId: a.id, summary: a.summary, grade: a.grade,
        occurredAt: a.occurred_at, receivedAt: a.regulators_received_at!, dueOn, overdue: dueOn < today,
      };
    }),
    done: await Promise.all(done.map(async (r) => {
      const { files: _f, abilities: _a, corrections: _c, ...rest } = await presentInterview(db, actor, r, today);
      return rest;
    })),
    rates: rates.map((r) => ({
      departmentId: r.department_id, departmentName: r.department_name, withAccidents: r.with_accidents, interviewed: r.interviewed,
      rate: r.with_accidents === 0 ? null : r.interviewed / r.with_accidents,
    })),
  };
}
