import { api, type Page, type Query, type OnExportProgress } from '../../../app/api';
import type { HazardStatus, HazardSummary } from './hazards.api';

export type Rate = { numerator: number; denominator: number; rate: number | null };
type Bucket<K extends string> = { key: K; count: number }[];
export type TrendPoint = { month: string; found: number; closed: number };

export type EnterpriseStats = {
  enterpriseId: string;
  from: string;
  to: string;
  asOf: string;
  /** found…voided count the hazards reported in the period; open…supervised are the state today. */
  totals: { found: number; foundMajor: number; closed: number; closedOnTime: number; voided: number; open: number; overdue: number; majorOpen: number; supervised: number };
  byLevel: Bucket<'general' | 'major'>;
  byStatus: Bucket<HazardStatus>;
  bySource: Bucket<string>;
  byClass: Bucket<string>;
  byUnit: { unitId: string; name: string; count: number }[];
  rectificationRate: Rate;
  onTimeRate: Rate;
  overdue: {
    id: string; code: string; title: string; level: string; status: string; deadline: string; daysOverdue: number; orgUnitName: string;
    rectifierName: string | null; escalationLevel: number; supervised: boolean;
  }[];
  trend: TrendPoint[];
};

export type Figures = {
  enterprises: number; found: number; foundMajor: number; closed: number; closedOnTime: number; open: number; overdue: number; majorOpen: number;
  rectificationRate: Rate; onTimeRate: Rate;
};
export type TopEnterprise = { enterpriseId: string; name: string; subdistrictName: string; industryName: string; open: number; overdue: number; majorOpen: number };
export type OverviewStats = {
  from: string;
  to: string;
  asOf: string;
  totals: Figures & { supervised: number };
  bySubdistrict: (Figures & { subdistrictId: string; name: string })[];
  byIndustry: (Figures & { industryCode: string; name: string })[];
  topEnterprises: { byOpen: TopEnterprise[]; byOverdue: TopEnterprise[] };
  majorOpen: {
    total: number;
    items: {
      enterpriseId: string; enterpriseName: string; hazardId: string; code: string; title: string; status: HazardStatus; deadline: string | null;
      overdue: boolean; escalationLevel: number; supervised: boolean; reportedAt: string;
    }[];
  };
  trend: TrendPoint[];
};

/** A row of the cross-enterprise list: the ledger's summary plus where the enterprise is. */
export type CrossHazard = HazardSummary & { enterpriseId: string; enterpriseName: string; subdistrictName: string; industryName: string };
export type CrossPage = Page<CrossHazard> & { totalCapped: boolean };

export const hazardStatsApi = {
  enterprise: (enterpriseId: string, query: Query, signal?: AbortSignal) =>
    api.get<EnterpriseStats>(`/enterprises/${enterpriseId}/hazard-stats`, query, { signal }),
  overview: (query: Query, signal?: AbortSignal) => api.get<OverviewStats>('/hazard-stats/overview', query, { signal }),
  /** Regulators: hazards of every enterprise in scope (drill-down from the dashboards). */
  crossList: (query: Query, signal?: AbortSignal) => api.get<CrossPage>('/hazards', query, { signal }),
  crossExport: (query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download('/hazards/export', query, fallbackName, onProgress),
};
