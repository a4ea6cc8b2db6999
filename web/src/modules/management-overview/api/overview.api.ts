import { api, type OnExportProgress, type Page, type Query } from '../../../app/api';

export type OverviewProblem = 'staffing' | 'rules' | 'fee' | 'insurance' | 'equipment';
export type OverviewItem = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; headcount: number;
  staffing: { compliant: boolean };
  rules: { missing: string[]; asked: number; acknowledged: number; rate: number | null };
  fee: { required: string | null; accrued: string; used: string; ineligible: string; shortfall: string } | null;
  insurance: { policyMissing: boolean; uninsured: number } | null;
  equipment: { overdue: number };
  problems: OverviewProblem[];
};
export type OverviewList = Page<OverviewItem> & {
  today: string; year: number;
  counts: { total: number; any: number } & Record<OverviewProblem, number>;
};

/** Issue 12 §7 (server: src/modules/management/overview). */
export const overviewApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<OverviewList>('/management-overview', query, { signal }),
  export: (query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download('/management-overview/export', query, fallbackName, onProgress),
};

export type CompetenceProblem = 'training' | 'certificates' | 'ppe' | 'standardisation';
export type CompetenceItem = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string;
  training: { people: number; shortfall: number; legalCovered: number; legalRate: number | null };
  certificates: { unqualifiedOnPost: number; minorsOnHazardous: number; expired: number; expiringSoon: number; reviewDue: number };
  ppe: { missing: number; overdue: number };
  standardisation: {
    required: boolean; status: 'none' | 'draft' | 'confirmed' | 'submitted'; score: number | null; intendedGrade: string | null;
    awardedGrade: string | null; validUntil: string | null;
  };
  problems: CompetenceProblem[];
};
export type CompetenceList = Page<CompetenceItem> & {
  today: string; year: number;
  counts: { total: number; any: number } & Record<CompetenceProblem, number>;
};

/** Issue 13 §5 (server: src/modules/management/overview/competence.*). */
export const competenceApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<CompetenceList>('/competence-overview', query, { signal }),
  export: (query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download('/competence-overview/export', query, fallbackName, onProgress),
};
