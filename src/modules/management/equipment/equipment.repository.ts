import { sql, type Selectable, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { EquipmentTable, RenovationProjectsTable } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, regulatedList, requireInScope, type AnyScope } from '../../../platform/db/scope';
import type { Scope } from '../../../platform/auth/actor';
import { riskPointVisibleTo } from '../../risk';
import { equipmentVisibleTo } from './equipment.policy';
import { EQUIPMENT_SORT, OVERVIEW_SORT, type EquipmentListQuery, type EquipmentOverviewQuery } from './equipment.schema';

/*
 * Issue 12 §5: the equipment register, its inspections and the renovation projects. The tables are this module's own
 * (migrations/0094_equipment.sql); risk points are read only through the risk module's visibility rule.
 */

type EquipmentFields = Selectable<EquipmentTable>;

export type EquipmentRow = EquipmentFields & { org_unit_name: string; risk_point_count: number };
export type EquipmentColumns = Omit<EquipmentFields, 'enterprise_id' | 'id' | 'created_by' | 'created_at' | 'updated_at' | 'version' | 'overdue_hazard_id' | 'overdue_hazard_due'>;

function equipmentRows(db: Executor) {
  return db.selectFrom('equipment as q')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'q.enterprise_id').onRef('u.id', '=', 'q.org_unit_id'))
    .select([
      'q.enterprise_id', 'q.id', 'q.code', 'q.name', 'q.type', 'q.model', 'q.org_unit_id', 'q.location', 'q.floor_plan_id', 'q.position', 'q.monitoring_measures',
      'q.special_type', 'q.registration_no', 'q.registration_cert_no', sql<string | null>`q.last_inspected_on::text`.as('last_inspected_on'),
      sql<string | null>`q.next_inspection_due::text`.as('next_inspection_due'), 'q.inspection_cert_no', 'q.obsolete_item', 'q.status', 'q.overdue_hazard_id',
      sql<string | null>`q.overdue_hazard_due::text`.as('overdue_hazard_due'), 'q.created_by', 'q.created_at', 'q.updated_at', 'q.version', 'u.name as org_unit_name',
      sql<number>`(select count(*)::int from equipment_risk_points l where l.enterprise_id = q.enterprise_id and l.equipment_id = q.id)`.as('risk_point_count'),
    ]);
}

export async function findEquipment(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<EquipmentRow | undefined> {
  let q = equipmentRows(db).where('q.enterprise_id', '=', enterpriseId).where('q.id', '=', id).where(equipmentVisibleTo(scope, 'q'));
  if (opts.lock) q = q.forUpdate('q');
  return q.executeTakeFirst() as Promise<EquipmentRow | undefined>;
}

/** The filtered list, one page, and the counts of the whole register in scope (not narrowed by the filters). */
export async function equipmentPage(db: Executor, scope: Scope, enterpriseId: string, q: EquipmentListQuery, at: { today: string; soonUntil: string }) {
  const base = db.selectFrom('equipment as q')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'q.enterprise_id').onRef('u.id', '=', 'q.org_unit_id'))
    .where('q.enterprise_id', '=', enterpriseId).where(equipmentVisibleTo(scope, 'q'));
  type QB = typeof base;
  const live = sql<SqlBool>`q.special_type is not null and q.status <> 'retired'`;
  const filters: FilterMap<QB, EquipmentListQuery> = {
    special: (qb, v) => qb.where(v === 'yes' ? sql<SqlBool>`q.special_type is not null` : sql<SqlBool>`q.special_type is null`),
    specialType: (qb, v) => qb.where('q.special_type', '=', v),
    inspection: (qb, v) => qb.where(live).where(v === 'overdue'
      ? sql<SqlBool>`q.next_inspection_due < ${at.today}::date`
      : sql<SqlBool>`q.next_inspection_due between ${at.today}::date and ${at.soonUntil}::date`),
    obsolete: (qb) => qb.where('q.obsolete_item', 'is not', null),
    orgUnitId: (qb, v) => qb.where('q.org_unit_id', '=', v),
    status: (qb, v) => qb.where('q.status', '=', v),
    q: (qb, v) => qb.where(searchWhere(v, ['q.code', 'q.name', 'q.type', 'q.model', 'q.registration_no'])),
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'q.id', 'q.code', 'q.name', 'q.type', 'q.model', 'q.org_unit_id', 'u.name as org_unit_name', 'q.location', 'q.status', 'q.special_type', 'q.registration_no',
      sql<string | null>`q.last_inspected_on::text`.as('last_inspected_on'), sql<string | null>`q.next_inspection_due::text`.as('next_inspection_due'),
      'q.obsolete_item', 'q.overdue_hazard_id', 'q.version',
      sql<number>`(select count(*)::int from equipment_risk_points l where l.enterprise_id = q.enterprise_id and l.equipment_id = q.id)`.as('risk_point_count'),
    ]),
    sort: { map: EQUIPMENT_SORT, key: q.sort, order: q.order, tiebreak: ['q.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const counts = await base.select([
    sql<number>`count(*)::int`.as('total'),
    sql<number>`(count(*) filter (where q.special_type is not null))::int`.as('special'),
    sql<number>`(count(*) filter (where ${live} and q.next_inspection_due < ${at.today}::date))::int`.as('overdue'),
    sql<number>`(count(*) filter (where ${live} and q.next_inspection_due between ${at.today}::date and ${at.soonUntil}::date))::int`.as('due_soon'),
    sql<number>`(count(*) filter (where q.obsolete_item is not null))::int`.as('obsolete'),
  ]).executeTakeFirstOrThrow();
  return { page, counts: { total: Number(counts.total), special: Number(counts.special), overdue: Number(counts.overdue), dueSoon: Number(counts.due_soon), obsolete: Number(counts.obsolete) } };
}

