import type { QueryKey } from '@tanstack/react-query';
import { api, type OnExportProgress, type Page, type Query } from '../../../app/api';

/*
 * The emergency plan API (server: src/modules/emergency/plans). Its types are written here by hand, mirroring the
 * routes' zod schemas (plan.schema.ts), until the generated API types are next refreshed.
 */

export const PLAN_KINDS = ['comprehensive', 'special', 'onsite'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATUSES = ['draft', 'reviewing', 'reviewed', 'signed', 'issued', 'filed', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const REVISION_CAUSES = ['law', 'organisation', 'risks', 'resources', 'drill', 'other'] as const;
export type RevisionCause = (typeof REVISION_CAUSES)[number];
export const REVIEW_CONCLUSIONS = ['passed', 'passed_with_changes', 'failed'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];
/** `withdrawn`: the enterprise withdrew (废止) the plan while the filing waited. */
export const FILING_STATUSES = ['pending', 'accepted', 'returned', 'withdrawn'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export type ReviewMode = 'review' | 'demonstration';
export type DistributionEntry = { name: string; kind: 'unit' | 'rescue_team' | 'other' };
export type Reviewer = { name: string; organisation: string; expert: boolean };

export type PlanSummary = {
  id: string; kind: PlanKind; title: string; status: PlanStatus; currentVersion: number; filedVersion: number | null; issuedAt: string | null;
  updatedAt: string; returnedFilings: number; unread: boolean;
};
export type PlanPage = Page<PlanSummary> & { canWrite: boolean };

export type PlanSections = {
  scope: string; organisation: string; responseLevels: string; procedures: string; resources: string; body: string;
  riskPointIds: string[]; postIds: string[]; rescueOrganisation: string; contacts: string;
};

export type VersionContent = PlanSections & {
  number: number; revisionCause: RevisionCause | null; revisionNote: string; reviewMode: ReviewMode | null; reviewers: Reviewer[];
  reviewedOn: string | null; reviewConclusion: ReviewConclusion | null; reviewOpinions: string; contentSha256: string | null;
  signedAt: string | null; signedByName: string | null; distribution: DistributionEntry[]; issuedAt: string | null;
};

export type Filing = {
  id: string; enterpriseId: string; enterpriseName: string; planId: string; planTitle: string; planKind: PlanKind; versionNo: number;
  departmentId: string; departmentName: string; status: FilingStatus; submittedAt: string; rounds: number; receiptNo: string | null;
  returnReason: string | null; decidedAt: string | null; decidedByName: string | null; version: number;
  abilities: { accept: boolean; return: boolean };
};
export type FilingDetail = Filing & { content: VersionContent };

export const PLAN_OPS = ['update', 'submit', 'record_review', 'reject_review', 'sign', 'issue', 'file', 'refile', 'revise', 'withdraw'] as const;
export type PlanOp = (typeof PLAN_OPS)[number];

export type PlanDetail = PlanSummary & {
  enterpriseId: string; version: number; content: VersionContent; reviewModeRequired: ReviewMode;
  versions: { number: number; revisionCause: RevisionCause | null; revisionNote: string; reviewMode: ReviewMode | null; reviewConclusion: ReviewConclusion | null;
    reviewedOn: string | null; signedAt: string | null; issuedAt: string | null; createdAt: string; contentSha256: string | null }[];
  events: { versionNo: number; op: string; from: string | null; to: string; actorName: string | null; at: string; note: string }[];
  filings: Filing[];
  receipts: { total: number; read: number; mineReadAt: string | null; mine: boolean };
  assessments: { id: string; versionNo: number; kind: 'yearly_review' | 'evaluation'; reviewer: string; reviewedOn: string; changed: boolean; reason: string;
    signedAt: string | null; signedByName: string | null }[];
  files: { id: string; role: 'document' | 'review'; name: string; mime: string; size: number; locked: boolean; url: string }[];
  abilities: Record<PlanOp, boolean> & { upload: boolean; read: boolean; assess: boolean; signAssessment: boolean; receipts: boolean };
};

export type Receipts = { items: { userId: string; name: string; unitName: string | null; readAt: string | null }[]; total: number; read: number };
export type SignBody = { method: 'pad' | 'password'; imageAttachmentId?: string; password?: string; device?: string };

/** The queries a plan shows in, for a write's `invalidates`. */
export const planQueries = (enterpriseId: string): QueryKey[] => [['emergency-plans', enterpriseId], ['emergency-plan-filings'], ['workbench'], ['obligations']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/emergency-plans`;

export const plansApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<PlanPage>(base(enterpriseId), query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<PlanDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: Partial<PlanSections> & { kind: PlanKind; title: string }) => api.post<PlanDetail>(base(enterpriseId), body),
  update: (enterpriseId: string, id: string, body: Partial<PlanSections> & { title: string; version?: number }) => api.put<PlanDetail>(`${base(enterpriseId)}/${id}`, body),
  step: (enterpriseId: string, id: string, op: 'submit' | 'file' | 'refile', body: { note?: string; version?: number }) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/${op}`, body),
  review: (enterpriseId: string, id: string, body: { reviewers: Reviewer[]; reviewedOn: string; conclusion: ReviewConclusion; opinions: string; version?: number }) =>
    api.post<PlanDetail>(`${base(enterpriseId)}/${id}/review`, body),
  sign: (enterpriseId: string, id: string, body: SignBody & { version?: number }) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/sign`, body),
  issue: (enterpriseId: string, id: string, body: {
    audienceUserIds?: string[]; audienceEmployeeIds?: string[]; audienceUnitIds?: string[]; audiencePostIds?: string[]; distribution: DistributionEntry[]; version?: number;
  }) =>
    api.post<PlanDetail>(`${base(enterpriseId)}/${id}/issue`, body),
  revise: (enterpriseId: string, id: string, body: { cause: RevisionCause; note: string; version?: number }) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/revise`, body),
  withdraw: (enterpriseId: string, id: string, body: { reason: string; version?: number }) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/withdraw`, body),
  read: (enterpriseId: string, id: string) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/read`),
  receipts: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Receipts>(`${base(enterpriseId)}/${id}/receipts`, undefined, { signal }),
  assess: (enterpriseId: string, id: string, body: { kind: 'yearly_review' | 'evaluation'; reviewer: string; reviewedOn: string; changed: boolean; reason: string }) =>
    api.post<{ id: string }>(`${base(enterpriseId)}/${id}/assessments`, body),
  signAssessment: (enterpriseId: string, id: string, assessmentId: string, body: SignBody) => api.post<PlanDetail>(`${base(enterpriseId)}/${id}/assessments/${assessmentId}/sign`, body),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
  upload: (enterpriseId: string, id: string, role: 'document' | 'review', files: File[]) => {
    const form = new FormData();
    form.append('role', role);
    for (const f of files) form.append('file', f, f.name);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId)}/${id}/files`, form);
  },
};

export const filingsApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<Page<Filing>>('/emergency-plan-filings', query, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<FilingDetail>(`/emergency-plan-filings/${id}`, undefined, { signal }),
  accept: (id: string, body: { receiptNo: string; version?: number }) => api.post<FilingDetail>(`/emergency-plan-filings/${id}/accept`, body),
  return: (id: string, body: { reason: string; version?: number }) => api.post<FilingDetail>(`/emergency-plan-filings/${id}/return`, body),
  exportList: (query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download('/emergency-plan-filings/export', query, fallbackName, onProgress),
};
