import { z } from 'zod';
import { listParams } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams } from '../../../platform/http/route';
import { submissionVersion, versionParam } from '../../../platform/submissions/submission.schema';
import { GRADES, PREFILLS } from './standardisation.rule-sets';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);
const year = wholeNumber(2000, 2100);

export const yearParams = enterpriseParams.extend({ year });
export const elementParams = yearParams.extend({ code: z.string().regex(/^5\.[1-8]\.[0-9]{1,2}$/, { message: 'standardisation.element.unknown' }) });
export const pdfParams = yearParams.extend({ version: versionParam });

/** R-STD-1: a score other than the prefilled one needs a reason and evidence (uploaded files of the year's assessment). */
export const adjustmentInput = z.object({
  score: z.number().min(0).max(100).multipleOf(0.1),
  reason: text(1000).min(2, { message: 'standardisation.adjust.reasonRequired' }),
  evidenceIds: z.array(z.uuid()).min(1, { message: 'standardisation.adjust.evidenceRequired' }).max(10),
  /** The revision the caller saw (409 STALE otherwise). */
  version: z.number().int().min(0).optional(),
}).strict();
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

export const versionBody = z.object({ version: z.number().int().min(0) }).strict();

const evidence = z.object({ label: z.string(), value: z.string(), link: z.string().nullable() });
const adjustment = z.object({
  code: z.string(), score: z.number(), reason: z.string(), evidenceIds: z.array(z.string()),
  adjustedBy: z.string().nullable().optional(), adjustedAt: z.string().nullable().optional(),
});
const element = z.object({
  code: z.string(), name: z.string(), firstLevel: z.string(), maxPoints: z.number(), rule: z.string(), prefill: z.enum(PREFILLS).nullable(),
  prefillName: z.string().nullable(),
  prefilledScore: z.number().nullable(), records: z.array(evidence), adjusted: adjustment.nullable(), score: z.number().nullable(), assessed: z.boolean(),
});
const firstLevel = z.object({ code: z.string(), name: z.string(), maxPoints: z.number(), assessedMax: z.number(), score: z.number(), assessed: z.boolean() });
const gradeOrNone = z.enum([...GRADES, 'none']);
const totals = z.object({ rawScore: z.number(), assessedMax: z.number(), tableMax: z.number(), normalised: z.number().nullable(), intendedGrade: gradeOrNone.nullable() });
const who = z.object({ id: z.string(), name: z.string() }).nullable();
const file = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), role: z.string(), locked: z.boolean() });

export const assessmentView = z.object({
  enterpriseId: z.string(), enterpriseName: z.string(), year: z.number(),
  required: z.boolean(),
  status: z.enum(['none', 'draft', 'confirmed', 'submitted']),
  /** Draft: computed now from the records; confirmed and submitted: the snapshot the principal signed. */
  live: z.boolean(),
  computedAt: z.string(),
  elements: z.array(element), firstLevel: z.array(firstLevel), totals,
  thresholds: z.object({ first: z.number(), second: z.number(), third: z.number() }),
  revision: z.number(), submissionVersion: z.number(),
  confirmedBy: who, confirmedAt: z.date().nullable(), submittedBy: who, submittedAt: z.date().nullable(),
  signatureId: z.string().nullable(),
  files: z.array(file),
  versions: z.array(submissionVersion),
  abilities: z.object({ canAdjust: z.boolean(), canSign: z.boolean(), canSubmit: z.boolean(), canCorrect: z.boolean() }),
});

export const uploadedEvidence = z.object({ ids: z.array(z.string()) });

export const reviewInput = z.object({
  reviewBody: text(200).min(2),
  reviewers: text(500).default(''),
  reviewedOn: calendarDate,
  passed: z.boolean(),
  grade: z.enum(GRADES).nullable().default(null),
  certificateNo: text(100).default(''),
  note: text(2000).default(''),
}).strict().refine((v) => v.passed === (v.grade !== null), { path: ['grade'], message: 'standardisation.review.gradeWhenPassed' });
export type ReviewInput = z.infer<typeof reviewInput>;

export const reviewView = z.object({
  id: z.string(), reviewBody: z.string(), reviewers: z.string(), reviewedOn: z.string(), passed: z.boolean(), grade: z.enum(GRADES).nullable(),
  certificateNo: z.string(), validUntil: z.string().nullable(), reReviewOn: z.string().nullable(), inForce: z.boolean(), note: z.string(),
  recordedBy: z.string().nullable(), createdAt: z.date(),
});
export const reviewList = z.object({ items: z.array(reviewView), canRecord: z.boolean() });

export const OVERVIEW_SORTS = ['name', 'subdistrict', 'score', 'submittedAt', 'validUntil'] as const;
export const overviewQuery = z.object({
  ...listParams,
  sort: z.enum(OVERVIEW_SORTS).default('name'),
  year: year.optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().max(50).optional(),
  /** `required` (default): the enterprises the plan requires; `all`: every enterprise in scope. */
  required: z.enum(['required', 'all']).default('required'),
  status: z.enum(['submitted', 'notSubmitted', 'reviewed']).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
export const overviewExportQuery = overviewQuery.omit({ page: true, pageSize: true });

export const overviewItem = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(), required: z.boolean(),
  status: z.enum(['none', 'draft', 'confirmed', 'submitted']), submitted: z.boolean(), score: z.number().nullable(), intendedGrade: gradeOrNone.nullable(),
  submittedAt: z.date().nullable(), awardedGrade: z.enum(GRADES).nullable(), validUntil: z.string().nullable(), reviewedOn: z.string().nullable(), reviewBody: z.string().nullable(),
});
export const overviewList = z.object({
  items: z.array(overviewItem), total: z.number(), page: z.number(), pageSize: z.number(), year: z.number(),
  counts: z.object({ enterprises: z.number(), submitted: z.number(), notSubmitted: z.number(), reviewed: z.number() }),
});
