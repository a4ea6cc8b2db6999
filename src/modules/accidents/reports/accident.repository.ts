import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { AccidentEventOp, AccidentGrade, AccidentType, AccidentKind, OfficeKind } from '../../../platform/db/schema/accidents';
import { enterpriseInScope, type AnyScope } from '../../../platform/db/scope';
import { LOCAL_UTC_OFFSET_MINUTES } from '../../../platform/time';
import { postOfCardToken } from '../../risk';
import { accidentVisibleTo, officeRowsOf, type Viewer } from './accident.policy';
import type { StatDimension } from './accident.schema';

/** The district's emergency management department (应急管理局): it receives every accident report of its district. */
export const EMERGENCY_DEPARTMENT_CODE = 'YJJ';

const ACCIDENT_COLUMNS = [
  'a.enterprise_id', 'a.id', 'a.kind', 'a.accident_type', 'a.occurred_at', 'a.place', 'a.summary', 'a.deaths', 'a.missing', 'a.serious_injuries',
  'a.minor_injuries', 'a.direct_loss', 'a.grade', 'a.unit_head_informed_at', 'a.regulators_received_at', 'a.forward_level', 'a.forwarded_at',
  'a.version', 'a.source', 'a.reporter_name', 'a.reported_by', 'a.post_id', 'a.org_unit_id',
] as const;

function accidentsFrom(db: Executor) {
  return db.selectFrom('accidents as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('subdistricts as sd', 'sd.id', 'e.subdistrict_id').innerJoin('industries as i', 'i.code', 'e.industry_code');
}

/** One accident the viewer may see (by enterprise and id, or by id alone from a regulator's inbox), optionally locked. */
export async function findAccident(db: Executor, viewer: Viewer, enterpriseId: string | null, id: string, opts: { lock?: boolean } = {}) {
  let q = accidentsFrom(db)
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'a.enterprise_id').onRef('p.id', '=', 'a.post_id'))
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'a.enterprise_id').onRef('ou.id', '=', 'a.org_unit_id'))
    .leftJoin('users as rb', 'rb.id', 'a.reported_by')
    .select([...ACCIDENT_COLUMNS, 'e.name as enterprise_name', 'e.district_id', 'e.subdistrict_id', 'e.industry_code', 'sd.name as subdistrict_name',
      'i.name as industry_name', 'p.name as post_name', 'ou.name as org_unit_name', 'ou.path as org_unit_path', 'rb.display_name as reported_by_name'])
    .where('a.id', '=', id).where(accidentVisibleTo(viewer, 'a'));
  if (enterpriseId) q = q.where('a.enterprise_id', '=', enterpriseId);
  if (opts.lock) q = q.forUpdate('a');
  return q.executeTakeFirst();
}
export type AccidentRow = NonNullable<Awaited<ReturnType<typeof findAccident>>>;

