import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { regulatedEnterprises, type AnyScope } from '../../../platform/db/scope';
import { latestAcksSql, missingRulesSql } from '../documents/documents.repository';
import type { RequiredRule } from '../documents/documents.rules';
import { specialOverdueSql } from '../equipment/equipment.repository';
import { compliantSql, staffingFacts } from '../staffing/staffing.repository';
import type { StaffingRules } from '../staffing/staffing.rules';
import { COMPETENCE_COLUMNS, COMPETENCE_TYPES, competenceFacts } from './competence.facts';
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
  /** The versions of the rule-sets the competence facts decide with (issue 13: training, certificates, PPE, standardisation). */
  competenceRules: Record<string, number>;
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
function indicators(where: readonly RawBuilder<SqlBool>[], at: OverviewAt) {
  return sql`
    with f as (${staffingFacts(where, at.today)}),
    s as (select f.*, ${compliantSql(at.staffing)} as staffing_ok from f),
    x as (
      select e.id, e.name, e.credit_code, e.subdistrict_name, e.industry_name, e.headcount, e.staffing_ok,
        ${missingRulesSql(at.catalogue, at.today)} as missing_rules,
        ak.asked, ak.acknowledged, case when ak.asked = 0 then null else floor(ak.acknowledged * 100.0 / ak.asked)::int end as ack_rate,
        (e.industry_code = any(${codes(at.feeIndustries)})) as fee_applies,
        fy.required_accrual as fee_required, fy.accrued as fee_accrued, fu.used as fee_used, fu.ineligible as fee_ineligible,
        greatest(coalesce(fy.required_accrual, 0) - coalesce(fy.accrued, 0), 0) as fee_shortfall,
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
      select x.*,
        not x.staffing_ok as p_staffing,
        cardinality(x.missing_rules) > 0 as p_rules,
        (x.fee_applies and (x.fee_shortfall > 0 or x.fee_ineligible > 0)) as p_fee,
        (x.insurance_applies and (x.policy_missing or x.uninsured > 0)) as p_insurance,
        x.overdue > 0 as p_equipment
      from x
    )
    select p.*, (p.p_staffing::int + p.p_rules::int + p.p_fee::int + p.p_insurance::int + p.p_equipment::int) as problems from p`;
}

const COLUMNS = [
  'headcount', 'staffing_ok', 'missing_rules', 'asked', 'acknowledged', 'ack_rate', 'fee_applies', 'fee_required', 'fee_accrued', 'fee_used', 'fee_ineligible',
  'fee_shortfall', 'insurance_applies', 'policy_missing', 'uninsured', 'overdue', 'p_staffing', 'p_rules', 'p_fee', 'p_insurance', 'p_equipment', 'problems',
] as const;

/**
 * Brings the stored indicators of the enterprises matching `where` (over `e`) up to date: a row is computed again when
 * it is missing, was decided on another day or rule-set (`key`), or the enterprise's audit chain has moved since (every
 * write to an enterprise appends to its chain). The chain's position is read first and recorded, so a row is never
 * newer than the position it records (a write after the read leaves the row stale); rows are written in id order (no
 * deadlock between two refreshes), and an older computation never overwrites a newer one. Returns how many rows were
 * computed.
 */
