import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { COURSE_TYPES, RETRAINING_REASONS, TRAINING_ROLES } from './training.rules';
import { wholeNumber } from '../../../platform/http/whole-number';

const year = wholeNumber(2000, 2100, 'training.year');
const quarter = wholeNumber(1, 4, 'training.quarter');
const text = (max: number) => z.string().trim().max(max);
/** Hours with at most one decimal (a class hour may be half). */
const hours = (max: number) => z.number({ message: 'training.hours' }).positive({ message: 'training.hours' }).max(max, { message: 'training.hours' })
  .refine((v) => Math.round(v * 10) === v * 10, { message: 'training.hours' });
const courseType = z.enum(COURSE_TYPES, { message: 'training.courseType' });
const version = z.number().int().min(1);

export const yearParams = enterpriseParams.extend({ year });
export const idParams = enterpriseParams.extend({ id: z.uuid() });
export const attendanceParams = idParams.extend({ employeeId: z.uuid() });
export const personParams = enterpriseParams.extend({ employeeId: z.uuid() });
export const yearQuery = z.object({ year: year.optional() });
export const quarterQuery = z.object({ year, quarter });

// ---- overview and shortfalls ----

const unitCount = z.object({ orgUnitId: z.string(), name: z.string(), people: z.number().int(), shortfall: z.number().int(), legalCovered: z.number().int() });
export const trainingOverview = z.object({
  enterpriseId: z.string(), enterpriseName: z.string(), year: z.number().int(), highRisk: z.boolean(),
  people: z.number().int(), shortfallPeople: z.number().int(), hoursThisYear: z.number(),
  legalEducation: z.object({ covered: z.number().int(), people: z.number().int(), rate: z.number().nullable() }),
  byUnit: z.array(unitCount),
  planReviewedQuarters: z.array(z.number().int()),
  abilities: z.object({ canManage: z.boolean(), canReview: z.boolean(), canRecord: z.boolean() }),
});

export const shortfallQuery = z.object({ all: z.enum(['yes', 'no']).default('no') });
export const personShortfall = z.object({
  employeeId: z.string(), name: z.string(), unitName: z.string(), employmentForm: z.string(), role: z.enum(TRAINING_ROLES), roleName: z.string(),
  phase: z.enum(['initial', 'yearly']), required: z.number(), done: z.number(), missing: z.number(), openRetraining: z.number().int(), short: z.boolean(),
});
export const shortfallList = z.object({
  year: z.number().int(), highRisk: z.boolean(), items: z.array(personShortfall), people: z.number().int(), shortfallPeople: z.number().int(), byUnit: z.array(unitCount),
});

// ---- plan ----

const planItem = z.object({
  courseType, title: text(200).min(1), target: text(500).default(''), plannedHours: hours(1000), month: z.number().int().min(1, { message: 'training.month' }).max(12, { message: 'training.month' }),
});
export const planPut = z.object({ note: text(2000).default(''), items: z.array(planItem).max(300), version: version.optional() });
export type PlanPut = z.infer<typeof planPut>;
export const planView = z.object({
  id: z.string().nullable(), year: z.number().int(), note: z.string(), version: z.number().int().nullable(),
  items: z.array(z.object({ lineNo: z.number().int(), courseType, courseName: z.string(), title: z.string(), target: z.string(), plannedHours: z.number(), month: z.number().int() })),
  abilities: z.object({ canEdit: z.boolean() }),
});

// ---- sessions ----

export const sessionCreate = z.object({
  courseType, title: text(200).min(1), trainer: text(100).default(''), heldOn: calendarDate, hours: hours(200), examHeld: z.boolean().default(false), note: text(2000).default(''),
});
export type SessionCreate = z.infer<typeof sessionCreate>;
export const sessionPatch = sessionCreate.partial().extend({ version });
export type SessionPatch = z.infer<typeof sessionPatch>;
export const sessionListQuery = z.object({ year: year.optional(), courseType: courseType.optional() });

const sessionFields = {
  id: z.string(), courseType, courseName: z.string(), title: z.string(), trainer: z.string(), heldOn: z.string(), hours: z.number(), examHeld: z.boolean(),
  note: z.string(), attendees: z.number().int(), version: z.number().int(), checkinOpenUntil: z.date().nullable(),
};
export const sessionList = z.object({ year: z.number().int(), items: z.array(z.object(sessionFields)), abilities: z.object({ canManage: z.boolean() }) });
export const sessionView = z.object({
  ...sessionFields,
  attendance: z.array(z.object({
    employeeId: z.string(), name: z.string(), unitName: z.string(), method: z.enum(['qr', 'proxy_pad', 'import', 'manager']), score: z.number().nullable(),
    passed: z.boolean().nullable(), signed: z.boolean(), recordedAt: z.date(),
  })),
  materials: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() })),
  abilities: z.object({ canManage: z.boolean(), canRecord: z.boolean() }),
});

export const checkinLink = z.object({ url: z.string(), fullUrl: z.string(), svg: z.string(), expiresAt: z.date() });
export const checkinBody = z.object({ token: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'training.checkin.token' }) });
export const checkinDone = z.object({ sessionId: z.string(), title: z.string(), heldOn: z.string(), hours: z.number(), already: z.boolean() });

export const proxyAttendanceBody = z.object({
  employeeId: z.uuid(), idLast4: z.string().trim().min(1).max(8), imageAttachmentId: z.uuid(), device: z.string().trim().max(200).optional(),
});
export type ProxyAttendanceBody = z.infer<typeof proxyAttendanceBody>;
export const resultBody = z.object({
  score: z.number().min(0).max(1000).nullable().optional(), passed: z.boolean().nullable().optional(),
});
export type ResultBody = z.infer<typeof resultBody>;
export const rosterView = z.object({
  items: z.array(z.object({ employeeId: z.string(), name: z.string(), unitName: z.string(), hasAccount: z.boolean(), attended: z.boolean() })),
});

