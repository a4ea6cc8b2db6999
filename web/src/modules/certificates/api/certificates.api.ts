import type { QueryKey } from '@tanstack/react-query';
import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ResponseOf } from '../../../api/types';

// The types follow src/modules/management/certificates/certificates.schema.ts through the generated schema (npm run api:types).

type ListPath = '/enterprises/{enterpriseId}/certificates';
type ItemPath = '/enterprises/{enterpriseId}/certificates/{id}';

export const CERTIFICATE_KINDS = ['special_operation', 'special_equipment', 'safety_qualification'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const CERTIFICATE_STATES = ['valid', 'review_due', 'expiring', 'review_overdue', 'expired', 'revoked'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export type CertificateList = ResponseOf<ListPath, 'get'>;
export type CertificateSummary = CertificateList['items'][number];
export type CertificateDetail = ResponseOf<ItemPath, 'get'>;
export type CertificateInput = BodyOf<ListPath>;
export type CertificatePatch = BodyOf<ItemPath, 'patch'>;
export type ReviewInput = BodyOf<`${ItemPath}/reviews`>;
export type CatalogueType = CertificateList['catalogue']['types'][number];
export type Unqualified = ResponseOf<'/enterprises/{enterpriseId}/unqualified-on-post', 'get'>;
export type UnqualifiedReason = Unqualified['items'][number]['reason'];

/** The queries a certificate write shows in, for a write's `invalidates`. */
export const certificateQueries = (enterpriseId: string): QueryKey[] => [['certificates', enterpriseId], ['workbench'], ['obligations']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const certificatesApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<CertificateList>(`${base(enterpriseId)}/certificates`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<CertificateDetail>(`${base(enterpriseId)}/certificates/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: CertificateInput) => api.post<CertificateDetail>(`${base(enterpriseId)}/certificates`, body),
  update: (enterpriseId: string, id: string, body: CertificatePatch) => api.patch<CertificateDetail>(`${base(enterpriseId)}/certificates/${id}`, body),
  review: (enterpriseId: string, id: string, body: ReviewInput) => api.post<CertificateDetail>(`${base(enterpriseId)}/certificates/${id}/reviews`, body),
  catalogue: (enterpriseId: string, signal?: AbortSignal) => api.get<{ types: CatalogueType[] }>(`${base(enterpriseId)}/certificate-catalogue`, undefined, { signal }),
  unqualified: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Unqualified>(`${base(enterpriseId)}/unqualified-on-post`, query, { signal }),
  exportUnqualified: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${base(enterpriseId)}/unqualified-on-post/export`, query, fallbackName, onProgress),
  downloadTemplate: (enterpriseId: string, fallbackName: string) => api.download(`${base(enterpriseId)}/certificates/import-template`, undefined, fallbackName),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${base(enterpriseId)}/certificates/export`, query, fallbackName, onProgress),
  import: (enterpriseId: string, file: File, mode: 'strict' | 'valid') => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ResponseOf<'/enterprises/{enterpriseId}/certificates/import', 'post'>>(`${base(enterpriseId)}/certificates/import`, form, { mode });
  },
};
