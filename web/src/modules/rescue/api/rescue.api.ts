import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';

/*
 * Issue 14 §2, R-EMG-3: the rescue routes (server: src/modules/emergency/rescue/rescue.routes.ts). The types mirror the
 * routes' response schemas (rescue.schema.ts) until the generated API types are refreshed.
 */

export type RescueRequirement = 'team' | 'team_or_parttime' | 'not_required';
export type ReadinessReason = 'no_team' | 'no_members' | 'no_agreement' | 'agreement_expired';
export type RescueOverview = {
  today: string;
  requirements: {
    rescueOrganisation: RescueRequirement; halfYearlyDrills: boolean; reportDrills: boolean; threeYearEvaluation: boolean;
    planReview: 'review' | 'demonstration'; sizeClass: 'large' | 'medium' | 'small' | 'micro' | null; ruleSetVersion: number;
  };
  readiness: { required: boolean; requirement: RescueRequirement; met: boolean; reasons: ReadinessReason[] };
  counts: { teams: number; members: number; agreementsValid: number; agreementsExpiring: number; equipment: number; equipmentDue: number; contacts: number };
  abilities: { canManage: boolean };
};

export type TeamKind = 'team' | 'parttime';
export type RescueMember = { id?: string; employeeId: string | null; name: string; role: string; phone: string; certificates: string };
export type RescueTeam = { id: string; name: string; kind: TeamKind; duties: string; note: string; version: number; members: RescueMember[] };
export type RescueTeamInput = Omit<RescueTeam, 'id' | 'version'> & { version?: number };

export type AgreementState = 'valid' | 'expiring' | 'expired' | 'future';
export type RescueAgreement = {
  id: string; counterpart: string; contactName: string; contactPhone: string; validFrom: string; validTo: string; note: string;
  attachmentIds: string[]; state: AgreementState; version: number;
};
export type RescueAgreementInput = Omit<RescueAgreement, 'id' | 'version' | 'attachmentIds' | 'state'> & { attachmentId: string | null; version?: number };

export const EQUIPMENT_CATEGORIES = ['protection', 'firefighting', 'detection', 'rescue', 'medical', 'communication', 'lighting', 'spill', 'power', 'vehicle', 'other'] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];
export type EquipmentState = 'ok' | 'due_soon' | 'overdue' | 'expired';
export type RescueEquipment = {
  id: string; name: string; category: EquipmentCategory; quantity: number; unit: string; location: string; floorPlanId: string | null;
  position: { type: 'marker'; x: number; y: number } | null; keeper: string; inspectionCycleDays: number | null; lastInspectedOn: string | null;
  nextInspectionDue: string | null; expiresOn: string | null; note: string; state: EquipmentState; version: number;
};
export type RescueEquipmentInput = Omit<RescueEquipment, 'id' | 'version' | 'state' | 'nextInspectionDue'> & { version?: number };
export type InspectionInput = { inspectedOn: string; result: 'ok' | 'fixed' | 'faulty'; note: string };

export const CONTACT_KINDS = ['internal', 'rescue_team', 'hospital', 'fire', 'police', 'regulator', 'supplier', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type EmergencyContact = { id: string; kind: ContactKind; name: string; organisation: string; role: string; phone: string; note: string; sort: number; version: number };
export type EmergencyContactInput = Omit<EmergencyContact, 'id' | 'version'> & { version?: number };

export type EmployeeOption = { id: string; name: string; orgUnitName: string; phone?: string | null };

/** One enterprise of the regulators' list (R-EMG-3): what is required of it, what is missing, its resources. */
export type RescueSupervisionRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictName: string; industryName: string; requirement: RescueRequirement;
  met: boolean; reasons: ReadinessReason[]; teams: number; members: number; agreements: number; agreementValidTo: string | null; agreementExpired: boolean;
  equipment: number; inspectionsOverdue: number; expired: number;
};
export type RescueSupervisionList = {
  items: RescueSupervisionRow[]; total: number; page: number; pageSize: number; today: string;
  counts: { enterprises: number; required: number; missing: number; agreementExpired: number; inspectionOverdue: number };
};

