import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type EnterpriseSummary = ItemOf<ResponseOf<'/enterprises'>>;
export type EnterpriseStatus = EnterpriseSummary['status'];
export const ENTERPRISE_STATUSES = ['active', 'suspended', 'closed'] as const satisfies readonly EnterpriseStatus[];
export type EnterpriseDetail = ResponseOf<'/enterprises/{id}'>;
/** RULES.md §8: what the server derives from the profile with the district's rule-set. */
export type EnterpriseAttributes = EnterpriseDetail['attributes'];
export type EnterpriseCreate = BodyOf<'/enterprises'>;
export type EnterpriseFields = Omit<EnterpriseCreate, 'creditCode'>;
export type EnterpriseUpdate = BodyOf<'/enterprises/{id}', 'patch'>;

export const enterprisesApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/enterprises'>>('/enterprises', query, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<EnterpriseDetail>(`/enterprises/${id}`, undefined, { signal }),
  create: (body: EnterpriseCreate) => api.post<EnterpriseDetail>('/enterprises', body),
  update: (id: string, body: EnterpriseUpdate) => api.patch<EnterpriseDetail>(`/enterprises/${id}`, body),
};
