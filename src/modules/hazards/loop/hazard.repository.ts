import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { HazardExtensionsTable, HazardPlansTable, HazardsTable, HazardStatus, HazardSupervisionsTable } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope, type SystemScope } from '../../../platform/db/scope';
import { containsPattern } from '../../../platform/db/like';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { managersOf } from '../../../platform/directory';
import { postVisibleTo } from '../../org';
import { riskPointVisibleTo } from '../../risk';
import type { Viewer } from '../checks/check.policy';
import { OPEN_SQL } from '../stats/hazard-stats.repository';
import { hazardRowVisibleTo, hazardVisibleTo } from './hazard.policy';
import type { HazardListQuery } from './hazard.schema';

/*
 * The closed loop's SQL (R-HAZ-3, R-HAZ-4): hazards and the rows that follow them — history, extension requests,
 * five-in-place plans, listed supervision, reporting points, reminders. Every read is filtered by the viewer's
 * `hazardVisibleTo` (hazard.policy.ts), so a hazard outside it is "not found"; every write is guarded by the enterprise
 * scope (which hazard a caller may change is decided by the service on the row it loaded). The escalation job passes
 * `systemScope`.
 */

/** The states of an open hazard (reported until accepted or voided). */
export const OPEN_HAZARD_STATUSES: HazardStatus[] = ['reported', 'confirmed', 'rectifying', 'submitted'];
const OPEN = OPEN_HAZARD_STATUSES;

// ---- one hazard ----

/** One hazard the viewer sees, as a select not yet run: the workflow adds its `for update` to this same statement (D1). */
export function selectHazard(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('hazards as h')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'h.enterprise_id').onRef('u.id', '=', 'h.org_unit_id'))
    .leftJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'h.enterprise_id').onRef('r.id', '=', 'h.risk_point_id'))
    .leftJoin('users as rep', 'rep.id', 'h.reported_by')
    .leftJoin('users as rec', 'rec.id', 'h.rectifier_id')
    .selectAll('h')
    .select(['u.name as org_unit_name', 'u.path as unit_path', 'r.name as risk_point_name', 'rep.display_name as reporter_name', 'rec.display_name as rectifier_name',
      (eb) => eb.exists(eb.selectFrom('hazard_supervisions as s').select('s.hazard_id').whereRef('s.enterprise_id', '=', 'h.enterprise_id').whereRef('s.hazard_id', '=', 'h.id').where('s.status', '=', 'listed')).as('supervised')])
    .where('h.enterprise_id', '=', enterpriseId).where('h.id', '=', id)
    .where(hazardVisibleTo(viewer, 'h'));
}

/** One hazard the viewer sees; `lock` takes its row for update in the same select (a step of the closed loop). */
export async function findHazard(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectHazard(db, viewer, enterpriseId, id);
  // D1: a workflow step reads the row under its lock, in the same select, before it decides.
  const row = await (opts.lock ? q.forUpdate('h') : q).executeTakeFirst();
  return row ?? null;
}
export type HazardRow = NonNullable<Awaited<ReturnType<typeof findHazard>>>;

/** What the closed loop's guards read besides the row: whether it has a five-in-place plan and an extension pending. */
export async function hazardFacts(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string) {
  const plan = await db.selectFrom('hazard_plans as p').select('p.hazard_id')
    .where('p.enterprise_id', '=', enterpriseId).where('p.hazard_id', '=', hazardId).where(hazardRowVisibleTo(viewer, 'p')).executeTakeFirst();
  const pending = await db.selectFrom('hazard_extensions as x').select('x.id')
    .where('x.enterprise_id', '=', enterpriseId).where('x.hazard_id', '=', hazardId).where('x.status', '=', 'pending')
    .where(hazardRowVisibleTo(viewer, 'x')).executeTakeFirst();
  return { hasPlan: !!plan, extensionPending: !!pending };
}

/** A hazard's history, oldest first, with who acted. */
export async function hazardEvents(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string) {
  return db.selectFrom('hazard_events as e').leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.op', 'e.from_status', 'e.to_status', 'u.display_name', 'e.at', 'e.note', 'e.photo_ids'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.hazard_id', '=', hazardId).where(hazardRowVisibleTo(viewer, 'e'))
    .orderBy('e.seq').execute();
}

