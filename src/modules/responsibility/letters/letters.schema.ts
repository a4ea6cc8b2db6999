import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { ID_LAST4, versionedSignatureBody } from '../../../platform/signatures';
import { COMMITMENT_ASPECTS, LETTER_KINDS } from './letters.rules';

// ---- templates ----

export const letterKind = z.enum(LETTER_KINDS);
export const templateParams = enterpriseParams.extend({ kind: letterKind });
export const templateInput = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(20000),
});
export const templateView = z.object({
  kind: letterKind, version: z.number().int(), title: z.string(), body: z.string(),
  /** The platform's wording (version 0) while the enterprise has not saved its own. */
  builtin: z.boolean(), savedAt: z.date().nullable(), savedBy: z.string().nullable(),
});
export const templatesResponse = z.object({ items: z.array(templateView), canManage: z.boolean() });
export type TemplateView = z.infer<typeof templateView>;

// ---- campaigns ----

export const campaignParams = enterpriseParams.extend({ id: z.uuid() });
export const campaignCreate = z.object({ year: z.number().int().min(2000).max(2100), kind: letterKind, startsOn: calendarDate });
export type CampaignCreate = z.infer<typeof campaignCreate>;

const counts = z.object({
  /** People on the roster of the start date. */
  roster: z.number().int(), signed: z.number().int(), paper: z.number().int(), pending: z.number().int(), left: z.number().int(),
  /** People hired later, who owe a letter of their own; and how many of them have not signed yet. */
  lateHires: z.number().int(), lateHiresPending: z.number().int(), lateHiresOverdue: z.number().int(),
});
export type CampaignCounts = z.infer<typeof counts>;

export const campaignSummary = z.object({
  id: z.string(), year: z.number().int(), kind: letterKind, title: z.string(), startsOn: z.string(),
  status: z.enum(['open', 'completed']), completedAt: z.date().nullable(), counts,
});
export const campaignsResponse = z.object({ items: z.array(campaignSummary), canManage: z.boolean() });

