import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Actor, type Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import type { HazardStatus } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, unitInScope } from '../../../platform/db/scope';
import { LOCAL_OFFSET_SQL } from '../../../platform/time';
import { hazardVisibleTo } from '../loop/hazard.policy';
import { listPage, searchWhere, type SortTerm } from '../../../platform/db/list-query';

/*
 * Queries behind the hazard dashboards (R-HAZ-7) and the double report (R-HAZ-5).
 *
 * One enterprise: everything is counted live from its hazards (hundreds to a few thousand rows, read through
 * (enterprise_id, …) indexes), so its dashboard and its report agree with its ledger to the row.
 * Across a regulator's scope (up to every enterprise of the district, millions of hazards):
 *   - flows of a period (found, closed, on time, rectification) are sums over hazard_group_month_stats, one row per
 *     subdistrict, industry and month, kept exact by triggers from hazard_month_stats, one row per enterprise and
 *     month, itself kept by triggers on hazards (migrations/0007_hazard_stats.sql);
 *   - the state today (open, overdue, open major, by enterprise) is counted from the partial index on open hazards,
 *     a few per cent of all rows.
 * Status lists are written into the SQL as literals, so the planner matches them to the partial indexes' predicates.
 * Months and closing days are local (platform/time.ts), as in the monthly tables (migrations/0009_local_time.sql).
 */

export const OPEN_SQL = sql.raw(`('reported', 'confirmed', 'rectifying', 'submitted')`);
const CONFIRMED_SQL = sql.raw(`('confirmed', 'rectifying', 'submitted', 'closed')`);
/** `ts at time zone ${LOCAL}`: the district's wall-clock time of a timestamptz. */
const LOCAL = sql.raw(LOCAL_OFFSET_SQL);

/** The state at `at` (open, overdue, open major): a hazard is overdue when its deadline is before `day`. */
export type Cut = { at: Date; day: string };

export type EnterpriseFigures = {
  found: number; found_major: number; voided: number; confirmed: number; closed_of_found: number;
  closed: number; closed_on_time: number; open: number; overdue: number; major_open: number;
};

/**
 * The figures of one enterprise over [start, end), and its open hazards at the cut. Unit leaders (scope with a unit
 * path) count their branch only. Rectification: of the hazards found in the period and confirmed or beyond, those
 * closed by the cut. On time: closed on or before the deadline (or without one: fixed on the spot).
 */
export async function enterpriseFigures(db: Executor, scope: Scope, enterpriseId: string, start: Date, end: Date, cut: Cut): Promise<EnterpriseFigures> {
  const inPeriod = sql`h.reported_at >= ${start} and h.reported_at < ${end}`;
  const closedInPeriod = sql`h.status = 'closed' and h.closed_at >= ${start} and h.closed_at < ${end}`;
  const openAt = sql`h.reported_at < ${cut.at} and h.status <> 'voided' and (h.closed_at is null or h.closed_at >= ${cut.at})`;
  const r = await sql<EnterpriseFigures>`
    select
      count(*) filter (where ${inPeriod} and h.status <> 'voided')::int as found,
      count(*) filter (where ${inPeriod} and h.status <> 'voided' and h.level = 'major')::int as found_major,
      count(*) filter (where ${inPeriod} and h.status = 'voided')::int as voided,
      count(*) filter (where ${inPeriod} and h.status in ${CONFIRMED_SQL})::int as confirmed,
      count(*) filter (where ${inPeriod} and h.status = 'closed' and h.closed_at < ${cut.at})::int as closed_of_found,
      count(*) filter (where ${closedInPeriod})::int as closed,
      count(*) filter (where ${closedInPeriod} and (h.deadline is null or (h.closed_at at time zone ${LOCAL})::date <= h.deadline))::int as closed_on_time,
      count(*) filter (where ${openAt})::int as open,
      count(*) filter (where ${openAt} and h.deadline < ${cut.day})::int as overdue,
      count(*) filter (where ${openAt} and h.level = 'major')::int as major_open
    from hazards h
    join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
    where h.enterprise_id = ${enterpriseId} and ${enterpriseInScope(scope, 'h.enterprise_id')} and ${unitInScope(scope, 'u.path')}`.execute(db);
  return r.rows[0]!;
}

