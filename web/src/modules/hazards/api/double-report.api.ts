import dayjs from 'dayjs';
import { api, type Page, type Query } from '../../../app/api';
import type { SubmissionVersion } from '../../../app/components/SubmissionVersions';
import type { Rate } from './hazard-stats.api';

export const REPORT_PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type ReportPeriodType = (typeof REPORT_PERIOD_TYPES)[number];
export type ReportStatus = 'draft' | 'confirmed' | 'submitted';

type Bucket = { key: string; count: number }[];
export type ReportData = {
  period: { type: string; key: string; firstDay: string; lastDay: string };
  asOf: string;
  risk: { total: number; byGrade: Record<'1' | '2' | '3' | '4', number>; unassessed: number; overdue: number; controlFailing: number; missingR8: number };
  hazards: {
    found: number; foundMajor: number; fixed: number; fixedOnTime: number; voided: number; openAtEnd: number; overdueAtEnd: number; majorOpenAtEnd: number;
    byLevel: Bucket; byClass: Bucket; bySource: Bucket; rectificationRate: Rate; onTimeRate: Rate;
  };
};
type Person = { id: string; name: string } | null;

export type DoubleReport = {
  enterpriseId: string;
  enterpriseName: string;
  periodType: ReportPeriodType;
  periodKey: string;
  status: ReportStatus;
  /** Draft: generated from the records at every read. Confirmed and submitted: the figures the principal signed. */
  live: boolean;
  data: ReportData;
  confirmedBy: Person;
  confirmedAt: string | null;
  submittedBy: Person;
  submittedAt: string | null;
  /** The submission's version this page shows (1, then 2… per correction), and every version, newest first. */
  submissionVersion: number;
  versions: SubmissionVersion[];
  abilities: { canConfirm: boolean; canSubmit: boolean; canCorrect: boolean };
};

export type SubmittedReport = {
  periodType: ReportPeriodType; periodKey: string; submittedAt: string; submittedBy: string | null; confirmedBy: string | null;
  found: number; fixed: number; overdueAtEnd: number; majorOpenAtEnd: number;
};

/** Where an enterprise stands on the period's duty (issue 11 §1, the obligations engine); `none`: it does not owe it. */
export type DutyStatus = 'upcoming' | 'due' | 'overdue' | 'fulfilled' | 'late_fulfilled' | 'waived' | 'none';
/** The list's filters over the duty, and its figures. */
export const DUTY_FILTERS = ['notSubmitted', 'overdue', 'submitted', 'late', 'waived', 'notOwed'] as const;
export type DutyCounts = Record<'owed' | 'submitted' | 'onTime' | 'late' | 'notSubmitted' | 'overdue' | 'waived' | 'notOwed', number>;

export type ReportStatusRow = {
  enterpriseId: string; name: string; creditCode: string; subdistrictId: string; subdistrictName: string; industryCode: string; industryName: string;
  status: ReportStatus; confirmedAt: string | null; submittedAt: string | null;
  /** The version regulators read: 1, or 2… after corrections; null before the first submission. */
  submittedVersion: number | null;
  dutyStatus: DutyStatus; dueDate: string | null; fulfilledAt: string | null; waivedReason: string | null;
};
export type ReportStatusPage = Page<ReportStatusRow> & {
  periodType: ReportPeriodType; periodKey: string; counts: { total: number; draft: number; confirmed: number; submitted: number }; duty: DutyCounts;
};

/** The last period of the type that has ended: what an enterprise reports now. */
export function lastEndedPeriod(type: ReportPeriodType, today = dayjs()): string {
  switch (type) {
    case 'month': return today.subtract(1, 'month').format('YYYY-MM');
    case 'quarter': {
      const d = today.subtract(3, 'month');
      return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
    }
    case 'year': return String(today.year() - 1);
  }
}

const path = (enterpriseId: string, type: string, key: string) => `/enterprises/${enterpriseId}/hazard-reports/${type}/${key}`;

export const doubleReportApi = {
  get: (enterpriseId: string, type: string, key: string, signal?: AbortSignal) => api.get<DoubleReport>(path(enterpriseId, type, key), undefined, { signal }),
  confirm: (enterpriseId: string, type: string, key: string) => api.post<DoubleReport>(`${path(enterpriseId, type, key)}/confirm`),
  submit: (enterpriseId: string, type: string, key: string) => api.post<DoubleReport>(`${path(enterpriseId, type, key)}/submit`),
  /** A correction of a submitted report: a new version, a draft; the submitted one stays locked. */
  correct: (enterpriseId: string, type: string, key: string) => api.post<DoubleReport>(`${path(enterpriseId, type, key)}/corrections`),
  /** Where the versions and their PDFs live. */
  path,
  /** The workers' congress view: what the enterprise has submitted. */
  submitted: (enterpriseId: string, signal?: AbortSignal) => api.get<{ items: SubmittedReport[] }>(`/enterprises/${enterpriseId}/hazard-reports`, undefined, { signal }),
  /** Regulators: who in scope has reported for a period. */
  status: (query: Query, signal?: AbortSignal) => api.get<ReportStatusPage>('/hazard-reports', query, { signal }),
};
