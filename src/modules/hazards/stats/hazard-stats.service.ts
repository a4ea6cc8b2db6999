import { requireActor, type Ctx, type Scope } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import type { Db, Executor } from '../../../platform/db/database';
import { invalid } from '../../../platform/errors';
import { HAZARD_STATES } from '../loop/hazard-workflow';
import { HAZARD_CLASSES, HAZARD_SOURCES } from '../loop/hazard.schema';
import {
  crossListPage, enterpriseBreakdowns, enterpriseCounts, enterpriseFigures, enterpriseNames, enterpriseOverdue, enterpriseSupervised,
  enterpriseTrend, enterpriseUnits, industryNames, majorOpenList, monthlyByGroup, openByGroup, subdistrictNames,
  supervisedInScope, type Cut, type CrossSort, type OverviewFilter,
} from './hazard-stats.repository';
import { todayOf } from '../loop/hazard.service';
import { buckets, fillTrend, MAX_PERIOD_MONTHS, rate, statsPeriod, type StatsPeriod } from './hazard-stats.rules';
import type { CrossItem, CrossListQuery, EnterpriseStats, OverviewQuery, OverviewStats, StatsQuery } from './hazard-stats.schema';

const OVERDUE_LIST = 20;
const TOP_ENTERPRISES = 10;
const MAJOR_LIST = 50;
const DAY_MS = 86_400_000;

function periodOf(ctx: Ctx, q: StatsQuery): StatsPeriod {
  const p = statsPeriod(q, todayOf(ctx));
  if (!p) throw invalid('query.from', 'validation.hazardStats.period', { max: MAX_PERIOD_MONTHS });
  return p;
}

