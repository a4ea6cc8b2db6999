import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { regulatedEnterprises, type AnyScope } from '../../../platform/db/scope';
import { latestAcksSql, missingRulesSql } from '../documents/documents.repository';
import type { RequiredRule } from '../documents/documents.rules';
import { specialOverdueSql } from '../equipment/equipment.repository';
import { compliantSql, staffingFacts } from '../staffing/staffing.repository';
import type { StaffingRules } from '../staffing/staffing.rules';
import type { OverviewProblem, OverviewQuery } from './overview.schema';

/** What the view decides with: each module's current rule-set, the day and the fee's year. */
export type OverviewAt = {
  today: string;
  year: number;
  staffing: StaffingRules;
  catalogue: readonly RequiredRule[];
  /** Industries that accrue the safety fee, and the eligible categories of use. */
  feeIndustries: readonly string[];
  feeEligible: readonly string[];
  /** Industries that must hold 安责险. */
  insuranceIndustries: readonly string[];
};

export type OverviewRow = {
  id: string; name: string; credit_code: string; subdistrict_name: string; industry_name: string; headcount: number;
  staffing_ok: boolean; missing_rules: string[]; asked: number; acknowledged: number; ack_rate: number | null;
  fee_applies: boolean; fee_required: string | null; fee_accrued: string | null; fee_used: string | null; fee_ineligible: string | null; fee_shortfall: string | null;
  insurance_applies: boolean; policy_missing: boolean; uninsured: number; overdue: number;
  p_staffing: boolean; p_rules: boolean; p_fee: boolean; p_insurance: boolean; p_equipment: boolean; problems: number;
};

const codes = (list: readonly string[]) => sql`${sql.val([...list])}::text[]`;

/**
 * Issue 12 §7: one row per active enterprise in scope with every management-system indicator, each decided by its
 * module's own SQL (staffing R-TEAM-1/2, required rules R-DOC-1 and the acknowledgement rate, the fee R-INV-1, 安责险
 * R-INS-1, special equipment overdue), and which of them is a problem.
 */
function indicators(scope: AnyScope, q: OverviewQuery, at: OverviewAt) {
  return sql`
    with f as (${staffingFacts(regulatedEnterprises(scope, 'e', q), at.today)}),
    s as (select f.*, ${compliantSql(at.staffing)} as staffing_ok from f),
    x as (
      select e.id, e.name, e.credit_code, e.subdistrict_name, e.industry_name, e.headcount, e.staffing_ok,
        ${missingRulesSql(at.catalogue, at.today)} as missing_rules,
        ak.asked, ak.acknowledged, case when ak.asked = 0 then null else floor(ak.acknowledged * 100.0 / ak.asked)::int end as ack_rate,
        (e.industry_code = any(${codes(at.feeIndustries)})) as fee_applies,
        fy.required_accrual::text as fee_required, fy.accrued::text as fee_accrued, fu.used::text as fee_used, fu.ineligible::text as fee_ineligible,
        greatest(coalesce(fy.required_accrual, 0) - coalesce(fy.accrued, 0), 0) as shortfall,
        (e.industry_code = any(${codes(at.insuranceIndustries)})) as insurance_applies,
        cur.id is null as policy_missing,
        coalesce(un.uninsured, 0) as uninsured,
        eq.overdue
      from s e
      cross join lateral (select count(*)::int as asked, count(a.acknowledged_at)::int as acknowledged from ${latestAcksSql()} a) ak
      left join safety_fee_years fy on fy.enterprise_id = e.id and fy.year = ${at.year}::int
      cross join lateral (select coalesce(sum(u.amount), 0) as used, coalesce(sum(u.amount) filter (where not (u.category = any(${codes(at.feeEligible)}))), 0) as ineligible
        from safety_fee_uses u where u.enterprise_id = e.id and u.year = ${at.year}::int) fu
      left join lateral (select p.id from liability_policies p where p.enterprise_id = e.id and p.status = 'confirmed'
        and p.starts_on <= ${at.today}::date and p.ends_on >= ${at.today}::date order by p.starts_on desc, p.confirmed_at desc limit 1) cur on true
      left join lateral (select count(*)::int as uninsured from employees em where e.industry_code = any(${codes(at.insuranceIndustries)})
        and em.enterprise_id = e.id and em.status = 'active'
        and not exists (select 1 from liability_policy_people pp where pp.enterprise_id = em.enterprise_id and pp.policy_id = cur.id and pp.employee_id = em.id)) un on true
      cross join lateral (select count(*)::int as overdue from equipment q where q.enterprise_id = e.id and ${specialOverdueSql('q', at.today)}) eq
    ),
    p as (
      select x.*, x.shortfall::text as fee_shortfall,
        not x.staffing_ok as p_staffing,
        cardinality(x.missing_rules) > 0 as p_rules,
        (x.fee_applies and (x.shortfall > 0 or x.fee_ineligible::numeric > 0)) as p_fee,
        (x.insurance_applies and (x.policy_missing or x.uninsured > 0)) as p_insurance,
        x.overdue > 0 as p_equipment
      from x
    )
    select p.*, (p.p_staffing::int + p.p_rules::int + p.p_fee::int + p.p_insurance::int + p.p_equipment::int) as problems from p`;
}