export async function refreshIndicators(db: Executor, where: readonly RawBuilder<SqlBool>[], at: OverviewAt, key: string, now: Date): Promise<number> {
  const stale = (await sql<{ id: string; seq: string }>`
    select e.id, coalesce(h.chain_seq, 0) as seq from enterprises e
    left join management_indicators mi on mi.enterprise_id = e.id
    left join audit_chain_heads h on h.chain = e.id::text
    where ${sql.join([...where], sql` and `)}
      and (mi.enterprise_id is null or mi.rules_key <> ${key} or mi.chain_seq <> coalesce(h.chain_seq, 0))
    order by e.id`.execute(db)).rows;
  for (let i = 0; i < stale.length; i += REFRESH_BATCH) {
    const batch = stale.slice(i, i + REFRESH_BATCH);
    const ids = batch.map((r) => r.id);
    // Issue 13 §5: the competence facts come from each module's own door (several statements); the chain position
    // recorded is the one read before them (above), so a write after it leaves the row stale, never wrongly current.
    const seqOf = new Map(batch.map((r) => [r.id, r.seq]));
    const competence = (await competenceFacts(db, ids, now)).map((c) => ({ ...c, seq: seqOf.get(c.id) }));
    const cols = sql.join([...COLUMNS, ...COMPETENCE_COLUMNS].map((c) => sql.ref(c)));
    const typed = sql.join([sql`id uuid`, sql`seq bigint`, ...COMPETENCE_COLUMNS.map((c) => sql`${sql.ref(c)} ${sql.raw(COMPETENCE_TYPES[c])}`)]);
    await sql`
      insert into management_indicators (enterprise_id, rules_key, chain_seq, computed_at, ${cols})
      select r.id, ${key}, c.seq, ${now}::timestamptz, ${sql.join([...COLUMNS.map((col) => sql.ref(`r.${col}`)), ...COMPETENCE_COLUMNS.map((col) => sql.ref(`c.${col}`))])}
      from (${indicators([sql<SqlBool>`e.id = any(${sql.val(ids)}::uuid[])`], at)}) r
      join jsonb_to_recordset(${JSON.stringify(competence)}::jsonb) as c(${typed}) on c.id = r.id
      order by r.id
      on conflict (enterprise_id) do update set rules_key = excluded.rules_key, chain_seq = excluded.chain_seq, computed_at = excluded.computed_at,
        ${sql.join([...COLUMNS, ...COMPETENCE_COLUMNS].map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}
      where not (management_indicators.rules_key = excluded.rules_key and management_indicators.chain_seq > excluded.chain_seq)`.execute(db);
  }
  return stale.length;
}

/** Enterprises computed per statement when many are stale (a new day, a changed rule-set, the first view). */
const REFRESH_BATCH = 2_000;

/**
 * One regulators' view over the stored rows: its problem flags (each a boolean column, counted apart), the column
 * counting them, its sort keys, the narrow columns a page is chosen by and the detail columns read for the page's rows.
 * The management-system view (issue 12 §7) and the competence view (issue 13 §5) are two of these.
 */
export type IndicatorView<P extends string, S extends string> = {
  problems: Record<P, string>;
  problemCount: string;
  sorts: Record<S, string>;
  narrow: readonly string[];
  detail: readonly string[];
  money?: ReadonlySet<string>;
};

export const MANAGEMENT_VIEW: IndicatorView<Exclude<OverviewProblem, 'any'>, Exclude<OverviewQuery['sort'], 'name' | 'subdistrict' | 'problems'>> = {
  problems: { staffing: 'p_staffing', rules: 'p_rules', fee: 'p_fee', insurance: 'p_insurance', equipment: 'p_equipment' },
  problemCount: 'problems',
  sorts: { missingRules: 'cardinality(mi.missing_rules)', ackRate: 'mi.ack_rate', feeShortfall: 'mi.fee_shortfall', uninsured: 'mi.uninsured', overdue: 'mi.overdue' },
  narrow: ['problems', 'p_staffing', 'p_rules', 'p_fee', 'p_insurance', 'p_equipment', 'ack_rate', 'uninsured', 'overdue'],
  detail: COLUMNS.filter((c) => !['problems', 'p_staffing', 'p_rules', 'p_fee', 'p_insurance', 'p_equipment', 'ack_rate', 'uninsured', 'overdue'].includes(c)),
  money: new Set<string>(['fee_required', 'fee_accrued', 'fee_used', 'fee_ineligible', 'fee_shortfall']),
};

type ViewQuery = { q?: string; subdistrictId?: string; industryCode?: string; problem?: string; sort: string; order: 'asc' | 'desc'; page: number; pageSize: number };
type AnyView = IndicatorView<string, string>;

function problemWhere(view: AnyView, problem: string | undefined): RawBuilder<SqlBool> {
  if (!problem) return sql<SqlBool>`true`;
  if (problem === 'any') return sql<SqlBool>`r.problems > 0`;
  return sql<SqlBool>`${sql.ref(`r.${view.problems[problem]}`)}`;
}

function orderBy(view: AnyView, q: ViewQuery) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const nulls = q.order === 'desc' ? sql`nulls last` : sql`nulls first`;
  if (q.sort === 'subdistrict') return sql`r.sd_sort ${dir}, r.name`;
  if (q.sort === 'problems') return sql`r.problems ${dir}, r.name`;
  if (q.sort in view.sorts) return sql`${sql.ref(`r.s_${q.sort}`)} ${dir} ${nulls}, r.name`;
  return sql`r.name ${dir}`;
}

