import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf } from '../../../platform/http/route';
import { ownSignatureBody, versionedSignatureBody } from '../../../platform/signatures';
import { FILING_STATUSES, PLAN_KINDS, PLAN_OPS, PLAN_STATES, REVIEW_CONCLUSIONS, REVISION_CAUSES } from './plan-workflow';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);
/** A workflow step may name the version the client decided on (the detail's `version`): a stale one is refused 409. */
const version = z.number().int().min(1).optional();

export const planParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const planVersionParams = planParams.extend({ no: wholeNumber(1, 10_000) });
export const assessmentParams = planParams.extend({ assessmentId: z.uuid() });
export const filingRefileParams = planParams.extend({ filingId: z.uuid() });
export const filingParams = z.object({ id: z.uuid() });
export const planFileParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const REVIEW_MODES = ['review', 'demonstration'] as const;
export const ASSESSMENT_KINDS = ['yearly_review', 'evaluation'] as const;
export const PLAN_FILE_ROLES = ['document', 'review'] as const;
export type PlanFileRole = (typeof PLAN_FILE_ROLES)[number];

/**
 * A version's content: the sections of the plan-writing guide (GB/T 29639-2020) — scope, organisation and duties,
 * response levels (分级响应), procedures (处置程序), resources and support — the body text, what it covers and who
 * responds.
 */
export const planContent = z.object({
  scope: text(4000).default(''),
  organisation: text(8000).default(''),
  responseLevels: text(8000).default(''),
  procedures: text(20000).default(''),
  resources: text(8000).default(''),
  body: text(100000).default(''),
  riskPointIds: z.array(z.uuid()).max(500).default([]),
  postIds: z.array(z.uuid()).max(500).default([]),
  rescueOrganisation: text(2000).default(''),
  contacts: text(4000).default(''),
});
export type PlanContent = z.infer<typeof planContent>;

export const planCreate = planContent.extend({ kind: z.enum(PLAN_KINDS), title: text(200).min(2) });
export type PlanCreateInput = z.infer<typeof planCreate>;
export const planUpdate = planContent.extend({ title: text(200).min(2), version });
export type PlanUpdateInput = z.infer<typeof planUpdate>;
export const planStep = z.object({ note: text(1000).default(''), version });

export const reviewer = z.object({ name: text(50).min(1), organisation: text(100).default(''), expert: z.boolean().default(true) });
export const planReview = z.object({
  reviewers: z.array(reviewer).min(1).max(30),
  reviewedOn: calendarDate,
  conclusion: z.enum(REVIEW_CONCLUSIONS),
  opinions: text(8000).default(''),
  version,
});
export type PlanReviewInput = z.infer<typeof planReview>;

export const planSign = versionedSignatureBody;

export const distributionEntry = z.object({ name: text(100).min(1), kind: z.enum(['unit', 'rescue_team', 'other']) });
export const planIssue = z.object({
  /**
   * The staff it is published to (read receipts): accounts, people of the roster (their accounts), units with the units
   * under them and posts (the accounts of the people in them). Nothing named = every active account of the enterprise.
   */
  audienceUserIds: z.array(z.uuid()).max(5000).default([]),
  audienceEmployeeIds: z.array(z.uuid()).max(5000).optional(),
  audienceUnitIds: z.array(z.uuid()).max(500).optional(),
  audiencePostIds: z.array(z.uuid()).max(500).optional(),
  distribution: z.array(distributionEntry).max(100).default([]),
  version,
});
export type PlanIssueInput = z.infer<typeof planIssue>;

export const planRevise = z.object({ cause: z.enum(REVISION_CAUSES), note: text(2000).min(1), version });
export type PlanReviseInput = z.infer<typeof planRevise>;

/**
 * withdraw (废止, R-EMG-1): why the plan is no longer used — it stays in the history and reaches the offices. A reason
 * left out reads "required" like an empty one, never the validator's type message.
 */
export const planWithdraw = z.object({
  reason: z.string({ error: (iss) => (iss.input === undefined ? 'validation.required' : undefined) }).trim().min(1).max(2000),
  version,
});
export type PlanWithdrawInput = z.infer<typeof planWithdraw>;

export const assessmentCreate = z.object({
  kind: z.enum(ASSESSMENT_KINDS),
  reviewer: text(200).min(1),
  reviewedOn: calendarDate,
  changed: z.boolean(),
  reason: text(4000).min(1),
});
export type AssessmentInput = z.infer<typeof assessmentCreate>;
export const assessmentSign = ownSignatureBody;

export const filingAccept = z.object({ receiptNo: text(64).min(1), version });
export const filingReturn = z.object({ reason: text(2000).min(1), version });