export async function insertAccident(tx: Tx, scope: AnyScope, enterpriseId: string, v: {
  kind: AccidentKind; occurredAt: Date; place: string; summary: string; accidentType: AccidentType | null;
  deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; grade: AccidentGrade | null;
  unitHeadInformedAt: Date; reportedBy: string | null; postId: string | null; orgUnitId: string | null; source: 'app' | 'qr';
  reporterName: string; reporterPhone: string; rulesVersion: number; now: Date;
}): Promise<string> {
  const ok = await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).where(enterpriseInScope(scope, 'id')).executeTakeFirst();
  if (!ok) throw new Error('enterprise outside scope');
  const row = await tx.insertInto('accidents').values({
    enterprise_id: enterpriseId, kind: v.kind, occurred_at: v.occurredAt, place: v.place, summary: v.summary, accident_type: v.accidentType,
    deaths: v.deaths, missing: v.missing, serious_injuries: v.seriousInjuries, minor_injuries: v.minorInjuries, direct_loss: v.directLoss,
    grade: v.grade, unit_head_informed_at: v.unitHeadInformedAt, reported_by: v.reportedBy, post_id: v.postId, org_unit_id: v.orgUnitId,
    source: v.source, reporter_name: v.reporterName, reporter_phone: v.reporterPhone, rules_version: v.rulesVersion, created_at: v.now, updated_at: v.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEvent(tx: Tx, enterpriseId: string, accidentId: string, e: { op: AccidentEventOp; at: Date; actorId: string | null; note?: string; detail?: unknown }) {
  await tx.insertInto('accident_events').values({
    enterprise_id: enterpriseId, accident_id: accidentId, op: e.op, at: e.at, actor_id: e.actorId, note: e.note ?? '', detail: JSON.stringify(e.detail ?? {}),
  }).execute();
}

/** The unit an account belongs to: its employee record's unit (or a unit leader's own unit). */
export async function unitOfAccount(db: Executor, enterpriseId: string, userId: string) {
  return db.selectFrom('users as u')
    .leftJoin('employees as em', (j) => j.onRef('em.enterprise_id', '=', 'u.enterprise_id').onRef('em.id', '=', 'u.employee_id'))
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'u.enterprise_id').on(sql<SqlBool>`ou.id = coalesce(u.org_unit_id, em.org_unit_id)`))
    .select(['ou.id', 'ou.path']).where('u.id', '=', userId).where('u.enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export async function postOf(db: Executor, scope: AnyScope, enterpriseId: string, postId: string) {
  return db.selectFrom('posts as p').innerJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'p.enterprise_id').onRef('ou.id', '=', 'p.org_unit_id'))
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .select(['p.id', 'p.name', 'ou.id as org_unit_id', 'ou.name as org_unit_name', 'ou.path', 'e.name as enterprise_name'])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', postId).where(enterpriseInScope(scope, 'p.enterprise_id')).executeTakeFirst();
}

/**
 * The post a live risk-card token opens; unknown and revoked tokens look the same. The risk module owns the tokens
 * (it issues and revokes them), so this asks its door instead of reading its table; the public form calls it with
 * `systemScope`, the token being the only credential.
 */
export async function postByCardToken(db: Executor, scope: AnyScope, token: string) {
  const hit = await postOfCardToken(db, scope, token);
  return hit ? { enterprise_id: hit.enterpriseId, post_id: hit.postId } : undefined;
}

export async function updateAccident(tx: Tx, enterpriseId: string, id: string, set: Record<string, unknown>, now: Date) {
  await tx.updateTable('accidents').set({ ...set, version: sql<number>`version + 1`, updated_at: now }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

export async function listAccidentRows(db: Executor, viewer: Viewer, enterpriseId: string, q: { kind?: AccidentKind | undefined; from?: Date; before?: Date; order: 'asc' | 'desc'; page: number; pageSize: number; q?: string | undefined }) {
  let base = accidentsFrom(db).where('a.enterprise_id', '=', enterpriseId).where(accidentVisibleTo(viewer, 'a'));
  if (q.kind) base = base.where('a.kind', '=', q.kind);
  if (q.from) base = base.where('a.occurred_at', '>=', q.from);
  if (q.before) base = base.where('a.occurred_at', '<', q.before);
  if (q.q) base = base.where(sql<SqlBool>`(a.summary like ${`%${q.q}%`} or a.place like ${`%${q.q}%`})`);
  const [items, total] = await Promise.all([
    base.select([...ACCIDENT_COLUMNS, 'e.name as enterprise_name']).orderBy('a.occurred_at', q.order).orderBy('a.id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function recipientsOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_recipients as r')
    .leftJoin('departments as d', (j) => j.on('r.office_kind', '=', 'department').onRef('d.id', '=', 'r.office_id'))
    .leftJoin('subdistricts as s', (j) => j.on('r.office_kind', '=', 'subdistrict').onRef('s.id', '=', 'r.office_id'))
    .select(['r.office_kind', 'r.office_id', 'r.received_at', 'r.read_at', sql<string>`coalesce(d.name, s.name, '')`.as('office_name')])
    .where('r.enterprise_id', '=', enterpriseId).where('r.accident_id', '=', accidentId).orderBy('r.office_kind').orderBy(sql`coalesce(d.code, s.code)`).execute();
}

/** R-ACC-3: the supplementary reports in the order they were reported, and recorded (`seq`) when at the same instant. */
export async function supplementsOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_supplements as s').leftJoin('users as u', 'u.id', 's.recorded_by')
    .select(['s.id', 's.reported_at', 's.deaths', 's.missing', 's.serious_injuries', 's.minor_injuries', 's.direct_loss', 's.note', 's.grade_before', 's.grade_after', 'u.display_name'])
    .where('s.enterprise_id', '=', enterpriseId).where('s.accident_id', '=', accidentId).orderBy('s.reported_at').orderBy('s.seq').execute();
}

export async function eventsOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_events as ev').leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.op', 'ev.at', 'ev.note', 'u.display_name'])
    .where('ev.enterprise_id', '=', enterpriseId).where('ev.accident_id', '=', accidentId).orderBy('ev.at').orderBy('ev.seq').execute();
}

