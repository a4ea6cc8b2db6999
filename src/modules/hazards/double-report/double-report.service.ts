import { can, requireActor, wholeEnterprise, type Actor, type Ctx, type Scope } from '../../../platform/auth/actor';
import type { Permission } from '../../../platform/auth/permissions';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import type { HazardReportsTable } from '../../../platform/db/schema';
import type { Updateable } from 'kysely';
import {
  confirmSubmission, correctSubmission, loadSubmission, lockSubmission, mayCorrect, presentVersions, submissionPdf, submitSubmission,
  type DocRef, type PdfOptions, type Seed, type SubmissionKind,
} from '../../../platform/submissions/submission.service';
import { doubleReportPdfModel } from './double-report.pdf';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { riskSummaryFor } from '../../risk';
import { todayOf } from '../loop/hazard.service';
import {
  findReport, listSubmitted, lockReport, reportContents, reportEnterprise, reportStageSql, submittedPeriods, updateReportRow,
} from './double-report.repository';
import { urgeEnterprises } from '../../../platform/urge';
import { idsOf, subdistrictOfficersOf } from '../../../platform/directory';
import { composeReportData, reportCut, type ReportData, type ReportStatus } from './double-report.rules';
import type { ReportListQuery } from './double-report.schema';
import { lastEndedPeriod, parseReportPeriod, REPORT_PERIOD_TYPES, periodEnded, periodStarted, type ReportPeriod, type ReportPeriodType } from '../stats/hazard-stats.rules';
import { enterpriseFiguresFor } from '../stats/hazard-stats.service';
import { dutyStatusesOf, fulfilByRecord, occurrenceStatusForScope, openOccurrenceEnterpriseIds } from '../../obligations';

/** What a report version stores from confirmation on: the figures the principal signed, and who did what. */
export type Snapshot = {
  data: ReportData;
  enterprise?: { name: string; creditCode: string; subdistrictId: string; industryCode: string };
  confirmedBy: { id: string; name: string };
  confirmedAt: string;
  submittedBy?: { id: string; name: string };
  submittedAt?: string;
};

/** A refused step of the report's workflow, with its reason code (`error.reason`) and a translated message. */
const REASONS = {
  submitted: 'REPORT_SUBMITTED', confirmed: 'REPORT_CONFIRMED', notConfirmed: 'REPORT_NOT_CONFIRMED', periodOpen: 'PERIOD_OPEN', notSubmitted: 'REPORT_NOT_SUBMITTED',
} as const;
const stateError = (reason: keyof typeof REASONS) => new AppError('STATE', {
  messageKey: reason === 'notSubmitted' ? 'submission.state.notSubmitted' : `hazardReport.state.${reason}`, reason: REASONS[reason],
});
const entityId = (enterpriseId: string, p: ReportPeriod) => `${enterpriseId}:${p.type}:${p.key}`;

/** The double report is a locked submission (platform/submissions): one document per enterprise and period. */
export const DOUBLE_REPORT_KIND: SubmissionKind = { kind: 'hazard.double', refuse: stateError };
const docRef = (enterpriseId: string, p: { type: string; key: string }): DocRef => ({ enterpriseId, kind: DOUBLE_REPORT_KIND.kind, subjectKey: `${p.type}:${p.key}` });

type ReportRow = Awaited<ReturnType<typeof lockReport>>;
/** The report row as stored before versions existed, adopted as version 1 when the document is first written. */
function seedOf(row: ReportRow): Seed | null {
  if (row.status === 'draft') return null;
  return {
    status: row.status, input: null, revision: row.status === 'submitted' ? 2 : 1, snapshot: row.snapshot,
    confirmedBy: row.confirmed_by, confirmedAt: row.confirmed_at, submittedBy: row.submitted_by, submittedAt: row.submitted_at,
  };
}

/**
 * The report row keeps what the regulators' list and the workers' congress read: the working version until the first
 * submission, then the latest submitted one (a correction in progress does not take a report back from them).
 */