/** What a rescue write shows in, for a write's `invalidates`. */
export const rescueQueries = (enterpriseId: string): QueryKey[] => [['rescue', enterpriseId], ['workbench']];

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}`;

export const rescueApi = {
  overview: (eid: string, signal?: AbortSignal) => api.get<RescueOverview>(`${base(eid)}/rescue-overview`, undefined, { signal }),
  teams: (eid: string, signal?: AbortSignal) => api.get<{ items: RescueTeam[] }>(`${base(eid)}/rescue-teams`, undefined, { signal }),
  createTeam: (eid: string, body: RescueTeamInput) => api.post<RescueTeam>(`${base(eid)}/rescue-teams`, body),
  updateTeam: (eid: string, id: string, body: RescueTeamInput) => api.put<RescueTeam>(`${base(eid)}/rescue-teams/${id}`, body),
  deleteTeam: (eid: string, id: string) => api.del<{ ok: true }>(`${base(eid)}/rescue-teams/${id}`),
  agreements: (eid: string, signal?: AbortSignal) => api.get<{ items: RescueAgreement[] }>(`${base(eid)}/rescue-agreements`, undefined, { signal }),
  createAgreement: (eid: string, body: RescueAgreementInput) => api.post<RescueAgreement>(`${base(eid)}/rescue-agreements`, body),
  updateAgreement: (eid: string, id: string, body: RescueAgreementInput) => api.put<RescueAgreement>(`${base(eid)}/rescue-agreements/${id}`, body),
  deleteAgreement: (eid: string, id: string) => api.del<{ ok: true }>(`${base(eid)}/rescue-agreements/${id}`),
  equipment: (eid: string, query: Query, signal?: AbortSignal) => api.get<{ today: string; items: RescueEquipment[] }>(`${base(eid)}/rescue-equipment`, query, { signal }),
  exportEquipment: (eid: string, query: Query) => api.download(`${base(eid)}/rescue-equipment/export`, query, 'rescue-equipment.xlsx'),
  createEquipment: (eid: string, body: RescueEquipmentInput) => api.post<RescueEquipment>(`${base(eid)}/rescue-equipment`, body),
  updateEquipment: (eid: string, id: string, body: RescueEquipmentInput) => api.put<RescueEquipment>(`${base(eid)}/rescue-equipment/${id}`, body),
  deleteEquipment: (eid: string, id: string) => api.del<{ ok: true }>(`${base(eid)}/rescue-equipment/${id}`),
  inspect: (eid: string, id: string, body: InspectionInput) => api.post<RescueEquipment>(`${base(eid)}/rescue-equipment/${id}/inspections`, body),
  contacts: (eid: string, signal?: AbortSignal) => api.get<{ enterpriseName: string; items: EmergencyContact[] }>(`${base(eid)}/rescue-contacts`, undefined, { signal }),
  createContact: (eid: string, body: EmergencyContactInput) => api.post<EmergencyContact>(`${base(eid)}/rescue-contacts`, body),
  updateContact: (eid: string, id: string, body: EmergencyContactInput) => api.put<EmergencyContact>(`${base(eid)}/rescue-contacts/${id}`, body),
  deleteContact: (eid: string, id: string) => api.del<{ ok: true }>(`${base(eid)}/rescue-contacts/${id}`),
  supervision: (query: Query, signal?: AbortSignal) => api.get<RescueSupervisionList>('/rescue-supervision', query, { signal }),
  exportSupervision: (query: Query) => api.download('/rescue-supervision/export', query, 'rescue-supervision.xlsx'),
  /** The people a member may name: the enterprise's active roster. */
  people: async (eid: string, signal?: AbortSignal) =>
    (await api.get<{ items: EmployeeOption[] }>(`${base(eid)}/employees`, { pageSize: 200, status: 'active' }, { signal })).items,
};
