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
  /** `pending`: still being processed after the report was saved (not shown yet); `rejected`: it could not be read. */
  photos: { id: string; url: string; state: PhotoState }[];
  abilities: { reportUp: boolean; supplement: boolean; editUnitHeadTime: boolean; forward: boolean };
};
export type PhotoState = 'pending' | 'ready' | 'rejected';
/** Photos a quick report carries (server: accident.schema.ts QUICK_REPORT_PHOTOS, PUBLIC_REPORT_PHOTOS). */
export const QUICK_REPORT_PHOTOS = 9;
export const PUBLIC_REPORT_PHOTOS = 3;
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

/** A report and its photos as one multipart request: the report's JSON in `report`, each photo a `photo` file. */
function reportForm(body: object, photos: readonly Blob[]): FormData {
  const form = new FormData();
  form.append('report', JSON.stringify(body));
  photos.forEach((p, i) => form.append('photo', p, p instanceof File ? p.name : `photo-${i + 1}.jpg`));
  return form;
}

export const accidentsApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<Page<AccidentSummary> & { canReportUp: boolean }>(`${ent(enterpriseId)}/accidents`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<AccidentDetail>(`${ent(enterpriseId)}/accidents/${id}`, undefined, { signal }),
  /** One request from the phone: the report is saved first, its photos are processed after it (they show as 处理中 until then). */
  quickReport: (enterpriseId: string, body: QuickReportInput, photos: readonly Blob[] = []) =>
    api.upload<{ id: string; photosLinked: number; photosRefused: number }>(`${ent(enterpriseId)}/accidents`, reportForm(body, photos)),
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
  publicReport: (token: string, body: PublicReportInput, photos: readonly Blob[] = []) =>
    api.upload<{ ok: true; reference: string; photosAccepted: number; photosRefused: number }>(`/public/accident-report/${encodeURIComponent(token)}`, reportForm(body, photos)),
};
