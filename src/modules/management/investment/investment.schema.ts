import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { ownSignatureBody } from '../../../platform/signatures';
import { MONEY_PATTERN, parseFen } from './investment.rules';
import { wholeNumber } from '../../../platform/http/whole-number';

/** Yuan as a decimal string with at most two decimals: money never travels as a JS number. */
export const money = z.string().trim().regex(MONEY_PATTERN, { message: 'investment.money' });
const positiveMoney = money.refine((v) => (parseFen(v) ?? 0n) > 0n, { message: 'investment.money' });
const year = wholeNumber(2000, 2100, 'investment.year');
const text = (max: number) => z.string().trim().max(max);
const category = z.string().trim().min(1).max(40);
const version = z.number().int().min(1);

export const yearParams = enterpriseParams.extend({ year });
export const idParams = enterpriseParams.extend({ id: z.uuid() });
export const yearQuery = z.object({ year: year.optional() });

// ---- the year ----

const flags = z.object({ shortfall: z.boolean(), ineligible: z.boolean(), overspent: z.boolean() });
export const figuresView = z.object({
  carryIn: z.string(), required: z.string().nullable(), accrued: z.string(), used: z.string(), usedIneligible: z.string(), balance: z.string(), shortfall: z.string(), flags,
});
const accrualLine = z.object({
  schedule: z.string(), name: z.string(), basis: z.string(), base: z.string(), amount: z.string(),
  bands: z.array(z.object({ from: z.string(), to: z.string().nullable(), rate: z.string(), part: z.string(), amount: z.string() })).optional(),
});
const scheduleView = z.object({
  key: z.string(), name: z.string(), basis: z.enum(['project_cost', 'revenue_progressive', 'revenue_flat', 'per_unit']), rate: z.string().nullable(),
  bands: z.array(z.object({ upTo: z.number().nullable(), rate: z.string() })).nullable(), unitAmount: z.string().nullable(), unit: z.string().nullable(),
  source: z.string(), verified: z.boolean(),
});
export const investmentYear = z.object({
  enterpriseId: z.string(), enterpriseName: z.string(), year: z.number().int(), applies: z.boolean(),
  figures: figuresView,
  openingBalance: z.string().nullable(),
  accrual: z.object({ inputs: z.array(z.object({ schedule: z.string(), base: z.string() })), lines: z.array(accrualLine), ruleSetVersion: z.number().int(), computedAt: z.date() }).nullable(),
  version: z.number().int().nullable(),
  budget: z.object({ id: z.string(), status: z.enum(['draft', 'approved']), total: z.string(), approvedAt: z.date().nullable() }).nullable(),
  check: z.object({ id: z.string(), signedAt: z.date(), signedByName: z.string().nullable() }).nullable(),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
  schedules: z.array(scheduleView),
  abilities: z.object({ canManage: z.boolean(), canApprove: z.boolean(), yearClosed: z.boolean() }),
});

export const yearPatch = z.object({
  accrued: money.optional(),
  openingBalance: money.nullable().optional(),
  version: version.optional(),
});
export type YearPatch = z.infer<typeof yearPatch>;

export const accrualBody = z.object({
  inputs: z.array(z.object({ schedule: z.string().trim().min(1).max(60), base: money })).min(1).max(50),
  /** false: compute and show only; true (default): also keep it as the year's required accrual. */
  save: z.boolean().default(true),
});
export type AccrualBody = z.infer<typeof accrualBody>;
export const accrualView = z.object({ year: z.number().int(), total: z.string(), lines: z.array(accrualLine), ruleSetVersion: z.number().int(), saved: z.boolean() });

// ---- budget ----

export const budgetPut = z.object({
  note: text(2000).default(''),
  lines: z.array(z.object({ category, amount: money, purpose: text(500).default('') })).max(200),
  /** The version last read, when replacing an existing draft. */
  version: version.optional(),
});
export type BudgetPut = z.infer<typeof budgetPut>;
export const budgetView = z.object({
  id: z.string(), year: z.number().int(), status: z.enum(['draft', 'approved']), note: z.string(), total: z.string(),
  lines: z.array(z.object({ lineNo: z.number().int(), category: z.string(), categoryName: z.string(), eligible: z.boolean(), amount: z.string(), purpose: z.string() })),
  byCategory: z.array(z.object({ category: z.string(), categoryName: z.string(), budgeted: z.string(), used: z.string() })),
  approvedAt: z.date().nullable(), approvedByName: z.string().nullable(), contentSha256: z.string().nullable(), version: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canApprove: z.boolean() }),
});
export type BudgetView = z.infer<typeof budgetView>;

// ---- ledger ----

