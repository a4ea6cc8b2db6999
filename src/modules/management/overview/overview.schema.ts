import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { pageOf } from '../../../platform/http/route';

/** Issue 12 §7: the columns the management-system view sorts by. */
export const OVERVIEW_SORT = {
  problems: true, name: true, subdistrict: true, missingRules: true, ackRate: true, feeShortfall: true, uninsured: true, overdue: true,
};
export const OVERVIEW_PROBLEMS = ['any', 'staffing', 'rules', 'fee', 'insurance', 'equipment'] as const;
export type OverviewProblem = (typeof OVERVIEW_PROBLEMS)[number];

export const overviewQuery = z.object({
  ...listParams,
  sort: sortParam(OVERVIEW_SORT, 'problems'),
  order: z.enum(['asc', 'desc']).default('desc'),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(50).optional(),
  /** Only the enterprises with this problem (`any`: with at least one). */
  problem: z.enum(OVERVIEW_PROBLEMS).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

const money = z.string();
export const overviewItem = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(), headcount: z.number().int(),
  /** R-TEAM-1/2: the organisation and staff the enterprise must have, and what it lacks. */
  staffing: z.object({ compliant: z.boolean() }),
  /** R-DOC-1: required rules not in force, and the acknowledgement rate over the latest published versions. */
  rules: z.object({ missing: z.array(z.string()), asked: z.number().int(), acknowledged: z.number().int(), rate: z.number().int().nullable() }),
  /** R-INV-1, this year (null when the enterprise's industry accrues no fee). */
  fee: z.object({ required: money.nullable(), accrued: money, used: money, ineligible: money, shortfall: money }).nullable(),
  /** R-INS-1 (null when 安责险 is not mandatory for the industry). */
  insurance: z.object({ policyMissing: z.boolean(), uninsured: z.number().int() }).nullable(),
  equipment: z.object({ overdue: z.number().int() }),
  problems: z.array(z.enum(OVERVIEW_PROBLEMS.filter((p) => p !== 'any') as ['staffing', 'rules', 'fee', 'insurance', 'equipment'])),
});
export type OverviewItem = z.infer<typeof overviewItem>;
export const overviewList = pageOf(overviewItem).extend({
  today: z.string(), year: z.number().int(),
  counts: z.object({
    total: z.number().int(), any: z.number().int(), staffing: z.number().int(), rules: z.number().int(), fee: z.number().int(),
    insurance: z.number().int(), equipment: z.number().int(),
  }),
});
export type OverviewList = z.infer<typeof overviewList>;
