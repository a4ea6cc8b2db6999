import type { QueryKey } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';

type ReportPath = '/enterprises/{enterpriseId}/risk-reports/{year}';
type AggregatePath = '/risk/reports/{year}/aggregates/{subdistrictId}/versions/{version}';

export type AnnualReport = ResponseOf<ReportPath>;
export type ReportData = AnnualReport['data'];
export type PointFigures = ReportData['totals'];
export type Grade1Item = ReportData['grade1'][number];
export type ReportStatus = AnnualReport['status'];

export type OverviewFlag = NonNullable<QueryOf<'/risk/overview'>['flag']>;
export const OVERVIEW_FLAGS = ['hasGrade1', 'noLedger', 'overdue', 'missingR8', 'controlFailing'] as const satisfies readonly OverviewFlag[];
export type OverviewPage = ResponseOf<'/risk/overview'>;
export type OverviewItem = ItemOf<OverviewPage>;
export type OverviewSummary = ResponseOf<'/risk/overview/summary'>;
export type MajorPage = ResponseOf<'/risk/major'>;
export type MajorItem = ItemOf<MajorPage>;

export type ReportStatusPage = ResponseOf<'/risk/reports'>;
export type ReportStatusItem = ItemOf<ReportStatusPage>;
export type ReportStatusFilter = NonNullable<QueryOf<'/risk/reports'>['status']>;
export const REPORT_STATUS_FILTERS = ['none', 'draft', 'confirmed', 'submitted', 'notSubmitted', 'late', 'overdue', 'waived', 'notOwed'] as const satisfies readonly ReportStatusFilter[];

export type ForwardedAggregate = ResponseOf<AggregatePath>;
export type SubdistrictAggregate = ForwardedAggregate['aggregate'];
export type NonSubmitter = SubdistrictAggregate['nonSubmitters'][number];
/** One forwarded version of an aggregate, locked when forwarded. */
export type AggregateVersion = ForwardedAggregate['versions'][number];
/** What a forward would send now: who has not submitted, days until 31 December, whether anything is new. */
export type ForwardPreview = ResponseOf<'/risk/reports/{year}/forward'>;
export type AggregateList = ResponseOf<'/risk/reports/{year}/aggregates'>;

const report = (enterpriseId: string, year: number) => `/enterprises/${enterpriseId}/risk-reports/${year}`;

/**
 * The queries a step of an enterprise's annual report shows in, for a write's `invalidates`: the report, the
 * regulators' lists under `['risk', 'reports', …]` (who submitted, what a forward would send) and the workbench
 * (the report to submit, the enterprises still missing).
 */
export const riskReportQueries = (enterpriseId: string, year: number): QueryKey[] => [['risk', enterpriseId, 'report', year], ['risk', 'reports'], ['workbench']];

export const riskReportApi = {
  get: (enterpriseId: string, year: number, signal?: AbortSignal) => api.get<AnnualReport>(report(enterpriseId, year), undefined, { signal }),
  save: (enterpriseId: string, year: number, narrative: string, version: number) => {
    const body: BodyOf<ReportPath, 'put'> = { narrative, version };
    return api.put<AnnualReport>(report(enterpriseId, year), body);
  },
  confirm: (enterpriseId: string, year: number, version: number) => {
    const body: BodyOf<`${ReportPath}/confirm`> = { version };
    return api.post<AnnualReport>(`${report(enterpriseId, year)}/confirm`, body);
  },
  submit: (enterpriseId: string, year: number, version: number) => {
    const body: BodyOf<`${ReportPath}/submit`> = { version };
    return api.post<AnnualReport>(`${report(enterpriseId, year)}/submit`, body);
  },
  /** A correction of a submitted report: a new version, a draft; the submitted one stays locked. */
  correct: (enterpriseId: string, year: number) => api.post<AnnualReport>(`${report(enterpriseId, year)}/corrections`, {}),
  overview: (query: Query, signal?: AbortSignal) => api.get<OverviewPage>('/risk/overview', query, { signal }),
  overviewSummary: (query: Query, signal?: AbortSignal) => api.get<OverviewSummary>('/risk/overview/summary', query, { signal }),
  major: (query: Query, signal?: AbortSignal) => api.get<MajorPage>('/risk/major', query, { signal }),
  statuses: (query: Query, signal?: AbortSignal) => api.get<ReportStatusPage>('/risk/reports', query, { signal }),
  forwardPreview: (year: number, signal?: AbortSignal) => api.get<ForwardPreview>(`/risk/reports/${year}/forward`, undefined, { signal }),
  /** Each forward is a new locked version; with enterprises missing the officer must acknowledge them (MISSING_REPORTS otherwise). */
  forward: (year: number, acknowledgeMissing: boolean) => {
    const body: BodyOf<'/risk/reports/{year}/forward'> = { acknowledgeMissing };
    return api.post<ResponseOf<'/risk/reports/{year}/forward', 'post'>>(`/risk/reports/${year}/forward`, body);
  },
  aggregates: (year: number, signal?: AbortSignal) => api.get<AggregateList>(`/risk/reports/${year}/aggregates`, undefined, { signal }),
  aggregateVersion: (year: number, subdistrictId: string, version: number, signal?: AbortSignal) =>
    api.get<ForwardedAggregate>(`/risk/reports/${year}/aggregates/${subdistrictId}/versions/${version}`, undefined, { signal }),
};
