import { api, type OnExportProgress } from '../../../app/api';

/*
 * The accident follow-up's API (server: src/modules/accidents/followup/followup.schema.ts). The shapes are written out
 * here as the server's response schemas give them (dates as ISO strings).
 */

export type Grade = 'general' | 'larger' | 'major' | 'especially_major';
export type Person = { name: string; role: string; organisation: string };
export type FileRef = { id: string; name: string; mime: string; size: number; url: string };
export type Interview = {
  id: string; enterpriseId: string; enterpriseName: string; accidentIds: string[]; merged: boolean; heldAt: string; place: string; principalName: string;
  participants: Person[]; record: string; commitments: string; followUp: string; followUpDue: string | null; followUpDoneAt: string | null; followUpNote: string;
  followUpOverdue: boolean; departmentName: string | null; recordedByName: string | null; version: number;
  files?: FileRef[]; corrections?: InterviewCorrection[]; abilities?: { followUpDone: boolean; upload: boolean; correct: boolean };
};
export type InterviewField = 'accidentIds' | 'heldAt' | 'place' | 'principalName' | 'participants' | 'record' | 'commitments' | 'followUp' | 'followUpDue';
export type InterviewCorrection = { version: number; at: string; byName: string | null; reason: string; changes: { field: InterviewField; before: string; after: string }[] };
export type InvestigationPart = 'team' | 'causes' | 'fiveWhys' | 'responsibility' | 'personFindings' | 'higherReport' | 'lessons';
export type HistoryEntry = {
  op: 'open' | 'entrust' | 'update' | 'action_add' | 'action_done' | 'conclude' | 'correct'; at: string; byName: string | null; note: string;
  parts: InvestigationPart[]; responsibilityBefore: boolean | null; responsibilityAfter: boolean | null; conductedBy: 'district' | 'enterprise' | 'higher' | null;
  team: string[]; content: string; ownerName: string; dueOn: string | null;
};
export type Action = {
  id: string; accidentId: string; accidentSummary: string; accidentOccurredAt: string; kind: 'corrective' | 'preventive'; content: string;
  ownerEmployeeId: string; ownerName: string; dueOn: string; status: 'open' | 'done'; overdue: boolean; doneNote: string; doneAt: string | null;
  doneByName: string | null; version: number; abilities: { done: boolean };
};
export type FindingKind = 'omitted' | 'false' | 'concealed';
export type Finding = {
  id: string; enterpriseId: string; enterpriseName: string; accidentId: string; accidentSummary: string; accidentOccurredAt: string; kind: FindingKind;
  description: string; foundOn: string; officeName: string | null; recordedByName: string | null; files?: FileRef[];
};
export type DutyCitation = { listId: string; listName: string; version: number; items: number[]; texts: string[] };
export type PersonFinding = { name: string; employeeId: string | null; role: string; finding: string; duties: DutyCitation[] };
export type Investigation = {
  conductedBy: 'district' | 'enterprise' | 'higher'; entrustedAt: string | null; status: 'open' | 'concluded'; team: Person[];
  causeDirect: string; causeIndirect: string; causeManagement: string; fiveWhys: string[]; responsibilityAccident: boolean | null;
  personFindings: PersonFinding[]; higherReport: string; lessons: string; lessonsPublishedAt: string | null; concludedAt: string | null;
  concludedByName: string | null; version: number;
};
export type Followup = {
  accident: {
    id: string; enterpriseId: string; enterpriseName: string; kind: 'accident' | 'near_miss'; occurredAt: string; place: string; summary: string;
    deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; grade: Grade | null; receivedAt: string | null; casualties: boolean;
  };
  interviewDueOn: string | null; interviewOverdue: boolean; decisionDueOn: string | null; decisionOverdue: boolean;
  investigation: Investigation | null; creditOffer: boolean; interviews: Interview[]; actions: Action[]; findings: Finding[];
  riskLinks: { riskPointId: string; code: string; name: string; grade: number | null; controlFailing: boolean; reassessDue: string | null; linkedAt: string }[];
  insurerNotices: { id: string; institutionName: string; policyNumber: string; createdAt: string }[];
  history: HistoryEntry[];
  abilities: {
    interview: boolean; open: boolean; entrust: boolean; edit: boolean; conclude: boolean; addAction: boolean; finding: boolean; linkRisk: boolean; notifyInsurer: boolean;
    correctFinding: boolean;
  };
};
export type DutyListsAt = { at: string; lists: { listId: string; listName: string; level: string; version: number; items: string[] }[] };
export type Board = {
  year: number; days: number;
  due: { enterpriseId: string; enterpriseName: string; accidentId: string; summary: string; grade: Grade | null; occurredAt: string; receivedAt: string; dueOn: string; overdue: boolean }[];
  done: Interview[];
  rates: { departmentId: string; departmentName: string; withAccidents: number; interviewed: number; rate: number | null }[];
};
export type InvestigationInput = {
  team: Person[]; causeDirect: string; causeIndirect: string; causeManagement: string; fiveWhys: string[]; responsibilityAccident: boolean | null;
  personFindings: { name: string; employeeId: string | null; role: string; finding: string; duties: { listId: string; version: number; items: number[] }[] }[];
  higherReport: string; lessons: string; version?: number;
};
export type InterviewInput = {
  accidentIds: string[]; heldAt: string; place: string; principalName: string; participants: Person[]; record: string; commitments: string;
  followUp: string; followUpDue: string | null;
};

