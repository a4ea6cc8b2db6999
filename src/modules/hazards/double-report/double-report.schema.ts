import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { rateSchema } from '../stats/hazard-stats.schema';
import { periodKeyValid, REPORT_PERIOD_TYPES } from '../stats/hazard-stats.rules';
import { submissionVersion, versionParam } from '../../../platform/submissions/submission.schema';
import { DUTY_FILTERS, DUTY_STATUSES } from '../../obligations';

const count = z.number().int();
const periodType = z.enum(REPORT_PERIOD_TYPES);

/** month 2026-11, quarter 2026-Q4, year 2026. */
export const reportParams = z.object({ enterpriseId: z.uuid(), periodType, periodKey: z.string().max(10) })
  .refine((p) => periodKeyValid(p.periodType, p.periodKey), { path: ['periodKey'], message: 'validation.doubleReport.periodKey' });
export type ReportParams = z.infer<typeof reportParams>;
/** The period a regulator urges (催报) for. */
export const reportPeriodBody = z.object({ periodType, periodKey: z.string().max(10) })
  .refine((p) => periodKeyValid(p.periodType, p.periodKey), { path: ['periodKey'], message: 'validation.doubleReport.periodKey' });
export const reportVersionParams = z.object({ enterpriseId: z.uuid(), periodType, periodKey: z.string().max(10), version: versionParam })
  .refine((p) => periodKeyValid(p.periodType, p.periodKey), { path: ['periodKey'], message: 'validation.doubleReport.periodKey' });

export const reportListQuery = z.object({
  ...pageQuery,
  periodType: periodType.default('month'),
  periodKey: z.string().max(10).optional(),
  /** The report's own stage (no report counts as a draft). */
  status: z.enum(['draft', 'confirmed', 'submitted']).optional(),
  /** Where the enterprise stands on the period's duty (issue 11 §1, the obligations engine's `hazard.double.*`). */
  duty: z.enum(DUTY_FILTERS).optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(50).optional(),
}).refine((q) => q.periodKey === undefined || periodKeyValid(q.periodType, q.periodKey), { path: ['periodKey'], message: 'validation.doubleReport.periodKey' });
export type ReportListQuery = z.infer<typeof reportListQuery>;

const bucket = z.array(z.object({ key: z.string(), count }));
export const reportData = z.object({
  period: z.object({ type: z.string(), key: z.string(), firstDay: z.string(), lastDay: z.string() }),
  asOf: z.string(),
  risk: z.object({
    total: count, byGrade: z.object({ 1: count, 2: count, 3: count, 4: count }), unassessed: count, overdue: count, controlFailing: count, missingR8: count,
  }),
  hazards: z.object({
    found: count, foundMajor: count, fixed: count, fixedOnTime: count, voided: count, openAtEnd: count, overdueAtEnd: count, majorOpenAtEnd: count,
    byLevel: bucket, byClass: bucket, bySource: bucket, rectificationRate: rateSchema, onTimeRate: rateSchema,
  }),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();
export const doubleReport = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  periodType,
  periodKey: z.string(),
  status: z.enum(['draft', 'confirmed', 'submitted']),
  /** Draft: generated from the records at every read. Confirmed and submitted: the stored figures the principal signed. */
  live: z.boolean(),
  data: reportData,
  /** The submission's version (1, then 2… for each correction) this page shows. */
  submissionVersion: z.number(),
  confirmedBy: person,
  confirmedAt: z.date().nullable(),
  submittedBy: person,
  submittedAt: z.date().nullable(),
  /** Every version, newest first (a regulator sees the submitted ones). */
  versions: z.array(submissionVersion),
  abilities: z.object({ canConfirm: z.boolean(), canSubmit: z.boolean(), canCorrect: z.boolean() }),
});

/** The workers' congress view: the enterprise's submitted reports. */
export const submittedReports = z.object({
  items: z.array(z.object({
    periodType, periodKey: z.string(), submittedAt: z.date(), submittedBy: z.string().nullable(), confirmedBy: z.string().nullable(),
    found: count, fixed: count, overdueAtEnd: count, majorOpenAtEnd: count,
  })),
});

export const reportStatusPage = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictId: z.string(), subdistrictName: z.string(),
  industryCode: z.string(), industryName: z.string(), status: z.enum(['draft', 'confirmed', 'submitted']),
  confirmedAt: z.date().nullable(), submittedAt: z.date().nullable(),
  /** The version the regulator reads: 1, or 2… after corrections; null before the first submission. */
  submittedVersion: z.number().nullable(),
  /** The duty (issue 11 §1): its status (`none` when the enterprise does not owe this period's report), due day, fulfilment or waiver. */
  dutyStatus: z.enum(DUTY_STATUSES), dueDate: z.string().nullable(), fulfilledAt: z.date().nullable(), waivedReason: z.string().nullable(),
})).extend({
  periodType,
  periodKey: z.string(),
  /** The reports' stages over the list (no report counts as a draft). */
  counts: z.object({ total: count, draft: count, confirmed: count, submitted: count }),
  /** The duty over the list (the engine's occurrences): who owes the period's report and where they stand. */
  duty: z.object({
    owed: count, submitted: count, onTime: count, late: count, notSubmitted: count, overdue: count, waived: count, notOwed: count,
  }),
});