/** A hazard's extension requests, oldest first. */
export async function hazardExtensions(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string) {
  return db.selectFrom('hazard_extensions as x').selectAll('x')
    .where('x.enterprise_id', '=', enterpriseId).where('x.hazard_id', '=', hazardId).where(hazardRowVisibleTo(viewer, 'x'))
    .orderBy('x.requested_at').execute();
}

/** R-HAZ-4: the five-in-place plan of a hazard, if it has one. */
export async function hazardPlan(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string) {
  return db.selectFrom('hazard_plans as p').selectAll('p')
    .where('p.enterprise_id', '=', enterpriseId).where('p.hazard_id', '=', hazardId).where(hazardRowVisibleTo(viewer, 'p')).executeTakeFirst();
}

/** R-HAZ-4: a hazard's listed supervision (挂牌督办), current or ended, if it was ever listed. */
export async function hazardSupervision(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string) {
  return db.selectFrom('hazard_supervisions as s').selectAll('s')
    .where('s.enterprise_id', '=', enterpriseId).where('s.hazard_id', '=', hazardId).where(hazardRowVisibleTo(viewer, 's')).executeTakeFirst();
}

// ---- lists and figures ----

const HAZARD_SORT = {
  reportedAt: { by: 'h.reported_at', nulls: 'last' }, deadline: { by: 'h.deadline', nulls: 'last' }, code: { by: 'h.code', nulls: 'last' }, level: { by: 'h.level', nulls: 'last' },
} as const;

/** The hazard has an extension request waiting for a decision. */
const pendingExtension = sql<boolean>`exists (select 1 from hazard_extensions x where x.enterprise_id = h.enterprise_id and x.hazard_id = h.id and x.status = 'pending')`;

/** "Due soon" (the workbench's list): being rectified with a deadline from `today` to `until`. */
export type DueSoon = { today: string; until: string };

/**
 * The hazard ledger of one enterprise as the viewer sees it, one page and its total. `dueSoon`, when given, keeps the
 * hazards due soon (the service reads the reminder days of the rule-set in force).
 */
