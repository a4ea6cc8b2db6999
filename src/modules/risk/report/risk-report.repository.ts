import { sql, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { RiskAnnualReportEventsTable, RiskAnnualReportsTable } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type SystemScope } from '../../../platform/db/scope';
import { notFound } from '../../../platform/errors';
import { riskPointRowVisibleTo, riskPointVisibleTo } from '../points/risk-point.policy';
import { startOfLocalYear } from '../../../platform/time';
import type { Grade } from '../points/risk-grading';
import {
  type EnterpriseReportFacts, type Grade1Item, type PointFigures, type ReportAssessment, type ReportController, type ReportMeasure,
  type ReportPoint, type ReportStatus, type SubdistrictAggregate,
} from './risk-report.rules';

/** migrations/0004_risk_reports.sql. Kept here until schema.ts takes it in. */

// ---- one enterprise's ledger, as the report reads it ----

/**
 * The active ledger, measures, controllers and the year's assessments of one enterprise, as far as the scope sees its
 * points (risk-point.policy.ts): five queries, none per point. The report is the whole enterprise's: its service reads
 * it with `wholeEnterprise` once the caller's access is decided.
 */
export async function loadReportSource(db: Executor, scope: Scope, enterpriseId: string, year: number) {
  const start = startOfLocalYear(year);
  const end = startOfLocalYear(year + 1);
  const [units, points, measures, controllers, assessments] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'name', 'path', 'kind']).where('enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'enterprise_id')).execute(),
    db.selectFrom('risk_points as r')
      .select(['r.id', 'r.code', 'r.name', 'r.kind', 'r.org_unit_id', 'r.location', 'r.grade', 'r.control_level', 'r.major_hazard_source', 'r.accident_types',
        'r.reassess_due', 'r.control_failing', 'r.emergency_measures', 'r.has_warning_signs', 'r.has_monitoring', 'r.has_emergency_equipment', 'r.has_escape_routes'])
      .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r')).execute(),
    db.selectFrom('control_measures as m')
      .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'm.enterprise_id').onRef('r.id', '=', 'm.risk_point_id'))
      .select(['m.risk_point_id', 'm.category', 'm.content']).where('m.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active')
      .where(riskPointVisibleTo(scope, 'r'))
      .orderBy('m.risk_point_id').orderBy('m.sort').execute(),
    db.selectFrom('risk_controllers as c')
      .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'c.enterprise_id').onRef('m.id', '=', 'c.employee_id'))
      .select(['c.risk_point_id', 'c.level', 'm.name']).where('c.enterprise_id', '=', enterpriseId).where(riskPointRowVisibleTo(scope, 'c')).execute(),
    // The window runs over every earlier assessment of the point, so the year's first one still knows the grade before it.
    db.selectFrom((eb) => eb.selectFrom('risk_assessments as a')
      .select(['a.risk_point_id', 'a.stage', 'a.grade', 'a.reason', 'a.assessed_at',
        sql<number>`row_number() over (partition by a.risk_point_id order by a.assessed_at, a.seq)`.as('n'),
        sql<number | null>`lag(a.grade) over (partition by a.risk_point_id order by a.assessed_at, a.seq)`.as('previous_grade')])
      .where('a.enterprise_id', '=', enterpriseId).where('a.assessed_at', '<', end).as('x'))
      .innerJoin('risk_points as r', (j) => j.on('r.enterprise_id', '=', enterpriseId).onRef('r.id', '=', 'x.risk_point_id'))
      .select(['x.risk_point_id', 'r.code', 'r.name', 'x.stage', 'x.grade', 'x.reason', 'x.assessed_at', 'x.n', 'x.previous_grade'])
      .where('x.assessed_at', '>=', start).where(riskPointVisibleTo(scope, 'r')).execute(),
  ]);
  // A unit is named by its chain below the company ("生产部/一车间/甲班"): two teams may both be called 甲班.
  const unitById = new Map(units.map((u) => [u.id, u]));
  const label = (id: string) => {
    const u = unitById.get(id);
    if (!u) return '';
    const chain = u.path.split('/').filter(Boolean).map((x) => unitById.get(x)).filter((x) => x && x.kind !== 'company').map((x) => x!.name);
    return chain.length ? chain.join('/') : u.name;
  };
  return {
    points: points.map((p): ReportPoint => ({
      id: p.id, code: p.code, name: p.name, kind: p.kind, orgUnitId: p.org_unit_id, orgUnitName: label(p.org_unit_id), location: p.location,
      grade: p.grade === null ? null : (Number(p.grade) as Grade), controlLevel: p.control_level, majorHazardSource: p.major_hazard_source,
      accidentTypes: p.accident_types, reassessDue: p.reassess_due, controlFailing: p.control_failing, emergencyMeasures: p.emergency_measures,
      r8: { warningSigns: p.has_warning_signs, monitoring: p.has_monitoring, emergencyEquipment: p.has_emergency_equipment, escapeRoutes: p.has_escape_routes },
    })),
    measures: measures.map((m): ReportMeasure => ({ riskPointId: m.risk_point_id, category: m.category, content: m.content })),
    controllers: controllers.map((c): ReportController => ({ riskPointId: c.risk_point_id, level: c.level, name: c.name })),
    assessments: assessments.map((a): ReportAssessment => ({
      riskPointId: a.risk_point_id, code: a.code, name: a.name, stage: a.stage, grade: Number(a.grade), reason: a.reason,
      previousGrade: a.previous_grade === null ? null : Number(a.previous_grade), assessedAt: new Date(a.assessed_at).toISOString(), first: Number(a.n) === 1,
    })),
  };
}

