import { z } from 'zod';
import { listParams } from '../../../platform/db/list-query';
import { calendarDate } from '../../../platform/http/route';
import { DAY_STATUSES, MOMENT_STATES } from './key-moment.rules';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);

export const KEY_MOMENT_KINDS = ['holiday', 'resumption', 'maintenance'] as const;
export type KeyMomentKindName = (typeof KEY_MOMENT_KINDS)[number];
export const KEY_MOMENT_SOURCES = ['calendar', 'suspension', 'declared'] as const;
/** The kinds a manager declares (holidays come from the official calendar, a suspension's end from the enterprise's status). */
export const DECLARED_KINDS = ['maintenance', 'resumption'] as const;

/** Why a caller cannot check in today (R-RESP-6). */
export const CHECK_IN_REFUSALS = ['NOT_ON_DUTY', 'NOT_A_MOMENT_DAY', 'ALREADY_CHECKED_IN'] as const;
export type CheckInRefusal = (typeof CHECK_IN_REFUSALS)[number];

export const keyMomentParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
const year = wholeNumber(2000, 2100);

/** The to-do lists the workbench opens (R-RESP-6): today's check-in not made yet; upcoming moments without a named leader. */
export const MOMENT_TODOS = ['checkin', 'noLeader'] as const;

export const keyMomentListQuery = z.object({
  /** The local year whose moments are listed (default: this year). */
  year: year.optional(),
  kind: z.enum(KEY_MOMENT_KINDS).optional(),
  /** A to-do instead of the year: `checkin`, the moments under way the caller must check in for today; `noLeader`, those to come without a named leader. */
  todo: z.enum(MOMENT_TODOS).optional(),
});
export type KeyMomentListQuery = z.infer<typeof keyMomentListQuery>;

/**
 * A moment a manager declares: a maintenance window (its first and last day), or a resumption after a shutdown (the
 * shutdown's first and last day; the moment starts the day after). The leader on duty defaults to the principal.
 */
export const keyMomentCreate = z.object({
  kind: z.enum(DECLARED_KINDS),
  name: text(200).default(''),
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
  shutdownFrom: calendarDate.optional(),
  shutdownTo: calendarDate.optional(),
  leaderEmployeeId: z.uuid().nullable().default(null),
  note: text(1000).default(''),
});
export type KeyMomentCreate = z.infer<typeof keyMomentCreate>;

export const keyMomentLeader = z.object({
  /** The employee named on-duty leader (he needs an account to check in); null = the principal again. */
  leaderEmployeeId: z.uuid().nullable(),
  version: z.number().int().min(1).optional(),
});

/**
 * An edit by a manager (R-RESP-6): the name, the note and the leader of any moment that has not ended; the days of a
 * declared one only (a maintenance window by its days, a declared resumption by its shutdown's days). Days already past
 * stay as they are, and a day with a check-in is never removed.
 */
export const keyMomentPatch = z.object({
  name: text(200).optional(),
  note: text(1000).optional(),
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
  shutdownFrom: calendarDate.optional(),
  shutdownTo: calendarDate.optional(),
  /** The employee named on-duty leader; null = the principal again. */
  leaderEmployeeId: z.uuid().nullable().optional(),
  version: z.number().int().min(1).optional(),
});
export type KeyMomentPatch = z.infer<typeof keyMomentPatch>;

/** The version the client saw, for a deletion (a stale one is 409 STALE). */
export const keyMomentDeleteQuery = z.object({ version: wholeNumber(1, 1_000_000).optional() });

/** Why a manager cannot edit or delete a moment (R-RESP-6). */
export const EDIT_REFUSALS = ['MOMENT_ENDED', 'MOMENT_STARTED', 'NOT_DECLARED', 'CHECKED_IN'] as const;

/** A check-in's text fields, sent with its photo as multipart (a decimal number as text for the coordinates). */
const decimal = z.string().trim().regex(/^-?\d{1,3}(\.\d{1,8})?$/, 'keyMoment.coordinate').transform(Number);
export const checkinFields = z.object({
  note: text(1000).default(''),
  /** Where the person says he is: typed, never read from the photo. */
  locationText: text(200).min(1),
  /** The person ticked "share my location": only then may the phone's coordinates be sent. */
  locationConsent: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  latitude: decimal.pipe(z.number().min(-90).max(90)).optional(),
  longitude: decimal.pipe(z.number().min(-180).max(180)).optional(),
});
export type CheckinFields = z.infer<typeof checkinFields>;

const leader = z.object({
  employeeId: z.string().nullable(), name: z.string().nullable(),
  /** No one is named: the principal is on duty. */
  isPrincipal: z.boolean(),
});

export const keyMomentSummary = z.object({
  id: z.string(), kind: z.enum(KEY_MOMENT_KINDS), name: z.string(), startsOn: z.string(), endsOn: z.string(), source: z.enum(KEY_MOMENT_SOURCES),
  state: z.enum(MOMENT_STATES), days: z.number().int(), checkedDays: z.number().int(),
  /** Past days without a check-in (flagged). */
  missingDays: z.number().int(),
  covered: z.boolean(),
  leader,
});
export type KeyMomentSummary = z.infer<typeof keyMomentSummary>;

