import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';
import type { SignOutcome } from '../../../app/components/SignDialog';
import type { ImportMode, SpreadsheetImportReport } from '../../../app/components/SpreadsheetImportModal';
import type { CourseType } from '../course-types';

// The training routes (server: src/modules/management/training/training.schema.ts), written out after its schemas.

export type Role = 'principal' | 'safety_manager' | 'employee';
export type UnitCount = { orgUnitId: string; name: string; people: number; shortfall: number; legalCovered: number };
export type TrainingOverview = {
  enterpriseId: string; enterpriseName: string; year: number; highRisk: boolean; people: number; shortfallPeople: number; hoursThisYear: number;
  legalEducation: { covered: number; people: number; rate: number | null }; byUnit: UnitCount[]; planReviewedQuarters: number[];
  abilities: { canManage: boolean; canReview: boolean; canRecord: boolean };
};
export type PersonShortfall = {
  employeeId: string; name: string; unitName: string; employmentForm: string; role: Role; roleName: string; phase: 'initial' | 'yearly';
  required: number; done: number; missing: number; openRetraining: number; short: boolean;
};
export type ShortfallList = { year: number; highRisk: boolean; items: PersonShortfall[]; people: number; shortfallPeople: number; byUnit: UnitCount[] };
export type PlanItem = { lineNo?: number; courseType: CourseType; courseName?: string; title: string; target: string; plannedHours: number; month: number };
export type Plan = { id: string | null; year: number; note: string; version: number | null; items: Required<PlanItem>[]; abilities: { canEdit: boolean } };
export type Session = {
  id: string; courseType: CourseType; courseName: string; title: string; trainer: string; heldOn: string; hours: number; examHeld: boolean; note: string;
  attendees: number; version: number; checkinOpenUntil: string | null;
};
export type Method = 'qr' | 'proxy_pad' | 'import' | 'manager';
export type SessionDetail = Session & {
  attendance: { employeeId: string; name: string; unitName: string; method: Method; score: number | null; passed: boolean | null; signed: boolean; recordedAt: string }[];
  materials: { id: string; name: string; mime: string; size: number }[];
  abilities: { canManage: boolean; canRecord: boolean };
};
export type SessionInput = { courseType: CourseType; title: string; trainer: string; heldOn: string; hours: number; examHeld: boolean; note: string };
export type Roster = { items: { employeeId: string; name: string; unitName: string; hasAccount: boolean; attended: boolean }[] };
export type Retraining = { id: string; reason: 'post_change' | 'return' | 'new_process' | 'new_equipment'; occurredOn: string; awaySince: string | null; note: string; coveredOn: string | null };
export type Archive = {
  enterpriseName: string; employeeId: string; name: string; idNumberMasked: string; unitName: string; employmentForm: string; hireDate: string | null; active: boolean;
  role: Role; roleName: string; now: PersonShortfall | null; hoursByYear: { year: number; hours: number; sessions: number }[];
  sessions: { sessionId: string; heldOn: string; courseType: CourseType; courseName: string; title: string; trainer: string; hours: number; method: Method; score: number | null; passed: boolean | null }[];
  retraining: Retraining[]; priorTraining: { note: string; recordedAt: string; hasEvidence: boolean } | null; inductionPassed: boolean;
};
export type ReportLine = PlanItem & { courseName: string; held: { id: string; title: string; heldOn: string; hours: number; attendees: number }[]; heldHours: number; done: boolean };
export type PlanReport = {
  year: number; quarter: number; from: string; to: string; planExists: boolean; lines: ReportLine[];
  unplanned: { id: string; courseType: CourseType; courseName: string; title: string; heldOn: string; hours: number; attendees: number }[];
  plannedItems: number; doneItems: number; plannedHours: number; heldHours: number; sessions: number; attendances: number; people: number; shortfallPeople: number; legalCovered: number;
};
export type Review = { id: string; year: number; quarter: number; comments: string; report: PlanReport; contentSha256: string; signedAt: string; signedByName: string | null };
export type OverviewRow = {
  enterpriseId: string; name: string; subdistrictName: string; industryName: string; people: number; shortfallPeople: number; legalEducationCovered: number;
  legalEducationRate: number | null; hoursThisYear: number; planReviewedQuarters: number;
};