export const PLAN_SORT_KEYS = { updatedAt: true, title: true, kind: true } as const;
export const planListQuery = z.object({
  ...listParams,
  sort: sortParam(PLAN_SORT_KEYS, 'updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(PLAN_KINDS).optional(),
  status: z.enum(PLAN_STATES).optional(),
  /** Plans whose current version's filing an office returned (the managers' workbench item). */
  returned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type PlanListQuery = z.infer<typeof planListQuery>;

export const FILING_SORT_KEYS = { submittedAt: true, enterprise: true } as const;
export const filingListQuery = z.object({
  ...listParams,
  sort: sortParam(FILING_SORT_KEYS, 'submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(FILING_STATUSES).optional(),
});
export type FilingListQuery = z.infer<typeof filingListQuery>;

export const planSummary = z.object({
  id: z.string(), kind: z.enum(PLAN_KINDS), title: z.string(), status: z.enum(PLAN_STATES), currentVersion: z.number().int(),
  filedVersion: z.number().int().nullable(), issuedAt: z.date().nullable(), updatedAt: z.date(), returnedFilings: z.number().int(),
  /** The caller has a read receipt of this plan still unread. */
  unread: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummary>;
export const planPage = pageOf(planSummary).extend({ canWrite: z.boolean() });

export const filingView = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), planId: z.string(), planTitle: z.string(), planKind: z.enum(PLAN_KINDS),
  versionNo: z.number().int(), departmentId: z.string(), departmentName: z.string(), status: z.enum(FILING_STATUSES), submittedAt: z.date(),
  rounds: z.number().int(), receiptNo: z.string().nullable(), returnReason: z.string().nullable(), decidedAt: z.date().nullable(),
  decidedByName: z.string().nullable(), version: z.number().int(),
  abilities: z.object({ accept: z.boolean(), return: z.boolean() }),
});
export type FilingView = z.infer<typeof filingView>;
export const filingPage = pageOf(filingView);

export const versionContent = z.object({
  number: z.number().int(), scope: z.string(), organisation: z.string(), responseLevels: z.string(), procedures: z.string(), resources: z.string(),
  body: z.string(), riskPointIds: z.array(z.string()), postIds: z.array(z.string()), rescueOrganisation: z.string(), contacts: z.string(),
  revisionCause: z.enum(REVISION_CAUSES).nullable(), revisionNote: z.string(),
  reviewMode: z.enum(REVIEW_MODES).nullable(), reviewers: z.array(z.object({ name: z.string(), organisation: z.string(), expert: z.boolean() })),
  reviewedOn: z.string().nullable(), reviewConclusion: z.enum(REVIEW_CONCLUSIONS).nullable(), reviewOpinions: z.string(),
  contentSha256: z.string().nullable(), signedAt: z.date().nullable(), signedByName: z.string().nullable(),
  distribution: z.array(distributionEntry), issuedAt: z.date().nullable(),
});
export type VersionContent = z.infer<typeof versionContent>;
export const filingDetail = filingView.extend({ content: versionContent });

export const planDetail = planSummary.extend({
  enterpriseId: z.string(), version: z.number().int(),
  content: versionContent,
  /** R-EMG-1 (B's requirements): whether this enterprise's plans go to expert review (评审) or demonstration (论证). */
  reviewModeRequired: z.enum(REVIEW_MODES),
  versions: z.array(z.object({
    number: z.number().int(), revisionCause: z.enum(REVISION_CAUSES).nullable(), revisionNote: z.string(), reviewMode: z.enum(REVIEW_MODES).nullable(),
    reviewConclusion: z.enum(REVIEW_CONCLUSIONS).nullable(), reviewedOn: z.string().nullable(), signedAt: z.date().nullable(), issuedAt: z.date().nullable(),
    createdAt: z.date(), contentSha256: z.string().nullable(),
  })),
  events: z.array(z.object({ versionNo: z.number().int(), op: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string().nullable(), at: z.date(), note: z.string() })),
  filings: z.array(filingView),
  receipts: z.object({ total: z.number().int(), read: z.number().int(), mineReadAt: z.date().nullable(), mine: z.boolean() }),
  assessments: z.array(z.object({
    id: z.string(), versionNo: z.number().int(), kind: z.enum(ASSESSMENT_KINDS), reviewer: z.string(), reviewedOn: z.string(), changed: z.boolean(), reason: z.string(),
    signedAt: z.date().nullable(), signedByName: z.string().nullable(),
  })),
  files: z.array(z.object({ id: z.string(), role: z.enum(PLAN_FILE_ROLES), name: z.string(), mime: z.string(), size: z.number().int(), locked: z.boolean(), url: z.string() })),
  abilities: z.object(Object.fromEntries(PLAN_OPS.map((op) => [op, z.boolean()])) as Record<(typeof PLAN_OPS)[number], z.ZodBoolean>)
    .extend({ upload: z.boolean(), read: z.boolean(), assess: z.boolean(), signAssessment: z.boolean(), receipts: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const receiptList = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), unitName: z.string().nullable(), readAt: z.date().nullable() })),
  total: z.number().int(), read: z.number().int(),
});
export const uploadedFiles = z.object({ ids: z.array(z.string()) });
export const createdId = z.object({ id: z.string() });
