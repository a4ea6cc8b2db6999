import { z } from 'zod';
import { calendarDate, pageOf, pageQuery } from '../../platform/http/route';
import { SIZE_CLASSES, SIZE_SECTORS } from './enterprise-attributes';

export const enterpriseStatus = z.enum(['active', 'suspended', 'closed']);
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const enterpriseListQuery = z.object({
  ...pageQuery,
  sort: z.enum(['name', 'creditCode', 'employeeCount', 'updatedAt']).default('name'),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().max(50).optional(),
  status: enterpriseStatus.optional(),
  highRisk: flag.optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const enterpriseSummary = z.object({
  id: z.string(),
  creditCode: z.string(),
  name: z.string(),
  subdistrictId: z.string(),
  subdistrictName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  employeeCount: z.number(),
  highRisk: z.boolean(),
  status: enterpriseStatus,
  principalName: z.string(),
  updatedAt: z.date(),
});
export const enterprisePage = pageOf(enterpriseSummary);

export const enterpriseDetail = enterpriseSummary.extend({
  address: z.string(),
  legalRepresentative: z.string(),
  principalPhone: z.string(),
  aboveScale: z.boolean(),
  centralProvincial: z.boolean(),
  stateOwned: z.boolean(),
  crowdedVenue: z.boolean(),
  annualRevenueWan: z.number().nullable(),
  hazardousGoodsCarrier: z.boolean(),
  hasWorkersCongress: z.boolean(),
  actualController: z.string(),
  onboardedOn: z.string().nullable(),
  /** RULES.md §8: derived with the district's `enterprise-attributes` rule-set, never stored. */
  attributes: z.object({
    keyIndustry: z.boolean(),
    keyIndustryBy: z.array(z.enum(['industry', 'crowdedVenue', 'hazardousGoodsCarrier'])),
    sizeClass: z.enum(SIZE_CLASSES),
    sizeEstimated: z.boolean(),
    sizeSector: z.enum(SIZE_SECTORS),
    ruleSetVersion: z.number().int(),
  }),
  version: z.number(),
  createdAt: z.date(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

const text = (max: number) => z.string().trim().max(max);
/** 营业收入 in 万元: at most two decimals, as numeric(14, 2) keeps it (checked on the number as written). */
const revenueWan = z.number().min(0).max(999_999_999_999.99)
  .refine((v) => /^-?\d+(\.\d{1,2})?$/.test(String(v)), { message: 'validation.revenueWan.decimals' });
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/, { message: 'validation.phone' });

export const enterpriseFields = z.object({
  name: text(200).min(2),
  address: text(300).default(''),
  subdistrictId: z.uuid(),
  industryCode: text(50).min(1),
  legalRepresentative: text(50).default(''),
  principalName: text(50).default(''),
  principalPhone: phone.default(''),
  employeeCount: z.number().int().min(0).max(1_000_000).default(0),
  aboveScale: z.boolean().default(false),
  centralProvincial: z.boolean().default(false),
  stateOwned: z.boolean().default(false),
  crowdedVenue: z.boolean().default(false),
  highRisk: z.boolean().default(false),
  status: enterpriseStatus.default('active'),
  annualRevenueWan: revenueWan.nullable().default(null),
  hazardousGoodsCarrier: z.boolean().default(false),
  hasWorkersCongress: z.boolean().default(false),
  actualController: text(100).default(''),
  /** The local date the enterprise joined the platform; today when not given. */
  onboardedOn: calendarDate.optional(),
});

export const enterpriseCreate = enterpriseFields.extend({ creditCode: z.string().trim().min(1).max(30) });
export type EnterpriseCreate = z.infer<typeof enterpriseCreate>;

export const enterpriseUpdate = z.object({
  name: text(200).min(2).optional(),
  address: text(300).optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: text(50).min(1).optional(),
  legalRepresentative: text(50).optional(),
  principalName: text(50).optional(),
  principalPhone: phone.optional(),
  employeeCount: z.number().int().min(0).max(1_000_000).optional(),
  aboveScale: z.boolean().optional(),
  centralProvincial: z.boolean().optional(),
  stateOwned: z.boolean().optional(),
  crowdedVenue: z.boolean().optional(),
  highRisk: z.boolean().optional(),
  status: enterpriseStatus.optional(),
  annualRevenueWan: revenueWan.nullable().optional(),
  hazardousGoodsCarrier: z.boolean().optional(),
  hasWorkersCongress: z.boolean().optional(),
  actualController: text(100).optional(),
  onboardedOn: calendarDate.optional(),
  version: z.number().int(),
});
export type EnterpriseUpdateInput = z.infer<typeof enterpriseUpdate>;
