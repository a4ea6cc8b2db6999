import { can, requireActor, wholeEnterprise, type Actor, type Ctx } from '../../../platform/auth/actor';
import type { Permission } from '../../../platform/auth/permissions';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { riskSummaryFor } from '../../risk';
import { todayOf } from '../loop/hazard.service';
import { countReportStatuses, findReport, listReportStatuses, listSubmitted, lockReport } from './double-report.repository';
import { idsOf, subdistrictOfficersOf } from '../../../platform/directory';
import { composeReportData, reportCut, type ReportData, type ReportStatus } from './double-report.rules';
import type { ReportListQuery } from './double-report.schema';
import { industryNames, subdistrictNames } from '../stats/hazard-stats.repository';
import { lastEndedPeriod, parseReportPeriod, periodEnded, periodStarted, type ReportPeriod, type ReportPeriodType } from '../stats/hazard-stats.rules';
import { enterpriseFiguresFor } from '../stats/hazard-stats.service';

/** What a report row stores from confirmation on: the figures the principal signed, and who did what. */
type Snapshot = {
  data: ReportData;
  enterprise?: { name: string; creditCode: string; subdistrictId: string; industryCode: string };
  confirmedBy: { id: string; name: string };
  confirmedAt: string;
  submittedBy?: { id: string; name: string };
  submittedAt?: string;
};

/** A refused step of the report's workflow, with its reason code (`error.reason`) and a translated message. */
const REASONS = { submitted: 'REPORT_SUBMITTED', confirmed: 'REPORT_CONFIRMED', notConfirmed: 'REPORT_NOT_CONFIRMED', periodOpen: 'PERIOD_OPEN' } as const;
const stateError = (reason: keyof typeof REASONS) => new AppError('STATE', { messageKey: `hazardReport.state.${reason}`, reason: REASONS[reason] });
const entityId = (enterpriseId: string, p: ReportPeriod) => `${enterpriseId}:${p.type}:${p.key}`;

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
  const [enterprise, row] = await Promise.all([
    db.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).executeTakeFirstOrThrow(),
    findReport(db, enterpriseId, p.type, p.key),
  ]);
  const status: ReportStatus = row?.status ?? 'draft';
  const snapshot = (row?.snapshot ?? null) as Snapshot | null;
  // Draft: generated on every read. Confirmed and submitted: the stored snapshot, so later changes to hazards or the
  // risk ledger alter neither what the principal signed nor what the regulator and the workers' congress received.
  const stored = status !== 'draft' && snapshot !== null;
  const today = todayOf(ctx);
  return {
    enterpriseId, enterpriseName: enterprise.name, periodType: p.type, periodKey: p.key, status, live: !stored,
    data: stored ? snapshot.data : await liveData(db, ctx, enterpriseId, p),
    confirmedBy: row?.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : null,
    confirmedAt: row?.confirmed_at ?? null,
    submittedBy: row?.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null,
    submittedAt: row?.submitted_at ?? null,
    abilities: {
      canConfirm: status === 'draft' && periodEnded(p, today) && mayWrite(actor, enterpriseId, 'risk.report.confirm'),
      canSubmit: status === 'confirmed' && mayWrite(actor, enterpriseId, 'hazard.manage'),
    },
  };
}

/** R-HAZ-5: one period's double report: generated while a draft, the signed snapshot afterwards. */
export async function getDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return present(db, ctx, actor, enterpriseId, periodOf(type, key, ctx));
}

/** R-HAZ-5: the principal signs the report of an ended period; its figures are fixed at this moment. */
export async function confirmDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  const p = periodOf(type, key, ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId, 'risk.report.confirm')) throw forbidden();
    const row = await lockReport(tx, enterpriseId, p.type, p.key);
    switch (row.status) {
      case 'submitted': throw stateError('submitted');
      case 'confirmed': throw stateError('confirmed');
      case 'draft': break;
    }
    if (!periodEnded(p, todayOf(ctx))) throw stateError('periodOpen');
    const data = await liveData(tx, ctx, enterpriseId, p);
    const snapshot: Snapshot = { data, confirmedBy: { id: actor.userId, name: actor.displayName }, confirmedAt: ctx.now.toISOString() };
    await tx.updateTable('hazard_reports').set({ status: 'confirmed', snapshot: JSON.stringify(snapshot), confirmed_by: actor.userId, confirmed_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('period_type', '=', p.type).where('period_key', '=', p.key).execute();
    await writeAudit(tx, ctx, {
      action: 'hazard.report.confirm', entityType: 'hazard_report', entityId: entityId(enterpriseId, p), enterpriseId,
      before: { status: 'draft' }, after: { status: 'confirmed', hazards: { found: data.hazards.found, fixed: data.hazards.fixed, overdueAtEnd: data.hazards.overdueAtEnd } },
    });
  });
  return present(db, ctx, actor, enterpriseId, p);
}

