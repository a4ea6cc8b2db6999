import { api, type Query } from '../../../app/api';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type AuditRow = ItemOf<ResponseOf<'/audit'>>;
export type AuditVerifyResult = ResponseOf<'/audit/verify'>;
/** The record types and actions the filters offer, each with its name in the user's language (from the server). */
export type AuditVocabulary = ResponseOf<'/audit/vocabulary'>;

export const auditApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/audit'>>('/audit', query, { signal }),
  vocabulary: (signal?: AbortSignal) => api.get<AuditVocabulary>('/audit/vocabulary', undefined, { signal }),
  verify: () => api.get<AuditVerifyResult>('/audit/verify'),
};
