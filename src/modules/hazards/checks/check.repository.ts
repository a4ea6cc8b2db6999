import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { CheckCycle, CheckPlansTable, ChecklistItemsTable, ChecklistsTable, CheckTaskResultsTable, CheckTasksTable, EnterpriseCheckItemsTable } from '../../../platform/db/schema';
import { checklistVisibleTo, checkPlanVisibleTo, checkTaskVisibleTo, type Viewer } from './check.policy';
import { postVisibleTo, unitPathLabel } from '../../org';
import { riskPointVisibleTo } from '../../risk';
import type { Scope } from '../../../platform/auth/actor';
import type { TaskQuery } from './check.schema';
import { CHECK_CYCLES, periodKeysOfDate } from './check.rules';
import { startOfLocalDay } from '../../../platform/time';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope, type SystemScope } from '../../../platform/db/scope';
import { notFound } from '../../../platform/errors';

/*
 * The checks' SQL (R-HAZ-1, R-HAZ-2, R-HAZ-6): the library, the enterprise's own items, checklists and their items,
 * plans, tasks and their results, the leaderboard, and the risk feedback loop's flag. Reads are filtered by the
 * viewer's `checklistVisibleTo` / `checkPlanVisibleTo` / `checkTaskVisibleTo` (check.policy.ts); writes are guarded by
 * the enterprise scope (which record a caller may change is decided by the service on the row it loaded). The check
 * job passes `systemScope`.
 */

// ---- library ----
// The national standard library (check_standard_items) belongs to no enterprise: everyone signed in reads all of it.

export async function libraryItems(db: Executor, q: { category?: string; q?: string; major?: boolean }) {
  let query = db.selectFrom('check_standard_items').selectAll();
  if (q.category) query = query.where('category', '=', q.category);
  if (q.major !== undefined) query = query.where('major_criterion', '=', q.major);
  if (q.q) query = query.where(searchWhere(q.q, ['content', 'basis', 'code', 'method']));
  return query.orderBy('sort').execute();
}

export async function libraryCategories(db: Executor) {
  return db.selectFrom('check_standard_items')
    .select((eb) => ['category', eb.fn.countAll<number>().as('n'), eb.fn.countAll<number>().filterWhere('major_criterion', '=', true).as('major'), eb.fn.min('sort').as('first')])
    .groupBy('category').orderBy('first').execute();
}

/** Library items by id (a checklist copies the ones it picks). */
export async function libraryItemsByIds(db: Executor, ids: string[]) {
  return db.selectFrom('check_standard_items').selectAll().where('id', 'in', ids).execute();
}

// ---- the enterprise's own items ----

export async function enterpriseItems(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprise_check_items').selectAll().where('enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'enterprise_id'))
    .orderBy('category').orderBy('created_at').execute();
}

export async function enterpriseItem(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('enterprise_check_items').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

/** The enterprise's own items by id (a checklist copies the ones it picks). */
export async function enterpriseItemsByIds(db: Executor, scope: Scope, enterpriseId: string, ids: string[]) {
  return db.selectFrom('enterprise_check_items').selectAll().where('enterprise_id', '=', enterpriseId).where('id', 'in', ids)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function insertEnterpriseItem(tx: Tx, scope: Scope, enterpriseId: string, values: Omit<Insertable<EnterpriseCheckItemsTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('enterprise_check_items').values({ enterprise_id: enterpriseId, ...values }).returningAll().executeTakeFirstOrThrow();
}

export async function updateEnterpriseItemRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<EnterpriseCheckItemsTable>) {
  return tx.updateTable('enterprise_check_items').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).returningAll().executeTakeFirstOrThrow();
}

export async function deleteEnterpriseItemRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('enterprise_check_items').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- checklists ----

