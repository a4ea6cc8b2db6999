import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';
import type { ImportMode, SpreadsheetImportReport } from '../../../app/components/SpreadsheetImportModal';

/*
 * The investment routes (server: src/modules/management/investment/investment.schema.ts). Money is a decimal string
 * in yuan ("12800.00") both ways, never a JS number. The types are written out here after the server's schemas until
 * the OpenAPI types are regenerated (`npm run api:types`).
 */

export type Flags = { shortfall: boolean; ineligible: boolean; overspent: boolean };
export type Figures = { carryIn: string; required: string | null; accrued: string; used: string; usedIneligible: string; balance: string; shortfall: string; flags: Flags };
export type Category = { code: string; name: string };
export type Schedule = {
  key: string; name: string; basis: 'project_cost' | 'revenue_progressive' | 'revenue_flat' | 'per_unit'; rate: string | null;
  bands: { upTo: number | null; rate: string }[] | null; unitAmount: string | null; unit: string | null; source: string; verified: boolean;
};
export type AccrualLine = { schedule: string; name: string; basis: string; base: string; amount: string; bands?: { from: string; to: string | null; rate: string; part: string; amount: string }[] };
export type InvestmentYear = {
  enterpriseId: string; enterpriseName: string; year: number; applies: boolean; figures: Figures; openingBalance: string | null;
  accrual: { inputs: { schedule: string; base: string }[]; lines: AccrualLine[]; ruleSetVersion: number; computedAt: string } | null;
  version: number | null;
  budget: { id: string; status: 'draft' | 'approved'; total: string; approvedAt: string | null } | null;
  check: { id: string; signedAt: string; signedByName: string | null } | null;
  categories: Category[]; schedules: Schedule[];
  abilities: { canManage: boolean; canApprove: boolean; yearClosed: boolean };
};
export type Accrual = { year: number; total: string; lines: AccrualLine[]; ruleSetVersion: number; saved: boolean };
export type BudgetLine = { lineNo: number; category: string; categoryName: string; eligible: boolean; amount: string; purpose: string };
export type Budget = {
  id: string; year: number; status: 'draft' | 'approved'; note: string; total: string; lines: BudgetLine[];
  byCategory: { category: string; categoryName: string; budgeted: string; used: string }[];
  approvedAt: string | null; approvedByName: string | null; contentSha256: string | null; version: number;
  abilities: { canEdit: boolean; canApprove: boolean };
};
export type Voucher = { id: string; name: string; mime: string; size: number };
export type Use = {
  id: string; year: number; usedOn: string; category: string; categoryName: string; eligible: boolean; amount: string; purpose: string; voucherNo: string;
  vouchers: Voucher[]; createdByName: string | null; version: number; abilities: { canEdit: boolean };
};
export type UsePage = Page<Use> & { year: number; sum: string; ineligibleSum: string; abilities: { canCreate: boolean } };
export type FeeAudit = { id: string; year: number; kind: 'internal' | 'external'; auditedOn: string; auditor: string; findings: string; rectification: string; rectified: boolean; version: number };
export type Check = {
  id: string; year: number; checkedOn: string; comments: string; figures: Figures; createdByName: string | null; signed: boolean; signedAt: string | null;
  signedByName: string | null; contentSha256: string | null; abilities: { canSign: boolean; canDelete: boolean };
};
export type OverviewRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; required: string | null; accrued: string; used: string;
  usedIneligible: string; carryIn: string; balance: string; shortfall: string; budgetApproved: boolean; checkSigned: boolean; flags: Flags;
};
export type Overview = Page<OverviewRow> & { year: number; counts: { total: number; shortfall: number; ineligible: number } };

export type UseInput = { usedOn: string; category: string; amount: string; purpose: string; voucherNo?: string };

