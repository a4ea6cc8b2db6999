import { requireActor, type Ctx } from '../../platform/auth/actor';
import type { Db, Executor } from '../../platform/db/database';
import { obligationDefinition } from '../../platform/obligations';
import { localDay } from '../../platform/time';
import { dutyListCounts, dutyListIds, dutyListPage, type DutyListFilter, type DutyStatus, type RecordStageSql } from './obligation.repository';

/**
 * The regulators' "who has and has not" lists read the engine (issue 11 §1: the December risk report, the double
 * reports and their lists are one mechanism). Per enterprise in the caller's scope: whether it owes the period's
 * occurrence of a definition and where that stands. An enterprise that owes nothing for the period (joined after it
 * began, the definition not yet in force, not concerned) is `none`, never "not submitted"; a waived one is `waived`.
 * The module joins its own record only for its contents (the submitted version, the link).
 */

export type { DutyStatus, RecordStageSql } from './obligation.repository';

/** Every status a list shows, `none` (owes nothing for the period) last. */
export const DUTY_STATUSES = ['upcoming', 'due', 'overdue', 'fulfilled', 'late_fulfilled', 'waived', 'none'] as const satisfies readonly DutyStatus[];

/** The filters the lists offer over the engine's statuses, one vocabulary for every module's list. */
export const DUTY_FILTERS = ['owed', 'submitted', 'onTime', 'late', 'notSubmitted', 'overdue', 'waived', 'notOwed'] as const;
export type DutyFilter = (typeof DUTY_FILTERS)[number];

const OPEN: readonly DutyStatus[] = ['upcoming', 'due', 'overdue'];
const FILTER_STATUSES: Record<DutyFilter, readonly DutyStatus[]> = {
  owed: [...OPEN, 'fulfilled', 'late_fulfilled'],
  submitted: ['fulfilled', 'late_fulfilled'],
  onTime: ['fulfilled'],
  late: ['late_fulfilled'],
  // 催报 targets: not fulfilled and not waived.
  notSubmitted: OPEN,
  overdue: ['overdue'],
  waived: ['waived'],
  notOwed: ['none'],
};

/** The statuses a list filter stands for. */
export function dutyStatusesOf(filter: DutyFilter): readonly DutyStatus[] {
  return FILTER_STATUSES[filter];
}

export type DutyCounts = Record<DutyFilter, number>;

/** The figures above a list, from the number of enterprises in each status. */
export function dutyCountsOf(byStatus: Partial<Record<DutyStatus, number>>): DutyCounts {
  const sum = (f: DutyFilter) => FILTER_STATUSES[f].reduce((s, st) => s + (byStatus[st] ?? 0), 0);
  return Object.fromEntries(DUTY_FILTERS.map((f) => [f, sum(f)])) as DutyCounts;
}

export type DutyStatusQuery = {
  definitionKey: string;
  /** The period's key as the engine names it (2026, 2026-Q4, 2026-11). */
  periodKey: string;
  subdistrictId?: string; industryCode?: string; q?: string;
  /** Only the enterprises in these statuses. */
  statuses?: readonly DutyStatus[];
  /** The module's record stage per enterprise (`RecordStageSql`), and the stages to keep (null: no record). */
  record?: { stage: RecordStageSql; stages?: readonly (string | null)[] };
  page: number; pageSize: number; order: 'asc' | 'desc';
};

function filterOf(q: Omit<DutyStatusQuery, 'page' | 'pageSize' | 'order'>): DutyListFilter {
  return {
    definitionKey: q.definitionKey, periodKey: q.periodKey, subdistrictId: q.subdistrictId, industryCode: q.industryCode, q: q.q,
    statuses: q.statuses, stage: q.record?.stage, stages: q.record?.stages,
  };
}

/**
 * One page of the enterprises in the caller's scope (not closed) with their occurrence of a definition and period:
 * status (`none` when not owed), window, fulfilment or waiver; the total of the filtered list; and the numbers of
 * the whole list (whatever status or stage is asked) by status, by stage and by both.
 */
export async function occurrenceStatusForScope(db: Db, ctx: Ctx, q: DutyStatusQuery) {
  const a = requireActor(ctx);
  const today = localDay(ctx.now);
  const f = filterOf(q);
  const [rows, groups] = await Promise.all([
    dutyListPage(db, a.scope, today, f, { page: q.page, pageSize: q.pageSize, order: q.order }),
    dutyListCounts(db, a.scope, today, { ...f, statuses: undefined, stages: undefined }),
  ]);
  const kept = (g: { duty_status: DutyStatus; stage: string | null }) => (!q.statuses || q.statuses.includes(g.duty_status))
    && (!q.record?.stages || q.record.stages.includes(g.stage));
  const byStatus: Partial<Record<DutyStatus, number>> = {};
  const byStage = new Map<string | null, number>();
  for (const g of groups) {
    byStatus[g.duty_status] = (byStatus[g.duty_status] ?? 0) + g.n;
    byStage.set(g.stage, (byStage.get(g.stage) ?? 0) + g.n);
  }
  const def = obligationDefinition(q.definitionKey);
  return {
    definition: def ? { key: def.key, ruleId: def.ruleId, name: def.names[ctx.locale] } : null,
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name,
      industryCode: r.industry_code, industryName: ctx.locale === 'en-US' ? r.industry_name_en : r.industry_name,
      status: r.duty_status, occurrenceId: r.occurrence_id, startsOn: r.starts_on, dueOn: r.due_on, dueProvisional: r.due_provisional ?? false,
      fulfilledAt: r.fulfilled_at, recordType: r.record_type, recordId: r.record_id, waivedReason: r.waived_reason, waivedAt: r.waived_at, stage: r.stage,
    })),
    total: groups.filter(kept).reduce((s, g) => s + g.n, 0),
    byStatus,
    byStage: (stage: string | null) => byStage.get(stage) ?? 0,
    groups: groups.map((g) => ({ status: g.duty_status, stage: g.stage, n: g.n })),
    counts: dutyCountsOf(byStatus),
  };
}

/** The enterprises in the caller's scope whose occurrence of the period is still open (not fulfilled, not waived): whom 催报 reminds. */
export async function openOccurrenceEnterpriseIds(db: Executor, ctx: Ctx, q: { definitionKey: string; periodKey: string }): Promise<string[]> {
  const a = requireActor(ctx);
  return dutyListIds(db, a.scope, localDay(ctx.now), { definitionKey: q.definitionKey, periodKey: q.periodKey, statuses: OPEN });
}