export async function listChecklists(db: Executor, scope: Scope, enterpriseId: string, q: { level?: string; orgUnitId?: string; postId?: string }, id?: string) {
  let query = db.selectFrom('checklists as c')
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'c.enterprise_id').onRef('u.id', '=', 'c.org_unit_id'))
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'c.enterprise_id').onRef('p.id', '=', 'c.post_id'))
    .selectAll('c')
    .select(['u.name as org_unit_name', 'p.name as post_name', unitPathLabel('u').as('unit_path'),
      (eb) => eb.selectFrom('checklist_items as i').select((x) => x.fn.countAll<number>().as('n')).whereRef('i.enterprise_id', '=', 'c.enterprise_id').whereRef('i.checklist_id', '=', 'c.id').as('item_count'),
      (eb) => eb.selectFrom('checklist_items as i').select((x) => x.fn.countAll<number>().as('n')).whereRef('i.enterprise_id', '=', 'c.enterprise_id').whereRef('i.checklist_id', '=', 'c.id').where('i.major_criterion', '=', true).as('major_count'),
      (eb) => eb.selectFrom('check_plans as pl').select((x) => x.fn.countAll<number>().as('n')).whereRef('pl.enterprise_id', '=', 'c.enterprise_id').whereRef('pl.checklist_id', '=', 'c.id').as('plan_count'),
    ])
    .where('c.enterprise_id', '=', enterpriseId)
    .where(checklistVisibleTo(scope, 'c'));
  if (id) query = query.where('c.id', '=', id);
  if (q.level) query = query.where('c.level', '=', q.level as 'enterprise');
  if (q.orgUnitId) query = query.where('c.org_unit_id', '=', q.orgUnitId);
  if (q.postId) query = query.where('c.post_id', '=', q.postId);
  // Enterprise list first, then workshop tables, then post cards.
  return query.orderBy(sql`case c.level when 'enterprise' then 0 when 'workshop' then 1 else 2 end`).orderBy('c.name').execute();
}
export type ChecklistRow = Awaited<ReturnType<typeof listChecklists>>[number];

function itemsOf(db: Executor, enterpriseId: string, checklistId: string) {
  return db.selectFrom('checklist_items as i')
    .leftJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'i.enterprise_id').onRef('r.id', '=', 'i.risk_point_id'))
    .selectAll('i').select(['r.name as risk_point_name', 'r.location as risk_point_location'])
    .where('i.enterprise_id', '=', enterpriseId).where('i.checklist_id', '=', checklistId)
    .orderBy('i.sort').orderBy('i.id');
}

/** The items of a checklist the scope sees (check.policy.ts); none of one it does not. */
export async function checklistItems(db: Executor, scope: Scope, enterpriseId: string, checklistId: string) {
  return itemsOf(db, enterpriseId, checklistId)
    .where(({ exists, selectFrom }) => exists(selectFrom('checklists as c').select('c.id')
      .whereRef('c.enterprise_id', '=', 'i.enterprise_id').whereRef('c.id', '=', 'i.checklist_id').where(checklistVisibleTo(scope, 'c'))))
    .execute();
}
export type ChecklistItemRow = Awaited<ReturnType<typeof checklistItems>>[number];

/**
 * The items of a task's checklist, if the viewer sees the task (check.policy.ts). They follow the task, not the
 * checklist: a unit leader runs a task assigned to him from a table of another unit, whose other pages he does not see.
 */
export async function taskChecklistItems(db: Executor, viewer: Viewer, enterpriseId: string, task: { id: string; checklist_id: string }): Promise<ChecklistItemRow[]> {
  return itemsOf(db, enterpriseId, task.checklist_id)
    .where(({ exists, selectFrom }) => exists(selectFrom('check_tasks as t').select('t.id')
      .whereRef('t.enterprise_id', '=', 'i.enterprise_id').where('t.id', '=', task.id).whereRef('t.checklist_id', '=', 'i.checklist_id')
      .where(checkTaskVisibleTo(viewer, 't'))))
    .execute();
}

