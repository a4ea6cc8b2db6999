import type { Actor, Ctx, Scope } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import type { Permission } from '../../../platform/auth/permissions';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { departmentOfficersFor, idsOf } from '../../../platform/directory';
import { localYear, startOfLocalYear } from '../../../platform/time';
import { urgedToday, urgeEnterprises } from '../../../platform/urge';
import type { WorkbenchSource } from '../../../platform/workbench';
import { riskSummaryFor } from '../points/risk-point.service';
import { today } from '../points/risk-point.service';
import {
  annualReportStageSql, appendReportEvent, departmentIndustries, findReport, findSubdistrict, findSubdistrictReport, firstSubmittedAt,
  listAggregateVersions, listReportEvents, listSubdistrictReports, loadReportSource, loadSubdistrictFacts, lockReport, reportContents, reportEnterprise,
  saveSubdistrictReport, updateReportRow,
} from './risk-report.repository';
import {
  aggregateFacts, aggregateSubdistrict, composeReportData, daysUntilDue, inAnnualReminderWindow, isOnTime, reportDueDate, restrictToIndustries,
  type ReportData, type ReportStatus, type SubdistrictAggregate,
} from './risk-report.rules';
import type { ForwardInput, NarrativeInput, ReportListQuery, VersionInput } from './risk-report.schema';
import {
  confirmSubmission, correctSubmission, editSubmission, loadSubmission, lockSubmission, mayCorrect, presentVersions, submissionPdf, submitSubmission,
  type DocRef, type PdfModel, type PdfOptions, type Seed, type SubmissionKind,
} from '../../../platform/submissions/submission.service';
import { snapshotHash } from '../../../platform/submissions/submission.rules';
import { dutyInForce, dutyStatusesOf, fulfilByRecord, occurrenceStatusForScope, openOccurrenceEnterpriseIds, type DutyStatus } from '../../obligations';
import { riskReportPdfModel } from './risk-report.pdf';
import type { ReportRow } from './risk-report.repository';

/** What a report version stores once confirmed (the figures the principal signed) and, after submission, the rest. */
export type Snapshot = {
  data: ReportData;
  narrative: string;
  enterprise?: { name: string; creditCode: string; subdistrictId: string; industryCode: string };
  confirmedBy?: { id: string; name: string } | null;
  confirmedAt?: string | null;
  submittedBy?: { id: string; name: string };
  submittedAt?: string;
  onTime?: boolean;
};
type Input = { narrative: string };

const entityId = (enterpriseId: string, year: number) => `${enterpriseId}:${year}`;
/** A refused step of the report's workflow, with its reason code (`error.reason`) and a translated message. */
const REASONS = { submitted: 'REPORT_SUBMITTED', confirmed: 'REPORT_CONFIRMED', notConfirmed: 'REPORT_NOT_CONFIRMED', notSubmitted: 'REPORT_NOT_SUBMITTED' } as const;
const stateError = (reason: keyof typeof REASONS) => new AppError('STATE', {
  messageKey: reason === 'notSubmitted' ? 'submission.state.notSubmitted' : `riskReport.state.${reason}`, reason: REASONS[reason],
});

/** The annual report is a locked submission (platform/submissions): one document per enterprise and year. */
export const RISK_REPORT_KIND: SubmissionKind = { kind: 'risk.annual', refuse: stateError };
const docRef = (enterpriseId: string, year: number): DocRef => ({ enterpriseId, kind: RISK_REPORT_KIND.kind, subjectKey: String(year) });

/** The report row as stored before versions existed, adopted as version 1 when the document is first written. */
function seedOf(row: ReportRow | LockedRow): Seed {
  return {
    status: row.status, input: { narrative: row.narrative }, revision: row.version, snapshot: row.snapshot,
    confirmedBy: row.confirmed_by, confirmedAt: row.confirmed_at, submittedBy: row.submitted_by, submittedAt: row.submitted_at,
  };
}
type LockedRow = Awaited<ReturnType<typeof lockReport>>['row'];

/**
 * The report row keeps what the regulators' lists, the reminders and the subdistrict's aggregate read: the working
 * version until the first submission, then the latest submitted one (a correction in progress does not reopen it,
 * and the first submission's time stays the one that counts for "on time").
 */
