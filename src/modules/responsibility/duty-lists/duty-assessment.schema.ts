import { z } from 'zod';
import { sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf, pageQuery } from '../../../platform/http/route';
import { GRADES, PRINCIPAL_ASSESSORS } from './duty-assessment.rules';
import { EMPLOYMENT_FORMS } from './duty-list.schema';

/* R-RESP-2: the yearly assessment campaign's requests and answers. */

const text = (max: number) => z.string().trim().max(max);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ASSESSOR_KINDS = ['leader', 'managers', 'board', 'self'] as const;

export const assessmentParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const personParams = z.object({ enterpriseId: z.uuid(), id: z.uuid(), employeeId: z.uuid() });

export const campaignCreate = z.object({ year: z.number().int().min(2000).max(2100), name: text(100).optional() });
export type CampaignCreate = z.infer<typeof campaignCreate>;

const progress = z.object({ total: z.number(), scored: z.number() });
const byGrade = z.object({ excellent: z.number(), good: z.number(), pass: z.number(), fail: z.number() });
export const campaignSummary = z.object({
  id: z.string(), year: z.number(), name: z.string(), status: z.enum(['open', 'published']),
  publishFrom: z.string().nullable(), publishTo: z.string().nullable(), publishedAt: z.date().nullable(),
  /** Of the rows the caller sees. */
  progress,
});
export const campaignList = z.object({ items: z.array(campaignSummary), canCreate: z.boolean() });
export const campaignView = campaignSummary.extend({
  ruleSetVersion: z.number(),
  principalAssessedBy: z.enum(PRINCIPAL_ASSESSORS),
  bands: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }),
  createdAt: z.date(),
  /** The notice is posted today (publishFrom ≤ today ≤ publishTo). */
  noticeActive: z.boolean(),
  /** The rows the caller may score, and how many of them are done. */
  mine: progress,
  byGrade,
  /** Progress by the person's unit, for the safety manager to follow. */
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), total: z.number(), scored: z.number() })),
  abilities: z.object({ canPublish: z.boolean(), canExport: z.boolean() }),
});

export const SCORE_SORT = { name: 'm.name', unit: 'u.path', percent: 's.percent' } as const;
export const scoresQuery = z.object({
  ...pageQuery,
  sort: sortParam(SCORE_SORT, 'unit'),
  status: z.enum(['scored', 'unscored']).optional(),
  /** The rows the caller may score. */
  mine: bool.optional(),
  grade: z.enum(GRADES).optional(),
  orgUnitId: z.uuid().optional(),
});
export type ScoresQuery = z.infer<typeof scoresQuery>;

export const scoreRow = z.object({
  employeeId: z.string(), name: z.string(), unitName: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), postNames: z.array(z.string()),
  isPrincipal: z.boolean(), assessorKind: z.enum(ASSESSOR_KINDS), assessorName: z.string().nullable(),
  total: z.number().nullable(), maxPoints: z.number().nullable(), percent: z.number().nullable(), grade: z.enum(GRADES).nullable(),
  scoredAt: z.date().nullable(), scoredByName: z.string().nullable(), canScore: z.boolean(),
});
export const scorePage = pageOf(scoreRow);

export const scoreItem = z.object({
  /** Identifies the item within the person's current lists (`listId:version:index`, or `overall`). */
  key: z.string(), listName: z.string(), version: z.number().nullable(), content: z.string(), scope: z.string(), criterion: z.string(), points: z.number(), source: z.string(),
  score: z.number().nullable(),
});
export const personView = scoreRow.extend({ comment: z.string(), items: z.array(scoreItem) });

export const scoreInput = z.object({
  items: z.array(z.object({ key: text(120).min(1), score: z.number().min(0).max(100).multipleOf(0.5) })).min(1).max(300),
  comment: text(1000).default(''),
});
export type ScoreInput = z.infer<typeof scoreInput>;

export const publishNoticeInput = z.object({ publishFrom: calendarDate, publishTo: calendarDate });

export const noticeView = z.object({
  id: z.string(), year: z.number(), name: z.string(), enterpriseName: z.string(), status: z.enum(['open', 'published']),
  publishFrom: z.string().nullable(), publishTo: z.string().nullable(), publishedAt: z.date().nullable(), active: z.boolean(), byGrade,
  rows: z.array(z.object({
    employeeId: z.string(), name: z.string(), unitName: z.string(), postNames: z.array(z.string()),
    total: z.number().nullable(), maxPoints: z.number().nullable(), percent: z.number().nullable(), grade: z.enum(GRADES).nullable(),
  })),
});
