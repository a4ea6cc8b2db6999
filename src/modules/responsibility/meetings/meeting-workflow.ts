/**
 * A safety meeting's record (issue 11 §8, R-RESP-5) as a workflow table (src/platform/workflow): recorded as a draft
 * by the enterprise's managers, who may edit it; confirmed by its chair's own account, which locks it; voided by a
 * manager with a reason (a correction is a new record). Pure: the service runs each step through `operate()`, and the
 * detail's abilities come from the same table.
 */
import { defineWorkflow, refuseIf, requires, type BaseRefusal } from '../../../platform/workflow';

export const MEETING_TYPES = ['safety_topic', 'safety_committee', 'regular', 'congress', 'staff_assembly', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_STATES = ['draft', 'confirmed', 'voided'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_OPS = ['update', 'confirm', 'void'] as const;
export type MeetingOp = (typeof MEETING_OPS)[number];

/** How the caller relates to the meeting, computed by the service. */
export type MeetingActor = {
  /** The enterprise's principal or a safety manager, who records meetings. */
  manager: boolean;
  /** The meeting's chair, by his own account. */
  chair: boolean;
};

export type MeetingFacts = {
  /** The meeting's time has come (minutes are not confirmed ahead of the meeting). */
  held: boolean;
  /** The minutes are written, or a minutes file is attached. */
  hasMinutes: boolean;
};

type MeetingRefusal = 'NOT_CHAIR' | 'NOT_HELD_YET' | 'MINUTES_REQUIRED';
export type Refusal = BaseRefusal | MeetingRefusal;

export const meetingWorkflow = defineWorkflow<MeetingState, MeetingOp, MeetingActor, MeetingFacts, MeetingRefusal>({
  states: MEETING_STATES,
  operations: {
    update: { from: ['draft'], to: 'draft', actor: (who) => who.manager },
    // R-RESP-5: the minutes are the chair's to confirm, by his own act; a manager who is not the chair learns why.
    confirm: {
      from: ['draft'], to: 'confirmed', actor: (who) => who.chair || who.manager,
      guards: [
        refuseIf('NOT_CHAIR', (who) => !who.chair),
        requires('NOT_HELD_YET', (f) => f.held),
        requires('MINUTES_REQUIRED', (f) => f.hasMinutes),
      ],
    },
    void: { from: ['draft', 'confirmed'], to: 'voided', actor: (who) => who.manager },
  },
});

/**
 * The duty a confirmed meeting fulfils (R-RESP-5), as the record kind the obligation definitions name: a safety
 * meeting or safety committee the quarterly meeting; a 职代会 (or 职工大会) session with the safety work report attached
 * the yearly report to the workers' congress. Other meetings fulfil nothing.
 */
export function fulfilledRecord(type: MeetingType, hasReport: boolean): 'meeting.safety_topic' | 'meeting.congress_report' | null {
  if (type === 'safety_topic' || type === 'safety_committee') return 'meeting.safety_topic';
  if ((type === 'congress' || type === 'staff_assembly') && hasReport) return 'meeting.congress_report';
  return null;
}

/** An open action is overdue from the day after its due date (local dates, YYYY-MM-DD). */
export function actionOverdue(status: 'open' | 'done' | 'cancelled', dueOn: string | null, today: string): boolean {
  return status === 'open' && dueOn !== null && dueOn < today;
}
