import type { SubmissionVersion } from '../../../app/components/SubmissionVersions';
import { api, type Page, type Query } from '../../../app/api';
import type { ControlLevel, Grade } from './risk-grading';
import type { MeasureCategory, R8Item, RiskKind } from './risk.api';

type Grades = Record<Grade, number>;
export type PointFigures = {
  total: number; byGrade: Grades; unassessed: number; overdue: number; missingR8: number; controlFailing: number; majorHazardSources: number;
};
type PointRef = { id: string; code: string; name: string; grade: Grade | null };
export type Grade1Item = {
  id: string; code: string; name: string; orgUnitName: string; controlLevel: ControlLevel | null; majorHazardSource: boolean;
  reassessDue: string | null; missingR8: R8Item[]; controlFailing: boolean;
};
export type ReportData = {
  year: number;
  asOf: string;
  totals: PointFigures;
  byKind: { kind: RiskKind; total: number; byGrade: Grades }[];
  byUnit: { orgUnitId: string; orgUnitName: string; total: number; byGrade: Grades }[];
  measuresByCategory: Partial<Record<MeasureCategory, number>>;
  assessments: {
    inYear: number; initial: number;
    reassessments: { riskPointId: string; code: string; name: string; stage: string; grade: Grade; previousGrade: Grade | null; reason: string; assessedAt: string }[];
  };
  grade1: Grade1Item[];
  overdue: (PointRef & { reassessDue: string })[];
  missingR8: (PointRef & { missing: R8Item[] })[];
  controlFailing: PointRef[];
  riskList: {
    id: string; code: string; name: string; kind: RiskKind; orgUnitName: string; location: string; grade: Grade | null; controlLevel: ControlLevel | null;
    majorHazardSource: boolean; accidentTypes: string[]; reassessDue: string | null; controllers: { level: ControlLevel; name: string }[];
    measures: { category: MeasureCategory; content: string }[]; emergencyMeasures: string;
  }[];
};
export type ReportStatus = 'none' | 'draft' | 'confirmed' | 'submitted';
type Who = { id: string; name: string } | null;
export type AnnualReport = {
  enterpriseId: string; enterpriseName: string; year: number; status: ReportStatus; dueDate: string; live: boolean; data: ReportData;
  narrative: string | null; version: number;
  confirmedBy: Who; confirmedAt: string | null; submittedBy: Who; submittedAt: string | null; onTime: boolean | null;
  history: { action: string; fromStatus: string | null; toStatus: string; by: string | null; at: string }[];
  /** The submission's version this page shows (1, then 2… per correction), and every version, newest first. */
  submissionVersion: number;
  versions: SubmissionVersion[];
  abilities: { canEdit: boolean; canConfirm: boolean; canSubmit: boolean; canCorrect: boolean };
};