/**
 * One statement for the page: the enterprises in scope under the filters (narrow: the sort keys and problem flags, and
 * whether the stored row is stale), the counts in one pass over them, and the page's rows with their details. Stale
 * rows in scope are counted, so the caller reads once when nothing changed.
 */
function pageStatement(view: AnyView, scope: AnyScope, q: ViewQuery, key: string) {
  const flags = Object.entries(view.problems);
  const narrow = view.narrow.filter((c) => c !== view.problemCount);
  // Only the sort asked for is computed for every enterprise in scope (the subdistrict's name only when sorting by it);
  // the page's rows get their subdistrict and details after the page is chosen.
  const sortExpr = (view.sorts as Record<string, string>)[q.sort];
  const sortKey = sortExpr !== undefined ? sql`${sql.raw(sortExpr)} as ${sql.ref(`s_${q.sort}`)}`
    : q.sort === 'subdistrict' ? sql`(select sd.name from subdistricts sd where sd.id = e.subdistrict_id) as sd_sort` : sql`null as no_sort`;
  return sql<Record<string, unknown> & { id: string | null; all_n: number; stale_n: number; total: number }>`
    with r as materialized (
      select e.id, e.name, ${sql.ref(`mi.${view.problemCount}`)} as problems,
        ${sql.join(narrow.map((c) => sql.ref(`mi.${c}`)))},
        ${sortKey},
        (mi.enterprise_id is null or mi.rules_key <> ${key} or mi.chain_seq <> coalesce(h.chain_seq, 0)) as stale
      from enterprises e
      left join management_indicators mi on mi.enterprise_id = e.id
      left join audit_chain_heads h on h.chain = e.id::text
      where ${sql.join(regulatedEnterprises(scope, 'e', q), sql` and `)}
    ),
    c as (
      select count(*)::int as all_n, (count(*) filter (where r.stale))::int as stale_n, (count(*) filter (where r.problems > 0))::int as n_any,
        ${sql.join(flags.map(([p, col]) => sql`(count(*) filter (where ${sql.ref(`r.${col}`)}))::int as ${sql.ref(`n_${p}`)}`))},
        (count(*) filter (where ${problemWhere(view, q.problem)}))::int as total
      from r
    ),
    p as (select r.* from r where ${problemWhere(view, q.problem)} order by ${orderBy(view, q)}, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
    select c.*, r.* from c left join lateral (
      select p.*, e.credit_code, i.name as industry_name, sd.name as subdistrict_name,
        ${sql.join(view.detail.map((col) => (view.money?.has(col) ? sql`${sql.ref(`mi.${col}`)}::text as ${sql.ref(col)}` : sql.ref(`mi.${col}`))))}
      from p
      join enterprises e on e.id = p.id
      join industries i on i.code = e.industry_code
      join subdistricts sd on sd.id = e.subdistrict_id
      join management_indicators mi on mi.enterprise_id = p.id
    ) r on true
    order by ${orderBy(view, q)}, r.id`;
}

/**
 * A page of a view, its total under the filters, and how many enterprises have each problem (before the problem
 * filter). One statement when every stored row in scope is current; else the stale rows are computed and it is read
 * again.
 */
export async function indicatorPage<P extends string, S extends string, Row>(
  db: Executor, view: IndicatorView<P, S>, scope: AnyScope, q: ViewQuery, at: OverviewAt, key: string, now: Date,
) {
  let rows = (await pageStatement(view, scope, q, key).execute(db)).rows;
  if (rows[0]!.stale_n > 0) {
    await refreshIndicators(db, regulatedEnterprises(scope, 'e', q), at, key, now);
    rows = (await pageStatement(view, scope, q, key).execute(db)).rows;
  }
  const first = rows[0]!;
  const n = (k: string) => Number(first[k] ?? 0);
  const counts = { total: n('all_n'), any: n('n_any'), ...Object.fromEntries(Object.keys(view.problems).map((p) => [p, n(`n_${p}`)])) } as { total: number; any: number } & Record<P, number>;
  return { rows: rows.filter((r) => r.id !== null) as unknown as Row[], total: Number(first.total), counts };
}

/** Issue 12 §7's page. */
export const overviewPage = (db: Executor, scope: AnyScope, q: OverviewQuery, at: OverviewAt, key: string, now: Date) =>
  indicatorPage<Exclude<OverviewProblem, 'any'>, string, OverviewRow>(db, MANAGEMENT_VIEW, scope, q, at, key, now);
