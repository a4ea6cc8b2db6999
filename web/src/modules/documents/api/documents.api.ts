import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';

// The response types follow src/modules/management/documents/documents.schema.ts; declared here until the next
// `npm run api:types` adds the document routes to the generated schema.

export const DOCUMENT_KINDS = ['rule', 'procedure', 'post_procedure'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type VersionStatus = 'draft' | 'approved' | 'published';
export type AckCounts = { asked: number; acknowledged: number; rate: number | null };

export type DocumentSummary = {
  id: string; kind: DocumentKind; title: string; requiredCodes: string[]; requiredNames: string[]; processes: string; posts: { id: string; name: string }[]; archived: boolean;
  current: { id: string; number: number; effectiveOn: string; acks: AckCounts } | null;
  open: { id: string; number: number; status: 'draft' | 'approved' } | null;
};
export type Library = Page<DocumentSummary> & {
  missingRequired: { code: string; name: string }[];
  required: { code: string; name: string; satisfied: boolean }[];
  postsWithoutProcedure: { id: string; name: string; orgUnitName: string }[];
  ratesByUnit: ({ orgUnitId: string; name: string } & AckCounts)[];
  review: { year: number; reviewedOn: string; changed: boolean; reason: string; signedByName: string } | null;
  abilities: { canManage: boolean; canApprove: boolean; canReview: boolean };
};
export type VersionSummary = {
  id: string; number: number; status: VersionStatus; effectiveOn: string; changeNote: string; approvedByName: string | null; approvedAt: string | null;
  publishedAt: string | null; acks: AckCounts;
};
export type DocumentDetail = DocumentSummary & { versions: VersionSummary[]; version: number; abilities: { canEdit: boolean; canNewVersion: boolean } };
export type DocFile = { id: string; name: string; mime: string; size: number };
export type PendingPerson = { employeeId: string; name: string; orgUnitName: string };
export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };
/** R-DOC-1's optional short quiz: single choice, 2–4 options, `correct` the index of the right one. */
export const QUIZ_MAX_QUESTIONS = 5;
export const QUIZ_MAX_OPTIONS = 4;
export type QuizQuestion = { text: string; options: string[]; correct: number };
/** As the library shows it: the correct option only for those who keep it (null for other readers). */
export type QuizQuestionView = Omit<QuizQuestion, 'correct'> & { correct: number | null };
/** As the person asked to acknowledge sees it: never the correct option. */
export type QuizQuestionAsked = Omit<QuizQuestion, 'correct'>;
export type VersionDetail = VersionSummary & {
  documentId: string; documentTitle: string; kind: DocumentKind; body: string; files: DocFile[]; contentSha256: string | null; rowVersion: number;
  quiz: QuizQuestionView[]; againstNumber: number | null; diff: DiffLine[]; abilities: { canEdit: boolean; canApprove: boolean; canPublish: boolean; canProxyAck: boolean };
};
export type DocumentInput = {
  kind: DocumentKind; title: string; requiredCodes: string[]; processes: string; postIds: string[]; body: string; effectiveOn: string; changeNote: string; quiz: QuizQuestion[];
};
export type VersionInput = { body: string; effectiveOn: string; changeNote: string; quiz: QuizQuestion[] };
export type VersionPatch = Partial<VersionInput> & { rowVersion: number };
export type AckItem = { versionId: string; documentId: string; title: string; kind: DocumentKind; number: number; effectiveOn: string; askedAt: string; acknowledgedAt: string | null };
export type MyAcks = { pending: AckItem[]; done: AckItem[] };
export type AckView = AckItem & { body: string; changeNote: string; files: DocFile[]; quiz: QuizQuestionAsked[] };
export type OverviewRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; required: number; missing: number; missingNames: string[];
  documents: number; asked: number; acknowledged: number; rate: number | null; reviewedThisYear: boolean;
};

export const LAW_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export const LAW_KINDS = ['law', 'regulation', 'rule', 'standard', 'normative'] as const;
export type Law = {
  id: string; level: (typeof LAW_LEVELS)[number]; kind: (typeof LAW_KINDS)[number]; title: string; docNumber: string; issuer: string; effectiveOn: string | null;
  repealed: boolean; version: number;
};
export type LawInput = Pick<Law, 'level' | 'kind' | 'title' | 'docNumber' | 'issuer' | 'effectiveOn'>;
export type AdoptedLaw = Law & { adoptedAt: string; documents: { id: string; title: string }[] };

