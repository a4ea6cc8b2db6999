import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { applyFilters, listPage, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, regulatedList, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { NOTICE_OVERVIEW_SORT, type NoticeOverviewQuery } from './daily-notice.schema';

/*
 * R-COM-1, issue 11 §6: the daily risk assessment and commitment notices. A notice is the enterprise's own record,
 * posted at its gate: everyone of the enterprise reads it, and its regulators (by scope).
 */

export type NoticeRow = {
  enterprise_id: string; id: string; day: string; status: 'draft' | 'posted';
  units_running: number; units_stopped: number; units_maintenance: number; major_hazards: number; major_hazards_safe: boolean; special_work: unknown;
  trial_production: boolean; start_stop: boolean; maintenance_work: boolean; note: string; commitment: string; principal_name: string;
  rule_set_version: number; content_sha256: string | null; signature_id: string | null; signed_by: string | null; posted_at: Date | null;
  version: number; enterprise_name: string; signed_by_name: string | null; created_by_name: string | null;
};

export type NoticeColumns = {
  units_running: number; units_stopped: number; units_maintenance: number; major_hazards: number; major_hazards_safe: boolean; special_work: string;
  trial_production: boolean; start_stop: boolean; maintenance_work: boolean; note: string; commitment: string; principal_name: string;
};

function notices(db: Executor) {
  return db.selectFrom('daily_risk_notices as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .leftJoin('users as su', 'su.id', 'n.signed_by')
    .leftJoin('users as cu', 'cu.id', 'n.created_by')
    .select([
      'n.enterprise_id', 'n.id', sql<string>`n.day::text`.as('day'), 'n.status', 'n.units_running', 'n.units_stopped', 'n.units_maintenance', 'n.major_hazards',
      'n.major_hazards_safe', 'n.special_work', 'n.trial_production', 'n.start_stop', 'n.maintenance_work', 'n.note', 'n.commitment', 'n.principal_name',
      'n.rule_set_version', 'n.content_sha256', 'n.signature_id', 'n.signed_by', 'n.posted_at', 'n.version', 'e.name as enterprise_name',
      'su.display_name as signed_by_name', 'cu.display_name as created_by_name',
    ]);
}

export async function findNotice(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<NoticeRow | undefined> {
  let q = notices(db).where('n.enterprise_id', '=', enterpriseId).where('n.id', '=', id).where(enterpriseInScope(scope, 'n.enterprise_id'));
  if (opts.lock) q = q.forUpdate('n');
  return q.executeTakeFirst() as Promise<NoticeRow | undefined>;
}

export async function noticeOfDay(db: Executor, scope: AnyScope, enterpriseId: string, day: string): Promise<NoticeRow | undefined> {
  return notices(db).where('n.enterprise_id', '=', enterpriseId).where('n.day', '=', day).where(enterpriseInScope(scope, 'n.enterprise_id'))
    .executeTakeFirst() as Promise<NoticeRow | undefined>;
}

/** The notices of a month (YYYY-MM), newest day first. */
export async function noticesOfMonth(db: Executor, scope: AnyScope, enterpriseId: string, month: string): Promise<NoticeRow[]> {
  const first = `${month}-01`;
  return notices(db).where('n.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'n.enterprise_id'))
    .where('n.day', '>=', first).where(sql<SqlBool>`n.day < (${first}::date + interval '1 month')`)
    .orderBy('n.day', 'desc').execute() as Promise<NoticeRow[]>;
}

export async function insertNotice(tx: Tx, scope: AnyScope, enterpriseId: string, row: NoticeColumns & { day: string; rule_set_version: number; created_by: string; now: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  const r = await tx.insertInto('daily_risk_notices').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'day']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateNoticeDraft(tx: Tx, enterpriseId: string, id: string, version: number, set: NoticeColumns, now: Date): Promise<boolean> {
  const r = await tx.updateTable('daily_risk_notices').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').where('version', '=', version)
    .returning('id').executeTakeFirst();
  return !!r;
}

export async function markNoticePosted(tx: Tx, enterpriseId: string, id: string, set: { content_sha256: string; signature_id: string; signed_by: string }, now: Date) {
  await tx.updateTable('daily_risk_notices').set((eb) => ({ ...set, status: 'posted', posted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').execute();
}

/** The enterprise's industry, status, joining day and district: whether it owes the notice is decided by the service. */
export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.industry_code', 'e.status', sql<string | null>`e.onboarded_on::text`.as('onboarded_on'), 'e.principal_name'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

/** The name of the enterprise's (first) principal account, when the enterprise record names none. */
export async function principalUserName(db: Executor, enterpriseId: string): Promise<string> {
  return (await db.selectFrom('users').select('display_name').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise_principal')
    .where('disabled', '=', false).orderBy('created_at').executeTakeFirst())?.display_name ?? '';
}

/**
 * R-COM-1, the regulators' view: every active enterprise in scope whose industry owes the notice, today's posted notice
 * if any, and the month's posted days; the days owed are counted by the service from `onboarded_on`.
 */
export async function noticeOverviewPage(db: Executor, scope: AnyScope, q: NoticeOverviewQuery, at: { industries: readonly string[]; day: string; month: string }) {
  const first = `${at.month}-01`;
  const base = regulatedList(db, scope, q)
    .leftJoin('daily_risk_notices as n', (j) => j.onRef('n.enterprise_id', '=', 'e.id').on('n.day', '=', at.day).on('n.status', '=', 'posted'))
    .where(at.industries.length ? sql<SqlBool>`e.industry_code = any(${sql.val([...at.industries])}::text[])` : sql<SqlBool>`false`);
  type QB = typeof base;
  const filters: FilterMap<QB, NoticeOverviewQuery> = {
    posted: (qb, v) => qb.where(v === 'yes' ? sql<SqlBool>`n.id is not null` : sql<SqlBool>`n.id is null`),
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name', sql<string | null>`e.onboarded_on::text`.as('onboarded_on'),
      'n.id as notice_id', 'n.posted_at', 'n.major_hazards_safe', 'n.special_work',
      sql<number>`(select count(*)::int from daily_risk_notices m where m.enterprise_id = e.id and m.status = 'posted'
        and m.day >= ${first}::date and m.day < (${first}::date + interval '1 month') and m.day <= ${at.day}::date)`.as('posted_days'),
    ]),
    sort: { map: NOTICE_OVERVIEW_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const counts = await applyFilters(base, { ...filters, posted: undefined }, q)
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(n.id)::int`.as('posted')]).executeTakeFirstOrThrow();
  return { page, counts: { total: Number(counts.total), postedToday: Number(counts.posted) } };
}

/** How many active enterprises in scope owe the notice and have not posted today (the regulators' workbench). */
export async function notPostedCount(db: Executor, scope: AnyScope, industries: readonly string[], day: string): Promise<number> {
  if (!industries.length) return 0;
  const r = await db.selectFrom('enterprises as e')
    .where(enterpriseRowInScope(scope, 'e')).where('e.status', '=', 'active')
    .where(sql<SqlBool>`e.industry_code = any(${sql.val([...industries])}::text[])`)
    .where(sql<SqlBool>`not exists (select 1 from daily_risk_notices n where n.enterprise_id = e.id and n.day = ${day}::date and n.status = 'posted')`)
    .select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
