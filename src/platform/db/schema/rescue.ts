import type { Generated } from 'kysely';
import type { DateCol, DateColNullable, JsonNullable, Timestamp } from '../schema';

/** Issue 14 §2, R-EMG-3: rescue organisation, equipment and contacts (migration 0117). */
export type RescueTeamKind = 'team' | 'parttime';
export type RescueEquipmentCategory = 'protection' | 'firefighting' | 'detection' | 'rescue' | 'medical' | 'communication' | 'lighting' | 'spill' | 'power' | 'vehicle' | 'other';
export type RescueInspectionResult = 'ok' | 'fixed' | 'faulty';
export type EmergencyContactKind = 'internal' | 'rescue_team' | 'hospital' | 'fire' | 'police' | 'regulator' | 'supplier' | 'other';

export type RescueTeamsTable = {
  enterprise_id: string; id: Generated<string>; name: string; kind: RescueTeamKind; duties: Generated<string>; note: Generated<string>;
  created_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type RescueTeamMembersTable = {
  enterprise_id: string; id: Generated<string>; team_id: string; sort: Generated<number>; employee_id: string | null; name: string;
  role: Generated<string>; phone: Generated<string>; certificates: Generated<string>;
};
export type RescueAgreementsTable = {
  enterprise_id: string; id: Generated<string>; counterpart: string; contact_name: Generated<string>; contact_phone: Generated<string>;
  valid_from: DateCol; valid_to: DateCol; note: Generated<string>; created_by: string | null; version: Generated<number>;
  created_at: Timestamp; updated_at: Timestamp;
};
export type RescueEquipmentTable = {
  enterprise_id: string; id: Generated<string>; name: string; category: RescueEquipmentCategory; quantity: string; unit: Generated<string>;
  location: Generated<string>; floor_plan_id: string | null; position: JsonNullable; keeper: Generated<string>; inspection_cycle_days: number | null;
  last_inspected_on: DateColNullable; next_inspection_due: DateColNullable; expires_on: DateColNullable; note: Generated<string>;
  created_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type RescueEquipmentInspectionsTable = {
  enterprise_id: string; id: Generated<string>; equipment_id: string; inspected_on: DateCol; result: RescueInspectionResult; note: Generated<string>;
  inspected_by: string | null; created_at: Timestamp;
};
export type EmergencyContactsTable = {
  enterprise_id: string; id: Generated<string>; kind: EmergencyContactKind; name: string; organisation: Generated<string>; role: Generated<string>;
  phone: string; note: Generated<string>; sort: Generated<number>; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};

export type RescueTables = {
  rescue_teams: RescueTeamsTable;
  rescue_team_members: RescueTeamMembersTable;
  rescue_agreements: RescueAgreementsTable;
  rescue_equipment: RescueEquipmentTable;
  rescue_equipment_inspections: RescueEquipmentInspectionsTable;
  emergency_contacts: EmergencyContactsTable;
};