export async function listHazardRows(db: Executor, viewer: Viewer, enterpriseId: string, q: HazardListQuery, c: { today: string; dueSoonUntil?: string }) {
  const { today } = c;
  let base = db.selectFrom('hazards as h')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'h.enterprise_id').onRef('u.id', '=', 'h.org_unit_id'))
    .where('h.enterprise_id', '=', enterpriseId)
    .where(hazardVisibleTo(viewer, 'h'));
  if (q.status === 'open') base = base.where('h.status', 'in', OPEN);
  else if (q.status) base = base.where('h.status', '=', q.status);
  if (q.level) base = base.where('h.level', '=', q.level);
  if (q.source) base = base.where('h.source', '=', q.source);
  if (q.riskPointId) base = base.where('h.risk_point_id', '=', q.riskPointId);
  if (q.orgUnitId) {
    const unitId = q.orgUnitId;
    base = base.where('u.path', 'like', (eb) => eb.selectFrom('org_units').select(sql<string>`path || '%'`.as('p')).where('enterprise_id', '=', enterpriseId).where('id', '=', unitId));
  }
  if (q.overdue) base = base.where('h.status', 'in', OPEN).where('h.deadline', '<', today);
  if (q.mine) base = base.where((eb) => eb.or([eb('h.rectifier_id', '=', viewer.userId), eb('h.reported_by', '=', viewer.userId)]));
  if (q.assignedToMe) base = base.where('h.rectifier_id', '=', viewer.userId).where('h.status', '=', 'rectifying');
  if (q.reportedByMe) base = base.where('h.reported_by', '=', viewer.userId);
  if (q.extensionPending) base = base.where('h.status', '=', 'rectifying').where(pendingExtension);
  if (c.dueSoonUntil !== undefined) {
    base = base.where('h.status', '=', 'rectifying').where('h.deadline', '>=', today).where('h.deadline', '<=', c.dueSoonUntil);
  }
  if (q.q) base = base.where(searchWhere(q.q, ['h.title', 'h.code', 'h.location']));
  return listPage(base, {
    select: (qb) => qb
      .leftJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'h.enterprise_id').onRef('r.id', '=', 'h.risk_point_id'))
      .leftJoin('users as rep', 'rep.id', 'h.reported_by')
      .leftJoin('users as rec', 'rec.id', 'h.rectifier_id')
      .selectAll('h')
      .select(['u.name as org_unit_name', 'r.name as risk_point_name', 'rep.display_name as reporter_name', 'rec.display_name as rectifier_name',
        (eb) => eb.exists(eb.selectFrom('hazard_supervisions as s').select('s.hazard_id').whereRef('s.enterprise_id', '=', 'h.enterprise_id').whereRef('s.hazard_id', '=', 'h.id').where('s.status', '=', 'listed')).as('supervised')]),
    sort: { map: HAZARD_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'h.code', dir: 'desc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/**
 * The workbench's hazard figures for one enterprise as the viewer sees it: each the total of the ledger list its item
 * opens (`listHazardRows` with the same filter). `dueSoon` is the window of the reminder days in force.
 */
export async function countHazardsForWorkbench(db: Executor, viewer: Viewer, enterpriseId: string, dueSoon: DueSoon) {
  const { today } = dueSoon;
  const me = viewer.userId;
  const r = await db.selectFrom('hazards as h')
    .where('h.enterprise_id', '=', enterpriseId).where(hazardVisibleTo(viewer, 'h'))
    .select((eb) => {
      const open = eb('h.status', 'in', OPEN);
      return [
        eb.fn.countAll<number>().filterWhere('h.status', '=', 'reported').as('toConfirm'),
        eb.fn.countAll<number>().filterWhere('h.status', '=', 'submitted').as('toAccept'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([open, w('h.deadline', '<', today)])).as('overdue'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([open, w('h.level', '=', 'major')])).as('majorOpen'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('h.status', '=', 'rectifying'), pendingExtension])).as('extensions'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('h.status', '=', 'rectifying'), w('h.rectifier_id', '=', me)])).as('assigned'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('h.status', '=', 'rectifying'), w('h.rectifier_id', '=', me),
          w('h.deadline', '>=', today), w('h.deadline', '<=', dueSoon.until)])).as('dueSoon'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([open, w('h.reported_by', '=', me)])).as('reportedOpen'),
        eb.fn.countAll<number>().filterWhere('h.reported_by', '=', me).as('reported'),
      ];
    })
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v ?? 0)])) as Record<keyof typeof r, number>;
}

/** Open hazards across the viewer's scope: overdue (and in how many enterprises), major, under listed supervision. */
export async function countOpenHazardsInScope(db: Executor, viewer: Viewer, today: string) {
  const r = await db.selectFrom('hazards as h')
    .where('h.status', 'in', OPEN).where(hazardVisibleTo(viewer, 'h'))
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('h.deadline', '<', today).as('overdue'),
      eb.fn.count<number>('h.enterprise_id').distinct().filterWhere('h.deadline', '<', today).as('overdueEnterprises'),
      eb.fn.countAll<number>().filterWhere('h.level', '=', 'major').as('majorOpen'),
      eb.fn.countAll<number>().filterWhere((w) => w.exists(w.selectFrom('hazard_supervisions as s').select('s.hazard_id')
        .whereRef('s.enterprise_id', '=', 'h.enterprise_id').whereRef('s.hazard_id', '=', 'h.id').where('s.status', '=', 'listed'))).as('supervised'),
    ])
    .executeTakeFirstOrThrow();
  return { overdue: Number(r.overdue ?? 0), overdueEnterprises: Number(r.overdueEnterprises ?? 0), majorOpen: Number(r.majorOpen ?? 0), supervised: Number(r.supervised ?? 0) };
}

// ---- 我上报的: the viewer's own reports ----

export type MyReportsFilter = { status?: HazardStatus | 'open'; q?: string; page: number; pageSize: number };

/**
 * The hazards the viewer reported, in any enterprise (issue 10): whoever reports a hazard follows it, so the rule here
 * is the report's author, not the enterprise scope — an insurer's engineer sees what became of his reports.
 */