export const unitProgress = z.object({
  orgUnitId: z.string(), orgUnitName: z.string(), signed: z.number().int(), paper: z.number().int(), pending: z.number().int(), left: z.number().int(),
});
export const campaignDetail = campaignSummary.extend({
  body: z.string(), templateVersion: z.number().int(), lateHireDays: z.number().int(), lastRemindedOn: z.string().nullable(),
  byUnit: z.array(unitProgress),
  abilities: z.object({ canManage: z.boolean(), canRemind: z.boolean(), canSignForOthers: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const LETTER_STATUSES = ['pending', 'signed', 'paper', 'left'] as const;
export const LETTER_SORT = { name: 'l.employee_name', unit: 'u.path', status: 'l.status', signedAt: { by: 'l.signed_at', nulls: 'last' as const } };
export const letterListQuery = z.object({
  ...listParams,
  sort: sortParam(LETTER_SORT, 'unit'),
  status: z.enum(LETTER_STATUSES).optional(),
  orgUnitId: z.uuid().optional(),
  lateHire: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only people without an account: whom a leader signs for on a shared device. */
  withoutAccount: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type LetterListQuery = z.infer<typeof letterListQuery>;

export const letterRow = z.object({
  id: z.string(), employeeId: z.string(), employeeName: z.string(), orgUnitId: z.string(), orgUnitName: z.string(),
  status: z.enum(LETTER_STATUSES), method: z.enum(['pad', 'password', 'proxy_pad', 'paper']).nullable(), signedAt: z.date().nullable(),
  lateHire: z.boolean(), dueOn: z.string().nullable(), hasAccount: z.boolean(),
});
export const letterPage = pageOf(letterRow);
export type LetterRow = z.infer<typeof letterRow>;

// ---- one letter ----

export const letterParams = enterpriseParams.extend({ id: z.uuid() });
export const signatureView = z.object({
  signerName: z.string(), method: z.enum(['pad', 'password', 'proxy_pad', 'paper']), signedAt: z.date(), operatorName: z.string().nullable(),
  device: z.string(), contentSha256: z.string(), confirmed: z.boolean(),
  /** The drawn image (`data:image/png;base64,…`) to print with the document; null for a password or a paper list. */
  image: z.string().nullable(),
});
export const letterDetail = z.object({
  id: z.string(), campaignId: z.string(), year: z.number().int(), kind: letterKind, title: z.string(), body: z.string(),
  enterpriseId: z.string(), enterpriseName: z.string(), employeeId: z.string(), employeeName: z.string(), orgUnitName: z.string(),
  status: z.enum(LETTER_STATUSES), lateHire: z.boolean(), dueOn: z.string().nullable(), contentSha256: z.string(),
  signature: signatureView.nullable(),
  abilities: z.object({
    /** The caller's own letter, pending: signed with the pad or the password. */
    canSign: z.boolean(),
    /** Someone without an account, in the caller's charge: signed on the caller's device with the last four of their ID. */
    canSignForOther: z.boolean(),
  }),
});
export type LetterDetail = z.infer<typeof letterDetail>;
export const myLetters = z.object({ items: z.array(letterDetail) });

export const signBody = z.object({
  method: z.enum(['pad', 'password', 'proxy_pad']),
  imageAttachmentId: z.uuid().optional(),
  password: z.string().max(200).optional(),
  idLast4: z.string().trim().toUpperCase().refine((v) => ID_LAST4.test(v), { message: 'signature.idLast4.format' }).optional(),
  device: z.string().trim().max(200).optional(),
});
export type SignBody = z.infer<typeof signBody>;

export const paperParams = campaignParams.extend({ attachmentId: z.uuid() });
export const paperRecorded = z.object({ attachmentId: z.string(), recorded: z.number().int(), skipped: z.number().int() });
export const paperConfirmed = z.object({ confirmed: z.number().int(), campaignCompleted: z.boolean() });
export const pendingPaperLists = z.object({
  items: z.array(z.object({ attachmentId: z.string(), recordedBy: z.string().nullable(), recordedAt: z.date(), people: z.array(z.string()) })),
});

// ---- the principal's commitment ----

export const commitmentAspect = z.enum(COMMITMENT_ASPECTS);
export const commitmentParams = enterpriseParams.extend({ id: z.uuid() });
export const commitmentCreate = z.object({
  year: z.number().int().min(2000).max(2100),
  investmentWan: z.number().min(0).max(100_000_000).nullable().optional(),
});
export const commitmentPatch = z.object({
  version: z.number().int(),
  principalName: z.string().trim().min(1).max(50).optional(),
  investmentWan: z.number().min(0).max(100_000_000).nullable().optional(),
  sections: z.array(z.object({ aspect: commitmentAspect, text: z.string().trim().min(1).max(1000) })).length(COMMITMENT_ASPECTS.length)
    .refine((s) => new Set(s.map((x) => x.aspect)).size === COMMITMENT_ASPECTS.length, { message: 'commitment.sectionsEach' }).optional(),
});
export type CommitmentPatch = z.infer<typeof commitmentPatch>;
export const commitmentSign = versionedSignatureBody;

const figures = z.object({
  risk: z.object({ total: z.number().int(), byGrade: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int() }) }),
  hazards: z.object({ open: z.number().int(), majorOpen: z.number().int() }),
  investmentWan: z.number().nullable(),
  staffing: z.object({ employees: z.number().int(), safetyManagers: z.number().int() }),
});
const section = z.object({ aspect: commitmentAspect, title: z.string(), text: z.string() });

export const commitmentView = z.object({
  id: z.string(), seq: z.number().int(), year: z.number().int(), status: z.enum(['draft', 'signed', 'superseded']),
  enterpriseId: z.string(), enterpriseName: z.string(), principalName: z.string(),
  figures, sections: z.array(section), closing: z.string(),
  signedAt: z.date().nullable(), signedByName: z.string().nullable(), contentSha256: z.string().nullable(),
  signatureImage: z.string().nullable(),
  /** The public page's path (`/p/commitment/<token>`) once signed. */
  publicPath: z.string().nullable(),
  periodKey: z.string(), reportedThisPeriod: z.boolean(), lastReportedAt: z.date().nullable(),
  version: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canSign: z.boolean(), canReport: z.boolean() }),
});
export type CommitmentView = z.infer<typeof commitmentView>;
export const commitmentList = z.object({
  items: z.array(z.object({ id: z.string(), seq: z.number().int(), year: z.number().int(), status: z.enum(['draft', 'signed', 'superseded']), signedAt: z.date().nullable(), principalName: z.string() })),
  currentId: z.string().nullable(), draftId: z.string().nullable(),
  abilities: z.object({ canDraft: z.boolean() }),
});
export const commitmentPoster = z.object({
  commitment: commitmentView,
  qr: z.object({ url: z.string(), fullUrl: z.string(), svg: z.string() }),
});
export const publicCommitment = z.object({
  enterpriseName: z.string(), year: z.number().int(), principalName: z.string(), sections: z.array(section), closing: z.string(),
  signedAt: z.date(), signatureImage: z.string().nullable(),
  /** A later commitment has replaced this one (the poster on the wall is out of date). */
  superseded: z.boolean(),
});
export const publicParams = z.object({ token: z.string().min(20).max(64).regex(/^[A-Za-z0-9_-]+$/) });

export const COMMITMENT_OVERVIEW_SORT = { name: 'e.name', signedAt: { by: 'c.signed_at', nulls: 'first' as const } };
export const commitmentOverviewQuery = z.object({
  ...listParams,
  sort: sortParam(COMMITMENT_OVERVIEW_SORT, 'name'),
  current: z.enum(['yes', 'no']).optional(),
  subdistrictId: z.uuid().optional(),
});
export type CommitmentOverviewQuery = z.infer<typeof commitmentOverviewQuery>;
export const commitmentOverviewRow = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  current: z.object({ id: z.string(), year: z.number().int(), signedAt: z.date(), principalName: z.string(), lastReportedAt: z.date().nullable() }).nullable(),
});
export const commitmentOverview = pageOf(commitmentOverviewRow).extend({ counts: z.object({ total: z.number().int(), current: z.number().int() }) });
