import type { Generated, GeneratedAlways } from 'kysely';
import type { DateCol, Timestamp, TimestampNullable } from '../schema';

/** Issue 14 §3, R-EMG-2: drills, their participants, follow-up actions and history (migration 0116). */
export type DrillStatus = 'recorded' | 'evaluated' | 'reported' | 'voided';
export type DrillPlanKind = 'comprehensive' | 'special' | 'onsite';
export type DrillForm = 'tabletop' | 'practical';
export type DrillsTable = {
  enterprise_id: string; id: Generated<string>; plan_id: string; plan_kind: DrillPlanKind; form: DrillForm; scenario: string;
  started_at: Timestamp; ended_at: Timestamp; place: Generated<string>; organiser_employee_id: string; by_principal: Generated<boolean>;
  principal_confirmed_at: TimestampNullable; status: Generated<DrillStatus>; went_well: Generated<string>; problems: Generated<string>;
  plan_needs_revision: boolean | null; evaluated_by: string | null; evaluated_at: TimestampNullable; reported_by: string | null; reported_at: TimestampNullable;
  void_reason: string | null; voided_by: string | null; voided_at: TimestampNullable; recorded_by: string | null; version: Generated<number>;
  created_at: Timestamp; updated_at: Timestamp;
};
export type DrillParticipantsTable = {
  enterprise_id: string; drill_id: string; employee_id: string; sign_in: Generated<'manual' | 'signature' | 'qr'>; signed_at: TimestampNullable;
  signature_id: Generated<string | null>;
};
export type DrillActionsTable = {
  enterprise_id: string; id: Generated<string>; drill_id: string; sort: Generated<number>; content: string; owner_employee_id: string; due_on: DateCol;
  status: Generated<'open' | 'done' | 'cancelled'>; done_note: string | null; done_by: string | null; done_at: TimestampNullable; hazard_id: string | null;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type DrillEventsTable = {
  enterprise_id: string; drill_id: string; seq: GeneratedAlways<string>; op: string; from_status: string | null; to_status: string; actor_id: string | null;
  at: Timestamp; note: Generated<string>;
};

export type DrillTables = {
  drills: DrillsTable;
  drill_participants: DrillParticipantsTable;
  drill_actions: DrillActionsTable;
  drill_events: DrillEventsTable;
};
