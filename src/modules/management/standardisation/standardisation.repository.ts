import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, enterpriseRowInScope, regulatedEnterprises, type AnyScope } from '../../../platform/db/scope';
import { LOCAL_OFFSET_SQL } from '../../../platform/time';
import { latestAcksSql, missingRulesSql } from '../documents/documents.repository';
import type { RequiredRule } from '../documents/documents.rules';
import { specialOverdueSql } from '../equipment/equipment.repository';
import type { Adjustment } from './standardisation.rules';
import type { OverviewQuery } from './standardisation.schema';

const LOCAL = sql.raw(LOCAL_OFFSET_SQL);

/** The records the prefills read for one enterprise and year, as of `today` (issue 13 §4). */
export type PrefillRow = {
  industry_code: string;
  headcount: number;
  principal_done: number; principal_due: number;
  fee_required: string | null; fee_accrued: string | null; budget_approved: boolean;
  laws_adopted: number; laws_linked: number;
  missing_rules: string[];
  acks_asked: number; acks_done: number;
  special_total: number; special_overdue: number;
  tasks_done: number; tasks_due: number;
  hazards_on_time: number; hazards_due: number;
  duty_review: boolean; rules_review: boolean; investment_check: boolean;
};

/**
 * One statement: every figure the SQL-side prefills need for one enterprise, each a scalar subquery on the indexes its
 * module's screens use (the benchmark asks ≤ 300 ms for one enterprise of the 10k data set). It reads the other
 * management modules' tables through their own SQL where they export it (documents, equipment), and the engine's
 * occurrences, the hazards and the check tasks directly: those modules' doors count for a caller's scope, not for a year.
 */
export async function prefillFacts(db: Executor, enterpriseId: string, at: { year: number; today: string; catalogue: readonly RequiredRule[] }): Promise<PrefillRow | undefined> {
  const from = `${at.year}-01-01`;
  const to = `${at.year}-12-31`;
  const r = await sql<PrefillRow>`
    select e.industry_code,
      (select count(*)::int from employees em where em.enterprise_id = e.id and em.status = 'active') as headcount,
      (select count(*) filter (where o.status in ('fulfilled', 'late_fulfilled'))::int from obligation_occurrences o
        where o.enterprise_id = e.id and o.owner = 'principal' and o.due_on between ${from}::date and ${to}::date
          and (o.due_on <= ${at.today}::date or o.status in ('fulfilled', 'late_fulfilled'))) as principal_done,
      (select count(*) filter (where o.status in ('fulfilled', 'late_fulfilled', 'overdue'))::int from obligation_occurrences o
        where o.enterprise_id = e.id and o.owner = 'principal' and o.due_on between ${from}::date and ${to}::date
          and (o.due_on <= ${at.today}::date or o.status in ('fulfilled', 'late_fulfilled'))) as principal_due,
      fy.required_accrual::text as fee_required, fy.accrued::text as fee_accrued,
      exists (select 1 from safety_budgets b where b.enterprise_id = e.id and b.year = ${at.year}::int and b.status = 'approved') as budget_approved,
      (select count(*)::int from enterprise_laws l where l.enterprise_id = e.id) as laws_adopted,
      (select count(*)::int from enterprise_laws l where l.enterprise_id = e.id
        and exists (select 1 from enterprise_law_documents d where d.enterprise_id = l.enterprise_id and d.law_id = l.law_id)) as laws_linked,
      ${missingRulesSql(at.catalogue, at.today)} as missing_rules,
      ak.asked as acks_asked, ak.acknowledged as acks_done,
      (select count(*)::int from equipment q where q.enterprise_id = e.id and q.special_type is not null and q.status <> 'retired') as special_total,
      (select count(*)::int from equipment q where q.enterprise_id = e.id and ${specialOverdueSql('q', at.today)}) as special_overdue,
      ct.done as tasks_done, ct.due as tasks_due,
      hz.on_time as hazards_on_time, hz.due as hazards_due,
      exists (select 1 from duty_reviews r where r.enterprise_id = e.id and r.year = ${at.year}::int) as duty_review,
      exists (select 1 from document_reviews r where r.enterprise_id = e.id and r.year = ${at.year}::int) as rules_review,
      exists (select 1 from safety_investment_checks c where c.enterprise_id = e.id and c.year = ${at.year}::int and c.signed_at is not null) as investment_check
    from enterprises e
    left join safety_fee_years fy on fy.enterprise_id = e.id and fy.year = ${at.year}::int
    cross join lateral (select count(*)::int as asked, count(a.acknowledged_at)::int as acknowledged from ${latestAcksSql()} a) ak
    cross join lateral (select count(*) filter (where t.status = 'done' and t.done_at <= t.due_at)::int as done, count(*)::int as due
      from check_tasks t where t.enterprise_id = e.id and t.status <> 'open'
        and (t.due_at at time zone ${LOCAL})::date between ${from}::date and least(${to}::date, ${at.today}::date)) ct
    cross join lateral (select count(*) filter (where h.status = 'closed' and (h.closed_at at time zone ${LOCAL})::date <= h.deadline)::int as on_time, count(*)::int as due
      from hazards h where h.enterprise_id = e.id and h.status <> 'voided' and h.deadline is not null
        and h.deadline between ${from}::date and ${to}::date and (h.deadline <= ${at.today}::date or h.status = 'closed')) hz
    where e.id = ${enterpriseId}`.execute(db);
  return r.rows[0];
}

