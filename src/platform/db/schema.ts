import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely table types. They mirror migrations/*.sql; keep both in step. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json = ColumnType<unknown, string, string>;
export type JsonNullable = ColumnType<unknown, string | null | undefined, string | null>;

export type AppSettingsTable = { key: string; value: Json; updated_at: Timestamp };
export type DistrictsTable = { id: Generated<string>; code: string; name: string; created_at: Timestamp };
export type SubdistrictsTable = { id: Generated<string>; district_id: string; code: string; name: string; created_at: Timestamp };
export type IndustriesTable = {
  code: string; name: string; name_en: string; high_risk: Generated<boolean>; categories: ColumnType<string[], string[] | undefined, string[]>; sort: Generated<number>;
};
export type DepartmentsTable = { id: Generated<string>; district_id: string; code: string; name: string; created_at: Timestamp };
export type DepartmentIndustriesTable = { department_id: string; industry_code: string };
export type EnterprisesTable = {
  id: Generated<string>;
  district_id: string;
  credit_code: string;
  name: string;
  address: Generated<string>;
  subdistrict_id: string;
  industry_code: string;
  legal_representative: Generated<string>;
  principal_name: Generated<string>;
  principal_phone: Generated<string>;
  employee_count: Generated<number>;
  above_scale: Generated<boolean>;
  central_provincial: Generated<boolean>;
  state_owned: Generated<boolean>;
  crowded_venue: Generated<boolean>;
  high_risk: Generated<boolean>;
  status: Generated<'active' | 'suspended' | 'closed'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  // RULES.md §8 (migration 0083): revenue in 万元 (numeric, read as a string), carrier, 职代会, controller, joined on.
  annual_revenue_wan: Numeric;
  hazardous_goods_carrier: Generated<boolean>;
  has_workers_congress: Generated<boolean>;
  actual_controller: Generated<string>;
  onboarded_on: DateColNullable;
};
export type InstitutionsTable = { id: Generated<string>; kind: 'insurer' | 'service'; name: string; credit_code: string | null; created_at: Timestamp };
export type InstitutionEnterprisesTable = { institution_id: string; enterprise_id: string };
export type OrgUnitKind = 'company' | 'department' | 'workshop' | 'team';
export type OrgUnitsTable = {
  enterprise_id: string; id: Generated<string>; parent_id: string | null; kind: OrgUnitKind; name: string; path: string; sort: Generated<number>; created_at: Timestamp;
};
export type PostsTable = {
  enterprise_id: string; id: Generated<string>; org_unit_id: string; name: string; key_post: Generated<boolean>; special_operation: Generated<boolean>; certificate_type: string | null; created_at: Timestamp;
};
export type EmploymentForm = 'regular' | 'dispatched' | 'temporary' | 'migrant' | 'intern';
export type EmployeesTable = {
  enterprise_id: string;
  id: Generated<string>;
  name: string;
  id_number_masked: string;
  id_number_hash: string;
  phone: Generated<string>;
  employment_form: EmploymentForm;
  org_unit_id: string;
  hire_date: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<'active' | 'left'>;
  /** Migration 0082: keyed hash of (enterprise, employee, last four of the ID number), for signing without an account. */
  id_last4_hash: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type EmployeePostsTable = { enterprise_id: string; employee_id: string; post_id: string };
export type Role =
  | 'district_admin' | 'department_officer' | 'subdistrict_officer'
  | 'enterprise_principal' | 'safety_manager' | 'unit_leader' | 'employee'
  | 'insurer_staff' | 'service_staff';
export type UsersTable = {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  district_id: string | null;
  department_id: string | null;
  subdistrict_id: string | null;
  enterprise_id: string | null;
  org_unit_id: string | null;
  employee_id: string | null;
  institution_id: string | null;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  last_login_at: TimestampNullable;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0129 (R-TRN-2): when the account took its role (or came to stand for its person). */
  role_since: Timestamp;
};
export type SessionsTable = {
  id_hash: string; user_id: string; csrf_token: string; ip: string | null; user_agent: string | null; created_at: Timestamp; last_seen_at: Timestamp; expires_at: Timestamp;
};
/** Migration 0013 (D2): a one-time sign-in code per user, stored as its SHA-256. */
export type OneTimeCodesTable = {
  user_id: string; code_hash: string; issued_by: string | null; created_at: Timestamp; expires_at: Timestamp;
};
/** Migration 0013 (D13): failed sign-ins per (user name, source). */
export type LoginThrottleTable = {
  username: string; source: string; failures: Generated<number>; lockouts: Generated<number>; locked_until: TimestampNullable; last_failure_at: Timestamp;
};
/** D18: one row per account and Idempotency-Key (migrations/0014_idempotency.sql); `status` is null while in progress. */
export type IdempotencyKeysTable = {
  user_id: string; key: string; request_hash: string; status: number | null; content_type: string | null; response_body: string | null; created_at: Timestamp;
};
export type AuditLogTable = {
  seq: ColumnType<string, number | string | undefined, never>;
  chain: string;
  chain_seq: ColumnType<string, number | string, never>;
  hash_version: ColumnType<number, number | undefined, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  actor_scope: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  enterprise_id: string | null;
  before: JsonNullable;
  after: JsonNullable;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};
export type AuditChainHeadsTable = {
  chain: string;
  chain_seq: ColumnType<string, number | string, number | string>;
  hash: string;
};
export type JobsTable = {
  id: Generated<string>;
  name: string;
  payload: Json;
  state: Generated<'pending' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_at: TimestampNullable;
  created_at: Timestamp;
  finished_at: TimestampNullable;
};
export type JobScheduleRunsTable = { name: string; slot: string; created_at: Timestamp };
export type OutboxTable = {
  id: Generated<string>; topic: string; payload: Json; created_at: Timestamp; processed_at: TimestampNullable; attempts: Generated<number>; last_error: string | null;
  /** When a failed delivery is tried again (0122); null: at once. */
  run_at: TimestampNullable;
};
export type NotificationsTable = {
  id: Generated<string>; user_id: string; kind: string; title: string; body: Generated<string>; link: string | null; created_at: Timestamp; read_at: TimestampNullable;
  title_key: string | null; body_key: string | null; params: Generated<Record<string, string | number>>;
};