export type ClaimStage = 'notified' | 'investigating' | 'concluded';
export type InsurerNotice = {
  id: string; enterpriseId: string; enterpriseName: string; accidentId: string; occurredAt: string; summary: string; grade: Grade | null;
  deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; policyNumber: string; notifiedAt: string; claimStage: ClaimStage;
};
export type InsurerNoticeDetail = InsurerNotice & {
  place: string; creditCode: string; policyStartsOn: string; policyEndsOn: string; notifiedByName: string | null;
  conductedBy: 'district' | 'enterprise' | 'higher' | null; concludedAt: string | null; responsibilityAccident: boolean | null; lessons: string;
};
export type InsurerNoticeQuery = { q?: string; grade?: Grade; from?: string; to?: string; page?: number; pageSize?: number };
export type FindingCorrectInput = Pick<InvestigationInput, 'personFindings'> & { responsibilityAccident: boolean; reason: string; version: number };

const acc = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/accidents/${id}`;

export const followupApi = {
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<Followup>(`${acc(enterpriseId, id)}/followup`, undefined, { signal }),
  dutyLists: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<DutyListsAt>(`${acc(enterpriseId, id)}/duty-lists`, undefined, { signal }),
  open: (enterpriseId: string, id: string, conductedBy: 'district' | 'higher') => api.post<Followup>(`${acc(enterpriseId, id)}/investigation`, { conductedBy }),
  entrust: (enterpriseId: string, id: string) => api.post<Followup>(`${acc(enterpriseId, id)}/investigation/entrust`, { note: '' }),
  update: (enterpriseId: string, id: string, body: InvestigationInput) => api.put<Followup>(`${acc(enterpriseId, id)}/investigation`, body),
  conclude: (enterpriseId: string, id: string, version: number) => api.post<Followup>(`${acc(enterpriseId, id)}/investigation/conclude`, { version }),
  addAction: (enterpriseId: string, id: string, body: { kind: Action['kind']; content: string; ownerEmployeeId: string; dueOn: string }) =>
    api.post<Action>(`${acc(enterpriseId, id)}/actions`, body),
  actions: (enterpriseId: string, mine: boolean, signal?: AbortSignal) =>
    api.get<{ items: Action[] }>(`/enterprises/${enterpriseId}/accident-actions`, mine ? { mine: 'true' } : undefined, { signal }),
  actionDone: (enterpriseId: string, id: string, note: string, version: number) => api.post<Action>(`/enterprises/${enterpriseId}/accident-actions/${id}/done`, { note, version }),
  addFinding: (enterpriseId: string, id: string, body: { kind: FindingKind; description: string; foundOn: string }) => api.post<Finding>(`${acc(enterpriseId, id)}/findings`, body),
  findings: (query: { kind?: FindingKind; page?: number }, signal?: AbortSignal) =>
    api.get<{ items: Finding[]; total: number; page: number; pageSize: number }>('/accident-findings', query, { signal }),
  linkRisk: (enterpriseId: string, id: string, riskPointId: string) => api.post<Followup>(`${acc(enterpriseId, id)}/risk-links`, { riskPointId }),
  notifyInsurer: (enterpriseId: string, id: string) => api.post<Followup>(`${acc(enterpriseId, id)}/insurer-notice`, {}),
  recordInterview: (enterpriseId: string, body: InterviewInput) => api.post<Interview>(`/enterprises/${enterpriseId}/accident-interviews`, body),
  followUpDone: (enterpriseId: string, id: string, note: string, version: number) =>
    api.post<Interview>(`/enterprises/${enterpriseId}/accident-interviews/${id}/follow-up`, { note, version }),
  uploadInterviewFiles: (enterpriseId: string, id: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return api.upload<{ ids: string[] }>(`/enterprises/${enterpriseId}/accident-interviews/${id}/files`, form);
  },
  uploadFindingFiles: (enterpriseId: string, id: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return api.upload<{ ids: string[] }>(`/enterprises/${enterpriseId}/accident-findings/${id}/files`, form);
  },
  correctInterview: (enterpriseId: string, id: string, body: InterviewInput & { reason: string; version: number }) =>
    api.post<Interview>(`/enterprises/${enterpriseId}/accident-interviews/${id}/correct`, body),
  correctFinding: (enterpriseId: string, id: string, body: FindingCorrectInput) => api.post<Followup>(`${acc(enterpriseId, id)}/investigation/correct`, body),
  insurerNotices: (query: InsurerNoticeQuery, signal?: AbortSignal) =>
    api.get<{ items: InsurerNotice[]; total: number; page: number; pageSize: number }>('/insurer/accident-notices', query, { signal }),
  insurerNotice: (id: string, signal?: AbortSignal) => api.get<InsurerNoticeDetail>(`/insurer/accident-notices/${id}`, undefined, { signal }),
  exportInsurerNotices: (query: InsurerNoticeQuery, onProgress?: OnExportProgress) =>
    api.download('/insurer/accident-notices/export', query, 'insurer-accident-notices.xlsx', onProgress),
  board: (year: number, signal?: AbortSignal) => api.get<Board>('/accident-interviews', { year }, { signal }),
  exportBoard: (year: number, onProgress?: OnExportProgress) => api.download('/accident-interviews/export', { year }, `accident-interviews-${year}.xlsx`, onProgress),
  riskPoints: async (enterpriseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: { id: string; code: string; name: string }[] }>(`/enterprises/${enterpriseId}/risk-points`, { pageSize: 200 }, { signal })).items,
  employees: async (enterpriseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: { id: string; name: string }[] }>(`/enterprises/${enterpriseId}/employees`, { status: 'active', pageSize: 200 }, { signal })).items,
};

/** Queries a write changes: the follow-up page, the board, the actions and the workbench. */
export const followupQueries = (enterpriseId: string) => [['accident-followup', enterpriseId], ['accident-interviews'], ['accident-actions', enterpriseId], ['workbench']];

/** "名字、职务、单位" per line, and back. */
export const peopleFromText = (text: string): Person[] => text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
  const [name = '', role = '', organisation = ''] = l.split(/[、,，]/).map((s) => s.trim());
  return { name, role, organisation };
});
export const peopleToText = (people: Person[]) => people.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join('、')).join('\n');
