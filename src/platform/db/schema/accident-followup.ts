import type { ColumnType, Generated } from 'kysely';
import type { DateCol, DateColNullable, Timestamp, TimestampNullable } from '../schema';

/** Issue 14 §4–5, R-RESP-8: interviews, investigations, actions, reporting findings, risk links and insurer notices (migration 0119). */
export type AccidentInterviewsTable = {
  enterprise_id: string; id: Generated<string>; held_at: Timestamp; place: Generated<string>; principal_name: string;
  participants: ColumnType<unknown, string | undefined, string>; record: string; commitments: Generated<string>; follow_up: Generated<string>;
  follow_up_due: DateColNullable; follow_up_done_at: TimestampNullable; follow_up_note: Generated<string>; department_id: string | null;
  recorded_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type AccidentInterviewAccidentsTable = { enterprise_id: string; interview_id: string; accident_id: string };
export type InvestigationConductor = 'district' | 'enterprise' | 'higher';
export type AccidentInvestigationsTable = {
  enterprise_id: string; accident_id: string; conducted_by: InvestigationConductor; entrusted_at: TimestampNullable; entrusted_by: string | null;
  team: ColumnType<unknown, string | undefined, string>; cause_direct: Generated<string>; cause_indirect: Generated<string>; cause_management: Generated<string>;
  five_whys: ColumnType<unknown, string | undefined, string>; responsibility_accident: boolean | null; person_findings: ColumnType<unknown, string | undefined, string>;
  higher_report: Generated<string>; lessons: Generated<string>; lessons_published_at: TimestampNullable; status: Generated<'open' | 'concluded'>;
  concluded_at: TimestampNullable; concluded_by: string | null; created_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type AccidentActionsTable = {
  enterprise_id: string; id: Generated<string>; accident_id: string; kind: 'corrective' | 'preventive'; content: string; owner_employee_id: string;
  due_on: DateCol; status: Generated<'open' | 'done'>; done_note: Generated<string>; done_at: TimestampNullable; done_by: string | null;
  created_by: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type ReportingFindingKind = 'omitted' | 'false' | 'concealed';
export type AccidentReportingFindingsTable = {
  enterprise_id: string; id: Generated<string>; accident_id: string; kind: ReportingFindingKind; description: string; found_on: DateCol;
  department_id: string | null; subdistrict_id: string | null; recorded_by: string | null; created_at: Timestamp;
};
export type AccidentRiskLinksTable = { enterprise_id: string; accident_id: string; risk_point_id: string; linked_by: string | null; linked_at: Timestamp };
export type AccidentInsuranceNoticesTable = {
  enterprise_id: string; id: Generated<string>; accident_id: string; policy_id: string; institution_id: string; created_by: string | null; created_at: Timestamp;
};

export type InvestigationEventOp = 'open' | 'entrust' | 'update' | 'action_add' | 'action_done' | 'conclude' | 'correct';
/** The investigation's history and the interviews' corrections (migration 0123). */
export type AccidentInvestigationEventsTable = {
  enterprise_id: string; id: Generated<string>; seq: Generated<string>; accident_id: string; op: InvestigationEventOp; at: Timestamp; actor_id: string | null;
  note: Generated<string>; detail: ColumnType<unknown, string | undefined, string>;
};
export type AccidentInterviewCorrectionsTable = {
  enterprise_id: string; id: Generated<string>; interview_id: string; version: number; at: Timestamp; actor_id: string | null; reason: string;
  before: ColumnType<unknown, string, string>; after: ColumnType<unknown, string, string>;
};

export type AccidentFollowupTables = {
  accident_interviews: AccidentInterviewsTable;
  accident_interview_accidents: AccidentInterviewAccidentsTable;
  accident_investigations: AccidentInvestigationsTable;
  accident_actions: AccidentActionsTable;
  accident_reporting_findings: AccidentReportingFindingsTable;
  accident_risk_links: AccidentRiskLinksTable;
  accident_insurance_notices: AccidentInsuranceNoticesTable;
  accident_investigation_events: AccidentInvestigationEventsTable;
  accident_interview_corrections: AccidentInterviewCorrectionsTable;
};
