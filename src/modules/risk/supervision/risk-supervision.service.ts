import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { today } from '../points/risk-point.service';
import { isOverdue, missingR8Items } from '../report/risk-report.rules';
import { majorRiskPage, overviewCount, overviewPage, overviewTotals } from './risk-supervision.repository';
import type { MajorQuery, OverviewQuery, OverviewSummaryQuery } from './risk-supervision.schema';

const n = (v: unknown) => Number(v ?? 0);

/** Enterprises in the regulator's scope with their ledgers' counts by grade and warning flags (issue 3 §8). */
export async function riskOverview(db: Db, ctx: Ctx, q: OverviewQuery) {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const rows = await overviewPage(db, actor.scope, q, day);
  const total = rows.length > 0 ? n(rows[0]!.total_count) : await overviewCount(db, actor.scope, q, day);
  return {
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name,
      industryCode: r.industry_code, industryName: r.industry_name, total: n(r.total), byGrade: { 1: n(r.g1), 2: n(r.g2), 3: n(r.g3), 4: n(r.g4) },
      unassessed: n(r.unassessed), overdue: n(r.overdue), missingR8: n(r.missing_r8), controlFailing: n(r.failing), hasLedger: n(r.total) > 0,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

export async function riskOverviewSummary(db: Db, ctx: Ctx, q: OverviewSummaryQuery) {
  const actor = requireActor(ctx);
  const r = await overviewTotals(db, actor.scope, q, today(ctx));
  return {
    enterprises: n(r.enterprises), withLedger: n(r.with_ledger), withoutLedger: n(r.enterprises) - n(r.with_ledger),
    points: {
      total: n(r.total), byGrade: { 1: n(r.g1), 2: n(r.g2), 3: n(r.g3), 4: n(r.g4) }, unassessed: n(r.unassessed),
      overdue: n(r.overdue), missingR8: n(r.missing_r8), controlFailing: n(r.failing),
    },
    enterprisesWith: { grade1: n(r.e_g1), overdue: n(r.e_overdue), missingR8: n(r.e_missing_r8), controlFailing: n(r.e_failing) },
  };
}

/** Every grade-1 (重大) risk point in scope. */
export async function majorRisks(db: Db, ctx: Ctx, q: MajorQuery) {
  const actor = requireActor(ctx);
  const day = today(ctx);
  const { rows, total } = await majorRiskPage(db, actor.scope, q, day);
  return {
    items: rows.map((r) => ({
      riskPointId: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name,
      industryCode: r.industry_code, industryName: r.industry_name, code: r.code, name: r.name, kind: r.kind, orgUnitName: r.org_unit_name,
      majorHazardSource: r.major_hazard_source, controlLevel: r.control_level, reassessDue: r.reassess_due, overdue: isOverdue(r.reassess_due, day),
      missingR8: missingR8Items({ grade: 1, r8: { warningSigns: r.has_warning_signs, monitoring: r.has_monitoring, emergencyEquipment: r.has_emergency_equipment, escapeRoutes: r.has_escape_routes } }),
      controlFailing: r.control_failing,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
