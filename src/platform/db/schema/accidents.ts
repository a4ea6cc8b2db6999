import type { ColumnType, Generated } from 'kysely';
import type { Money, Timestamp, TimestampNullable } from '../schema';

/** Issue 14 §4, R-ACC-1…3: accidents and near misses (migration 0114) and their supplementary reports (0118). */
export type AccidentKind = 'accident' | 'near_miss';
export type AccidentGrade = 'general' | 'larger' | 'major' | 'especially_major';
/** GB 6441-86's twenty accident types (migration 0118). */
export type AccidentType =
  | 'object_strike' | 'vehicle' | 'machinery' | 'lifting' | 'electrocution' | 'drowning' | 'scald' | 'fire' | 'fall_from_height' | 'collapse'
  | 'roof_fall' | 'water_inrush' | 'blasting' | 'explosive' | 'gas_explosion' | 'boiler_explosion' | 'vessel_explosion' | 'other_explosion'
  | 'poisoning_asphyxia' | 'other_injury';
export type ForwardLevel = 'city' | 'province' | 'state_council';
export type OfficeKind = 'department' | 'subdistrict';
export type AccidentsTable = {
  enterprise_id: string; id: Generated<string>; kind: AccidentKind; occurred_at: Timestamp; place: Generated<string>; summary: string;
  deaths: Generated<number>; missing: Generated<number>; serious_injuries: Generated<number>; minor_injuries: Generated<number>;
  /** Yuan, exact: read as a string, written as a decimal string. */
  direct_loss: ColumnType<string, string | undefined, string>; grade: AccidentGrade | null; unit_head_informed_at: Timestamp; regulators_received_at: TimestampNullable;
  reported_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
  accident_type: AccidentType | null; post_id: string | null; org_unit_id: string | null; source: Generated<'app' | 'qr'>;
  reporter_name: Generated<string>; reporter_phone: Generated<string>; reported_up_by: string | null;
  forward_level: ForwardLevel | null; forwarded_at: TimestampNullable; forwarded_by: string | null; rules_version: number | null;
};
export type AccidentSupplementsTable = {
  enterprise_id: string; id: Generated<string>; accident_id: string; reported_at: Timestamp;
  deaths: number; missing: number; serious_injuries: number; minor_injuries: number; direct_loss: Money;
  note: Generated<string>; grade_before: string | null; grade_after: string | null; recorded_by: string | null;
  /** Migration 0127: the recording order of supplements reported at the same instant. */
  seq: Generated<string>;
};
export type AccidentEventOp = 'quick_report' | 'report_up' | 'unit_head_time' | 'supplement' | 'forward';
export type AccidentEventsTable = {
  enterprise_id: string; id: Generated<string>; accident_id: string; op: AccidentEventOp; at: Timestamp; actor_id: string | null; seq: Generated<string>;
  note: Generated<string>; detail: ColumnType<unknown, string | undefined, string>;
};
export type AccidentRecipientsTable = {
  enterprise_id: string; accident_id: string; office_kind: OfficeKind; office_id: string; received_at: Timestamp;
  read_at: TimestampNullable; read_by: string | null;
};
export type RegulatorDutyPhonesTable = {
  district_id: string; office_kind: OfficeKind; office_id: string; phone: string; contact: Generated<string>; updated_by: string | null; updated_at: Timestamp;
};
/** platform/alerts (migration 0118): messages that leave the browser and each attempt to deliver one. */
export type AlertStatus = 'pending' | 'sent' | 'failed';
export type AlertMessagesTable = {
  id: Generated<string>; enterprise_id: string | null; kind: string; recipient_user_id: string | null; recipient_phone: Generated<string>;
  recipient_label: Generated<string>; text: string; link: string | null; status: Generated<AlertStatus>; attempts: Generated<number>;
  created_at: Timestamp; sent_at: TimestampNullable;
};
export type AlertAttemptsTable = {
  id: Generated<string>; alert_id: string; driver: string; at: Timestamp; ok: boolean; error: string | null;
};

export type AccidentTables = {
  accidents: AccidentsTable;
  accident_supplements: AccidentSupplementsTable;
  accident_events: AccidentEventsTable;
  accident_recipients: AccidentRecipientsTable;
  regulator_duty_phones: RegulatorDutyPhonesTable;
  alert_messages: AlertMessagesTable;
  alert_attempts: AlertAttemptsTable;
};