/** An org unit of an enterprise in scope, with its name (where a workshop table applies). */
export async function findUnitName(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('org_units').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

/** R-HAZ-1: the post's card, if it has one (one post, one card: the caller passes the whole enterprise). */
export async function findPostCard(db: Executor, scope: Scope, enterpriseId: string, postId: string) {
  return db.selectFrom('checklists as c').select(['c.id', 'c.name'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.level', '=', 'post').where('c.post_id', '=', postId)
    .where(checklistVisibleTo(scope, 'c')).executeTakeFirst();
}

export async function insertChecklistRow(tx: Tx, scope: Scope, enterpriseId: string, values: Omit<Insertable<ChecklistsTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('checklists').values({ enterprise_id: enterpriseId, ...values }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function updateChecklistRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<ChecklistsTable>): Promise<void> {
  await tx.updateTable('checklists').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteChecklistRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('checklists').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** One item of a checklist as written: a snapshot of its source, with its own cycle and responsible role. */
export type ChecklistItemValues = {
  source: ChecklistItemsTable['source']; source_id: string; risk_point_id: string | null; category: string; content: string; method: string;
  basis: string; cycle: CheckCycle | null; responsible: string; major_criterion: boolean;
};

/**
 * Replaces a checklist's items with `values`, in order. Items that stay (same source and source id) keep their id, so
 * open tasks, results and hazards that point at them stay linked.
 */
export async function replaceChecklistItems(tx: Tx, scope: Scope, enterpriseId: string, checklistId: string, values: ChecklistItemValues[]): Promise<void> {
  const existing = await tx.selectFrom('checklist_items').select(['id', 'source', 'source_id']).where('enterprise_id', '=', enterpriseId).where('checklist_id', '=', checklistId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  const byKey = new Map(existing.map((e) => [`${e.source}:${e.source_id}`, e.id]));
  const keep = new Set<string>();
  const inserts = [];
  for (const [sort, v] of values.entries()) {
    const id = byKey.get(`${v.source}:${v.source_id}`);
    if (id) {
      keep.add(id);
      await tx.updateTable('checklist_items').set({ ...v, sort }).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
        .where(enterpriseInScope(scope, 'enterprise_id')).execute();
    } else {
      inserts.push({ enterprise_id: enterpriseId, checklist_id: checklistId, ...v, sort });
    }
  }
  const drop = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (drop.length) {
    await tx.deleteFrom('checklist_items').where('enterprise_id', '=', enterpriseId).where('id', 'in', drop)
      .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  }
  if (inserts.length) {
    await requireInScope(tx, scope, enterpriseId);
    await tx.insertInto('checklist_items').values(inserts).execute();
  }
}

/**
 * The risk points the items of a checklist name (`pointIds`, read from the items of a checklist the scope sees): they
 * follow the checklist, as the items' own point names do, not risk-point.policy.
 */
export async function checklistRiskPoints(db: Executor, scope: Scope, enterpriseId: string, pointIds: string[]) {
  if (pointIds.length === 0) return [];
  return db.selectFrom('risk_points').select(['code', 'name', 'grade']).where('enterprise_id', '=', enterpriseId).where('id', 'in', pointIds)
    .where(enterpriseInScope(scope, 'enterprise_id')).orderBy('code').execute();
}

// ---- plans ----

export async function listPlans(db: Executor, viewer: Viewer, enterpriseId: string, id?: string) {
  let query = db.selectFrom('check_plans as pl')
    .innerJoin('checklists as c', (j) => j.onRef('c.enterprise_id', '=', 'pl.enterprise_id').onRef('c.id', '=', 'pl.checklist_id'))
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'pl.enterprise_id').onRef('p.id', '=', 'pl.assignee_post_id'))
    .leftJoin('users as u', 'u.id', 'pl.assignee_user_id')
    .selectAll('pl')
    .select(['c.name as checklist_name', 'p.name as post_name', 'u.display_name as user_name',
      (eb) => eb.selectFrom('check_tasks as t').select((x) => x.fn.countAll<number>().as('n')).whereRef('t.enterprise_id', '=', 'pl.enterprise_id').whereRef('t.plan_id', '=', 'pl.id').where('t.status', '=', 'open').as('open_count'),
      (eb) => eb.selectFrom('check_tasks as t').select((x) => x.fn.countAll<number>().as('n')).whereRef('t.enterprise_id', '=', 'pl.enterprise_id').whereRef('t.plan_id', '=', 'pl.id').where('t.status', '=', 'done').as('done_count'),
      (eb) => eb.selectFrom('check_tasks as t').select((x) => x.fn.countAll<number>().as('n')).whereRef('t.enterprise_id', '=', 'pl.enterprise_id').whereRef('t.plan_id', '=', 'pl.id').where('t.status', '=', 'missed').as('missed_count'),
    ])
    .where('pl.enterprise_id', '=', enterpriseId)
    .where(checkPlanVisibleTo(viewer, 'pl'));
  if (id) query = query.where('pl.id', '=', id);
  return query.orderBy('pl.active', 'desc').orderBy('pl.created_at').execute();
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

// What a plan names must exist in its enterprise: the checklist (with at least one item), the post, the active account.

export async function checklistExists(db: Executor, scope: Scope, enterpriseId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('checklists as c').select('c.id').where('c.enterprise_id', '=', enterpriseId).where('c.id', '=', id)
    .where(checklistVisibleTo(scope, 'c')).executeTakeFirst();
  return !!row;
}

export async function checklistHasItems(db: Executor, scope: Scope, enterpriseId: string, checklistId: string): Promise<boolean> {
  const row = await db.selectFrom('checklist_items as i').select('i.id').where('i.enterprise_id', '=', enterpriseId).where('i.checklist_id', '=', checklistId)
    .where(({ exists, selectFrom }) => exists(selectFrom('checklists as c').select('c.id')
      .whereRef('c.enterprise_id', '=', 'i.enterprise_id').whereRef('c.id', '=', 'i.checklist_id').where(checklistVisibleTo(scope, 'c'))))
    .limit(1).executeTakeFirst();
  return !!row;
}

export async function postExists(db: Executor, scope: Scope, enterpriseId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('posts as p').select('p.id').where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', id)
    .where(postVisibleTo(scope, 'p')).executeTakeFirst();
  return !!row;
}

export async function activeAccountExists(db: Executor, scope: Scope, enterpriseId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('enterprise_id', '=', enterpriseId).where('disabled', '=', false)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!row;
}

export async function insertCheckPlan(tx: Tx, scope: Scope, enterpriseId: string, values: Omit<Insertable<CheckPlansTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('check_plans').values({ enterprise_id: enterpriseId, ...values }).returning('id').executeTakeFirstOrThrow();
}

/** One plan the viewer sees, read under its row lock (a change or a deletion decides on it). */
export async function lockCheckPlan(tx: Tx, viewer: Viewer, enterpriseId: string, id: string) {
  return tx.selectFrom('check_plans as pl').selectAll('pl').where('pl.enterprise_id', '=', enterpriseId).where('pl.id', '=', id)
    .where(checkPlanVisibleTo(viewer, 'pl')).forUpdate().executeTakeFirst();
}

export async function updateCheckPlanRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<CheckPlansTable>): Promise<void> {
  await tx.updateTable('check_plans').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteCheckPlanRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('check_plans').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Whether the plan has a record: a task done or missed. */
export async function planHasHistory(db: Executor, scope: Scope, enterpriseId: string, planId: string): Promise<boolean> {
  const row = await db.selectFrom('check_tasks').select('id').where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('status', '<>', 'open')
    .where(enterpriseInScope(scope, 'enterprise_id')).limit(1).executeTakeFirst();
  return !!row;
}

/** A stopped plan withdraws its open task. */
export async function deleteOpenTasks(tx: Tx, scope: Scope, enterpriseId: string, planId: string): Promise<void> {
  await tx.deleteFrom('check_tasks').where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('status', '=', 'open')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** A changed assignee or list carries over to the plan's open task. */
export async function updateOpenTasks(tx: Tx, scope: Scope, enterpriseId: string, planId: string,
  changes: Pick<Updateable<CheckTasksTable>, 'assignee_post_id' | 'assignee_user_id' | 'checklist_id'>): Promise<void> {
  await tx.updateTable('check_tasks').set(changes).where('enterprise_id', '=', enterpriseId).where('plan_id', '=', planId).where('status', '=', 'open')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- tasks ----

/** The posts a user holds, through the employee record linked to the account. */
export async function postsOfUser(db: Executor, scope: Scope, enterpriseId: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('users as u')
    .innerJoin('employees as e', (j) => j.onRef('e.id', '=', 'u.employee_id').on('e.enterprise_id', '=', enterpriseId))
    .innerJoin('employee_posts as ep', (j) => j.onRef('ep.enterprise_id', '=', 'e.enterprise_id').onRef('ep.employee_id', '=', 'e.id'))
    .select('ep.post_id')
    .where('u.id', '=', userId).where('u.enterprise_id', '=', enterpriseId).where('e.status', '=', 'active')
    .where(enterpriseInScope(scope, 'ep.enterprise_id'))
    .execute();
  return rows.map((r) => r.post_id);
}

/** The posts of the units under `unitPath` (a team or workshop leader's subtree). */
export async function postsUnder(db: Executor, scope: Scope, enterpriseId: string, unitPath: string): Promise<string[]> {
  const rows = await db.selectFrom('posts as p').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select('p.id').where('p.enterprise_id', '=', enterpriseId).where('u.path', 'like', `${unitPath}%`)
    .where(enterpriseInScope(scope, 'p.enterprise_id')).execute();
  return rows.map((r) => r.id);
}

function taskBase(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('check_tasks as t')
    .innerJoin('check_plans as pl', (j) => j.onRef('pl.enterprise_id', '=', 't.enterprise_id').onRef('pl.id', '=', 't.plan_id'))
    .innerJoin('checklists as c', (j) => j.onRef('c.enterprise_id', '=', 't.enterprise_id').onRef('c.id', '=', 't.checklist_id'))
    .where('t.enterprise_id', '=', enterpriseId)
    .where(checkTaskVisibleTo(viewer, 't'));
}

function taskColumns<T extends ReturnType<typeof taskBase>>(q: T) {
  return q
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 't.enterprise_id').onRef('p.id', '=', 't.assignee_post_id'))
    .leftJoin('users as au', 'au.id', 't.assignee_user_id')
    .leftJoin('users as du', 'du.id', 't.done_by')
    .selectAll('t')
    .select(['pl.name as plan_name', 'pl.type as plan_type', 'pl.cycle as plan_cycle', 'c.name as checklist_name', 'c.level', 'c.post_id as checklist_post_id', 'c.org_unit_id as checklist_unit_id',
      'p.name as post_name', 'au.display_name as user_name', 'du.display_name as done_by_name']);
}

export async function listTasks(db: Executor, viewer: Viewer, enterpriseId: string, q: TaskQuery, mine: { userId: string; postIds: string[] } | null) {
  let base = taskBase(db, viewer, enterpriseId);
  if (mine) {
    base = base.where((eb) => eb.or([
      eb('t.assignee_user_id', '=', mine.userId),
      ...(mine.postIds.length ? [eb('t.assignee_post_id', 'in', mine.postIds)] : []),
    ]));
  }
  if (q.date) base = base.where('t.period_key', 'in', periodKeysOfDate(q.date));
  if (q.since) base = base.where('t.due_at', '>', startOfLocalDay(q.since));
  if (q.planId) base = base.where('t.plan_id', '=', q.planId);
  if (q.q) base = base.where(searchWhere(q.q, ['pl.name', 'c.name']));
  const counts = await base.select((eb) => [
    eb.fn.countAll<number>().filterWhere('t.status', '=', 'open').as('open'),
    eb.fn.countAll<number>().filterWhere('t.status', '=', 'done').as('done'),
    eb.fn.countAll<number>().filterWhere('t.status', '=', 'missed').as('missed'),
  ]).executeTakeFirstOrThrow();
  const filtered = q.status ? base.where('t.status', '=', q.status) : base;
  const n = (v: unknown) => Number(v ?? 0);
  // The total is the status counts' sum, which the list shows anyway: no second count.
  const total = q.status ? n(counts[q.status]) : n(counts.open) + n(counts.done) + n(counts.missed);
  const { items: rows } = await listPage(filtered, {
    select: taskColumns,
    sort: { map: { dueAt: 't.due_at' }, key: 'dueAt', order: q.order ?? (q.status === 'open' ? 'asc' : 'desc'), tiebreak: [{ by: 't.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize, count: async () => total,
  });
  return { rows, total, counts: { open: n(counts.open), done: n(counts.done), missed: n(counts.missed) } };
}

/**
 * The workbench's check figures (issue 10 §1), each the total of the task list its item opens: mine open now, the
 * enterprise's open tasks of today's periods, and those missed since `since` (the first of the month).
 */
export async function countTasksForWorkbench(db: Executor, viewer: Viewer, enterpriseId: string, mine: { userId: string; postIds: string[] }, today: string, since: string) {
  const r = await taskBase(db, viewer, enterpriseId).select((eb) => {
    const isMine = eb.or([eb('t.assignee_user_id', '=', mine.userId), ...(mine.postIds.length ? [eb('t.assignee_post_id', 'in', mine.postIds)] : [])]);
    return [
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('t.status', '=', 'open'), isMine])).as('mineOpen'),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('t.status', '=', 'open'), w('t.period_key', 'in', periodKeysOfDate(today))])).as('openToday'),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('t.status', '=', 'missed'), w('t.due_at', '>', startOfLocalDay(since))])).as('missed'),
    ];
  }).executeTakeFirstOrThrow();
  return { mineOpen: Number(r.mineOpen ?? 0), openToday: Number(r.openToday ?? 0), missed: Number(r.missed ?? 0) };
}

