import type { QueryKey } from '@tanstack/react-query';
import { api, type OnExportProgress, type OnUploadProgress, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';

/*
 * The drill screens' calls (server: src/modules/emergency/drills/drill.routes.ts). The shapes are written out here, as
 * the routes' response schemas (drill.schema.ts) declare them, until the generated API types include them.
 */

export const PLAN_KINDS = ['comprehensive', 'special', 'onsite'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const DRILL_FORMS = ['tabletop', 'practical'] as const;
export type DrillForm = (typeof DRILL_FORMS)[number];
export const DRILL_STATUSES = ['recorded', 'evaluated', 'reported', 'voided'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];
export type DutyStatus = 'upcoming' | 'due' | 'fulfilled' | 'late_fulfilled' | 'overdue' | 'waived' | 'none';
export type SignIn = 'manual' | 'signature' | 'qr';

export type DrillSummary = {
  id: string; enterpriseId: string; enterpriseName: string; planId: string; planTitle: string; planKind: PlanKind; form: DrillForm; scenario: string;
  startedAt: string; endedAt: string; place: string; organiserName: string; byPrincipal: boolean; status: DrillStatus; reportedAt: string | null;
  participantCount: number; openActions: number; overdueActions: number;
};
export type DrillPage = { items: DrillSummary[]; total: number; page: number; pageSize: number; canRecord?: boolean };
export type DrillAction = {
  id: string; drillId: string; content: string; ownerEmployeeId: string; ownerName: string; dueOn: string; status: 'open' | 'done' | 'cancelled';
  overdue: boolean; doneNote: string | null; doneAt: string | null; doneByName: string | null; hazardId: string | null; version: number;
  abilities: { done: boolean; cancel: boolean; openHazard: boolean };
};
export type DrillDetail = DrillSummary & {
  organiserEmployeeId: string; principalConfirmedAt: string | null; wentWell: string; problems: string; planNeedsRevision: boolean | null;
  evaluatedAt: string | null; recordedByName: string | null; voidReason: string | null; version: number; mustReport: boolean;
  participants: { employeeId: string; name: string; unitName: string | null; signIn: SignIn; signedAt: string | null }[];
  actions: DrillAction[];
  /** Photos and videos, oldest first; locked once the drill is evaluated. */
  files: { id: string; kind: 'photo' | 'video'; name: string; mime: string; size: number; locked: boolean; url: string }[];
  /** How many videos the drill may keep (the `drills` rule-set). */
  maxVideos: number;
  events: { op: string; from: string | null; to: string; actorName: string | null; at: string; note: string }[];
  abilities: { update: boolean; confirmPrincipal: boolean; evaluate: boolean; report: boolean; void: boolean; upload: boolean };
};
export type Duty = { periodKey: string; status: DutyStatus; dueOn: string | null; drillId: string | null };
export type DrillPlan = {
  year: number; yearly: Duty; principal: Duty; halfYear: { owed: boolean; report: boolean; periods: Duty[] };
  onsite: { planId: string; title: string; periods: Duty[] }[];
  plans: { id: string; kind: PlanKind; title: string; status: string }[];
  canRecord: boolean;
};
export type DrillInput = {
  planId: string; form: DrillForm; scenario: string; startedAt: string; endedAt: string; place: string; organiserEmployeeId: string;
  participants: { employeeId: string; signIn?: SignIn }[];
};
export type SignInRoster = {
  items: { employeeId: string; name: string; unitName: string | null; hasAccount: boolean; signedIn: boolean }[];
  selfPending: boolean;
};
export type EvaluateInput = {
  wentWell: string; problems: string; planNeedsRevision: boolean; actions: { content: string; ownerEmployeeId: string; dueOn: string }[]; version?: number;
};

/** The queries a drill shows in, for a write's `invalidates`. */
export const drillQueries = (enterpriseId: string): QueryKey[] => [['drills', enterpriseId], ['drill-plan', enterpriseId], ['workbench']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const drillsApi = {
  plan: (enterpriseId: string, year: number | undefined, signal?: AbortSignal) => api.get<DrillPlan>(`${base(enterpriseId)}/drill-plan`, { year }, { signal }),
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<DrillPage>(`${base(enterpriseId)}/drills`, query, { signal }),
  reported: (query: Query, signal?: AbortSignal) => api.get<DrillPage>('/drills/reported', query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<DrillDetail>(`${base(enterpriseId)}/drills/${id}`, undefined, { signal }),
  record: (enterpriseId: string, body: DrillInput) => api.post<DrillDetail>(`${base(enterpriseId)}/drills`, body),
  update: (enterpriseId: string, id: string, body: DrillInput & { version?: number }) => api.put<DrillDetail>(`${base(enterpriseId)}/drills/${id}`, body),
  /** The participants for the sign-in device, and whether the caller may sign in himself. */
  signInRoster: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<SignInRoster>(`${base(enterpriseId)}/drills/${id}/sign-in`, undefined, { signal }),
  /** A participant signs in: on his own account, or (no account) on this device with the last four of his ID. */
  signIn: (enterpriseId: string, id: string, outcome: SignOutcome) => api.post<DrillDetail>(`${base(enterpriseId)}/drills/${id}/sign-in`, outcome),
  confirmPrincipal: (enterpriseId: string, id: string, version?: number) => api.post<DrillDetail>(`${base(enterpriseId)}/drills/${id}/confirm-principal`, { version }),
  evaluate: (enterpriseId: string, id: string, body: EvaluateInput) => api.post<DrillDetail>(`${base(enterpriseId)}/drills/${id}/evaluate`, body),
  report: (enterpriseId: string, id: string, version?: number) => api.post<DrillDetail>(`${base(enterpriseId)}/drills/${id}/report`, { version }),
  void: (enterpriseId: string, id: string, reason: string, version?: number) => api.post<DrillDetail>(`${base(enterpriseId)}/drills/${id}/void`, { reason, version }),
  upload: (enterpriseId: string, id: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId)}/drills/${id}/files`, form);
  },
  /** One video (field `video` of the same upload), with the share sent so far. */
  uploadVideo: (enterpriseId: string, id: string, file: File, onProgress: OnUploadProgress) => {
    const form = new FormData();
    form.append('video', file, file.name);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId)}/drills/${id}/files`, form, undefined, onProgress);
  },
  done: (enterpriseId: string, id: string, note: string) => api.post<DrillAction>(`${base(enterpriseId)}/drill-actions/${id}/done`, { note }),
  cancel: (enterpriseId: string, id: string, reason: string) => api.post<DrillAction>(`${base(enterpriseId)}/drill-actions/${id}/cancel`, { reason }),
  hazard: (enterpriseId: string, id: string) => api.post<DrillAction>(`${base(enterpriseId)}/drill-actions/${id}/hazard`, {}),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(`${base(enterpriseId)}/drills/export`, query, fallbackName, onProgress),
};
