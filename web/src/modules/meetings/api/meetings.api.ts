import type { QueryKey } from '@tanstack/react-query';
import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

type MeetingsPath = '/enterprises/{enterpriseId}/meetings';
type MeetingPath = '/enterprises/{enterpriseId}/meetings/{id}';
type ActionsPath = '/enterprises/{enterpriseId}/meeting-actions';

export type MeetingPage = ResponseOf<MeetingsPath>;
export type MeetingSummary = ItemOf<MeetingPage>;
export type MeetingDetail = ResponseOf<MeetingPath>;
export type MeetingType = MeetingSummary['type'];
export type MeetingStatus = MeetingSummary['status'];
export type MeetingInput = BodyOf<MeetingsPath>;
export type MeetingUpdate = BodyOf<MeetingPath, 'put'>;
export type MeetingFile = MeetingDetail['files'][number];
export type MeetingFileRole = MeetingFile['role'];
export type MeetingDecision = MeetingDetail['decisions'][number];
export type MeetingAction = ItemOf<ResponseOf<ActionsPath>>;
export type ActionStatus = MeetingAction['status'];

export const MEETING_TYPES = ['safety_topic', 'safety_committee', 'regular', 'congress', 'staff_assembly', 'other'] as const satisfies readonly MeetingType[];
export const MEETING_STATUSES = ['draft', 'confirmed', 'voided'] as const satisfies readonly MeetingStatus[];
export const MEETING_FILE_ROLES = ['minutes', 'report', 'photo'] as const satisfies readonly MeetingFileRole[];

/** The queries a meeting or action shows in, for a write's `invalidates`: the enterprise's meetings, actions and the workbench. */
export const meetingQueries = (enterpriseId: string): QueryKey[] => [['meetings', enterpriseId], ['meeting-actions', enterpriseId], ['workbench']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const meetingsApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<MeetingPage>(`${base(enterpriseId)}/meetings`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<MeetingDetail>(`${base(enterpriseId)}/meetings/${id}`, undefined, { signal }),
  record: (enterpriseId: string, body: MeetingInput) => api.post<MeetingDetail>(`${base(enterpriseId)}/meetings`, body),
  update: (enterpriseId: string, id: string, body: MeetingUpdate) => api.put<MeetingDetail>(`${base(enterpriseId)}/meetings/${id}`, body),
  confirm: (enterpriseId: string, id: string, body: BodyOf<`${MeetingPath}/confirm`>) => api.post<MeetingDetail>(`${base(enterpriseId)}/meetings/${id}/confirm`, body),
  void: (enterpriseId: string, id: string, body: BodyOf<`${MeetingPath}/void`>) => api.post<MeetingDetail>(`${base(enterpriseId)}/meetings/${id}/void`, body),
  upload: (enterpriseId: string, id: string, role: MeetingFileRole, files: File[]) => {
    const form = new FormData();
    form.append('role', role);
    for (const f of files) form.append('file', f, f.name);
    return api.upload<ResponseOf<`${MeetingPath}/files`, 'post'>>(`${base(enterpriseId)}/meetings/${id}/files`, form);
  },
  removeFile: (enterpriseId: string, fileId: string) => api.del(`${base(enterpriseId)}/meeting-files/${fileId}`),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${base(enterpriseId)}/meetings/export`, query, fallbackName, onProgress),
  actions: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<ResponseOf<ActionsPath>>(`${base(enterpriseId)}/meeting-actions`, query, { signal }),
  done: (enterpriseId: string, id: string, body: BodyOf<`${ActionsPath}/{id}/done`>) => api.post<MeetingAction>(`${base(enterpriseId)}/meeting-actions/${id}/done`, body),
  cancel: (enterpriseId: string, id: string, body: BodyOf<`${ActionsPath}/{id}/cancel`>) => api.post<MeetingAction>(`${base(enterpriseId)}/meeting-actions/${id}/cancel`, body),
};
