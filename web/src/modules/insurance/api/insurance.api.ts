import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';

/*
 * The insurance routes (server: src/modules/management/insurance, R-INS-1). Typed by hand until the next
 * `npm run api:types` adds them to web/src/api/types.ts; the shapes mirror insurance.schema.ts.
 */

export type EmploymentForm = 'regular' | 'dispatched' | 'temporary' | 'migrant' | 'intern';
export type ComplianceReason = 'NO_POLICY' | 'UNINSURED' | 'UNEQUAL_COVER' | 'COVER_BELOW_MINIMUM' | 'PREMIUM_BY_STAFF';
export type PolicyStatus = 'pending' | 'confirmed';
export type PaidBy = 'unit' | 'staff';

export type Compliance = {
  compliant: boolean; reasons: ComplianceReason[];
  uninsured: { id: string; name: string; employmentForm: EmploymentForm; unitName: string }[];
  cover: { min: string; max: string } | null; minCover: string;
};

export type PolicySummary = {
  id: string; enterpriseId: string; enterpriseName: string; institutionName: string; policyNumber: string;
  startsOn: string; endsOn: string; premium: string; status: PolicyStatus; people: number; confirmedAt: string | null;
};

export type Policy = {
  id: string; enterpriseId: string; enterpriseName: string; institutionName: string; policyNumber: string;
  startsOn: string; endsOn: string; premium: string; premiumPaidBy: PaidBy; status: PolicyStatus;
  confirmedAt: string | null; confirmedByName: string | null; createdAt: string; version: number;
  people: { employeeId: string; name: string; employmentForm: EmploymentForm; cover: string; active: boolean }[];
  check: Compliance;
  abilities: { canEdit: boolean; canConfirm: boolean };
};

export type PolicyInput = {
  policyNumber: string; startsOn: string; endsOn: string; premium: string; premiumPaidBy: PaidBy;
  people: { employeeId: string; cover: string }[];
};

export type FoundEnterprise = { id: string; name: string; creditCode: string; industryName: string; subdistrictName: string; mandatory: boolean };
export type RosterPerson = { id: string; name: string; employmentForm: EmploymentForm; unitName: string; idNumberMasked: string };

export type InsuranceOverview = {
  enterpriseId: string; enterpriseName: string; today: string; mandatory: boolean;
  current: PolicySummary | null; compliance: Compliance; policies: PolicySummary[];
  workInjury: {
    covered: number; total: number; percent: number | null;
    people: { id: string; name: string; employmentForm: EmploymentForm; unitName: string; covered: boolean }[];
  };
  abilities: { canConfirm: boolean; canEditWorkInjury: boolean };
};

export type CoverageRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; employees: number;
  policy: { id: string; policyNumber: string; institutionName: string; endsOn: string } | null;
  uninsured: number; compliant: boolean; reasons: ComplianceReason[];
};
export type Coverage = Page<CoverageRow> & { today: string; counts: { total: number; missing: number; noncompliant: number } };

export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'];

/** The queries a policy or coverage shows in, for a write's `invalidates`. */
export const insuranceQueries: QueryKey[] = [['insurance'], ['workbench']];

export const insuranceApi = {
  lookup: (creditCode: string) => api.get<FoundEnterprise>('/insurance/enterprise-lookup', { creditCode }),
  policies: (q: Query, signal?: AbortSignal) => api.get<Page<PolicySummary>>('/insurance/policies', q, { signal }),
  policy: (id: string, signal?: AbortSignal) => api.get<Policy>(`/insurance/policies/${id}`, undefined, { signal }),
  roster: (id: string, signal?: AbortSignal) => api.get<{ items: RosterPerson[] }>(`/insurance/policies/${id}/roster`, undefined, { signal }),
  create: (body: PolicyInput & { enterpriseId: string }) => api.post<Policy>('/insurance/policies', body),
  update: (id: string, body: Partial<PolicyInput> & { version: number }) => api.patch<Policy>(`/insurance/policies/${id}`, body),
  overview: (enterpriseId: string, signal?: AbortSignal) => api.get<InsuranceOverview>(`/enterprises/${enterpriseId}/insurance`, undefined, { signal }),
  enterprisePolicy: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Policy>(`/enterprises/${enterpriseId}/liability-policies/${id}`, undefined, { signal }),
  confirm: (enterpriseId: string, id: string, version: number) => api.post<Policy>(`/enterprises/${enterpriseId}/liability-policies/${id}/confirm`, { version }),
  setWorkInjury: (enterpriseId: string, items: { employeeId: string; covered: boolean }[]) =>
    api.put<InsuranceOverview>(`/enterprises/${enterpriseId}/work-injury-coverage`, { items }),
  coverage: (q: Query, signal?: AbortSignal) => api.get<Coverage>('/insurance/coverage', q, { signal }),
};
