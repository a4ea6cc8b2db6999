import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { R8_ITEMS, REPORT_ACTIONS, REPORT_STATUSES } from './risk-report.rules';
import { ASSESSMENT_STAGES, controlLevel, MEASURE_CATEGORIES, RISK_KINDS, riskGrade } from '../points/risk-point.schema';
import { submissionVersion, versionParam } from '../../../platform/submissions/submission.schema';
import { DUTY_FILTERS, DUTY_STATUSES } from '../../obligations';
import { wholeNumber } from '../../../platform/http/whole-number';

export const reportYear = wholeNumber(2000, 2100);
export const reportParams = z.object({ enterpriseId: z.uuid(), year: reportYear });
export const yearParams = z.object({ year: reportYear });
export const reportVersionParams = z.object({ enterpriseId: z.uuid(), year: reportYear, version: versionParam });

export const narrativeInput = z.object({ narrative: z.string().trim().max(20_000), version: z.number().int().min(0) });
export type NarrativeInput = z.infer<typeof narrativeInput>;
/** Confirm and submit name the version the caller saw, so nobody confirms or submits a text they have not read. */
export const versionInput = z.object({ version: z.number().int().min(1) });
export type VersionInput = z.infer<typeof versionInput>;

const grades = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() });
export const pointFigures = z.object({
  total: z.number(), byGrade: grades, unassessed: z.number(), overdue: z.number(), missingR8: z.number(), controlFailing: z.number(), majorHazardSources: z.number(),
});
const r8 = z.array(z.enum(R8_ITEMS));
const category = z.enum(MEASURE_CATEGORIES);
const pointRef = { id: z.string(), code: z.string(), name: z.string(), grade: riskGrade.nullable() };
const grade1Item = z.object({
  id: z.string(), code: z.string(), name: z.string(), orgUnitName: z.string(), controlLevel: controlLevel.nullable(), majorHazardSource: z.boolean(),
  reassessDue: z.string().nullable(), missingR8: r8, controlFailing: z.boolean(),
});
export const reportData = z.object({
  year: z.number(),
  asOf: z.string(),
  totals: pointFigures,
  byKind: z.array(z.object({ kind: z.enum(RISK_KINDS), total: z.number(), byGrade: grades })),
  byUnit: z.array(z.object({ orgUnitId: z.string(), orgUnitName: z.string(), total: z.number(), byGrade: grades })),
  /** The number of measures in each of the seven categories, every category named. */
  measuresByCategory: z.object({
    engineering: z.number(), monitoring: z.number(), isolation: z.number(), ppe: z.number(), management: z.number(), training: z.number(), emergency: z.number(),
  } satisfies Record<(typeof MEASURE_CATEGORIES)[number], z.ZodNumber>),
  assessments: z.object({
    inYear: z.number(), initial: z.number(),
    reassessments: z.array(z.object({
      riskPointId: z.string(), code: z.string(), name: z.string(), stage: z.enum(ASSESSMENT_STAGES), grade: riskGrade, previousGrade: riskGrade.nullable(), reason: z.string(),
      assessedAt: z.string(),
    })),
  }),
  grade1: z.array(grade1Item),
  overdue: z.array(z.object({ ...pointRef, reassessDue: z.string() })),
  missingR8: z.array(z.object({ ...pointRef, missing: r8 })),
  controlFailing: z.array(z.object(pointRef)),
  riskList: z.array(z.object({
    id: z.string(), code: z.string(), name: z.string(), kind: z.enum(RISK_KINDS), orgUnitName: z.string(), location: z.string(), grade: riskGrade.nullable(),
    controlLevel: controlLevel.nullable(), majorHazardSource: z.boolean(), accidentTypes: z.array(z.string()), reassessDue: z.string().nullable(),
    controllers: z.array(z.object({ level: controlLevel, name: z.string() })), measures: z.array(z.object({ category, content: z.string() })),
    emergencyMeasures: z.string(),
  })),
});

const who = z.object({ id: z.string(), name: z.string() }).nullable();
/** The statuses a stored report passes through (`none` is only ever a report not yet written). */
const storedStatus = z.enum(REPORT_STATUSES).exclude(['none']);
export const annualReport = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  year: z.number(),
  status: z.enum(REPORT_STATUSES),
  dueDate: z.string(),
  /** True while the figures are generated on each read; false once confirmed or submitted (a stored snapshot). */
  live: z.boolean(),
  data: reportData,
  /** Null for a regulator before submission: the draft text is the enterprise's own until it reports. */
  narrative: z.string().nullable(),
  /** The edit revision the caller saw: confirm and submit name it. */
  version: z.number(),
  /** The submission's version (1, then 2… for each correction) this page shows. */
  submissionVersion: z.number(),
  confirmedBy: who, confirmedAt: z.date().nullable(),
  submittedBy: who, submittedAt: z.date().nullable(),
  onTime: z.boolean().nullable(),
  history: z.array(z.object({ action: z.enum(REPORT_ACTIONS), fromStatus: storedStatus.nullable(), toStatus: storedStatus, by: z.string().nullable(), at: z.date() })),
  /** Every version, newest first (a regulator sees the submitted ones). */
  versions: z.array(submissionVersion),
  abilities: z.object({ canEdit: z.boolean(), canConfirm: z.boolean(), canSubmit: z.boolean(), canCorrect: z.boolean() }),
});

