import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf } from '../../../platform/http/route';
import { MENTORSHIP_OPS, MENTORSHIP_STATES } from './mentorship-workflow';

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1).optional();

export const SKILL_KINDS = ['procedure', 'risk_card', 'other'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export const mentorshipParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const skillParams = z.object({ enterpriseId: z.uuid(), id: z.uuid(), skillId: z.uuid() });
export const postSkillParams = z.object({ enterpriseId: z.uuid(), postId: z.uuid() });

export const skillInput = z.object({
  kind: z.enum(SKILL_KINDS),
  title: text(200).min(1),
  /** A risk-card skill: the risk point on the post's card it covers. */
  riskPointId: z.uuid().nullable().default(null),
});
export type SkillInput = z.infer<typeof skillInput>;

export const mentorshipCreate = z.object({
  mentorEmployeeId: z.uuid(),
  apprenticeEmployeeId: z.uuid(),
  postId: z.uuid().nullable().default(null),
  startsOn: calendarDate,
  endsOn: calendarDate,
  note: text(1000).default(''),
  skills: z.array(skillInput).max(50).default([]),
});
export type MentorshipCreate = z.infer<typeof mentorshipCreate>;

export const mentorshipUpdate = z.object({
  mentorEmployeeId: z.uuid().optional(),
  postId: z.uuid().nullable().optional(),
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
  note: text(1000).optional(),
  version,
});
export type MentorshipUpdate = z.infer<typeof mentorshipUpdate>;
export const mentorshipComplete = z.object({ note: text(1000).default(''), version });
export const mentorshipCancel = z.object({ reason: text(1000).min(1), version });

export const MENTORSHIP_SORT_KEYS = { startsOn: true, endsOn: true, apprentice: true } as const;
export const mentorshipListQuery = z.object({
  ...listParams,
  sort: sortParam(MENTORSHIP_SORT_KEYS, 'startsOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(MENTORSHIP_STATES).optional(),
});
export type MentorshipListQuery = z.infer<typeof mentorshipListQuery>;

const person = z.object({ employeeId: z.string(), name: z.string(), unitName: z.string().nullable() });

export const mentorshipSummary = z.object({
  id: z.string(), mentor: person, apprentice: person, postId: z.string().nullable(), postName: z.string().nullable(),
  startsOn: z.string(), endsOn: z.string(), status: z.enum(MENTORSHIP_STATES), skills: z.number().int(), signedSkills: z.number().int(),
  /** Active past its planned end. */
  overdue: z.boolean(),
});
export type MentorshipSummary = z.infer<typeof mentorshipSummary>;
export const mentorshipPage = pageOf(mentorshipSummary).extend({
  /** R-RESP-9 applies: the enterprise is in a key industry (RULES.md §8). */
  applies: z.boolean(),
  canManage: z.boolean(),
});

export const skillView = z.object({
  id: z.string(), kind: z.enum(SKILL_KINDS), title: z.string(), riskPointId: z.string().nullable(),
  signedAt: z.date().nullable(), signedByName: z.string().nullable(), recordedByName: z.string().nullable(),
  abilities: z.object({ sign: z.boolean(), remove: z.boolean() }),
});

export const mentorshipDetail = mentorshipSummary.extend({
  enterpriseId: z.string(), note: z.string(), cancelReason: z.string().nullable(), completedAt: z.date().nullable(), version: z.number().int(),
  createdByName: z.string().nullable(), createdAt: z.date(),
  skillList: z.array(skillView),
  events: z.array(z.object({ op: z.enum(['start', ...MENTORSHIP_OPS]), from: z.string().nullable(), to: z.string(), actorName: z.string().nullable(), at: z.date(), note: z.string() })),
  abilities: z.object(Object.fromEntries(MENTORSHIP_OPS.map((op) => [op, z.boolean()])) as Record<(typeof MENTORSHIP_OPS)[number], z.ZodBoolean>)
    .extend({ addSkill: z.boolean() }),
});
export type MentorshipDetail = z.infer<typeof mentorshipDetail>;

export const skillSuggestions = z.object({
  post: z.object({ id: z.string(), name: z.string(), unitPath: z.string() }),
  /** The post's risk-notice card: one skill per risk point on it (risk module). */
  items: z.array(z.object({ kind: z.enum(SKILL_KINDS), title: z.string(), riskPointId: z.string().nullable() })),
});

export const newHireList = z.object({
  applies: z.boolean(),
  /** The rule-set's days a new hire has to get a mentor, and the days after hiring someone counts as new. */
  noticeDays: z.number().int(),
  windowDays: z.number().int(),
  items: z.array(z.object({
    employeeId: z.string(), name: z.string(), unitName: z.string().nullable(), hireDate: z.string(), daysSinceHire: z.number().int(),
    dueOn: z.string(),
    /** No mentor after the rule-set's days (R-RESP-9: flagged). */
    overdue: z.boolean(),
  })),
});