export async function listReportsBy(db: Executor, viewer: Viewer, f: MyReportsFilter) {
  let base = db.selectFrom('hazards as h').innerJoin('enterprises as e', 'e.id', 'h.enterprise_id').where('h.reported_by', '=', viewer.userId);
  if (f.status === 'open') base = base.where('h.status', 'in', OPEN);
  else if (f.status) base = base.where('h.status', '=', f.status);
  if (f.q) base = base.where(searchWhere(f.q, ['h.title', 'h.code', 'e.name']));
  return listPage(base, {
    select: (qb) => qb.select(['h.id', 'h.code', 'h.title', 'h.enterprise_id', 'e.name as enterprise_name', 'h.status', 'h.level', 'h.location',
      'h.reported_at', 'h.deadline', 'h.closed_at', 'h.void_reason']),
    sort: { map: { reportedAt: { by: 'h.reported_at', nulls: 'last' } }, key: 'reportedAt', order: 'desc', tiebreak: [{ by: 'h.code', dir: 'desc' }] },
    page: f.page, pageSize: f.pageSize,
  });
}

/** How many hazards the viewer reported (see `listReportsBy`), and how many of them are still open. */
export async function countReportsBy(db: Executor, viewer: Viewer): Promise<{ all: number; open: number }> {
  const r = await db.selectFrom('hazards as h').where('h.reported_by', '=', viewer.userId)
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.countAll<number>().filterWhere('h.status', 'in', OPEN).as('open')])
    .executeTakeFirstOrThrow();
  return { all: Number(r.all ?? 0), open: Number(r.open ?? 0) };
}

// ---- where a hazard is ----

/** A risk point the scope sees (risk-point.policy.ts), with its name and unit. */
export async function findRiskPointRef(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('risk_points as r').select(['r.id', 'r.name', 'r.org_unit_id'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', '=', id).where(riskPointVisibleTo(scope, 'r'))
    .executeTakeFirst();
}

/** A post the scope sees (org post.policy.ts), with its unit. */
export async function findPostRef(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('posts as p').select(['p.id', 'p.org_unit_id'])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', id).where(postVisibleTo(scope, 'p'))
    .executeTakeFirst();
}

/** An org unit of an enterprise in scope, with its name and materialised path. */
export async function findUnitRef(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'path'])
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id'))
    .executeTakeFirst();
}