export const reportListQuery = z.object({
  ...pageQuery,
  year: reportYear.optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().max(50).optional(),
  /**
   * The report's own stage (none, draft, confirmed, submitted), or where the enterprise stands on the duty (issue 11 §1,
   * read from the obligations engine): notSubmitted (owes it, not yet), late, overdue, waived, notOwed.
   */
  status: z.enum(['none', 'draft', 'confirmed', 'submitted', 'notSubmitted', 'late', 'overdue', 'waived', 'notOwed']).optional(),
  /** Where the enterprise stands on the duty (the engine's occurrence of `risk.annual_report` for the year). */
  duty: z.enum(DUTY_FILTERS).optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

/** The figures of the duty over the list (the engine's occurrences): who owes the report and where they stand. */
export const dutyCounts = z.object({
  owed: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), notSubmitted: z.number(), overdue: z.number(), waived: z.number(), notOwed: z.number(),
});

export const reportStatusItem = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictId: z.string(), subdistrictName: z.string(),
  industryCode: z.string(), industryName: z.string(), status: z.enum(REPORT_STATUSES), confirmedAt: z.date().nullable(),
  submittedAt: z.date().nullable(), submittedBy: z.string().nullable(), onTime: z.boolean().nullable(),
  /** The version the regulator reads: 1, or 2… after corrections; null before the first submission. */
  submittedVersion: z.number().nullable(),
  /** The duty (issue 11 §1): its status (`none` when the enterprise does not owe the year's report), due day, fulfilment or waiver. */
  dutyStatus: z.enum(DUTY_STATUSES), dueDate: z.string().nullable(), fulfilledAt: z.date().nullable(), waivedReason: z.string().nullable(),
});
export const reportStatusPage = pageOf(reportStatusItem).extend({
  year: z.number(),
  dueDate: z.string(),
  pastDue: z.boolean(),
  /** A subdistrict officer forwards the aggregate; when it last did for this year. */
  canForward: z.boolean(),
  forwardedAt: z.date().nullable(),
  /** The number of the latest forwarded version of the aggregate (1, 2…); null before the first forward. */
  forwardedVersion: z.number().nullable(),
  /** Stages of the reports (none…submitted) and, from the engine, submitted on time, late and not yet by those who owe it. */
  counts: z.object({
    enterprises: z.number(), none: z.number(), draft: z.number(), confirmed: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), notSubmitted: z.number(),
  }),
  duty: dutyCounts,
});

const attendance = { enterprises: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), notSubmitted: z.number() };
const nonSubmitter = z.object({ enterpriseId: z.string(), enterpriseName: z.string(), creditCode: z.string(), industryCode: z.string(), status: z.enum(REPORT_STATUSES) });
export const subdistrictAggregate = z.object({
  year: z.number(),
  totals: z.object({ ...attendance, points: pointFigures }),
  byIndustry: z.array(z.object({ industryCode: z.string(), industryName: z.string(), ...attendance, points: pointFigures })),
  grade1: z.array(grade1Item.extend({ enterpriseId: z.string(), enterpriseName: z.string(), industryCode: z.string() })),
  reports: z.array(z.object({
    enterpriseId: z.string(), enterpriseName: z.string(), creditCode: z.string(), industryCode: z.string(), submittedAt: z.string(), onTime: z.boolean(), points: pointFigures,
  })),
  nonSubmitters: z.array(nonSubmitter),
});
/** One forwarded version of an aggregate: locked when forwarded, with the SHA-256 of its snapshot. */
const aggregateVersion = z.object({ version: z.number(), forwardedAt: z.date(), forwardedBy: z.string().nullable(), sha256: z.string().nullable() });
export const forwardedAggregate = z.object({
  subdistrictId: z.string(), subdistrictName: z.string(), year: z.number(),
  /** The version shown (1, 2… one per forward) and the latest one, which the departments read by default. */
  version: z.number(), latestVersion: z.number(),
  forwardedAt: z.date(), forwardedBy: z.string().nullable(), sha256: z.string().nullable(),
  aggregate: subdistrictAggregate,
  /** Every forwarded version, newest first. */
  versions: z.array(aggregateVersion),
});
/** Forwarding while enterprises have not submitted needs this, after the officer has seen who they are. */
export const forwardInput = z.object({ acknowledgeMissing: z.boolean().optional() });
export type ForwardInput = z.infer<typeof forwardInput>;
/** What a forward would send now: the officer's confirmation before forwarding. */
export const forwardPreview = z.object({
  year: z.number(), dueDate: z.string(),
  /** Calendar days until 31 December of the year: 0 on the day, negative once it has passed. */
  daysToDue: z.number(),
  enterprises: z.number(), submitted: z.number(), nonSubmitters: z.array(nonSubmitter),
  latestVersion: z.number().nullable(), forwardedAt: z.date().nullable(),
  /** True when the facts are those of the latest version: forwarding would be refused (NOTHING_NEW). */
  unchanged: z.boolean(),
});
export const aggregateVersionParams = z.object({ year: reportYear, subdistrictId: z.uuid(), version: versionParam });
export const aggregateList = z.object({ year: z.number(), items: z.array(forwardedAggregate) });