export async function insertEquipment(tx: Tx, scope: AnyScope, enterpriseId: string, row: EquipmentColumns & { created_by: string | null; now: Date }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, position, ...values } = row;
  const r = await tx.insertInto('equipment').values({
    enterprise_id: enterpriseId, ...values, position: position === null ? null : JSON.stringify(position), created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEquipmentRow(tx: Tx, enterpriseId: string, id: string, version: number, set: Partial<EquipmentColumns>, now: Date): Promise<boolean> {
  const { position, ...rest } = set;
  const json = position === undefined ? {} : { position: position === null ? null : JSON.stringify(position) };
  const r = await tx.updateTable('equipment').set({ ...rest, ...json, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

/** Whether a code is taken by another equipment of the enterprise (a duplicate is a 400 on the field). */
export async function codeTaken(db: Executor, enterpriseId: string, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('equipment').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The org unit, if it is the enterprise's and the caller sees it (a unit leader: his subtree). */
export async function findUnit(db: Executor, enterpriseId: string, unitId: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'path']).where('enterprise_id', '=', enterpriseId).where('id', '=', unitId).executeTakeFirst();
}

export async function floorPlanExists(db: Executor, enterpriseId: string, floorPlanId: string): Promise<boolean> {
  return !!(await db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', floorPlanId).executeTakeFirst());
}

/** The risk points named, as the caller sees them through the risk module's rule (the others are not returned). */
export async function visibleRiskPoints(db: Executor, scope: AnyScope, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('risk_points as r').select(['r.id', 'r.code', 'r.name', 'r.grade'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', 'in', [...ids]).where(scope.kind === 'system' ? sql<SqlBool>`true` : riskPointVisibleTo(scope, 'r'))
    .orderBy('r.code').execute();
}

/** The risk points linked to an equipment, those the caller sees. */
export async function linkedRiskPoints(db: Executor, scope: AnyScope, enterpriseId: string, equipmentId: string) {
  const ids = (await db.selectFrom('equipment_risk_points').select('risk_point_id').where('enterprise_id', '=', enterpriseId).where('equipment_id', '=', equipmentId).execute())
    .map((r) => r.risk_point_id);
  return visibleRiskPoints(db, scope, enterpriseId, ids);
}

export async function replaceRiskLinks(tx: Tx, enterpriseId: string, equipmentId: string, riskPointIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('equipment_risk_points').where('enterprise_id', '=', enterpriseId).where('equipment_id', '=', equipmentId).execute();
  if (!riskPointIds.length) return;
  await tx.insertInto('equipment_risk_points').values(riskPointIds.map((r) => ({ enterprise_id: enterpriseId, equipment_id: equipmentId, risk_point_id: r }))).execute();
}

export async function inspectionsOf(db: Executor, enterpriseId: string, equipmentId: string) {
  return db.selectFrom('equipment_inspections as i').leftJoin('users as u', 'u.id', 'i.recorded_by')
    .select(['i.id', sql<string>`i.inspected_on::text`.as('inspected_on'), sql<string>`i.next_due::text`.as('next_due'), 'i.result', 'i.inspector', 'i.certificate_no', 'i.note',
      'u.display_name as recorded_by_name', 'i.created_at'])
    .where('i.enterprise_id', '=', enterpriseId).where('i.equipment_id', '=', equipmentId).orderBy('i.inspected_on', 'desc').orderBy('i.created_at', 'desc').execute();
}

export async function insertInspection(tx: Tx, enterpriseId: string, row: {
  equipment_id: string; inspected_on: string; next_due: string; result: 'pass' | 'conditional' | 'fail'; inspector: string; certificate_no: string; note: string; recorded_by: string; now: Date;
}): Promise<string> {
  const { now, ...values } = row;
  return (await tx.insertInto('equipment_inspections').values({ enterprise_id: enterpriseId, ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setInspectionDates(tx: Tx, enterpriseId: string, id: string, set: { last_inspected_on: string; next_inspection_due: string; inspection_cert_no: string }, now: Date) {
  await tx.updateTable('equipment').set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

// ---- the daily job ----

/** Special equipment in use whose inspection was due before `today` and has no hazard for that due day yet. */
export async function overdueWithoutHazard(db: Executor, today: string, limit: number) {
  return db.selectFrom('equipment as q')
    .select(['q.enterprise_id', 'q.id'])
    .innerJoin('enterprises as e', 'e.id', 'q.enterprise_id')
    .where('e.status', '=', 'active')
    .where('q.special_type', 'is not', null).where('q.status', '<>', 'retired')
    .where(sql<SqlBool>`q.next_inspection_due < ${today}::date`)
    .where(sql<SqlBool>`q.overdue_hazard_due is distinct from q.next_inspection_due`)
    .orderBy('q.next_inspection_due').limit(limit).execute();
}

export async function markOverdueHazard(tx: Tx, enterpriseId: string, id: string, hazardId: string, due: string) {
  await tx.updateTable('equipment').set({ overdue_hazard_id: hazardId, overdue_hazard_due: due })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

// ---- renovation projects ----

export type RenovationRow = Selectable<RenovationProjectsTable>;

function renovations(db: Executor) {
  return db.selectFrom('renovation_projects as p').select([
    'p.enterprise_id', 'p.id', 'p.name', 'p.year', 'p.kind', sql<string>`p.investment::text`.as('investment'), 'p.people_reduced', 'p.status', 'p.note',
    'p.created_by', 'p.created_at', 'p.updated_at', 'p.version',
  ]);
}

export async function renovationsOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<RenovationRow[]> {
  return renovations(db).where('p.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'p.enterprise_id'))
    .orderBy('p.year', 'desc').orderBy('p.created_at', 'desc').execute() as Promise<RenovationRow[]>;
}

export async function findRenovation(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<RenovationRow | undefined> {
  let q = renovations(db).where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', id).where(enterpriseInScope(scope, 'p.enterprise_id'));
  if (opts.lock) q = q.forUpdate('p');
  return q.executeTakeFirst() as Promise<RenovationRow | undefined>;
}

export type RenovationColumns = { name: string; year: number; kind: 'mechanisation' | 'automation'; investment: string; people_reduced: number; status: 'planned' | 'in_progress' | 'completed'; note: string };

export async function insertRenovation(tx: Tx, scope: AnyScope, enterpriseId: string, row: RenovationColumns & { created_by: string | null; now: Date }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  return (await tx.insertInto('renovation_projects').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRenovationRow(tx: Tx, enterpriseId: string, id: string, version: number, set: Partial<RenovationColumns>, now: Date): Promise<boolean> {
  const r = await tx.updateTable('renovation_projects').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

// ---- the regulators' view ----

/** Special equipment in service whose periodic inspection was due before `today` (a row of equipment as `alias`). */
export function specialOverdueSql(alias: string, today: string) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<SqlBool>`(${col('special_type')} is not null and ${col('status')} <> 'retired' and ${col('next_inspection_due')} < ${today}::date)`;
}

/**
 * Issue 12 §5 and §7: the active enterprises in scope that keep special equipment or renovation projects, with their
 * special equipment overdue and due soon, obsolete-flagged items, and renovation count, investment and people reduced.
 * Two grouped subqueries joined to the enterprises: one statement for the page, one for the totals.
 */
export async function equipmentOverviewPage(db: Executor, scope: AnyScope, q: EquipmentOverviewQuery, at: { today: string; soonUntil: string }) {
  const overdue = specialOverdueSql('equipment', at.today);
  const eq = sql`(select enterprise_id,
      count(*) filter (where special_type is not null and status <> 'retired')::int as special,
      count(*) filter (where ${overdue})::int as overdue,
      count(*) filter (where special_type is not null and status <> 'retired' and next_inspection_due between ${at.today}::date and ${at.soonUntil}::date)::int as due_soon,
      (min(next_inspection_due) filter (where ${overdue}))::text as earliest_overdue,
      count(*) filter (where obsolete_item is not null and status <> 'retired')::int as obsolete
    from equipment group by enterprise_id)`;
  const rp = sql`(select enterprise_id, count(*)::int as renovations, sum(investment) as investment, sum(people_reduced)::int as people_reduced
    from renovation_projects group by enterprise_id)`;
  const base = regulatedList(db, scope, q)
    .leftJoin(eq.as('s'), (j) => j.onRef(sql.ref('s.enterprise_id') as never, '=', 'e.id'))
    .leftJoin(rp.as('r'), (j) => j.onRef(sql.ref('r.enterprise_id') as never, '=', 'e.id'))
    .where(sql<SqlBool>`(s.enterprise_id is not null or r.enterprise_id is not null)`);
  type QB = typeof base;
  const filters: FilterMap<QB, EquipmentOverviewQuery> = {
    overdue: (qb) => qb.where(sql<SqlBool>`s.overdue > 0`),
  };
  const filtered = applyFilters(base, filters, q);
  const page = await listPage(filtered, {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      sql<number>`coalesce(s.special, 0)`.as('special'), sql<number>`coalesce(s.overdue, 0)`.as('overdue'), sql<number>`coalesce(s.due_soon, 0)`.as('due_soon'),
      sql<string | null>`s.earliest_overdue`.as('earliest_overdue'), sql<number>`coalesce(s.obsolete, 0)`.as('obsolete'),
      sql<number>`coalesce(r.renovations, 0)`.as('renovations'), sql<string>`coalesce(r.investment, 0)::numeric(16, 2)::text`.as('investment'),
      sql<number>`coalesce(r.people_reduced, 0)`.as('people_reduced'),
    ]),
    sort: {
      map: OVERVIEW_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'],
    },
    page: q.page, pageSize: q.pageSize,
  });
  const totals = await filtered.select([
    sql<number>`count(*)::int`.as('enterprises'), sql<number>`(count(*) filter (where s.overdue > 0))::int`.as('with_overdue'),
    sql<number>`coalesce(sum(s.overdue), 0)::int`.as('overdue'), sql<number>`coalesce(sum(r.renovations), 0)::int`.as('renovations'),
    sql<string>`coalesce(sum(r.investment), 0)::numeric(16, 2)::text`.as('investment'), sql<number>`coalesce(sum(r.people_reduced), 0)::int`.as('people_reduced'),
  ]).executeTakeFirstOrThrow();
  return { page, totals };
}
