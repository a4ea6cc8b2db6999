import { api, type Page, type Query, type OnExportProgress } from '../../../app/api';

export const HAZARD_STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'voided'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
export const HAZARD_SOURCES = ['self_check', 'employee_report', 'regulator', 'tip_off', 'insurer', 'service'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];
export const HAZARD_CLASSES = ['thing', 'behaviour', 'management'] as const;
export type HazardClass = (typeof HAZARD_CLASSES)[number];

/** The named operations of the closed loop, as the server names them in `abilities`. */
export type HazardOp = 'confirm' | 'assign' | 'submit' | 'accept' | 'reject' | 'void' | 'fixOnSpot' | 'requestExtension' | 'decideExtension';

export type HazardSummary = {
  id: string;
  code: string;
  title: string;
  source: HazardSource;
  hazardClass: HazardClass | null;
  level: HazardLevel;
  status: HazardStatus;
  orgUnitId: string;
  orgUnitName: string;
  riskPointId: string | null;
  riskPointName: string | null;
  location: string;
  reportedAt: string;
  reporterName: string | null;
  rectifierId: string | null;
  rectifierName: string | null;
  deadline: string | null;
  overdue: boolean;
  /** 0 none, 1 unit leader, 2 principal, 3 regulator. */
  escalationLevel: number;
  supervised: boolean;
  closedAt: string | null;
  /** Present on cross-enterprise lists (regulators). */
  enterpriseId?: string;
  enterpriseName?: string;
  subdistrictName?: string;
  industryName?: string;
};

export type HazardPhoto = { id: string; stage: 'before' | 'after' | 'evidence'; url: string };
export type HazardEvent = { op: string; from: string | null; to: string; actorName: string | null; at: string; note: string; photoIds: string[] };
export type HazardExtension = {
  id: string; oldDeadline: string; newDeadline: string; reason: string; status: 'pending' | 'approved' | 'rejected';
  requestedAt: string; decidedAt: string | null; decisionNote: string;
};
export type FiveInPlacePlan = { responsiblePerson: string; measures: string; funds: number; timeLimit: string; contingencyPlan: string };
export type Supervision = { deadline: string; note: string; status: 'listed' | 'delisted'; listedAt: string; delistedAt: string | null };
export type HazardAbilities = Record<HazardOp, boolean> & { editPlan: boolean; supervise: boolean; delist: boolean };

export type HazardDetail = HazardSummary & {
  enterpriseId: string;
  description: string;
  majorCriterion: string | null;
  measures: string;
  funds: number | null;
  acceptanceNote: string;
  voidReason: string | null;
  onSpot: boolean;
  version: number;
  photos: HazardPhoto[];
  events: HazardEvent[];
  extensions: HazardExtension[];
  plan: FiveInPlacePlan | null;
  supervision: Supervision | null;
  abilities: HazardAbilities;
};

export type HazardReportInput = {
  title: string;
  description?: string;
  level?: HazardLevel;
  majorCriterion?: string;
  riskPointId?: string;
  orgUnitId?: string;
  postId?: string;
  location?: string;
  photoIds: string[];
};

export type ConfirmInput = { level: HazardLevel; hazardClass: HazardClass; majorCriterion?: string; title?: string; note: string };
export type AssignInput = { rectifierId: string; measures: string; deadline: string; funds?: number; note: string };

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/hazards`;

export type Assignee = { id: string; username: string; displayName: string; role: string; roleName: string };

export const hazardsApi = {
  assignees: (enterpriseId: string, q: string | undefined, signal?: AbortSignal) =>
    api.get<Assignee[]>(`/enterprises/${enterpriseId}/assignees`, { q }, { signal }),
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Page<HazardSummary>>(base(enterpriseId), query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<HazardDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  report: (enterpriseId: string, body: HazardReportInput) => api.post<{ id: string; code: string; status: HazardStatus }>(base(enterpriseId), body),
  confirm: (enterpriseId: string, id: string, body: ConfirmInput) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/confirm`, body),
  assign: (enterpriseId: string, id: string, body: AssignInput) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/assign`, body),
  submit: (enterpriseId: string, id: string, body: { note: string; photoIds: string[] }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/submit`, body),
  fixOnSpot: (enterpriseId: string, id: string, body: { note: string; photoIds: string[] }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/fix-on-spot`, body),
  accept: (enterpriseId: string, id: string, body: { note: string }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/accept`, body),
  reject: (enterpriseId: string, id: string, body: { note: string }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/reject`, body),
  void: (enterpriseId: string, id: string, body: { reason: string }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/void`, body),
  requestExtension: (enterpriseId: string, id: string, body: { newDeadline: string; reason: string }) =>
    api.post<HazardDetail>(`${base(enterpriseId)}/${id}/extensions`, body),
  decideExtension: (enterpriseId: string, id: string, extensionId: string, body: { approve: boolean; note: string }) =>
    api.post<HazardDetail>(`${base(enterpriseId)}/${id}/extensions/${extensionId}/decision`, body),
  savePlan: (enterpriseId: string, id: string, body: FiveInPlacePlan) => api.put<HazardDetail>(`${base(enterpriseId)}/${id}/plan`, body),
  supervise: (enterpriseId: string, id: string, body: { deadline: string; note: string }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/supervision`, body),
  delist: (enterpriseId: string, id: string, body: { note: string }) => api.post<HazardDetail>(`${base(enterpriseId)}/${id}/supervision/delist`, body),
  uploadPhotos: (enterpriseId: string, files: Blob[]) => {
    const form = new FormData();
    files.forEach((f, i) => form.append('file', f, f instanceof File ? f.name : `photo-${i + 1}.jpg`));
    return api.upload<{ ids: string[] }>(`/enterprises/${enterpriseId}/photos`, form);
  },
  photoUrl: (enterpriseId: string, photoId: string) => `/api/v1/enterprises/${enterpriseId}/photos/${photoId}`,
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
};
