import { z } from 'zod';
import { calendarDate, pageOf, pageQuery } from '../../../platform/http/route';
import { CHECK_CATEGORIES } from './check-library';
import { CHECK_CYCLES } from './check.rules';

export const CHECKLIST_LEVELS = ['enterprise', 'workshop', 'post'] as const;
export const ITEM_SOURCES = ['standard', 'enterprise', 'risk'] as const;
export const PLAN_TYPES = ['daily', 'comprehensive', 'special', 'seasonal', 'holiday', 'resumption'] as const;
export const TASK_STATUSES = ['open', 'done', 'missed'] as const;
export const RESULTS = ['pass', 'fail', 'na'] as const;

const text = (max: number) => z.string().trim().max(max);
const day = calendarDate;
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const checkIdParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const postParams = z.object({ enterpriseId: z.uuid(), postId: z.uuid() });

// ---- library and the enterprise's own items ----

export const libraryQuery = z.object({
  category: z.enum(CHECK_CATEGORIES).optional(),
  q: text(100).optional(),
  major: bool.optional(),
});
export const libraryItem = z.object({
  id: z.string(), code: z.string(), category: z.string(), content: z.string(), method: z.string(), basis: z.string(), majorCriterion: z.boolean(),
});
export const libraryView = z.object({
  items: z.array(libraryItem),
  categories: z.array(z.object({ name: z.string(), count: z.number(), major: z.number() })),
});

const enterpriseItemFields = {
  category: text(50).min(1),
  content: text(500).min(1),
  method: text(500),
  basis: text(500),
  majorCriterion: z.boolean(),
};
export const enterpriseItemInput = z.object({
  ...enterpriseItemFields,
  method: enterpriseItemFields.method.default(''),
  basis: enterpriseItemFields.basis.default(''),
  majorCriterion: enterpriseItemFields.majorCriterion.default(false),
});
// No defaults here: a field left out of a PATCH stays as it is.
export const enterpriseItemUpdate = z.object(enterpriseItemFields).partial();
export const enterpriseItem = z.object({
  id: z.string(), category: z.string(), content: z.string(), method: z.string(), basis: z.string(), majorCriterion: z.boolean(), createdAt: z.date(),
});
export const enterpriseItemList = z.object({ items: z.array(enterpriseItem), canManage: z.boolean() });
export type EnterpriseItemInput = z.infer<typeof enterpriseItemInput>;

// ---- checklists (一企一清单, 一车间一表格, 一岗一对照卡) ----

/** An item is picked from a source and copied; the card's method, frequency and responsible role may be set here. */
export const checklistItemInput = z.object({
  source: z.enum(ITEM_SOURCES),
  sourceId: z.uuid(),
  method: text(500).optional(),
  cycle: z.enum(CHECK_CYCLES).optional(),
  responsible: text(100).optional(),
});
export type ChecklistItemInput = z.infer<typeof checklistItemInput>;

export const checklistCreate = z.object({
  level: z.enum(CHECKLIST_LEVELS),
  name: text(200).min(1),
  orgUnitId: z.uuid().optional(),
  postId: z.uuid().optional(),
  items: z.array(checklistItemInput).max(500).default([]),
});
export const checklistUpdate = z.object({
  name: text(200).min(1).optional(),
  items: z.array(checklistItemInput).max(500).optional(),
});
export type ChecklistCreate = z.infer<typeof checklistCreate>;
export type ChecklistUpdate = z.infer<typeof checklistUpdate>;

export const checklistQuery = z.object({
  level: z.enum(CHECKLIST_LEVELS).optional(),
  orgUnitId: z.uuid().optional(),
  postId: z.uuid().optional(),
});
export const fromRiskInput = z.object({ postId: z.uuid() });

export const checklistSummary = z.object({
  id: z.string(), level: z.enum(CHECKLIST_LEVELS), name: z.string(), orgUnitId: z.string().nullable(), orgUnitName: z.string().nullable(),
  /** The unit's names below the company ("一车间 / 甲班"), so two 甲班 操作工 cards differ; null for an enterprise list. */
  unitPath: z.string().nullable(),
  postId: z.string().nullable(), postName: z.string().nullable(), itemCount: z.number(), majorCount: z.number(), planCount: z.number(), updatedAt: z.date(),
});
export const checklistList = z.object({ items: z.array(checklistSummary), canManage: z.boolean() });

export const checklistItemView = z.object({
  id: z.string(), source: z.enum(ITEM_SOURCES), sourceId: z.string().nullable(), riskPointId: z.string().nullable(), riskPointName: z.string().nullable(),
  category: z.string(), content: z.string(), method: z.string(), basis: z.string(), cycle: z.string().nullable(), responsible: z.string(),
  majorCriterion: z.boolean(), sort: z.number(),
});
export const checklistDetail = checklistSummary.extend({ items: z.array(checklistItemView), canManage: z.boolean() });
export type ChecklistDetail = z.infer<typeof checklistDetail>;