export const trainingQueries = (enterpriseId: string): QueryKey[] => [['training', enterpriseId], ['training', 'overview'], ['obligations']];
const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/training`;

export const trainingApi = {
  overview: (e: string, signal?: AbortSignal) => api.get<TrainingOverview>(base(e), undefined, { signal }),
  shortfalls: (e: string, all: boolean, signal?: AbortSignal) => api.get<ShortfallList>(`${base(e)}/shortfalls`, { all: all ? 'yes' : 'no' }, { signal }),
  plan: (e: string, year: number, signal?: AbortSignal) => api.get<Plan>(`${base(e)}/plans/${year}`, undefined, { signal }),
  savePlan: (e: string, year: number, body: { note: string; items: PlanItem[]; version?: number }) => api.put<Plan>(`${base(e)}/plans/${year}`, body),
  sessions: (e: string, year: number, signal?: AbortSignal) => api.get<{ year: number; items: Session[]; abilities: { canManage: boolean } }>(`${base(e)}/sessions`, { year }, { signal }),
  session: (e: string, id: string, signal?: AbortSignal) => api.get<SessionDetail>(`${base(e)}/sessions/${id}`, undefined, { signal }),
  createSession: (e: string, body: SessionInput) => api.post<SessionDetail>(`${base(e)}/sessions`, body),
  deleteSession: (e: string, id: string) => api.del(`${base(e)}/sessions/${id}`),
  checkin: (e: string, id: string) => api.post<{ url: string; fullUrl: string; svg: string; expiresAt: string }>(`${base(e)}/sessions/${id}/checkin`),
  roster: (e: string, id: string, signal?: AbortSignal) => api.get<Roster>(`${base(e)}/sessions/${id}/roster`, undefined, { signal }),
  proxy: (e: string, id: string, s: SignOutcome) => {
    if (s.method !== 'proxy_pad') throw new Error('proxy_pad expected');
    return api.post<SessionDetail>(`${base(e)}/sessions/${id}/attendance`, { employeeId: s.employeeId, idLast4: s.idLast4, imageAttachmentId: s.imageAttachmentId, device: s.device });
  },
  result: (e: string, id: string, employeeId: string, body: { score?: number | null; passed?: boolean | null }) =>
    api.put<SessionDetail>(`${base(e)}/sessions/${id}/attendance/${employeeId}`, body),
  removeAttendance: (e: string, id: string, employeeId: string) => api.del<SessionDetail>(`${base(e)}/sessions/${id}/attendance/${employeeId}`),
  uploadMaterial: (e: string, id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ ids: string[] }>(`${base(e)}/sessions/${id}/materials`, form);
  },
  materialUrl: (e: string, fileId: string) => `/api/v1${base(e)}/materials/${fileId}`,
  addRetraining: (e: string, body: { employeeId: string; reason: Retraining['reason']; occurredOn: string; awaySince: string | null; note: string }) =>
    api.post<Archive>(`${base(e)}/retraining`, body),
  archive: (e: string, employeeId: string, signal?: AbortSignal) => api.get<Archive>(`${base(e)}/people/${employeeId}`, undefined, { signal }),
  myArchive: (signal?: AbortSignal) => api.get<Archive>('/me/training', undefined, { signal }),
  checkIn: (token: string) => api.post<{ sessionId: string; title: string; heldOn: string; hours: number; already: boolean }>('/me/training/checkin', { token }),
  report: (e: string, year: number, quarter: number, signal?: AbortSignal) => api.get<PlanReport>(`${base(e)}/review-report`, { year, quarter }, { signal }),
  reviews: (e: string, year: number, signal?: AbortSignal) => api.get<{ items: Review[]; abilities: { canSign: boolean } }>(`${base(e)}/reviews`, { year }, { signal }),
  signReview: (e: string, body: { year: number; quarter: number; comments: string } & SignOutcome) => api.post<Review>(`${base(e)}/reviews`, body),
  import: (e: string, file: File, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<SpreadsheetImportReport>(`${base(e)}/import`, form, { mode });
  },
  downloadTemplate: (e: string, fallbackName: string) => api.download(`${base(e)}/import-template`, undefined, fallbackName),
  supervise: (query: Query, signal?: AbortSignal) => api.get<Page<OverviewRow> & { year: number }>('/training-overview', query, { signal }),
};
