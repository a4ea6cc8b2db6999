import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf } from '../../../platform/http/route';
import { MEETING_OPS, MEETING_STATES, MEETING_TYPES } from './meeting-workflow';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);
/** A workflow step may name the version the client decided on (the detail's `version`): a stale one is refused 409. */
const version = z.number().int().min(1).optional();

export const meetingParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const MEETING_FILE_ROLES = ['minutes', 'report', 'photo'] as const;
export type MeetingFileRole = (typeof MEETING_FILE_ROLES)[number];

export const decisionInput = z.object({
  content: text(1000).min(1),
  ownerEmployeeId: z.uuid(),
  dueOn: calendarDate.nullable().default(null),
});

/** A meeting as recorded (a draft) and as edited while it is one; the held time is an instant with its offset. */
export const meetingInput = z.object({
  type: z.enum(MEETING_TYPES),
  title: text(200).min(1),
  heldAt: z.iso.datetime({ offset: true }).meta({ example: '2026-03-31T23:30:00+08:00' }),
  place: text(200).default(''),
  chairEmployeeId: z.uuid(),
  attendeeIds: z.array(z.uuid()).max(500).default([]),
  agenda: text(4000).default(''),
  minutes: text(20000).default(''),
  decisions: z.array(decisionInput).max(100).default([]),
});
export type MeetingInput = z.infer<typeof meetingInput>;
export const meetingCreate = meetingInput.extend({
  /** A correction: the voided meeting this record replaces. */
  replacesId: z.uuid().optional(),
});
export type MeetingCreateInput = z.infer<typeof meetingCreate>;
export const meetingUpdate = meetingInput.extend({ version });
export const meetingConfirm = z.object({ note: text(1000).default(''), version });
export const meetingVoid = z.object({ reason: text(1000).min(1), version });

/** The keys the meeting list sorts by (meeting.repository.ts maps them to columns). */
export const MEETING_SORT_KEYS = { heldAt: true, title: true, type: true } as const;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();

export const meetingListQuery = z.object({
  ...listParams,
  sort: sortParam(MEETING_SORT_KEYS, 'heldAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  type: z.enum(MEETING_TYPES).optional(),
  status: z.enum(MEETING_STATES).optional(),
  /** The local year the meetings were held in. */
  year: wholeNumber(2000, 2100).optional(),
  /** Drafts the caller chairs: minutes waiting for his confirmation. */
  awaitingMe: flag,
  /** Meetings the caller chaired or attended. */
  mine: flag,
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

const person = z.object({ employeeId: z.string(), name: z.string(), unitName: z.string().nullable() });

export const meetingSummary = z.object({
  id: z.string(), type: z.enum(MEETING_TYPES), title: z.string(), heldAt: z.date(), place: z.string(),
  /** The quarter the meeting was held in (its local date): 2026-Q1. */
  quarter: z.string(),
  chairEmployeeId: z.string(), chairName: z.string(), status: z.enum(MEETING_STATES), confirmedAt: z.date().nullable(),
  attendeeCount: z.number().int(), decisionCount: z.number().int(), openActions: z.number().int(), overdueActions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;
export const meetingPage = pageOf(meetingSummary).extend({ canRecord: z.boolean() });

export const meetingAction = z.object({
  id: z.string(), meetingId: z.string(), meetingTitle: z.string(), meetingType: z.enum(MEETING_TYPES), meetingHeldAt: z.date(),
  content: z.string(), ownerEmployeeId: z.string(), ownerName: z.string(), ownerHasAccount: z.boolean(), dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES), overdue: z.boolean(), doneNote: z.string().nullable(), doneAt: z.date().nullable(), doneByName: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ done: z.boolean(), cancel: z.boolean() }),
});
export type MeetingAction = z.infer<typeof meetingAction>;

export const meetingDetail = meetingSummary.extend({
  enterpriseId: z.string(), agenda: z.string(), minutes: z.string(), version: z.number().int(),
  chairUserId: z.string().nullable(), chairHasAccount: z.boolean(), chairIsPrincipal: z.boolean(),
  recordedByName: z.string().nullable(), confirmedByName: z.string().nullable(),
  voidReason: z.string().nullable(), voidedAt: z.date().nullable(), replacesId: z.string().nullable(), replacedById: z.string().nullable(),
  attendees: z.array(person),
  decisions: z.array(meetingAction.omit({ meetingId: true, meetingTitle: true, meetingType: true, meetingHeldAt: true })),
  files: z.array(z.object({ id: z.string(), role: z.enum(MEETING_FILE_ROLES), name: z.string(), mime: z.string(), size: z.number().int(), locked: z.boolean(), url: z.string() })),
  events: z.array(z.object({ op: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string().nullable(), at: z.date(), note: z.string() })),
  /** R-RESP-5: the duty confirming this meeting fulfils (`meeting.safety_topic`, `meeting.congress_report`), if any. */
  fulfils: z.enum(['meeting.safety_topic', 'meeting.congress_report']).nullable(),
  abilities: z.object(Object.fromEntries(MEETING_OPS.map((op) => [op, z.boolean()])) as Record<(typeof MEETING_OPS)[number], z.ZodBoolean>)
    .extend({ upload: z.boolean(), correct: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const ACTION_SORT_KEYS = { dueOn: true, heldAt: true } as const;
export const actionListQuery = z.object({
  ...listParams,
  sort: sortParam(ACTION_SORT_KEYS, 'dueOn'),
  /** `overdue`: open and past its due date. */
  status: z.enum([...ACTION_STATUSES, 'overdue']).optional(),
  /** The caller's own actions (the decisions whose owner is his employee record). */
  mine: flag,
  meetingId: z.uuid().optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;
export const actionPage = pageOf(meetingAction);
export const actionParams = meetingParams;
export const actionDone = z.object({ note: text(1000).min(1), version });
export const actionCancel = z.object({ note: text(1000).min(1), version });

export const meetingFileParams = meetingParams;
export const uploadedFiles = z.object({ ids: z.array(z.string()) });
