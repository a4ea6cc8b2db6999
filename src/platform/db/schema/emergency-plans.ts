import type { Generated } from 'kysely';
import type { Timestamp, TimestampNullable } from '../schema';

/** Issue 14 §1, R-EMG-1: emergency plans (migration 0114) and their versions, reviews and filings (0115). */
export type EmergencyPlanKind = 'comprehensive' | 'special' | 'onsite';
export type EmergencyPlanStatus = 'draft' | 'reviewing' | 'reviewed' | 'signed' | 'issued' | 'filed' | 'withdrawn';
export type EmergencyPlansTable = {
  enterprise_id: string; id: Generated<string>; kind: EmergencyPlanKind; title: string; status: Generated<EmergencyPlanStatus>;
  current_version: Generated<number>; issued_at: TimestampNullable; created_by: string | null; version: Generated<number>;
  created_at: Timestamp; updated_at: Timestamp;
};

export type EmergencyPlanTables = {
  emergency_plans: EmergencyPlansTable;
};