/** Every org unit of an enterprise in scope (the hazard forms' unit picker, which narrows them to the caller's view). */
export async function unitsOfEnterprise(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'parent_id', 'name', 'path', 'sort'])
    .where('enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/**
 * The reporter's own unit in this enterprise: the unit a unit leader leads, else the unit of the employee record behind
 * the account. Null for people outside the enterprise (regulators, insurers) and accounts with neither.
 */
export async function reporterUnitOf(db: Executor, scope: Scope, enterpriseId: string, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users as usr')
    .leftJoin('employees as emp', (j) => j.onRef('emp.enterprise_id', '=', 'usr.enterprise_id').onRef('emp.id', '=', 'usr.employee_id'))
    .innerJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'usr.enterprise_id')
      .on((eb) => eb('ou.id', '=', eb.fn.coalesce('usr.org_unit_id', 'emp.org_unit_id'))))
    .select('ou.id')
    .where('usr.id', '=', userId).where('usr.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'ou.enterprise_id'))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** An enterprise's name (a notice to its regulators names it). */
export async function enterpriseNameOf(db: Executor, scope: Scope, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprises as e').select('e.name').where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirstOrThrow();
  return e.name;
}

// ---- people ----

/** An active account of the enterprise (a rectifier is one), if the scope holds the enterprise. */
export async function findActiveAccount(db: Executor, scope: Scope, enterpriseId: string, userId: string) {
  const row = await db.selectFrom('users').select(['id', 'enterprise_id', 'disabled']).where('id', '=', userId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row && row.enterprise_id === enterpriseId && !row.disabled ? { id: row.id } : null;
}

/** The enterprise's active accounts, by name, those matching `q` (name or user name), at most `limit`. */
export async function listActiveAccounts(db: Executor, scope: Scope, enterpriseId: string, q: string | undefined, limit: number) {
  let query = db.selectFrom('users').select(['id', 'username', 'display_name', 'role'])
    .where('enterprise_id', '=', enterpriseId).where('disabled', '=', false).where(enterpriseInScope(scope, 'enterprise_id'));
  if (q) {
    const like = containsPattern(q);
    query = query.where((eb) => eb.or([eb('display_name', 'like', like), eb('username', 'like', like)]));
  }
  return query.orderBy('display_name').limit(limit).execute();
}

// ---- writes ----

export type NewHazard = Omit<Insertable<HazardsTable>, 'enterprise_id' | 'org_unit_id' | 'reported_by' | 'reported_at' | 'created_at' | 'updated_at'> & {
  /** The unit named by the report or the reporter; none: the enterprise's root unit. */
  org_unit_id: string | undefined;
  /** Null: opened by the platform on another module's record (hazard-open.ts). */
  reported_by: string | null;
};

/**
 * A reported hazard, its first history event and the managers' notifications, in one statement (the hot path of
 * reporting): the hazard goes in (in the enterprise's root unit when neither the report nor the reporter names one),
 * the 'report' event follows it, and every active principal and safety manager gets a notification naming it, linked
 * to `linkPrefix` followed by the hazard's id.
 */
export async function insertReportedHazard(tx: Tx, scope: Scope, enterpriseId: string, hazard: NewHazard, c: {
  at: Date; note: string; photoIds: string[]; notice: { kind: string; titleKey: string; bodyKey: string }; linkPrefix: string;
}) {
  await requireInScope(tx, scope, enterpriseId);
  const { org_unit_id: orgUnitId, ...values } = hazard;
  const notice = JSON.stringify(c.notice);
  return tx
    .with('h', (db) => db.insertInto('hazards').values({
      ...values,
      enterprise_id: enterpriseId,
      org_unit_id: orgUnitId ?? sql<string>`(select id from org_units where enterprise_id = ${enterpriseId} and parent_id is null)`,
      reported_at: c.at, created_at: c.at, updated_at: c.at,
    }).returningAll())
    .with('ev', (db) => db.insertInto('hazard_events')
      .columns(['enterprise_id', 'hazard_id', 'op', 'from_status', 'to_status', 'actor_id', 'at', 'note', 'photo_ids'])
      .expression((eb) => eb.selectFrom('h').select([
        'h.enterprise_id', 'h.id', sql.lit('report').as('op'), sql<null>`null::text`.as('from_status'), sql.lit('reported').as('to_status'),
        sql<string>`${hazard.reported_by}::uuid`.as('actor_id'), sql<Date>`${c.at}::timestamptz`.as('at'), sql<string>`${c.note}::text`.as('note'),
        sql<string[]>`${c.photoIds}::uuid[]`.as('photo_ids'),
      ])))
    .with('notice', (db) => db.insertInto('outbox').columns(['topic', 'payload'])
      .expression((eb) => eb.selectFrom('users').innerJoin('h', 'h.enterprise_id', 'users.enterprise_id').select([
        sql.lit('notify').as('topic'),
        sql<string>`${notice}::jsonb || jsonb_build_object('userId', users.id, 'params', jsonb_build_object('code', h.code, 'title', h.title),
          'link', ${c.linkPrefix} || h.id)`.as('payload'),
      ]).where('users.id', 'in', managersOf(tx, enterpriseId))))
    .selectFrom('h').selectAll().executeTakeFirstOrThrow();
}

/** Changes the columns of one hazard (its state, version and history move through the workflow engine). */
export async function updateHazard(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<HazardsTable>): Promise<void> {
  await tx.updateTable('hazards').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export type HazardEvent = { op: string; from: string | null; to: string; actorId: string | null; at: Date; note: string; photoIds?: string[] };

/** Appends one row to a hazard's history (the escalation job writes with `systemScope`, actor none). */
export async function insertHazardEvent(tx: Tx, scope: AnyScope, enterpriseId: string, hazardId: string, e: HazardEvent): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_events').values({
    enterprise_id: enterpriseId, hazard_id: hazardId, op: e.op, from_status: e.from, to_status: e.to, actor_id: e.actorId, at: e.at, note: e.note,
    ...(e.photoIds ? { photo_ids: e.photoIds } : {}),
  }).execute();
}

