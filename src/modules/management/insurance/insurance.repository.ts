import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { EmploymentForm } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, regulatedList, requireInScope, type AnyScope, type RegulatedFilters } from '../../../platform/db/scope';
import { COVERAGE_SORT, POLICY_SORT, type CoverageQuery, type PolicyListQuery } from './insurance.schema';

/*
 * R-INS-1, issue 12 §4: safety-liability policies (安责险), their insured people, and the work-injury coverage. A policy
 * belongs to the enterprise (its regulators and managers read it by scope) and to the insurer that wrote it (its staff
 * read their institution's policies by `institution_id`, whatever their scope: that is how they reach a policy before
 * the enterprise has confirmed it).
 */

export type PolicyRow = {
  enterprise_id: string; id: string; institution_id: string; institution_name: string; enterprise_name: string; policy_number: string;
  starts_on: string; ends_on: string; premium: string; premium_paid_by: 'unit' | 'staff'; status: 'pending' | 'confirmed';
  confirmed_at: Date | null; confirmed_by_name: string | null; created_by: string | null; created_at: Date; version: number; people: number;
};

function policies(db: Executor) {
  return db.selectFrom('liability_policies as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .innerJoin('institutions as ins', 'ins.id', 'p.institution_id')
    .leftJoin('users as cu', 'cu.id', 'p.confirmed_by')
    .select([
      'p.enterprise_id', 'p.id', 'p.institution_id', 'ins.name as institution_name', 'e.name as enterprise_name', 'p.policy_number',
      sql<string>`p.starts_on::text`.as('starts_on'), sql<string>`p.ends_on::text`.as('ends_on'), sql<string>`p.premium::text`.as('premium'),
      'p.premium_paid_by', 'p.status', 'p.confirmed_at', 'cu.display_name as confirmed_by_name', 'p.created_by', 'p.created_at', 'p.version',
      sql<number>`(select count(*)::int from liability_policy_people pp where pp.enterprise_id = p.enterprise_id and pp.policy_id = p.id)`.as('people'),
    ]);
}

/** A policy of the enterprise, if the enterprise lies in the caller's scope. */
export async function findPolicy(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<PolicyRow | undefined> {
  let q = policies(db).where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', id).where(enterpriseInScope(scope, 'p.enterprise_id'));
  if (opts.lock) q = q.forUpdate('p');
  return q.executeTakeFirst() as Promise<PolicyRow | undefined>;
}

/** A policy the institution wrote (its staff's door to their own policies, pending or confirmed). */
export async function findInstitutionPolicy(db: Executor, institutionId: string, id: string, opts: { lock?: boolean } = {}): Promise<PolicyRow | undefined> {
  let q = policies(db).where('p.institution_id', '=', institutionId).where('p.id', '=', id);
  if (opts.lock) q = q.forUpdate('p');
  return q.executeTakeFirst() as Promise<PolicyRow | undefined>;
}

/** The enterprise's policies, newest period first. */
export async function policiesOfEnterprise(db: Executor, scope: AnyScope, enterpriseId: string): Promise<PolicyRow[]> {
  return policies(db).where('p.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'p.enterprise_id'))
    .orderBy('p.starts_on', 'desc').orderBy('p.created_at', 'desc').limit(200).execute() as Promise<PolicyRow[]>;
}

/** The institution's policies, paged. */
export async function institutionPolicyPage(db: Executor, institutionId: string, q: PolicyListQuery) {
  const base = db.selectFrom('liability_policies as p').innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .where('p.institution_id', '=', institutionId);
  type QB = typeof base;
  const filters: FilterMap<QB, PolicyListQuery> = {
    status: (qb, v) => qb.where('p.status', '=', v),
    q: (qb, v) => qb.where(searchWhere(v, ['e.name', 'p.policy_number', { column: 'e.credit_code', upper: true }])),
  };
  return listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.innerJoin('institutions as ins', 'ins.id', 'p.institution_id').select([
      'p.id', 'p.enterprise_id', 'e.name as enterprise_name', 'ins.name as institution_name', 'p.policy_number',
      sql<string>`p.starts_on::text`.as('starts_on'), sql<string>`p.ends_on::text`.as('ends_on'), sql<string>`p.premium::text`.as('premium'),
      'p.status', 'p.confirmed_at',
      sql<number>`(select count(*)::int from liability_policy_people pp where pp.enterprise_id = p.enterprise_id and pp.policy_id = p.id)`.as('people'),
    ]),
    sort: { map: POLICY_SORT, key: q.sort, order: q.order, tiebreak: ['p.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}

export type InsuredRow = { employee_id: string; name: string; employment_form: EmploymentForm; cover: string; active: boolean };

/** The insured people of policies of one enterprise, by policy. */
export async function peopleOf(db: Executor, enterpriseId: string, policyIds: readonly string[]): Promise<Map<string, InsuredRow[]>> {
  const out = new Map<string, InsuredRow[]>(policyIds.map((id) => [id, []]));
  if (!policyIds.length) return out;
  const rows = await db.selectFrom('liability_policy_people as pp')
    .innerJoin('employees as em', (j) => j.onRef('em.enterprise_id', '=', 'pp.enterprise_id').onRef('em.id', '=', 'pp.employee_id'))
    .select(['pp.policy_id', 'pp.employee_id', 'em.name', 'em.employment_form', sql<string>`pp.cover::text`.as('cover'), sql<boolean>`em.status = 'active'`.as('active')])
    .where('pp.enterprise_id', '=', enterpriseId).where('pp.policy_id', 'in', [...policyIds]).orderBy('em.name').orderBy('em.id').execute();
  for (const r of rows) out.get(r.policy_id)?.push({ employee_id: r.employee_id, name: r.name, employment_form: r.employment_form, cover: r.cover, active: r.active });
  return out;
}

export type RosterRow = { id: string; name: string; employment_form: EmploymentForm; unit_name: string; id_number_masked: string };

/**
 * The enterprise's active employees of every employment form (R-INS-1: all of them are insured), with their unit. The
 * caller has decided access: its managers and regulators by scope, an insurer through its pending policy.
 */
export async function activeRoster(db: Executor, enterpriseId: string): Promise<RosterRow[]> {
  return db.selectFrom('employees as em')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'em.enterprise_id').onRef('u.id', '=', 'em.org_unit_id'))
    .select(['em.id', 'em.name', 'em.employment_form', 'u.name as unit_name', 'em.id_number_masked'])
    .where('em.enterprise_id', '=', enterpriseId).where('em.status', '=', 'active').orderBy('u.path').orderBy('em.name').orderBy('em.id').execute();
}

/** Which of these ids are active employees of the enterprise. */
export async function activeEmployeeIds(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.id));
}

/** An enterprise of the district by its unified social credit code, exactly (the insurer's way to find whom it insures). */
export async function enterpriseByCreditCode(db: Executor, districtId: string, creditCode: string) {
  return db.selectFrom('enterprises as e')
    .innerJoin('subdistricts as sd', 'sd.id', 'e.subdistrict_id').innerJoin('industries as i', 'i.code', 'e.industry_code')
    .select(['e.id', 'e.name', 'e.credit_code', 'e.industry_code', 'e.status', 'i.name as industry_name', 'sd.name as subdistrict_name'])
    .where('e.district_id', '=', districtId).where('e.credit_code', '=', creditCode).executeTakeFirst();
}

/** The enterprise's facts the checks read: name, industry, status. */
export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.industry_code', 'e.status', 'e.district_id'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

/** The first district (institutions belong to no district: they read the first one, as reference data does). */
export async function firstDistrictId(db: Executor): Promise<string | null> {
  return (await db.selectFrom('districts').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id ?? null;
}

export type PolicyColumns = { policy_number: string; starts_on: string; ends_on: string; premium: string; premium_paid_by: 'unit' | 'staff' };

export async function insertPolicy(tx: Tx, enterpriseId: string, row: PolicyColumns & { institution_id: string; created_by: string; now: Date }): Promise<string> {
  const { now, ...values } = row;
  const r = await tx.insertInto('liability_policies').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePendingPolicy(tx: Tx, enterpriseId: string, id: string, version: number, set: PolicyColumns, now: Date): Promise<boolean> {
  const r = await tx.updateTable('liability_policies').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'pending').where('version', '=', version)
    .returning('id').executeTakeFirst();
  return !!r;
}

/** Replaces the insured people of a pending policy. */
export async function replacePeople(tx: Tx, enterpriseId: string, policyId: string, people: readonly { employeeId: string; cover: string }[]): Promise<void> {
  await tx.deleteFrom('liability_policy_people').where('enterprise_id', '=', enterpriseId).where('policy_id', '=', policyId).execute();
  for (let i = 0; i < people.length; i += 1000) {
    await tx.insertInto('liability_policy_people')
      .values(people.slice(i, i + 1000).map((p) => ({ enterprise_id: enterpriseId, policy_id: policyId, employee_id: p.employeeId, cover: p.cover })))
      .execute();
  }
}

export async function markConfirmed(tx: Tx, enterpriseId: string, id: string, by: string | null, inForce: boolean, now: Date): Promise<void> {
  await tx.updateTable('liability_policies')
    .set((eb) => ({ status: 'confirmed', confirmed_by: by, confirmed_at: now, in_force: inForce, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'pending').execute();
}

/**
 * Sets each policy's in-force flag (the insurer's scope, src/platform/db/scope.ts) for the day: confirmed and its
 * period holding the day. Returns how many flags changed.
 */
export async function refreshInForce(db: Executor, day: string): Promise<number> {
  const r = await db.updateTable('liability_policies')
    .set({ in_force: sql<boolean>`(status = 'confirmed' and starts_on <= ${day}::date and ends_on >= ${day}::date)` })
    .where(sql<SqlBool>`in_force is distinct from (status = 'confirmed' and starts_on <= ${day}::date and ends_on >= ${day}::date)`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The enterprise's confirmed policies whose period ends between these days (renewals a new policy fulfils). */
export async function confirmedEndingBetween(tx: Executor, enterpriseId: string, fromDay: string, toDay: string): Promise<{ id: string; ends_on: string }[]> {
  return tx.selectFrom('liability_policies').select(['id', sql<string>`ends_on::text`.as('ends_on')])
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'confirmed')
    .where('ends_on', '>=', fromDay).where('ends_on', '<=', toDay).execute();
}

/** A confirmed policy of the enterprise, other than `exceptId`, whose period holds the day. */
export async function confirmedCovering(tx: Executor, enterpriseId: string, day: string, exceptId: string): Promise<string | null> {
  const r = await tx.selectFrom('liability_policies').select('id')
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'confirmed').where('id', '<>', exceptId)
    .where('starts_on', '<=', day).where('ends_on', '>=', day).orderBy('starts_on').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

/** The employees recorded as covered by work-injury insurance. */
export async function workInjuryCovered(db: Executor, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('work_injury_coverage').select('employee_id')
    .where('enterprise_id', '=', enterpriseId).where('covered', '=', true).execute();
  return new Set(rows.map((r) => r.employee_id));
}

export async function workInjuryOf(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<Map<string, boolean>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('work_injury_coverage').select(['employee_id', 'covered'])
    .where('enterprise_id', '=', enterpriseId).where('employee_id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.employee_id, r.covered]));
}

export async function upsertWorkInjury(tx: Tx, scope: AnyScope, enterpriseId: string, items: readonly { employeeId: string; covered: boolean }[], by: string, now: Date) {
  await requireInScope(tx, scope, enterpriseId);
  for (let i = 0; i < items.length; i += 1000) {
    await tx.insertInto('work_injury_coverage')
      .values(items.slice(i, i + 1000).map((x) => ({ enterprise_id: enterpriseId, employee_id: x.employeeId, covered: x.covered, updated_by: by, updated_at: now })))
      .onConflict((oc) => oc.columns(['enterprise_id', 'employee_id']).doUpdateSet((eb) => ({
        covered: eb.ref('excluded.covered'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
}

/** Pending policies of the enterprise (the managers' workbench). */
export async function pendingCount(db: Executor, enterpriseId: string): Promise<number> {
  const r = await db.selectFrom('liability_policies').select(sql<number>`count(*)::int`.as('n'))
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

type CoverageAt = { industries: readonly string[]; minCover: string; day: string };

/**
 * R-INS-1, the regulators' coverage list: the active enterprises in scope whose industry must hold 安责险, each with
 * its current policy (confirmed, period holding the day; the latest started), its active employees and how many the
 * policy does not name, and whether the policy passes the check (everyone, same cover, ≥ minimum, unit pays).
 */
function coverageBase(db: Executor, scope: AnyScope, at: CoverageAt, f: RegulatedFilters) {
  return regulatedList(db, scope, f)
    .leftJoinLateral((eb) => eb.selectFrom('liability_policies as p').innerJoin('institutions as ins', 'ins.id', 'p.institution_id')
      .select(['p.id', 'p.policy_number', 'p.premium_paid_by', 'ins.name as institution_name', sql<string>`p.ends_on::text`.as('ends_on')])
      .whereRef('p.enterprise_id', '=', 'e.id').where('p.status', '=', 'confirmed')
      .where('p.starts_on', '<=', at.day).where('p.ends_on', '>=', at.day)
      .orderBy('p.starts_on', 'desc').orderBy('p.confirmed_at', 'desc').limit(1).as('cur'), (j) => j.onTrue())
    .leftJoinLateral((eb) => eb.selectFrom('employees as em')
      .select([
        sql<number>`count(*)::int`.as('employees'),
        sql<number>`count(*) filter (where not exists (select 1 from liability_policy_people pp
          where pp.enterprise_id = em.enterprise_id and pp.policy_id = cur.id and pp.employee_id = em.id))::int`.as('uninsured'),
      ])
      .whereRef('em.enterprise_id', '=', 'e.id').where('em.status', '=', 'active').as('st'), (j) => j.onTrue())
    .leftJoinLateral((eb) => eb.selectFrom('liability_policy_people as pp')
      .select([sql<string | null>`min(pp.cover)::text`.as('min_cover'), sql<string | null>`max(pp.cover)::text`.as('max_cover')])
      .whereRef('pp.enterprise_id', '=', 'e.id').whereRef('pp.policy_id', '=', 'cur.id').as('cv'), (j) => j.onTrue())
    .where(at.industries.length ? sql<SqlBool>`e.industry_code = any(${sql.val([...at.industries])}::text[])` : sql<SqlBool>`false`);
}

/** The SQL of "the current policy passes R-INS-1" over the coverage query's joins. */
function compliantSql(minCover: string) {
  return sql<SqlBool>`(cur.id is not null and st.uninsured = 0 and cur.premium_paid_by = 'unit'
    and (cv.min_cover is null or (cv.min_cover::numeric = cv.max_cover::numeric and cv.min_cover::numeric >= ${minCover}::numeric)))`;
}

export async function coveragePage(db: Executor, scope: AnyScope, q: CoverageQuery, at: CoverageAt) {
  const base = coverageBase(db, scope, at, q);
  const compliant = compliantSql(at.minCover);
  type QB = typeof base;
  const filters: FilterMap<QB, CoverageQuery> = {
    status: (qb, v) => qb.where({
      missing: sql<SqlBool>`cur.id is null`, compliant, failing: sql<SqlBool>`not ${compliant}`, noncompliant: sql<SqlBool>`(cur.id is not null and not ${compliant})`,
    }[v]),
  };
  // One query counts the list's groups; the page's total is read from them, so the whole list is two queries.
  const countsQuery = applyFilters(base, { ...filters, status: undefined }, q).select([
    sql<number>`count(*)::int`.as('total'),
    sql<number>`count(*) filter (where cur.id is null)::int`.as('missing'),
    sql<number>`count(*) filter (where cur.id is not null and not ${compliant})::int`.as('noncompliant'),
  ]);
  let counts: { total: number; missing: number; noncompliant: number } | null = null;
  const loadCounts = async () => {
    const c = await countsQuery.executeTakeFirstOrThrow();
    counts = { total: Number(c.total), missing: Number(c.missing), noncompliant: Number(c.noncompliant) };
    return counts;
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      'cur.id as policy_id', 'cur.policy_number', 'cur.institution_name', 'cur.ends_on', 'cur.premium_paid_by',
      sql<number>`coalesce(st.employees, 0)`.as('employees'), sql<number>`coalesce(st.uninsured, 0)`.as('uninsured'),
      'cv.min_cover', 'cv.max_cover',
    ]),
    sort: { map: COVERAGE_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize,
    count: async () => {
      const c = await loadCounts();
      if (!q.status) return c.total;
      if (q.status === 'missing') return c.missing;
      if (q.status === 'noncompliant') return c.noncompliant;
      if (q.status === 'failing') return c.missing + c.noncompliant;
      return c.total - c.missing - c.noncompliant;
    },
  });
  return { page, counts: counts ?? await loadCounts() };
}

/** How many mandatory active enterprises in scope lack a compliant current policy (the regulators' workbench). */
export async function notCompliantCount(db: Executor, scope: AnyScope, at: CoverageAt): Promise<number> {
  const r = await coverageBase(db, scope, at, {}).select(sql<number>`count(*) filter (where not ${compliantSql(at.minCover)})::int`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