// ---- the report row and its history ----

export async function findReport(db: Executor, scope: Scope, enterpriseId: string, year: number) {
  return db.selectFrom('risk_annual_reports as r')
    .leftJoin('users as c', 'c.id', 'r.confirmed_by')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .selectAll('r').select(['c.display_name as confirmed_by_name', 's.display_name as submitted_by_name'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.year', '=', year).where(enterpriseInScope(scope, 'r.enterprise_id')).executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The report row of an enterprise in scope, created as an empty draft if there is none, locked until the transaction ends. */
export async function lockReport(tx: Tx, scope: Scope, enterpriseId: string, year: number, now: Date) {
  await requireInScope(tx, scope, enterpriseId);
  const created = await tx.insertInto('risk_annual_reports').values({ enterprise_id: enterpriseId, year, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).returning('year').executeTakeFirst();
  const row = await tx.selectFrom('risk_annual_reports').selectAll().where('enterprise_id', '=', enterpriseId).where('year', '=', year)
    .forUpdate().executeTakeFirstOrThrow();
  return { row, created: !!created };
}

/** Writes the report row (what the regulators' lists, the reminders and the subdistrict's aggregate read). */
export async function updateReportRow(tx: Tx, scope: Scope, enterpriseId: string, year: number, set: Updateable<RiskAnnualReportsTable>): Promise<void> {
  await tx.updateTable('risk_annual_reports').set(set).where('enterprise_id', '=', enterpriseId).where('year', '=', year)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The enterprise as its report names it: its name, credit code, subdistrict and industry. */
export async function reportEnterprise(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.name', 'e.credit_code', 'e.subdistrict_id', 'e.industry_code'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirstOrThrow();
}

/** When the report of the year was first submitted (platform/submissions keeps it on the document's head), if ever. */
export async function firstSubmittedAt(db: Executor, scope: Scope, enterpriseId: string, kind: string, year: number): Promise<Date | null> {
  const head = await db.selectFrom('submissions').select('first_submitted_at')
    .where('enterprise_id', '=', enterpriseId).where('kind', '=', kind).where('subject_key', '=', String(year))
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return head?.first_submitted_at ?? null;
}

export async function appendReportEvent(tx: Tx, scope: Scope, enterpriseId: string, e: Omit<RiskAnnualReportEventsTable, 'seq' | 'enterprise_id'>): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  const last = await tx.selectFrom('risk_annual_report_events').select((eb) => eb.fn.max('seq').as('seq'))
    .where('enterprise_id', '=', enterpriseId).where('year', '=', e.year).executeTakeFirst();
  await tx.insertInto('risk_annual_report_events').values({ ...e, enterprise_id: enterpriseId, seq: Number(last?.seq ?? 0) + 1 }).execute();
}

export async function listReportEvents(db: Executor, scope: Scope, enterpriseId: string, year: number) {
  return db.selectFrom('risk_annual_report_events as v').leftJoin('users as u', 'u.id', 'v.actor_id')
    .select(['v.seq', 'v.action', 'v.from_status', 'v.to_status', 'v.at', 'u.display_name'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.year', '=', year).where(enterpriseInScope(scope, 'v.enterprise_id')).orderBy('v.seq').execute();
}

// ---- regulators: who has and has not reported ----

/**
 * The stage of each enterprise's report of the year (its row's status, null without one), a correlated expression over
 * the enterprise id: the obligations engine lists who owes the report and filters and counts by it (issue 11 §1).
 */
export function annualReportStageSql(year: number): (enterpriseId: RawBuilder<string>) => RawBuilder<string | null> {
  return (enterpriseId) => sql<string | null>`(select r.status from risk_annual_reports r where r.enterprise_id = ${enterpriseId} and r.year = ${year})`;
}

/** The reports of the year of these enterprises (a page of the regulators' list): who submitted it, when, and its latest submitted version. */
export async function reportContents(db: Executor, scope: Scope, year: number, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return [];
  return db.selectFrom('risk_annual_reports as r')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    // The latest submitted version (2, 3… after corrections): platform/submissions keeps the versions.
    .leftJoin('submissions as sv', (j) => j.onRef('sv.enterprise_id', '=', 'r.enterprise_id').on('sv.kind', '=', 'risk.annual').on('sv.subject_key', '=', String(year)))
    .select(['r.enterprise_id', 'r.status', 'r.confirmed_at', 'r.submitted_at', 'u.display_name as submitted_by_name', 'sv.submitted_version'])
    .where('r.year', '=', year).where('r.enterprise_id', 'in', [...enterpriseIds]).where(enterpriseInScope(scope, 'r.enterprise_id'))
    .execute();
}

// ---- the subdistrict's aggregate ----

/**
 * A condition that the subdistrict in `column` lies in the scope: its own for a subdistrict officer, every one of the
 * district for the district and its departments; none for an enterprise or an institution.
 */
function subdistrictInScope(scope: Scope, column: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  switch (scope.kind) {
    case 'district': return sql<SqlBool>`${ref} in (select id from subdistricts where district_id = ${scope.districtId})`;
    case 'subdistrict': return sql<SqlBool>`${ref} = ${scope.subdistrictId}`;
    case 'department': return sql<SqlBool>`${ref} in (select s.id from subdistricts s join departments d on d.district_id = s.district_id where d.id = ${scope.departmentId})`;
    case 'enterprise': case 'institution': return sql<SqlBool>`false`;
  }
}

/** Every operating enterprise of a subdistrict in scope with its report status and, when submitted, the locked figures. */
export async function loadSubdistrictFacts(db: Executor, scope: Scope, subdistrictId: string, year: number): Promise<EnterpriseReportFacts[]> {
  const rows = await db.selectFrom('enterprises as e')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .leftJoin('risk_annual_reports as r', (j) => j.onRef('r.enterprise_id', '=', 'e.id').on('r.year', '=', year))
    .select(['e.id', 'e.name', 'e.credit_code', 'e.industry_code', 'i.name as industry_name', 'r.status', 'r.submitted_at',
      // Only the parts the aggregate needs, not the whole risk list of every enterprise.
      sql<PointFigures | null>`case when r.status = 'submitted' then r.snapshot->'data'->'totals' end`.as('totals'),
      sql<Grade1Item[] | null>`case when r.status = 'submitted' then r.snapshot->'data'->'grade1' end`.as('grade1')])
    .where('e.subdistrict_id', '=', subdistrictId).where('e.status', '<>', 'closed')
    .where(enterpriseRowInScope(scope, 'e'))
    .execute();
  return rows.map((r) => ({
    enterpriseId: r.id, enterpriseName: r.name, creditCode: r.credit_code, industryCode: r.industry_code, industryName: r.industry_name,
    status: (r.status ?? 'none') as ReportStatus, submittedAt: r.submitted_at, totals: r.totals, grade1: r.grade1 ?? [],
  }));
}

export async function findSubdistrictReport(db: Executor, scope: Scope, subdistrictId: string, year: number, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('subdistrict_risk_reports').selectAll().where('subdistrict_id', '=', subdistrictId).where('year', '=', year)
    .where(subdistrictInScope(scope, 'subdistrict_id'));
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}

/** A subdistrict in scope, with its name and district. */
export async function findSubdistrict(db: Executor, scope: Scope, subdistrictId: string) {
  return db.selectFrom('subdistricts').select(['id', 'name', 'district_id']).where('id', '=', subdistrictId)
    .where(subdistrictInScope(scope, 'id')).executeTakeFirstOrThrow();
}

/** Keeps the latest forwarded version where the lists read it; the versions themselves are the locked submissions. */
export async function saveSubdistrictReport(tx: Tx, scope: Scope, subdistrictId: string, year: number, v: { snapshot: SubdistrictAggregate; version: number; by: string; at: Date }): Promise<void> {
  const inScope = await tx.selectFrom('subdistricts').select('id').where('id', '=', subdistrictId).where(subdistrictInScope(scope, 'id')).executeTakeFirst();
  if (!inScope) throw notFound();
  const row = { snapshot: JSON.stringify(v.snapshot), version: v.version, forwarded_by: v.by, forwarded_at: v.at };
  await tx.insertInto('subdistrict_risk_reports').values({ subdistrict_id: subdistrictId, year, ...row })
    .onConflict((oc) => oc.columns(['subdistrict_id', 'year']).doUpdateSet(row)).execute();
}

/**
 * Forwarded aggregates (their latest version) the caller's scope reaches: the own subdistrict's, or every
 * subdistrict's of the district; `subdistrictId` narrows it to one.
 */
export async function listSubdistrictReports(db: Executor, scope: Scope, year: number, subdistrictId?: string) {
  let q = db.selectFrom('subdistrict_risk_reports as r')
    .innerJoin('subdistricts as s', 's.id', 'r.subdistrict_id')
    .leftJoin('users as u', 'u.id', 'r.forwarded_by')
    .select(['r.subdistrict_id', 's.name as subdistrict_name', 's.code', 'r.year', 'r.snapshot', 'r.version', 'r.forwarded_at', 'u.display_name as forwarded_by_name'])
    .where('r.year', '=', year);
  if (subdistrictId) q = q.where('r.subdistrict_id', '=', subdistrictId);
  switch (scope.kind) {
    case 'district': q = q.where('s.district_id', '=', scope.districtId); break;
    case 'subdistrict': q = q.where('r.subdistrict_id', '=', scope.subdistrictId); break;
    case 'department': q = q.where('s.district_id', '=', (eb) => eb.selectFrom('departments').select('district_id').where('id', '=', scope.departmentId)); break;
    case 'enterprise': case 'institution': return [];
  }
  return q.orderBy('s.code').execute();
}

/**
 * The forwarded versions of the subdistricts' aggregates for a year (kind `risk.subdistrict` of platform/submissions,
 * owned by the subdistrict), newest first: one query for every aggregate on the page.
 */
export async function listAggregateVersions(db: Executor, scope: Scope, kind: string, year: number, subdistrictIds: string[]) {
  if (subdistrictIds.length === 0) return [];
  return db.selectFrom('submission_versions as v')
    .leftJoin('users as u', 'u.id', 'v.submitted_by')
    .select(['v.enterprise_id as subdistrict_id', 'v.version', 'v.submitted_at', 'v.snapshot_sha256', 'u.display_name as submitted_by_name'])
    .where('v.kind', '=', kind).where('v.subject_key', '=', String(year)).where('v.enterprise_id', 'in', subdistrictIds).where('v.status', '=', 'submitted')
    .where(subdistrictInScope(scope, 'v.enterprise_id'))
    .orderBy('v.enterprise_id').orderBy('v.version', 'desc').execute();
}

/** The industries a department supervises ("三个必须"), read for the department itself. */
export async function departmentIndustries(db: Executor, scope: Extract<Scope, { kind: 'department' }>): Promise<Set<string>> {
  const rows = await db.selectFrom('department_industries').select('industry_code').where('department_id', '=', scope.departmentId).execute();
  return new Set(rows.map((r) => r.industry_code));
}

// ---- reminders (the jobs, which work for no user: `systemScope`) ----

/**
 * R-RISK-6: one reminder for each safety manager of every operating enterprise with active points due for
 * re-assessment by `horizon`, with how many are due from `today` on and how many are overdue (`days`: the notice
 * period the message names). Returns how many it wrote.
 */
export async function insertReassessReminders(db: Executor, scope: SystemScope, today: string, horizon: string, days: number): Promise<number> {
  const due = db.selectFrom('risk_points as r')
    .select((eb) => [
      'r.enterprise_id',
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '>=', today).as('due_soon'),
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '<', today).as('overdue'),
    ])
    .where('r.status', '=', 'active').where('r.reassess_due', '<=', horizon)
    .where(enterpriseInScope(scope, 'r.enterprise_id'))
    .groupBy('r.enterprise_id');
  const result = await db.insertInto('outbox').columns(['topic', 'payload']).expression(
    db.selectFrom(due.as('d'))
      .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
      .innerJoin('users as u', 'u.enterprise_id', 'e.id')
      .select([
        sql<string>`'notify'`.as('topic'),
        sql<string>`jsonb_build_object('userId', u.id, 'kind', 'risk', 'titleKey', 'notify.riskReport.reassessReminder.title',
          'bodyKey', 'notify.riskReport.reassessReminder.body', 'link', '/risk?flag=overdue',
          'params', jsonb_build_object('enterprise', e.name, 'dueSoon', d.due_soon, 'overdue', d.overdue, 'days', ${days}::integer))`.as('payload'),
      ])
      .where('u.role', '=', 'safety_manager').where('u.disabled', '=', false)
      .where('e.status', '<>', 'closed'),
  ).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