/** The queries an enterprise's investment shows in, for a write's `invalidates`. */
export const investmentQueries = (enterpriseId: string): QueryKey[] => [['investment', enterpriseId], ['investment', 'overview'], ['obligations']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/investment`;

export const investmentApi = {
  year: (enterpriseId: string, year: number | undefined, signal?: AbortSignal) => api.get<InvestmentYear>(base(enterpriseId), { year }, { signal }),
  updateYear: (enterpriseId: string, year: number, body: { accrued?: string; openingBalance?: string | null; version?: number }) => api.put<InvestmentYear>(`${base(enterpriseId)}/years/${year}`, body),
  accrual: (enterpriseId: string, year: number, body: { inputs: { schedule: string; base: string }[]; save: boolean }) => api.post<Accrual>(`${base(enterpriseId)}/years/${year}/accrual`, body),
  budget: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<Budget>(`${base(enterpriseId)}/budgets/${year}`, undefined, { signal }),
  saveBudget: (enterpriseId: string, year: number, body: { note: string; lines: { category: string; amount: string; purpose: string }[]; version?: number }) =>
    api.put<Budget>(`${base(enterpriseId)}/budgets/${year}`, body),
  deleteBudget: (enterpriseId: string, year: number) => api.del(`${base(enterpriseId)}/budgets/${year}`),
  approveBudget: (enterpriseId: string, year: number, sign: SignOutcome) => api.post<Budget>(`${base(enterpriseId)}/budgets/${year}/approve`, sign),
  uses: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<UsePage>(`${base(enterpriseId)}/uses`, query, { signal }),
  createUse: (enterpriseId: string, body: UseInput) => api.post<Use>(`${base(enterpriseId)}/uses`, body),
  editUse: (enterpriseId: string, id: string, body: Partial<UseInput> & { version: number }) => api.patch<Use>(`${base(enterpriseId)}/uses/${id}`, body),
  deleteUse: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/uses/${id}`),
  uploadVoucher: (enterpriseId: string, id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId)}/uses/${id}/vouchers`, form);
  },
  voucherUrl: (enterpriseId: string, fileId: string) => `/api/v1${base(enterpriseId)}/vouchers/${fileId}`,
  import: (enterpriseId: string, file: File, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<SpreadsheetImportReport>(`${base(enterpriseId)}/uses/import`, form, { mode });
  },
  downloadTemplate: (enterpriseId: string, fallbackName: string) => api.download(`${base(enterpriseId)}/uses/import-template`, undefined, fallbackName),
  audits: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<{ items: FeeAudit[]; abilities: { canManage: boolean } }>(`${base(enterpriseId)}/audits`, { year }, { signal }),
  createAudit: (enterpriseId: string, body: Omit<FeeAudit, 'id' | 'version'>) => api.post<FeeAudit>(`${base(enterpriseId)}/audits`, body),
  editAudit: (enterpriseId: string, id: string, body: Partial<Omit<FeeAudit, 'id' | 'year'>> & { version: number }) => api.patch<FeeAudit>(`${base(enterpriseId)}/audits/${id}`, body),
  deleteAudit: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/audits/${id}`),
  checks: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<{ items: Check[]; abilities: { canCreate: boolean } }>(`${base(enterpriseId)}/checks`, { year }, { signal }),
  createCheck: (enterpriseId: string, body: { year: number; checkedOn: string; comments: string }) => api.post<Check>(`${base(enterpriseId)}/checks`, body),
  deleteCheck: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/checks/${id}`),
  signCheck: (enterpriseId: string, id: string, sign: SignOutcome) => api.post<Check>(`${base(enterpriseId)}/checks/${id}/sign`, sign),
  overview: (query: Query, signal?: AbortSignal) => api.get<Overview>('/safety-fee-overview', query, { signal }),
};

/** "1234567.50" → "1,234,567.50": grouping by string, never through a float. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const neg = value.startsWith('-');
  const [whole = '0', frac = '00'] = (neg ? value.slice(1) : value).split('.');
  return `${neg ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(frac + '00').slice(0, 2)}`;
}

/** Yuan with at most two decimals, as the server takes it. */
export const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
