import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';
import type { ItemOf, ResponseOf } from '../../../api/types';

export type Assessment = ResponseOf<'/enterprises/{enterpriseId}/standardisation/{year}'>;
export type Element = Assessment['elements'][number];
export type ReviewList = ResponseOf<'/enterprises/{enterpriseId}/standardisation-reviews'>;
export type Review = ItemOf<ReviewList>;
export type Overview = ResponseOf<'/standardisation-overview'>;
export type OverviewRow = ItemOf<Overview>;
export type Grade = '1' | '2' | '3' | 'none';

const base = (enterpriseId: string, year: number) => `/enterprises/${enterpriseId}/standardisation/${year}`;

/** Every query a write here may change: the assessment, its reviews, the duties it fulfils, the regulators' list. */
export const standardisationQueries = (enterpriseId: string): QueryKey[] => [['standardisation', enterpriseId], ['standardisation', 'overview'], ['obligations']];

export const standardisationApi = {
  base,
  get: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<Assessment>(base(enterpriseId, year), undefined, { signal }),
  uploadEvidence: (enterpriseId: string, year: number, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId, year)}/evidence`, form);
  },
  evidencePath: (enterpriseId: string, year: number, fileId: string) => `${base(enterpriseId, year)}/evidence/${fileId}`,
  adjust: (enterpriseId: string, year: number, code: string, body: { score: number; reason: string; evidenceIds: string[]; version?: number }) =>
    api.put<Assessment>(`${base(enterpriseId, year)}/elements/${code}`, body),
  unadjust: (enterpriseId: string, year: number, code: string) => api.del<Assessment>(`${base(enterpriseId, year)}/elements/${code}`),
  sign: (enterpriseId: string, year: number, sign: SignOutcome & { version?: number }) => api.post<Assessment>(`${base(enterpriseId, year)}/sign`, sign),
  submit: (enterpriseId: string, year: number, version: number) => api.post<Assessment>(`${base(enterpriseId, year)}/submit`, { version }),
  correct: (enterpriseId: string, year: number) => api.post<Assessment>(`${base(enterpriseId, year)}/corrections`),
  reviews: (enterpriseId: string, signal?: AbortSignal) => api.get<ReviewList>(`/enterprises/${enterpriseId}/standardisation-reviews`, undefined, { signal }),
  addReview: (enterpriseId: string, body: { reviewBody: string; reviewers: string; reviewedOn: string; passed: boolean; grade: '1' | '2' | '3' | null; certificateNo: string; note: string }) =>
    api.post<Review>(`/enterprises/${enterpriseId}/standardisation-reviews`, body),
  overview: (query: Query, signal?: AbortSignal) => api.get<Overview>('/standardisation-overview', query, { signal }),
  exportOverview: (query: Query, onProgress?: Parameters<typeof api.download>[3]) => api.download('/standardisation-overview/export', query, 'standardisation.xlsx', onProgress),
};