/**
 * R-HAZ-6: a reporter's points for a confirmed report, once per hazard, if the reporter is an account of the
 * enterprise (not a regulator, insurer or service institution).
 */
export async function insertReportPoints(tx: Tx, scope: Scope, enterpriseId: string, c: { hazardId: string; userId: string; points: number; at: Date; ruleSetVersion: number }) {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_points').columns(['enterprise_id', 'hazard_id', 'user_id', 'points', 'awarded_at', 'rule_set_version'])
    .expression((eb) => eb.selectFrom('users').select([
      sql<string>`${enterpriseId}::uuid`.as('enterprise_id'), sql<string>`${c.hazardId}::uuid`.as('hazard_id'), 'users.id',
      sql<number>`${c.points}::int`.as('points'), sql<Date>`${c.at}::timestamptz`.as('awarded_at'),
      sql<number>`${c.ruleSetVersion}::int`.as('rule_set_version'),
    ]).where('users.id', '=', c.userId).where('users.enterprise_id', '=', enterpriseId))
    .onConflict((oc) => oc.columns(['enterprise_id', 'hazard_id']).doNothing()).execute();
}

/** A voided hazard earns nothing: its reporter's points go. */
export async function deleteReportPoints(tx: Tx, scope: Scope, enterpriseId: string, hazardId: string): Promise<void> {
  await tx.deleteFrom('hazard_points').where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function insertExtension(tx: Tx, scope: Scope, enterpriseId: string, hazardId: string,
  x: Omit<Insertable<HazardExtensionsTable>, 'enterprise_id' | 'hazard_id'>): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_extensions').values({ ...x, enterprise_id: enterpriseId, hazard_id: hazardId }).execute();
}

/** An extension request of the hazard still waiting for a decision. */
export async function findPendingExtension(db: Executor, viewer: Viewer, enterpriseId: string, hazardId: string, extensionId: string) {
  return db.selectFrom('hazard_extensions as x').selectAll('x')
    .where('x.enterprise_id', '=', enterpriseId).where('x.hazard_id', '=', hazardId).where('x.id', '=', extensionId).where('x.status', '=', 'pending')
    .where(hazardRowVisibleTo(viewer, 'x')).executeTakeFirst();
}

export async function decideExtensionRow(tx: Tx, scope: Scope, enterpriseId: string, extensionId: string,
  d: Pick<Updateable<HazardExtensionsTable>, 'status' | 'decided_by' | 'decided_at' | 'decision_note'>): Promise<void> {
  await tx.updateTable('hazard_extensions').set(d).where('enterprise_id', '=', enterpriseId).where('id', '=', extensionId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export type PlanValues = Omit<Insertable<HazardPlansTable>, 'enterprise_id' | 'hazard_id' | 'created_by' | 'created_at'>;

/** R-HAZ-4: writes the hazard's five-in-place plan; who created it and when stay those of its first version. */
export async function upsertPlan(tx: Tx, scope: Scope, enterpriseId: string, hazardId: string, values: PlanValues, created: { by: string; at: Date }): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_plans').values({ enterprise_id: enterpriseId, hazard_id: hazardId, ...values, created_by: created.by, created_at: created.at })
    .onConflict((oc) => oc.columns(['enterprise_id', 'hazard_id']).doUpdateSet(values)).execute();
}

export type SupervisionValues = Omit<Insertable<HazardSupervisionsTable>, 'enterprise_id' | 'hazard_id'>;

/** R-HAZ-4: lists the hazard for supervision (挂牌督办), again if it was listed and delisted before. */
export async function upsertSupervision(tx: Tx, scope: Scope, enterpriseId: string, hazardId: string, values: SupervisionValues): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('hazard_supervisions').values({ enterprise_id: enterpriseId, hazard_id: hazardId, ...values })
    .onConflict((oc) => oc.columns(['enterprise_id', 'hazard_id']).doUpdateSet(values)).execute();
}