async function mirrorRow(tx: Tx, scope: Scope, enterpriseId: string, year: number, row: LockedRow, v: {
  status: 'draft' | 'confirmed' | 'submitted'; narrative: string; revision: number; snapshot: Snapshot | null; confirmedBy: string | null; confirmedAt: Date | null; submittedBy?: string | null; submittedAt?: Date | null;
}, now: Date): Promise<void> {
  if (row.status !== 'submitted') {
    await updateReportRow(tx, scope, enterpriseId, year, {
      status: v.status, narrative: v.narrative, snapshot: v.snapshot === null ? null : JSON.stringify(v.snapshot), confirmed_by: v.confirmedBy, confirmed_at: v.confirmedAt,
      submitted_by: v.submittedBy ?? null, submitted_at: v.submittedAt ?? null, version: v.revision, updated_at: now,
    });
  } else if (v.status === 'submitted') {
    await updateReportRow(tx, scope, enterpriseId, year, { narrative: v.narrative, snapshot: JSON.stringify(v.snapshot), version: v.revision, updated_at: now });
  }
}

/** The principal and safety manager write their own report; the district admin may act for any. */
function mayWriteReport(actor: Actor, enterpriseId: string, permission: Permission): boolean {
  if (!can(actor, permission)) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

const isRegulator = (actor: Actor) => actor.scope.kind === 'department' || actor.scope.kind === 'subdistrict';

/** A year that has not begun has nothing to report. */
function requireReportableYear(ctx: Ctx, year: number): void {
  if (year > localYear(ctx.now)) throw invalid('params.year', 'validation.riskReport.futureYear');
}

/** The report's figures from the ledger now: the whole enterprise's, whoever reads them (access is decided first). */
async function liveData(db: Executor, ctx: Ctx, enterpriseId: string, year: number): Promise<ReportData> {
  const source = await loadReportSource(db, wholeEnterprise(enterpriseId), enterpriseId, year);
  return composeReportData({ year, asOf: today(ctx), ...source });
}

/** A version as the page reads it, from the platform's versions or, for a report never written since, from its row. */
type Shown = {
  version: number; status: ReportStatus; narrative: string; revision: number; snapshot: Snapshot | null;
  confirmedBy: { id: string; name: string } | null; confirmedAt: Date | null; submittedBy: { id: string; name: string } | null; submittedAt: Date | null;
};

async function presentReport(db: Executor, ctx: Ctx, actor: Actor, enterpriseId: string, year: number) {
  const [enterprise, row, history, doc] = await Promise.all([
    reportEnterprise(db, actor.scope, enterpriseId),
    findReport(db, actor.scope, enterpriseId, year),
    listReportEvents(db, actor.scope, enterpriseId, year),
    loadSubmission(db, docRef(enterpriseId, year)),
  ]);
  // A regulator reads the submitted version, not the enterprise's correction in progress.
  const v = doc ? (isRegulator(actor) && doc.submitted ? doc.submitted : doc.current) : null;
  const shown: Shown | null = v
    ? {
      version: v.version, status: v.status, narrative: (v.input as Input | null)?.narrative ?? '', revision: v.revision, snapshot: v.snapshot as Snapshot | null,
      confirmedBy: v.confirmed_by ? { id: v.confirmed_by, name: v.confirmed_by_name ?? '' } : null, confirmedAt: v.confirmed_at,
      submittedBy: v.submitted_by ? { id: v.submitted_by, name: v.submitted_by_name ?? '' } : null, submittedAt: v.submitted_at,
    }
    : row
      ? {
        version: 1, status: row.status, narrative: row.narrative, revision: row.version, snapshot: row.snapshot as Snapshot | null,
        confirmedBy: row.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : null, confirmedAt: row.confirmed_at,
        submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null, submittedAt: row.submitted_at,
      }
      : null;
  const status: ReportStatus = shown?.status ?? 'none';
  const snapshot = shown?.snapshot ?? null;
  // Draft: figures generated from the ledger on every read. Confirmed and submitted: the stored snapshot, so later
  // ledger edits change neither what the principal signed nor what the subdistrict received.
  const stored = (status === 'confirmed' || status === 'submitted') && snapshot !== null;
  const data = stored ? snapshot.data : await liveData(db, ctx, enterpriseId, year);
  const narrative = status === 'submitted' && snapshot ? snapshot.narrative : (shown?.narrative ?? '');
  const editable = status !== 'submitted' && year <= localYear(ctx.now);
  // On time is the first submission's: a later correction does not make a report late.
  const firstSubmittedAt = doc?.head.first_submitted_at ?? row?.submitted_at ?? null;
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    year,
    status,
    dueDate: reportDueDate(year),
    live: !stored,
    data,
    narrative: isRegulator(actor) && status !== 'submitted' ? null : narrative,
    version: shown?.revision ?? 0,
    submissionVersion: shown?.version ?? 1,
    confirmedBy: shown?.confirmedBy ?? null,
    confirmedAt: shown?.confirmedAt ?? null,
    submittedBy: shown?.submittedBy ?? null,
    submittedAt: shown?.submittedAt ?? null,
    onTime: firstSubmittedAt ? isOnTime(year, firstSubmittedAt) : null,
    history: history.map((h) => ({ action: h.action, fromStatus: h.from_status, toStatus: h.to_status, by: h.display_name, at: h.at })),
    versions: doc ? presentVersions(isRegulator(actor) ? doc.versions.filter((x) => x.status === 'submitted') : doc.versions) : [],
    abilities: {
      canEdit: editable && mayWriteReport(actor, enterpriseId, 'risk.report.submit'),
      canConfirm: editable && status === 'draft' && narrative.trim() !== '' && mayWriteReport(actor, enterpriseId, 'risk.report.confirm'),
      canSubmit: editable && status === 'confirmed' && mayWriteReport(actor, enterpriseId, 'risk.report.submit'),
      canCorrect: !isRegulator(actor) && mayCorrect(doc?.current ?? (row ? { status: row.status } : null)) && mayWriteReport(actor, enterpriseId, 'risk.report.submit'),
    },
  };
}

