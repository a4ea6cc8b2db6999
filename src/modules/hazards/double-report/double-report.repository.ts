import { sql, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { HazardReportsTable } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope } from '../../../platform/db/scope';
import type { ReportListQuery } from './double-report.schema';
import type { ReportPeriodType } from '../stats/hazard-stats.rules';
import { containsPattern } from '../../../platform/db/like';

export async function findReport(db: Executor, scope: Scope, enterpriseId: string, type: ReportPeriodType, key: string) {
  return db.selectFrom('hazard_reports as r')
    .leftJoin('users as c', 'c.id', 'r.confirmed_by')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .selectAll('r').select(['c.display_name as confirmed_by_name', 's.display_name as submitted_by_name'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.period_type', '=', type).where('r.period_key', '=', key)
    .where(enterpriseInScope(scope, 'r.enterprise_id'))
    .executeTakeFirst();
}

/** The report row of an enterprise in scope, created as a draft if there is none, locked until the transaction ends. */
export async function lockReport(tx: Tx, scope: Scope, enterpriseId: string, type: ReportPeriodType, key: string) {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_reports').values({ enterprise_id: enterpriseId, period_type: type, period_key: key })
    .onConflict((oc) => oc.columns(['enterprise_id', 'period_type', 'period_key']).doNothing()).execute();
  return tx.selectFrom('hazard_reports').selectAll()
    .where('enterprise_id', '=', enterpriseId).where('period_type', '=', type).where('period_key', '=', key)
    .forUpdate().executeTakeFirstOrThrow();
}

/** Writes the report row (what the regulators' list and the workers' congress read). */
export async function updateReportRow(tx: Tx, scope: Scope, enterpriseId: string, type: ReportPeriodType, key: string, set: Updateable<HazardReportsTable>): Promise<void> {
  await tx.updateTable('hazard_reports').set(set)
    .where('enterprise_id', '=', enterpriseId).where('period_type', '=', type).where('period_key', '=', key)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The enterprise as a report names it: its name, credit code, subdistrict and industry. */
export async function reportEnterprise(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.name', 'e.credit_code', 'e.subdistrict_id', 'e.industry_code'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirstOrThrow();
}

/** Submitted reports of one enterprise, newest first: what its workers' congress reads. */
export async function listSubmitted(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('hazard_reports as r')
    .leftJoin('users as c', 'c.id', 'r.confirmed_by')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .select(['r.period_type', 'r.period_key', 'r.submitted_at', 'r.snapshot', 'c.display_name as confirmed_by_name', 's.display_name as submitted_by_name'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'submitted')
    .where(enterpriseInScope(scope, 'r.enterprise_id'))
    .orderBy('r.submitted_at', 'desc').execute();
}

/** Enterprises in scope (not closed) with their report of the period, if any. */
function statusBase(db: Executor, scope: Scope, q: ReportListQuery, type: ReportPeriodType, key: string) {
  let base = db.selectFrom('enterprises as e')
    .leftJoin('hazard_reports as r', (j) => j.onRef('r.enterprise_id', '=', 'e.id').on('r.period_type', '=', type).on('r.period_key', '=', key))
    .where(enterpriseRowInScope(scope, 'e'))
    .where('e.status', '<>', 'closed');
  if (q.subdistrictId) base = base.where('e.subdistrict_id', '=', q.subdistrictId);
  if (q.industryCode) base = base.where('e.industry_code', '=', q.industryCode);
  if (q.q) {
    const like = containsPattern(q.q);
    base = base.where((eb) => eb.or([eb('e.name', 'like', like), eb('e.credit_code', 'like', like.toUpperCase())]));
  }
  return base;
}

const statusOf = sql<'draft' | 'confirmed' | 'submitted'>`coalesce(r.status, 'draft')`;

export async function listReportStatuses(db: Executor, scope: Scope, q: ReportListQuery, type: ReportPeriodType, key: string) {
  let base = statusBase(db, scope, q, type, key);
  if (q.status) base = base.where(sql<SqlBool>`${statusOf} = ${q.status}`);
  const [rows, total] = await Promise.all([
    // The latest submitted version (2, 3… after corrections): platform/submissions keeps the versions.
    base.leftJoin('submissions as sv', (j) => j.onRef('sv.enterprise_id', '=', 'e.id').on('sv.kind', '=', 'hazard.double').on('sv.subject_key', '=', `${type}:${key}`))
      .select(['e.id', 'e.name', 'e.credit_code', 'e.subdistrict_id', 'e.industry_code', statusOf.as('status'), 'r.confirmed_at', 'r.submitted_at', 'sv.submitted_version'])
      .orderBy('e.name', q.order).orderBy('e.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countReportStatuses(db: Executor, scope: Scope, q: ReportListQuery, type: ReportPeriodType, key: string) {
  const rows = await statusBase(db, scope, q, type, key).select([statusOf.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(statusOf).execute();
  const counts = { total: 0, draft: 0, confirmed: 0, submitted: 0 };
  for (const r of rows) {
    counts[r.status] += Number(r.n);
    counts.total += Number(r.n);
  }
  return counts;
}


/** The enterprises in scope (not closed) whose report of the period is not submitted: whom a regulator may urge. */
export async function nonSubmitterIds(db: Executor, scope: Scope, type: ReportPeriodType, key: string): Promise<string[]> {
  const rows = await statusBase(db, scope, { page: 1, pageSize: 1, periodType: type, order: 'asc' } as ReportListQuery, type, key)
    .where(sql<SqlBool>`${statusOf} <> 'submitted'`).select('e.id').execute();
  return rows.map((r) => r.id);
}

/** Which of an enterprise's reports of these periods are submitted. */
export async function submittedPeriods(db: Executor, scope: Scope, enterpriseId: string, periods: readonly { type: ReportPeriodType; key: string }[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await db.selectFrom('hazard_reports').select(['period_type', 'period_key'])
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'submitted')
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .where((eb) => eb.or(periods.map((p) => eb.and([eb('period_type', '=', p.type), eb('period_key', '=', p.key)]))))
    .execute();
  return new Set(rows.map((r) => `${r.period_type}:${r.period_key}`));
}