export type OverviewFlag = 'noLedger' | 'overdue' | 'missingR8' | 'controlFailing' | 'hasGrade1';
export const OVERVIEW_FLAGS: readonly OverviewFlag[] = ['hasGrade1', 'noLedger', 'overdue', 'missingR8', 'controlFailing'];
export type OverviewItem = {
  enterpriseId: string; name: string; creditCode: string; subdistrictId: string; subdistrictName: string; industryCode: string; industryName: string;
  total: number; byGrade: Grades; unassessed: number; overdue: number; missingR8: number; controlFailing: number; hasLedger: boolean;
};
export type OverviewSummary = {
  enterprises: number; withLedger: number; withoutLedger: number;
  points: { total: number; byGrade: Grades; unassessed: number; overdue: number; missingR8: number; controlFailing: number };
  enterprisesWith: { grade1: number; overdue: number; missingR8: number; controlFailing: number };
};
export type MajorItem = {
  riskPointId: string; enterpriseId: string; enterpriseName: string; subdistrictId: string; subdistrictName: string; industryCode: string; industryName: string;
  code: string; name: string; kind: RiskKind; orgUnitName: string; majorHazardSource: boolean; controlLevel: ControlLevel | null;
  reassessDue: string | null; overdue: boolean; missingR8: R8Item[]; controlFailing: boolean;
};
export type ReportStatusItem = {
  enterpriseId: string; name: string; creditCode: string; subdistrictId: string; subdistrictName: string; industryCode: string; industryName: string;
  status: ReportStatus; confirmedAt: string | null; submittedAt: string | null; submittedBy: string | null; onTime: boolean | null;
  /** The version regulators read: 1, or 2… after corrections; null before the first submission. */
  submittedVersion: number | null;
};
export type ReportStatusFilter = ReportStatus | 'notSubmitted' | 'late';
export const REPORT_STATUS_FILTERS: readonly ReportStatusFilter[] = ['none', 'draft', 'confirmed', 'submitted', 'notSubmitted', 'late'];
export type ReportStatusPage = Page<ReportStatusItem> & {
  year: number; dueDate: string; pastDue: boolean;
  /** The subdistrict forwards the aggregate: when it last did, and that version's number (null before the first). */
  canForward: boolean; forwardedAt: string | null; forwardedVersion: number | null;
  counts: { enterprises: number; none: number; draft: number; confirmed: number; submitted: number; onTime: number; late: number; notSubmitted: number };
};
type Attendance = { enterprises: number; submitted: number; onTime: number; late: number; notSubmitted: number };
export type SubdistrictAggregate = {
  year: number;
  totals: Attendance & { points: PointFigures };
  byIndustry: (Attendance & { industryCode: string; industryName: string; points: PointFigures })[];
  grade1: (Grade1Item & { enterpriseId: string; enterpriseName: string; industryCode: string })[];
  reports: { enterpriseId: string; enterpriseName: string; creditCode: string; industryCode: string; submittedAt: string; onTime: boolean; points: PointFigures }[];
  nonSubmitters: NonSubmitter[];
};
export type NonSubmitter = { enterpriseId: string; enterpriseName: string; creditCode: string; industryCode: string; status: ReportStatus };
/** One forwarded version of an aggregate, locked when forwarded. */
export type AggregateVersion = { version: number; forwardedAt: string; forwardedBy: string | null; sha256: string | null };
export type ForwardedAggregate = {
  subdistrictId: string; subdistrictName: string; year: number;
  /** The version shown and the latest one (what the departments read by default). */
  version: number; latestVersion: number;
  forwardedAt: string; forwardedBy: string | null; sha256: string | null; aggregate: SubdistrictAggregate;
  /** Every forwarded version, newest first. */
  versions: AggregateVersion[];
};
/** What a forward would send now: who has not submitted, days until 31 December, whether anything is new. */
export type ForwardPreview = {
  year: number; dueDate: string; daysToDue: number; enterprises: number; submitted: number; nonSubmitters: NonSubmitter[];
  latestVersion: number | null; forwardedAt: string | null; unchanged: boolean;
};

const report = (enterpriseId: string, year: number) => `/enterprises/${enterpriseId}/risk-reports/${year}`;

export const riskReportApi = {
  get: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<AnnualReport>(report(enterpriseId, year), undefined, { signal }),
  save: (enterpriseId: string, year: number, narrative: string, version: number) => api.put<AnnualReport>(report(enterpriseId, year), { narrative, version }),
  confirm: (enterpriseId: string, year: number, version: number) => api.post<AnnualReport>(`${report(enterpriseId, year)}/confirm`, { version }),
  submit: (enterpriseId: string, year: number, version: number) => api.post<AnnualReport>(`${report(enterpriseId, year)}/submit`, { version }),
  /** A correction of a submitted report: a new version, a draft; the submitted one stays locked. */
  correct: (enterpriseId: string, year: number) => api.post<AnnualReport>(`${report(enterpriseId, year)}/corrections`, {}),
  overview: (query: Query, signal?: AbortSignal) => api.get<Page<OverviewItem>>('/risk/overview', query, { signal }),
  overviewSummary: (query: Query, signal?: AbortSignal) => api.get<OverviewSummary>('/risk/overview/summary', query, { signal }),
  major: (query: Query, signal?: AbortSignal) => api.get<Page<MajorItem>>('/risk/major', query, { signal }),
  statuses: (query: Query, signal?: AbortSignal) => api.get<ReportStatusPage>('/risk/reports', query, { signal }),
  forwardPreview: (year: number, signal?: AbortSignal) => api.get<ForwardPreview>(`/risk/reports/${year}/forward`, undefined, { signal }),
  /** Each forward is a new locked version; with enterprises missing the officer must acknowledge them (MISSING_REPORTS otherwise). */
  forward: (year: number, acknowledgeMissing: boolean) => api.post<ForwardedAggregate>(`/risk/reports/${year}/forward`, { acknowledgeMissing }),
  aggregates: (year: number, signal?: AbortSignal) => api.get<{ year: number; items: ForwardedAggregate[] }>(`/risk/reports/${year}/aggregates`, undefined, { signal }),
  aggregateVersion: (year: number, subdistrictId: string, version: number, signal?: AbortSignal) =>
    api.get<ForwardedAggregate>(`/risk/reports/${year}/aggregates/${subdistrictId}/versions/${version}`, undefined, { signal }),
};