/** R-RISK-9: the annual report of one enterprise: live figures while a draft, the locked snapshot once submitted. */
export async function getAnnualReport(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  // Everyone of the enterprise may read it: the report also goes to the workers' congress (R-HAZ-5).
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/** The report row and the document's current version, both locked (in this order, by every step). */
async function lockBoth(tx: Tx, ctx: Ctx, enterpriseId: string, year: number) {
  const { row, created } = await lockReport(tx, requireActor(ctx).scope, enterpriseId, year, ctx.now);
  const locked = await lockSubmission(tx, ctx, docRef(enterpriseId, year), created ? null : seedOf(row));
  return { row, locked, created: created || locked.created };
}

/** Saves the narrative. Editing a confirmed report sends it back to draft: the principal confirms the final text. */
export async function saveReportNarrative(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: NarrativeInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.submit')) throw forbidden();
    requireReportableYear(ctx, year);
    const { row, locked, created } = await lockBoth(tx, ctx, enterpriseId, year);
    const before = locked.current;
    const { from, revision } = await editSubmission(tx, ctx, RISK_REPORT_KIND, locked, { narrative: input.narrative } satisfies Input, input.version);
    await mirrorRow(tx, actor.scope, enterpriseId, year, row, { status: 'draft', narrative: input.narrative, revision, snapshot: null, confirmedBy: null, confirmedAt: null }, ctx.now);
    if (created) await appendReportEvent(tx, actor.scope, enterpriseId, { year, action: 'create', from_status: null, to_status: 'draft', actor_id: actor.userId, at: ctx.now });
    if (from === 'confirmed') await appendReportEvent(tx, actor.scope, enterpriseId, { year, action: 'reopen', from_status: 'confirmed', to_status: 'draft', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: from === 'confirmed' ? 'risk.report.reopen' : 'risk.report.update', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: created ? undefined : { status: from, narrative: (before.input as Input | null)?.narrative ?? '', version: before.revision, confirmedBy: before.confirmed_by, submissionVersion: before.version },
      after: { status: 'draft', narrative: input.narrative, version: revision, submissionVersion: before.version },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/** R-RISK-9: the principal confirms the report; the figures are fixed at this moment, with the text. */
export async function confirmAnnualReport(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: VersionInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.confirm')) throw forbidden();
    requireReportableYear(ctx, year);
    const { row, locked, created } = await lockBoth(tx, ctx, enterpriseId, year);
    if (locked.current.status !== 'draft') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'confirmed');
    const narrative = (locked.current.input as Input | null)?.narrative ?? '';
    if (created || narrative.trim() === '') throw invalid('body.narrative', 'validation.riskReport.narrativeRequired');
    const data = await liveData(tx, ctx, enterpriseId, year);
    const snapshot: Snapshot = { data, narrative };
    const { revision, version } = await confirmSubmission(tx, ctx, RISK_REPORT_KIND, locked, snapshot, input.version);
    await mirrorRow(tx, actor.scope, enterpriseId, year, row, { status: 'confirmed', narrative, revision, snapshot, confirmedBy: actor.userId, confirmedAt: ctx.now }, ctx.now);
    await appendReportEvent(tx, actor.scope, enterpriseId, { year, action: 'confirm', from_status: 'draft', to_status: 'confirmed', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'risk.report.confirm', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'draft', version: locked.current.revision }, after: { status: 'confirmed', version: revision, submissionVersion: version, totals: data.totals },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/** What the PDF of a submitted annual report prints, in Chinese: the signed figures, lists and analysis. */
export function annualReportPdf(s: Snapshot, year: number): PdfModel {
  return riskReportPdfModel(s, year);
}

/**
 * R-RISK-9: submission to the subdistrict locks the confirmed report for good; on time when by 31 December. The
 * locked snapshot's SHA-256 goes into the audit row, and its PDF is archived with its own.
 */
export async function submitAnnualReport(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: VersionInput, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.submit')) throw forbidden();
    requireReportableYear(ctx, year);
    const { row, locked } = await lockBoth(tx, ctx, enterpriseId, year);
    if (locked.current.status !== 'confirmed') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'notConfirmed');
    if (locked.current.revision !== input.version) throw new AppError('CONFLICT');
    const confirmed = locked.current.snapshot as Snapshot;
    const enterprise = await reportEnterprise(tx, actor.scope, enterpriseId);
    const onTime = isOnTime(year, await firstSubmittedAt(tx, actor.scope, enterpriseId, RISK_REPORT_KIND.kind, year) ?? ctx.now);
    const snapshot: Snapshot = {
      ...confirmed,
      enterprise: { name: enterprise.name, creditCode: enterprise.credit_code, subdistrictId: enterprise.subdistrict_id, industryCode: enterprise.industry_code },
      confirmedBy: locked.current.confirmed_by ? { id: locked.current.confirmed_by, name: locked.current.confirmed_by_name ?? '' } : null,
      confirmedAt: locked.current.confirmed_at?.toISOString() ?? null,
      submittedBy: { id: actor.userId, name: actor.displayName },
      submittedAt: ctx.now.toISOString(),
      onTime,
    };
    const done = await submitSubmission(tx, ctx, RISK_REPORT_KIND, locked, snapshot, annualReportPdf(snapshot, year), opts);
    await mirrorRow(tx, actor.scope, enterpriseId, year, row, {
      status: 'submitted', narrative: confirmed.narrative, revision: done.revision, snapshot, confirmedBy: locked.current.confirmed_by, confirmedAt: locked.current.confirmed_at,
      submittedBy: actor.userId, submittedAt: ctx.now,
    }, ctx.now);
    await appendReportEvent(tx, actor.scope, enterpriseId, { year, action: 'submit', from_status: 'confirmed', to_status: 'submitted', actor_id: actor.userId, at: ctx.now });
    // R-RISK-9: the submission fulfils the year's occurrence in the same transaction (the obligations engine).
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'risk.annual_submitted', recordType: 'risk_annual_report', recordId: `${enterpriseId}:${year}`, at: startOfLocalYear(year), byPrincipal: false });
    await writeAudit(tx, ctx, {
      action: 'risk.report.submit', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'confirmed', version: locked.current.revision },
      after: { status: 'submitted', version: done.revision, onTime, totals: confirmed.data.totals, submissionVersion: done.version, sha256: done.sha256, pdfSha256: done.pdfSha256 },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/**
 * A correction of a submitted report: a new version, a draft with the last text, to be confirmed and submitted
 * again. The submitted version stays locked and listed; the subdistrict keeps reading it until the new one is submitted.
 */
export async function correctAnnualReport(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.submit')) throw forbidden();
    requireReportableYear(ctx, year);
    const { locked } = await lockBoth(tx, ctx, enterpriseId, year);
    const done = await correctSubmission(tx, ctx, RISK_REPORT_KIND, locked);
    await appendReportEvent(tx, actor.scope, enterpriseId, { year, action: 'correct', from_status: 'submitted', to_status: 'draft', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'risk.report.correct', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { submissionVersion: done.corrects, sha256: done.correctedSha256 }, after: { status: 'draft', submissionVersion: done.version, version: done.revision },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/** Every version of the report: the enterprise sees all, a regulator the submitted ones. */
export async function listAnnualReportVersions(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const doc = await loadSubmission(db, docRef(enterpriseId, year));
  const versions = doc?.versions ?? [];
  return { items: presentVersions(isRegulator(actor) ? versions.filter((v) => v.status === 'submitted') : versions) };
}

/** The archived PDF of a submitted version, as signed and filed. */
export async function annualReportPdfFile(db: Db, ctx: Ctx, enterpriseId: string, year: number, version: number, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const enterprise = await reportEnterprise(db, actor.scope, enterpriseId);
  const file = await submissionPdf(db, ctx, docRef(enterpriseId, year), version, (s) => annualReportPdf(s as Snapshot, year), opts);
  return { ...file, filename: `${enterprise.name}-${year}年度风险管控报告-第${version}版.pdf`, fallbackName: `risk-report-${year}-v${version}.pdf` };
}

// ---- regulators ----

/** The duty behind the annual report (R-RISK-9), as the obligations engine keeps it: one occurrence per enterprise and year. */
const ANNUAL_DUTY = 'risk.annual_report';
const dutyOf = (year: number) => ({ definitionKey: ANNUAL_DUTY, periodKey: String(year) });

/** The list's `status` filter: a report stage (the module's row), or where the enterprise stands on the duty (the engine). */
function listFilter(q: ReportListQuery): { statuses?: readonly DutyStatus[]; stages?: readonly (string | null)[] } {
  const byDuty = q.duty ? dutyStatusesOf(q.duty) : undefined;
  const narrow = (statuses: readonly DutyStatus[]) => (byDuty ? statuses.filter((st) => byDuty.includes(st)) : statuses);
  switch (q.status) {
    case 'none': return { statuses: byDuty, stages: [null] };
    case 'draft': case 'confirmed': case 'submitted': return { statuses: byDuty, stages: [q.status] };
    case 'notSubmitted': return { statuses: narrow(dutyStatusesOf('notSubmitted')) };
    case 'late': return { statuses: narrow(dutyStatusesOf('late')) };
    case 'overdue': return { statuses: narrow(dutyStatusesOf('overdue')) };
    case 'waived': return { statuses: narrow(dutyStatusesOf('waived')) };
    case 'notOwed': return { statuses: narrow(dutyStatusesOf('notOwed')) };
    case undefined: return { statuses: byDuty };
  }
}

/**
 * Who in the caller's scope has and has not submitted the year's report, and whether on time (R-RISK-9). Who owes it
 * and where each stands is the obligations engine's (issue 11 §1): an enterprise that joined during the year, or whose
 * duty was waived, is listed as such and is never "not submitted". The report row gives the contents: its stage, who
 * submitted it and the version the subdistrict reads.
 */
export async function listReportStatus(db: Db, ctx: Ctx, q: ReportListQuery) {
  const actor = requireActor(ctx);
  const year = q.year ?? localYear(ctx.now);
  const subdistrictId = actor.scope.kind === 'subdistrict' ? actor.scope.subdistrictId : null;
  const { statuses, stages } = listFilter(q);
  const [duty, forwarded] = await Promise.all([
    occurrenceStatusForScope(db, ctx, {
      ...dutyOf(year), subdistrictId: q.subdistrictId, industryCode: q.industryCode, q: q.q, statuses,
      record: { stage: annualReportStageSql(year), stages }, page: q.page, pageSize: q.pageSize, order: q.order,
    }),
    subdistrictId ? findSubdistrictReport(db, actor.scope, subdistrictId, year) : undefined,
  ]);
  const contents = new Map((await reportContents(db, actor.scope, year, duty.items.map((i) => i.enterpriseId))).map((r) => [r.enterprise_id, r]));
  return {
    items: duty.items.map((d) => {
      const r = contents.get(d.enterpriseId);
      const status = (r?.status ?? 'none') as ReportStatus;
      return {
        enterpriseId: d.enterpriseId, name: d.name, creditCode: d.creditCode, subdistrictId: d.subdistrictId, subdistrictName: d.subdistrictName,
        industryCode: d.industryCode, industryName: d.industryName, status, confirmedAt: r?.confirmed_at ?? null,
        submittedAt: r?.submitted_at ?? null, submittedBy: r?.submitted_by_name ?? null,
        // On time as the engine decided when the report fulfilled the duty; for a report nobody owed, by its first submission.
        onTime: d.status === 'fulfilled' ? true : d.status === 'late_fulfilled' ? false : r?.submitted_at ? isOnTime(year, r.submitted_at) : null,
        submittedVersion: r?.submitted_version ?? (status === 'submitted' ? 1 : null),
        dutyStatus: d.status, dueDate: d.dueOn, fulfilledAt: d.fulfilledAt, waivedReason: d.waivedReason,
      };
    }),
    total: duty.total, page: q.page, pageSize: q.pageSize, year, dueDate: reportDueDate(year), pastDue: today(ctx) > reportDueDate(year),
    canForward: subdistrictId !== null && year <= localYear(ctx.now), forwardedAt: forwarded?.forwarded_at ?? null, forwardedVersion: forwarded?.version ?? null,
    counts: {
      enterprises: duty.groups.reduce((n, g) => n + g.n, 0), none: duty.byStage(null), draft: duty.byStage('draft'), confirmed: duty.byStage('confirmed'),
      submitted: duty.byStage('submitted'), onTime: duty.counts.onTime, late: duty.counts.late, notSubmitted: duty.counts.notSubmitted,
    },
    duty: duty.counts,
  };
}

function auditSummary(agg: SubdistrictAggregate) {
  return { totals: agg.totals, industries: agg.byIndustry.map((i) => i.industryCode), grade1: agg.grade1.length, nonSubmitters: agg.nonSubmitters.length };
}

/**
 * The subdistrict's aggregate is a locked submission (platform/submissions) owned by the subdistrict: one document per
 * year, one version per forward. Its steps all run inside one forward, so the state table never refuses one.
 */
export const AGGREGATE_KIND: SubmissionKind = { kind: 'risk.subdistrict', refuse: () => new AppError('STATE') };
const aggregateRef = (subdistrictId: string, year: number): DocRef => ({ enterpriseId: subdistrictId, kind: AGGREGATE_KIND.kind, subjectKey: String(year), owner: 'subdistrict' });
type ForwardedRow = NonNullable<Awaited<ReturnType<typeof findSubdistrictReport>>>;

/** An aggregate forwarded before versions existed, adopted as version 1 when the subdistrict next forwards. */
function forwardedSeed(row: ForwardedRow): Seed {
  return {
    status: 'submitted', input: null, revision: 1, snapshot: row.snapshot,
    confirmedBy: row.forwarded_by, confirmedAt: row.forwarded_at, submittedBy: row.forwarded_by, submittedAt: row.forwarded_at,
  };
}

function requireSubdistrictOfficer(actor: Actor): string {
  if (actor.scope.kind !== 'subdistrict') throw new AppError('FORBIDDEN', { messageKey: 'riskReport.forward.subdistrictOnly' });
  return actor.scope.subdistrictId;
}

const sameFacts = (a: SubdistrictAggregate, b: SubdistrictAggregate) => snapshotHash(aggregateFacts(a)) === snapshotHash(aggregateFacts(b));

/** R-RISK-9: forwarding while enterprises have not reported needs the officer to say so; the refusal names them. */
function missingReports(ctx: Ctx, year: number, agg: SubdistrictAggregate): AppError {
  const shown = 5;
  const names = agg.nonSubmitters.slice(0, shown).map((n) => n.enterpriseName).join(ctx.locale === 'en-US' ? ', ' : '、');
  const days = daysUntilDue(year, today(ctx));
  return new AppError('STATE', {
    messageKey: days >= 0 ? 'riskReport.forward.missingReports' : 'riskReport.forward.missingReportsPastDue',
    params: { count: agg.nonSubmitters.length, names: agg.nonSubmitters.length > shown ? `${names}…` : names, year, due: reportDueDate(year), days: Math.abs(days) },
    reason: 'MISSING_REPORTS',
  });
}

/**
 * Who still owes the year's report in the caller's scope, by the obligations engine (issue 11 §1: onboarded later or
 * waived is not owing); for a year before the duty was in force, undefined: every operating enterprise owed it.
 */
async function owingOf(db: Executor, ctx: Ctx, year: number): Promise<ReadonlySet<string> | undefined> {
  if (!(await dutyInForce(db, ctx, ANNUAL_DUTY, `${year}-01-01`))) return undefined;
  return new Set(await openOccurrenceEnterpriseIds(db, ctx, dutyOf(year)));
}

/**
 * What a forward would send now, for the officer's confirmation: who has not submitted, how long until 31 December,
 * and whether anything changed since the last forwarded version.
 */
export async function previewForward(db: Db, ctx: Ctx, year: number) {
  const actor = requireActor(ctx);
  const subdistrictId = requireSubdistrictOfficer(actor);
  requireReportableYear(ctx, year);
  const [facts, latest, owing] = await Promise.all([
    loadSubdistrictFacts(db, actor.scope, subdistrictId, year), findSubdistrictReport(db, actor.scope, subdistrictId, year), owingOf(db, ctx, year),
  ]);
  const agg = aggregateSubdistrict(year, facts, owing);
  return {
    year, dueDate: reportDueDate(year), daysToDue: daysUntilDue(year, today(ctx)),
    enterprises: agg.totals.enterprises, submitted: agg.totals.submitted, nonSubmitters: agg.nonSubmitters,
    latestVersion: latest?.version ?? null, forwardedAt: latest?.forwarded_at ?? null,
    unchanged: latest ? sameFacts(latest.snapshot as SubdistrictAggregate, agg) : false,
  };
}

/**
 * R-RISK-9: the subdistrict aggregates its enterprises' submitted reports and forwards the aggregate to each district
 * department by industry. Each forward is a new locked version (the first is 1); the earlier ones stay as forwarded.
 * With enterprises missing it needs `acknowledgeMissing` (MISSING_REPORTS otherwise), and a forward with nothing new
 * since the last version is refused (NOTHING_NEW).
 */
export async function forwardSubdistrictReport(db: Db, ctx: Ctx, year: number, input: ForwardInput = {}) {
  const actor = requireActor(ctx);
  const subdistrictId = requireSubdistrictOfficer(actor);
  requireReportableYear(ctx, year);
  await db.transaction().execute(async (tx) => {
    const sub = await findSubdistrict(tx, actor.scope, subdistrictId);
    const before = await findSubdistrictReport(tx, actor.scope, sub.id, year, { lock: true });
    const ref = aggregateRef(sub.id, year);
    // The facts are read after the document's lock, so two forwards at once queue and the later one sees the earlier.
    let locked = await lockSubmission(tx, ctx, ref, before ? forwardedSeed(before) : null);
    const agg = aggregateSubdistrict(year, await loadSubdistrictFacts(tx, actor.scope, sub.id, year), await owingOf(tx, ctx, year));
    const last = locked.current.status === 'submitted' ? locked.current : null;
    if (last && sameFacts(last.snapshot as SubdistrictAggregate, agg)) {
      throw new AppError('STATE', { messageKey: 'riskReport.forward.unchanged', params: { version: last.version }, reason: 'NOTHING_NEW' });
    }
    if (agg.nonSubmitters.length > 0 && input.acknowledgeMissing !== true) throw missingReports(ctx, year, agg);
    if (last) {
      await correctSubmission(tx, ctx, AGGREGATE_KIND, locked);
      locked = await lockSubmission(tx, ctx, ref);
    }
    await confirmSubmission(tx, ctx, AGGREGATE_KIND, locked, agg);
    locked = await lockSubmission(tx, ctx, ref);
    const done = await submitSubmission(tx, ctx, AGGREGATE_KIND, locked, agg, null);
    await saveSubdistrictReport(tx, actor.scope, sub.id, year, { snapshot: agg, version: done.version, by: actor.userId, at: ctx.now });
    const officers = await idsOf(departmentOfficersFor(tx, sub.district_id, agg.byIndustry.map((i) => i.industryCode)));
    for (const o of officers) {
      await enqueueOutbox(tx, {
        topic: 'notify',
        payload: {
          userId: o, kind: 'risk', titleKey: 'notify.riskReport.forwarded.title', bodyKey: 'notify.riskReport.forwarded.body',
          params: { subdistrict: sub.name, year, version: done.version }, link: `/risk/reports?year=${year}&tab=aggregates`,
        },
      });
    }
    await writeAudit(tx, ctx, {
      action: last ? 'risk.report.reforward' : 'risk.report.forward', entityType: 'subdistrict_risk_report', entityId: `${sub.id}:${year}`,
      before: last ? { ...auditSummary(last.snapshot as SubdistrictAggregate), version: last.version, sha256: last.snapshot_sha256, forwardedAt: last.submitted_at, forwardedBy: last.submitted_by } : undefined,
      after: {
        ...auditSummary(agg), version: done.version, sha256: done.sha256, notified: officers.length,
        acknowledgedMissing: agg.nonSubmitters.map((n) => n.enterpriseId),
      },
    });
  });
  const item = (await listAggregates(db, ctx, year)).items.find((i) => i.subdistrictId === subdistrictId);
  return item!;
}

type AggregateVersionRow = Awaited<ReturnType<typeof listAggregateVersions>>[number];

/** One forwarded version as a page shows it, with the list of every version (newest first) to open the others. */
function presentAggregate(
  r: Awaited<ReturnType<typeof listSubdistrictReports>>[number], shown: { version: number; forwardedAt: Date; forwardedBy: string | null; sha256: string | null },
  aggregate: SubdistrictAggregate, versions: AggregateVersionRow[],
) {
  return {
    subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name, year: r.year, ...shown, latestVersion: r.version, aggregate,
    // An aggregate forwarded before versions existed has one version, the row itself.
    versions: versions.length > 0
      ? versions.map((v) => ({ version: v.version, forwardedAt: v.submitted_at ?? r.forwarded_at, forwardedBy: v.submitted_by_name, sha256: v.snapshot_sha256 }))
      : [{ version: r.version, forwardedAt: r.forwarded_at, forwardedBy: r.forwarded_by_name, sha256: null }],
  };
}

async function industriesOf(db: Executor, actor: Actor): Promise<Set<string> | null> {
  return actor.scope.kind === 'department' ? departmentIndustries(db, actor.scope) : null;
}

/**
 * Forwarded aggregates in scope, each at its latest version: the subdistrict its own, the admin every subdistrict's,
 * a department only the industries it supervises ("三个必须"), and no aggregate at all in which none of them appear.
 */
export async function listAggregates(db: Db, ctx: Ctx, year: number) {
  const actor = requireActor(ctx);
  const rows = await listSubdistrictReports(db, actor.scope, year);
  const [industries, versions] = await Promise.all([
    industriesOf(db, actor),
    listAggregateVersions(db, actor.scope, AGGREGATE_KIND.kind, year, rows.map((r) => r.subdistrict_id)),
  ]);
  const items = [];
  for (const r of rows) {
    const full = r.snapshot as SubdistrictAggregate;
    const aggregate = industries ? restrictToIndustries(full, industries) : full;
    if (!aggregate) continue;
    const mine = versions.filter((v) => v.subdistrict_id === r.subdistrict_id);
    const sha256 = mine.find((v) => v.version === r.version)?.snapshot_sha256 ?? null;
    items.push(presentAggregate(r, { version: r.version, forwardedAt: r.forwarded_at, forwardedBy: r.forwarded_by_name, sha256 }, aggregate, mine));
  }
  return { year, items };
}

/** An earlier (or the latest) forwarded version of one subdistrict's aggregate, as locked when it was forwarded. */
export async function getAggregateVersion(db: Db, ctx: Ctx, year: number, subdistrictId: string, version: number) {
  const actor = requireActor(ctx);
  const [r] = await listSubdistrictReports(db, actor.scope, year, subdistrictId);
  if (!r) throw notFound();
  const [industries, versions, doc] = await Promise.all([
    industriesOf(db, actor),
    listAggregateVersions(db, actor.scope, AGGREGATE_KIND.kind, year, [subdistrictId]),
    loadSubmission(db, aggregateRef(subdistrictId, year)),
  ]);
  const v = doc?.versions.find((x) => x.version === version && x.status === 'submitted');
  const shown = v
    ? { snapshot: v.snapshot, version, forwardedAt: v.submitted_at ?? r.forwarded_at, forwardedBy: v.submitted_by_name, sha256: v.snapshot_sha256 }
    : !doc && version === r.version ? { snapshot: r.snapshot, version, forwardedAt: r.forwarded_at, forwardedBy: r.forwarded_by_name, sha256: null } : null;
  if (!shown) throw notFound();
  const full = shown.snapshot as SubdistrictAggregate;
  const aggregate = industries ? restrictToIndustries(full, industries) : full;
  if (!aggregate) throw notFound();
  const { snapshot: _snapshot, ...meta } = shown;
  return presentAggregate(r, meta, aggregate, versions);
}

// ---- the workbench and 催报 ----

/** 催报 (R-RISK-9): the enterprises in the caller's scope whose duty of the year is still open (not submitted, not waived) are reminded. */
export async function urgeAnnualReports(db: Db, ctx: Ctx, year: number) {
  if (year > localYear(ctx.now)) throw invalid('params.year', 'validation.riskReport.futureYear');
  const enterpriseIds = await openOccurrenceEnterpriseIds(db, ctx, dutyOf(year));
  return urgeEnterprises(db, ctx, {
    enterpriseIds, entityType: 'risk_annual_report', entityId: String(year), kind: 'risk',
    titleKey: 'notify.riskReport.urge.title', bodyKey: 'notify.riskReport.urge.body',
    params: { year, due: reportDueDate(year) }, link: `/risk/report?year=${year}`,
  });
}

/**
 * The risk module's items on the to-do workbench (issue 10 §1): the ledger's warning flags for whoever keeps it, the
 * year's report in December (R-RISK-9), and for a regulator in December the enterprises that have not reported.
 */
export const riskWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  const year = localYear(ctx.now);
  const december = inAnnualReminderWindow(ctx.now);
  if (scope.kind === 'enterprise') {
    if (scope.capacity === 'employee' || !can(actor, 'risk.read')) return [];
    const [s, report] = await Promise.all([
      riskSummaryFor(db, scope, scope.enterpriseId, today(ctx)),
      december && scope.capacity === 'manager' ? findReport(db, scope, scope.enterpriseId, year) : Promise.resolve(null),
    ]);
    return [
      { key: 'risk.overdue', count: s.overdue, to: '/risk?flag=overdue', tone: 'danger' as const },
      { key: 'risk.controlFailing', count: s.controlFailing, to: '/risk?flag=controlFailing', tone: 'danger' as const },
      { key: 'risk.missingR8', count: s.missingR8, to: '/risk?flag=missingR8', tone: 'warning' as const },
      ...(december && scope.capacity === 'manager'
        ? [{ key: 'risk.annualReport', count: report?.status === 'submitted' ? 0 : 1, to: `/risk/report?year=${year}`, tone: 'warning' as const }]
        : []),
    ];
  }
  if (!december || !can(actor, 'risk.supervise')) return [];
  const [duty, urgedAt] = await Promise.all([
    occurrenceStatusForScope(db, ctx, { ...dutyOf(year), page: 1, pageSize: 1, order: 'asc' }),
    urgedToday(db, ctx, 'risk_annual_report', String(year)),
  ]);
  const missing = duty.counts.notSubmitted;
  return [{
    key: 'risk.annualMissing', count: missing, detail: duty.total, to: `/risk/reports?year=${year}&status=notSubmitted`, tone: 'warning' as const,
    ...(missing > 0 ? { urge: { path: `/risk/reports/${year}/urge`, body: {}, urgedAt } } : {}),
  }];
};