async function mirrorRow(tx: Tx, scope: Scope, enterpriseId: string, p: ReportPeriod, row: ReportRow, set: Updateable<HazardReportsTable>): Promise<void> {
  if (row.status === 'submitted' && set.status !== 'submitted') return;
  const update = row.status === 'submitted' ? { snapshot: set.snapshot } : set;
  await updateReportRow(tx, scope, enterpriseId, p.type, p.key, update);
}

function periodOf(type: ReportPeriodType, key: string, ctx: Ctx): ReportPeriod {
  const p = parseReportPeriod(type, key);
  if (!p) throw invalid('params.periodKey', 'validation.hazardReport.periodKey');
  // A period that has not begun has nothing to report.
  if (!periodStarted(p, todayOf(ctx))) throw invalid('params.periodKey', 'validation.hazardReport.futurePeriod');
  return p;
}

/** The principal and the safety manager act on their own enterprise's report; the district admin on any. */
function mayWrite(actor: Actor, enterpriseId: string, permission: Permission): boolean {
  if (!can(actor, permission)) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

const isRegulator = (actor: Actor) => actor.scope.kind === 'department' || actor.scope.kind === 'subdistrict';

/** The report's figures from the records now: the whole enterprise, whoever reads it. */
async function liveData(db: Executor, ctx: Ctx, enterpriseId: string, p: ReportPeriod): Promise<ReportData> {
  const cut = reportCut(p, ctx.now);
  const whole = wholeEnterprise(enterpriseId);
  const [figures, risk] = await Promise.all([
    enterpriseFiguresFor(db, whole, enterpriseId, p.start, p.end, cut),
    riskSummaryFor(db, whole, enterpriseId, cut.asOf),
  ]);
  return composeReportData(p, cut.asOf, risk, figures);
}

async function present(db: Executor, ctx: Ctx, actor: Actor, enterpriseId: string, p: ReportPeriod) {
  const [enterprise, row, doc] = await Promise.all([
    reportEnterprise(db, actor.scope, enterpriseId),
    findReport(db, actor.scope, enterpriseId, p.type, p.key),
    loadSubmission(db, docRef(enterpriseId, p)),
  ]);
  // A regulator reads the submitted version, not the enterprise's correction in progress.
  const v = doc ? (isRegulator(actor) && doc.submitted ? doc.submitted : doc.current) : null;
  const shown = v
    ? {
      version: v.version, status: v.status, snapshot: v.snapshot as Snapshot | null,
      confirmedBy: v.confirmed_by ? { id: v.confirmed_by, name: v.confirmed_by_name ?? '' } : null, confirmedAt: v.confirmed_at,
      submittedBy: v.submitted_by ? { id: v.submitted_by, name: v.submitted_by_name ?? '' } : null, submittedAt: v.submitted_at,
    }
    : row
      ? {
        version: 1, status: row.status, snapshot: row.snapshot as Snapshot | null,
        confirmedBy: row.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : null, confirmedAt: row.confirmed_at,
        submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null, submittedAt: row.submitted_at,
      }
      : null;
  const status: ReportStatus = shown?.status ?? 'draft';
  const snapshot = shown?.snapshot ?? null;
  // Draft: generated on every read. Confirmed and submitted: the stored snapshot, so later changes to hazards or the
  // risk ledger alter neither what the principal signed nor what the regulator and the workers' congress received.
  const stored = status !== 'draft' && snapshot !== null;
  const today = todayOf(ctx);
  return {
    enterpriseId, enterpriseName: enterprise.name, periodType: p.type, periodKey: p.key, status, live: !stored,
    data: stored ? snapshot.data : await liveData(db, ctx, enterpriseId, p),
    submissionVersion: shown?.version ?? 1,
    confirmedBy: shown?.confirmedBy ?? null,
    confirmedAt: shown?.confirmedAt ?? null,
    submittedBy: shown?.submittedBy ?? null,
    submittedAt: shown?.submittedAt ?? null,
    versions: doc ? presentVersions(isRegulator(actor) ? doc.versions.filter((x) => x.status === 'submitted') : doc.versions) : [],
    abilities: {
      canConfirm: status === 'draft' && periodEnded(p, today) && mayWrite(actor, enterpriseId, 'risk.report.confirm'),
      canSubmit: status === 'confirmed' && mayWrite(actor, enterpriseId, 'hazard.manage'),
      canCorrect: !isRegulator(actor) && mayCorrect(doc?.current ?? (row ? { status: row.status } : null)) && mayWrite(actor, enterpriseId, 'hazard.manage'),
    },
  };
}

/** R-HAZ-5: one period's double report: generated while a draft, the signed snapshot afterwards. */
export async function getDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return present(db, ctx, actor, enterpriseId, periodOf(type, key, ctx));
}

