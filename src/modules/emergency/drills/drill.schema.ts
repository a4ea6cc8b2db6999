import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf } from '../../../platform/http/route';
import { OCCURRENCE_STATUSES } from '../../../platform/obligations';
import { DRILL_FORMS, DRILL_OPS, DRILL_STATES, PLAN_KINDS } from './drill-workflow';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);
/** A workflow step may name the version the client decided on (the detail's `version`): a stale one is refused 409. */
const version = z.number().int().min(1).optional();
const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-06-18T09:30:00+08:00' });

export const drillParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const SIGN_INS = ['manual', 'signature', 'qr'] as const;

export const actionInput = z.object({ content: text(1000).min(1), ownerEmployeeId: z.uuid(), dueOn: calendarDate });

/** A drill as recorded and as edited while it is recorded; the times are instants with their offset. */
export const drillInput = z.object({
  planId: z.uuid(),
  form: z.enum(DRILL_FORMS),
  scenario: text(2000).min(2),
  startedAt: instant,
  endedAt: instant,
  place: text(200).default(''),
  organiserEmployeeId: z.uuid(),
  participants: z.array(z.object({ employeeId: z.uuid(), signIn: z.enum(SIGN_INS).default('manual') })).max(1000).default([]),
});
export type DrillInput = z.infer<typeof drillInput>;
export const drillUpdate = drillInput.extend({ version });
export const drillConfirm = z.object({ version });
/** The evaluation: what worked, the problems found, whether the plan needs revising, and the follow-up actions. */
export const drillEvaluate = z.object({
  wentWell: text(4000).min(1),
  problems: text(4000).default(''),
  planNeedsRevision: z.boolean(),
  actions: z.array(actionInput).max(100).default([]),
  version,
});
export type DrillEvaluateInput = z.infer<typeof drillEvaluate>;
/**
 * A participant's sign-in (issue 11 §3): his own, on his account (a drawn signature or his password), or — someone
 * without an account — on the organiser's or a team leader's device, drawn and confirmed with the last four of his ID.
 */
export const drillSignIn = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pad'), imageAttachmentId: z.uuid(), device: z.string().trim().max(200).optional() }),
  z.object({ method: z.literal('password'), password: z.string().min(1).max(200), device: z.string().trim().max(200).optional() }),
  z.object({
    method: z.literal('proxy_pad'), employeeId: z.uuid(), idLast4: z.string().trim().min(1).max(8), imageAttachmentId: z.uuid(),
    device: z.string().trim().max(200).optional(),
  }),
]);
export type DrillSignInInput = z.infer<typeof drillSignIn>;
/** The drill's participants as the sign-in device lists them. */
export const drillSignInRoster = z.object({
  items: z.array(z.object({ employeeId: z.string(), name: z.string(), unitName: z.string().nullable(), hasAccount: z.boolean(), signedIn: z.boolean() })),
  /** The caller is a participant who has not signed in yet (he may sign on his own account). */
  selfPending: z.boolean(),
});
export const drillReport = z.object({ version });
export const drillVoid = z.object({ reason: text(1000).min(1), version });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
export const DRILL_SORT_KEYS = { startedAt: true, planKind: true } as const;
export const drillListQuery = z.object({
  ...listParams,
  sort: sortParam(DRILL_SORT_KEYS, 'startedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  planKind: z.enum(PLAN_KINDS).optional(),
  status: z.enum(DRILL_STATES).optional(),
  year: wholeNumber(2000, 2100).optional(),
  /** Drills naming the caller (a principal) organiser that wait for his confirmation. */
  awaitingMe: flag,
  /** Drills with an open follow-up action the caller owns. */
  myActions: flag,
});
export type DrillListQuery = z.infer<typeof drillListQuery>;
export const reportedListQuery = z.object({ ...listParams });
export type ReportedListQuery = z.infer<typeof reportedListQuery>;

export const drillSummary = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), planId: z.string(), planTitle: z.string(), planKind: z.enum(PLAN_KINDS),
  form: z.enum(DRILL_FORMS), scenario: z.string(), startedAt: z.date(), endedAt: z.date(), place: z.string(), organiserName: z.string(),
  byPrincipal: z.boolean(), status: z.enum(DRILL_STATES), reportedAt: z.date().nullable(),
  participantCount: z.number().int(), openActions: z.number().int(), overdueActions: z.number().int(),
});
export type DrillSummary = z.infer<typeof drillSummary>;
export const drillPage = pageOf(drillSummary).extend({ canRecord: z.boolean() });
export const reportedPage = pageOf(drillSummary);