const PROBLEM_COLUMN: Record<Exclude<OverviewProblem, 'any'>, string> = {
  staffing: 'p_staffing', rules: 'p_rules', fee: 'p_fee', insurance: 'p_insurance', equipment: 'p_equipment',
};

function problemWhere(problem: OverviewProblem | undefined): RawBuilder<SqlBool> {
  if (!problem) return sql<SqlBool>`true`;
  if (problem === 'any') return sql<SqlBool>`r.problems > 0`;
  return sql<SqlBool>`${sql.ref(`r.${PROBLEM_COLUMN[problem]}`)}`;
}

function orderBy(q: OverviewQuery) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const nulls = q.order === 'desc' ? sql`nulls last` : sql`nulls first`;
  switch (q.sort) {
    case 'subdistrict': return sql`r.subdistrict_name ${dir}, r.name`;
    case 'problems': return sql`r.problems ${dir}, r.name`;
    case 'missingRules': return sql`cardinality(r.missing_rules) ${dir}, r.name`;
    case 'ackRate': return sql`r.ack_rate ${dir} ${nulls}, r.name`;
    case 'feeShortfall': return sql`r.shortfall ${dir}, r.name`;
    case 'uninsured': return sql`r.uninsured ${dir}, r.name`;
    case 'overdue': return sql`r.overdue ${dir}, r.name`;
    default: return sql`r.name ${dir}`;
  }
}

/** A page of the view, its total under the filters, and how many enterprises have each problem (before the problem filter). */
export async function overviewPage(db: Executor, scope: AnyScope, q: OverviewQuery, at: OverviewAt) {
  const rows = (await sql<OverviewRow & { total: number; all_n: number; n_any: number; n_staffing: number; n_rules: number; n_fee: number; n_insurance: number; n_equipment: number }>`
    with r0 as (${indicators(scope, q, at)}),
    r as (
      select r0.*, count(*) over () as all_n, count(*) filter (where r0.problems > 0) over () as n_any,
        count(*) filter (where r0.p_staffing) over () as n_staffing, count(*) filter (where r0.p_rules) over () as n_rules,
        count(*) filter (where r0.p_fee) over () as n_fee, count(*) filter (where r0.p_insurance) over () as n_insurance,
        count(*) filter (where r0.p_equipment) over () as n_equipment
      from r0
    )
    select r.*, count(*) over ()::int as total from r where ${problemWhere(q.problem)}
    order by ${orderBy(q)}, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db)).rows;
  if (rows.length) {
    const f = rows[0]!;
    return { rows, total: Number(f.total), counts: countsOf(f) };
  }
  const c = (await sql<Record<string, number>>`
    with r as (${indicators(scope, q, at)})
    select count(*) as all_n, count(*) filter (where r.problems > 0) as n_any, count(*) filter (where r.p_staffing) as n_staffing,
      count(*) filter (where r.p_rules) as n_rules, count(*) filter (where r.p_fee) as n_fee, count(*) filter (where r.p_insurance) as n_insurance,
      count(*) filter (where r.p_equipment) as n_equipment, count(*) filter (where ${problemWhere(q.problem)}) as total from r`.execute(db)).rows[0]!;
  return { rows, total: Number(c.total), counts: countsOf(c) };
}

function countsOf(r: Record<string, unknown>) {
  const n = (k: string) => Number(r[k] ?? 0);
  return { total: n('all_n'), any: n('n_any'), staffing: n('n_staffing'), rules: n('n_rules'), fee: n('n_fee'), insurance: n('n_insurance'), equipment: n('n_equipment') };
}