/** The figures one enterprise (or one branch) shows on its dashboard and in its reports. */
export async function enterpriseFiguresFor(db: Executor, scope: Scope, enterpriseId: string, start: Date, end: Date, cut: Cut) {
  const [f, rows, units] = await Promise.all([
    enterpriseFigures(db, scope, enterpriseId, start, end, cut),
    enterpriseBreakdowns(db, scope, enterpriseId, start, end),
    enterpriseUnits(db, scope, enterpriseId),
  ]);
  const pick = (flag: 'g_status' | 'g_level' | 'g_source' | 'g_class', col: 'status' | 'level' | 'source' | 'hazard_class', all = false) =>
    rows.filter((r) => Number(r[flag]) === 0).map((r) => ({ key: r[col], count: all ? r.n_all : r.n_valid }));
  // A hazard is counted under the top-level unit (department) of its branch; one at the company itself under the company.
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byUnitMap = new Map<string, number>();
  for (const r of rows.filter((x) => Number(x.g_unit) === 0)) {
    const id = r.top_id || r.root_id || '';
    if (r.n_valid > 0) byUnitMap.set(id, (byUnitMap.get(id) ?? 0) + r.n_valid);
  }
  const byUnit = [...byUnitMap.entries()].map(([unitId, count]) => ({ unitId, name: unitName.get(unitId) ?? '', count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    totals: {
      found: f.found, foundMajor: f.found_major, closed: f.closed, closedOnTime: f.closed_on_time, voided: f.voided,
      open: f.open, overdue: f.overdue, majorOpen: f.major_open,
    },
    byLevel: buckets(['general', 'major'] as const, pick('g_level', 'level')),
    byStatus: buckets(HAZARD_STATES, pick('g_status', 'status', true)),
    bySource: buckets(HAZARD_SOURCES, pick('g_source', 'source')),
    byClass: buckets([...HAZARD_CLASSES, 'unclassified'] as const, pick('g_class', 'hazard_class'), 'unclassified'),
    byUnit,
    // R-HAZ-7: rectification rate = closed ÷ (confirmed and beyond, not voided); on-time rate = closed by the deadline ÷ closed.
    rectificationRate: rate(f.closed_of_found, f.confirmed),
    onTimeRate: rate(f.closed_on_time, f.closed),
  };
}

/** GET /enterprises/:id/hazard-stats: the enterprise dashboard, live from its hazards. */
export async function enterpriseStats(db: Db, ctx: Ctx, enterpriseId: string, q: StatsQuery): Promise<EnterpriseStats> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const p = periodOf(ctx, q);
  const today = todayOf(ctx);
  const [figures, overdue, supervised, trend] = await Promise.all([
    enterpriseFiguresFor(db, actor.scope, enterpriseId, p.start, p.end, { at: ctx.now, day: today }),
    enterpriseOverdue(db, actor.scope, enterpriseId, today, OVERDUE_LIST),
    enterpriseSupervised(db, actor.scope, enterpriseId),
    enterpriseTrend(db, actor.scope, enterpriseId, p.trendStart, p.end),
  ]);
  return {
    enterpriseId, from: p.from, to: p.to, asOf: today,
    ...figures,
    totals: { ...figures.totals, supervised },
    overdue: overdue.map((h) => ({
      id: h.id, code: h.code, title: h.title, level: h.level, status: h.status, deadline: h.deadline,
      daysOverdue: Math.round((Date.parse(today) - Date.parse(h.deadline)) / DAY_MS), orgUnitName: h.org_unit_name,
      rectifierName: h.rectifier_name, escalationLevel: Number(h.escalation_level), supervised: h.supervised,
    })),
    trend: fillTrend(p.trend, trend),
  };
}

type Acc = { enterprises: number; found: number; foundMajor: number; confirmed: number; closedOfFound: number; closed: number; closedOnTime: number; open: number; overdue: number; majorOpen: number };
const zero = (): Acc => ({ enterprises: 0, found: 0, foundMajor: 0, confirmed: 0, closedOfFound: 0, closed: 0, closedOnTime: 0, open: 0, overdue: 0, majorOpen: 0 });
const present = (a: Acc) => ({
  enterprises: a.enterprises, found: a.found, foundMajor: a.foundMajor, closed: a.closed, closedOnTime: a.closedOnTime,
  open: a.open, overdue: a.overdue, majorOpen: a.majorOpen,
  rectificationRate: rate(a.closedOfFound, a.confirmed), onTimeRate: rate(a.closedOnTime, a.closed),
});

/**
 * GET /hazard-stats/overview: the regulator dashboard over every enterprise in the caller's scope (R-HAZ-7).
 * Flows of the period and the trend come from the monthly table, the state today from the open hazards; five
 * queries in parallel, none of them per enterprise.
 */
export async function overviewStats(db: Db, ctx: Ctx, q: OverviewQuery): Promise<OverviewStats> {
  const actor = requireActor(ctx);
  const p = periodOf(ctx, q);
  const today = todayOf(ctx);
  const f: OverviewFilter = { subdistrictId: q.subdistrictId, industryCode: q.industryCode };
  const firstMonth = p.trend[0]! < p.from ? p.trend[0]! : p.from;
  const [counts, monthly, open, major, supervised, subs, inds] = await Promise.all([
    enterpriseCounts(db, actor.scope, f),
    monthlyByGroup(db, actor.scope, f, firstMonth, p.to),
    openByGroup(db, actor.scope, f, today, TOP_ENTERPRISES),
    majorOpenList(db, actor.scope, f, today, MAJOR_LIST),
    supervisedInScope(db, actor.scope, f),
    subdistrictNames(db),
    industryNames(db),
  ]);
  const subName = new Map(subs.map((s) => [s.id, s.name]));
  const indName = new Map(inds.map((i) => [i.code, ctx.locale === 'en-US' ? i.name_en : i.name]));
  const total = zero();
  const bySub = new Map<string, Acc>();
  const byInd = new Map<string, Acc>();
  const add = (key: { subdistrict_id: string; industry_code: string }, apply: (a: Acc) => void) => {
    for (const a of [total, bySub.get(key.subdistrict_id) ?? bySub.set(key.subdistrict_id, zero()).get(key.subdistrict_id)!,
      byInd.get(key.industry_code) ?? byInd.set(key.industry_code, zero()).get(key.industry_code)!]) apply(a);
  };
  for (const r of counts) add(r, (a) => { a.enterprises += r.n; });
  const trend = new Map<string, { month: string; found: number; closed: number }>();
  for (const r of monthly) {
    const month = r.month.slice(0, 7);
    const m = trend.get(month) ?? trend.set(month, { month, found: 0, closed: 0 }).get(month)!;
    m.found += r.found;
    m.closed += r.closed;
    if (month < p.from || month > p.to) continue;
    add(r, (a) => {
      a.found += r.found; a.foundMajor += r.found_major; a.confirmed += r.confirmed; a.closedOfFound += r.closed_of_found;
      a.closed += r.closed; a.closedOnTime += r.closed_on_time;
    });
  }
  for (const r of open.filter((x) => x.kind === 'group')) {
    add({ subdistrict_id: r.subdistrict_id!, industry_code: r.industry_code! }, (a) => { a.open += r.open; a.overdue += r.overdue; a.majorOpen += r.major_open; });
  }
  const tops = open.filter((x) => x.kind !== 'group');
  const names = new Map((await enterpriseNames(db, actor.scope, [...new Set(tops.map((x) => x.enterprise_id!))])).map((e) => [e.id, e]));
  const topOf = (kind: 'open' | 'overdue') => tops.filter((x) => x.kind === kind).map((x) => {
    const e = names.get(x.enterprise_id!);
    return {
      enterpriseId: x.enterprise_id!, name: e?.name ?? '', subdistrictName: subName.get(e?.subdistrict_id ?? '') ?? '', industryName: indName.get(e?.industry_code ?? '') ?? '',
      open: x.open, overdue: x.overdue, majorOpen: x.major_open,
    };
  });
  const byBusiest = (a: Acc, b: Acc) => b.open - a.open || b.found - a.found;
  return {
    from: p.from, to: p.to, asOf: today,
    totals: { ...present(total), supervised },
    bySubdistrict: [...bySub.entries()].sort((a, b) => byBusiest(a[1], b[1])).map(([id, a]) => ({ subdistrictId: id, name: subName.get(id) ?? '', ...present(a) })),
    byIndustry: [...byInd.entries()].sort((a, b) => byBusiest(a[1], b[1])).map(([code, a]) => ({ industryCode: code, name: indName.get(code) ?? code, ...present(a) })),
    topEnterprises: { byOpen: topOf('open'), byOverdue: topOf('overdue') },
    majorOpen: {
      total: total.majorOpen,
      items: major.map((h) => ({
        enterpriseId: h.enterprise_id, enterpriseName: h.enterprise_name, hazardId: h.hazard_id, code: h.code, title: h.title, status: h.status,
        deadline: h.deadline, overdue: !!h.deadline && h.deadline < today, escalationLevel: Number(h.escalation_level), supervised: h.supervised, reportedAt: h.reported_at,
      })),
    },
    trend: fillTrend(p.trend, [...trend.values()]),
  };
}

/** GET /hazards: hazards across the caller's scope (regulators: every enterprise in it; enterprise users: their own). */
export async function listHazardsAcross(db: Db, ctx: Ctx, q: CrossListQuery, opts: { count?: boolean } = {}) {
  const actor = requireActor(ctx);
  const today = todayOf(ctx);
  const [page, subs, inds] = await Promise.all([
    crossListPage(db, actor, q, today, { sort: q.sort as CrossSort, order: q.order, page: q.page, pageSize: q.pageSize, count: opts.count ?? true }),
    subdistrictNames(db),
    industryNames(db),
  ]);
  const subName = new Map(subs.map((s) => [s.id, s.name]));
  const indName = new Map(inds.map((i) => [i.code, ctx.locale === 'en-US' ? i.name_en : i.name]));
  const items: CrossItem[] = page.items.map((h) => ({
    id: h.id, enterpriseId: h.enterprise_id, enterpriseName: h.enterprise_name, subdistrictId: h.subdistrict_id, subdistrictName: subName.get(h.subdistrict_id) ?? '',
    industryCode: h.industry_code, industryName: indName.get(h.industry_code) ?? h.industry_code, code: h.code, title: h.title, source: h.source,
    hazardClass: h.hazard_class, level: h.level, status: h.status, orgUnitName: h.org_unit_name ?? '', location: h.location, reportedAt: h.reported_at,
    deadline: h.deadline, overdue: !!h.deadline && ['reported', 'confirmed', 'rectifying', 'submitted'].includes(h.status) && h.deadline < today,
    escalationLevel: Number(h.escalation_level), supervised: Boolean(h.supervised), closedAt: h.closed_at,
  }));
  return { items, total: page.total, totalCapped: page.capped, page: q.page, pageSize: q.pageSize };
}
