import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

/** Issue 13 §3, R-PPE-1: the protective-equipment routes (server: src/modules/management/ppe/ppe.routes.ts). */
export type PpeSummary = ResponseOf<'/enterprises/{enterpriseId}/ppe'>;
export type PpePost = PpeSummary['posts'][number];
export type PpeIssueList = ResponseOf<'/enterprises/{enterpriseId}/ppe/issues'>;
export type PpeIssue = ItemOf<PpeIssueList>;
export type PpeGaps = ResponseOf<'/enterprises/{enterpriseId}/ppe/gaps'>;
export type PpeGap = PpeGaps['items'][number];
export type MyPpe = ResponseOf<'/me/ppe'>;
export type PpeOverview = ResponseOf<'/ppe-overview'>;
export type PpeOverviewRow = ItemOf<PpeOverview>;
export type PpeIssueInput = BodyOf<'/enterprises/{enterpriseId}/ppe/issues'>;
export type PpePostInput = BodyOf<'/enterprises/{enterpriseId}/ppe/posts/{postId}', 'put'>;
export type PpeVoidInput = BodyOf<'/enterprises/{enterpriseId}/ppe/issues/{id}/void'>;
export type PpeSignFor = BodyOf<'/enterprises/{enterpriseId}/ppe/issues/{id}/sign-for'>;
export type OwnSign = BodyOf<'/me/ppe/issues/{id}/sign'>;
export type EmployeeOption = { id: string; name: string; orgUnitName: string };

/** What a PPE write shows in, for a write's `invalidates`. */
export const ppeQueries = (enterpriseId?: string): QueryKey[] => [['ppe', 'mine'], ['ppe', 'overview'], ['workbench'], ...(enterpriseId ? [['ppe', enterpriseId]] : [])];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/ppe`;

export const ppeApi = {
  summary: (enterpriseId: string, signal?: AbortSignal) => api.get<PpeSummary>(base(enterpriseId), undefined, { signal }),
  setPost: (enterpriseId: string, postId: string, body: PpePostInput) => api.put<PpePost>(`${base(enterpriseId)}/posts/${postId}`, body),
  gaps: (enterpriseId: string, signal?: AbortSignal) => api.get<PpeGaps>(`${base(enterpriseId)}/gaps`, undefined, { signal }),
  exportGaps: (enterpriseId: string) => api.download(`${base(enterpriseId)}/gaps/export`, undefined, 'ppe-gaps.xlsx'),
  issues: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<PpeIssueList>(`${base(enterpriseId)}/issues`, query, { signal }),
  exportIssues: (enterpriseId: string, query: Query, onProgress?: Parameters<typeof api.download>[3]) =>
    api.download(`${base(enterpriseId)}/issues/export`, query, 'ppe-issues.xlsx', onProgress),
  issue: (enterpriseId: string, body: PpeIssueInput) => api.post<ResponseOf<'/enterprises/{enterpriseId}/ppe/issues', 'post'>>(`${base(enterpriseId)}/issues`, body),
  void: (enterpriseId: string, id: string, body: PpeVoidInput) => api.post<ResponseOf<'/enterprises/{enterpriseId}/ppe/issues/{id}/void', 'post'>>(`${base(enterpriseId)}/issues/${id}/void`, body),
  signFor: (enterpriseId: string, id: string, body: PpeSignFor) => api.post<PpeIssue>(`${base(enterpriseId)}/issues/${id}/sign-for`, body),
  mine: (signal?: AbortSignal) => api.get<MyPpe>('/me/ppe', undefined, { signal }),
  signMine: (id: string, body: OwnSign) => api.post<PpeIssue>(`/me/ppe/issues/${id}/sign`, body),
  overview: (query: Query, signal?: AbortSignal) => api.get<PpeOverview>('/ppe-overview', query, { signal }),
  /** Issue 13 §5: the regulators' list as .xlsx, with the screen's filters and order (a job past the threshold). */
  exportOverview: (query: Query, onProgress?: Parameters<typeof api.download>[3]) => api.download('/ppe-overview/export', query, 'ppe-overview.xlsx', onProgress),
  /** The people an issue may name: the enterprise's active roster as the caller sees it (a unit leader: his branch). */
  people: async (enterpriseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: EmployeeOption[] }>(`/enterprises/${enterpriseId}/employees`, { pageSize: 200, status: 'active' }, { signal })).items,
};