export const drillAction = z.object({
  id: z.string(), drillId: z.string(), content: z.string(), ownerEmployeeId: z.string(), ownerName: z.string(), dueOn: z.string(),
  status: z.enum(ACTION_STATUSES), overdue: z.boolean(), doneNote: z.string().nullable(), doneAt: z.date().nullable(), doneByName: z.string().nullable(),
  hazardId: z.string().nullable(), version: z.number().int(),
  abilities: z.object({ done: z.boolean(), cancel: z.boolean(), openHazard: z.boolean() }),
});
export type DrillAction = z.infer<typeof drillAction>;
export const actionParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const actionDone = z.object({ note: text(1000).min(1), version });
export const actionCancel = z.object({ reason: text(1000).min(1), version });
export const actionHazard = z.object({ location: text(200).default(''), version });

export const drillDetail = drillSummary.extend({
  organiserEmployeeId: z.string(), principalConfirmedAt: z.date().nullable(), wentWell: z.string(), problems: z.string(),
  planNeedsRevision: z.boolean().nullable(), evaluatedAt: z.date().nullable(), recordedByName: z.string().nullable(),
  voidReason: z.string().nullable(), version: z.number().int(),
  /** R-EMG-2: whether the enterprise must report its drills to the regulators. */
  mustReport: z.boolean(),
  participants: z.array(z.object({ employeeId: z.string(), name: z.string(), unitName: z.string().nullable(), signIn: z.enum(SIGN_INS), signedAt: z.date().nullable() })),
  actions: z.array(drillAction),
  /** Its photos and videos, oldest first; locked once the drill is evaluated. */
  files: z.array(z.object({ id: z.string(), kind: z.enum(['photo', 'video']), name: z.string(), mime: z.string(), size: z.number(), locked: z.boolean(), url: z.string() })),
  /** How many videos the drill may keep (the `drills` rule-set). */
  maxVideos: z.number().int(),
  events: z.array(z.object({ op: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string().nullable(), at: z.date(), note: z.string() })),
  abilities: z.object({ ...Object.fromEntries(DRILL_OPS.map((op) => [op, z.boolean()])) as Record<(typeof DRILL_OPS)[number], z.ZodBoolean>, upload: z.boolean() }),
});
export type DrillDetail = z.infer<typeof drillDetail>;

export const planQuery = z.object({ year: wholeNumber(2000, 2100).optional() });
const duty = z.object({
  periodKey: z.string(), status: z.enum([...OCCURRENCE_STATUSES, 'none']), dueOn: z.string().nullable(), drillId: z.string().nullable(),
});
/** R-EMG-2: the year's drill plan — the duties the enterprise owes and where each stands. */
export const drillPlan = z.object({
  year: z.number().int(),
  yearly: duty,
  principal: duty,
  /** R-EMG-2: whether the sector drills every half-year (the `emergency` rule-set or the duty), and reports its drills. */
  halfYear: z.object({ owed: z.boolean(), report: z.boolean(), periods: z.array(duty) }),
  onsite: z.array(z.object({ planId: z.string(), title: z.string(), periods: z.array(duty) })),
  plans: z.array(z.object({ id: z.string(), kind: z.enum(PLAN_KINDS), title: z.string(), status: z.string() })),
  canRecord: z.boolean(),
});
export type DrillPlan = z.infer<typeof drillPlan>;
