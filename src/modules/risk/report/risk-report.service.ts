import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import type { Permission } from '../../../platform/auth/permissions';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { departmentOfficersFor, idsOf } from '../../../platform/directory';
import { localYear } from '../../../platform/time';
import { today } from '../points/risk-point.service';
import {
  appendReportEvent, countReportStatuses, departmentIndustries, findReport, findSubdistrictReport, listReportEvents,
  listReportStatuses, listSubdistrictReports, loadReportSource, loadSubdistrictFacts, lockReport, saveSubdistrictReport,
} from './risk-report.repository';
import {
  aggregateSubdistrict, composeReportData, isOnTime, reportDueDate, restrictToIndustries, type ReportData, type ReportStatus, type SubdistrictAggregate,
} from './risk-report.rules';
import type { NarrativeInput, ReportListQuery, VersionInput } from './risk-report.schema';

/** What a report row stores once confirmed (the figures the principal signed) and, after submission, the rest. */
type Snapshot = {
  data: ReportData;
  narrative: string;
  enterprise?: { name: string; creditCode: string; subdistrictId: string; industryCode: string };
  confirmedBy?: { id: string; name: string } | null;
  confirmedAt?: string | null;
  submittedBy?: { id: string; name: string };
  submittedAt?: string;
  onTime?: boolean;
};

const entityId = (enterpriseId: string, year: number) => `${enterpriseId}:${year}`;
/** A refused step of the report's workflow, with its reason code (`error.reason`) and a translated message. */
const REASONS = { submitted: 'REPORT_SUBMITTED', confirmed: 'REPORT_CONFIRMED', notConfirmed: 'REPORT_NOT_CONFIRMED' } as const;
const stateError = (reason: keyof typeof REASONS) => new AppError('STATE', { messageKey: `riskReport.state.${reason}`, reason: REASONS[reason] });

/** The enterprise's principal and safety manager write their own report; the district admin may act for any. */
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

async function liveData(db: Executor, ctx: Ctx, enterpriseId: string, year: number): Promise<ReportData> {
  const source = await loadReportSource(db, enterpriseId, year);
  return composeReportData({ year, asOf: today(ctx), ...source });
}

