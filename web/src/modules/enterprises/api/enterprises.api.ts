import { api, type Page, type Query } from '../../../app/api';

export type EnterpriseStatus = 'active' | 'suspended' | 'closed';
export const ENTERPRISE_STATUSES: readonly EnterpriseStatus[] = ['active', 'suspended', 'closed'];

export type EnterpriseSummary = {
  id: string;
  creditCode: string;
  name: string;
  subdistrictId: string;
  subdistrictName: string;
  industryCode: string;
  industryName: string;
  employeeCount: number;
  highRisk: boolean;
  status: EnterpriseStatus;
  principalName: string;
  updatedAt: string;
};

export type EnterpriseDetail = EnterpriseSummary & {
  address: string;
  legalRepresentative: string;
  principalPhone: string;
  aboveScale: boolean;
  centralProvincial: boolean;
  stateOwned: boolean;
  crowdedVenue: boolean;
  version: number;
  createdAt: string;
  abilities: { canEdit: boolean };
};

export type EnterpriseFields = {
  name: string;
  address: string;
  subdistrictId: string;
  industryCode: string;
  legalRepresentative: string;
  principalName: string;
  principalPhone: string;
  employeeCount: number;
  aboveScale: boolean;
  centralProvincial: boolean;
  stateOwned: boolean;
  crowdedVenue: boolean;
  highRisk: boolean;
  status: EnterpriseStatus;
};

export type EnterpriseCreate = EnterpriseFields & { creditCode: string };
export type EnterpriseUpdate = Partial<EnterpriseFields> & { version: number };

export const enterprisesApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<Page<EnterpriseSummary>>('/enterprises', query, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<EnterpriseDetail>(`/enterprises/${id}`, undefined, { signal }),
  create: (body: EnterpriseCreate) => api.post<EnterpriseDetail>('/enterprises', body),
  update: (id: string, body: EnterpriseUpdate) => api.patch<EnterpriseDetail>(`/enterprises/${id}`, body),
};
