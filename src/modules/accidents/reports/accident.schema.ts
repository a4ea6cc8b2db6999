import { z } from 'zod';
import { listParams } from '../../../platform/db/list-query';
import { pageOf } from '../../../platform/http/route';
import { ACCIDENT_TYPE_CODES } from './accidents.rule-sets';
import { wholeNumber } from '../../../platform/http/whole-number';

export const ACCIDENT_KINDS = ['accident', 'near_miss'] as const;
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export const FORWARD_LEVELS = ['city', 'province', 'state_council'] as const;
export const OFFICE_KINDS = ['department', 'subdistrict'] as const;
export const STAT_DIMENSIONS = ['grade', 'industry', 'subdistrict', 'type', 'month'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

const text = (max: number) => z.string().trim().max(max);
/** A count of people: a whole number, never negative. */
const count = z.number({ message: 'accident.count' }).int({ message: 'accident.count' }).min(0, { message: 'accident.count' }).max(100_000, { message: 'accident.count' });
/** Yuan as exact decimal text, at most two decimals, never negative (never a JSON number: money is exact). */
export const MONEY_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;
const money = z.string({ message: 'accident.money' }).trim().regex(MONEY_PATTERN, { message: 'accident.money' });
const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-05-10T10:05:00+08:00' });

export const accidentParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const inboxParams = z.object({ id: z.uuid() });
export const publicReportParams = z.object({ token: z.string().trim().min(8).max(100) });

/** The figures of a quick or supplementary report. */
const figures = {
  deaths: count, missing: count, seriousInjuries: count, minorInjuries: count, directLoss: money,
};

/** Photos a quick report carries: from the app, and from the public QR form (a smaller cap for an anonymous sender). */
export const QUICK_REPORT_PHOTOS = 9;
export const PUBLIC_REPORT_PHOTOS = 3;
/** The JSON of a report sent as multipart (field `report`, beside its `photo` files). */
export const REPORT_FIELD_BYTES = 16 * 1024;

/**
 * A quick report (快报): only what happened is required; the time defaults to now, the figures to zero. Sent as JSON,
 * or as multipart with this JSON in the field `report` and its photos as `photo` files (one request from a phone; the
 * photos are processed after the report is saved). Photos uploaded before (/enterprises/:id/photos) may be named here.
 */
export const quickReportInput = z.object({
  kind: z.enum(ACCIDENT_KINDS).default('accident'),
  summary: text(4000).min(1, { message: 'accident.summaryRequired' }),
  place: text(200).default(''),
  occurredAt: instant.optional(),
  accidentType: z.enum(ACCIDENT_TYPE_CODES).nullable().default(null),
  deaths: count.default(0), missing: count.default(0), seriousInjuries: count.default(0), minorInjuries: count.default(0),
  directLoss: money.default('0'),
  postId: z.uuid().nullable().default(null),
  photoIds: z.array(z.uuid()).max(9).default([]),
});
export type QuickReportInput = z.infer<typeof quickReportInput>;

/** The public QR form: the same, plus who is reporting, and a honeypot field people never see (bots fill it). */
export const publicReportInput = quickReportInput.omit({ postId: true, photoIds: true }).extend({
  reporterName: text(50).default(''),
  reporterPhone: text(30).regex(/^[0-9+\- ]*$/, { message: 'accident.phone' }).default(''),
  website: z.string().max(200).default(''),
});
export type PublicReportInput = z.infer<typeof publicReportInput>;

export const reportUpInput = z.object({ note: text(1000).default(''), version: z.number().int().min(1).optional() });
export const unitHeadTimeInput = z.object({ at: instant, reason: text(1000).min(1, { message: 'accident.reasonRequired' }) });
export const supplementInput = z.object({ ...figures, note: text(2000).default('') });
export type SupplementInput = z.infer<typeof supplementInput>;
export const forwardInput = z.object({ level: z.enum(FORWARD_LEVELS).optional(), at: instant.optional(), note: text(1000).default('') });

export const accidentListQuery = z.object({
  ...listParams,
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(ACCIDENT_KINDS).optional(),
  year: wholeNumber(2000, 2100).optional(),
});
export type AccidentListQuery = z.infer<typeof accidentListQuery>;
export const inboxQuery = z.object({
  ...listParams,
  order: z.enum(['asc', 'desc']).default('desc'),
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;
export const statsQuery = z.object({
  by: z.enum(STAT_DIMENSIONS).default('grade'),
  year: wholeNumber(2000, 2100).optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

const lateness = z.object({ late: z.boolean(), onsiteGap: z.boolean(), forwardLate: z.boolean() });

export const accidentSummary = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), kind: z.enum(ACCIDENT_KINDS), accidentType: z.enum(ACCIDENT_TYPE_CODES).nullable(),
  occurredAt: z.date(), place: z.string(), summary: z.string(),
  deaths: z.number().int(), missing: z.number().int(), seriousInjuries: z.number().int(), minorInjuries: z.number().int(), directLoss: z.string(),
  grade: z.enum(ACCIDENT_GRADES).nullable(), unitHeadInformedAt: z.date(), regulatorsReceivedAt: z.date().nullable(),
  forwardLevel: z.enum(FORWARD_LEVELS).nullable(), forwardedAt: z.date().nullable(), lateness,
});
export type AccidentSummary = z.infer<typeof accidentSummary>;
export const accidentPage = pageOf(accidentSummary).extend({ canReportUp: z.boolean() });

export const accidentDetail = accidentSummary.extend({
  version: z.number().int(), source: z.enum(['app', 'qr']), reporterName: z.string(), reportedByName: z.string().nullable(),
  postName: z.string().nullable(), orgUnitName: z.string().nullable(), subdistrictName: z.string(), industryName: z.string(),
  requiredForwardLevel: z.enum(FORWARD_LEVELS).nullable(), supplementWindowEnd: z.date(), supplementOpen: z.boolean(),
  followupLink: z.string(),
  recipients: z.array(z.object({ officeKind: z.enum(OFFICE_KINDS), officeName: z.string(), receivedAt: z.date(), readAt: z.date().nullable() })),
  supplements: z.array(z.object({
    id: z.string(), reportedAt: z.date(), deaths: z.number().int(), missing: z.number().int(), seriousInjuries: z.number().int(), minorInjuries: z.number().int(),
    directLoss: z.string(), note: z.string(), gradeBefore: z.enum(ACCIDENT_GRADES).nullable(), gradeAfter: z.enum(ACCIDENT_GRADES).nullable(), recordedByName: z.string().nullable(),
  })),
  events: z.array(z.object({ op: z.string(), at: z.date(), actorName: z.string().nullable(), note: z.string() })),
  /** `pending`: still being processed (not served yet); `rejected`: it could not be read, and was not kept. */
  photos: z.array(z.object({ id: z.string(), url: z.string(), state: z.enum(['pending', 'ready', 'rejected']) })),
  abilities: z.object({ reportUp: z.boolean(), supplement: z.boolean(), editUnitHeadTime: z.boolean(), forward: z.boolean() }),
});
export type AccidentDetail = z.infer<typeof accidentDetail>;

export const inboxItem = accidentSummary.extend({ subdistrictName: z.string(), industryName: z.string(), readAt: z.date().nullable() });
export type InboxItem = z.infer<typeof inboxItem>;
export const inboxPage = pageOf(inboxItem).extend({ unread: z.number().int(), canForward: z.boolean() });

export const statsRow = z.object({
  key: z.string(), label: z.string(), accidents: z.number().int(), nearMisses: z.number().int(), deaths: z.number().int(),
  seriousInjuries: z.number().int(), directLoss: z.string(),
});
export type StatsRow = z.infer<typeof statsRow>;
export const statsResult = z.object({
  by: z.enum(STAT_DIMENSIONS), year: z.number().int().nullable(), rows: z.array(statsRow),
  total: statsRow.omit({ key: true, label: true }),
});

export const publicReportForm = z.object({ enterpriseName: z.string(), postName: z.string(), orgUnitName: z.string() });
/** `photosRefused`: photos refused on arrival (not an image, too large, the storage full); the report is saved anyway. */
export const publicReportAccepted = z.object({ ok: z.literal(true), reference: z.string(), photosAccepted: z.number().int(), photosRefused: z.number().int() });
export const quickReportAccepted = z.object({ id: z.string(), photosLinked: z.number().int(), photosRefused: z.number().int() });

export const dutyPhone = z.object({
  officeKind: z.enum(OFFICE_KINDS), officeId: z.string(), officeName: z.string(), phone: z.string().nullable(), contact: z.string(),
});
export const dutyPhoneList = z.object({ items: z.array(dutyPhone), canEdit: z.boolean() });
export const dutyPhoneInput = z.object({
  officeKind: z.enum(OFFICE_KINDS), officeId: z.uuid(),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,30}$/, { message: 'accident.phone' }),
  contact: text(50).default(''),
});
