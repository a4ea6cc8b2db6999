import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { ownSignatureBody } from '../../../platform/signatures';
import { REPLACEMENT_STATES } from './ppe.rules';

/** Issue 13 §3, R-PPE-1: what the protective-equipment routes take and answer. */

const text = (max: number) => z.string().trim().max(max);
const code = z.string().regex(/^[a-z0-9_]{2,50}$/, { message: 'ppe.unknownItem' });
const version = z.number().int().min(1);

export const ppeIssueParams = enterpriseParams.extend({ id: z.uuid() });
export const ppePostParams = enterpriseParams.extend({ postId: z.uuid() });
export const myIssueParams = z.object({ id: z.uuid() });

const standardLine = z.object({ item: code, quantity: z.number().int().min(1).max(1000), cycleMonths: z.number().int().min(1).max(120).nullable() }).strict();

/** A post's issue standard: its post type, and its own list (copied from the type's and edited) or null for the type's. */
export const ppePostInput = z.object({
  postType: code,
  items: z.array(standardLine).max(50).nullable().default(null)
    .refine((v) => !v || new Set(v.map((l) => l.item)).size === v.length, { message: 'ppe.duplicateItem' }),
  version: version.optional(),
}).strict();
export type PpePostInput = z.infer<typeof ppePostInput>;

const requiredLine = z.object({
  item: z.string(), itemName: z.string(), standard: z.string(), quantity: z.number().int(), cycleMonths: z.number().int().nullable(),
});
export const ppePostView = z.object({
  postId: z.string(), name: z.string(), unitPath: z.string(), postType: z.string().nullable(), postTypeName: z.string().nullable(), custom: z.boolean(),
  required: z.array(requiredLine), people: z.number().int(), version: z.number().int().nullable(),
});
export type PpePostView = z.infer<typeof ppePostView>;

const counts = {
  people: z.number().int(), peopleMissingIssue: z.number().int(), gaps: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), unsigned: z.number().int(),
};
export const ppeSummary = z.object({
  today: z.string(), dueSoonDays: z.number().int(),
  catalogue: z.object({
    postTypes: z.array(z.object({ code: z.string(), name: z.string(), standard: z.array(requiredLine) })),
    items: z.array(z.object({ code: z.string(), name: z.string(), standard: z.string(), verified: z.boolean() })),
  }),
  posts: z.array(ppePostView),
  counts: z.object({ ...counts, unmappedPosts: z.number().int() }),
  byUnit: z.array(z.object({ orgUnitId: z.string(), name: z.string(), unitPath: z.string(), ...counts })),
  abilities: z.object({ canManage: z.boolean(), canIssue: z.boolean() }),
});
export type PpeSummary = z.infer<typeof ppeSummary>;

export const ISSUE_STATUSES = ['awaiting', 'signed', 'voided'] as const;
export const ppeIssueView = z.object({
  id: z.string(), employeeId: z.string(), employeeName: z.string(), orgUnitName: z.string(), postId: z.string().nullable(), postName: z.string().nullable(),
  item: z.string(), itemName: z.string(), standard: z.string(), quantity: z.number().int(), issuedOn: z.string(), cycleMonths: z.number().int().nullable(),
  nextReplacement: z.string().nullable(),
  /** The replacement's state on the day, for the person's latest live issue of the item ('none' for older or voided rows). */
  replacement: z.enum(REPLACEMENT_STATES),
  status: z.enum(ISSUE_STATUSES),
  signedAt: z.date().nullable(), signMethod: z.enum(['pad', 'password', 'proxy_pad']).nullable(), signatureId: z.string().nullable(),
  voidedAt: z.date().nullable(), voidReason: z.string().nullable(), replacesId: z.string().nullable(), batchId: z.string().nullable(), note: z.string(),
  issuedByName: z.string().nullable(), createdAt: z.date(),
  /** The person has an account of his own: he signs on his phone; without one, on a leader's shared device. */
  hasAccount: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ canSignFor: z.boolean(), canVoid: z.boolean() }),
});
export type PpeIssueView = z.infer<typeof ppeIssueView>;