export const useCreate = z.object({
  usedOn: calendarDate,
  category,
  amount: positiveMoney,
  purpose: text(500).min(1),
  voucherNo: text(50).default(''),
});
export type UseCreate = z.infer<typeof useCreate>;
export const usePatch = z.object({
  usedOn: calendarDate.optional(), category: category.optional(), amount: positiveMoney.optional(), purpose: text(500).min(1).optional(), voucherNo: text(50).optional(),
  version,
});
export type UsePatch = z.infer<typeof usePatch>;

export const USE_SORT = { usedOn: 'u.used_on', amount: 'u.amount', category: 'u.category' };
export const useListQuery = z.object({
  ...listParams,
  sort: sortParam(USE_SORT, 'usedOn'),
  year: year.optional(),
  /** Only the uses outside the eligible categories. */
  ineligible: z.enum(['yes']).optional(),
  category: category.optional(),
});
export type UseListQuery = z.infer<typeof useListQuery>;
const voucher = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
export const useView = z.object({
  id: z.string(), year: z.number().int(), usedOn: z.string(), category: z.string(), categoryName: z.string(), eligible: z.boolean(),
  amount: z.string(), purpose: z.string(), voucherNo: z.string(), vouchers: z.array(voucher), createdByName: z.string().nullable(), version: z.number().int(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export const usePage = pageOf(useView).extend({
  year: z.number().int(), sum: z.string(), ineligibleSum: z.string(),
  abilities: z.object({ canCreate: z.boolean() }),
});
export const importQuery = z.object({ mode: z.enum(['strict', 'valid']).default('strict') });
export const importReport = z.object({
  total: z.number().int(), validCount: z.number().int(), errorCount: z.number().int(), imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  warnings: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  message: z.string(),
});
export type ImportReport = z.infer<typeof importReport>;
export const uploadedFiles = z.object({ ids: z.array(z.string()) });

// ---- audits ----

export const auditCreate = z.object({
  year: year.optional(),
  kind: z.enum(['internal', 'external']),
  auditedOn: calendarDate,
  auditor: text(100).min(1),
  findings: text(4000).default(''),
  rectification: text(4000).default(''),
  rectified: z.boolean().default(false),
});
export type AuditCreate = z.infer<typeof auditCreate>;
export const auditPatch = z.object({
  kind: z.enum(['internal', 'external']).optional(), auditedOn: calendarDate.optional(), auditor: text(100).min(1).optional(),
  findings: text(4000).optional(), rectification: text(4000).optional(), rectified: z.boolean().optional(), version,
});
export type AuditPatch = z.infer<typeof auditPatch>;
export const auditView = z.object({
  id: z.string(), year: z.number().int(), kind: z.enum(['internal', 'external']), auditedOn: z.string(), auditor: z.string(), findings: z.string(),
  rectification: z.string(), rectified: z.boolean(), version: z.number().int(),
});
export const auditList = z.object({ items: z.array(auditView), abilities: z.object({ canManage: z.boolean() }) });

// ---- the principal's yearly check ----

export const checkCreate = z.object({ year, checkedOn: calendarDate, comments: text(4000).min(1) });
export type CheckCreate = z.infer<typeof checkCreate>;
export const checkSign = ownSignatureBody;
export const checkView = z.object({
  id: z.string(), year: z.number().int(), checkedOn: z.string(), comments: z.string(), figures: figuresView,
  createdByName: z.string().nullable(), signed: z.boolean(), signedAt: z.date().nullable(), signedByName: z.string().nullable(), contentSha256: z.string().nullable(),
  abilities: z.object({ canSign: z.boolean(), canDelete: z.boolean() }),
});
export const checkList = z.object({ items: z.array(checkView), abilities: z.object({ canCreate: z.boolean() }) });

// ---- regulators ----

export const SUPERVISE_SORT = {
  name: 'name', required: { by: 'required', nulls: 'last' as const }, accrued: 'accrued', used: 'used', balance: 'balance', shortfall: 'shortfall',
};
export const superviseQuery = z.object({
  ...listParams,
  sort: sortParam(SUPERVISE_SORT, 'name'),
  year: year.optional(),
  shortfall: z.enum(['yes', 'no']).optional(),
  /** Enterprises that recorded spending outside the eligible categories. */
  ineligible: z.enum(['yes']).optional(),
  subdistrictId: z.uuid().optional(),
});
export type SuperviseQuery = z.infer<typeof superviseQuery>;
export const supervisePage = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  required: z.string().nullable(), accrued: z.string(), used: z.string(), usedIneligible: z.string(), carryIn: z.string(), balance: z.string(), shortfall: z.string(),
  budgetApproved: z.boolean(), checkSigned: z.boolean(),
  flags,
})).extend({ year: z.number().int(), counts: z.object({ total: z.number().int(), shortfall: z.number().int(), ineligible: z.number().int() }) });