/**
 * R-HAZ-5: submission sends the signed report to the regulator and publishes it to the workers' congress view.
 * From then on it is locked: confirming or submitting again is refused.
 */
export async function submitDoubleReport(db: Db, ctx: Ctx, enterpriseId: string, type: ReportPeriodType, key: string) {
  const actor = requireActor(ctx);
  const p = periodOf(type, key, ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId, 'hazard.manage')) throw forbidden();
    const row = await lockReport(tx, enterpriseId, p.type, p.key);
    switch (row.status) {
      case 'submitted': throw stateError('submitted');
      case 'draft': throw stateError('notConfirmed');
      case 'confirmed': break;
    }
    const enterprise = await tx.selectFrom('enterprises').select(['name', 'credit_code', 'subdistrict_id', 'industry_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
    const snapshot: Snapshot = {
      ...(row.snapshot as Snapshot),
      enterprise: { name: enterprise.name, creditCode: enterprise.credit_code, subdistrictId: enterprise.subdistrict_id, industryCode: enterprise.industry_code },
      submittedBy: { id: actor.userId, name: actor.displayName },
      submittedAt: ctx.now.toISOString(),
    };
    await tx.updateTable('hazard_reports').set({ status: 'submitted', snapshot: JSON.stringify(snapshot), submitted_by: actor.userId, submitted_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('period_type', '=', p.type).where('period_key', '=', p.key).execute();
    for (const userId of await idsOf(subdistrictOfficersOf(tx, enterpriseId))) {
      await enqueueOutbox(tx, {
        topic: 'notify',
        payload: {
          userId, kind: 'hazard.report', titleKey: 'hazardReport.notify.submitted.title', bodyKey: 'hazardReport.notify.submitted.body',
          params: { enterprise: enterprise.name, period: p.key }, link: `/enterprises/${enterpriseId}/hazard-reports/${p.type}/${p.key}`,
        },
      });
    }
    await writeAudit(tx, ctx, {
      action: 'hazard.report.submit', entityType: 'hazard_report', entityId: entityId(enterpriseId, p), enterpriseId,
      before: { status: 'confirmed' }, after: { status: 'submitted' },
    });
  });
  return present(db, ctx, actor, enterpriseId, p);
}

/** The workers' congress view (R-HAZ-5): the submitted reports, for every employee of the enterprise to read. */
export async function listSubmittedReports(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listSubmitted(db, enterpriseId);
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

/** Regulators: who in scope has and has not submitted the period's report (the last ended period by default). */
export async function listReportStatus(db: Db, ctx: Ctx, q: ReportListQuery) {
  const actor = requireActor(ctx);
  const p = q.periodKey ? periodOf(q.periodType, q.periodKey, ctx) : lastEndedPeriod(q.periodType, todayOf(ctx));
  const [{ rows, total }, counts, subs, inds] = await Promise.all([
    listReportStatuses(db, actor.scope, q, p.type, p.key),
    countReportStatuses(db, actor.scope, q, p.type, p.key),
    subdistrictNames(db),
    industryNames(db),
  ]);
  const subName = new Map(subs.map((s) => [s.id, s.name]));
  const indName = new Map(inds.map((i) => [i.code, ctx.locale === 'en-US' ? i.name_en : i.name]));
  return {
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictId: r.subdistrict_id, subdistrictName: subName.get(r.subdistrict_id) ?? '',
      industryCode: r.industry_code, industryName: indName.get(r.industry_code) ?? r.industry_code, status: r.status,
      confirmedAt: r.confirmed_at, submittedAt: r.submitted_at,
    })),
    total, page: q.page, pageSize: q.pageSize, periodType: p.type, periodKey: p.key, counts,
  };
}