export const ISSUE_SORT = { issuedOn: 'i.issued_on', nextReplacement: { by: 'i.next_replacement', nulls: 'last' as const }, name: 'e.name', createdAt: 'i.created_at' };
export const ppeIssueQuery = z.object({
  ...listParams,
  sort: sortParam(ISSUE_SORT, 'issuedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** awaiting: unsigned; overdue / due_soon: the latest live issue per person and item; voided. */
  state: z.enum(['awaiting', 'signed', 'overdue', 'due_soon', 'voided', 'live']).optional(),
  employeeId: z.uuid().optional(),
  item: code.optional(),
  orgUnitId: z.uuid().optional(),
  batchId: z.uuid().optional(),
});
export type PpeIssueQuery = z.infer<typeof ppeIssueQuery>;
export const ppeIssueList = pageOf(ppeIssueView).extend({ today: z.string() });

/** A batch issue: one item to several people (a team leader on his phone), each then signs his own receipt. */
export const ppeIssueInput = z.object({
  employeeIds: z.array(z.uuid()).min(1).max(200).refine((v) => new Set(v).size === v.length, { message: 'ppe.duplicatePerson' }),
  item: code,
  /** Absent: the quantity of the person's post standard, else 1. */
  quantity: z.number().int().min(1).max(1000).optional(),
  issuedOn: calendarDate,
  note: text(500).default(''),
}).strict();
export type PpeIssueInput = z.infer<typeof ppeIssueInput>;
export const ppeIssueCreated = z.object({ batchId: z.string(), items: z.array(ppeIssueView) });

/** A correction: the row is voided with the reason, and (optionally) a new row issued in its place. */
export const ppeVoidInput = z.object({
  reason: text(500).min(2),
  replacement: z.object({ item: code, quantity: z.number().int().min(1).max(1000), issuedOn: calendarDate, note: text(500).default('') }).strict().nullable().default(null),
  version,
}).strict();
export type PpeVoidInput = z.infer<typeof ppeVoidInput>;
export const ppeVoided = z.object({ voided: ppeIssueView, replacement: ppeIssueView.nullable() });

/** Sign for another on the shared device: the drawn signature and the last four of the person's ID number. */
export const ppeSignForInput = z.object({
  idLast4: z.string().trim().max(4), imageAttachmentId: z.uuid(), device: text(200).optional(),
}).strict();
export type PpeSignForInput = z.infer<typeof ppeSignForInput>;
export const ppeOwnSignInput = ownSignatureBody;

export const ppeGapList = z.object({
  today: z.string(),
  items: z.array(z.object({
    employeeId: z.string(), name: z.string(), orgUnitName: z.string(), postId: z.string(), postName: z.string(), item: z.string(), itemName: z.string(), standard: z.string(),
  })),
});
export type PpeGapList = z.infer<typeof ppeGapList>;

export const myPpe = z.object({
  today: z.string(),
  person: z.object({ employeeId: z.string(), name: z.string() }).nullable(),
  issues: z.array(ppeIssueView),
  /** What his posts require, and whether he holds each (issued and not voided). */
  required: z.array(z.object({ postName: z.string(), item: z.string(), itemName: z.string(), standard: z.string(), quantity: z.number().int(), cycleMonths: z.number().int().nullable(), issued: z.boolean() })),
});
export type MyPpe = z.infer<typeof myPpe>;

// ---- the regulators' view ----

export const ppeOverviewQuery = z.object({
  ...listParams,
  sort: z.enum(['name', 'missing', 'overdue']).default('missing'),
  order: z.enum(['asc', 'desc']).default('desc'),
  subdistrictId: z.uuid().optional(),
  gaps: z.enum(['yes']).optional(),
});
export type PpeOverviewQuery = z.infer<typeof ppeOverviewQuery>;
export const ppeOverview = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  peopleMissingIssue: z.number().int(), replacementsOverdue: z.number().int(), replacementsDueSoon: z.number().int(), unsignedIssues: z.number().int(),
})).extend({
  today: z.string(),
  totals: z.object({ enterprises: z.number().int(), withGaps: z.number().int(), peopleMissingIssue: z.number().int(), replacementsOverdue: z.number().int() }),
});
export type PpeOverview = z.infer<typeof ppeOverview>;
