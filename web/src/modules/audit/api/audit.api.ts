import { api, type Query } from '../../../app/api';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type AuditRow = ItemOf<ResponseOf<'/audit'>>;
export type AuditVerifyResult = ResponseOf<'/audit/verify'>;

/** Entity types the services write today; the filter also accepts others typed into the address bar. */
export const ENTITY_TYPES = ['enterprise', 'org_unit', 'post', 'employee', 'user'] as const;

export const auditApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/audit'>>('/audit', query, { signal }),
  verify: () => api.get<AuditVerifyResult>('/audit/verify'),
};
