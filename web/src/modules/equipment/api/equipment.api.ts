import type { QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../../app/api';

// The response types follow src/modules/management/equipment/equipment.schema.ts; declared here until the next
// `npm run api:types` adds the equipment routes to the generated schema.

export const SPECIAL_TYPES = ['boiler', 'pressure_vessel', 'lift', 'crane', 'field_vehicle', 'pressure_piping'] as const;
export type SpecialType = (typeof SPECIAL_TYPES)[number];
export const EQUIPMENT_STATUSES = ['in_use', 'idle', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
export type InspectionState = 'none' | 'ok' | 'due_soon' | 'overdue';
export const INSPECTION_RESULTS = ['pass', 'conditional', 'fail'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const RENOVATION_KINDS = ['mechanisation', 'automation'] as const;
export const RENOVATION_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export type RenovationKind = (typeof RENOVATION_KINDS)[number];
export type RenovationStatus = (typeof RENOVATION_STATUSES)[number];

export type Marker = { type: 'marker'; x: number; y: number };
export type ObsoleteRef = { code: string; name: string; kind: 'process' | 'equipment'; source: string };

export type EquipmentSummary = {
  id: string; code: string; name: string; type: string; model: string; orgUnitId: string; orgUnitName: string; location: string; status: EquipmentStatus;
  specialType: SpecialType | null; registrationNo: string; lastInspectedOn: string | null; nextInspectionDue: string | null; inspectionState: InspectionState;
  daysOverdue: number; obsolete: ObsoleteRef | null; obsoleteItem: string | null; overdueHazardId: string | null; riskPointCount: number; version: number;
};
export type EquipmentDetail = EquipmentSummary & {
  floorPlanId: string | null; position: Marker | null; monitoringMeasures: string; registrationCertNo: string; inspectionCertNo: string;
  riskPoints: { id: string; code: string; name: string; grade: number | null }[];
  inspections: { id: string; inspectedOn: string; nextDue: string; result: InspectionResult; inspector: string; certificateNo: string; note: string; recordedByName: string | null; createdAt: string }[];
  createdAt: string; updatedAt: string;
  abilities: { canEdit: boolean; canRecordInspection: boolean };
};
export type EquipmentList = Page<EquipmentSummary> & {
  today: string;
  counts: { total: number; special: number; overdue: number; dueSoon: number; obsolete: number };
  catalogue: { specialTypes: { code: SpecialType; intervalMonths: number }[]; obsolete: (ObsoleteRef & { verified: boolean })[]; dueSoonDays: number };
  abilities: { canCreate: boolean };
};
export type EquipmentInput = {
  code: string; name: string; type?: string; model?: string; orgUnitId: string; location?: string; floorPlanId?: string | null; position?: Marker | null;
  riskPointIds?: string[]; monitoringMeasures?: string; specialType?: SpecialType | null; registrationNo?: string; registrationCertNo?: string;
  lastInspectedOn?: string | null; nextInspectionDue?: string | null; inspectionCertNo?: string; obsoleteItem?: string | null; status?: EquipmentStatus;
};
export type EquipmentPatch = Partial<Omit<EquipmentInput, 'specialType' | 'lastInspectedOn' | 'nextInspectionDue' | 'inspectionCertNo'>> & { version: number };
export type InspectionInput = { inspectedOn: string; result: InspectionResult; nextDue?: string; inspector?: string; certificateNo?: string; note?: string; version: number };

export type Renovation = {
  id: string; name: string; year: number; kind: RenovationKind; investment: string; peopleReduced: number; status: RenovationStatus; note: string; version: number;
  createdAt: string; updatedAt: string; abilities: { canEdit: boolean };
};
export type RenovationList = { items: Renovation[]; totals: { count: number; investment: string; peopleReduced: number }; abilities: { canCreate: boolean } };
export type RenovationInput = { name: string; year: number; kind: RenovationKind; investment: string; peopleReduced: number; status: RenovationStatus; note?: string };

export type OverviewRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; special: number; overdue: number; dueSoon: number;
  earliestOverdue: string | null; obsolete: number; renovations: number; investment: string; peopleReduced: number;
};
export type Overview = Page<OverviewRow> & {
  today: string;
  totals: { enterprises: number; withOverdue: number; overdue: number; renovations: number; investment: string; peopleReduced: number };
};

/** The queries an equipment write shows in, for a write's `invalidates`. */
export const equipmentQueries = (enterpriseId: string): QueryKey[] => [['equipment', enterpriseId], ['equipment', 'overview'], ['workbench'], ['obligations']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const equipmentApi = {
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<EquipmentList>(`${base(enterpriseId)}/equipment`, query, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<EquipmentDetail>(`${base(enterpriseId)}/equipment/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: EquipmentInput) => api.post<EquipmentDetail>(`${base(enterpriseId)}/equipment`, body),
  update: (enterpriseId: string, id: string, body: EquipmentPatch) => api.patch<EquipmentDetail>(`${base(enterpriseId)}/equipment/${id}`, body),
  inspect: (enterpriseId: string, id: string, body: InspectionInput) => api.post<EquipmentDetail>(`${base(enterpriseId)}/equipment/${id}/inspections`, body),
  renovations: (enterpriseId: string, signal?: AbortSignal) => api.get<RenovationList>(`${base(enterpriseId)}/renovation-projects`, undefined, { signal }),
  createRenovation: (enterpriseId: string, body: RenovationInput) => api.post<Renovation>(`${base(enterpriseId)}/renovation-projects`, body),
  updateRenovation: (enterpriseId: string, id: string, body: Partial<RenovationInput> & { version: number }) =>
    api.patch<Renovation>(`${base(enterpriseId)}/renovation-projects/${id}`, body),
  overview: (query: Query, signal?: AbortSignal) => api.get<Overview>('/equipment-overview', query, { signal }),
};
