import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type E = '/enterprises/{enterpriseId}';
export type Templates = ResponseOf<`${E}/letter-templates`>;
export type Template = Templates['items'][number];
export type LetterKind = Template['kind'];
export type Campaigns = ResponseOf<`${E}/letter-campaigns`>;
export type CampaignSummary = Campaigns['items'][number];
export type CampaignDetail = ResponseOf<`${E}/letter-campaigns/{id}`>;
export type CampaignInput = BodyOf<`${E}/letter-campaigns`>;
export type LetterPage = ResponseOf<`${E}/letter-campaigns/{id}/letters`>;
export type LetterRow = ItemOf<LetterPage>;
export type LetterStatus = LetterRow['status'];
export type LetterDetail = ResponseOf<`${E}/letters/{id}`>;
export type PaperLists = ResponseOf<`${E}/letter-campaigns/{id}/paper-lists`>;
export type CommitmentList = ResponseOf<`${E}/commitments`>;
export type Commitment = ResponseOf<`${E}/commitments/{id}`>;
export type CommitmentPatch = BodyOf<`${E}/commitments/{id}`, 'patch'>;
export type CommitmentPoster = ResponseOf<`${E}/commitments/{id}/poster`>;
export type CommitmentOverview = ResponseOf<'/commitments'>;
export type CommitmentOverviewRow = ItemOf<CommitmentOverview>;
export type SignatureMethod = NonNullable<LetterRow['method']>;
export type NoticeMonth = ResponseOf<`${E}/daily-notices`>;
export type Notice = ResponseOf<`${E}/daily-notices/{id}`>;
export type NoticeInput = BodyOf<`${E}/daily-notices`>;
export type NoticePatch = BodyOf<`${E}/daily-notices/{id}`, 'patch'>;
export type NoticeOverview = ResponseOf<'/daily-notices'>;
export type NoticeOverviewRow = ItemOf<NoticeOverview>;
export type SpecialWorkKind = keyof Notice['specialWork'];
/** The eight special operations (GB 30871), in the notice's order. */
export const SPECIAL_WORK_KINDS = [
  'hot_work', 'confined_space', 'blind_plate', 'work_at_height', 'lifting', 'temporary_power', 'excavation', 'road_closure',
] as const satisfies readonly SpecialWorkKind[];

export const LETTER_KINDS = ['responsibility', 'commitment'] as const satisfies readonly LetterKind[];
export const LETTER_STATUSES = ['pending', 'signed', 'paper', 'left'] as const satisfies readonly LetterStatus[];

