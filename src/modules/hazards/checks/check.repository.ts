import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { checklistVisibleTo, checkPlanVisibleTo, checkTaskVisibleTo, type Viewer } from './check.policy';
import { postVisibleTo, unitPathLabel } from '../../org';
import { riskPointVisibleTo } from '../../risk';
import type { Scope } from '../../../platform/auth/actor';
import type { TaskQuery } from './check.schema';
import { periodKeysOfDate } from './check.rules';
import { startOfLocalDay } from '../../../platform/time';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope } from '../../../platform/db/scope';
import { notFound } from '../../../platform/errors';

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

// ---- the enterprise's own items ----

export async function enterpriseItems(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprise_check_items').selectAll().where('enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'enterprise_id'))
    .orderBy('category').orderBy('created_at').execute();
}

export async function enterpriseItem(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('enterprise_check_items').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
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