// ---- re-training events and the person's archive ----

export const retrainingCreate = z.object({
  employeeId: z.uuid(), reason: z.enum(RETRAINING_REASONS, { message: 'training.reason' }), occurredOn: calendarDate, awaySince: calendarDate.nullable().default(null), note: text(500).default(''),
});
export type RetrainingCreate = z.infer<typeof retrainingCreate>;
export const retrainingView = z.object({ id: z.string(), reason: z.enum(RETRAINING_REASONS), occurredOn: z.string(), awaySince: z.string().nullable(), note: z.string(), coveredOn: z.string().nullable() });

export const archiveView = z.object({
  enterpriseName: z.string(), employeeId: z.string(), name: z.string(), idNumberMasked: z.string(), unitName: z.string(), employmentForm: z.string(), hireDate: z.string().nullable(),
  active: z.boolean(), role: z.enum(TRAINING_ROLES), roleName: z.string(),
  now: personShortfall.nullable(),
  hoursByYear: z.array(z.object({ year: z.number().int(), hours: z.number(), sessions: z.number().int() })),
  sessions: z.array(z.object({
    sessionId: z.string(), heldOn: z.string(), courseType, courseName: z.string(), title: z.string(), trainer: z.string(), hours: z.number(),
    method: z.enum(['qr', 'proxy_pad', 'import', 'manager']), score: z.number().nullable(), passed: z.boolean().nullable(),
  })),
  retraining: z.array(retrainingView),
  priorTraining: z.object({ note: z.string(), recordedAt: z.date(), hasEvidence: z.boolean() }).nullable(),
  inductionPassed: z.boolean(),
});

// ---- the principal's quarterly check ----

const reportLine = z.object({
  lineNo: z.number().int(), courseType, courseName: z.string(), title: z.string(), target: z.string(), plannedHours: z.number(), month: z.number().int(),
  held: z.array(z.object({ id: z.string(), title: z.string(), heldOn: z.string(), hours: z.number(), attendees: z.number().int() })), heldHours: z.number(), done: z.boolean(),
});
export const planReport = z.object({
  year: z.number().int(), quarter: z.number().int(), from: z.string(), to: z.string(), planExists: z.boolean(),
  lines: z.array(reportLine),
  unplanned: z.array(z.object({ id: z.string(), courseType, courseName: z.string(), title: z.string(), heldOn: z.string(), hours: z.number(), attendees: z.number().int() })),
  plannedItems: z.number().int(), doneItems: z.number().int(), plannedHours: z.number(), heldHours: z.number(), sessions: z.number().int(), attendances: z.number().int(),
  people: z.number().int(), shortfallPeople: z.number().int(), legalCovered: z.number().int(),
});
export type PlanReport = z.infer<typeof planReport>;
/** The principal's own signature (pad or password, as platform/signatures' own-signature body) with his comments on the quarter. */
export const reviewCreate = z.object({
  year, quarter, comments: text(2000).min(1, { message: 'training.comments' }),
  method: z.enum(['pad', 'password']).default('password'), imageAttachmentId: z.uuid().optional(), password: z.string().max(200).optional(), device: text(200).optional(),
})
  .refine((b) => b.method !== 'password' || !!b.password, { path: ['password'], message: 'validation.required' })
  .refine((b) => b.method !== 'pad' || !!b.imageAttachmentId, { path: ['imageAttachmentId'], message: 'validation.required' });
export type ReviewCreate = z.infer<typeof reviewCreate>;
export const reviewView = z.object({
  id: z.string(), year: z.number().int(), quarter: z.number().int(), comments: z.string(), report: planReport, contentSha256: z.string(),
  signedAt: z.date(), signedByName: z.string().nullable(),
});
export const reviewList = z.object({
  items: z.array(reviewView),
  abilities: z.object({ canSign: z.boolean() }),
});

// ---- import ----

export const importQuery = z.object({ mode: z.enum(['strict', 'valid']).default('strict') });
export const importReport = z.object({
  total: z.number().int(), validCount: z.number().int(), errorCount: z.number().int(), imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  warnings: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  message: z.string(),
});
export type ImportReport = z.infer<typeof importReport>;
export const uploadedFiles = z.object({ ids: z.array(z.string()) });

// ---- regulators ----

/**
 * Issue 13 §5: the regulators' list sorts by name, or by a figure — people short, the share short, legal-education
 * coverage, hours this year (graded in SQL: training.repository.ts `figuresByEnterprise`).
 */
export const SUPERVISE_SORT = { name: 'e.name', shortfall: 'shortfall', shortfallRate: 'shortfallRate', legalRate: 'legalRate', hours: 'hours' } as const;
export const superviseQuery = z.object({
  ...listParams, sort: sortParam(SUPERVISE_SORT, 'name'), subdistrictId: z.uuid().optional(), industryCode: z.string().trim().max(40).optional(),
});
export type SuperviseQuery = z.infer<typeof superviseQuery>;
export const supervisePage = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), subdistrictName: z.string(), industryName: z.string(),
  people: z.number().int(), shortfallPeople: z.number().int(), legalEducationCovered: z.number().int(), legalEducationRate: z.number().nullable(),
  hoursThisYear: z.number(), planReviewedQuarters: z.number().int(),
})).extend({ year: z.number().int() });
