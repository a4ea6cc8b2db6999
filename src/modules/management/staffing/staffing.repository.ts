import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SafetyEngineerSpecialty } from '../../../platform/db/schema';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, enterpriseRowInScope, regulatedEnterprises, requireInScope, type AnyScope } from '../../../platform/db/scope';
import type { StaffingRules } from './staffing.rules';
import type { StaffingOverviewQuery } from './staffing.schema';

/*
 * R-TEAM-1/2, issue 12 §1: the enterprise's safety department, safety staff, registered safety engineers and outsourced
 * safety-management engagements (migration 0091). Every read is filtered by the caller's scope; a row of another
 * enterprise is "not found".
 */

export type DepartmentRow = { name: string; document_no: string; established_on: string | null; note: string; version: number };
export type StaffRow = {
  id: string; employee_id: string; employee_name: string; org_unit_name: string; employee_status: 'active' | 'left'; kind: 'full_time' | 'part_time';
  appointment_no: string; appointed_on: string | null; duties: string; version: number;
};
export type EngineerRow = {
  id: string; employee_id: string; employee_name: string; org_unit_name: string; employee_status: 'active' | 'left'; certificate_no: string;
  specialty: SafetyEngineerSpecialty; valid_until: string; version: number;
};
export type EngagementRow = { id: string; institution_name: string; services: string; contract_no: string; starts_on: string; ends_on: string | null; version: number };

/** The enterprise's industry and declared figures, and the roster's active headcount (every employment form). */
export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').innerJoin('industries as i', 'i.code', 'e.industry_code')
    .select([
      'e.id', 'e.name', 'e.industry_code', 'i.name as industry_name', 'e.hazardous_goods_carrier', 'e.employee_count', 'e.status',
      sql<number>`(select count(*)::int from employees em where em.enterprise_id = e.id and em.status = 'active')`.as('headcount'),
    ])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

