import type { QueryKey } from '@tanstack/react-query';
import { api, type OnExportProgress, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type HazardStatus = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>['status'];
export const HAZARD_STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'voided'] as const satisfies readonly HazardStatus[];
export type HazardLevel = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>['level'];
export const HAZARD_LEVELS = ['general', 'major'] as const satisfies readonly HazardLevel[];
export type HazardSource = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>['source'];
export const HAZARD_SOURCES = ['self_check', 'employee_report', 'regulator', 'tip_off', 'insurer', 'service'] as const satisfies readonly HazardSource[];
export type HazardClass = NonNullable<ItemOf<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>['hazardClass']>;
export const HAZARD_CLASSES = ['thing', 'behaviour', 'management'] as const satisfies readonly HazardClass[];

/** The named operations of the closed loop, as the server names them in `abilities`. */
export type HazardOp = Exclude<keyof ResponseOf<'/enterprises/{enterpriseId}/hazards/{id}'>['abilities'], 'editPlan' | 'supervise' | 'delist'>;

type HazardPath = '/enterprises/{enterpriseId}/hazards/{id}';

type EnterpriseHazardRow = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>;
type CrossHazardRow = ItemOf<ResponseOf<'/hazards'>>;
type Shared = keyof EnterpriseHazardRow & keyof CrossHazardRow;
/**
 * A row of a hazard list: an enterprise's ledger, or the regulators' cross-enterprise list, which names the enterprise
 * and leaves out the people and units inside it.
 */
export type HazardSummary = Pick<EnterpriseHazardRow, Shared> & Partial<Omit<EnterpriseHazardRow, Shared>> & Partial<Omit<CrossHazardRow, Shared>>;
export type HazardDetail = ResponseOf<HazardPath>;
export type HazardPhoto = HazardDetail['photos'][number];
export type HazardEvent = HazardDetail['events'][number];
export type HazardExtension = HazardDetail['extensions'][number];
export type FiveInPlacePlan = BodyOf<`${HazardPath}/plan`, 'put'>;
export type Supervision = NonNullable<HazardDetail['supervision']>;
export type HazardAbilities = HazardDetail['abilities'];

export type HazardReportInput = BodyOf<'/enterprises/{enterpriseId}/hazards'>;
export type ConfirmInput = BodyOf<`${HazardPath}/confirm`>;
export type AssignInput = BodyOf<`${HazardPath}/assign`>;

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/hazards`;

/**
 * The queries a new or changed hazard shows in, for a write's `invalidates`: the enterprise's ledgers and records
 * (`['hazards', enterpriseId, …]`), the regulators' cross-enterprise lists, 我上报的, the figures, the leaderboard
 * (points for confirmed reports) and the workbench.
 */
export const hazardQueries = (enterpriseId: string): QueryKey[] => [
  ['hazards', enterpriseId], ['hazards', 'cross'], ['hazards', 'reported-by-me'], ['hazard-stats'], ['hazard-leaderboard', enterpriseId], ['workbench'],
];

export type Assignee = ItemOf<ResponseOf<'/enterprises/{enterpriseId}/assignees'>>;
/** The units a hazard may be placed in, with their paths, and the unit the caller's own reports default to. */
export type HazardUnits = ResponseOf<'/enterprises/{enterpriseId}/hazard-units'>;
export type HazardUnit = HazardUnits['units'][number];

export const hazardsApi = {
  assignees: (enterpriseId: string, q: string | undefined, signal?: AbortSignal) =>
    api.get<Assignee[]>(`/enterprises/${enterpriseId}/assignees`, { q }, { signal }),
  units: (enterpriseId: string, signal?: AbortSignal) => api.get<HazardUnits>(`/enterprises/${enterpriseId}/hazard-units`, undefined, { signal }),
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<ResponseOf<'/enterprises/{enterpriseId}/hazards'>>(base(enterpriseId), query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<HazardDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  report: (enterpriseId: string, body: HazardReportInput) => api.post<ResponseOf<'/enterprises/{enterpriseId}/hazards', 'post'>>(base(enterpriseId), body),
  confirm: (enterpriseId: string, id: string, body: ConfirmInput) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/confirm`, body),
  assign: (enterpriseId: string, id: string, body: AssignInput) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/assign`, body),
  submit: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/submit`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/submit`, body),
  fixOnSpot: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/fix-on-spot`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/fix-on-spot`, body),
  accept: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/accept`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/accept`, body),
  reject: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/reject`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/reject`, body),
  void: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/void`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/void`, body),
  requestExtension: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/extensions`>) =>
    api.post<HazardDetail>(`${base(enterpriseId)}/${id}/extensions`, body),
  decideExtension: (enterpriseId: string, id: string, extensionId: string, body: BodyOf<`${HazardPath}/extensions/{extensionId}/decision`>) =>
    api.post<HazardDetail>(`${base(enterpriseId)}/${id}/extensions/${extensionId}/decision`, body),
  savePlan: (enterpriseId: string, id: string, body: FiveInPlacePlan) => api.put<HazardDetail>(`${base(enterpriseId)}/${id}/plan`, body),
  supervise: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/supervision`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/supervision`, body),
  delist: (enterpriseId: string, id: string, body: BodyOf<`${HazardPath}/supervision/delist`>) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/supervision/delist`, body),
  uploadPhotos: (enterpriseId: string, files: Blob[]) => {
    const form = new FormData();
    files.forEach((f, i) => form.append('file', f, f instanceof File ? f.name : `photo-${i + 1}.jpg`));
    return api.upload<ResponseOf<'/enterprises/{enterpriseId}/photos', 'post'>>(`/enterprises/${enterpriseId}/photos`, form);
  },
  photoUrl: (enterpriseId: string, photoId: string) => `/api/v1/enterprises/${enterpriseId}/photos/${photoId}`,
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
};
