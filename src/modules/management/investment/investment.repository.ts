import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { applyFilters, listPage, orderByMap, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, regulatedEnterprises, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { SUPERVISE_SORT, USE_SORT, type SuperviseQuery, type UseListQuery } from './investment.schema';

/*
 * R-INV-1: the tables of the safety investment (migration 0093). Every read goes through the enterprise scope; a
 * record outside it is "not found". The tables are enterprise-owned: managers and the enterprise's regulators see them.
 */

export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.industry_code', 'e.status', 'e.district_id'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

// ---- the fee's years ----

export async function findYear(db: Executor, scope: AnyScope, enterpriseId: string, year: number, opts: { lock?: boolean } = {}) {
  let q = db.selectFrom('safety_fee_years as y').selectAll('y')
    .where('y.enterprise_id', '=', enterpriseId).where('y.year', '=', year).where(enterpriseInScope(scope, 'y.enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Every year up to `year` with its booked accrual, opening balance and uses (all, and outside `eligible`). */
export async function yearsUpTo(db: Executor, scope: AnyScope, enterpriseId: string, year: number, eligible: readonly string[]) {
  const years = await db.selectFrom('safety_fee_years as y').select(['y.year', 'y.accrued', 'y.opening_balance', 'y.required_accrual'])
    .where('y.enterprise_id', '=', enterpriseId).where('y.year', '<=', year).where(enterpriseInScope(scope, 'y.enterprise_id')).execute();
  const uses = await db.selectFrom('safety_fee_uses as u')
    .select(['u.year', sql<string>`sum(u.amount)::text`.as('used'),
      sql<string>`coalesce(sum(u.amount) filter (where not (u.category = any(${sql.val([...eligible])}::text[]))), 0)::text`.as('ineligible')])
    .where('u.enterprise_id', '=', enterpriseId).where('u.year', '<=', year).where(enterpriseInScope(scope, 'u.enterprise_id'))
    .groupBy('u.year').execute();
  return { years, uses };
}

export async function upsertYear(tx: Tx, scope: AnyScope, enterpriseId: string, year: number, set: {
  required_accrual?: string; accrual_inputs?: string; accrual_lines?: string; rule_set_version?: number; computed_by?: string; computed_at?: Date;
  accrued?: string; opening_balance?: string | null;
}, now: Date): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('safety_fee_years').values({ enterprise_id: enterpriseId, year, ...set, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doUpdateSet((eb) => ({ ...set, updated_at: now, version: eb('safety_fee_years.version', '+', 1) })))
    .execute();
}

/** Whether the principal has signed the year's investment check: the year's ledger is then closed. */
export async function yearClosed(db: Executor, enterpriseId: string, year: number): Promise<boolean> {
  const r = await db.selectFrom('safety_investment_checks').select('id')
    .where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('signed_at', 'is not', null).executeTakeFirst();
  return !!r;
}

// ---- budgets ----

function budgets(db: Executor) {
  return db.selectFrom('safety_budgets as b')
    .select(['b.enterprise_id', 'b.id', 'b.year', 'b.status', 'b.note', sql<string>`b.total::text`.as('total'), 'b.content_sha256', 'b.signature_id',
      'b.approved_by', 'b.approved_at', 'b.version', 'b.created_by',
      sql<string | null>`(select un.display_name from users un where un.id = b.approved_by)`.as('approved_by_name')]);
}
export type BudgetRow = NonNullable<Awaited<ReturnType<typeof findBudget>>>;

export async function findBudget(db: Executor, scope: AnyScope, enterpriseId: string, year: number, opts: { lock?: boolean } = {}) {
  let q = budgets(db).where('b.enterprise_id', '=', enterpriseId).where('b.year', '=', year).where(enterpriseInScope(scope, 'b.enterprise_id'));
  if (opts.lock) q = q.forUpdate('b');
  return q.executeTakeFirst();
}

export async function budgetLines(db: Executor, enterpriseId: string, budgetId: string) {
  return db.selectFrom('safety_budget_lines').select(['line_no', 'category', sql<string>`amount::text`.as('amount'), 'purpose'])
    .where('enterprise_id', '=', enterpriseId).where('budget_id', '=', budgetId).orderBy('line_no').execute();
}

export async function insertBudget(tx: Tx, scope: AnyScope, enterpriseId: string, row: { year: number; note: string; total: string; by: string; now: Date }): Promise<string | null> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_budgets').values({
    enterprise_id: enterpriseId, year: row.year, note: row.note, total: row.total, created_by: row.by, created_at: row.now, updated_at: row.now,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateBudgetDraft(tx: Tx, enterpriseId: string, id: string, version: number, set: { note: string; total: string }, now: Date): Promise<boolean> {
  const r = await tx.updateTable('safety_budgets').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

export async function replaceBudgetLines(tx: Tx, enterpriseId: string, budgetId: string, lines: readonly { category: string; amount: string; purpose: string }[]) {
  await tx.deleteFrom('safety_budget_lines').where('enterprise_id', '=', enterpriseId).where('budget_id', '=', budgetId).execute();
  if (lines.length) {
    await tx.insertInto('safety_budget_lines')
      .values(lines.map((l, i) => ({ enterprise_id: enterpriseId, budget_id: budgetId, line_no: i + 1, category: l.category, amount: l.amount, purpose: l.purpose }))).execute();
  }
}

export async function deleteBudgetDraft(tx: Tx, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('safety_budgets').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').execute();
}

export async function markBudgetApproved(tx: Tx, enterpriseId: string, id: string, set: { content_sha256: string; signature_id: string; approved_by: string }, now: Date) {
  await tx.updateTable('safety_budgets').set((eb) => ({ ...set, status: 'approved' as const, approved_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').execute();
}

/** The year's uses summed by category (the budget's "budgeted vs used"). */
export async function usedByCategory(db: Executor, scope: AnyScope, enterpriseId: string, year: number) {
  return db.selectFrom('safety_fee_uses as u').select(['u.category', sql<string>`sum(u.amount)::text`.as('used')])
    .where('u.enterprise_id', '=', enterpriseId).where('u.year', '=', year).where(enterpriseInScope(scope, 'u.enterprise_id'))
    .groupBy('u.category').execute();
}

// ---- the usage ledger ----

function uses(db: Executor) {
  return db.selectFrom('safety_fee_uses as u')
    .select(['u.enterprise_id', 'u.id', 'u.year', 'u.used_on', 'u.category', sql<string>`u.amount::text`.as('amount'), 'u.purpose', 'u.voucher_no', 'u.version',
      sql<string | null>`(select un.display_name from users un where un.id = u.created_by)`.as('created_by_name')]);
}
export type UseRow = NonNullable<Awaited<ReturnType<typeof findUse>>>;

export async function findUse(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = uses(db).where('u.enterprise_id', '=', enterpriseId).where('u.id', '=', id).where(enterpriseInScope(scope, 'u.enterprise_id'));
  if (opts.lock) q = q.forUpdate('u');
  return q.executeTakeFirst();
}

export async function useListPage(db: Executor, scope: AnyScope, enterpriseId: string, year: number, q: UseListQuery, eligible: readonly string[]) {
  const base = db.selectFrom('safety_fee_uses as u').where('u.enterprise_id', '=', enterpriseId).where('u.year', '=', year).where(enterpriseInScope(scope, 'u.enterprise_id'));
  type QB = typeof base;
  const filters: FilterMap<QB, UseListQuery> = {
    ineligible: (qb) => qb.where(sql<SqlBool>`not (u.category = any(${sql.val([...eligible])}::text[]))`),
    category: (qb, v) => qb.where('u.category', '=', v),
  };
  const filtered = applyFilters(base, filters, q);
  const page = await listPage(filtered, {
    select: (qb) => qb.select(['u.enterprise_id', 'u.id', 'u.year', 'u.used_on', 'u.category', sql<string>`u.amount::text`.as('amount'), 'u.purpose', 'u.voucher_no', 'u.version',
      sql<string | null>`(select un.display_name from users un where un.id = u.created_by)`.as('created_by_name')]),
    sort: { map: USE_SORT, key: q.sort, order: q.order, tiebreak: ['u.created_at', 'u.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const sums = await base.select([sql<string>`coalesce(sum(u.amount), 0)::text`.as('sum'),
    sql<string>`coalesce(sum(u.amount) filter (where not (u.category = any(${sql.val([...eligible])}::text[]))), 0)::text`.as('ineligible')]).executeTakeFirstOrThrow();
  return { page, sum: sums.sum, ineligible: sums.ineligible };
}

export type UseColumns = { year: number; used_on: string; category: string; amount: string; purpose: string; voucher_no: string };

export async function insertUses(tx: Tx, scope: AnyScope, enterpriseId: string, rows: readonly UseColumns[], by: string, now: Date): Promise<string[]> {
  await requireInScope(tx, scope, enterpriseId);
  if (!rows.length) return [];
  const r = await tx.insertInto('safety_fee_uses')
    .values(rows.map((x) => ({ enterprise_id: enterpriseId, ...x, created_by: by, created_at: now, updated_at: now }))).returning('id').execute();
  return r.map((x) => x.id);
}

export async function updateUseRow(tx: Tx, enterpriseId: string, id: string, version: number, set: UseColumns, now: Date): Promise<boolean> {
  const r = await tx.updateTable('safety_fee_uses').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

export async function deleteUseRow(tx: Tx, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('safety_fee_uses').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** The voucher files of the uses (attachments store, owner `safety_fee_use`). */
export async function vouchersOf(db: Executor, enterpriseId: string, useIds: readonly string[]) {
  if (!useIds.length) return [];
  return db.selectFrom('attachment_links as l').innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['l.owner_id', 'a.id', 'a.name', 'a.mime', 'a.size'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', '=', 'safety_fee_use').where('l.owner_id', 'in', [...useIds])
    .orderBy('a.created_at').execute();
}

/** The use a voucher file is attached to, if any. */
export async function useOfVoucher(db: Executor, enterpriseId: string, fileId: string): Promise<string | null> {
  const r = await db.selectFrom('attachment_links').select('owner_id')
    .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', fileId).where('owner_type', '=', 'safety_fee_use').executeTakeFirst();
  return r?.owner_id ?? null;
}

// ---- audits ----

function audits(db: Executor) {
  return db.selectFrom('safety_fee_audits as a')
    .select(['a.enterprise_id', 'a.id', 'a.year', 'a.kind', 'a.audited_on', 'a.auditor', 'a.findings', 'a.rectification', 'a.rectified', 'a.version']);
}
export type AuditRow = NonNullable<Awaited<ReturnType<typeof findAudit>>>;

export async function listAudits(db: Executor, scope: AnyScope, enterpriseId: string, year: number | undefined) {
  let q = audits(db).where('a.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'a.enterprise_id'));
  if (year !== undefined) q = q.where('a.year', '=', year);
  return q.orderBy('a.audited_on', 'desc').orderBy('a.id').execute();
}

export async function findAudit(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = audits(db).where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id).where(enterpriseInScope(scope, 'a.enterprise_id'));
  if (opts.lock) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

export type AuditColumns = { year: number; kind: 'internal' | 'external'; audited_on: string; auditor: string; findings: string; rectification: string; rectified: boolean };

export async function insertAudit(tx: Tx, scope: AnyScope, enterpriseId: string, row: AuditColumns, by: string, now: Date): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_fee_audits').values({ enterprise_id: enterpriseId, ...row, created_by: by, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAuditRow(tx: Tx, enterpriseId: string, id: string, version: number, set: AuditColumns, now: Date): Promise<boolean> {
  const r = await tx.updateTable('safety_fee_audits').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

export async function deleteAuditRow(tx: Tx, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('safety_fee_audits').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

// ---- the principal's yearly check ----

function checks(db: Executor) {
  return db.selectFrom('safety_investment_checks as c')
    .select(['c.enterprise_id', 'c.id', 'c.year', 'c.checked_on', 'c.comments', 'c.figures', 'c.content_sha256', 'c.signature_id', 'c.signed_by', 'c.signed_at', 'c.created_at',
      sql<string | null>`(select un.display_name from users un where un.id = c.signed_by)`.as('signed_by_name'),
      sql<string | null>`(select un.display_name from users un where un.id = c.created_by)`.as('created_by_name')]);
}
export type CheckRow = NonNullable<Awaited<ReturnType<typeof findCheck>>>;

export async function listChecks(db: Executor, scope: AnyScope, enterpriseId: string, year: number | undefined) {
  let q = checks(db).where('c.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'c.enterprise_id'));
  if (year !== undefined) q = q.where('c.year', '=', year);
  return q.orderBy('c.checked_on', 'desc').orderBy('c.created_at', 'desc').execute();
}

export async function findCheck(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = checks(db).where('c.enterprise_id', '=', enterpriseId).where('c.id', '=', id).where(enterpriseInScope(scope, 'c.enterprise_id'));
  if (opts.lock) q = q.forUpdate('c');
  return q.executeTakeFirst();
}

export async function insertCheck(tx: Tx, scope: AnyScope, enterpriseId: string, row: { year: number; checked_on: string; comments: string; figures: string }, by: string, now: Date) {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_investment_checks').values({ enterprise_id: enterpriseId, ...row, created_by: by, created_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function markCheckSigned(tx: Tx, enterpriseId: string, id: string, set: { content_sha256: string; signature_id: string; signed_by: string; figures: string }, now: Date) {
  await tx.updateTable('safety_investment_checks').set({ ...set, signed_at: now })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('signed_at', 'is', null).execute();
}

export async function deleteCheckRow(tx: Tx, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('safety_investment_checks').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('signed_at', 'is', null).execute();
}

// ---- regulators ----

/**
 * R-INV-1, issue 12 §7: the active enterprises in scope whose industry accrues the fee, each with the year's required
 * and booked accrual, uses (and those outside `eligible`), the balance carried in and out, the budget's approval and
 * the principal's check. One query for the page (window sums over the years carry the balance, restarting at a
 * recorded opening balance, as investment.rules.ts `carryIn`), one for the counts.
 */
export async function supervisePage(db: Executor, scope: AnyScope, q: SuperviseQuery, at: { year: number; industries: readonly string[]; eligible: readonly string[] }) {
  const inScope = sql.join([...regulatedEnterprises(scope, 'e', { subdistrictId: q.subdistrictId }),
    sql<SqlBool>`e.industry_code = any(${sql.val([...at.industries])}::text[])`], sql` and `);
  const eligible = sql.val([...at.eligible]);
  const accounts = sql<{ enterprise_id: string; required: string | null; accrued: string; used: string; ineligible: string; carry_in: string; balance: string; shortfall: string }>`(
    with ents as (select e.id from enterprises e where ${inScope}),
      yr as (
        select enterprise_id, year, max(opening) as opening, sum(accrued) as accrued, max(required) as required, sum(used) as used, sum(ineligible) as ineligible
        from (
          select y.enterprise_id, y.year, y.opening_balance as opening, y.accrued, y.required_accrual as required, 0::numeric as used, 0::numeric as ineligible
            from safety_fee_years y join ents on ents.id = y.enterprise_id where y.year <= ${at.year}
          union all
          select u.enterprise_id, u.year, null, 0, null, sum(u.amount), coalesce(sum(u.amount) filter (where not (u.category = any(${eligible}::text[]))), 0)
            from safety_fee_uses u join ents on ents.id = u.enterprise_id where u.year <= ${at.year} group by u.enterprise_id, u.year
          union all
          select ents.id, ${at.year}::int, null, 0, null, 0, 0 from ents
        ) parts group by enterprise_id, year
      ),
      seg as (select yr.*, count(opening) over (partition by enterprise_id order by year) as seg from yr),
      run as (
        select seg.*, coalesce(max(opening) over (partition by enterprise_id, seg), 0)
          + sum(accrued - used) over (partition by enterprise_id, seg order by year) as closing
        from seg
      )
    select run.enterprise_id, run.required, run.accrued, run.used, run.ineligible, run.closing - run.accrued + run.used as carry_in, run.closing as balance,
      greatest(coalesce(run.required, 0) - run.accrued, 0) as shortfall
    from run where run.year = ${at.year})`;
  const base = db.selectFrom(accounts.as('acc'))
    .innerJoin('enterprises as e', (j) => j.on(sql<SqlBool>`e.id = acc.enterprise_id`))
    .innerJoin('subdistricts as sd', 'sd.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code');
  type QB = typeof base;
  const filters: FilterMap<QB, SuperviseQuery> = {
    shortfall: (qb, v) => qb.where(v === 'yes' ? sql<SqlBool>`acc.shortfall > 0` : sql<SqlBool>`acc.shortfall = 0`),
    ineligible: (qb) => qb.where(sql<SqlBool>`acc.ineligible > 0`),
    q: (qb, v) => qb.where(searchWhere(v, ['e.name', { column: 'e.credit_code', upper: true }])),
  };
  const filtered = applyFilters(base, filters, q);
  const select = (qb: QB) => qb.select([
    'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
    sql<string | null>`acc.required::text`.as('required'), sql<string>`acc.accrued::text`.as('accrued'), sql<string>`acc.used::text`.as('used'),
    sql<string>`acc.ineligible::text`.as('ineligible'), sql<string>`acc.carry_in::text`.as('carry_in'), sql<string>`acc.balance::text`.as('balance'),
    sql<string>`acc.shortfall::text`.as('shortfall'),
    sql<boolean>`exists (select 1 from safety_budgets b where b.enterprise_id = e.id and b.year = ${at.year} and b.status = 'approved')`.as('budget_approved'),
    sql<boolean>`exists (select 1 from safety_investment_checks c where c.enterprise_id = e.id and c.year = ${at.year} and c.signed_at is not null)`.as('check_signed'),
  ]);
  const sortMap = {
    name: 'e.name', required: { by: sql`acc.required`, nulls: SUPERVISE_SORT.required.nulls }, accrued: sql`acc.accrued`, used: sql`acc.used`,
    balance: sql`acc.balance`, shortfall: sql`acc.shortfall`,
  };
  const ordered = orderByMap(select(filtered), { map: sortMap, key: q.sort, order: q.order, tiebreak: ['e.id'] });
  const rows = await ordered.select(sql<number>`count(*) over ()`.as('__total')).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const counts = await applyFilters(base, { ...filters, shortfall: undefined, ineligible: undefined }, q)
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where acc.shortfall > 0)::int`.as('shortfall'),
      sql<number>`count(*) filter (where acc.ineligible > 0)::int`.as('ineligible')]).executeTakeFirstOrThrow();
  const total = rows.length ? Number(rows[0]!.__total) : 0;
  return { rows, total, counts: { total: Number(counts.total), shortfall: Number(counts.shortfall), ineligible: Number(counts.ineligible) } };
}

/** How many active enterprises in scope of these industries have a shortfall this year (the regulators' workbench). */
export async function shortfallCount(db: Executor, scope: AnyScope, year: number, industries: readonly string[]): Promise<number> {
  if (!industries.length) return 0;
  const r = await db.selectFrom('safety_fee_years as y').innerJoin('enterprises as e', 'e.id', 'y.enterprise_id')
    .where(enterpriseRowInScope(scope, 'e')).where('e.status', '=', 'active').where(sql<SqlBool>`e.industry_code = any(${sql.val([...industries])}::text[])`)
    .where('y.year', '=', year).where(sql<SqlBool>`y.required_accrual > y.accrued`)
    .select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
