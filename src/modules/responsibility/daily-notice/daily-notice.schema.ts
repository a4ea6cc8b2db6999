import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { enterpriseParams, pageOf } from '../../../platform/http/route';
import { versionedSignatureBody } from '../../../platform/signatures';
import { SPECIAL_WORK_KINDS } from './daily-notice.rules';

const count = z.number().int().min(0).max(10_000);
const specialWork = z.object(Object.fromEntries(SPECIAL_WORK_KINDS.map((k) => [k, count])) as Record<(typeof SPECIAL_WORK_KINDS)[number], typeof count>);
/** A calendar month, YYYY-MM. */
export const monthParam = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { message: 'dailyNotice.month' });

export const noticeParams = enterpriseParams.extend({ id: z.uuid() });

/** The day's figures (the day itself is the platform's today, never sent). */
export const noticeFigures = z.object({
  units: z.object({ running: count, stopped: count, maintenance: count }),
  majorHazards: z.object({ total: count, safe: z.boolean() }),
  specialWork,
  trialProduction: z.boolean(),
  startStop: z.boolean(),
  maintenanceWork: z.boolean(),
  note: z.string().trim().max(1000).optional(),
  principalName: z.string().trim().min(1).max(50).optional(),
});
export type NoticeInput = z.infer<typeof noticeFigures>;
export const noticePatch = noticeFigures.partial().extend({ version: z.number().int() });
export type NoticePatch = z.infer<typeof noticePatch>;
export const noticeSign = versionedSignatureBody;
export type NoticeSign = z.infer<typeof noticeSign>;

const figuresView = z.object({
  units: z.object({ running: z.number().int(), stopped: z.number().int(), maintenance: z.number().int() }),
  majorHazards: z.object({ total: z.number().int(), safe: z.boolean() }),
  specialWork: z.object(Object.fromEntries(SPECIAL_WORK_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof SPECIAL_WORK_KINDS)[number], z.ZodNumber>),
  specialWorkTotal: z.number().int(),
  trialProduction: z.boolean(), startStop: z.boolean(), maintenanceWork: z.boolean(), note: z.string(),
});

/** The notice as posted at the gate and on the public page: no internal ids. */
export const publicNotice = figuresView.extend({
  day: z.string(), enterpriseName: z.string(), commitment: z.string(), principalName: z.string(),
  postedAt: z.date(), signatureImage: z.string().nullable(),
});
export type PublicNotice = z.infer<typeof publicNotice>;

export const noticeView = figuresView.extend({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), day: z.string(), status: z.enum(['draft', 'posted']),
  commitment: z.string(), principalName: z.string(), postedAt: z.date().nullable(), signedByName: z.string().nullable(),
  contentSha256: z.string().nullable(), signatureImage: z.string().nullable(), createdByName: z.string().nullable(), version: z.number().int(),
  /** Whether the notice is for the platform's today (only today's draft is edited or signed). */
  today: z.boolean(),
  abilities: z.object({ canEdit: z.boolean(), canSign: z.boolean() }),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeMonthQuery = z.object({ month: monthParam.optional() });
export const noticeMonth = z.object({
  month: z.string(), today: z.string(),
  /** Whether the enterprise owes the notice now (its industry is configured, it is active). */
  applies: z.boolean(),
  /** Today's notice, if drafted or posted. */
  todayNotice: z.object({ id: z.string(), status: z.enum(['draft', 'posted']), postedAt: z.date().nullable() }).nullable(),
  items: z.array(z.object({
    id: z.string(), day: z.string(), status: z.enum(['draft', 'posted']), postedAt: z.date().nullable(), principalName: z.string(),
    unitsRunning: z.number().int(), majorHazardsSafe: z.boolean(), hotWork: z.number().int(), confinedSpace: z.number().int(), specialWorkTotal: z.number().int(),
  })),
  postedDays: z.number().int(), owedDays: z.number().int(),
  /** The commitment sentence and the principal's name a new notice starts from. */
  defaults: z.object({ commitment: z.string(), principalName: z.string() }),
  abilities: z.object({ canDraft: z.boolean() }),
});

export const NOTICE_OVERVIEW_SORT = { name: 'e.name', postedAt: { by: 'n.posted_at', nulls: 'first' as const } };
export const noticeOverviewQuery = z.object({
  ...listParams,
  sort: sortParam(NOTICE_OVERVIEW_SORT, 'name'),
  posted: z.enum(['yes', 'no']).optional(),
  subdistrictId: z.uuid().optional(),
  month: monthParam.optional(),
});
export type NoticeOverviewQuery = z.infer<typeof noticeOverviewQuery>;
export const noticeOverview = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  /** Today's posted notice, null when not posted yet. */
  today: z.object({ id: z.string(), postedAt: z.date(), majorHazardsSafe: z.boolean(), specialWorkTotal: z.number().int() }).nullable(),
  postedDays: z.number().int(), owedDays: z.number().int(),
})).extend({
  day: z.string(), month: z.string(),
  counts: z.object({ total: z.number().int(), postedToday: z.number().int() }),
});
