import { api, type OnExportProgress, type Page, type Query } from '../../../app/api';

/*
 * The accident report API (server: src/modules/accidents/reports/accident.schema.ts). Typed by hand here: the
 * generated OpenAPI types (api/schema.gen.ts) are refreshed by the lead after the routes land.
 */

export type AccidentKind = 'accident' | 'near_miss';
export type AccidentGrade = 'general' | 'larger' | 'major' | 'especially_major';
export type ForwardLevel = 'city' | 'province' | 'state_council';
export type StatDimension = 'grade' | 'industry' | 'subdistrict' | 'type' | 'month';
export const ACCIDENT_TYPES = [
  'object_strike', 'vehicle', 'machinery', 'lifting', 'electrocution', 'drowning', 'scald', 'fire', 'fall_from_height', 'collapse', 'roof_fall',
  'water_inrush', 'blasting', 'explosive', 'gas_explosion', 'boiler_explosion', 'vessel_explosion', 'other_explosion', 'poisoning_asphyxia', 'other_injury',
] as const;
export type AccidentType = (typeof ACCIDENT_TYPES)[number];
export const FORWARD_LEVELS: readonly ForwardLevel[] = ['city', 'province', 'state_council'];

export type Lateness = { late: boolean; onsiteGap: boolean; forwardLate: boolean };
export type AccidentSummary = {
  id: string; enterpriseId: string; enterpriseName: string; kind: AccidentKind; accidentType: AccidentType | null; occurredAt: string; place: string; summary: string;
  deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; grade: AccidentGrade | null;
  unitHeadInformedAt: string; regulatorsReceivedAt: string | null; forwardLevel: ForwardLevel | null; forwardedAt: string | null; lateness: Lateness;
};
export type AccidentDetail = AccidentSummary & {
  version: number; source: 'app' | 'qr'; reporterName: string; reportedByName: string | null; postName: string | null; orgUnitName: string | null;
  subdistrictName: string; industryName: string; requiredForwardLevel: ForwardLevel | null; supplementWindowEnd: string; supplementOpen: boolean; followupLink: string;
  recipients: { officeKind: 'department' | 'subdistrict'; officeName: string; receivedAt: string; readAt: string | null }[];
  supplements: { id: string; reportedAt: string; deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; note: string; gradeBefore: AccidentGrade | null; gradeAfter: AccidentGrade | null; recordedByName: string | null }[];
  events: { op: string; at: string; actorName: string | null; note: string }[];
  photos: { id: string; url: string }[];
  abilities: { reportUp: boolean; supplement: boolean; editUnitHeadTime: boolean; forward: boolean };
};
export type InboxItem = AccidentSummary & { subdistrictName: string; industryName: string; readAt: string | null };
export type Figures = { deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string };
export type QuickReportInput = Partial<Figures> & {
  kind: AccidentKind; summary: string; place?: string; occurredAt?: string; accidentType?: AccidentType | null; postId?: string | null; photoIds?: string[];
};
export type PublicReportInput = Omit<QuickReportInput, 'postId' | 'photoIds'> & { reporterName?: string; reporterPhone?: string; website?: string };
export type StatsRow = { key: string; label: string; accidents: number; nearMisses: number; deaths: number; seriousInjuries: number; directLoss: string };
export type Stats = { by: StatDimension; year: number | null; rows: StatsRow[]; total: Omit<StatsRow, 'key' | 'label'> };
export type DutyPhone = { officeKind: 'department' | 'subdistrict'; officeId: string; officeName: string; phone: string | null; contact: string };

const ent = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const accidentsApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Page<AccidentSummary> & { canReportUp: boolean }>(`${ent(enterpriseId)}/accidents`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<AccidentDetail>(`${ent(enterpriseId)}/accidents/${id}`, undefined, { signal }),
  quickReport: (enterpriseId: string, body: QuickReportInput) => api.post<{ id: string; photosLinked: number }>(`${ent(enterpriseId)}/accidents`, body),
  uploadPhotos: (enterpriseId: string, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return api.upload<{ ids: string[] }>(`${ent(enterpriseId)}/photos`, form);
  },
  reportUp: (enterpriseId: string, id: string, body: { note?: string; version?: number }) => api.post<AccidentDetail>(`${ent(enterpriseId)}/accidents/${id}/report-up`, body),
  unitHeadTime: (enterpriseId: string, id: string, body: { at: string; reason: string }) => api.post<AccidentDetail>(`${ent(enterpriseId)}/accidents/${id}/unit-head-informed`, body),
  supplement: (enterpriseId: string, id: string, body: Figures & { note?: string }) => api.post<AccidentDetail>(`${ent(enterpriseId)}/accidents/${id}/supplements`, body),
  stats: (enterpriseId: string | null, query: Query, signal?: AbortSignal) => api.get<Stats>(enterpriseId ? `${ent(enterpriseId)}/accident-stats` : '/accident-stats', query, { signal }),
  exportStats: (enterpriseId: string | null, query: Query, fallbackName: string, onProgress?: OnExportProgress) =>
    api.download(enterpriseId ? `${ent(enterpriseId)}/accident-stats/export` : '/accident-stats/export', query, fallbackName, onProgress),
  inbox: (query: Query, signal?: AbortSignal) => api.get<Page<InboxItem> & { unread: number; canForward: boolean }>('/accident-inbox', query, { signal }),
  inboxItem: (id: string, signal?: AbortSignal) => api.get<AccidentDetail>(`/accident-inbox/${id}`, undefined, { signal }),
  markRead: (id: string) => api.post<AccidentDetail>(`/accident-inbox/${id}/read`, {}),
  forward: (id: string, body: { level?: ForwardLevel; at?: string; note?: string }) => api.post<AccidentDetail>(`/accident-inbox/${id}/forward`, body),
  dutyPhones: (signal?: AbortSignal) => api.get<{ items: DutyPhone[]; canEdit: boolean }>('/regulator-duty-phones', undefined, { signal }),
  saveDutyPhone: (body: { officeKind: DutyPhone['officeKind']; officeId: string; phone: string; contact: string }) => api.put<{ items: DutyPhone[]; canEdit: boolean }>('/regulator-duty-phones', body),
  publicForm: (token: string, signal?: AbortSignal) => api.get<{ enterpriseName: string; postName: string; orgUnitName: string }>(`/public/accident-report/${encodeURIComponent(token)}`, undefined, { signal }),
  publicReport: (token: string, body: PublicReportInput) => api.post<{ ok: true; reference: string }>(`/public/accident-report/${encodeURIComponent(token)}`, body),
};