/** The report row and the document's current version, both locked (in this order, by every step). */
async function lockBoth(tx: Tx, ctx: Ctx, enterpriseId: string, p: ReportPeriod) {
  const row = await lockReport(tx, requireActor(ctx).scope, enterpriseId, p.type, p.key);
  const locked = await lockSubmission(tx, ctx, docRef(enterpriseId, p), seedOf(row));
  return { row, locked };
}

/** R-HAZ-5: the principal signs the report of an ended period; its figures are fixed at this moment. */
export async function confirmDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  const p = periodOf(type, key, ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId, 'risk.report.confirm')) throw forbidden();
    const { row, locked } = await lockBoth(tx, ctx, enterpriseId, p);
    if (locked.current.status !== 'draft') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'confirmed');
    if (!periodEnded(p, todayOf(ctx))) throw stateError('periodOpen');
    const data = await liveData(tx, ctx, enterpriseId, p);
    const snapshot: Snapshot = { data, confirmedBy: { id: actor.userId, name: actor.displayName }, confirmedAt: ctx.now.toISOString() };
    const { version } = await confirmSubmission(tx, ctx, DOUBLE_REPORT_KIND, locked, snapshot);
    await mirrorRow(tx, actor.scope, enterpriseId, p, row, { status: 'confirmed', snapshot: JSON.stringify(snapshot), confirmed_by: actor.userId, confirmed_at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'hazard.report.confirm', entityType: 'hazard_report', entityId: entityId(enterpriseId, p), enterpriseId,
      before: { status: 'draft' },
      after: { status: 'confirmed', submissionVersion: version, hazards: { found: data.hazards.found, fixed: data.hazards.fixed, overdueAtEnd: data.hazards.overdueAtEnd } },
    });
  });
  return present(db, ctx, actor, enterpriseId, p);
}

/**
 * R-HAZ-5: submission sends the signed report to the regulator and publishes it to the workers' congress view.
 * From then on it is locked: confirming or submitting again is refused; a correction is a new version. The locked
 * snapshot's SHA-256 goes into the audit row, and its PDF is archived with its own.
 */
export async function submitDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  const p = periodOf(type, key, ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId, 'hazard.manage')) throw forbidden();
    const { row, locked } = await lockBoth(tx, ctx, enterpriseId, p);
    if (locked.current.status !== 'confirmed') throw stateError(locked.current.status === 'submitted' ? 'submitted' : 'notConfirmed');
    const enterprise = await reportEnterprise(tx, actor.scope, enterpriseId);
    const snapshot: Snapshot = {
      ...(locked.current.snapshot as Snapshot),
      enterprise: { name: enterprise.name, creditCode: enterprise.credit_code, subdistrictId: enterprise.subdistrict_id, industryCode: enterprise.industry_code },
      submittedBy: { id: actor.userId, name: actor.displayName },
      submittedAt: ctx.now.toISOString(),
    };
    const done = await submitSubmission(tx, ctx, DOUBLE_REPORT_KIND, locked, snapshot, doubleReportPdfModel(snapshot), opts);
    await mirrorRow(tx, actor.scope, enterpriseId, p, row, {
      status: 'submitted', snapshot: JSON.stringify(snapshot), confirmed_by: locked.current.confirmed_by, confirmed_at: locked.current.confirmed_at,
      submitted_by: actor.userId, submitted_at: ctx.now,
    });
    for (const userId of await idsOf(subdistrictOfficersOf(tx, enterpriseId))) {
      await enqueueOutbox(tx, {
        topic: 'notify',
        payload: {
          userId, kind: 'hazard.report', titleKey: 'hazardReport.notify.submitted.title', bodyKey: 'hazardReport.notify.submitted.body',
          params: { enterprise: enterprise.name, period: p.key }, link: `/enterprises/${enterpriseId}/hazard-reports/${p.type}/${p.key}`,
        },
      });
    }
    // R-HAZ-5: the submission fulfils the period's occurrence in the same transaction (the obligations engine).
    await fulfilByRecord(tx, ctx, { enterpriseId, record: `hazard.double_submitted.${p.type}`, recordType: 'hazard_report', recordId: entityId(enterpriseId, p), at: p.start, byPrincipal: false });
    await writeAudit(tx, ctx, {
      action: 'hazard.report.submit', entityType: 'hazard_report', entityId: entityId(enterpriseId, p), enterpriseId,
      before: { status: 'confirmed' }, after: { status: 'submitted', submissionVersion: done.version, sha256: done.sha256, pdfSha256: done.pdfSha256 },
    });
  });
  return present(db, ctx, actor, enterpriseId, p);
}