export type BreakdownRow = {
  status: string | null; level: string | null; source: string | null; hazard_class: string | null; root_id: string | null; top_id: string | null;
  g_status: number; g_level: number; g_source: number; g_class: number; g_unit: number; n_all: number; n_valid: number;
};

/** Hazards reported in [start, end) by status, level, source, class and top-level unit, in one pass. */
export async function enterpriseBreakdowns(db: Executor, scope: Scope, enterpriseId: string, start: Date, end: Date): Promise<BreakdownRow[]> {
  const r = await sql<BreakdownRow>`
    select h.status, h.level, h.source, h.hazard_class,
      split_part(u.path, '/', 2) as root_id, split_part(u.path, '/', 3) as top_id,
      grouping(h.status) as g_status, grouping(h.level) as g_level, grouping(h.source) as g_source,
      grouping(h.hazard_class) as g_class, grouping(split_part(u.path, '/', 3)) as g_unit,
      count(*)::int as n_all, count(*) filter (where h.status <> 'voided')::int as n_valid
    from hazards h
    join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
    where h.enterprise_id = ${enterpriseId} and h.reported_at >= ${start} and h.reported_at < ${end}
      and ${enterpriseInScope(scope, 'h.enterprise_id')} and ${unitInScope(scope, 'u.path')}
    group by grouping sets ((h.status), (h.level), (h.source), (h.hazard_class), (split_part(u.path, '/', 2), split_part(u.path, '/', 3)))`.execute(db);
  return r.rows;
}