// ---- risk (0002) ----
export type RiskGrade = 1 | 2 | 3 | 4;
export type ControlLevelName = 'company' | 'department' | 'workshop' | 'team';
export type RuleSetsTable = { district_id: string; kind: string; version: number; rules: Json; note: Generated<string>; created_by: string | null; created_at: Timestamp };
/** The plan record; its image is an attachment linked to it (migration 0042). */
export type FloorPlansTable = { enterprise_id: string; id: Generated<string>; name: string; created_at: Timestamp };
export type RiskPointsTable = {
  enterprise_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'equipment' | 'operation' | 'place';
  org_unit_id: string;
  location: Generated<string>;
  hazard_factors: ColumnType<unknown, string | undefined, string>;
  accident_types: ColumnType<string[], string[] | undefined, string[]>;
  major_hazard_source: Generated<boolean>;
  emergency_measures: Generated<string>;
  grade: RiskGrade | null;
  inherent_grade: RiskGrade | null;
  residual_grade: RiskGrade | null;
  control_level: ControlLevelName | null;
  last_assessed_at: TimestampNullable;
  reassess_due: ColumnType<string | null, string | null | undefined, string | null>;
  has_warning_signs: Generated<boolean>;
  has_monitoring: Generated<boolean>;
  has_emergency_equipment: Generated<boolean>;
  has_escape_routes: Generated<boolean>;
  floor_plan_id: string | null;
  shape: JsonNullable;
  control_failing: Generated<boolean>;
  status: Generated<'active' | 'archived'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type RiskPointPostsTable = { enterprise_id: string; risk_point_id: string; post_id: string };
export type RiskAssessmentsTable = {
  enterprise_id: string; id: Generated<string>; risk_point_id: string; stage: 'inherent' | 'residual'; methods: Json; grade: RiskGrade;
  rule_set_version: number; reason: string; assessed_by: string | null; assessed_at: Timestamp; seq: ColumnType<string, never, never>;
};
export type RiskControllersTable = { enterprise_id: string; risk_point_id: string; level: ControlLevelName; employee_id: string };
export type MeasureCategory = 'engineering' | 'monitoring' | 'isolation' | 'ppe' | 'management' | 'training' | 'emergency';
export type ControlMeasuresTable = { enterprise_id: string; id: Generated<string>; risk_point_id: string; category: MeasureCategory; content: string; owner_employee_id: string | null; sort: Generated<number> };
export type CheckCycle = 'shift' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
export type RiskCheckItemsTable = { enterprise_id: string; id: Generated<string>; risk_point_id: string; measure_id: string; content: string; method: Generated<string>; cycle: CheckCycle; post_id: string | null };
export type PostCardTokensTable = { token: string; enterprise_id: string; post_id: string; created_at: Timestamp; revoked_at: TimestampNullable };
export type RiskAnnualReportsTable = {
  enterprise_id: string; year: number; status: Generated<'draft' | 'confirmed' | 'submitted'>; narrative: Generated<string>; snapshot: JsonNullable;
  confirmed_by: string | null; confirmed_at: TimestampNullable; submitted_by: string | null; submitted_at: TimestampNullable;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
/** The latest forwarded version of a subdistrict's aggregate (its versions are submissions of kind `risk.subdistrict`, migration 0070). */
export type SubdistrictRiskReportsTable = { subdistrict_id: string; year: number; snapshot: Json; forwarded_by: string | null; forwarded_at: Timestamp; version: Generated<number> };

// ---- hazards (0005) ----
export type HazardStatus = 'reported' | 'confirmed' | 'rectifying' | 'submitted' | 'closed' | 'voided';
export type HazardSource = 'self_check' | 'employee_report' | 'regulator' | 'tip_off' | 'insurer' | 'service';
export type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
export type DateCol = ColumnType<string, string, string>;
export type DateColNullable = ColumnType<string | null, string | null | undefined, string | null>;
/** Money as exact numeric: read as a string, written as a decimal string (never a JS float). */
export type Money = ColumnType<string, string, string>;
export type MoneyNullable = ColumnType<string | null, string | null | undefined, string | null>;
export type CheckStandardItemsTable = { id: Generated<string>; code: string; category: string; content: string; method: Generated<string>; basis: Generated<string>; major_criterion: Generated<boolean>; sort: Generated<number> };
export type EnterpriseCheckItemsTable = { enterprise_id: string; id: Generated<string>; category: string; content: string; method: Generated<string>; basis: Generated<string>; major_criterion: Generated<boolean>; created_at: Timestamp };
export type ChecklistsTable = { enterprise_id: string; id: Generated<string>; level: 'enterprise' | 'workshop' | 'post'; name: string; org_unit_id: string | null; post_id: string | null; created_at: Timestamp; updated_at: Timestamp };
export type ChecklistItemsTable = {
  enterprise_id: string; id: Generated<string>; checklist_id: string; source: 'standard' | 'enterprise' | 'risk'; source_id: string | null; risk_point_id: string | null; content: string;
  method: Generated<string>; major_criterion: Generated<boolean>; sort: Generated<number>;
  // migration 0006
  category: Generated<string>; basis: Generated<string>; cycle: CheckCycle | null; responsible: Generated<string>;
};
export type CheckPlansTable = {
  enterprise_id: string; id: Generated<string>; name: string; type: 'daily' | 'comprehensive' | 'special' | 'seasonal' | 'holiday' | 'resumption'; cycle: CheckCycle;
  checklist_id: string; assignee_post_id: string | null; assignee_user_id: string | null; starts_on: DateCol; ends_on: DateColNullable; active: Generated<boolean>; created_at: Timestamp;
};
export type CheckTasksTable = {
  enterprise_id: string; id: Generated<string>; plan_id: string; checklist_id: string; period_key: string; due_at: Timestamp; assignee_post_id: string | null; assignee_user_id: string | null;
  status: Generated<'open' | 'done' | 'missed'>; done_by: string | null; done_at: TimestampNullable; pass_count: Generated<number>; fail_count: Generated<number>; na_count: Generated<number>; created_at: Timestamp;
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>; // migration 0006
};
export type CheckTaskResultsTable = { enterprise_id: string; task_id: string; checklist_item_id: string; result: 'pass' | 'fail' | 'na'; note: Generated<string>; photo_ids: ColumnType<string[], string[] | undefined, string[]>; hazard_id: string | null; content: Generated<string> };
export type HazardsTable = {
  enterprise_id: string; id: Generated<string>; code: string; title: string; description: Generated<string>; source: HazardSource;
  hazard_class: 'thing' | 'behaviour' | 'management' | null; level: Generated<'general' | 'major'>; major_criterion: string | null;
  risk_point_id: string | null; org_unit_id: string; location: Generated<string>; status: Generated<HazardStatus>;
  reported_by: string | null; reported_at: Timestamp; confirmed_by: string | null; confirmed_at: TimestampNullable;
  rectifier_id: string | null; measures: Generated<string>; deadline: DateColNullable; funds: Numeric;
  submitted_by: string | null; submitted_at: TimestampNullable; accepted_by: string | null; closed_at: TimestampNullable; acceptance_note: Generated<string>;
  void_reason: string | null; on_spot: Generated<boolean>; escalation_level: Generated<number>; check_task_id: string | null; checklist_item_id: string | null;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
  escalation_rule_version: number | null;
};
export type HazardEventsTable = { enterprise_id: string; id: Generated<string>; hazard_id: string; op: string; from_status: string | null; to_status: string; actor_id: string | null; at: Timestamp; note: Generated<string>; photo_ids: ColumnType<string[], string[] | undefined, string[]>; seq: ColumnType<string, never, never> };
export type HazardExtensionsTable = {
  enterprise_id: string; id: Generated<string>; hazard_id: string; requested_by: string | null; requested_at: Timestamp; old_deadline: DateCol; new_deadline: DateCol; reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>; decided_by: string | null; decided_at: TimestampNullable; decision_note: Generated<string>;
};
export type HazardPlansTable = { enterprise_id: string; hazard_id: string; responsible_person: string; measures: string; funds: Numeric; time_limit: DateCol; contingency_plan: string; created_by: string | null; created_at: Timestamp; updated_at: Timestamp };
export type HazardSupervisionsTable = { enterprise_id: string; hazard_id: string; listed_by: string | null; listed_at: Timestamp; deadline: DateCol; note: Generated<string>; status: Generated<'listed' | 'delisted'>; delisted_by: string | null; delisted_at: TimestampNullable };
/** One reminder or escalation notice per hazard and local day (migration 0007). */
export type HazardRemindersTable = { enterprise_id: string; hazard_id: string; day: string };
export type RiskAnnualReportEventsTable = {
  enterprise_id: string; year: number; seq: number; action: 'create' | 'confirm' | 'reopen' | 'submit' | 'correct'; // 'correct': migration 0050
  from_status: 'draft' | 'confirmed' | 'submitted' | null; to_status: 'draft' | 'confirmed' | 'submitted'; actor_id: string | null;
  at: Date;
};
export type HazardPointsTable = { enterprise_id: string; hazard_id: string; user_id: string; points: number; awarded_at: Timestamp; rule_set_version: Generated<number> };
export type HazardReportsTable = { enterprise_id: string; period_type: 'month' | 'quarter' | 'year'; period_key: string; status: Generated<'draft' | 'confirmed' | 'submitted'>; snapshot: JsonNullable; confirmed_by: string | null; confirmed_at: TimestampNullable; submitted_by: string | null; submitted_at: TimestampNullable };

/** D12: the counters of every numbered code series (migration 0010); year 0 for series that do not restart. */
export type CodeCountersTable = { enterprise_id: string; series: string; year: Generated<number>; n: number };

/** Trigger-kept monthly hazard figures (migrations 0007, 0009): written only by triggers, read by the statistics. */
type MonthFigures = {
  month: ColumnType<string, string, string>; district_id: string; subdistrict_id: string; industry_code: string;
  found: Generated<number>; found_major: Generated<number>; confirmed: Generated<number>; closed_of_found: Generated<number>;
  voided: Generated<number>; closed: Generated<number>; closed_on_time: Generated<number>;
};
export type HazardMonthStatsTable = MonthFigures & { enterprise_id: string };
export type HazardGroupMonthStatsTable = MonthFigures;

// Issue 11: the obligations engine (migration 0080).
export type ObligationOccurrencesTable = {
  enterprise_id: string; id: Generated<string>; definition_key: string; rule_id: string; rule_set_version: number;
  period_key: string; subject_key: Generated<string>; subject_label: Generated<string>;
  owner: 'enterprise' | 'principal' | 'safety_manager' | 'person' | 'regulator';
  owner_employee_id: string | null; owner_user_id: string | null;
  reported_to: 'internal' | 'subdistrict' | 'department' | 'regulators' | 'congress';
  starts_on: DateCol; due_on: DateCol; due_provisional: Generated<boolean>;
  status: 'upcoming' | 'due' | 'fulfilled' | 'late_fulfilled' | 'overdue' | 'waived';
  fulfilled_at: TimestampNullable; fulfilled_by: string | null; fulfilment: 'record' | 'evidence' | null;
  record_type: string | null; record_id: string | null; evidence_note: string | null; awaiting_principal: Generated<boolean>;
  waived_reason: string | null; waived_by: string | null; waived_at: TimestampNullable;
  reminded: ColumnType<number[], number[] | undefined, number[]>; escalated: ColumnType<number[], number[] | undefined, number[]>;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type ObligationHistoryTable = {
  enterprise_id: string; occurrence_id: string; id: GeneratedAlways<string>; at: Timestamp; actor_user_id: string | null;
  action: string; from_status: string | null; to_status: string; note: string | null; record_type: string | null; record_id: string | null;
};
export type ObligationCountsTable = {
  district_id: string; subdistrict_id: string; industry_code: string; definition_key: string; due_year: number; status: string; n: number;
};

import type { EmergencyPlanTables } from './schema/emergency-plans';
import type { DrillTables } from './schema/drills';
import type { RescueTables } from './schema/rescue';
import type { AccidentTables } from './schema/accidents';
import type { AccidentFollowupTables } from './schema/accident-followup';

/** Issue 14's sub-modules keep their table types in src/platform/db/schema/*.ts, one file each, joined into DB. */
export type DB = EmergencyPlanTables & DrillTables & RescueTables & AccidentTables & AccidentFollowupTables & {
  duty_lists: DutyListsTable;
  duty_list_versions: DutyListVersionsTable;
  duty_list_assignments: DutyListAssignmentsTable;
  duty_reviews: DutyReviewsTable;
  duty_review_versions: DutyReviewVersionsTable;
  duty_assessments: DutyAssessmentsTable;
  duty_assessment_scores: DutyAssessmentScoresTable;
  signatures: SignaturesTable;
  letter_templates: LetterTemplatesTable;
  letter_campaigns: LetterCampaignsTable;
  letters: LettersTable;
  safety_commitments: SafetyCommitmentsTable;
  commitment_reports: CommitmentReportsTable;
  daily_risk_notices: DailyRiskNoticesTable;
  signature_failures: SignatureFailuresTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_decisions: MeetingDecisionsTable;
  meeting_events: MeetingEventsTable;
  key_moments: KeyMomentsTable;
  duty_checkins: DutyCheckinsTable;
  pay_links: PayLinksTable;
  mentorships: MentorshipsTable;
  mentorship_skills: MentorshipSkillsTable;
  mentorship_events: MentorshipEventsTable;
  obligation_occurrences: ObligationOccurrencesTable;
  obligation_history: ObligationHistoryTable;
  obligation_counts: ObligationCountsTable;
  code_counters: CodeCountersTable;
  check_standard_items: CheckStandardItemsTable;
  enterprise_check_items: EnterpriseCheckItemsTable;
  checklists: ChecklistsTable;
  checklist_items: ChecklistItemsTable;
  check_plans: CheckPlansTable;
  check_tasks: CheckTasksTable;
  check_task_results: CheckTaskResultsTable;
  hazards: HazardsTable;
  hazard_events: HazardEventsTable;
  hazard_extensions: HazardExtensionsTable;
  hazard_plans: HazardPlansTable;
  hazard_supervisions: HazardSupervisionsTable;
  hazard_points: HazardPointsTable;
  hazard_reminders: HazardRemindersTable;
  hazard_month_stats: HazardMonthStatsTable;
  hazard_group_month_stats: HazardGroupMonthStatsTable;
  risk_annual_report_events: RiskAnnualReportEventsTable;
  hazard_reports: HazardReportsTable;
  rule_sets: RuleSetsTable;
  floor_plans: FloorPlansTable;
  risk_points: RiskPointsTable;
  risk_point_posts: RiskPointPostsTable;
  risk_assessments: RiskAssessmentsTable;
  risk_controllers: RiskControllersTable;
  control_measures: ControlMeasuresTable;
  risk_check_items: RiskCheckItemsTable;
  post_card_tokens: PostCardTokensTable;
  risk_annual_reports: RiskAnnualReportsTable;
  subdistrict_risk_reports: SubdistrictRiskReportsTable;
  app_settings: AppSettingsTable;
  districts: DistrictsTable;
  subdistricts: SubdistrictsTable;
  industries: IndustriesTable;
  departments: DepartmentsTable;
  department_industries: DepartmentIndustriesTable;
  enterprises: EnterprisesTable;
  institutions: InstitutionsTable;
  institution_enterprises: InstitutionEnterprisesTable;
  org_units: OrgUnitsTable;
  posts: PostsTable;
  employees: EmployeesTable;
  employee_posts: EmployeePostsTable;
  users: UsersTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
  jobs: JobsTable;
  job_schedule_runs: JobScheduleRunsTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  attachments: AttachmentsTable;
  attachment_links: AttachmentLinksTable;
  attachment_quarantine: AttachmentQuarantineTable;
  export_jobs: ExportJobsTable;
  submissions: SubmissionsTable;
  submission_versions: SubmissionVersionsTable;
  work_calendar_days: WorkCalendarDaysTable;
  work_calendar_years: WorkCalendarYearsTable;
  liability_policies: LiabilityPoliciesTable;
  liability_policy_people: LiabilityPolicyPeopleTable;
  work_injury_coverage: WorkInjuryCoverageTable;
  safety_budgets: SafetyBudgetsTable;
  safety_budget_lines: SafetyBudgetLinesTable;
  safety_fee_years: SafetyFeeYearsTable;
  safety_fee_uses: SafetyFeeUsesTable;
  safety_fee_audits: SafetyFeeAuditsTable;
  safety_investment_checks: SafetyInvestmentChecksTable;
  equipment: EquipmentTable;
  equipment_risk_points: EquipmentRiskPointsTable;
  equipment_inspections: EquipmentInspectionsTable;
  renovation_projects: RenovationProjectsTable;
  culture_activities: CultureActivitiesTable;
  culture_participants: CultureParticipantsTable;
  reward_penalties: RewardPenaltiesTable;
  safety_departments: SafetyDepartmentsTable;
  safety_staff: SafetyStaffTable;
  safety_engineers: SafetyEngineersTable;
  safety_service_engagements: SafetyServiceEngagementsTable;
  management_indicators: ManagementIndicatorsTable;
  staffing_headcounts: StaffingHeadcountsTable;
  documents: DocumentsTable;
  document_posts: DocumentPostsTable;
  document_versions: DocumentVersionsTable;
  document_acks: DocumentAcksTable;
  document_reviews: DocumentReviewsTable;
  laws: LawsTable;
  enterprise_laws: EnterpriseLawsTable;
  enterprise_law_documents: EnterpriseLawDocumentsTable;
  risk_card_acks: RiskCardAcksTable;
  // issue 13: training tables (keep this marker line)
  training_plans: TrainingPlansTable;
  training_plan_items: TrainingPlanItemsTable;
  training_sessions: TrainingSessionsTable;
  training_attendance: TrainingAttendanceTable;
  training_person_years: TrainingPersonYearsTable;
  training_retraining_events: TrainingRetrainingEventsTable;
  training_prior: TrainingPriorTable;
  training_plan_reviews: TrainingPlanReviewsTable;
  // issue 13: certificates tables (keep this marker line)
  certificates: CertificatesTable;
  certificate_reviews: CertificateReviewsTable;
  certificate_post_hazards: CertificatePostHazardsTable;
  minor_employees: MinorEmployeesTable;
  // issue 13: ppe tables (keep this marker line)
  ppe_posts: PpePostsTable;
  ppe_issues: PpeIssuesTable;
  // issue 13: standardisation tables (keep this marker line)
  standardisation_assessments: StandardisationAssessmentsTable;
  standardisation_adjustments: StandardisationAdjustmentsTable;
  standardisation_reviews: StandardisationReviewsTable;
};

export type UserRow = Selectable<UsersTable>;
export type EnterpriseRow = Selectable<EnterprisesTable>;
export type EmployeeRow = Selectable<EmployeesTable>;
export type NewEmployee = Insertable<EmployeesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;

/** Issue 8 §3 (migration 0040): every stored file, whatever its kind, and what it is attached to. */
export type AttachmentsTable = {
  enterprise_id: string; id: Generated<string>; kind: 'photo' | 'floor_plan' | 'document' | 'spreadsheet' | 'signature' | 'video'; mime: string; size: number; sha256: string;
  data: Buffer; name: Generated<string>; width: number | null; height: number | null; taken_at: TimestampNullable; uploaded_by: string | null;
  created_at: Timestamp; locked: Generated<boolean>;
  /** Migration 0120: `pending` while its upload waits in quarantine for the processing job (platform/files/deferred.ts). */
  state: Generated<'pending' | 'ready' | 'rejected'>;
};
/**
 * Migration 0120: the raw upload of a pending file, read by nobody but the processing job. `attempts` (0128): the
 * processing's tries so far, counted before each, so an upload that keeps crashing it is rejected (deferred.ts).
 */
export type AttachmentQuarantineTable = { enterprise_id: string; attachment_id: string; data: Buffer; created_at: Timestamp; attempts: Generated<number> };
export type AttachmentLinksTable = { enterprise_id: string; attachment_id: string; owner_type: string; owner_id: string; role: Generated<string>; created_at: Timestamp };
/** An export run as a job (platform/files/exports.ts), its progress and, once done, its file until it expires. */
export type ExportJobsTable = {
  id: Generated<string>; user_id: string; kind: string; params: Json; locale: Generated<string>;
  state: Generated<'pending' | 'running' | 'done' | 'failed'>; rows_done: Generated<number>; rows_total: Generated<number>;
  filename: string | null; fallback_name: string | null; content: Buffer | null; error: string | null;
  created_at: Timestamp; finished_at: TimestampNullable; expires_at: Timestamp;
};
/** Locked submissions (migration 0050): one document per (enterprise, kind, subject), one row per version. */
export type SubmissionStatus = 'draft' | 'confirmed' | 'submitted';
export type SubmissionsTable = {
  enterprise_id: string; kind: string; subject_key: string; current_version: Generated<number>; submitted_version: number | null;
  first_submitted_at: TimestampNullable; created_at: Timestamp;
  /** Migration 0070: whose document — an enterprise's, or a subdistrict's (then `enterprise_id` holds the subdistrict's id). */
  owner_type: Generated<'enterprise' | 'subdistrict'>;
  owner_enterprise_id: GeneratedAlways<string | null>; owner_subdistrict_id: GeneratedAlways<string | null>;
};
export type SubmissionVersionsTable = {
  enterprise_id: string; kind: string; subject_key: string; version: number; status: Generated<SubmissionStatus>; input: JsonNullable;
  revision: Generated<number>; snapshot: JsonNullable; snapshot_sha256: string | null; confirmed_by: string | null; confirmed_at: TimestampNullable;
  submitted_by: string | null; submitted_at: TimestampNullable; pdf: Buffer | null; pdf_sha256: string | null; pdf_rendered_at: TimestampNullable;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp;
};
/** China's official working-day calendar (migration 0081): the days that differ from Monday–Friday, and the loaded years. */
export type WorkCalendarDaysTable = { day: DateCol; kind: 'holiday' | 'workday'; name: Generated<string> };
export type WorkCalendarYearsTable = { year: number; source: string; loaded_at: Timestamp; loaded_by: string | null };
/** Issue 11 §8, R-RESP-5: safety meetings, their attendees, decisions (tracked actions) and history (migration 0085). */
export type MeetingType = 'safety_topic' | 'safety_committee' | 'regular' | 'congress' | 'staff_assembly' | 'other';
export type MeetingStatus = 'draft' | 'confirmed' | 'voided';
export type MeetingsTable = {
  enterprise_id: string; id: Generated<string>; type: MeetingType; title: string; held_at: Timestamp; place: Generated<string>;
  chair_employee_id: string; chair_user_id: string | null; agenda: Generated<string>; minutes: Generated<string>; status: Generated<MeetingStatus>;
  recorded_by: string | null; confirmed_by: string | null; confirmed_at: TimestampNullable; void_reason: string | null; voided_by: string | null;
  voided_at: TimestampNullable; replaces_id: string | null; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type MeetingAttendeesTable = { enterprise_id: string; meeting_id: string; employee_id: string; sign_in: 'manual' | 'signature' | 'qr' | null; signed_at: TimestampNullable };
export type MeetingDecisionsTable = {
  enterprise_id: string; id: Generated<string>; meeting_id: string; sort: Generated<number>; content: string; owner_employee_id: string; due_on: DateColNullable;
  status: Generated<'open' | 'done' | 'cancelled'>; done_note: string | null; done_by: string | null; done_at: TimestampNullable; version: Generated<number>;
  created_at: Timestamp; updated_at: Timestamp;
};
export type MeetingEventsTable = {
  enterprise_id: string; meeting_id: string; seq: GeneratedAlways<string>; op: string; from_status: string | null; to_status: string; actor_id: string | null; at: Timestamp; note: Generated<string>;
};
/** Issue 11: electronic signatures of one version of a document, never changed (migration 0082). */
export type SignatureMethod = 'pad' | 'password' | 'proxy_pad' | 'paper';
export type SignaturesTable = {
  enterprise_id: string; id: Generated<string>; document_type: string; document_id: string; document_version: number; content_sha256: string;
  signer_user_id: string | null; signer_employee_id: string | null; signer_name: string; method: SignatureMethod; image_attachment_id: string | null;
  operator_user_id: string | null; device: Generated<string>; ip: string | null; signed_at: Timestamp; confirmed_by: string | null; confirmed_at: TimestampNullable;
};
export type SignatureFailuresTable = {
  enterprise_id: string; id: GeneratedAlways<string>; employee_id: string | null; user_id: string | null; operator_user_id: string | null; method: string; at: Timestamp;
};
/** Issue 11, R-RESP-3, R-COM-1: letters, their signing campaigns and the principal's public commitment (migration 0086). */
export type LetterKind = 'responsibility' | 'commitment';
export type LetterTemplatesTable = {
  enterprise_id: string; id: Generated<string>; kind: LetterKind; version: number; title: string; body: string; created_by: string | null; created_at: Timestamp;
};
export type LetterCampaignsTable = {
  enterprise_id: string; id: Generated<string>; year: number; kind: LetterKind; template_version: number; title: string; body: string;
  starts_on: DateCol; status: Generated<'open' | 'completed'>; completed_at: TimestampNullable; late_hire_days: number; rule_set_version: number;
  last_reminded_on: DateColNullable; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type LettersTable = {
  enterprise_id: string; id: Generated<string>; campaign_id: string; employee_id: string; employee_name: string; org_unit_id: string;
  late_hire: Generated<boolean>; due_on: DateColNullable; status: Generated<'pending' | 'signed' | 'paper' | 'left'>; content_sha256: string;
  signature_id: string | null; signed_at: TimestampNullable; method: SignatureMethod | null; left_at: TimestampNullable; created_at: Timestamp; updated_at: Timestamp;
};
export type SafetyCommitmentsTable = {
  enterprise_id: string; id: Generated<string>; seq: number; year: number; status: Generated<'draft' | 'signed' | 'superseded'>; content: Json;
  content_sha256: string | null; principal_name: Generated<string>; signature_id: string | null; signed_by: string | null; signed_at: TimestampNullable;
  public_token: string | null; superseded_at: TimestampNullable; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type CommitmentReportsTable = { enterprise_id: string; commitment_id: string; period_key: string; reported_by: string | null; reported_at: Timestamp };
/** Issue 11 §6, R-COM-1 (migration 0090): hazardous-chemical enterprises' daily risk assessment and commitment notice. */
export type DailyRiskNoticesTable = {
  enterprise_id: string; id: Generated<string>; day: DateCol; status: Generated<'draft' | 'posted'>;
  units_running: number; units_stopped: number; units_maintenance: number; major_hazards: number; major_hazards_safe: boolean; special_work: Json;
  trial_production: boolean; start_stop: boolean; maintenance_work: boolean; note: Generated<string>; commitment: string; principal_name: Generated<string>;
  rule_set_version: number; content_sha256: string | null; signature_id: string | null; signed_by: string | null; posted_at: TimestampNullable;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
/** Issue 11 §4–§5 (migration 0084): duty lists, their versions and assignments, the yearly reviews and assessments. */
export type DutyListLevel = 'post' | 'department' | 'person';
export type DutyListsTable = {
  enterprise_id: string; id: Generated<string>; name: string; level: DutyListLevel; template_key: string | null; created_by: string | null; created_at: Timestamp; updated_at: Timestamp;
};
export type DutyListVersionsTable = {
  enterprise_id: string; list_id: string; version: number; status: 'draft' | 'current' | 'superseded'; items: Json; note: Generated<string>;
  effective_on: DateColNullable; made_by: string | null; made_at: Timestamp; published_by: string | null; published_at: TimestampNullable; superseded_at: TimestampNullable;
};
export type DutyListAssignmentsTable = {
  enterprise_id: string; id: Generated<string>; list_id: string; post_id: string | null; employee_id: string | null; org_unit_id: string | null; assigned_by: string | null; assigned_at: Timestamp;
};
export type DutyReviewsTable = {
  enterprise_id: string; id: Generated<string>; year: number; reviewer_user_id: string | null; reviewer_name: string; reviewed_on: DateCol; changed: boolean; reason: Generated<string>;
  created_by: string | null; created_at: Timestamp; signed_by: string | null; signed_at: TimestampNullable; signature_id: string | null;
};
export type DutyReviewVersionsTable = { enterprise_id: string; review_id: string; list_id: string; version: number };
export type DutyAssessmentsTable = {
  enterprise_id: string; id: Generated<string>; year: number; name: string; status: Generated<'open' | 'published'>; rule_set_version: number; principal_assessed_by: 'board' | 'self';
  created_by: string | null; created_at: Timestamp; publish_from: DateColNullable; publish_to: DateColNullable; published_by: string | null; published_at: TimestampNullable;
};
export type DutyAssessmentScoresTable = {
  enterprise_id: string; assessment_id: string; employee_id: string; org_unit_id: string; is_principal: Generated<boolean>; assessor_kind: 'leader' | 'managers' | 'board' | 'self';
  assessor_user_id: string | null; items: JsonNullable; max_points: Numeric; total: Numeric; percent: Numeric; grade: 'excellent' | 'good' | 'pass' | 'fail' | null;
  comment: Generated<string>; scored_by: string | null; scored_at: TimestampNullable;
};
/** Issue 11 §9 (migration 0087): key moments and their on-duty check-ins (R-RESP-6), the pay–safety link (R-RESP-7), mentoring (R-RESP-9). */
export type KeyMomentKind = 'holiday' | 'resumption' | 'maintenance';
export type KeyMomentsTable = {
  enterprise_id: string; id: Generated<string>; kind: KeyMomentKind; name: string; starts_on: DateCol; ends_on: DateCol;
  source: 'calendar' | 'suspension' | 'declared'; shutdown_from: DateColNullable; shutdown_to: DateColNullable;
  leader_employee_id: string | null; leader_user_id: string | null; note: Generated<string>; rule_set_version: number;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type DutyCheckinsTable = {
  enterprise_id: string; id: Generated<string>; moment_id: string; day: DateCol; user_id: string; employee_id: string | null; at: Timestamp;
  note: Generated<string>; location_text: string; location_consent: Generated<boolean>; latitude: Numeric; longitude: Numeric; photo_id: string;
};
export type PayLinksTable = {
  enterprise_id: string; id: Generated<string>; year: number; description: string; recorded_by: string | null; recorded_at: Timestamp;
};
export type MentorshipStatus = 'active' | 'completed' | 'cancelled';
export type MentorshipsTable = {
  enterprise_id: string; id: Generated<string>; mentor_employee_id: string; apprentice_employee_id: string; post_id: string | null;
  starts_on: DateCol; ends_on: DateCol; status: Generated<MentorshipStatus>; note: Generated<string>; cancel_reason: string | null;
  completed_at: TimestampNullable; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type MentorshipSkillsTable = {
  enterprise_id: string; id: Generated<string>; mentorship_id: string; sort: Generated<number>; kind: 'procedure' | 'risk_card' | 'other'; title: string;
  risk_point_id: string | null; signed_by_employee_id: string | null; signed_by_user_id: string | null; signed_at: TimestampNullable; created_at: Timestamp;
};
export type MentorshipEventsTable = {
  enterprise_id: string; mentorship_id: string; seq: GeneratedAlways<string>; op: string; from_status: string | null; to_status: string; actor_id: string | null; at: Timestamp; note: Generated<string>;
};
/** Issue 12 §4, R-INS-1 (migration 0092): safety-liability policies, their insured people, and work-injury coverage. */
export type LiabilityPoliciesTable = {
  enterprise_id: string; id: Generated<string>; institution_id: string; policy_number: string; starts_on: DateCol; ends_on: DateCol;
  premium: Money; premium_paid_by: 'unit' | 'staff'; status: Generated<'pending' | 'confirmed'>; in_force: Generated<boolean>;
  confirmed_by: string | null; confirmed_at: TimestampNullable; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type LiabilityPolicyPeopleTable = { enterprise_id: string; policy_id: string; employee_id: string; cover: Money };
export type WorkInjuryCoverageTable = { enterprise_id: string; employee_id: string; covered: boolean; updated_by: string | null; updated_at: Timestamp };
/** Issue 12 §3, R-INV-1 (migration 0093): safety-investment budgets and the safety production fee (money is numeric(18,2)). */
export type SafetyBudgetsTable = {
  enterprise_id: string; id: Generated<string>; year: number; status: Generated<'draft' | 'approved'>; note: Generated<string>; total: Generated<string>;
  content_sha256: string | null; signature_id: string | null; approved_by: string | null; approved_at: TimestampNullable;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type SafetyBudgetLinesTable = { enterprise_id: string; budget_id: string; line_no: number; category: string; amount: Money; purpose: Generated<string> };
export type SafetyFeeYearsTable = {
  enterprise_id: string; year: number; required_accrual: MoneyNullable; accrual_inputs: JsonNullable; accrual_lines: JsonNullable; rule_set_version: number | null;
  computed_by: string | null; computed_at: TimestampNullable; accrued: Generated<string>; opening_balance: MoneyNullable;
  updated_at: Timestamp; version: Generated<number>;
};
export type SafetyFeeUsesTable = {
  enterprise_id: string; id: Generated<string>; year: number; used_on: DateCol; category: string; amount: Money; purpose: string; voucher_no: Generated<string>;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type SafetyFeeAuditsTable = {
  enterprise_id: string; id: Generated<string>; year: number; kind: 'internal' | 'external'; audited_on: DateCol; auditor: string; findings: Generated<string>;
  rectification: Generated<string>; rectified: Generated<boolean>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type SafetyInvestmentChecksTable = {
  enterprise_id: string; id: Generated<string>; year: number; checked_on: DateCol; comments: string; figures: Json;
  content_sha256: string | null; signature_id: string | null; signed_by: string | null; signed_at: TimestampNullable; created_by: string | null; created_at: Timestamp;
};
/** Issue 12 §5 (migration 0094): the equipment register, its risk points and inspections, and the renovation projects. */
export type EquipmentStatus = 'in_use' | 'idle' | 'retired';
export type EquipmentTable = {
  enterprise_id: string; id: Generated<string>; code: string; name: string; type: Generated<string>; model: Generated<string>; org_unit_id: string;
  location: Generated<string>; floor_plan_id: string | null; position: JsonNullable; monitoring_measures: Generated<string>; special_type: string | null;
  registration_no: Generated<string>; registration_cert_no: Generated<string>; last_inspected_on: DateColNullable; next_inspection_due: DateColNullable;
  inspection_cert_no: Generated<string>; obsolete_item: string | null; status: Generated<EquipmentStatus>; overdue_hazard_id: string | null;
  overdue_hazard_due: DateColNullable; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type EquipmentRiskPointsTable = { enterprise_id: string; equipment_id: string; risk_point_id: string };
export type EquipmentInspectionsTable = {
  enterprise_id: string; id: Generated<string>; equipment_id: string; inspected_on: DateCol; next_due: DateCol; result: 'pass' | 'conditional' | 'fail';
  inspector: Generated<string>; certificate_no: Generated<string>; note: Generated<string>; recorded_by: string | null; created_at: Timestamp;
};
export type RenovationProjectsTable = {
  enterprise_id: string; id: Generated<string>; name: string; year: number; kind: 'mechanisation' | 'automation'; investment: Money; people_reduced: number;
  status: 'planned' | 'in_progress' | 'completed'; note: Generated<string>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
/** Issue 12 §6 (migration 0097): safety-culture activities, their participants, and the reward-and-penalty ledger. */
export type CultureActivityKind = 'pre_shift' | 'safety_month' | 'activity_day' | 'knowledge_contest' | 'drill' | 'other';
export type CultureActivitiesTable = {
  enterprise_id: string; id: Generated<string>; kind: CultureActivityKind; held_on: DateCol; topic: string; org_unit_id: string | null; host: Generated<string>;
  content: Generated<string>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type CultureParticipantsTable = {
  enterprise_id: string; activity_id: string; employee_id: string; signature_id: string | null; signed_at: TimestampNullable; added_at: Timestamp;
};
export type RewardPenaltiesTable = {
  enterprise_id: string; id: Generated<string>; kind: 'reward' | 'penalty'; employee_id: string; decided_on: DateCol; reason: string; amount: MoneyNullable;
  measure: Generated<string>; hazard_id: string | null; hazard_code: string | null; created_by: string | null; created_at: Timestamp;
};
/**
 * Issue 12 §1, R-TEAM-1/2 (migration 0091): the safety department, safety staff, registered safety engineers, outsourced
 * engagements, and the active headcount per enterprise. `employee_active` and `staffing_headcounts` are kept by triggers on employees.
 */
export type SafetyEngineerSpecialty = 'coal_mine' | 'metal_nonmetal_mine' | 'chemical' | 'metal_smelting' | 'construction' | 'road_transport' | 'other';
export type SafetyDepartmentsTable = {
  enterprise_id: string; name: string; document_no: Generated<string>; established_on: DateColNullable; note: Generated<string>;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type SafetyStaffTable = {
  enterprise_id: string; id: Generated<string>; employee_id: string; kind: 'full_time' | 'part_time'; appointment_no: Generated<string>; appointed_on: DateColNullable;
  duties: Generated<string>; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp; employee_active: Generated<boolean>;
};
export type SafetyEngineersTable = {
  enterprise_id: string; id: Generated<string>; employee_id: string; certificate_no: string; specialty: SafetyEngineerSpecialty; valid_until: DateCol;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp; employee_active: Generated<boolean>;
};
export type SafetyServiceEngagementsTable = {
  enterprise_id: string; id: Generated<string>; institution_name: string; services: Generated<string>; contract_no: Generated<string>; starts_on: DateCol;
  ends_on: DateColNullable; version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
};
export type StaffingHeadcountsTable = { enterprise_id: string; active: Generated<number> };
/**
 * Issue 12 §2, R-DOC-1 (migration 0098): the document library (rules, procedures, post procedures), the posts each covers,
 * its versions, the read-and-acknowledge receipts, the principal's yearly review, and the district's register of laws
 * with each enterprise's adoption of them and the rule documents that implement each.
 */
export type DocumentsTable = {
  enterprise_id: string; id: Generated<string>; kind: 'rule' | 'procedure' | 'post_procedure'; title: string;
  required_codes: ColumnType<string[], string[] | undefined, string[]>; processes: Generated<string>; archived: Generated<boolean>;
  created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type DocumentPostsTable = { enterprise_id: string; document_id: string; post_id: string };
export type DocumentVersionStatus = 'draft' | 'approved' | 'published';
export type DocumentVersionsTable = {
  enterprise_id: string; id: Generated<string>; document_id: string; number: number; status: Generated<DocumentVersionStatus>; effective_on: DateCol;
  body: Generated<string>; change_note: Generated<string>; signature_id: string | null; content_sha256: string | null; approved_by: string | null;
  approved_at: TimestampNullable; published_by: string | null; published_at: TimestampNullable; created_by: string | null; created_at: Timestamp;
  row_version: Generated<number>;
  /** Migration 0102: the version's quiz (JSON array, at most 5), frozen once the version leaves draft. */
  quiz: ColumnType<DocumentQuizQuestion[], string | undefined, string>;
};
export type DocumentAcksTable = {
  enterprise_id: string; version_id: string; employee_id: string; document_id: string; asked_at: Timestamp; acknowledged_at: TimestampNullable;
  acknowledged_by: string | null; signature_id: string | null;
  /** Migration 0102: how many times the person answered the version's quiz (the answers are not kept). */
  quiz_attempts: Generated<number>;
};
/** Migration 0102: one single-choice question of a version's quiz; `correct` is the index of the right option. */
export type DocumentQuizQuestion = { text: string; options: string[]; correct: number };
export type DocumentReviewsTable = {
  enterprise_id: string; id: Generated<string>; year: number; reviewed_on: DateCol; changed: boolean; reason: string; signature_id: string;
  content_sha256: string; signed_by: string; created_at: Timestamp;
};
export type LawLevel = 'national' | 'provincial' | 'city' | 'district';
export type LawKind = 'law' | 'regulation' | 'rule' | 'standard' | 'normative';
export type LawsTable = {
  id: Generated<string>; district_id: string; level: LawLevel; kind: LawKind; title: string; doc_number: Generated<string>; issuer: Generated<string>;
  effective_on: DateColNullable; repealed: Generated<boolean>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type EnterpriseLawsTable = { enterprise_id: string; law_id: string; adopted_by: string | null; adopted_at: Timestamp };
export type EnterpriseLawDocumentsTable = { enterprise_id: string; law_id: string; document_id: string };

/** Issue 12 §7 (migration 0101): each enterprise's management-system indicators, as decided at its chain position. */
export type ManagementIndicatorsTable = {
  enterprise_id: string; rules_key: string; chain_seq: number; headcount: number; staffing_ok: boolean; missing_rules: string[];
  asked: number; acknowledged: number; ack_rate: number | null;
  fee_applies: boolean; fee_required: MoneyNullable; fee_accrued: MoneyNullable; fee_used: Money; fee_ineligible: Money; fee_shortfall: Money;
  insurance_applies: boolean; policy_missing: boolean; uninsured: number; overdue: number;
  p_staffing: boolean; p_rules: boolean; p_fee: boolean; p_insurance: boolean; p_equipment: boolean; problems: number; computed_at: Timestamp;
  // Issue 13 §5 (migration 0108): the competence indicators.
  training_people: Generated<number>; training_shortfall: Generated<number>; legal_covered: Generated<number>; unqualified_on_post: Generated<number>;
  certs_expiring: Generated<number>; certs_expired: Generated<number>; certs_review_due: Generated<number>; minors_on_hazardous: Generated<number>;
  ppe_missing: Generated<number>; ppe_overdue: Generated<number>; std_required: Generated<boolean>; std_status: Generated<string>;
  std_score: ColumnType<string | null, string | number | null | undefined, string | number | null>; std_intended: string | null; std_awarded: string | null;
  std_valid_until: DateColNullable; p_training: Generated<boolean>; p_certificates: Generated<boolean>; p_ppe: Generated<boolean>;
  p_standardisation: Generated<boolean>; competence_problems: Generated<number>;
  // Migration 0113.
  training_hours: Generated<Money>;
};

/** R-RISK-7, issue 12 §2 (migration 0103): the content of his post's risk-notice card a person acknowledged last. */
export type RiskCardAcksTable = {
  enterprise_id: string; post_id: string; employee_id: string; content_sha256: string; acknowledged_at: Timestamp; acknowledged_by: string;
  signature_id: string | null; acks: Generated<number>;
};

// issue 13: training types (keep this marker line)
/** Issue 13 §1, R-TRN-1 (migration 0104): the training plan, sessions and attendance, re-training events, prior training, the principal's quarterly check. */
export type TrainingCourseType =
  | 'legal_education' | 'induction_company' | 'induction_workshop' | 'induction_team' | 'special' | 'regular' | 'emergency' | 'retraining' | 'other';
export type TrainingPlansTable = {
  enterprise_id: string; id: Generated<string>; year: number; note: Generated<string>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp;
  version: Generated<number>;
};
export type TrainingPlanItemsTable = {
  enterprise_id: string; plan_id: string; line_no: number; course_type: TrainingCourseType; title: string; target: Generated<string>; planned_hours: Money; month: number;
};
export type TrainingSessionsTable = {
  enterprise_id: string; id: Generated<string>; course_type: TrainingCourseType; title: string; trainer: Generated<string>; held_on: DateCol; hours: Money;
  exam_held: Generated<boolean>; note: Generated<string>; checkin_token_sha256: string | null; checkin_expires_at: TimestampNullable; created_by: string | null;
  created_at: Timestamp; updated_at: Timestamp; version: Generated<number>;
};
export type TrainingAttendanceTable = {
  enterprise_id: string; session_id: string; employee_id: string; held_on: DateCol; hours: Money; course_type: TrainingCourseType;
  method: 'qr' | 'proxy_pad' | 'import' | 'manager'; score: MoneyNullable; passed: boolean | null; signature_id: string | null; recorded_by: string | null;
  recorded_at: Timestamp;
};
/** R-TRN-1: hours per person and calendar year, kept by training_attendance's triggers (migration 0111). */
export type TrainingPersonYearsTable = {
  enterprise_id: string; year: number; employee_id: string; hours: Money; sessions: number; legal_sessions: number;
};
export type TrainingRetrainingReason = 'post_change' | 'return' | 'new_process' | 'new_equipment';
export type TrainingRetrainingEventsTable = {
  enterprise_id: string; id: Generated<string>; employee_id: string; reason: TrainingRetrainingReason; occurred_on: DateCol; away_since: DateColNullable;
  note: Generated<string>; created_by: string | null; created_at: Timestamp;
};
export type TrainingPriorTable = {
  enterprise_id: string; employee_id: string; attachment_id: string | null; note: Generated<string>; recorded_by: string | null; recorded_at: Timestamp;
};
export type TrainingPlanReviewsTable = {
  enterprise_id: string; id: Generated<string>; year: number; quarter: number; comments: string; report: Json; content_sha256: string; signature_id: string;
  signed_by: string; signed_at: Timestamp;
};

// issue 13: certificates types (keep this marker line)
/** Issue 13 §2, R-TRN-2 (migration 0105): the certificates people hold, their reviews, and the hazard per uncertified worker on a post. */
export type CertificateKind = 'special_operation' | 'special_equipment' | 'safety_qualification';
export type CertificatesTable = {
  enterprise_id: string; id: Generated<string>; employee_id: string; kind: CertificateKind; type_code: string; number: string; issuer: Generated<string>;
  issued_on: DateCol; valid_until: DateCol; next_review_on: DateColNullable; compliant_since: DateCol; extended_review: Generated<boolean>;
  attachment_id: string | null; note: Generated<string>; status: Generated<'active' | 'revoked'>; created_by: string | null; created_at: Timestamp;
  updated_at: Timestamp; version: Generated<number>;
};
export type CertificateReviewsTable = {
  enterprise_id: string; id: Generated<string>; certificate_id: string; kind: 'review' | 'renewal'; reviewed_on: DateCol; result: 'pass' | 'fail';
  before_valid_until: DateCol; before_next_review: DateColNullable; after_valid_until: DateCol; after_next_review: DateColNullable; number: Generated<string>;
  note: Generated<string>; recorded_by: string | null; created_at: Timestamp;
};
/** R-TRN-2: the day a person registered under 18 turns 18 (the full ID number is not kept, so the age is kept here). */
export type MinorEmployeesTable = { enterprise_id: string; employee_id: string; adult_on: DateCol };
export type CertificatePostHazardsTable = { enterprise_id: string; employee_id: string; post_id: string; lapse: string; hazard_id: string; opened_at: Timestamp };

// issue 13: ppe types (keep this marker line)
/** Issue 13 §3, R-PPE-1 (migration 0106): each post's post type [cfg], or its own issue standard. */
export type PpePostItem = { item: string; quantity: number; cycleMonths: number | null };
export type PpePostsTable = {
  enterprise_id: string; post_id: string; post_type: string; items: ColumnType<PpePostItem[] | null, string | null, string | null>;
  updated_by: string | null; updated_at: Timestamp; version: Generated<number>;
};
/** The issue ledger: one item issued to one person, its next replacement and the person's signed receipt (signed rows immutable). */
export type PpeIssuesTable = {
  enterprise_id: string; id: Generated<string>; employee_id: string; post_id: string | null; item: string; item_name: string; standard: Generated<string>;
  quantity: number; issued_on: DateCol; cycle_months: number | null; next_replacement: DateColNullable; batch_id: string | null; note: Generated<string>;
  issued_by: string | null; created_at: Timestamp; signature_id: string | null; signed_at: TimestampNullable; sign_method: 'pad' | 'password' | 'proxy_pad' | null;
  voided_at: TimestampNullable; voided_by: string | null; void_reason: string | null; replaces_id: string | null; version: Generated<number>;
};

// issue 13: standardisation types (keep this marker line)
/** Issue 13 §4, R-STD-1 (migration 0107): the self-assessment's row per year, its adjustments, the external reviews. */
export type StandardisationAssessmentsTable = {
  enterprise_id: string; year: number; id: Generated<string>; status: Generated<'draft' | 'confirmed' | 'submitted'>; submitted_version: number | null;
  score: Numeric; assessed_max: Numeric; intended_grade: '1' | '2' | '3' | 'none' | null; signature_id: string | null;
  first_submitted_at: TimestampNullable; submitted_at: TimestampNullable; created_at: Timestamp; updated_at: Timestamp;
};
export type StandardisationAdjustmentsTable = {
  enterprise_id: string; year: number; element_code: string; score: ColumnType<string, number | string, number | string>; reason: string;
  evidence_ids: ColumnType<string[], string[], string[]>; adjusted_by: string | null; adjusted_at: Timestamp;
};
export type StandardisationReviewsTable = {
  enterprise_id: string; id: Generated<string>; review_body: string; reviewers: Generated<string>; reviewed_on: DateCol; passed: boolean;
  grade: '1' | '2' | '3' | null; certificate_no: Generated<string>; valid_until: DateColNullable; note: Generated<string>; recorded_by: string | null; created_at: Timestamp;
};