/**
 * A correction of a submitted report: a new version, a draft to be signed and submitted again. The submitted version
 * stays locked and listed; the regulator and the workers' congress keep reading it until the new one is submitted.
 */
export async function correctDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  const p = periodOf(type, key, ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId, 'hazard.manage')) throw forbidden();
    const { locked } = await lockBoth(tx, ctx, enterpriseId, p);
    const done = await correctSubmission(tx, ctx, DOUBLE_REPORT_KIND, locked);
    await writeAudit(tx, ctx, {
      action: 'hazard.report.correct', entityType: 'hazard_report', entityId: entityId(enterpriseId, p), enterpriseId,
      before: { submissionVersion: done.corrects, sha256: done.correctedSha256 }, after: { status: 'draft', submissionVersion: done.version },
    });
  });
  return present(db, ctx, actor, enterpriseId, p);
}

/** Every version of the report: the enterprise sees all, a regulator the submitted ones. */
export async function listDoubleReportVersions(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const p = periodOf(type, key, ctx);
  const doc = await loadSubmission(db, docRef(enterpriseId, p));
  const versions = doc?.versions ?? [];
  return { items: presentVersions(isRegulator(actor) ? versions.filter((v) => v.status === 'submitted') : versions) };
}

/** The archived PDF of a submitted version, as signed and filed. */
export async function doubleReportPdfFile(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string, version: number, opts: PdfOptions = {}) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const p = periodOf(type, key, ctx);
  const enterprise = await reportEnterprise(db, actor.scope, enterpriseId);
  const file = await submissionPdf(db, ctx, docRef(enterpriseId, p), version, (s) => doubleReportPdfModel(s as Snapshot), opts);
  return { ...file, filename: `${enterprise.name}-隐患排查治理双报告-${p.key}-第${version}版.pdf`, fallbackName: `double-report-${p.key}-v${version}.pdf` };
}

/** The workers' congress view (R-HAZ-5): the submitted reports, for every employee of the enterprise to read. */
export async function listSubmittedReports(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listSubmitted(db, actor.scope, enterpriseId);
  return {
    items: rows.map((r) => {
      const h = (r.snapshot as Snapshot).data.hazards;
      return {
        periodType: r.period_type, periodKey: r.period_key, submittedAt: r.submitted_at!, submittedBy: r.submitted_by_name, confirmedBy: r.confirmed_by_name,
        found: h.found, fixed: h.fixed, overdueAtEnd: h.overdueAtEnd, majorOpenAtEnd: h.majorOpenAtEnd,
      };
    }),
  };
}

/** The duty behind a period's double report (R-HAZ-5), as the obligations engine keeps it: one occurrence per enterprise and period. */
const dutyOf = (p: { type: ReportPeriodType; key: string }) => ({ definitionKey: `hazard.double.${p.type}`, periodKey: p.key });

/**
 * Regulators: who in scope has and has not submitted the period's report (the last ended period by default). Who owes
 * it and where each stands is the obligations engine's (issue 11 §1): an enterprise that joined after the period began,
 * a period before the engine took the reports over, or a waived duty is listed as such, never as "not submitted". The
 * report row gives the contents: its stage and the version the regulator reads.
 */