export async function insertSupplement(tx: Tx, enterpriseId: string, accidentId: string, v: {
  at: Date; deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string; note: string; gradeBefore: string | null; gradeAfter: string | null; by: string;
}) {
  await tx.insertInto('accident_supplements').values({
    enterprise_id: enterpriseId, accident_id: accidentId, reported_at: v.at, deaths: v.deaths, missing: v.missing, serious_injuries: v.seriousInjuries,
    minor_injuries: v.minorInjuries, direct_loss: v.directLoss, note: v.note, grade_before: v.gradeBefore, grade_after: v.gradeAfter, recorded_by: v.by,
  }).execute();
}

/**
 * R-ACC-2: the offices an enterprise's accident is reported to: the district's emergency management department, the
 * departments supervising its industry, and its subdistrict; each once, with its duty phone if one is kept.
 */
export async function receivingOffices(db: Executor, enterpriseId: string) {
  const ent = await db.selectFrom('enterprises').select(['district_id', 'subdistrict_id', 'industry_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const departments = await db.selectFrom('departments as d')
    .leftJoin('regulator_duty_phones as ph', (j) => j.on('ph.office_kind', '=', 'department').onRef('ph.office_id', '=', 'd.id'))
    .select(['d.id', 'd.name', 'd.code', 'ph.phone']).where('d.district_id', '=', ent.district_id)
    .where((eb) => eb.or([
      eb('d.code', '=', EMERGENCY_DEPARTMENT_CODE),
      eb('d.id', 'in', eb.selectFrom('department_industries').select('department_id').where('industry_code', '=', ent.industry_code)),
    ])).orderBy('d.code').execute();
  const sub = await db.selectFrom('subdistricts as s')
    .leftJoin('regulator_duty_phones as ph', (j) => j.on('ph.office_kind', '=', 'subdistrict').onRef('ph.office_id', '=', 's.id'))
    .select(['s.id', 's.name', 'ph.phone']).where('s.id', '=', ent.subdistrict_id).executeTakeFirstOrThrow();
  return [
    ...departments.map((d) => ({ kind: 'department' as OfficeKind, id: d.id, name: d.name, phone: d.phone ?? null })),
    { kind: 'subdistrict' as OfficeKind, id: sub.id, name: sub.name, phone: sub.phone ?? null },
  ];
}

export async function insertRecipients(tx: Tx, enterpriseId: string, accidentId: string, offices: { kind: OfficeKind; id: string }[], at: Date) {
  if (!offices.length) return;
  await tx.insertInto('accident_recipients').values(offices.map((o) => ({ enterprise_id: enterpriseId, accident_id: accidentId, office_kind: o.kind, office_id: o.id, received_at: at })))
    .onConflict((oc) => oc.doNothing()).execute();
}

/** Active officers of an office (notified in-app when a report arrives). */
export async function officersOf(db: Executor, office: { kind: OfficeKind; id: string }): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('disabled', '=', false)
    .where(office.kind === 'department' ? 'department_id' : 'subdistrict_id', '=', office.id)
    .where('role', '=', office.kind === 'department' ? 'department_officer' : 'subdistrict_officer').execute();
  return rows.map((r) => r.id);
}

/** The offices an accident was sent to (its updates go to the same ones). */
export async function officesOf(db: Executor, enterpriseId: string, accidentId: string) {
  return db.selectFrom('accident_recipients').select(['office_kind as kind', 'office_id as id']).where('enterprise_id', '=', enterpriseId).where('accident_id', '=', accidentId).execute();
}

export async function departmentCodeOf(db: Executor, departmentId: string): Promise<string | null> {
  return (await db.selectFrom('departments').select('code').where('id', '=', departmentId).executeTakeFirst())?.code ?? null;
}

/** The regulator's inbox: accidents received by his office (the district admin: every accident of the district). */
export async function inboxRows(db: Executor, viewer: Viewer, q: { unread?: boolean | undefined; order: 'asc' | 'desc'; page: number; pageSize: number; q?: string | undefined }) {
  const s = viewer.scope;
  let base = accidentsFrom(db)
    .innerJoin('accident_recipients as r', (j) => j.onRef('r.enterprise_id', '=', 'a.enterprise_id').onRef('r.accident_id', '=', 'a.id'))
    .where(officeRowsOf(s, 'r'))
    .where(accidentVisibleTo(viewer, 'a'));
  if (q.q) base = base.where(sql<SqlBool>`(a.summary like ${`%${q.q}%`} or e.name like ${`%${q.q}%`})`);
  // The district sees each accident once, read when its emergency management department (for which it acts) has read it.
  const readAt = s.kind === 'district'
    ? sql<Date | null>`max(r.read_at) filter (where r.office_kind = 'department' and r.office_id in (select d.id from departments d where d.district_id = ${s.districtId} and d.code = ${EMERGENCY_DEPARTMENT_CODE}))`
    : sql<Date | null>`max(r.read_at)`;
  const grouped = base.select([...ACCIDENT_COLUMNS, 'e.name as enterprise_name', 'sd.name as subdistrict_name', 'i.name as industry_name',
    readAt.as('read_at'), sql<Date>`min(r.received_at)`.as('received_at')])
    .groupBy([...ACCIDENT_COLUMNS, 'e.name', 'sd.name', 'i.name']);
  const filtered = db.selectFrom(grouped.as('x')).where((eb) => (q.unread ? eb('x.read_at', 'is', null) : eb.lit(true)));
  const [items, total, unread] = await Promise.all([
    filtered.selectAll().orderBy('x.received_at', q.order).orderBy('x.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom(grouped.as('y')).where('y.read_at', 'is', null).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks the report read for the viewer's office; the district admin reads for the emergency management department. */
export async function markRead(tx: Tx, viewer: Viewer, enterpriseId: string, accidentId: string, at: Date) {
  const s = viewer.scope;
  const mine = s.kind === 'district'
    ? sql<SqlBool>`(r.office_kind = 'department' and r.office_id in (select d.id from departments d where d.district_id = ${s.districtId} and d.code = ${EMERGENCY_DEPARTMENT_CODE}))`
    : officeRowsOf(s, 'r');
  await tx.updateTable('accident_recipients as r').set({ read_at: at, read_by: viewer.userId })
    .where('r.enterprise_id', '=', enterpriseId).where('r.accident_id', '=', accidentId).where('r.read_at', 'is', null)
    .where(mine).execute();
}

const DIMENSION: Record<StatDimension, { key: string; label: string }> = {
  grade: { key: `coalesce(a.grade, '')`, label: `coalesce(a.grade, '')` },
  industry: { key: 'e.industry_code', label: 'i.name' },
  subdistrict: { key: 'sd.code', label: 'sd.name' },
  type: { key: `coalesce(a.accident_type, '')`, label: `coalesce(a.accident_type, '')` },
  month: {
    key: `to_char(a.occurred_at + interval '${LOCAL_UTC_OFFSET_MINUTES} minutes', 'YYYY-MM')`,
    label: `to_char(a.occurred_at + interval '${LOCAL_UTC_OFFSET_MINUTES} minutes', 'YYYY-MM')`,
  },
};

/**
 * Statistics in one aggregate over the accidents the viewer sees (an enterprise's own, or a regulator's scope):
 * accidents and near misses counted apart, casualties and loss of accidents only.
 */
export async function statsRows(db: Executor, viewer: Viewer, enterpriseId: string | null, by: StatDimension, range: { from?: Date; before?: Date }) {
  const d = DIMENSION[by];
  let q = accidentsFrom(db).where(accidentVisibleTo(viewer, 'a'));
  if (enterpriseId) q = q.where('a.enterprise_id', '=', enterpriseId);
  if (range.from) q = q.where('a.occurred_at', '>=', range.from);
  if (range.before) q = q.where('a.occurred_at', '<', range.before);
  return q.select([
    sql<string>`${sql.raw(d.key)}`.as('key'), sql<string>`min(${sql.raw(d.label)})`.as('label'),
    sql<string>`count(*) filter (where a.kind = 'accident')`.as('accidents'),
    sql<string>`count(*) filter (where a.kind = 'near_miss')`.as('near_misses'),
    sql<string>`coalesce(sum(a.deaths) filter (where a.kind = 'accident'), 0)`.as('deaths'),
    sql<string>`coalesce(sum(a.serious_injuries) filter (where a.kind = 'accident'), 0)`.as('serious_injuries'),
    sql<string>`coalesce(sum(a.direct_loss) filter (where a.kind = 'accident'), 0)::text`.as('direct_loss'),
  ]).groupBy(sql.raw(d.key)).orderBy(sql.raw(d.key)).execute();
}

export async function dutyPhoneRows(db: Executor, scope: Scope) {
  const districtId = scope.kind === 'district' ? scope.districtId : null;
  const deps = await db.selectFrom('departments as d')
    .leftJoin('regulator_duty_phones as ph', (j) => j.on('ph.office_kind', '=', 'department').onRef('ph.office_id', '=', 'd.id'))
    .select(['d.id', 'd.name', 'd.district_id', 'ph.phone', 'ph.contact'])
    .where((eb) => (scope.kind === 'department' ? eb('d.id', '=', scope.departmentId) : districtId ? eb('d.district_id', '=', districtId) : eb.lit(false)))
    .orderBy('d.code').execute();
  const subs = await db.selectFrom('subdistricts as s')
    .leftJoin('regulator_duty_phones as ph', (j) => j.on('ph.office_kind', '=', 'subdistrict').onRef('ph.office_id', '=', 's.id'))
    .select(['s.id', 's.name', 's.district_id', 'ph.phone', 'ph.contact'])
    .where((eb) => (scope.kind === 'subdistrict' ? eb('s.id', '=', scope.subdistrictId) : districtId ? eb('s.district_id', '=', districtId) : eb.lit(false)))
    .orderBy('s.code').execute();
  return [
    ...deps.map((r) => ({ officeKind: 'department' as const, officeId: r.id, officeName: r.name, phone: r.phone ?? null, contact: r.contact ?? '' })),
    ...subs.map((r) => ({ officeKind: 'subdistrict' as const, officeId: r.id, officeName: r.name, phone: r.phone ?? null, contact: r.contact ?? '' })),
  ];
}

export async function officeInDistrict(db: Executor, districtId: string, kind: OfficeKind, id: string): Promise<boolean> {
  const table = kind === 'department' ? 'departments' : 'subdistricts';
  return !!(await db.selectFrom(table).select('id').where('id', '=', id).where('district_id', '=', districtId).executeTakeFirst());
}

export async function upsertDutyPhone(tx: Tx, districtId: string, v: { kind: OfficeKind; id: string; phone: string; contact: string; by: string; at: Date }) {
  await tx.insertInto('regulator_duty_phones').values({ district_id: districtId, office_kind: v.kind, office_id: v.id, phone: v.phone, contact: v.contact, updated_by: v.by, updated_at: v.at })
    .onConflict((oc) => oc.columns(['office_kind', 'office_id']).doUpdateSet({ phone: v.phone, contact: v.contact, updated_by: v.by, updated_at: v.at })).execute();
}

/** Accidents of the enterprise not yet reported to the regulators (the managers' to-do). */
export async function countUnreported(db: Executor, viewer: Viewer, enterpriseId: string): Promise<number> {
  const r = await db.selectFrom('accidents as a').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('a.enterprise_id', '=', enterpriseId).where('a.kind', '=', 'accident').where('a.regulators_received_at', 'is', null)
    .where(accidentVisibleTo(viewer, 'a')).executeTakeFirstOrThrow();
  return Number(r.n);
}