export async function markDelisted(tx: Tx, scope: Scope, enterpriseId: string, hazardId: string, d: { by: string; at: Date }): Promise<void> {
  await tx.updateTable('hazard_supervisions').set({ status: 'delisted', delisted_by: d.by, delisted_at: d.at })
    .where('enterprise_id', '=', enterpriseId).where('hazard_id', '=', hazardId).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- the escalation job (R-HAZ-3), which works for no user: `systemScope` ----

/** Rectifications of the district's enterprises due from `today` to `until`, the earliest first, at most `limit`. */
export async function rectificationsDue(db: Executor, scope: SystemScope, districtId: string, today: string, until: string, limit: number) {
  return db.selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id').where('e.district_id', '=', districtId)
    .select(['h.enterprise_id', 'h.id', 'h.code', 'h.title', 'h.deadline', 'h.rectifier_id'])
    .where('h.status', '=', 'rectifying').where('h.rectifier_id', 'is not', null)
    .where('h.deadline', '>=', today).where('h.deadline', '<=', until)
    .where(enterpriseInScope(scope, 'h.enterprise_id'))
    .orderBy('h.deadline').orderBy('h.id').limit(limit).execute();
}

/**
 * Marks the hazards reminded on `day`; returns those not reminded that day before (the others are left alone). The
 * batch spans enterprises, which only the system's scope holds: that is the one scope it takes.
 */
export async function insertReminders(tx: Tx, _scope: SystemScope, hazards: { enterprise_id: string; id: string }[], day: string): Promise<string[]> {
  const won = await tx.insertInto('hazard_reminders')
    .values(hazards.map((h) => ({ enterprise_id: h.enterprise_id, hazard_id: h.id, day })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'hazard_id', 'day']).doNothing()).returning('hazard_id').execute();
  return won.map((w) => w.hazard_id);
}

/** Forgets reminders of days before `day` (a reminder's record only has to outlive its day). */
export async function deleteRemindersBefore(db: Executor, scope: SystemScope, day: string): Promise<void> {
  await db.deleteFrom('hazard_reminders').where('day', '<', day).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/**
 * Open hazards of the district's enterprises past their deadline whose escalation level is below what the days overdue
 * call for (the SQL mirrors escalationLevel(), which decides again under the row lock); the longest overdue first.
 */
export async function escalationCandidates(db: Executor, scope: SystemScope, districtId: string, today: string,
  rules: { principalAfterDays: number; regulatorAfterDays: number }, limit: number) {
  const days = sql<number>`(${today}::date - h.deadline)`;
  return db.selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id').where('e.district_id', '=', districtId)
    .select(['h.enterprise_id', 'h.id'])
    .where(sql<SqlBool>`h.status in ${OPEN_SQL}`)
    .where('h.deadline', '<', today)
    .where(sql<SqlBool>`h.escalation_level < case when ${days} > ${rules.regulatorAfterDays} then 3 when ${days} > ${rules.principalAfterDays} then 2 else 1 end`)
    .where(enterpriseInScope(scope, 'h.enterprise_id'))
    .orderBy('h.deadline').orderBy('h.id').limit(limit).execute();
}

/** One hazard read under its row lock for escalation, with its unit's path and its enterprise's name. */
export async function lockForEscalation(tx: Tx, scope: SystemScope, enterpriseId: string, id: string) {
  return tx.selectFrom('hazards as h')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'h.enterprise_id').onRef('u.id', '=', 'h.org_unit_id'))
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select(['h.enterprise_id', 'h.id', 'h.code', 'h.title', 'h.status', 'h.deadline', 'h.escalation_level', 'u.path as unit_path', 'e.name as enterprise_name'])
    .where('h.enterprise_id', '=', enterpriseId).where('h.id', '=', id).where(enterpriseInScope(scope, 'h.enterprise_id'))
    .forUpdate('h').executeTakeFirst();
}

/** Raises a hazard's escalation level, recording the rule-set version that raised it; the row's version moves on. */
export async function raiseEscalation(tx: Tx, scope: SystemScope, enterpriseId: string, id: string, e: { level: number; ruleSetVersion: number; at: Date }): Promise<void> {
  await tx.updateTable('hazards').set({ escalation_level: e.level, escalation_rule_version: e.ruleSetVersion, version: sql`version + 1`, updated_at: e.at })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}
