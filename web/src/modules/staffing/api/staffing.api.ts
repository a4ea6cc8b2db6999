import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';

/*
 * The staffing routes (server: src/modules/management/staffing/staffing.schema.ts). The types are written out here
 * after the server's schemas until the OpenAPI types are regenerated (`npm run api:types`).
 */

export const STAFF_KINDS = ['full_time', 'part_time'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
export const ENGINEER_SPECIALTIES = ['coal_mine', 'metal_nonmetal_mine', 'chemical', 'metal_smelting', 'construction', 'road_transport', 'other'] as const;
export type Specialty = (typeof ENGINEER_SPECIALTIES)[number];

export type Shortfall = {
  code: 'DEPARTMENT_OR_FULL_TIME' | 'SAFETY_STAFF' | 'FULL_TIME_STAFF' | 'ENGINEER';
  count: number; severity: 'required' | 'advised'; rule: 'R-TEAM-1' | 'R-TEAM-2'; text: string;
};
export type StaffingCheck = {
  compliant: boolean; teamBasis: 'industry' | 'carrier' | 'size' | 'small'; basisText: string;
  required: { departmentOrFullTime: boolean; anySafetyStaff: boolean; fullTime: number; engineers: number; engineersAdvised: number };
  counted: { department: boolean; fullTime: number; partTime: number; engineers: number };
  shortfalls: Shortfall[]; ruleSetVersion: number;
};
export type StaffingFile = { id: string; name: string; mime: string; size: number };
export type FileOwner = 'department' | 'staff' | 'engagement';
type EmployeeRef = { employeeId: string; employeeName: string; orgUnitName: string; employeeActive: boolean };
export type Staff = EmployeeRef & { id: string; kind: StaffKind; appointmentNo: string; appointedOn: string | null; duties: string; files: StaffingFile[]; counted: boolean; version: number };
export type Engineer = EmployeeRef & { id: string; certificateNo: string; specialty: Specialty; validUntil: string; counted: boolean; expired: boolean; version: number };
export type Engagement = { id: string; institutionName: string; services: string; contractNo: string; startsOn: string; endsOn: string | null; files: StaffingFile[]; current: boolean; version: number };
export type Department = { name: string; documentNo: string; establishedOn: string | null; note: string; files: StaffingFile[]; version: number };
export type Staffing = {
  enterprise: { id: string; name: string; industryCode: string; industryName: string; hazardousGoodsCarrier: boolean };
  headcount: number; declaredHeadcount: number;
  department: Department | null; staff: Staff[]; engineers: Engineer[]; engagements: Engagement[];
  check: StaffingCheck;
  abilities: { canManage: boolean };
};
export type OverviewRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; headcount: number; declaredHeadcount: number;
  department: boolean; fullTime: number; partTime: number; engineers: number; compliant: boolean; shortfalls: Shortfall[];
};
export type Overview = Page<OverviewRow> & { counts: { total: number; compliant: number; nonCompliant: number }; ruleSetVersion: number };

export type DepartmentInput = { name: string; documentNo?: string; establishedOn?: string | null; note?: string; version?: number };
export type StaffInput = { employeeId: string; kind: StaffKind; appointmentNo?: string; appointedOn?: string | null; duties?: string };
export type StaffPatch = Partial<Omit<StaffInput, 'employeeId'>> & { version: number };
export type EngineerInput = { employeeId: string; certificateNo: string; specialty: Specialty; validUntil: string };
export type EngineerPatch = Partial<Omit<EngineerInput, 'employeeId'>> & { version: number };
export type EngagementInput = { institutionName: string; services?: string; contractNo?: string; startsOn: string; endsOn?: string | null };
export type EngagementPatch = Partial<EngagementInput> & { version: number };

/** The queries the organisation shows in, for a write's `invalidates`. */
export const staffingQueries = (enterpriseId: string): QueryKey[] => [['staffing', enterpriseId], ['staffing', 'overview']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/staffing`;

export const staffingApi = {
  get: (enterpriseId: string, signal?: AbortSignal) => api.get<Staffing>(base(enterpriseId), undefined, { signal }),
  saveDepartment: (enterpriseId: string, body: DepartmentInput) => api.put<Staffing>(`${base(enterpriseId)}/department`, body),
  removeDepartment: (enterpriseId: string) => api.del<Staffing>(`${base(enterpriseId)}/department`),
  appoint: (enterpriseId: string, body: StaffInput) => api.post<Staffing>(`${base(enterpriseId)}/staff`, body),
  editStaff: (enterpriseId: string, id: string, body: StaffPatch) => api.patch<Staffing>(`${base(enterpriseId)}/staff/${id}`, body),
  removeStaff: (enterpriseId: string, id: string) => api.del<Staffing>(`${base(enterpriseId)}/staff/${id}`),
  addEngineer: (enterpriseId: string, body: EngineerInput) => api.post<Staffing>(`${base(enterpriseId)}/engineers`, body),
  editEngineer: (enterpriseId: string, id: string, body: EngineerPatch) => api.patch<Staffing>(`${base(enterpriseId)}/engineers/${id}`, body),
  removeEngineer: (enterpriseId: string, id: string) => api.del<Staffing>(`${base(enterpriseId)}/engineers/${id}`),
  addEngagement: (enterpriseId: string, body: EngagementInput) => api.post<Staffing>(`${base(enterpriseId)}/engagements`, body),
  editEngagement: (enterpriseId: string, id: string, body: EngagementPatch) => api.patch<Staffing>(`${base(enterpriseId)}/engagements/${id}`, body),
  removeEngagement: (enterpriseId: string, id: string) => api.del<Staffing>(`${base(enterpriseId)}/engagements/${id}`),
  upload: (enterpriseId: string, owner: FileOwner, ownerId: string | null, file: File) => {
    const form = new FormData();
    form.append('owner', owner);
    if (ownerId) form.append('ownerId', ownerId);
    form.append('file', file);
    return api.upload<{ ids: string[] }>(`${base(enterpriseId)}/files`, form);
  },
  removeFile: (enterpriseId: string, fileId: string) => api.del<{ ok: true }>(`${base(enterpriseId)}/files/${fileId}`),
  /** Where a document opens (a new tab; the session cookie carries the access). */
  fileUrl: (enterpriseId: string, fileId: string) => `/api/v1${base(enterpriseId)}/files/${fileId}`,
  overview: (query: Query, signal?: AbortSignal) => api.get<Overview>('/staffing', query, { signal }),
};