// ---- the assessment's row and adjustments ----

export type AssessmentRow = {
  enterprise_id: string; year: number; id: string; status: 'draft' | 'confirmed' | 'submitted'; submitted_version: number | null;
  score: string | null; assessed_max: string | null; intended_grade: '1' | '2' | '3' | 'none' | null; signature_id: string | null;
  first_submitted_at: Date | null; submitted_at: Date | null;
};

export async function findAssessment(db: Executor, scope: AnyScope, enterpriseId: string, year: number, opts: { lock?: boolean } = {}): Promise<AssessmentRow | undefined> {
  let q = db.selectFrom('standardisation_assessments as s')
    .select(['s.enterprise_id', 's.year', 's.id', 's.status', 's.submitted_version', 's.intended_grade', 's.signature_id', 's.first_submitted_at', 's.submitted_at'])
    .select([sql<string | null>`s.score::text`.as('score'), sql<string | null>`s.assessed_max::text`.as('assessed_max')])
    .where('s.enterprise_id', '=', enterpriseId).where('s.year', '=', year).where(enterpriseInScope(scope, 's.enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The year's row, created as a draft when missing, under its row lock (every step of the workflow takes it first). */
export async function lockAssessment(tx: Tx, scope: AnyScope, enterpriseId: string, year: number, now: Date): Promise<{ row: AssessmentRow; created: boolean }> {
  const inserted = await tx.insertInto('standardisation_assessments').values({ enterprise_id: enterpriseId, year, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).returning('id').executeTakeFirst();
  const row = await findAssessment(tx, scope, enterpriseId, year, { lock: true });
  if (!row) throw new Error('standardisation assessment vanished under its lock');
  return { row, created: !!inserted };
}

export async function updateAssessment(tx: Tx, enterpriseId: string, year: number, set: {
  status?: AssessmentRow['status']; submitted_version?: number; score?: number | null; assessed_max?: number | null; intended_grade?: AssessmentRow['intended_grade'];
  signature_id?: string | null; first_submitted_at?: Date; submitted_at?: Date;
}, now: Date): Promise<void> {
  await tx.updateTable('standardisation_assessments').set({ ...set, updated_at: now }).where('enterprise_id', '=', enterpriseId).where('year', '=', year).execute();
}

export async function listAdjustments(db: Executor, enterpriseId: string, year: number): Promise<Adjustment[]> {
  const rows = await db.selectFrom('standardisation_adjustments as a').leftJoin('users as u', 'u.id', 'a.adjusted_by')
    .select(['a.element_code', 'a.reason', 'a.evidence_ids', 'a.adjusted_at', 'u.display_name']).select(sql<string>`a.score::text`.as('score'))
    .where('a.enterprise_id', '=', enterpriseId).where('a.year', '=', year).orderBy('a.element_code').execute();
  return rows.map((r) => ({
    code: r.element_code, score: Number(r.score), reason: r.reason, evidenceIds: r.evidence_ids, adjustedBy: r.display_name ?? null, adjustedAt: r.adjusted_at.toISOString(),
  }));
}

export async function upsertAdjustment(tx: Tx, enterpriseId: string, year: number, a: { code: string; score: number; reason: string; evidenceIds: string[] }, by: string, now: Date) {
  await tx.insertInto('standardisation_adjustments').values({
    enterprise_id: enterpriseId, year, element_code: a.code, score: a.score, reason: a.reason, evidence_ids: a.evidenceIds, adjusted_by: by, adjusted_at: now,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'year', 'element_code']).doUpdateSet({
    score: a.score, reason: a.reason, evidence_ids: a.evidenceIds, adjusted_by: by, adjusted_at: now,
  })).execute();
}

export async function deleteAdjustment(tx: Tx, enterpriseId: string, year: number, code: string): Promise<boolean> {
  const r = await tx.deleteFrom('standardisation_adjustments').where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('element_code', '=', code).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function enterpriseHeader(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.credit_code', 'e.industry_code', 'e.subdistrict_id', 'e.high_risk', 'e.above_scale', 'e.central_provincial'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

// ---- external reviews ----

export type ReviewRow = {
  id: string; review_body: string; reviewers: string; reviewed_on: string; passed: boolean; grade: '1' | '2' | '3' | null; certificate_no: string;
  valid_until: string | null; note: string; recorded_by_name: string | null; created_at: Date;
};

export async function listReviews(db: Executor, scope: AnyScope, enterpriseId: string): Promise<ReviewRow[]> {
  return db.selectFrom('standardisation_reviews as r').leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select(['r.id', 'r.review_body', 'r.reviewers', 'r.passed', 'r.grade', 'r.certificate_no', 'r.note', 'r.created_at', 'u.display_name as recorded_by_name'])
    .select([sql<string>`r.reviewed_on::text`.as('reviewed_on'), sql<string | null>`r.valid_until::text`.as('valid_until')])
    .where('r.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'r.enterprise_id'))
    .orderBy('r.reviewed_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

export async function insertReview(tx: Tx, enterpriseId: string, v: {
  review_body: string; reviewers: string; reviewed_on: string; passed: boolean; grade: '1' | '2' | '3' | null; certificate_no: string; valid_until: string | null; note: string;
}, by: string | null, now: Date): Promise<string> {
  const r = await tx.insertInto('standardisation_reviews').values({ enterprise_id: enterpriseId, ...v, recorded_by: by, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- facts and the regulators' list ----

/**
 * R-STD-1: the enterprises the district plan requires to self-assess (central/provincial enterprises, high-risk ones —
 * by their own flag or their industry's — and those above designated size), over `enterprises e` joined to `industries i`.
 */
export const requiredSql = sql<SqlBool>`(e.central_provincial or e.high_risk or coalesce(i.high_risk, false) or e.above_scale)`;

export type FactsRow = {
  enterprise_id: string; required: boolean; status: 'draft' | 'confirmed' | 'submitted' | null; submitted_version: number | null;
  score: string | null; intended_grade: string | null; awarded_grade: string | null; valid_until: string | null;
};

/** The facts of several enterprises at once (set-based): the year's assessment and the latest review in force at `today`. */
export async function factsRows(db: Executor, enterpriseIds: readonly string[], year: number, today: string): Promise<FactsRow[]> {
  if (enterpriseIds.length === 0) return [];
  const r = await sql<FactsRow>`
    select e.id as enterprise_id, ${requiredSql} as required, s.status, s.submitted_version, s.score::text as score, s.intended_grade,
      rv.grade as awarded_grade, rv.valid_until::text as valid_until
    from enterprises e join industries i on i.code = e.industry_code
    left join standardisation_assessments s on s.enterprise_id = e.id and s.year = ${year}::int
    left join lateral (select r.grade, r.valid_until from standardisation_reviews r where r.enterprise_id = e.id and r.passed and r.valid_until >= ${today}::date
      order by r.reviewed_on desc, r.created_at desc limit 1) rv on true
    where e.id = any(${sql.val([...enterpriseIds])}::uuid[])`.execute(db);
  return r.rows;
}

export type OverviewRow = {
  id: string; name: string; credit_code: string; subdistrict_name: string; industry_name: string; required: boolean;
  status: 'draft' | 'confirmed' | 'submitted' | null; submitted_version: number | null; score: string | null; intended_grade: string | null; submitted_at: Date | null;
  awarded_grade: string | null; valid_until: string | null; reviewed_on: string | null; review_body: string | null;
};

function overviewStatement(scope: AnyScope, q: OverviewQuery, year: number, today: string) {
  const where = [...regulatedEnterprises(scope, 'e', q)];
  if (q.required !== 'all') where.push(requiredSql);
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const orderBy = q.sort === 'score' ? sql`x.score ${dir} nulls last, x.name` : q.sort === 'submittedAt' ? sql`x.submitted_at ${dir} nulls last, x.name`
    : q.sort === 'validUntil' ? sql`x.valid_until ${dir} nulls last, x.name` : q.sort === 'subdistrict' ? sql`x.subdistrict_name ${dir}, x.name` : sql`x.name ${dir}`;
  const statusWhere = q.status === 'submitted' ? sql<SqlBool>`x.submitted_version is not null`
    : q.status === 'notSubmitted' ? sql<SqlBool>`x.submitted_version is null`
      : q.status === 'reviewed' ? sql<SqlBool>`x.awarded_grade is not null` : sql<SqlBool>`true`;
  return { where, orderBy, statusWhere, year, today };
}

/**
 * R-STD-1, the regulators' view: the enterprises in scope (by default those the plan requires), whether they submitted
 * this year's self-assessment (score, intended grade, when) and their latest external review in force; one statement
 * for the page with the counts over the whole filtered set.
 */
export async function overviewPage(db: Executor, scope: AnyScope, q: OverviewQuery, year: number, today: string, paging: { limit: number; offset: number }) {
  const s = overviewStatement(scope, q, year, today);
  const r = await sql<OverviewRow & { total: number; n_all: number; n_submitted: number; n_reviewed: number }>`
    with x as materialized (
      select e.id, e.name, e.credit_code, sd.name as subdistrict_name, i.name as industry_name, ${requiredSql} as required,
        s.status, s.submitted_version, s.score, s.intended_grade, s.submitted_at,
        rv.grade as awarded_grade, rv.valid_until, rv.reviewed_on, rv.review_body
      from enterprises e
      join subdistricts sd on sd.id = e.subdistrict_id
      join industries i on i.code = e.industry_code
      left join standardisation_assessments s on s.enterprise_id = e.id and s.year = ${year}::int
      left join lateral (select r.grade, r.valid_until, r.reviewed_on, r.review_body from standardisation_reviews r where r.enterprise_id = e.id and r.passed
        and r.valid_until >= ${today}::date order by r.reviewed_on desc, r.created_at desc limit 1) rv on true
      where ${sql.join(s.where, sql` and `)}
    ),
    c as (select count(*)::int as n_all, (count(*) filter (where x.submitted_version is not null))::int as n_submitted,
      (count(*) filter (where x.awarded_grade is not null))::int as n_reviewed, (count(*) filter (where ${s.statusWhere}))::int as total from x)
    select c.*, p.* from c left join lateral (
      select x.id, x.name, x.credit_code, x.subdistrict_name, x.industry_name, x.required, x.status, x.submitted_version, x.score::text as score,
        x.intended_grade, x.submitted_at, x.awarded_grade, x.valid_until::text as valid_until, x.reviewed_on::text as reviewed_on, x.review_body
      from x where ${s.statusWhere} order by ${s.orderBy}, x.id limit ${paging.limit} offset ${paging.offset}
    ) p on true`.execute(db);
  const first = r.rows[0]!;
  return {
    rows: r.rows.filter((x) => x.id !== null), total: Number(first.total),
    counts: { enterprises: Number(first.n_all), submitted: Number(first.n_submitted), notSubmitted: Number(first.n_all) - Number(first.n_submitted), reviewed: Number(first.n_reviewed) },
  };
}
