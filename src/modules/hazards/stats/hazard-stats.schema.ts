import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { HAZARD_STATES } from '../loop/hazard-workflow';
import { HAZARD_CLASSES, HAZARD_LEVELS, HAZARD_SOURCES } from '../loop/hazard.schema';
import { MONTH } from './hazard-stats.rules';

const month = z.string().regex(MONTH, { message: 'validation.hazardStats.month' });
const count = z.number().int();

/** A period of whole months, `from` and `to` as YYYY-MM (both included); the last twelve months by default. */
export const statsQuery = z.object({ from: month.optional(), to: month.optional() });
export type StatsQuery = z.infer<typeof statsQuery>;

export const overviewQuery = statsQuery.extend({
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(50).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const rateSchema = z.object({ numerator: count, denominator: count, rate: z.number().nullable() });
const bucket = <K extends readonly [string, ...string[]]>(keys: K) => z.array(z.object({ key: z.enum(keys), count }));
const trend = z.array(z.object({ month: z.string(), found: count, closed: count }));

export const overdueItem = z.object({
  id: z.string(), code: z.string(), title: z.string(), level: z.enum(HAZARD_LEVELS), status: z.enum(HAZARD_STATES), deadline: z.string(), daysOverdue: count,
  orgUnitName: z.string(), rectifierName: z.string().nullable(), escalationLevel: count, supervised: z.boolean(),
});

export const enterpriseStats = z.object({
  enterpriseId: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** found…voided count the hazards reported in the period; open…supervised are the state today. */
  totals: z.object({
    found: count, foundMajor: count, closed: count, closedOnTime: count, voided: count,
    open: count, overdue: count, majorOpen: count, supervised: count,
  }),
  byLevel: bucket(['general', 'major'] as const),
  byStatus: bucket(HAZARD_STATES),
  bySource: bucket(HAZARD_SOURCES),
  byClass: bucket([...HAZARD_CLASSES, 'unclassified'] as const),
  byUnit: z.array(z.object({ unitId: z.string(), name: z.string(), count })),
  rectificationRate: rateSchema,
  onTimeRate: rateSchema,
  overdue: z.array(overdueItem),
  trend,
});
export type EnterpriseStats = z.infer<typeof enterpriseStats>;

const figures = {
  enterprises: count, found: count, foundMajor: count, closed: count, closedOnTime: count,
  open: count, overdue: count, majorOpen: count, rectificationRate: rateSchema, onTimeRate: rateSchema,
};
const topEnterprise = z.object({
  enterpriseId: z.string(), name: z.string(), subdistrictName: z.string(), industryName: z.string(), open: count, overdue: count, majorOpen: count,
});

export const overviewStats = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  totals: z.object({ ...figures, supervised: count }),
  bySubdistrict: z.array(z.object({ subdistrictId: z.string(), name: z.string(), ...figures })),
  byIndustry: z.array(z.object({ industryCode: z.string(), name: z.string(), ...figures })),
  topEnterprises: z.object({ byOpen: z.array(topEnterprise), byOverdue: z.array(topEnterprise) }),
  majorOpen: z.object({
    total: count,
    items: z.array(z.object({
      enterpriseId: z.string(), enterpriseName: z.string(), hazardId: z.string(), code: z.string(), title: z.string(), status: z.enum(HAZARD_STATES),
      deadline: z.string().nullable(), overdue: z.boolean(), escalationLevel: count, supervised: z.boolean(), reportedAt: z.date(),
    })),
  }),
  trend,
});
export type OverviewStats = z.infer<typeof overviewStats>;

/** The cross-enterprise hazard list (drill-down from the dashboards): the caller's scope, filtered. */
export const crossListQuery = z.object({
  ...pageQuery,
  sort: z.enum(['reportedAt', 'deadline', 'enterprise']).default('reportedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum([...HAZARD_STATES, 'open']).optional(),
  level: z.enum(['general', 'major']).optional(),
  source: z.enum(HAZARD_SOURCES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  supervised: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(50).optional(),
  enterpriseId: z.uuid().optional(),
});
export type CrossListQuery = z.infer<typeof crossListQuery>;

export const crossItem = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), subdistrictId: z.string(), subdistrictName: z.string(),
  industryCode: z.string(), industryName: z.string(), code: z.string(), title: z.string(), source: z.enum(HAZARD_SOURCES), hazardClass: z.enum(HAZARD_CLASSES).nullable(),
  level: z.enum(HAZARD_LEVELS), status: z.enum(HAZARD_STATES), orgUnitName: z.string(), location: z.string(), reportedAt: z.date(), deadline: z.string().nullable(),
  overdue: z.boolean(), escalationLevel: count, supervised: z.boolean(), closedAt: z.date().nullable(),
});
export type CrossItem = z.infer<typeof crossItem>;
/** `total` stops counting at `COUNT_CAP`; `totalCapped` says so (the UI shows "10000+"). */
export const crossPage = pageOf(crossItem).extend({ totalCapped: z.boolean() });
