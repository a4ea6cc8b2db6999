import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';
import type { SignOutcome } from '../../../app/components/SignDialog';

type E = '/enterprises/{enterpriseId}';

export type TemplateSummary = ItemOf<ResponseOf<'/duty-templates'>>;
export type TemplateDetail = ResponseOf<'/duty-templates/{key}'>;
export type TemplateKey = TemplateSummary['key'];

export type ListPage = ResponseOf<`${E}/duty-lists`>;
export type ListSummary = ItemOf<ListPage>;
export type ListDetail = ResponseOf<`${E}/duty-lists/{id}`>;
export type ListLevel = ListSummary['level'];
export type VersionView = ResponseOf<`${E}/duty-lists/{id}/versions/{version}`>;
export type VersionSummary = ListDetail['versions'][number];
export type VersionStatus = VersionSummary['status'];
export type DutyItem = VersionView['items'][number];
export type ListCreate = BodyOf<`${E}/duty-lists`>;
export type AssignmentsInput = BodyOf<`${E}/duty-lists/{id}/assignments`, 'put'>;
export type Target = ListSummary['targets'][number];

export type Coverage = ResponseOf<`${E}/duty-coverage`>;
export type Ratio = Coverage['posts'];
export type CoverageRow = ItemOf<ResponseOf<'/duty-coverage'>>;
export type Publication = ResponseOf<`${E}/duty-publication`>;
export type PublishedList = Publication['posts'][number]['list'];

export type ReviewList = ResponseOf<`${E}/duty-reviews`>;
export type Review = ItemOf<ReviewList>;
export type ReviewCreate = BodyOf<`${E}/duty-reviews`>;

export type CampaignList = ResponseOf<`${E}/duty-assessments`>;
export type CampaignSummary = ItemOf<CampaignList>;
export type Campaign = ResponseOf<`${E}/duty-assessments/{id}`>;
export type ScorePage = ResponseOf<`${E}/duty-assessments/{id}/scores`>;
export type ScoreRow = ItemOf<ScorePage>;
export type Person = ResponseOf<`${E}/duty-assessments/{id}/people/{employeeId}`>;
export type ScoreInput = BodyOf<`${E}/duty-assessments/{id}/people/{employeeId}`, 'put'>;
export type Notice = ResponseOf<`${E}/duty-assessments/{id}/notice`>;
export type Grade = NonNullable<ScoreRow['grade']>;
export type AssessorKind = ScoreRow['assessorKind'];

export const LIST_LEVELS = ['post', 'department', 'person'] as const satisfies readonly ListLevel[];
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const satisfies readonly Grade[];

const e = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

/** The duty lists' calls (server: src/modules/responsibility/duty-lists). */
export const dutiesApi = {
  templates: (signal?: AbortSignal) => api.get<TemplateSummary[]>('/duty-templates', undefined, { signal }),
  template: (key: TemplateKey, signal?: AbortSignal) => api.get<TemplateDetail>(`/duty-templates/${key}`, undefined, { signal }),

  lists: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<ListPage>(`${e(enterpriseId)}/duty-lists`, query, { signal }),
  list: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}`, undefined, { signal }),
  version: (enterpriseId: string, id: string, version: number, signal?: AbortSignal) =>
    api.get<VersionView>(`${e(enterpriseId)}/duty-lists/${id}/versions/${version}`, undefined, { signal }),
  createList: (enterpriseId: string, body: ListCreate) => api.post<ListDetail>(`${e(enterpriseId)}/duty-lists`, body),
  renameList: (enterpriseId: string, id: string, name: string) => api.patch<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}`, { name }),
  deleteList: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/duty-lists/${id}`),
  saveDraft: (enterpriseId: string, id: string, body: BodyOf<`${E}/duty-lists/{id}/draft`, 'put'>) => api.put<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}/draft`, body),
  discardDraft: (enterpriseId: string, id: string) => api.del<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}/draft`),
  publish: (enterpriseId: string, id: string, body: BodyOf<`${E}/duty-lists/{id}/publish`>) => api.post<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}/publish`, body),
  assign: (enterpriseId: string, id: string, body: AssignmentsInput) => api.put<ListDetail>(`${e(enterpriseId)}/duty-lists/${id}/assignments`, body),
  setPostList: (enterpriseId: string, postId: string, listId: string | null) => api.put<ResponseOf<`${E}/posts/{postId}/duty-list`, 'put'>>(`${e(enterpriseId)}/posts/${postId}/duty-list`, { listId }),

  coverage: (enterpriseId: string, signal?: AbortSignal) => api.get<Coverage>(`${e(enterpriseId)}/duty-coverage`, undefined, { signal }),
  coverageList: (query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/duty-coverage'>>('/duty-coverage', query, { signal }),
  publication: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Publication>(`${e(enterpriseId)}/duty-publication`, query, { signal }),

  reviews: (enterpriseId: string, signal?: AbortSignal) => api.get<ReviewList>(`${e(enterpriseId)}/duty-reviews`, undefined, { signal }),
  createReview: (enterpriseId: string, body: ReviewCreate) => api.post<Review>(`${e(enterpriseId)}/duty-reviews`, body),
  deleteReview: (enterpriseId: string, id: string) => api.del(`${e(enterpriseId)}/duty-reviews/${id}`),
  signReview: (enterpriseId: string, id: string, signature: SignOutcome) => api.post<Review>(`${e(enterpriseId)}/duty-reviews/${id}/sign`, signature),

  campaigns: (enterpriseId: string, signal?: AbortSignal) => api.get<CampaignList>(`${e(enterpriseId)}/duty-assessments`, undefined, { signal }),
  createCampaign: (enterpriseId: string, body: BodyOf<`${E}/duty-assessments`>) => api.post<Campaign>(`${e(enterpriseId)}/duty-assessments`, body),
  campaign: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Campaign>(`${e(enterpriseId)}/duty-assessments/${id}`, undefined, { signal }),
  scores: (enterpriseId: string, id: string, query: Query, signal?: AbortSignal) => api.get<ScorePage>(`${e(enterpriseId)}/duty-assessments/${id}/scores`, query, { signal }),
  person: (enterpriseId: string, id: string, employeeId: string, signal?: AbortSignal) =>
    api.get<Person>(`${e(enterpriseId)}/duty-assessments/${id}/people/${employeeId}`, undefined, { signal }),
  score: (enterpriseId: string, id: string, employeeId: string, body: ScoreInput) => api.put<Person>(`${e(enterpriseId)}/duty-assessments/${id}/people/${employeeId}`, body),
  publishNotice: (enterpriseId: string, id: string, body: BodyOf<`${E}/duty-assessments/{id}/publish`>) => api.post<Campaign>(`${e(enterpriseId)}/duty-assessments/${id}/publish`, body),
  notice: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Notice>(`${e(enterpriseId)}/duty-assessments/${id}/notice`, undefined, { signal }),
  /** The results for HR (.xlsx). */
  exportResults: (enterpriseId: string, id: string, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${e(enterpriseId)}/duty-assessments/${id}/export`, undefined, fallbackName, onProgress),
};

/** The query keys each write names: everything of the enterprise's duty lists, coverage, reviews and assessments. */
export const dutyQueries = (enterpriseId: string) => ({
  all: ['duties', enterpriseId] as const,
  lists: ['duties', enterpriseId, 'lists'] as const,
  coverage: ['duties', enterpriseId, 'coverage'] as const,
  reviews: ['duties', enterpriseId, 'reviews'] as const,
  campaigns: ['duties', enterpriseId, 'campaigns'] as const,
});
