import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type MomentsPath = '/enterprises/{enterpriseId}/key-moments';
type MomentPath = '/enterprises/{enterpriseId}/key-moments/{id}';
type MentorshipsPath = '/enterprises/{enterpriseId}/mentorships';
type MentorshipPath = '/enterprises/{enterpriseId}/mentorships/{id}';

export type KeyMomentList = ResponseOf<MomentsPath>;
export type KeyMomentSummary = ItemOf<KeyMomentList>;
export type KeyMomentKind = KeyMomentSummary['kind'];
export type OfficialHoliday = KeyMomentList['officialHolidays'][number];
export type KeyMomentDetail = ResponseOf<MomentPath>;
export type KeyMomentDay = KeyMomentDetail['dayList'][number];
export type DayStatus = KeyMomentDay['status'];
export type KeyMomentCreate = BodyOf<MomentsPath>;
export type KeyMomentPatch = BodyOf<MomentPath, 'patch'>;
export type KeyMomentTodo = NonNullable<KeyMomentList['todo']>;
export type KeyMomentOverview = ResponseOf<'/key-moments/overview'>;
export type KeyMomentOverviewRow = ItemOf<KeyMomentOverview>;
export type GapList = ResponseOf<'/enterprises/{enterpriseId}/key-moment-gaps'>;
export type PayLinkList = ResponseOf<'/enterprises/{enterpriseId}/pay-links'>;
export type PayLink = ItemOf<PayLinkList>;
export type MentorshipPage = ResponseOf<MentorshipsPath>;
export type MentorshipSummary = ItemOf<MentorshipPage>;
export type MentorshipStatus = MentorshipSummary['status'];
export type MentorshipDetail = ResponseOf<MentorshipPath>;
export type MentorshipCreate = BodyOf<MentorshipsPath>;
export type MentorshipUpdate = BodyOf<MentorshipPath, 'patch'>;
export type SkillInput = BodyOf<`${MentorshipPath}/skills`>;
export type SkillKind = SkillInput['kind'];
export type NewHireList = ResponseOf<'/enterprises/{enterpriseId}/mentoring/new-hires'>;
export type NewHire = ItemOf<NewHireList>;
export type SkillSuggestions = ResponseOf<'/enterprises/{enterpriseId}/posts/{postId}/mentoring-skills'>;
type PostRow = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/posts'>>;

export const KEY_MOMENT_KINDS = ['holiday', 'resumption', 'maintenance'] as const satisfies readonly KeyMomentKind[];
export const MENTORSHIP_STATUSES = ['active', 'completed', 'cancelled'] as const satisfies readonly MentorshipStatus[];
export const SKILL_KINDS = ['procedure', 'risk_card', 'other'] as const satisfies readonly SkillKind[];

/** A post as the pickers show it. */
export type PostOption = { id: string; name: string };

