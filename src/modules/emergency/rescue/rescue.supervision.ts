import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import type { Db, Executor } from '../../../platform/db/database';
import type { AnyScope } from '../../../platform/db/scope';
import { forbidden } from '../../../platform/errors';
import { currentRulesByDistrict } from '../../../platform/rules';
import { localDay } from '../../../platform/time';
import { enterpriseAttributesIn } from '../../org';
import { emergencyRequirements, type EmergencyRequirements } from '../emergency.requirements';
import { EMERGENCY_RULES } from '../emergency.rule-sets';
import { rescueFiguresIn, type RescueFiguresRow } from './rescue.repository';
import { readinessFrom } from './rescue.rules';
import type { RescueSupervisionPage, RescueSupervisionQuery, RescueSupervisionRow } from './rescue.schema';

/*
 * Issue 14 §2, R-EMG-3, the regulators' side: every active enterprise of the caller's scope (a subdistrict officer's
 * subdistrict, a department's industries, the whole district) with its rescue organisation, agreements and
 * equipment, what the rules ask of it and what is missing. The requirement is derived per enterprise (its industry,
 * size class and flags under its district's `emergency` rule-set [cfg]), so the list is assembled here from two
 * statements: the enterprises' attributes and their rescue figures.
 */

/** Each enterprise's R-EMG-3 requirement in the scope, as `emergencyRequirementsOf` derives it one at a time. */
async function rescueRequirementsIn(db: Executor, scope: AnyScope): Promise<Map<string, EmergencyRequirements['rescueOrganisation']>> {
  const [attrs, rules, industries] = await Promise.all([
    enterpriseAttributesIn(db, scope), currentRulesByDistrict(db, EMERGENCY_RULES), db.selectFrom('industries').select(['code', 'high_risk']).execute(),
  ]);
  const highRisk = new Map(industries.map((i) => [i.code, i.high_risk]));
  const out = new Map<string, EmergencyRequirements['rescueOrganisation']>();
  for (const a of attrs) {
    const set = rules.get(a.districtId);
    if (!set) continue;
    out.set(a.enterpriseId, emergencyRequirements({
      industryCode: a.industryCode, industryCategories: a.industryCategories, highRisk: a.highRisk || (highRisk.get(a.industryCode) ?? false),
      sizeClass: a.sizeClass, hazardousGoodsCarrier: a.hazardousGoodsCarrier, crowdedVenue: a.crowdedVenue,
    }, set.value).rescueOrganisation);
  }
  return out;
}

function rowOf(r: RescueFiguresRow, requirement: RescueSupervisionRow['requirement'], today: string): RescueSupervisionRow {
  const readiness = requirement === 'not_required' ? { met: true, reasons: [] } : readinessFrom(requirement, {
    staffedTeam: r.staffed_team, staffedParttime: r.staffed_parttime, teams: r.teams, fullTeams: r.full_teams, agreements: r.agreements, validAgreement: r.agreement_valid,
  });
  return {
    enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
    requirement, met: readiness.met, reasons: readiness.reasons, teams: r.teams, members: r.members,
    agreements: r.agreements, agreementValidTo: r.agreement_valid_to, agreementExpired: r.agreement_valid_to !== null && r.agreement_valid_to < today,
    equipment: r.equipment, inspectionsOverdue: r.overdue, expired: r.expired,
  };
}

/** Every row of the list (all pages), with the counts over the scope and filters; for the page and the export. */
export async function rescueSupervisionRows(db: Db, ctx: Ctx, q: Omit<RescueSupervisionQuery, 'page' | 'pageSize'>) {
  const actor = requireActor(ctx);
  // A regulators' list: an enterprise's or an institution's account sees its own enterprise's page instead.
  if (actor.scope.kind === 'enterprise' || actor.scope.kind === 'institution') throw forbidden();
  const today = localDay(ctx.now);
  const [requirements, figures] = await Promise.all([
    rescueRequirementsIn(db, actor.scope), rescueFiguresIn(db, actor.scope, { subdistrictId: q.subdistrictId, industryCode: q.industryCode, q: q.q }, today),
  ]);
  const all = figures.map((r) => rowOf(r, requirements.get(r.enterprise_id) ?? 'not_required', today));
  const counts = {
    enterprises: all.length, required: all.filter((r) => r.requirement !== 'not_required').length, missing: all.filter((r) => !r.met).length,
    agreementExpired: all.filter((r) => r.agreementExpired).length, inspectionOverdue: all.filter((r) => r.inspectionsOverdue > 0).length,
  };
  let rows = all.filter((r) => (!q.missing || !r.met) && (!q.agreementExpired || r.agreementExpired) && (!q.inspectionOverdue || r.inspectionsOverdue > 0));
  if (q.sort === 'overdue') rows = [...rows].sort((a, b) => a.inspectionsOverdue - b.inspectionsOverdue || a.name.localeCompare(b.name, 'zh-CN'));
  if (q.order === 'desc') rows = [...rows].reverse();
  return { today, counts, rows };
}

export async function rescueSupervision(db: Db, ctx: Ctx, q: RescueSupervisionQuery): Promise<RescueSupervisionPage> {
  const { today, counts, rows } = await rescueSupervisionRows(db, ctx, q);
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize, today, counts };
}