export const documentsQueries = (enterpriseId: string): QueryKey[] => [['documents', enterpriseId]];
const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/documents`;

export const documentsApi = {
  library: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Library>(base(enterpriseId), query, { signal }),
  document: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<DocumentDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: DocumentInput) => api.post<DocumentDetail>(base(enterpriseId), body),
  version: (enterpriseId: string, id: string, versionId: string, signal?: AbortSignal) =>
    api.get<VersionDetail>(`${base(enterpriseId)}/${id}/versions/${versionId}`, undefined, { signal }),
  createVersion: (enterpriseId: string, id: string, body: VersionInput) => api.post<VersionDetail>(`${base(enterpriseId)}/${id}/versions`, body),
  editVersion: (enterpriseId: string, id: string, versionId: string, body: VersionPatch) => api.patch<VersionDetail>(`${base(enterpriseId)}/${id}/versions/${versionId}`, body),
  approve: (enterpriseId: string, id: string, versionId: string, body: SignOutcome & { version?: number }) =>
    api.post<VersionDetail>(`${base(enterpriseId)}/${id}/versions/${versionId}/approve`, body),
  publish: (enterpriseId: string, id: string, versionId: string) => api.post<VersionDetail>(`${base(enterpriseId)}/${id}/versions/${versionId}/publish`, {}),
  pendingPeople: (enterpriseId: string, id: string, versionId: string, signal?: AbortSignal) =>
    api.get<PendingPerson[]>(`${base(enterpriseId)}/${id}/versions/${versionId}/proxy-acks`, undefined, { signal }),
  proxyAck: (enterpriseId: string, id: string, versionId: string, body: { employeeId: string; idLast4: string; imageAttachmentId: string; device?: string; answers?: number[] }) =>
    api.post<PendingPerson[]>(`${base(enterpriseId)}/${id}/versions/${versionId}/proxy-acks`, body),
  fileUrl: (enterpriseId: string, fileId: string) => `/api/v1/enterprises/${enterpriseId}/document-files/${fileId}`,
  myFileUrl: (versionId: string, fileId: string) => `/api/v1/me/document-acks/${versionId}/files/${fileId}`,
  review: (enterpriseId: string, body: SignOutcome & { changed: boolean; reason: string }) => api.post<{ id: string }>(`/enterprises/${enterpriseId}/document-reviews`, body),
  mine: (signal?: AbortSignal) => api.get<MyAcks>('/me/document-acks', undefined, { signal }),
  ack: (versionId: string, signal?: AbortSignal) => api.get<AckView>(`/me/document-acks/${versionId}`, undefined, { signal }),
  /** `answers`: one option index per quiz question, in order (left out when the version has no quiz). */
  acknowledge: (versionId: string, answers?: number[]) =>
    api.post<{ versionId: string; acknowledgedAt: string }>(`/me/document-acks/${versionId}`, answers ? { answers } : {}),
  laws: (query: Query, signal?: AbortSignal) => api.get<Page<Law> & { abilities: { canManage: boolean } }>('/laws', query, { signal }),
  createLaw: (body: LawInput) => api.post<Law>('/laws', body),
  editLaw: (id: string, body: Partial<LawInput> & { repealed?: boolean; version: number }) => api.patch<Law>(`/laws/${id}`, body),
  adopted: (enterpriseId: string, signal?: AbortSignal) =>
    api.get<{ items: AdoptedLaw[]; abilities: { canAdopt: boolean } }>(`/enterprises/${enterpriseId}/laws`, undefined, { signal }),
  adopt: (enterpriseId: string, lawId: string, documentIds: string[]) => api.put<{ items: AdoptedLaw[] }>(`/enterprises/${enterpriseId}/laws/${lawId}`, { documentIds }),
  unadopt: (enterpriseId: string, lawId: string) => api.del<{ items: AdoptedLaw[] }>(`/enterprises/${enterpriseId}/laws/${lawId}`),
  overview: (query: Query, signal?: AbortSignal) => api.get<Page<OverviewRow>>('/documents-overview', query, { signal }),
};