export async function listReportStatus(db: Db, ctx: Ctx, q: ReportListQuery) {
  const actor = requireActor(ctx);
  const p = q.periodKey ? periodOf(q.periodType, q.periodKey, ctx) : lastEndedPeriod(q.periodType, todayOf(ctx));
  // No report row reads as a draft, as the enterprise's own page shows it.
  const stages = q.status === undefined ? undefined : q.status === 'draft' ? [null, 'draft'] : [q.status];
  const duty = await occurrenceStatusForScope(db, ctx, {
    ...dutyOf(p), subdistrictId: q.subdistrictId, industryCode: q.industryCode, q: q.q, statuses: q.duty ? dutyStatusesOf(q.duty) : undefined,
    record: { stage: reportStageSql(p.type, p.key), stages }, page: q.page, pageSize: q.pageSize, order: q.order,
  });
  const contents = new Map((await reportContents(db, actor.scope, p.type, p.key, duty.items.map((i) => i.enterpriseId))).map((r) => [r.enterprise_id, r]));
  const drafts = duty.byStage(null) + duty.byStage('draft');
  const [confirmed, submitted] = [duty.byStage('confirmed'), duty.byStage('submitted')];
  return {
    items: duty.items.map((d) => {
      const r = contents.get(d.enterpriseId);
      const status: ReportStatus = r?.status ?? 'draft';
      return {
        enterpriseId: d.enterpriseId, name: d.name, creditCode: d.creditCode, subdistrictId: d.subdistrictId, subdistrictName: d.subdistrictName,
        industryCode: d.industryCode, industryName: d.industryName, status,
        confirmedAt: r?.confirmed_at ?? null, submittedAt: r?.submitted_at ?? null, submittedVersion: r?.submitted_version ?? (status === 'submitted' ? 1 : null),
        dutyStatus: d.status, dueDate: d.dueOn, fulfilledAt: d.fulfilledAt, waivedReason: d.waivedReason,
      };
    }),
    total: duty.total, page: q.page, pageSize: q.pageSize, periodType: p.type, periodKey: p.key,
    counts: { total: drafts + confirmed + submitted, draft: drafts, confirmed, submitted },
    duty: duty.counts,
  };
}

// ---- the workbench and 催报 ----

/** The enterprise's reports of the last ended month, quarter and year that are not yet submitted (R-HAZ-5). */
export async function unsubmittedReportsOf(db: Db, ctx: Ctx, enterpriseId: string): Promise<number> {
  const today = todayOf(ctx);
  const periods = REPORT_PERIOD_TYPES.map((type) => lastEndedPeriod(type, today));
  const done = await submittedPeriods(db, requireActor(ctx).scope, enterpriseId, periods);
  return periods.filter((p) => !done.has(`${p.type}:${p.key}`)).length;
}

/** A regulator's figures for the last ended month: enterprises in scope, and how many owe its report and have not submitted it. */
export async function regulatorReportCounts(db: Db, ctx: Ctx) {
  const p = lastEndedPeriod('month', todayOf(ctx));
  const duty = await occurrenceStatusForScope(db, ctx, { ...dutyOf(p), page: 1, pageSize: 1, order: 'asc' });
  return { periodType: p.type, periodKey: p.key, total: duty.total, notSubmitted: duty.counts.notSubmitted };
}

/** 催报: the enterprises in the caller's scope whose duty of the period is still open (not submitted, not waived) are reminded. */
export async function urgeDoubleReports(db: Db, ctx: Ctx, type: ReportPeriodType, key: string) {
  const p = periodOf(type, key, ctx);
  if (!periodEnded(p, todayOf(ctx))) throw new AppError('STATE', { messageKey: 'doubleReport.urge.notEnded', reason: 'PERIOD_NOT_ENDED' });
  const enterpriseIds = await openOccurrenceEnterpriseIds(db, ctx, dutyOf(p));
  return urgeEnterprises(db, ctx, {
    enterpriseIds, entityType: 'hazard_report', entityId: `${p.type}:${p.key}`, kind: 'hazard.report',
    titleKey: 'notify.doubleReport.urge.title', bodyKey: 'notify.doubleReport.urge.body',
    params: { period: p.key }, link: `/hazard-reports`,
  });
}