/** One task, if the viewer may see it (check.policy.ts); `lock` takes the task row for update (a run). */
export async function loadTask(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = taskColumns(taskBase(db, viewer, enterpriseId).where('t.id', '=', id));
  return (opts.lock ? q.forUpdate('t') : q).executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

/** A task's recorded results, if the viewer sees the task (check.policy.ts). */
export async function taskResults(db: Executor, viewer: Viewer, enterpriseId: string, taskId: string) {
  return db.selectFrom('check_task_results as r')
    .leftJoin('hazards as h', (j) => j.onRef('h.enterprise_id', '=', 'r.enterprise_id').onRef('h.id', '=', 'r.hazard_id'))
    .selectAll('r').select('h.code as hazard_code')
    .where('r.enterprise_id', '=', enterpriseId).where('r.task_id', '=', taskId)
    .where(({ exists, selectFrom }) => exists(selectFrom('check_tasks as t').select('t.id')
      .whereRef('t.enterprise_id', '=', 'r.enterprise_id').whereRef('t.id', '=', 'r.task_id').where(checkTaskVisibleTo(viewer, 't'))))
    .execute();
}

/** Changes the columns of one task (a run closes it). */
export async function updateCheckTask(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<CheckTasksTable>): Promise<void> {
  await tx.updateTable('check_tasks').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The results of one run, one row per item. */
export async function insertTaskResults(tx: Tx, scope: Scope, enterpriseId: string, taskId: string,
  rows: Omit<Insertable<CheckTaskResultsTable>, 'enterprise_id' | 'task_id'>[]): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('check_task_results').values(rows.map((r) => ({ enterprise_id: enterpriseId, task_id: taskId, ...r }))).execute();
}

// ---- the check job: task instances, missed tasks, reminders ----

/**
 * Creates the task of one period for every active plan of the cycle (in `districts`, or everywhere; or the one plan
 * `only`), idempotently: the unique key (enterprise_id, plan_id, period_key) makes a second pass, or a second runner, a
 * no-op. One statement, whatever the number of plans; returns how many tasks it created.
 */
export async function insertPeriodTasks(db: Executor, scope: AnyScope, c: {
  cycle: CheckCycle; period: { key: string; dueAt: Date }; today: string; now: Date; districts: string[] | null; only?: { enterpriseId: string; planId: string };
}): Promise<number> {
  const { period, now, today, only } = c;
  let source = db.selectFrom('check_plans as pl')
    .innerJoin('enterprises as e', 'e.id', 'pl.enterprise_id')
    .select(['pl.enterprise_id', 'pl.id', 'pl.checklist_id', sql<string>`${period.key}::text`.as('period_key'), sql<Date>`${period.dueAt}::timestamptz`.as('due_at'),
      'pl.assignee_post_id', 'pl.assignee_user_id', sql<Date>`${now}::timestamptz`.as('created_at')])
    .where('pl.active', '=', true).where('pl.cycle', '=', c.cycle).where('pl.starts_on', '<=', today)
    .where((eb) => eb.or([eb('pl.ends_on', 'is', null), eb('pl.ends_on', '>=', today)]))
    .where('e.status', '=', 'active')
    .where(enterpriseRowInScope(scope, 'e'));
  if (c.districts) source = source.where('e.district_id', 'in', c.districts);
  if (only) source = source.where('pl.enterprise_id', '=', only.enterpriseId).where('pl.id', '=', only.planId);
  const r = await db.insertInto('check_tasks')
    .columns(['enterprise_id', 'plan_id', 'checklist_id', 'period_key', 'due_at', 'assignee_post_id', 'assignee_user_id', 'created_at'])
    .expression(source)
    .onConflict((oc) => oc.columns(['enterprise_id', 'plan_id', 'period_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Open tasks due by `now` become missed; returns the enterprise and checklist of each. */
export async function markMissedTasks(tx: Tx, scope: SystemScope, now: Date) {
  return tx.updateTable('check_tasks').set({ status: 'missed' }).where('status', '=', 'open').where('due_at', '<=', now)
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .returning(['enterprise_id', 'checklist_id']).execute();
}

/**
 * Marks the open tasks of the district's enterprises whose due time is within the lead time of their cycle
 * (`hours`) as reminded, and writes one notification for each assignee: the assigned user, or every active holder of
 * the assigned post who has an account. One statement; returns how many notifications it wrote.
 */
export async function remindDueTasks(db: Executor, scope: SystemScope, districtId: string, now: Date, hours: Record<CheckCycle, number>): Promise<number> {
  const leads = sql.join(CHECK_CYCLES.map((c) => sql`when ${c} then ${hours[c]}::int`), sql` `);
  const result = await sql`with due as (
      update check_tasks t set reminded_at = ${now}::timestamptz
      from check_plans pl, checklists c, enterprises e
      where pl.enterprise_id = t.enterprise_id and pl.id = t.plan_id and c.enterprise_id = t.enterprise_id and c.id = t.checklist_id
        and e.id = t.enterprise_id and e.district_id = ${districtId} and ${enterpriseRowInScope(scope, 'e')}
        and t.status = 'open' and t.reminded_at is null and t.due_at > ${now}::timestamptz
        and t.due_at <= ${now}::timestamptz + (case pl.cycle ${leads} else 0 end) * interval '1 hour'
      returning t.id, t.enterprise_id, t.assignee_post_id, t.assignee_user_id, t.due_at, t.period_key, pl.name as plan_name, c.name as checklist_name
    )
    insert into outbox (topic, payload)
    select 'notify', jsonb_build_object('userId', u.id, 'kind', 'check', 'titleKey', 'check.notify.due.title', 'bodyKey', 'check.notify.due.body',
      'link', '/enterprises/' || d.enterprise_id || '/check-tasks/' || d.id,
      'params', jsonb_build_object('plan', d.plan_name, 'checklist', d.checklist_name, 'period', d.period_key,
        -- The instant; the bell shows it in the reader's words ("12月31日 24:00"), the period key likewise.
        'due', to_jsonb(d.due_at)))
    from due d
    join users u on u.enterprise_id = d.enterprise_id and u.disabled = false
    where u.id = d.assignee_user_id
      or (d.assignee_post_id is not null and exists (
        select 1 from employee_posts ep join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id
        where ep.enterprise_id = d.enterprise_id and ep.post_id = d.assignee_post_id and e.id = u.employee_id and e.status = 'active'))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** An enterprise's name, for the file names of its exports. */
export async function enterpriseName(db: Executor, scope: Scope, enterpriseId: string): Promise<string> {
  const row = await db.selectFrom('enterprises as e').select('e.name').where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
  if (!row) throw notFound();
  return row.name;
}

// ---- everyone a safety officer ----

export async function leaderboardRows(db: Executor, scope: Scope, enterpriseId: string, since: Date | null) {
  let q = db.selectFrom('hazard_points as hp')
    .innerJoin('users as u', 'u.id', 'hp.user_id')
    .leftJoin('employees as e', (j) => j.onRef('e.id', '=', 'u.employee_id').onRef('e.enterprise_id', '=', 'hp.enterprise_id'))
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'e.enterprise_id').onRef('ou.id', '=', 'e.org_unit_id'))
    .select((eb) => ['hp.user_id', 'u.display_name', 'ou.name as org_unit_name', eb.fn.sum<number>('hp.points').as('points'), eb.fn.countAll<number>().as('hazards')])
    .where('hp.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'hp.enterprise_id'));
  if (since) q = q.where('hp.awarded_at', '>=', since);
  return q.groupBy(['hp.user_id', 'u.display_name', 'ou.name'])
    .orderBy('points', 'desc').orderBy('hazards', 'desc').orderBy('u.display_name').execute();
}

export async function postWithUnit(db: Executor, scope: Scope, enterpriseId: string, postId: string) {
  return db.selectFrom('posts as p')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.name', 'p.org_unit_id', 'u.name as org_unit_name', 'u.path as unit_path'])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', postId).where(postVisibleTo(scope, 'p')).executeTakeFirst();
}

/** Risk points linked to the post first, then the other active points of the post's unit. */
export async function reportRiskPoints(db: Executor, scope: Scope, enterpriseId: string, postId: string, orgUnitId: string) {
  return db.selectFrom('risk_points as r')
    .select((eb) => ['r.id', 'r.code', 'r.name', 'r.location', 'r.grade',
      eb.exists(eb.selectFrom('risk_point_posts as rp').select('rp.post_id').whereRef('rp.enterprise_id', '=', 'r.enterprise_id').whereRef('rp.risk_point_id', '=', 'r.id').where('rp.post_id', '=', postId)).as('at_post')])
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r'))
    .where((eb) => eb.or([
      eb('r.org_unit_id', '=', orgUnitId),
      eb.exists(eb.selectFrom('risk_point_posts as rp').select('rp.post_id').whereRef('rp.enterprise_id', '=', 'r.enterprise_id').whereRef('rp.risk_point_id', '=', 'r.id').where('rp.post_id', '=', postId)),
    ]))
    .orderBy('at_post', 'desc').orderBy('r.code').execute();
}

// ---- the risk feedback loop (issue 4 §5; the rule is check.feedback.ts `refreshControlFailing`) ----

/**
 * Sets each of the given risk points' "control failing — re-assess" flag from the enterprise's records: an open hazard
 * at the point, or the latest finished task of an active plan that checks it missed. Only flags that change are written.
 */
export async function updateControlFailing(db: Executor, scope: AnyScope, enterpriseId: string, riskPointIds: readonly string[]): Promise<void> {
  await sql`update risk_points rp set control_failing = x.failing
    from (
      select r.id, (
        exists (select 1 from hazards h where h.enterprise_id = r.enterprise_id and h.risk_point_id = r.id
          and h.status in ('reported', 'confirmed', 'rectifying', 'submitted'))
        or exists (
          select 1 from check_plans pl
          cross join lateral (
            select t.status, t.checklist_id from check_tasks t
            where t.enterprise_id = pl.enterprise_id and t.plan_id = pl.id and t.status <> 'open'
            order by t.due_at desc limit 1
          ) last
          join checklist_items ci on ci.enterprise_id = pl.enterprise_id and ci.checklist_id = last.checklist_id and ci.risk_point_id = r.id
          where pl.enterprise_id = r.enterprise_id and pl.active and last.status = 'missed')
      ) as failing
      from risk_points r
      where r.enterprise_id = ${enterpriseId} and r.id = any(${riskPointIds}::uuid[])
    ) x
    where rp.enterprise_id = ${enterpriseId} and ${enterpriseInScope(scope, 'rp.enterprise_id')} and rp.id = x.id
      and rp.control_failing is distinct from x.failing`.execute(db);
}

/** The risk points checked by the given checklists. */
export async function riskPointsOfChecklists(db: Executor, scope: AnyScope, enterpriseId: string, checklistIds: readonly string[]): Promise<string[]> {
  if (checklistIds.length === 0) return [];
  const rows = await db.selectFrom('checklist_items').select('risk_point_id').distinct()
    .where('enterprise_id', '=', enterpriseId).where('checklist_id', 'in', [...new Set(checklistIds)]).where('risk_point_id', 'is not', null)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return rows.map((r) => r.risk_point_id!);
}