async function presentReport(db: Executor, ctx: Ctx, actor: Actor, enterpriseId: string, year: number) {
  const [enterprise, row, history] = await Promise.all([
    db.selectFrom('enterprises').select(['name']).where('id', '=', enterpriseId).executeTakeFirstOrThrow(),
    findReport(db, enterpriseId, year),
    listReportEvents(db, enterpriseId, year),
  ]);
  const status: ReportStatus = row?.status ?? 'none';
  const snapshot = (row?.snapshot ?? null) as Snapshot | null;
  // Draft: figures generated from the ledger on every read. Confirmed and submitted: the stored snapshot, so later
  // ledger edits change neither what the principal signed nor what the subdistrict received.
  const stored = (status === 'confirmed' || status === 'submitted') && snapshot !== null;
  const data = stored ? snapshot.data : await liveData(db, ctx, enterpriseId, year);
  const narrative = status === 'submitted' && snapshot ? snapshot.narrative : (row?.narrative ?? '');
  const editable = status !== 'submitted' && year <= localYear(ctx.now);
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    year,
    status,
    dueDate: reportDueDate(year),
    live: !stored,
    data,
    narrative: isRegulator(actor) && status !== 'submitted' ? null : narrative,
    version: row?.version ?? 0,
    confirmedBy: row?.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : null,
    confirmedAt: row?.confirmed_at ?? null,
    submittedBy: row?.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null,
    submittedAt: row?.submitted_at ?? null,
    onTime: row?.submitted_at ? isOnTime(year, row.submitted_at) : null,
    history: history.map((h) => ({ action: h.action, fromStatus: h.from_status, toStatus: h.to_status, by: h.display_name, at: h.at })),
    abilities: {
      canEdit: editable && mayWriteReport(actor, enterpriseId, 'risk.report.submit'),
      canConfirm: editable && status === 'draft' && narrative.trim() !== '' && mayWriteReport(actor, enterpriseId, 'risk.report.confirm'),
      canSubmit: editable && status === 'confirmed' && mayWriteReport(actor, enterpriseId, 'risk.report.submit'),
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

/** Saves the narrative. Editing a confirmed report sends it back to draft: the principal confirms the final text. */
export async function saveReportNarrative(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: NarrativeInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.submit')) throw forbidden();
    requireReportableYear(ctx, year);
    const { row, created } = await lockReport(tx, enterpriseId, year, ctx.now);
    const from = row.status;
    switch (from) {
      case 'submitted': throw stateError('submitted');
      case 'draft': case 'confirmed': break;
    }
    if (input.version !== (created ? 0 : row.version)) throw new AppError('CONFLICT');
    const version = created ? 1 : row.version + 1;
    await tx.updateTable('risk_annual_reports')
      .set({ narrative: input.narrative, status: 'draft', snapshot: null, confirmed_by: null, confirmed_at: null, version, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('year', '=', year).execute();
    if (created) await appendReportEvent(tx, { enterprise_id: enterpriseId, year, action: 'create', from_status: null, to_status: 'draft', actor_id: actor.userId, at: ctx.now });
    if (from === 'confirmed') await appendReportEvent(tx, { enterprise_id: enterpriseId, year, action: 'reopen', from_status: 'confirmed', to_status: 'draft', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: from === 'confirmed' ? 'risk.report.reopen' : 'risk.report.update', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: created ? undefined : { status: from, narrative: row.narrative, version: row.version, confirmedBy: row.confirmed_by },
      after: { status: 'draft', narrative: input.narrative, version },
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
    const { row, created } = await lockReport(tx, enterpriseId, year, ctx.now);
    switch (row.status) {
      case 'submitted': throw stateError('submitted');
      case 'confirmed': throw stateError('confirmed');
      case 'draft': break;
    }
    if (created || row.narrative.trim() === '') throw invalid('body.narrative', 'validation.riskReport.narrativeRequired');
    if (row.version !== input.version) throw new AppError('CONFLICT');
    const data = await liveData(tx, ctx, enterpriseId, year);
    const snapshot: Snapshot = { data, narrative: row.narrative };
    await tx.updateTable('risk_annual_reports')
      .set({ status: 'confirmed', snapshot: JSON.stringify(snapshot), confirmed_by: actor.userId, confirmed_at: ctx.now, version: row.version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('year', '=', year).execute();
    await appendReportEvent(tx, { enterprise_id: enterpriseId, year, action: 'confirm', from_status: 'draft', to_status: 'confirmed', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'risk.report.confirm', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'draft', version: row.version }, after: { status: 'confirmed', version: row.version + 1, totals: data.totals },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

/** R-RISK-9: submission to the subdistrict locks the confirmed report for good; on time when by 31 December. */
export async function submitAnnualReport(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: VersionInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWriteReport(actor, enterpriseId, 'risk.report.submit')) throw forbidden();
    requireReportableYear(ctx, year);
    const { row } = await lockReport(tx, enterpriseId, year, ctx.now);
    switch (row.status) {
      case 'submitted': throw stateError('submitted');
      case 'draft': throw stateError('notConfirmed');
      case 'confirmed': break;
    }
    if (row.version !== input.version) throw new AppError('CONFLICT');
    const confirmed = row.snapshot as Snapshot;
    const [enterprise, confirmer] = await Promise.all([
      tx.selectFrom('enterprises').select(['name', 'credit_code', 'subdistrict_id', 'industry_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow(),
      row.confirmed_by ? tx.selectFrom('users').select(['id', 'display_name']).where('id', '=', row.confirmed_by).executeTakeFirst() : undefined,
    ]);
    const onTime = isOnTime(year, ctx.now);
    const snapshot: Snapshot = {
      ...confirmed,
      enterprise: { name: enterprise.name, creditCode: enterprise.credit_code, subdistrictId: enterprise.subdistrict_id, industryCode: enterprise.industry_code },
      confirmedBy: confirmer ? { id: confirmer.id, name: confirmer.display_name } : null,
      confirmedAt: row.confirmed_at?.toISOString() ?? null,
      submittedBy: { id: actor.userId, name: actor.displayName },
      submittedAt: ctx.now.toISOString(),
      onTime,
    };
    await tx.updateTable('risk_annual_reports')
      .set({ status: 'submitted', snapshot: JSON.stringify(snapshot), submitted_by: actor.userId, submitted_at: ctx.now, version: row.version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('year', '=', year).execute();
    await appendReportEvent(tx, { enterprise_id: enterpriseId, year, action: 'submit', from_status: 'confirmed', to_status: 'submitted', actor_id: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'risk.report.submit', entityType: 'risk_annual_report', entityId: entityId(enterpriseId, year), enterpriseId,
      before: { status: 'confirmed', version: row.version }, after: { status: 'submitted', version: row.version + 1, onTime, totals: confirmed.data.totals },
    });
  });
  return presentReport(db, ctx, actor, enterpriseId, year);
}

// ---- regulators ----

/** Who in the caller's scope has and has not submitted the year's report, and whether on time. */
export async function listReportStatus(db: Db, ctx: Ctx, q: ReportListQuery) {
  const actor = requireActor(ctx);
  const year = q.year ?? localYear(ctx.now);
  const subdistrictId = actor.scope.kind === 'subdistrict' ? actor.scope.subdistrictId : null;
  const [{ rows, total }, counts, forwarded] = await Promise.all([
    listReportStatuses(db, actor.scope, q, year),
    countReportStatuses(db, actor.scope, q, year),
    subdistrictId ? findSubdistrictReport(db, subdistrictId, year) : undefined,
  ]);
  return {
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name,
      industryCode: r.industry_code, industryName: r.industry_name, status: (r.status ?? 'none') as ReportStatus, confirmedAt: r.confirmed_at,
      submittedAt: r.submitted_at, submittedBy: r.submitted_by_name, onTime: r.submitted_at ? isOnTime(year, r.submitted_at) : null,
    })),
    total, page: q.page, pageSize: q.pageSize, year, dueDate: reportDueDate(year), pastDue: today(ctx) > reportDueDate(year),
    canForward: subdistrictId !== null && year <= localYear(ctx.now), forwardedAt: forwarded?.forwarded_at ?? null, counts,
  };
}

function auditSummary(agg: SubdistrictAggregate) {
  return { totals: agg.totals, industries: agg.byIndustry.map((i) => i.industryCode), grade1: agg.grade1.length, nonSubmitters: agg.nonSubmitters.length };
}

/**
 * R-RISK-9: the subdistrict aggregates its enterprises' submitted reports and forwards the aggregate to each district
 * department by industry. Forwarding again replaces the stored aggregate (audited with what it replaced).
 */
export async function forwardSubdistrictReport(db: Db, ctx: Ctx, year: number) {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'subdistrict') throw new AppError('FORBIDDEN', { messageKey: 'riskReport.forward.subdistrictOnly' });
  const subdistrictId = actor.scope.subdistrictId;
  requireReportableYear(ctx, year);
  await db.transaction().execute(async (tx) => {
    const sub = await tx.selectFrom('subdistricts').select(['id', 'name', 'district_id']).where('id', '=', subdistrictId).executeTakeFirstOrThrow();
    const before = await findSubdistrictReport(tx, sub.id, year, { lock: true });
    const agg = aggregateSubdistrict(year, await loadSubdistrictFacts(tx, sub.id, year));
    await saveSubdistrictReport(tx, sub.id, year, agg, actor.userId, ctx.now);
    const officers = await idsOf(departmentOfficersFor(tx, sub.district_id, agg.byIndustry.map((i) => i.industryCode)));
    for (const o of officers) {
      await enqueueOutbox(tx, {
        topic: 'notify',
        payload: { userId: o, kind: 'risk', titleKey: 'notify.riskReport.forwarded.title', bodyKey: 'notify.riskReport.forwarded.body', params: { subdistrict: sub.name, year }, link: `/risk/reports?year=${year}` },
      });
    }
    await writeAudit(tx, ctx, {
      action: before ? 'risk.report.reforward' : 'risk.report.forward', entityType: 'subdistrict_risk_report', entityId: `${sub.id}:${year}`,
      before: before ? { ...auditSummary(before.snapshot as SubdistrictAggregate), forwardedAt: before.forwarded_at, forwardedBy: before.forwarded_by } : undefined,
      after: { ...auditSummary(agg), notified: officers.length },
    });
  });
  const [item] = (await listAggregates(db, ctx, year)).items;
  return item!;
}

/**
 * Forwarded aggregates in scope: the subdistrict its own, the admin every subdistrict's, a department only the
 * industries it supervises ("三个必须"), and no aggregate at all in which none of them appear.
 */
export async function listAggregates(db: Db, ctx: Ctx, year: number) {
  const actor = requireActor(ctx);
  const rows = await listSubdistrictReports(db, actor.scope, year);
  const industries = actor.scope.kind === 'department' ? await departmentIndustries(db, actor.scope.departmentId) : null;
  const items = [];
  for (const r of rows) {
    const full = r.snapshot as SubdistrictAggregate;
    const aggregate = industries ? restrictToIndustries(full, industries) : full;
    if (!aggregate) continue;
    items.push({ subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name, year: r.year, forwardedAt: r.forwarded_at, forwardedBy: r.forwarded_by_name, aggregate });
  }
  return { year, items };
}
