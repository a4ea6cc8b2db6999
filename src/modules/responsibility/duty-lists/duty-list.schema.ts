import { z } from 'zod';
import { sortParam } from '../../../platform/db/list-query';
import { calendarDate, pageOf, pageQuery } from '../../../platform/http/route';
import { TEMPLATE_POSITIONS } from './duty-templates';
import { ownSignatureBody } from '../../../platform/signatures';
import { wholeNumber } from '../../../platform/http/whole-number';

/*
 * The duty lists' requests and answers: templates, lists and their versions, assignments, coverage, the publication
 * (公示) and the yearly review. The assessment's are in duty-assessment.schema.ts.
 */

export const LIST_LEVELS = ['post', 'department', 'person'] as const;
export const VERSION_STATUSES = ['draft', 'current', 'superseded'] as const;
export const EMPLOYMENT_FORMS = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;

const text = (max: number) => z.string().trim().max(max);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listIdParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const versionParams = z.object({ enterpriseId: z.uuid(), id: z.uuid(), version: wholeNumber(1, 100000) });
export const postDutyParams = z.object({ enterpriseId: z.uuid(), postId: z.uuid() });
export const templateParams = z.object({ key: z.enum(TEMPLATE_POSITIONS) });

// ---- items ----

/** One duty item as an enterprise keeps it: what, over what, how it is assessed and for how many points, and where it comes from. */
export const dutyItem = z.object({
  content: text(500).min(1),
  scope: text(200).default(''),
  criterion: text(500).default(''),
  points: z.number().min(0).max(100).multipleOf(0.5),
  source: text(200).default(''),
});
export type DutyItem = z.output<typeof dutyItem>;
export const dutyItems = z.array(dutyItem).min(1).max(100);
const itemView = z.object({ content: z.string(), scope: z.string(), criterion: z.string(), points: z.number(), source: z.string() });

// ---- templates ----

export const templateSummary = z.object({
  key: z.enum(TEMPLATE_POSITIONS), level: z.enum(['post', 'department']), group: z.string(), name: z.string(), itemCount: z.number(), points: z.number(),
  /** The articles and plan points its items cite, as people write them. */
  sources: z.array(z.string()),
});
export const templateDetail = templateSummary.extend({ items: z.array(itemView) });

// ---- lists ----

const target = z.object({ type: z.enum(['post', 'employee', 'orgUnit']), id: z.string(), name: z.string(), unitPath: z.string() });
const versionSummary = z.object({
  version: z.number(), status: z.enum(VERSION_STATUSES), itemCount: z.number(), points: z.number(), note: z.string(), effectiveOn: z.string().nullable(),
  madeAt: z.date(), madeByName: z.string().nullable(), publishedAt: z.date().nullable(), publishedByName: z.string().nullable(),
});
export const versionView = versionSummary.extend({ items: z.array(itemView) });

export const LIST_SORT = { name: 'l.name', updatedAt: 'l.updated_at' } as const;
export const listQuery = z.object({
  ...pageQuery,
  sort: sortParam(LIST_SORT, 'name'),
  level: z.enum(LIST_LEVELS).optional(),
  /** `unpublished`: no current version yet; `draft`: a draft waits; `unassigned`: attached to nothing. */
  state: z.enum(['unpublished', 'draft', 'unassigned']).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;
export const listSummary = z.object({
  id: z.string(), name: z.string(), level: z.enum(LIST_LEVELS), templateKey: z.string().nullable(), currentVersion: z.number().nullable(),
  effectiveOn: z.string().nullable(), hasDraft: z.boolean(), itemCount: z.number(), targets: z.array(target), updatedAt: z.date(),
});
export const listPage = pageOf(listSummary).extend({ canManage: z.boolean() });
export const listDetail = listSummary.extend({
  current: versionView.nullable(),
  /** The draft being edited, for those who may edit it. */
  draft: versionView.nullable(),
  versions: z.array(versionSummary),
  abilities: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canDelete: z.boolean(), canAssign: z.boolean() }),
});