/** The enterprise's org units, to name the breakdown's top-level units. */
export async function enterpriseUnits(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export type OverdueRow = {
  id: string; code: string; title: string; level: 'general' | 'major'; status: HazardStatus; deadline: string; org_unit_name: string;
  rectifier_name: string | null; escalation_level: number; supervised: boolean;
};

/** The most overdue open hazards first. */
export async function enterpriseOverdue(db: Executor, scope: Scope, enterpriseId: string, today: string, limit: number): Promise<OverdueRow[]> {
  const r = await sql<OverdueRow>`
    select h.id, h.code, h.title, h.level, h.status, h.deadline, u.name as org_unit_name, rec.display_name as rectifier_name,
      h.escalation_level, exists (select 1 from hazard_supervisions s where s.enterprise_id = h.enterprise_id and s.hazard_id = h.id and s.status = 'listed') as supervised
    from hazards h
    join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
    left join users rec on rec.id = h.rectifier_id
    where h.enterprise_id = ${enterpriseId} and h.status in ${OPEN_SQL} and h.deadline < ${today}
      and ${enterpriseInScope(scope, 'h.enterprise_id')} and ${unitInScope(scope, 'u.path')}
    order by h.deadline, h.code
    limit ${limit}`.execute(db);
  return r.rows;
}

/** Hazards of the enterprise (or branch) under listed supervision (挂牌督办) now: listed until a regulator delists. */
export async function enterpriseSupervised(db: Executor, scope: Scope, enterpriseId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n
    from hazard_supervisions s
    join hazards h on h.enterprise_id = s.enterprise_id and h.id = s.hazard_id
    join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
    where s.enterprise_id = ${enterpriseId} and s.status = 'listed' and ${enterpriseInScope(scope, 's.enterprise_id')} and ${unitInScope(scope, 'u.path')}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export type TrendRow = { month: string; found: number; closed: number };

/** Found (not voided) and closed per month over [start, end). */
export async function enterpriseTrend(db: Executor, scope: Scope, enterpriseId: string, start: Date, end: Date): Promise<TrendRow[]> {
  const r = await sql<TrendRow>`
    select to_char(x.m, 'YYYY-MM') as month, sum(x.f)::int as found, sum(x.c)::int as closed
    from (
      select date_trunc('month', h.reported_at at time zone ${LOCAL}) as m, 1 as f, 0 as c
      from hazards h join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
      where h.enterprise_id = ${enterpriseId} and h.reported_at >= ${start} and h.reported_at < ${end} and h.status <> 'voided'
        and ${enterpriseInScope(scope, 'h.enterprise_id')} and ${unitInScope(scope, 'u.path')}
      union all
      select date_trunc('month', h.closed_at at time zone ${LOCAL}), 0, 1
      from hazards h join org_units u on u.enterprise_id = h.enterprise_id and u.id = h.org_unit_id
      where h.enterprise_id = ${enterpriseId} and h.status = 'closed' and h.closed_at >= ${start} and h.closed_at < ${end}
        and ${enterpriseInScope(scope, 'h.enterprise_id')} and ${unitInScope(scope, 'u.path')}
    ) x
    group by 1`.execute(db);
  return r.rows;
}

// ---- across a regulator's scope ----

export type OverviewFilter = { subdistrictId?: string; industryCode?: string };

/** Enterprises in scope (alias `e`) narrowed by the dashboard's filters. */
function enterpriseFilter(scope: Scope, f: OverviewFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [enterpriseRowInScope(scope, 'e')];
  if (f.subdistrictId) parts.push(sql`e.subdistrict_id = ${f.subdistrictId}`);
  if (f.industryCode) parts.push(sql`e.industry_code = ${f.industryCode}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export type GroupKey = { subdistrict_id: string; industry_code: string };
export type EnterpriseCountRow = GroupKey & { n: number };
export type MonthlyGroupRow = GroupKey & {
  month: string; found: number; found_major: number; confirmed: number; closed_of_found: number; closed: number; closed_on_time: number;
};
export type OpenGroupRow = { kind: 'group' | 'open' | 'overdue'; subdistrict_id: string | null; industry_code: string | null; enterprise_id: string | null; open: number; overdue: number; major_open: number };

export async function enterpriseCounts(db: Executor, scope: Scope, f: OverviewFilter): Promise<EnterpriseCountRow[]> {
  const r = await sql<EnterpriseCountRow>`
    select e.subdistrict_id, e.industry_code, count(*)::int as n from enterprises e where ${enterpriseFilter(scope, f)} group by 1, 2`.execute(db);
  return r.rows;
}

/**
 * Flows per month by subdistrict × industry × month from month `from` to month `to` (YYYY-MM, both included): one
 * scan serves both the period's totals and the trend. Regulators' scopes (district, department, subdistrict) read the
 * per-group table, a few hundred rows a month; any other scope sums its enterprises' months.
 */
export async function monthlyByGroup(db: Executor, scope: Scope, f: OverviewFilter, from: string, to: string): Promise<MonthlyGroupRow[]> {
  // Both tables carry the district, subdistrict and industry (and the monthly one its enterprise as `id`), so the
  // scope condition written for enterprises applies to their rows as they are.
  const byGroup = scope.kind === 'district' || scope.kind === 'department' || scope.kind === 'subdistrict';
  const source = byGroup
    ? sql`(select g.*, null::uuid as id from hazard_group_month_stats g)`
    : sql`(select s.*, s.enterprise_id as id from hazard_month_stats s)`;
  const r = await sql<MonthlyGroupRow>`
    select e.month::text as month, e.subdistrict_id, e.industry_code, sum(e.found)::int as found, sum(e.found_major)::int as found_major,
      sum(e.confirmed)::int as confirmed, sum(e.closed_of_found)::int as closed_of_found, sum(e.closed)::int as closed,
      sum(e.closed_on_time)::int as closed_on_time
    from ${source} e
    where e.month >= ${`${from}-01`}::date and e.month <= ${`${to}-01`}::date and ${enterpriseFilter(scope, f)}
    group by e.month, e.subdistrict_id, e.industry_code`.execute(db);
  return r.rows;
}

/**
 * Open hazards now, counted once per enterprise from the partial index: summed by subdistrict × industry, and the
 * ten enterprises with the most open and the most overdue hazards. A subdistrict's enterprises are picked first and
 * their entries read from the index; wider scopes (a department's industries, the district) count every open hazard
 * in index order, one enterprise after the other, and keep the enterprises in scope: fewer rows go through the join.
 */
export async function openByGroup(db: Executor, scope: Scope, f: OverviewFilter, today: string, top: number): Promise<OpenGroupRow[]> {
  const narrow = scope.kind === 'subdistrict' || scope.kind === 'enterprise' || scope.kind === 'institution' || !!f.subdistrictId;
  const prefilter = narrow ? sql`and h.enterprise_id in (select e.id from enterprises e where ${enterpriseFilter(scope, f)})` : sql``;
  const r = await sql<OpenGroupRow>`
    with per as (
      select p.enterprise_id, e.subdistrict_id, e.industry_code, p.open, p.overdue, p.major_open
      from (
        select h.enterprise_id, count(*)::int as open,
          count(*) filter (where h.deadline < ${today})::int as overdue, count(*) filter (where h.level = 'major')::int as major_open
        from hazards h
        where h.status in ${OPEN_SQL} ${prefilter}
        group by h.enterprise_id
      ) p
      join enterprises e on e.id = p.enterprise_id
      where ${enterpriseFilter(scope, f)}
    )
    select 'group' as kind, subdistrict_id, industry_code, null::uuid as enterprise_id, sum(open)::int as open,
      sum(overdue)::int as overdue, sum(major_open)::int as major_open
    from per group by subdistrict_id, industry_code
    union all
    (select 'open', null, null, enterprise_id, open, overdue, major_open from per order by open desc, overdue desc, enterprise_id limit ${top})
    union all
    (select 'overdue', null, null, enterprise_id, open, overdue, major_open from per where overdue > 0 order by overdue desc, open desc, enterprise_id limit ${top})`.execute(db);
  return r.rows;
}

/** The names of these enterprises, as far as they lie in the scope. */
export async function enterpriseNames(db: Executor, scope: Scope, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.subdistrict_id', 'e.industry_code']).where('e.id', 'in', ids)
    .where(enterpriseRowInScope(scope, 'e')).execute();
}

export type MajorOpenRow = {
  enterprise_id: string; enterprise_name: string; hazard_id: string; code: string; title: string; status: HazardStatus; deadline: string | null;
  escalation_level: number; supervised: boolean; reported_at: Date;
};

/** Open major hazards in scope, overdue first, then by deadline. */
export async function majorOpenList(db: Executor, scope: Scope, f: OverviewFilter, today: string, limit: number): Promise<MajorOpenRow[]> {
  const r = await sql<MajorOpenRow>`
    select h.enterprise_id, e.name as enterprise_name, h.id as hazard_id, h.code, h.title, h.status, h.deadline, h.escalation_level,
      exists (select 1 from hazard_supervisions s where s.enterprise_id = h.enterprise_id and s.hazard_id = h.id and s.status = 'listed') as supervised,
      h.reported_at
    from hazards h join enterprises e on e.id = h.enterprise_id
    where h.level = 'major' and h.status in ${OPEN_SQL} and ${enterpriseFilter(scope, f)}
    order by (h.deadline is not null and h.deadline < ${today}) desc, h.deadline nulls last, h.reported_at, h.id
    limit ${limit}`.execute(db);
  return r.rows;
}

export async function supervisedInScope(db: Executor, scope: Scope, f: OverviewFilter): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n
    from hazard_supervisions s join enterprises e on e.id = s.enterprise_id
    where s.status = 'listed' and ${enterpriseFilter(scope, f)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

// Subdistricts and industries are the district's reference lists, owned by no enterprise: read whole, by anyone.
export async function subdistrictNames(db: Executor) {
  return db.selectFrom('subdistricts').select(['id', 'name']).execute();
}

export async function industryNames(db: Executor) {
  return db.selectFrom('industries').select(['code', 'name', 'name_en']).execute();
}

// ---- the cross-enterprise list (drill-down) ----

/** Counting stops here: "10000+" is as useful as the exact number, and far cheaper over millions of rows. */
export const COUNT_CAP = 10_000;

export type CrossFilter = {
  status?: string; level?: 'general' | 'major'; source?: string; overdue?: boolean; supervised?: boolean;
  subdistrictId?: string; industryCode?: string; enterpriseId?: string; q?: string;
};

/** Hazards in the caller's scope; inside an enterprise, unit leaders see their branch plus what they reported or rectify. */
export function crossListBase(db: Executor, actor: Actor, f: CrossFilter, today: string) {
  let base = db.selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    // Every hazard has its unit (foreign key); a left join lets the planner drop it from counts that do not use it.
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'h.enterprise_id').onRef('u.id', '=', 'h.org_unit_id'))
    .where(enterpriseRowInScope(actor.scope, 'e'));
  if (unitSubtree(actor.scope) !== null) base = base.where(hazardVisibleTo(actor, 'h'));
  if (f.status === 'open') base = base.where(sql<SqlBool>`h.status in ${OPEN_SQL}`);
  else if (f.status) base = base.where('h.status', '=', f.status as never);
  if (f.level) base = base.where('h.level', '=', f.level);
  if (f.source) base = base.where('h.source', '=', f.source as never);
  if (f.overdue === true) base = base.where(sql<SqlBool>`h.status in ${OPEN_SQL}`).where('h.deadline', '<', today);
  if (f.overdue === false) base = base.where((eb) => eb.or([eb('h.deadline', 'is', null), eb('h.deadline', '>=', today), eb('h.status', 'in', ['closed', 'voided'])]));
  if (f.supervised !== undefined) {
    const listed = sql<SqlBool>`exists (select 1 from hazard_supervisions s where s.enterprise_id = h.enterprise_id and s.hazard_id = h.id and s.status = 'listed')`;
    base = base.where(f.supervised ? listed : sql<SqlBool>`not ${listed}`);
  }
  if (f.subdistrictId) base = base.where('e.subdistrict_id', '=', f.subdistrictId);
  if (f.industryCode) base = base.where('e.industry_code', '=', f.industryCode);
  if (f.enterpriseId) base = base.where('h.enterprise_id', '=', f.enterpriseId);
  if (f.q) base = base.where(searchWhere(f.q, ['h.title', 'h.code', 'e.name']));
  return base;
}

export type CrossSort = 'reportedAt' | 'deadline' | 'enterprise';
// reported_at is never null: ordered plainly, the walk down hazards_reported_at stops after one page.
const CROSS_SORT: Record<CrossSort, SortTerm | SortTerm[]> = {
  reportedAt: 'h.reported_at',
  deadline: [{ by: 'h.deadline', nulls: 'last' }, { by: 'h.reported_at', dir: 'desc' }],
  enterprise: [{ by: 'e.name', nulls: 'last' }, { by: 'h.reported_at', dir: 'desc' }],
};

export async function crossListPage(db: Executor, actor: Actor, f: CrossFilter, today: string, opts: { sort: CrossSort; order: 'asc' | 'desc'; page: number; pageSize: number; count: boolean }) {
  const base = crossListBase(db, actor, f, today);
  // The count stops at COUNT_CAP + 1 rows: past it the list says "10,000+" instead of counting every hazard.
  const page = await listPage(base, {
    select: (qb) => qb.select(['h.id', 'h.enterprise_id', 'h.code', 'h.title', 'h.source', 'h.hazard_class', 'h.level', 'h.status', 'h.location', 'h.reported_at',
      'h.deadline', 'h.escalation_level', 'h.closed_at', 'e.name as enterprise_name', 'e.subdistrict_id', 'e.industry_code', 'u.name as org_unit_name',
      sql<boolean>`exists (select 1 from hazard_supervisions s where s.enterprise_id = h.enterprise_id and s.hazard_id = h.id and s.status = 'listed')`.as('supervised')]),
    sort: { map: CROSS_SORT, key: opts.sort, order: opts.order, tiebreak: [{ by: 'h.id', dir: 'asc' }] },
    page: opts.page, pageSize: opts.pageSize,
    count: async () => (opts.count
      ? Number((await db.selectFrom(base.select('h.id').limit(COUNT_CAP + 1).as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : -1),
  });
  const items = page.items;
  const n = page.total < 0 ? items.length : page.total;
  return { items, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