/** What the web prints: the card, grouped rows, and for a post card the QR code of the post's report page. */
export const checklistPrint = z.object({
  enterpriseName: z.string(),
  title: z.string(),
  level: z.enum(CHECKLIST_LEVELS),
  orgUnitName: z.string().nullable(),
  unitPath: z.string().nullable(),
  postName: z.string().nullable(),
  riskPoints: z.array(z.object({ code: z.string(), name: z.string(), grade: z.number().nullable() })),
  groups: z.array(z.object({
    category: z.string(),
    rows: z.array(z.object({ no: z.number(), content: z.string(), method: z.string(), basis: z.string(), cycle: z.string().nullable(), responsible: z.string(), majorCriterion: z.boolean() })),
  })),
  qr: z.object({ url: z.string(), fullUrl: z.string(), svg: z.string() }).nullable(),
  printedAt: z.date(),
});

// ---- plans and tasks ----

const planFields = {
  name: text(200).min(1),
  type: z.enum(PLAN_TYPES),
  cycle: z.enum(CHECK_CYCLES),
  checklistId: z.uuid(),
  assigneePostId: z.uuid().nullable().optional(),
  assigneeUserId: z.uuid().nullable().optional(),
  startsOn: day,
  endsOn: day.nullable().optional(),
  active: z.boolean(),
};
export const planCreate = z.object({ ...planFields, active: planFields.active.default(true) });
// No defaults here: a field left out of a PATCH stays as it is.
export const planUpdate = z.object(planFields).partial();
export type PlanCreate = z.infer<typeof planCreate>;
export type PlanUpdate = z.infer<typeof planUpdate>;

export const planView = z.object({
  id: z.string(), name: z.string(), type: z.enum(PLAN_TYPES), cycle: z.enum(CHECK_CYCLES), checklistId: z.string(), checklistName: z.string(),
  assigneePostId: z.string().nullable(), assigneePostName: z.string().nullable(), assigneeUserId: z.string().nullable(), assigneeUserName: z.string().nullable(),
  startsOn: z.string(), endsOn: z.string().nullable(), active: z.boolean(), createdAt: z.date(),
  taskCounts: z.object({ open: z.number(), done: z.number(), missed: z.number() }),
});
export const planList = z.object({ items: z.array(planView), canManage: z.boolean() });

export const taskQuery = z.object({
  ...pageQuery,
  // By due time: open tasks soonest first, finished ones latest first, unless asked otherwise.
  order: z.enum(['asc', 'desc']).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  mine: bool.optional(),
  date: day.optional(),
  /** Due on or after this day (the workbench's "missed this month"). */
  since: day.optional(),
  planId: z.uuid().optional(),
});
export type TaskQuery = z.infer<typeof taskQuery>;

export const taskSummary = z.object({
  id: z.string(), planId: z.string(), planName: z.string(), planType: z.enum(PLAN_TYPES), cycle: z.enum(CHECK_CYCLES),
  checklistId: z.string(), checklistName: z.string(), level: z.enum(CHECKLIST_LEVELS),
  periodKey: z.string(), startsAt: z.date().nullable(), dueAt: z.date(), status: z.enum(TASK_STATUSES),
  assigneePostId: z.string().nullable(), assigneePostName: z.string().nullable(), assigneeUserId: z.string().nullable(), assigneeUserName: z.string().nullable(),
  doneByName: z.string().nullable(), doneAt: z.date().nullable(), passCount: z.number(), failCount: z.number(), naCount: z.number(),
  canRun: z.boolean(),
});
export type TaskSummary = z.infer<typeof taskSummary>;
export const taskPage = pageOf(taskSummary).extend({ counts: z.object({ open: z.number(), done: z.number(), missed: z.number() }) });

export const taskDetail = taskSummary.extend({
  items: z.array(checklistItemView.pick({ id: true, category: true, content: true, method: true, basis: true, majorCriterion: true, riskPointId: true, riskPointName: true }).extend({
    result: z.enum(RESULTS).nullable(), note: z.string(), photoIds: z.array(z.string()), hazardId: z.string().nullable(), hazardCode: z.string().nullable(),
  })),
});
export type TaskDetail = z.infer<typeof taskDetail>;

/** One answer of a run. `photoFields` name the multipart file fields that belong to this item. */
export const runResult = z.object({
  checklistItemId: z.uuid(),
  result: z.enum(RESULTS),
  note: text(1000).default(''),
  photoFields: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
});
export const runInput = z.object({ results: z.array(runResult).min(1).max(500) });
export type RunInput = z.infer<typeof runInput>;
export const runOutput = taskDetail.extend({ createdHazards: z.array(z.object({ id: z.string(), code: z.string(), checklistItemId: z.string() })) });

// ---- everyone a safety officer (R-HAZ-6) ----

export const LEADERBOARD_PERIODS = ['month', 'year', 'all'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];
export const leaderboardQuery = z.object({ period: z.enum(LEADERBOARD_PERIODS).default('month') });
export const leaderboardEntry = z.object({ rank: z.number(), userId: z.string(), name: z.string(), orgUnitName: z.string().nullable(), points: z.number(), hazards: z.number() });
export type LeaderboardEntry = z.infer<typeof leaderboardEntry>;
export const leaderboard = z.object({
  period: z.enum(LEADERBOARD_PERIODS),
  since: z.date().nullable(),
  items: z.array(leaderboardEntry),
  me: z.object({ rank: z.number().nullable(), points: z.number(), hazards: z.number() }),
});

export const reportContext = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  post: z.object({ id: z.string(), name: z.string() }),
  orgUnit: z.object({ id: z.string(), name: z.string() }),
  riskPoints: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), location: z.string(), grade: z.number().nullable(), atPost: z.boolean() })),
});
