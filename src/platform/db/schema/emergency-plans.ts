import type { ColumnType, Generated } from 'kysely';
import type { DateColNullable, DateCol, Timestamp, TimestampNullable } from '../schema';

/** A jsonb column with a default: written as JSON text, optional on insert. */
type JsonDefault = ColumnType<unknown, string | undefined, string>;

/** Issue 14 §1, R-EMG-1: emergency plans (migration 0114) and their versions, reviews and filings (0115). */
export type EmergencyPlanKind = 'comprehensive' | 'special' | 'onsite';
export type EmergencyPlanStatus = 'draft' | 'reviewing' | 'reviewed' | 'signed' | 'issued' | 'filed' | 'withdrawn';
export type EmergencyPlansTable = {
  enterprise_id: string; id: Generated<string>; kind: EmergencyPlanKind; title: string; status: Generated<EmergencyPlanStatus>;
  current_version: Generated<number>; issued_at: TimestampNullable; created_by: string | null; version: Generated<number>;
  created_at: Timestamp; updated_at: Timestamp;
  filed_version: number | null;
};

export type EmergencyPlanRevisionCause = 'law' | 'organisation' | 'risks' | 'resources' | 'drill' | 'other';
export type EmergencyPlanReviewMode = 'review' | 'demonstration';
export type EmergencyPlanReviewConclusion = 'passed' | 'passed_with_changes' | 'failed';
export type EmergencyPlanVersionsTable = {
  enterprise_id: string; plan_id: string; number: number;
  scope: Generated<string>; organisation: Generated<string>; response_levels: Generated<string>; procedures: Generated<string>;
  resources: Generated<string>; body: Generated<string>; risk_point_ids: JsonDefault; post_ids: JsonDefault;
  rescue_organisation: Generated<string>; contacts: Generated<string>;
  revision_cause: EmergencyPlanRevisionCause | null; revision_note: Generated<string>;
  review_mode: EmergencyPlanReviewMode | null; reviewers: JsonDefault; reviewed_on: DateColNullable;
  review_conclusion: EmergencyPlanReviewConclusion | null; review_opinions: Generated<string>;
  content_sha256: string | null; signature_id: string | null; signed_by: string | null; signed_at: TimestampNullable;
  distribution: JsonDefault; issued_at: TimestampNullable; issued_by: string | null;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp;
};

export type EmergencyPlanEventsTable = {
  enterprise_id: string; id: Generated<string>; plan_id: string; version_no: number; op: string; from_status: string | null; to_status: string;
  actor_id: string | null; at: Timestamp; note: Generated<string>; seq: Generated<string>;
};

export type EmergencyPlanReceiptsTable = {
  enterprise_id: string; plan_id: string; version_no: number; user_id: string; read_at: TimestampNullable; created_at: Timestamp;
};

export type EmergencyPlanFilingStatus = 'pending' | 'accepted' | 'returned' | 'withdrawn';
export type EmergencyPlanFilingsTable = {
  enterprise_id: string; id: Generated<string>; plan_id: string; version_no: number; department_id: string;
  status: Generated<EmergencyPlanFilingStatus>; submitted_at: Timestamp; submitted_by: string | null; rounds: Generated<number>;
  receipt_no: string | null; return_reason: string | null; decided_by: string | null; decided_at: TimestampNullable;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};

export type EmergencyPlanAssessmentKind = 'yearly_review' | 'evaluation';
export type EmergencyPlanAssessmentsTable = {
  enterprise_id: string; id: Generated<string>; plan_id: string; version_no: number; kind: EmergencyPlanAssessmentKind;
  reviewer: string; reviewed_on: DateCol; changed: boolean; reason: string;
  content_sha256: string | null; signature_id: string | null; signed_by: string | null; signed_at: TimestampNullable;
  created_by: string | null; created_at: Timestamp;
};

export type EmergencyPlanTables = {
  emergency_plans: EmergencyPlansTable;
  emergency_plan_versions: EmergencyPlanVersionsTable;
  emergency_plan_events: EmergencyPlanEventsTable;
  emergency_plan_receipts: EmergencyPlanReceiptsTable;
  emergency_plan_filings: EmergencyPlanFilingsTable;
  emergency_plan_assessments: EmergencyPlanAssessmentsTable;
};