export const listCreate = z.object({
  name: text(100).min(1),
  level: z.enum(LIST_LEVELS),
  /** Copy a built-in template's items; or give `items`. */
  templateKey: z.enum(TEMPLATE_POSITIONS).optional(),
  items: dutyItems.optional(),
});
export type ListCreate = z.infer<typeof listCreate>;
export const listUpdate = z.object({ name: text(100).min(1) });
export const draftInput = z.object({ items: dutyItems, note: text(500).default('') });
export const publishInput = z.object({ effectiveOn: calendarDate.optional() });
export const assignmentsInput = z.object({
  postIds: z.array(z.uuid()).max(500).default([]),
  employeeIds: z.array(z.uuid()).max(500).default([]),
  orgUnitIds: z.array(z.uuid()).max(500).default([]),
});
export type AssignmentsInput = z.infer<typeof assignmentsInput>;
export const postDutyInput = z.object({ listId: z.uuid().nullable() });
export const postDutyView = z.object({ postId: z.string(), listId: z.string().nullable() });

// ---- coverage (R-RESP-1) ----

export const ratio = z.object({ covered: z.number(), total: z.number(), percent: z.number().nullable() });
const ratioOf = z.object({ posts: ratio, people: ratio });
export const coverageView = z.object({
  posts: ratio,
  people: ratio,
  byForm: z.object({ regular: ratio, dispatched: ratio, temporary: ratio, migrant: ratio, intern: ratio }),
  byUnit: z.array(ratioOf.extend({ unitId: z.string(), parentId: z.string().nullable(), name: z.string(), kind: z.string() })),
  uncoveredPosts: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() })),
  uncoveredPeople: z.array(z.object({
    id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), postNames: z.array(z.string()),
  })),
  complete: z.boolean(),
});

export const COVERAGE_SORT = { name: 'x.name', posts: 'x.posts_rate', people: 'x.people_rate' } as const;
export const coverageListQuery = z.object({
  ...pageQuery,
  sort: sortParam(COVERAGE_SORT, 'name'),
  subdistrictId: z.uuid().optional(),
  industryCode: text(40).optional(),
  /** Only those below 100% on posts or people. */
  incomplete: bool.optional(),
});
export type CoverageListQuery = z.infer<typeof coverageListQuery>;
export const coverageRow = ratioOf.extend({
  enterpriseId: z.string(), enterpriseName: z.string(), subdistrictName: z.string(), industryName: z.string(), complete: z.boolean(),
});
export const coverageList = pageOf(coverageRow);

// ---- publication (公示) ----

export const publicationQuery = z.object({
  /** My own duties: the lists of my posts and my personal list. */
  mine: bool.optional(),
  orgUnitId: z.uuid().optional(),
});
const publishedList = z.object({ listId: z.string(), name: z.string(), version: z.number(), effectiveOn: z.string(), items: z.array(itemView) });
export const publicationView = z.object({
  enterpriseName: z.string(),
  asOf: z.string(),
  posts: z.array(z.object({ postId: z.string(), postName: z.string(), unitPath: z.string(), list: publishedList })),
  departments: z.array(z.object({ orgUnitId: z.string(), unitPath: z.string(), list: publishedList })),
  people: z.array(z.object({ employeeId: z.string(), name: z.string(), unitPath: z.string(), list: publishedList })),
});

// ---- the yearly review (R-RESP-5 梳理完善) ----

export const reviewCreate = z.object({
  reviewedOn: calendarDate,
  changed: z.boolean(),
  /** Why nothing changed (required then), or what changed. */
  reason: text(1000).default(''),
  /** The new versions made in the review: its evidence (required when it changed something). */
  versions: z.array(z.object({ listId: z.uuid(), version: z.number().int().min(1) })).max(500).default([]),
});
export type ReviewCreate = z.infer<typeof reviewCreate>;
export const reviewView = z.object({
  id: z.string(), year: z.number(), reviewerName: z.string(), reviewedOn: z.string(), changed: z.boolean(), reason: z.string(),
  versions: z.array(z.object({ listId: z.string(), listName: z.string(), version: z.number(), effectiveOn: z.string().nullable() })),
  createdAt: z.date(), signed: z.boolean(), signedAt: z.date().nullable(), signedByName: z.string().nullable(),
  abilities: z.object({ canSign: z.boolean(), canDelete: z.boolean() }),
});
export const reviewList = z.object({ items: z.array(reviewView), canCreate: z.boolean() });
/** The principal signs by hand on the pad or with his password (the platform's e-signature). */
export const signInput = ownSignatureBody;