/** The queries a write changes, for its `invalidates`: the module's own lists and details, the duties and the workbench. */
export const keyMomentQueries = (enterpriseId: string): QueryKey[] => [['key-moments', enterpriseId], ['obligations'], ['workbench']];
export const mentoringQueries = (enterpriseId: string): QueryKey[] => [['mentoring', enterpriseId], ['obligations'], ['workbench']];
/** The regulators' list of enterprises (issue 11 §10), by its query. */
export const keyMomentOverviewKey = (query: Query): QueryKey => ['key-moments', 'overview', query];
export const payLinkQueries = (enterpriseId: string): QueryKey[] => [['pay-links', enterpriseId], ['obligations'], ['workbench']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

/** A check-in as the phone sends it: the photo, what was typed, and coordinates only after consent. */
export type CheckinForm = { photo: File; locationText: string; note: string; consent: boolean; latitude?: number; longitude?: number };

export const keyMomentsApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<KeyMomentList>(`${base(enterpriseId)}/key-moments`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<KeyMomentDetail>(`${base(enterpriseId)}/key-moments/${id}`, undefined, { signal }),
  declare: (enterpriseId: string, body: KeyMomentCreate) => api.post<KeyMomentDetail>(`${base(enterpriseId)}/key-moments`, body),
  setLeader: (enterpriseId: string, id: string, body: BodyOf<`${MomentPath}/leader`, 'put'>) => api.put<KeyMomentDetail>(`${base(enterpriseId)}/key-moments/${id}/leader`, body),
  update: (enterpriseId: string, id: string, body: KeyMomentPatch) => api.patch<KeyMomentDetail>(`${base(enterpriseId)}/key-moments/${id}`, body),
  remove: (enterpriseId: string, id: string, version: number) => api.del<{ ok: true }>(`${base(enterpriseId)}/key-moments/${id}?version=${version}`),
  overview: (query: Query, signal?: AbortSignal) => api.get<KeyMomentOverview>('/key-moments/overview', query, { signal }),
  checkIn: (enterpriseId: string, id: string, c: CheckinForm) => {
    const form = new FormData();
    form.append('locationText', c.locationText);
    form.append('note', c.note);
    form.append('locationConsent', c.consent ? 'true' : 'false');
    if (c.consent && c.latitude !== undefined && c.longitude !== undefined) {
      form.append('latitude', c.latitude.toFixed(6));
      form.append('longitude', c.longitude.toFixed(6));
    }
    form.append('photo', c.photo, c.photo.name || 'photo.jpg');
    return api.upload<KeyMomentDetail>(`${base(enterpriseId)}/key-moments/${id}/checkins`, form);
  },
  gaps: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<GapList>(`${base(enterpriseId)}/key-moment-gaps`, { year }, { signal }),

  payLinks: (enterpriseId: string, signal?: AbortSignal) => api.get<PayLinkList>(`${base(enterpriseId)}/pay-links`, undefined, { signal }),
  recordPayLink: (enterpriseId: string, v: { year: number; description: string; documents: File[]; photos: File[] }) => {
    const form = new FormData();
    form.append('year', String(v.year));
    form.append('description', v.description);
    for (const f of v.documents) form.append('document', f, f.name);
    for (const f of v.photos) form.append('photo', f, f.name);
    return api.upload<{ id: string }>(`${base(enterpriseId)}/pay-links`, form);
  },

  mentorships: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<MentorshipPage>(`${base(enterpriseId)}/mentorships`, query, { signal }),
  mentorship: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}`, undefined, { signal }),
  startMentorship: (enterpriseId: string, body: MentorshipCreate) => api.post<MentorshipDetail>(`${base(enterpriseId)}/mentorships`, body),
  updateMentorship: (enterpriseId: string, id: string, body: MentorshipUpdate) => api.patch<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}`, body),
  complete: (enterpriseId: string, id: string, version: number) => api.post<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}/complete`, { version }),
  cancel: (enterpriseId: string, id: string, reason: string, version: number) => api.post<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}/cancel`, { reason, version }),
  addSkill: (enterpriseId: string, id: string, body: SkillInput) => api.post<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}/skills`, body),
  signSkill: (enterpriseId: string, id: string, skillId: string) => api.post<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}/skills/${skillId}/sign`, {}),
  removeSkill: (enterpriseId: string, id: string, skillId: string) => api.del<MentorshipDetail>(`${base(enterpriseId)}/mentorships/${id}/skills/${skillId}`),
  skillSuggestions: (enterpriseId: string, postId: string) => api.get<SkillSuggestions>(`${base(enterpriseId)}/posts/${postId}/mentoring-skills`),
  newHires: (enterpriseId: string, signal?: AbortSignal) => api.get<NewHireList>(`${base(enterpriseId)}/mentoring/new-hires`, undefined, { signal }),
  posts: async (enterpriseId: string, signal?: AbortSignal): Promise<PostOption[]> => {
    const rows = await api.get<ResponseOf<'/enterprises/{enterpriseId}/posts'>>(`${base(enterpriseId)}/posts`, undefined, { signal });
    return rows.map((p: PostRow) => ({ id: p.id, name: p.name }));
  },
};
