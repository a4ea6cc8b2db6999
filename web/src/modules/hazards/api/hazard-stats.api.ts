import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type EnterpriseStats = ResponseOf<'/enterprises/{enterpriseId}/hazard-stats'>;
export type Rate = EnterpriseStats['onTimeRate'];
export type TrendPoint = EnterpriseStats['trend'][number];
export type OverviewStats = ResponseOf<'/hazard-stats/overview'>;
export type Figures = Omit<OverviewStats['bySubdistrict'][number], 'subdistrictId' | 'name'>;
export type TopEnterprise = OverviewStats['topEnterprises']['byOpen'][number];

/** A row of the cross-enterprise list: the ledger's summary plus where the enterprise is. */
export type CrossPage = ResponseOf<'/hazards'>;
export type CrossHazard = ItemOf<CrossPage>;

export const hazardStatsApi = {
  enterprise: (enterpriseId: string, query: Query, signal?: AbortSignal) =>
    api.get<EnterpriseStats>(`/enterprises/${enterpriseId}/hazard-stats`, query, { signal }),
  overview: (query: Query, signal?: AbortSignal) => api.get<OverviewStats>('/hazard-stats/overview', query, { signal }),
  /** Regulators: hazards of every enterprise in scope (drill-down from the dashboards). */
  crossList: (query: Query, signal?: AbortSignal) => api.get<CrossPage>('/hazards', query, { signal }),
  crossExport: (query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download('/hazards/export', query, fallbackName, onProgress),
};
