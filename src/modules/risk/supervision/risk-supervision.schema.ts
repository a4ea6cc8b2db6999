import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { controlLevel, RISK_KINDS } from '../points/risk-point.schema';
import { R8_ITEMS } from '../report/risk-report.rules';

const grades = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() });

export const OVERVIEW_FLAGS = ['noLedger', 'overdue', 'missingR8', 'controlFailing', 'hasGrade1'] as const;
export type OverviewFlag = (typeof OVERVIEW_FLAGS)[number];
/** `risk` (the default, issue 10 §2) ranks the riskiest first: major risks, then considerable, then missing on-site items. */
export const OVERVIEW_SORTS = ['risk', 'name', 'total', 'grade1', 'grade2', 'unassessed', 'overdue', 'missingR8', 'controlFailing'] as const;

const scopeFilters = {
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().max(50).optional(),
};

export const overviewQuery = z.object({
  ...pageQuery,
  sort: z.enum(OVERVIEW_SORTS).default('risk'),
  ...scopeFilters,
  flag: z.enum(OVERVIEW_FLAGS).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const overviewItem = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictId: z.string(), subdistrictName: z.string(),
  industryCode: z.string(), industryName: z.string(), total: z.number(), byGrade: grades, unassessed: z.number(), overdue: z.number(),
  missingR8: z.number(), controlFailing: z.number(), hasLedger: z.boolean(),
});
export const overviewPage = pageOf(overviewItem);

export const overviewSummaryQuery = z.object(scopeFilters);
export type OverviewSummaryQuery = z.infer<typeof overviewSummaryQuery>;
export const overviewSummary = z.object({
  enterprises: z.number(), withLedger: z.number(), withoutLedger: z.number(),
  points: z.object({ total: z.number(), byGrade: grades, unassessed: z.number(), overdue: z.number(), missingR8: z.number(), controlFailing: z.number() }),
  enterprisesWith: z.object({ grade1: z.number(), overdue: z.number(), missingR8: z.number(), controlFailing: z.number() }),
});

export const majorQuery = z.object({
  ...pageQuery,
  sort: z.enum(['enterprise', 'reassessDue']).default('enterprise'),
  ...scopeFilters,
  flag: z.enum(['overdue', 'missingR8', 'controlFailing']).optional(),
});
export type MajorQuery = z.infer<typeof majorQuery>;

export const majorItem = z.object({
  riskPointId: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), subdistrictId: z.string(), subdistrictName: z.string(),
  industryCode: z.string(), industryName: z.string(), code: z.string(), name: z.string(), kind: z.enum(RISK_KINDS), orgUnitName: z.string(),
  majorHazardSource: z.boolean(), controlLevel: controlLevel.nullable(), reassessDue: z.string().nullable(), overdue: z.boolean(),
  missingR8: z.array(z.enum(R8_ITEMS)), controlFailing: z.boolean(),
});
export const majorPage = pageOf(majorItem);
