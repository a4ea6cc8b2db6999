import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { MONEY_PATTERN } from './insurance.rules';

/** An amount of CNY as a string with at most two decimals (never a JSON number: money is exact). */
export const moneyInput = z.string().trim().regex(MONEY_PATTERN, { message: 'insurance.money' });
const moneyPositive = moneyInput.refine((v) => /[1-9]/.test(v), { message: 'insurance.money' });

const EMPLOYMENT_FORMS = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;
const REASONS = ['NO_POLICY', 'UNINSURED', 'UNEQUAL_COVER', 'COVER_BELOW_MINIMUM', 'PREMIUM_BY_STAFF'] as const;
const STATUS = z.enum(['pending', 'confirmed']);

export const policyParams = z.object({ id: z.uuid() });
export const enterprisePolicyParams = enterpriseParams.extend({ id: z.uuid() });

export const creditCodeQuery = z.object({
  creditCode: z.string().trim().transform((v) => v.toUpperCase()).pipe(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'insurance.creditCode' })),
});

const insuredInput = z.object({ employeeId: z.uuid(), cover: moneyPositive });

const policyFields = {
  policyNumber: z.string().trim().min(1).max(64),
  startsOn: calendarDate,
  endsOn: calendarDate,
  premium: moneyInput,
  premiumPaidBy: z.enum(['unit', 'staff']),
  people: z.array(insuredInput).max(20_000)
    .refine((ps) => new Set(ps.map((p) => p.employeeId)).size === ps.length, { message: 'insurance.peopleDuplicate' }),
};
const periodOk = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;

export const policyCreate = z.object({ enterpriseId: z.uuid(), ...policyFields }).refine(periodOk, { message: 'insurance.period', path: ['endsOn'] });
export type PolicyCreate = z.infer<typeof policyCreate>;
export const policyPatch = z.object(policyFields).partial().extend({ version: z.number().int() })
  .refine(periodOk, { message: 'insurance.period', path: ['endsOn'] });
export type PolicyPatch = z.infer<typeof policyPatch>;
export const policyConfirm = z.object({ version: z.number().int() });

export const enterpriseFound = z.object({
  id: z.string(), name: z.string(), creditCode: z.string(), industryName: z.string(), subdistrictName: z.string(),
  /** Whether 安责险 is mandatory for its industry under the district's rule-set (R-INS-1 [cfg]). */
  mandatory: z.boolean(),
});

const complianceView = z.object({
  compliant: z.boolean(),
  reasons: z.array(z.enum(REASONS)),
  uninsured: z.array(z.object({ id: z.string(), name: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), unitName: z.string() })),
  cover: z.object({ min: z.string(), max: z.string() }).nullable(),
  minCover: z.string(),
});

export const policyView = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), institutionName: z.string(), policyNumber: z.string(),
  startsOn: z.string(), endsOn: z.string(), premium: z.string(), premiumPaidBy: z.enum(['unit', 'staff']), status: STATUS,
  confirmedAt: z.date().nullable(), confirmedByName: z.string().nullable(), createdAt: z.date(), version: z.number().int(),
  people: z.array(z.object({ employeeId: z.string(), name: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), cover: z.string(), active: z.boolean() })),
  /** The policy checked against today's roster and the district's minimum (R-INS-1). */
  check: complianceView,
  abilities: z.object({ canEdit: z.boolean(), canConfirm: z.boolean() }),
});
export type PolicyView = z.infer<typeof policyView>;

/** The enterprise's active roster, for the insurer choosing the insured people of its pending policy. */
export const rosterView = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), unitName: z.string(), idNumberMasked: z.string() })),
});

const policySummary = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), institutionName: z.string(), policyNumber: z.string(),
  startsOn: z.string(), endsOn: z.string(), premium: z.string(), status: STATUS, people: z.number().int(), confirmedAt: z.date().nullable(),
});

export const POLICY_SORT = { createdAt: 'p.created_at', startsOn: 'p.starts_on', endsOn: 'p.ends_on', enterprise: 'e.name' };
export const policyListQuery = z.object({
  ...listParams,
  sort: sortParam(POLICY_SORT, 'createdAt'),
  status: STATUS.optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;
export const policyList = pageOf(policySummary);

export const insuranceOverview = z.object({
  enterpriseId: z.string(), enterpriseName: z.string(), today: z.string(),
  mandatory: z.boolean(),
  /** The current policy (confirmed, period holding today), null when none. */
  current: policySummary.nullable(),
  compliance: complianceView,
  policies: z.array(policySummary),
  workInjury: z.object({
    covered: z.number().int(), total: z.number().int(), percent: z.number().nullable(),
    people: z.array(z.object({ id: z.string(), name: z.string(), employmentForm: z.enum(EMPLOYMENT_FORMS), unitName: z.string(), covered: z.boolean() })),
  }),
  abilities: z.object({ canConfirm: z.boolean(), canEditWorkInjury: z.boolean() }),
});
export type InsuranceOverview = z.infer<typeof insuranceOverview>;

export const workInjuryInput = z.object({
  items: z.array(z.object({ employeeId: z.uuid(), covered: z.boolean() })).min(1).max(20_000)
    .refine((ps) => new Set(ps.map((p) => p.employeeId)).size === ps.length, { message: 'insurance.peopleDuplicate' }),
});
export type WorkInjuryInput = z.infer<typeof workInjuryInput>;

export const COVERAGE_SORT = { name: 'e.name', uninsured: 'st.uninsured', endsOn: { by: 'cur.ends_on', nulls: 'first' as const } };
export const coverageQuery = z.object({
  ...listParams,
  sort: sortParam(COVERAGE_SORT, 'name'),
  /** `missing`: no current confirmed policy; `noncompliant`: a policy that fails the check; `failing`: either; `compliant`. */
  status: z.enum(['missing', 'noncompliant', 'failing', 'compliant']).optional(),
  subdistrictId: z.uuid().optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;
export const coverageList = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  employees: z.number().int(),
  policy: z.object({ id: z.string(), policyNumber: z.string(), institutionName: z.string(), endsOn: z.string() }).nullable(),
  /** Active employees the current policy does not name (all of them without a policy). */
  uninsured: z.number().int(),
  compliant: z.boolean(),
  reasons: z.array(z.enum(REASONS)),
})).extend({
  today: z.string(),
  counts: z.object({ total: z.number().int(), missing: z.number().int(), noncompliant: z.number().int() }),
});
