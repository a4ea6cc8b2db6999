import { sql, type RawBuilder, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { HazardReportsTable } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope } from '../../../platform/db/scope';
import type { ReportPeriodType } from '../stats/hazard-stats.rules';

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

/**
 * The stage of each enterprise's report of the period (its row's status, null without one), a correlated expression
 * over the enterprise id: the obligations engine lists who owes the report and filters and counts by it (issue 11 §1).
 */
export function reportStageSql(type: ReportPeriodType, key: string): (enterpriseId: RawBuilder<string>) => RawBuilder<string | null> {
  return (enterpriseId) => sql<string | null>`(select r.status from hazard_reports r where r.enterprise_id = ${enterpriseId}
    and r.period_type = ${type} and r.period_key = ${key})`;
}

/** The reports of the period of these enterprises (a page of the regulators' list), with their latest submitted version. */
export async function reportContents(db: Executor, scope: Scope, type: ReportPeriodType, key: string, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return [];
  return db.selectFrom('hazard_reports as r')
    // The latest submitted version (2, 3… after corrections): platform/submissions keeps the versions.
    .leftJoin('submissions as sv', (j) => j.onRef('sv.enterprise_id', '=', 'r.enterprise_id').on('sv.kind', '=', 'hazard.double').on('sv.subject_key', '=', `${type}:${key}`))
    .select(['r.enterprise_id', 'r.status', 'r.confirmed_at', 'r.submitted_at', 'sv.submitted_version'])
    .where('r.period_type', '=', type).where('r.period_key', '=', key).where('r.enterprise_id', 'in', [...enterpriseIds])
    .where(enterpriseInScope(scope, 'r.enterprise_id'))
    .execute();
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