export const keyMomentList = z.object({
  year: z.number().int(),
  items: z.array(keyMomentSummary),
  /** The year's statutory holiday periods on the official calendar, with the moment opened for each (if any yet). */
  officialHolidays: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string(), momentId: z.string().nullable() })),
  canManage: z.boolean(),
  /** The to-do listed instead of the year, if one was asked for. */
  todo: z.enum(MOMENT_TODOS).nullable(),
  enterpriseName: z.string(),
});

export const checkinView = z.object({
  id: z.string(), userName: z.string(), at: z.date(), note: z.string(), locationText: z.string(), locationConsent: z.boolean(),
  latitude: z.number().nullable(), longitude: z.number().nullable(), photoUrl: z.string(),
});

export const keyMomentDetail = keyMomentSummary.extend({
  enterpriseId: z.string(), shutdownFrom: z.string().nullable(), shutdownTo: z.string().nullable(), note: z.string(), ruleSetVersion: z.number().int(),
  createdByName: z.string().nullable(), createdAt: z.date(), version: z.number().int(),
  dayList: z.array(z.object({ day: z.string(), status: z.enum(DAY_STATUSES), checkins: z.array(checkinView) })),
  /** The holiday and resumption check plans covering the moment's days (hazards module, read-only). */
  checkPlans: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['holiday', 'resumption']), cycle: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
  /**
   * `manage`: name the leader; `edit`: change what the moment's source allows (the name, days and note of a declared one,
   * the note and the leader of any) while it has not ended; `delete`: a declared moment not started and without check-ins.
   */
  abilities: z.object({ checkIn: z.boolean(), manage: z.boolean(), edit: z.boolean(), delete: z.boolean() }),
  /** Why the caller cannot check in today (NOT_ON_DUTY, NOT_A_MOMENT_DAY, ALREADY_CHECKED_IN), null when he can. */
  checkInRefusal: z.enum(CHECK_IN_REFUSALS).nullable(),
});
export type KeyMomentDetail = z.infer<typeof keyMomentDetail>;

export const gapQuery = z.object({ year: year.optional() });
export const gapList = z.object({
  year: z.number().int(),
  items: z.array(z.object({ momentId: z.string(), name: z.string(), kind: z.enum(KEY_MOMENT_KINDS), day: z.string() })),
});

export const fileParams = keyMomentParams;

// ---- the regulators' view (issue 11 §10) ----

/** Sort keys of the regulators' list: missing days (default, most first), compliance rate, moments under way, the next moment, name. */
export const OVERVIEW_SORTS = ['missing', 'rate', 'current', 'next', 'name'] as const;
/** Which enterprises: with a moment under way, with one to come, with missed days this year, with today's check-in not made yet. */
export const OVERVIEW_STATES = ['current', 'upcoming', 'missing', 'uncheckedToday'] as const;

export const keyMomentOverviewQuery = z.object({
  year: year.optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().max(40).optional(),
  state: z.enum(OVERVIEW_STATES).optional(),
  sort: z.enum(OVERVIEW_SORTS).default('missing'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: listParams.page, pageSize: listParams.pageSize, q: listParams.q,
});
export type KeyMomentOverviewQuery = z.infer<typeof keyMomentOverviewQuery>;

export const keyMomentOverview = z.object({
  year: z.number().int(),
  items: z.array(z.object({
    enterpriseId: z.string(), name: z.string(), subdistrictId: z.string(), subdistrict: z.string(), industryCode: z.string(), industry: z.string(),
    /** Moments under way today, and how many of them have no check-in for today yet. */
    current: z.number().int(), currentUnchecked: z.number().int(),
    /** Moments to come, and the next one. */
    upcoming: z.number().int(), nextStartsOn: z.string().nullable(), nextName: z.string().nullable(),
    /** The year's days up to today: owed (past days, and today once checked in), checked in, missing (past, none). */
    owedDays: z.number().int(), checkedDays: z.number().int(), missingDays: z.number().int(),
    /** Checked ÷ owed, 0–1; null when nothing was owed yet. */
    rate: z.number().nullable(),
  })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});

// ---- the pay–safety link (R-RESP-7) ----

export const payLinkFields = z.object({
  year: z.string().trim().regex(/^\d{4}$/, 'payLink.year').transform(Number).pipe(z.number().int().min(2000).max(2100)),
  description: text(4000).min(1),
});
export type PayLinkFields = z.infer<typeof payLinkFields>;

export const payLinkView = z.object({
  id: z.string(), year: z.number().int(), description: z.string(), recordedByName: z.string().nullable(), recordedAt: z.date(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() })),
});
export type PayLinkView = z.infer<typeof payLinkView>;
export const payLinkList = z.object({
  /** R-RESP-7 applies: the enterprise is state-owned. */
  applies: z.boolean(),
  items: z.array(payLinkView),
  canRecord: z.boolean(),
});
