import { createHash } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { currentRulesOf, type RulesAt } from '../../../platform/rules';
import { registeredRuleSet } from '../../../platform/rules/rule-set';
import { localDay, localYear } from '../../../platform/time';
import { REQUIRED_RULES } from '../documents/documents.rule-sets';
import { LIABILITY_INSURANCE_RULES } from '../insurance/insurance.rule-sets';
import { SAFETY_FEE_RULES } from '../investment/investment.rule-sets';
import { STAFFING_RULES } from '../staffing/staffing.rule-sets';
import { overviewPage, refreshIndicators, type OverviewAt, type OverviewRow } from './overview.repository';
import type { OverviewItem, OverviewList, OverviewQuery } from './overview.schema';

/** Each module's rule-set in force for the caller's district, read once per request (and by the bench). */
export async function decidingWith(db: Db, district: RulesAt, now: Date): Promise<OverviewAt> {
  // Issue 13 §5: the competence view keys on the versions of the rule-sets its facts read (each module reads its own value).
  const competenceDefs = COMPETENCE_RULE_SETS.map((name) => registeredRuleSet(name)).filter((d) => d !== undefined);
  const [staffing, required, fee, insurance, ...competence] = await currentRulesOf(db, district,
    [STAFFING_RULES, REQUIRED_RULES, SAFETY_FEE_RULES, LIABILITY_INSURANCE_RULES, ...competenceDefs] as const);
  return {
    today: localDay(now), year: localYear(now), staffing: staffing.value, catalogue: required.value.rules,
    feeIndustries: fee.value.industries.filter((i) => i.schedules.length > 0).map((i) => i.industry), feeEligible: fee.value.categories.map((c) => c.code),
    insuranceIndustries: insurance.value.industries,
    competenceRules: Object.fromEntries(competenceDefs.map((d, i) => [d.name, competence[i]!.version])),
  };
}

/** Issue 13: the rule-sets the competence facts read. */
const COMPETENCE_RULE_SETS = ['training', 'certificates', 'ppe', 'standardisation'] as const;

/** What a stored row was decided on: the day, the fee's year and every rule-set's value (a change recomputes the rows). */
export function keyOf(at: OverviewAt): string {
  return createHash('sha256').update(JSON.stringify(at)).digest('base64url');
}

function item(r: OverviewRow): OverviewItem {
  const problems: OverviewItem['problems'] = [];
  if (r.p_staffing) problems.push('staffing');
  if (r.p_rules) problems.push('rules');
  if (r.p_fee) problems.push('fee');
  if (r.p_insurance) problems.push('insurance');
  if (r.p_equipment) problems.push('equipment');
  return {
    enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name, headcount: Number(r.headcount),
    staffing: { compliant: r.staffing_ok },
    rules: { missing: r.missing_rules, asked: Number(r.asked), acknowledged: Number(r.acknowledged), rate: r.ack_rate === null ? null : Number(r.ack_rate) },
    fee: r.fee_applies ? {
      required: r.fee_required, accrued: r.fee_accrued ?? '0.00', used: money(r.fee_used), ineligible: money(r.fee_ineligible), shortfall: money(r.fee_shortfall),
    } : null,
    insurance: r.insurance_applies ? { policyMissing: r.policy_missing, uninsured: Number(r.uninsured) } : null,
    equipment: { overdue: Number(r.overdue) },
    problems,
  };
}

const money = (v: string | null) => Number(v ?? 0).toFixed(2);

/**
 * Issue 12 §7: the regulators' management-system view — for each active enterprise in scope (subdistrict by location,
 * department by industry), staffing compliance, missing required rules, the acknowledgement rate, the fee's accrual
 * against use, 安责险 (no policy in force, uninsured people) and special equipment overdue; sortable, filterable by
 * problem, with the count of enterprises per problem.
 */
export async function managementOverview(db: Db, ctx: Ctx, q: OverviewQuery): Promise<OverviewList> {
  const actor = requireActor(ctx);
  const at = await decidingWith(db, ctx, ctx.now);
  const { rows, total, counts } = await overviewPage(db, actor.scope, q, at, keyOf(at), ctx.now);
  return { items: rows.map(item), total, page: q.page, pageSize: q.pageSize, today: at.today, year: at.year, counts };
}

/**
 * The job's part (every OVERVIEW_JOB_EVERY_MS): brings every district's stored indicators up to date, so the first
 * view after midnight (every row decided on the day before) or after a rule-set change does not compute them all.
 */
export async function refreshAllIndicators(db: Db, now: Date): Promise<number> {
  let n = 0;
  for (const d of await db.selectFrom('districts').select('id').execute()) {
    const at = await decidingWith(db, d.id, now);
    n += await refreshIndicators(db, [sql<SqlBool>`e.district_id = ${d.id}`, sql<SqlBool>`e.status = 'active'`], at, keyOf(at), now);
  }
  return n;
}

/**
 * R-RESP-4's management, investment and training indicators for one enterprise, from the same stored decisions as the view
 * (brought up to date first): the required rules not in force, the staffing check, this year's approved budget and
 * the fee's accrual where the industry accrues it. The caller has decided the reader may see the enterprise.
 */
export async function managementFacts(db: Db, enterpriseId: string, now: Date) {
  const at = await decidingWith(db, { enterpriseId }, now);
  await refreshIndicators(db, [sql<SqlBool>`e.id = ${enterpriseId}`], at, keyOf(at), now);
  const [row, budget] = await Promise.all([
    db.selectFrom('management_indicators').select(['staffing_ok', 'missing_rules', 'fee_applies', 'training_shortfall', 'unqualified_on_post', 'minors_on_hazardous'])
      .select(sql<string | null>`fee_accrued::text`.as('accrued')).select(sql<string>`fee_shortfall::text`.as('shortfall'))
      .where('enterprise_id', '=', enterpriseId).executeTakeFirst(),
    db.selectFrom('safety_budgets').select('id').where('enterprise_id', '=', enterpriseId).where('year', '=', at.year).where('status', '=', 'approved').executeTakeFirst(),
  ]);
  return {
    management: { missingRules: row?.missing_rules ?? [], staffingCompliant: row?.staffing_ok ?? false },
    investment: { budgetApproved: !!budget, fee: row?.fee_applies ? { accrued: row.accrued, shortfall: row.shortfall } : null },
    training: { shortfall: row?.training_shortfall ?? 0, unqualifiedOnPost: row?.unqualified_on_post ?? 0, minorsOnHazardous: row?.minors_on_hazardous ?? 0 },
  };
}