/** The queries a letter or campaign shows in, for a write's `invalidates`. */
export const letterQueries = (enterpriseId: string): QueryKey[] => [['letters', enterpriseId], ['letters', 'mine'], ['workbench'], ['obligations']];
export const commitmentQueries = (enterpriseId: string): QueryKey[] => [['commitments', enterpriseId], ['workbench'], ['obligations']];
export const noticeQueries = (enterpriseId: string): QueryKey[] => [['daily-notices', enterpriseId], ['daily-notices', 'overview'], ['workbench']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

/** The signing route's body from the dialog's outcome (the person chosen in "sign for another" is the letter's). */
function signBody(o: SignOutcome) {
  if (o.method === 'proxy_pad') return { method: o.method, imageAttachmentId: o.imageAttachmentId, idLast4: o.idLast4, device: o.device };
  if (o.method === 'password') return { method: o.method, password: o.password, device: o.device };
  return { method: o.method, imageAttachmentId: o.imageAttachmentId, device: o.device };
}

export const lettersApi = {
  templates: (enterpriseId: string, signal?: AbortSignal) => api.get<Templates>(`${base(enterpriseId)}/letter-templates`, undefined, { signal }),
  saveTemplate: (enterpriseId: string, kind: LetterKind, body: BodyOf<`${E}/letter-templates/{kind}`, 'put'>) =>
    api.put<Templates>(`${base(enterpriseId)}/letter-templates/${kind}`, body),
  campaigns: (enterpriseId: string, signal?: AbortSignal) => api.get<Campaigns>(`${base(enterpriseId)}/letter-campaigns`, undefined, { signal }),
  campaign: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<CampaignDetail>(`${base(enterpriseId)}/letter-campaigns/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: CampaignInput) => api.post<CampaignDetail>(`${base(enterpriseId)}/letter-campaigns`, body),
  letters: (enterpriseId: string, id: string, query: Query, signal?: AbortSignal) => api.get<LetterPage>(`${base(enterpriseId)}/letter-campaigns/${id}/letters`, query, { signal }),
  remind: (enterpriseId: string, id: string) => api.post<{ notified: number }>(`${base(enterpriseId)}/letter-campaigns/${id}/remind`, {}),
  paperLists: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<PaperLists>(`${base(enterpriseId)}/letter-campaigns/${id}/paper-lists`, undefined, { signal }),
  paperScanUrl: (enterpriseId: string, id: string, attachmentId: string) => `/api/v1${base(enterpriseId)}/letter-campaigns/${id}/paper-lists/${attachmentId}/file`,
  recordPaper: (enterpriseId: string, id: string, employeeIds: string[], file: File) => {
    const form = new FormData();
    form.append('employeeIds', JSON.stringify(employeeIds));
    form.append('file', file, file.name);
    return api.upload<ResponseOf<`${E}/letter-campaigns/{id}/paper-lists`, 'post'>>(`${base(enterpriseId)}/letter-campaigns/${id}/paper-lists`, form);
  },
  confirmPaper: (enterpriseId: string, id: string, attachmentId: string) =>
    api.post<ResponseOf<`${E}/letter-campaigns/{id}/paper-lists/{attachmentId}/confirm`, 'post'>>(`${base(enterpriseId)}/letter-campaigns/${id}/paper-lists/${attachmentId}/confirm`, {}),
  mine: (signal?: AbortSignal) => api.get<ResponseOf<'/letters/mine'>>('/letters/mine', undefined, { signal }),
  letter: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<LetterDetail>(`${base(enterpriseId)}/letters/${id}`, undefined, { signal }),
  sign: (enterpriseId: string, id: string, outcome: SignOutcome) => api.post<LetterDetail>(`${base(enterpriseId)}/letters/${id}/sign`, signBody(outcome)),

  commitments: (enterpriseId: string, signal?: AbortSignal) => api.get<CommitmentList>(`${base(enterpriseId)}/commitments`, undefined, { signal }),
  commitment: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Commitment>(`${base(enterpriseId)}/commitments/${id}`, undefined, { signal }),
  draftCommitment: (enterpriseId: string, body: BodyOf<`${E}/commitments`>) => api.post<Commitment>(`${base(enterpriseId)}/commitments`, body),
  updateCommitment: (enterpriseId: string, id: string, body: CommitmentPatch) => api.patch<Commitment>(`${base(enterpriseId)}/commitments/${id}`, body),
  signCommitment: (enterpriseId: string, id: string, outcome: SignOutcome, version: number) =>
    api.post<Commitment>(`${base(enterpriseId)}/commitments/${id}/sign`, { ...signBody(outcome), version }),
  reportCommitment: (enterpriseId: string, id: string) => api.post<Commitment>(`${base(enterpriseId)}/commitments/${id}/report`, {}),
  poster: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<CommitmentPoster>(`${base(enterpriseId)}/commitments/${id}/poster`, undefined, { signal }),
  overview: (query: Query, signal?: AbortSignal) => api.get<CommitmentOverview>('/commitments', query, { signal }),

  noticeMonth: (enterpriseId: string, month: string | undefined, signal?: AbortSignal) =>
    api.get<NoticeMonth>(`${base(enterpriseId)}/daily-notices`, month ? { month } : undefined, { signal }),
  notice: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Notice>(`${base(enterpriseId)}/daily-notices/${id}`, undefined, { signal }),
  draftNotice: (enterpriseId: string, body: NoticeInput) => api.post<Notice>(`${base(enterpriseId)}/daily-notices`, body),
  updateNotice: (enterpriseId: string, id: string, body: NoticePatch) => api.patch<Notice>(`${base(enterpriseId)}/daily-notices/${id}`, body),
  signNotice: (enterpriseId: string, id: string, outcome: SignOutcome, version: number) =>
    api.post<Notice>(`${base(enterpriseId)}/daily-notices/${id}/sign`, { ...signBody(outcome), version }),
  noticeOverview: (query: Query, signal?: AbortSignal) => api.get<NoticeOverview>('/daily-notices', query, { signal }),
};