export async function departmentOf(db: Executor, scope: AnyScope, enterpriseId: string, opts: { lock?: boolean } = {}): Promise<DepartmentRow | undefined> {
  let q = db.selectFrom('safety_departments as d')
    .select(['d.name', 'd.document_no', sql<string | null>`d.established_on::text`.as('established_on'), 'd.note', 'd.version'])
    .where('d.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'd.enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

function staffQuery(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('safety_staff as s')
    .innerJoin('employees as em', (j) => j.onRef('em.enterprise_id', '=', 's.enterprise_id').onRef('em.id', '=', 's.employee_id'))
    .innerJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'em.enterprise_id').onRef('ou.id', '=', 'em.org_unit_id'))
    .select([
      's.id', 's.employee_id', 'em.name as employee_name', 'ou.name as org_unit_name', 'em.status as employee_status', 's.kind', 's.appointment_no',
      sql<string | null>`s.appointed_on::text`.as('appointed_on'), 's.duties', 's.version',
    ])
    .where('s.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 's.enterprise_id'));
}

export async function staffOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<StaffRow[]> {
  return staffQuery(db, scope, enterpriseId).orderBy('s.kind').orderBy('em.name').orderBy('s.id').execute();
}

export async function findStaff(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<StaffRow | undefined> {
  let q = staffQuery(db, scope, enterpriseId).where('s.id', '=', id);
  if (opts.lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

function engineerQuery(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('safety_engineers as g')
    .innerJoin('employees as em', (j) => j.onRef('em.enterprise_id', '=', 'g.enterprise_id').onRef('em.id', '=', 'g.employee_id'))
    .innerJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'em.enterprise_id').onRef('ou.id', '=', 'em.org_unit_id'))
    .select([
      'g.id', 'g.employee_id', 'em.name as employee_name', 'ou.name as org_unit_name', 'em.status as employee_status', 'g.certificate_no', 'g.specialty',
      sql<string>`g.valid_until::text`.as('valid_until'), 'g.version',
    ])
    .where('g.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'g.enterprise_id'));
}

export async function engineersOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<EngineerRow[]> {
  return engineerQuery(db, scope, enterpriseId).orderBy('em.name').orderBy('g.id').execute();
}

export async function findEngineer(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<EngineerRow | undefined> {
  let q = engineerQuery(db, scope, enterpriseId).where('g.id', '=', id);
  if (opts.lock) q = q.forUpdate('g');
  return q.executeTakeFirst();
}

function engagementQuery(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('safety_service_engagements as x')
    .select([
      'x.id', 'x.institution_name', 'x.services', 'x.contract_no', sql<string>`x.starts_on::text`.as('starts_on'),
      sql<string | null>`x.ends_on::text`.as('ends_on'), 'x.version',
    ])
    .where('x.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'x.enterprise_id'));
}

export async function engagementsOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<EngagementRow[]> {
  return engagementQuery(db, scope, enterpriseId).orderBy('x.starts_on', 'desc').orderBy('x.id').execute();
}

export async function findEngagement(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<EngagementRow | undefined> {
  let q = engagementQuery(db, scope, enterpriseId).where('x.id', '=', id);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** An employee of the enterprise's roster, with whether he is still active; undefined when not on it. */
export async function rosterEmployee(db: Executor, enterpriseId: string, employeeId: string) {
  return db.selectFrom('employees').select(['id', 'name', 'status']).where('enterprise_id', '=', enterpriseId).where('id', '=', employeeId).executeTakeFirst();
}

export async function upsertDepartment(tx: Tx, scope: AnyScope, enterpriseId: string, row: { name: string; document_no: string; established_on: string | null; note: string }, now: Date) {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('safety_departments').values({ enterprise_id: enterpriseId, ...row, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('enterprise_id').doUpdateSet((eb) => ({ ...row, updated_at: now, version: eb('safety_departments.version', '+', 1) })))
    .execute();
}

export async function deleteDepartment(tx: Tx, enterpriseId: string): Promise<void> {
  await tx.deleteFrom('safety_departments').where('enterprise_id', '=', enterpriseId).execute();
}

export type StaffColumns = { kind: 'full_time' | 'part_time'; appointment_no: string; appointed_on: string | null; duties: string };
export async function insertStaff(tx: Tx, scope: AnyScope, enterpriseId: string, employeeId: string, row: StaffColumns, now: Date): Promise<string | null> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_staff').values({ enterprise_id: enterpriseId, employee_id: employeeId, ...row, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'employee_id']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateStaff(tx: Tx, enterpriseId: string, id: string, version: number, row: StaffColumns, now: Date): Promise<boolean> {
  return !!(await tx.updateTable('safety_staff').set({ ...row, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst());
}

export type EngineerColumns = { certificate_no: string; specialty: SafetyEngineerSpecialty; valid_until: string };
export async function insertEngineer(tx: Tx, scope: AnyScope, enterpriseId: string, employeeId: string, row: EngineerColumns, now: Date): Promise<string | null> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_engineers').values({ enterprise_id: enterpriseId, employee_id: employeeId, ...row, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'employee_id']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateEngineer(tx: Tx, enterpriseId: string, id: string, version: number, row: EngineerColumns, now: Date): Promise<boolean> {
  return !!(await tx.updateTable('safety_engineers').set({ ...row, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst());
}

/** Another engineer of the enterprise holding this certificate number. */
export async function certificateTaken(db: Executor, enterpriseId: string, certificateNo: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('safety_engineers').select('id').where('enterprise_id', '=', enterpriseId).where('certificate_no', '=', certificateNo);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export type EngagementColumns = { institution_name: string; services: string; contract_no: string; starts_on: string; ends_on: string | null };
export async function insertEngagement(tx: Tx, scope: AnyScope, enterpriseId: string, row: EngagementColumns, now: Date): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const r = await tx.insertInto('safety_service_engagements').values({ enterprise_id: enterpriseId, ...row, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEngagement(tx: Tx, enterpriseId: string, id: string, version: number, row: EngagementColumns, now: Date): Promise<boolean> {
  return !!(await tx.updateTable('safety_service_engagements').set({ ...row, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst());
}

type ItemTable = 'safety_staff' | 'safety_engineers' | 'safety_service_engagements';
export async function deleteItem(tx: Tx, table: ItemTable, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom(table).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

export type OverviewRow = {
  id: string; name: string; credit_code: string; industry_code: string; hazardous_goods_carrier: boolean; employee_count: number;
  subdistrict_name: string; industry_name: string; headcount: number; department: boolean; full_time: number; part_time: number; engineers: number;
  compliant: boolean; total: number; all_n: number; ok_n: number;
};

const codes = (list: readonly string[]) => sql`${sql.val([...list])}::text[]`;
const bp = (percent: number) => Math.round(percent * 100);

/**
 * R-TEAM-1/2 in SQL, for the regulators' list (filter, count, page): the same decision as checkStaffing
 * (staffing.rules.ts) over the columns of `f`; test/staffing.test.ts holds the two to agreement.
 */
export function compliantSql(r: StaffingRules) {
  const er = r.engineerRatio;
  const ft = r.fullTimeRatio;
  const staff = sql`(f.full_time + f.part_time)`;
  const team = sql`(f.industry_code = any(${codes(r.teamIndustries)}) or (${r.carriersNeedTeam}::boolean and f.hazardous_goods_carrier) or f.headcount > ${r.sizeThreshold}::int)`;
  const teamOk = sql`(case when ${team} then f.department or f.full_time > 0 else ${staff} > 0 end)`;
  const fullTimeReq = sql`(case when f.industry_code = any(${codes(ft.industries)}) then (case when f.headcount < ${ft.smallHeadcountBelow}::int then ${ft.minimumWhenSmall}::int
    else (f.headcount * ${bp(ft.percentOfHeadcount)}::int + 9999) / 10000 end) else 0 end)`;
  const engineerReq = sql`greatest(case when f.industry_code = any(${codes(r.engineerMandatoryIndustries)}) then 1 else 0 end,
    case when f.industry_code = any(${codes(er.industries)}) and f.headcount >= ${er.minHeadcount}::int
      then (case when ${staff} <= ${er.smallStaffMax}::int then ${er.minimumWhenSmall}::int else (${staff} * ${bp(er.percentOfSafetyStaff)}::int + 9999) / 10000 end) else 0 end)`;
  return sql<boolean>`(${teamOk} and f.full_time >= ${fullTimeReq} and f.engineers >= ${engineerReq})`;
}

/**
 * The facts R-TEAM-1/2 are decided on, one row per active enterprise matching `where` (over `e`): its roster headcount
 * (kept by the employees triggers, migration 0091), department, counted staff and valid engineers, with its names. The
 * regulators' staffing list and the management-system view both read it as `f` and decide with `compliantSql`.
 */
export function staffingFacts(where: readonly RawBuilder<SqlBool>[], today: string) {
  return sql`
      select e.id, e.name, e.credit_code, e.industry_code, e.hazardous_goods_carrier, e.employee_count, sd.name as subdistrict_name, i.name as industry_name,
        coalesce(h.active, 0) as headcount, (d.enterprise_id is not null) as department,
        coalesce(s.full_time, 0) as full_time, coalesce(s.part_time, 0) as part_time, coalesce(g.engineers, 0) as engineers
      from enterprises e
      join subdistricts sd on sd.id = e.subdistrict_id
      join industries i on i.code = e.industry_code
      left join staffing_headcounts h on h.enterprise_id = e.id
      left join safety_departments d on d.enterprise_id = e.id
      left join (
        select st.enterprise_id, (count(*) filter (where st.kind = 'full_time'))::int as full_time, (count(*) filter (where st.kind = 'part_time'))::int as part_time
        from safety_staff st where st.employee_active group by st.enterprise_id
      ) s on s.enterprise_id = e.id
      left join (
        select g.enterprise_id, count(*)::int as engineers from safety_engineers g
        where g.employee_active and g.valid_until >= ${today}::date group by g.enterprise_id
      ) g on g.enterprise_id = e.id
      where ${sql.join([...where], sql` and `)}`;
}

/**
 * The regulators' list: every active enterprise in scope with its roster headcount, department, counted staff and
 * valid engineers, and whether it complies; one query for the page and its counts (a second only when the page is
 * empty, for the counts). The headcount and the officers' "still employed" flags are the ones the employees triggers
 * keep (migration 0091), so no roster is counted here; the enterprise's own page counts its roster live.
 */
export async function overviewPage(db: Executor, scope: AnyScope, q: StaffingOverviewQuery, rules: StaffingRules, today: string) {
  const base = sql`
    with f as (${staffingFacts(regulatedEnterprises(scope, 'e', q), today)}), c as (
      select f.*, ${compliantSql(rules)} as compliant from f
    ), w as (
      select c.*, (count(*) over ())::int as all_n, (count(*) filter (where c.compliant) over ())::int as ok_n from c
    )`;
  const filter = q.compliant === 'yes' ? sql`where w.compliant` : q.compliant === 'no' ? sql`where not w.compliant` : sql``;
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const orderBy = q.sort === 'headcount' ? sql`w.headcount ${dir}, w.name ${dir}` : q.sort === 'subdistrict' ? sql`w.subdistrict_name ${dir}, w.name ${dir}` : sql`w.name ${dir}`;
  const rows = (await sql<OverviewRow>`${base}
    select w.*, (count(*) over ())::int as total from w ${filter}
    order by ${orderBy}, w.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db)).rows;
  if (rows.length) {
    const first = rows[0]!;
    return { rows, total: Number(first.total), counts: { total: Number(first.all_n), compliant: Number(first.ok_n) } };
  }
  const c = (await sql<{ all_n: number; ok_n: number; filtered: number }>`${base}
    select count(*)::int as all_n, (count(*) filter (where w.compliant))::int as ok_n,
      (count(*) filter (where ${q.compliant === 'yes' ? sql`w.compliant` : q.compliant === 'no' ? sql`not w.compliant` : sql`true`}))::int as filtered from w`.execute(db)).rows[0];
  return { rows, total: Number(c?.filtered ?? 0), counts: { total: Number(c?.all_n ?? 0), compliant: Number(c?.ok_n ?? 0) } };
}

/** The documents attached to the enterprise's organisation (without their bytes), by owner type and id. */
export async function organisationFiles(db: Executor, scope: AnyScope, enterpriseId: string, ownerTypes: readonly string[]) {
  return db.selectFrom('attachment_links as l')
    .innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['a.id', 'a.name', 'a.mime', 'a.size', 'l.owner_type', 'l.owner_id'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', 'in', [...ownerTypes]).where(enterpriseInScope(scope, 'l.enterprise_id'))
    .orderBy('l.created_at').orderBy('a.id').execute();
}

/** The owner (type and id) a file of the organisation is attached to, or null. */
export async function ownerOfFile(db: Executor, scope: AnyScope, enterpriseId: string, fileId: string, ownerTypes: readonly string[]) {
  return (await db.selectFrom('attachment_links').select(['owner_type', 'owner_id'])
    .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', fileId).where('owner_type', 'in', [...ownerTypes])
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst()) ?? null;
}

/** The ids of the files attached to one record, for deleting them with it. */
export async function fileIdsOf(db: Executor, enterpriseId: string, ownerType: string, ownerId: string): Promise<string[]> {
  return (await db.selectFrom('attachment_links').select('attachment_id').where('enterprise_id', '=', enterpriseId)
    .where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).execute()).map((r) => r.attachment_id);
}
