import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { AMOUNT_PATTERN } from './culture.rules';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);

export const ACTIVITY_KINDS = ['pre_shift', 'safety_month', 'activity_day', 'knowledge_contest', 'drill', 'other'] as const;
export const activityParams = enterpriseParams.extend({ id: z.uuid() });

export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  heldOn: calendarDate,
  topic: text(200).min(1),
  orgUnitId: z.uuid().nullable().default(null),
  host: text(100).default(''),
  content: text(4000).default(''),
  /** People the organiser lists as present (they may still sign in on the shared device). */
  participantIds: z.array(z.uuid()).max(2000).default([]),
});
export type ActivityInput = z.infer<typeof activityInput>;

/** A participant signs in on the shared device: draws on it and confirms with the last four of the ID number. */
export const signInInput = z.object({
  employeeId: z.uuid(),
  idLast4: z.string().trim().max(4),
  imageAttachmentId: z.uuid(),
  device: text(200).optional(),
});
export type SignInInput = z.infer<typeof signInInput>;

export const activitySummary = z.object({
  id: z.string(), kind: z.enum(ACTIVITY_KINDS), heldOn: z.string(), topic: z.string(), orgUnitName: z.string().nullable(), host: z.string(),
  participants: z.number().int(), signedIn: z.number().int(),
});
export const activityDetail = activitySummary.extend({
  orgUnitId: z.string().nullable(), content: z.string(), createdByName: z.string().nullable(), createdAt: z.date(),
  people: z.array(z.object({ employeeId: z.string(), name: z.string(), orgUnitName: z.string(), signedAt: z.date().nullable() })),
  abilities: z.object({ canSignIn: z.boolean() }),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

export const ACTIVITY_SORT = { heldOn: ['a.held_on', 'a.created_at'], topic: 'a.topic' };
export const activityListQuery = z.object({
  ...listParams,
  sort: sortParam(ACTIVITY_SORT, 'heldOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  year: wholeNumber(2000, 2100).optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;
export const activityList = pageOf(activitySummary).extend({
  counts: z.object(Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof ACTIVITY_KINDS)[number], z.ZodNumber>),
  abilities: z.object({ canCreate: z.boolean() }),
});

// ---- 安全奖惩台账 ----

export const REWARD_KINDS = ['reward', 'penalty'] as const;
export const rewardInput = z.object({
  kind: z.enum(REWARD_KINDS),
  employeeId: z.uuid(),
  decidedOn: calendarDate,
  reason: text(1000).min(1),
  /** Yuan as exact decimal text; or a measure; at least one. */
  amount: z.string().trim().regex(AMOUNT_PATTERN, { message: 'culture.amount' }).nullable().default(null),
  measure: text(200).default(''),
  /** The hidden hazard it rewards the report of (R-HAZ-6) or penalises. */
  hazardId: z.uuid().nullable().default(null),
}).refine((v) => v.amount !== null || v.measure !== '', { path: ['measure'], message: 'culture.amountOrMeasure' });
export type RewardInput = z.infer<typeof rewardInput>;

export const rewardView = z.object({
  id: z.string(), kind: z.enum(REWARD_KINDS), employeeId: z.string(), personName: z.string(), orgUnitName: z.string(), decidedOn: z.string(), reason: z.string(),
  amount: z.string().nullable(), measure: z.string(), hazardId: z.string().nullable(), hazardCode: z.string().nullable(), createdAt: z.date(),
});
export type RewardView = z.infer<typeof rewardView>;
export const rewardListQuery = z.object({
  ...listParams,
  sort: sortParam({ decidedOn: ['r.decided_on', 'r.created_at'] }, 'decidedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(REWARD_KINDS).optional(),
  year: wholeNumber(2000, 2100).optional(),
});
export type RewardListQuery = z.infer<typeof rewardListQuery>;
export const rewardList = pageOf(rewardView).extend({
  totals: z.object({ reward: z.string(), penalty: z.string(), count: z.number().int() }),
  abilities: z.object({ canCreate: z.boolean() }),
});
