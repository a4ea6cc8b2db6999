import { sql, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { MeetingDecisionsTable, MeetingsTable, MeetingStatus, MeetingType } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { MEETING_FILE_OWNER, meetingRowVisibleTo, meetingVisibleTo, viewerChairs, viewerEmployee, type Viewer } from './meeting.policy';
import type { ActionListQuery, MeetingListQuery } from './meeting.schema';

/*
 * Safety meetings' SQL (issue 11 §8): meetings and the rows that follow them — attendees, decisions (tracked actions)
 * and history. Every read is filtered by the viewer's `meetingVisibleTo` (meeting.policy.ts), so a meeting outside it
 * is "not found"; every write is guarded by the enterprise scope (which meeting a caller may change is decided by the
 * service on the row it loaded under its lock). The demo seed passes its actors like any caller.
 */

// ---- one meeting ----

/** One meeting the viewer sees, as a select not yet run: the workflow adds its `for update` to this same statement (D1). */
export function selectMeeting(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('meetings as m')
    .innerJoin('employees as ce', (j) => j.onRef('ce.enterprise_id', '=', 'm.enterprise_id').onRef('ce.id', '=', 'm.chair_employee_id'))
    .leftJoin('users as rb', 'rb.id', 'm.recorded_by')
    .leftJoin('users as cb', 'cb.id', 'm.confirmed_by')
    .selectAll('m')
    .select([
      'ce.name as chair_name', 'rb.display_name as recorded_by_name', 'cb.display_name as confirmed_by_name',
      viewerChairs(viewer, 'm').as('viewer_chairs'),
      // The chair's active account now (he may have been given one after the meeting was recorded), and its role.
      sql<string | null>`(select cu.id from users cu where cu.enterprise_id = m.enterprise_id and cu.employee_id = m.chair_employee_id
        and not cu.disabled order by cu.created_at, cu.id limit 1)`.as('chair_account_id'),
      sql<boolean>`exists (select 1 from users pu where pu.enterprise_id = m.enterprise_id and pu.employee_id = m.chair_employee_id
        and pu.role = 'enterprise_principal' and not pu.disabled)`.as('chair_is_principal'),
      sql<string | null>`(select r.id from meetings r where r.enterprise_id = m.enterprise_id and r.replaces_id = m.id
        order by r.created_at desc limit 1)`.as('replaced_by_id'),
    ])
    .where('m.enterprise_id', '=', enterpriseId).where('m.id', '=', id)
    .where(meetingVisibleTo(viewer, 'm'));
}

export async function findMeeting(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectMeeting(db, viewer, enterpriseId, id);
  // D1: a step reads the row under its lock, in the same select, before it decides.
  const row = await (opts.lock ? q.forUpdate('m') : q).executeTakeFirst();
  return row ?? null;
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Who attended, by name, with their unit. */
export async function meetingAttendees(db: Executor, viewer: Viewer, enterpriseId: string, meetingId: string) {
  return db.selectFrom('meeting_attendees as a')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'a.enterprise_id').onRef('e.id', '=', 'a.employee_id'))
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['a.employee_id', 'e.name', 'u.name as unit_name'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.meeting_id', '=', meetingId).where(meetingRowVisibleTo(viewer, 'a'))
    .orderBy('e.name').orderBy('a.employee_id').execute();
}

/** The meeting's history, oldest first, with who acted. */
export async function meetingEvents(db: Executor, viewer: Viewer, enterpriseId: string, meetingId: string) {
  return db.selectFrom('meeting_events as ev').leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.op', 'ev.from_status', 'ev.to_status', 'u.display_name', 'ev.at', 'ev.note'])
    .where('ev.enterprise_id', '=', enterpriseId).where('ev.meeting_id', '=', meetingId).where(meetingRowVisibleTo(viewer, 'ev'))
    .orderBy('ev.seq').execute();
}

// ---- decisions (tracked actions) ----

function actionsBase(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', (j) => j.onRef('m.enterprise_id', '=', 'd.enterprise_id').onRef('m.id', '=', 'd.meeting_id'))
    .where('d.enterprise_id', '=', enterpriseId)
    .where(meetingVisibleTo(viewer, 'm'));
}

function withActionColumns(qb: ReturnType<typeof actionsBase>) {
  return qb
    .innerJoin('employees as oe', (j) => j.onRef('oe.enterprise_id', '=', 'd.enterprise_id').onRef('oe.id', '=', 'd.owner_employee_id'))
    .leftJoin('users as dbu', 'dbu.id', 'd.done_by')
    .selectAll('d')
    .select([
      'm.title as meeting_title', 'm.type as meeting_type', 'm.held_at as meeting_held_at', 'm.status as meeting_status',
      'oe.name as owner_name', 'dbu.display_name as done_by_name',
      sql<string | null>`(select ou.id from users ou where ou.enterprise_id = d.enterprise_id and ou.employee_id = d.owner_employee_id
        and not ou.disabled order by ou.created_at, ou.id limit 1)`.as('owner_account_id'),
    ]);
}

/** The decisions of one meeting, in their order. */
export async function meetingDecisions(db: Executor, viewer: Viewer, enterpriseId: string, meetingId: string) {
  return withActionColumns(actionsBase(db, viewer, enterpriseId).where('d.meeting_id', '=', meetingId))
    .orderBy('d.sort').orderBy('d.id').execute();
}
export type ActionRow = Awaited<ReturnType<typeof meetingDecisions>>[number];

const ACTION_SORT = {
  dueOn: [{ by: 'd.due_on', nulls: 'last' }, { by: 'm.held_at', dir: 'desc' }],
  heldAt: { by: 'm.held_at' },
} as const;

/**
 * The tracked actions of one enterprise as the viewer sees them: the decisions of meetings out of draft (a draft's
 * decisions are still being written), one page and its total.
 */
export async function listActionRows(db: Executor, viewer: Viewer, enterpriseId: string, q: ActionListQuery, today: string) {
  let base = actionsBase(db, viewer, enterpriseId).where('m.status', '<>', 'draft');
  if (q.status === 'overdue') base = base.where('d.status', '=', 'open').where('d.due_on', '<', today);
  else if (q.status) base = base.where('d.status', '=', q.status);
  if (q.mine) base = base.where('d.owner_employee_id', '=', viewerEmployee(viewer));
  if (q.meetingId) base = base.where('d.meeting_id', '=', q.meetingId);
  if (q.q) base = base.where(searchWhere(q.q, ['d.content', 'm.title']));
  return listPage(base, {
    select: (qb) => withActionColumns(qb),
    sort: { map: ACTION_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'd.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/** One action the viewer sees (a decision of a meeting out of draft); `lock` takes its row for update in the same select. */
export async function findAction(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = withActionColumns(actionsBase(db, viewer, enterpriseId).where('d.id', '=', id).where('m.status', '<>', 'draft'));
  const row = await (opts.lock ? q.forUpdate('d') : q).executeTakeFirst();
  return row ?? null;
}

/** Changes one decision's state columns, guarded on the version it was decided on; false when another step won. */
export async function updateAction(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, version: number, changes: Updateable<MeetingDecisionsTable>): Promise<boolean> {
  const r = await tx.updateTable('meeting_decisions').set({ ...changes, version: sql`version + 1` })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closes the open decisions of a voided meeting as cancelled, with the reason; returns how many. */
export async function cancelOpenDecisions(tx: Tx, scope: AnyScope, enterpriseId: string, meetingId: string, c: { note: string; by: string; at: Date }): Promise<number> {
  const r = await tx.updateTable('meeting_decisions')
    .set({ status: 'cancelled', done_note: c.note, done_by: c.by, done_at: c.at, updated_at: c.at, version: sql`version + 1` })
    .where('enterprise_id', '=', enterpriseId).where('meeting_id', '=', meetingId).where('status', '=', 'open')
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- lists and figures ----

const MEETING_SORT = {
  heldAt: { by: 'm.held_at' }, title: { by: 'm.title' }, type: [{ by: 'm.type' }, { by: 'm.held_at', dir: 'desc' }],
} as const;

export type MeetingListFilter = MeetingListQuery & { heldFrom?: Date; heldBefore?: Date; today: string };

/** The meetings of one enterprise as the viewer sees them, one page and its total, with their action figures. */
export async function listMeetingRows(db: Executor, viewer: Viewer, enterpriseId: string, q: MeetingListFilter) {
  let base = db.selectFrom('meetings as m').where('m.enterprise_id', '=', enterpriseId).where(meetingVisibleTo(viewer, 'm'));
  if (q.type) base = base.where('m.type', '=', q.type);
  if (q.status) base = base.where('m.status', '=', q.status);
  if (q.heldFrom) base = base.where('m.held_at', '>=', q.heldFrom);
  if (q.heldBefore) base = base.where('m.held_at', '<', q.heldBefore);
  if (q.awaitingMe) base = base.where('m.status', '=', 'draft').where(viewerChairs(viewer, 'm'));
  if (q.mine) {
    const me = viewerEmployee(viewer);
    base = base.where((eb) => eb.or([
      eb(viewerChairs(viewer, 'm'), '=', true),
      eb.exists(eb.selectFrom('meeting_attendees as ma').select('ma.employee_id')
        .whereRef('ma.enterprise_id', '=', 'm.enterprise_id').whereRef('ma.meeting_id', '=', 'm.id').where('ma.employee_id', '=', me)),
    ]));
  }
  if (q.q) base = base.where(searchWhere(q.q, ['m.title', 'm.place']));
  return listPage(base, {
    select: (qb) => qb
      .innerJoin('employees as ce', (j) => j.onRef('ce.enterprise_id', '=', 'm.enterprise_id').onRef('ce.id', '=', 'm.chair_employee_id'))
      .select(['m.id', 'm.type', 'm.title', 'm.held_at', 'm.place', 'm.chair_employee_id', 'ce.name as chair_name', 'm.status', 'm.confirmed_at',
        sql<number>`(select count(*) from meeting_attendees a where a.enterprise_id = m.enterprise_id and a.meeting_id = m.id)`.as('attendee_count'),
        sql<number>`(select count(*) from meeting_decisions d where d.enterprise_id = m.enterprise_id and d.meeting_id = m.id)`.as('decision_count'),
        sql<number>`(select count(*) from meeting_decisions d where d.enterprise_id = m.enterprise_id and d.meeting_id = m.id and d.status = 'open')`.as('open_actions'),
        sql<number>`(select count(*) from meeting_decisions d where d.enterprise_id = m.enterprise_id and d.meeting_id = m.id and d.status = 'open'
          and d.due_on < ${q.today})`.as('overdue_actions')]),
    sort: { map: MEETING_SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'm.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/**
 * The workbench's meeting figures for one enterprise as the viewer sees it: drafts the viewer chairs, the viewer's
 * open actions and how many of them are overdue, and the enterprise's overdue actions. Each is the total of the list
 * its item opens.
 */
export async function countMeetingWork(db: Executor, viewer: Viewer, enterpriseId: string, today: string) {
  const me = viewerEmployee(viewer);
  const [drafts, actions] = await Promise.all([
    db.selectFrom('meetings as m').where('m.enterprise_id', '=', enterpriseId).where('m.status', '=', 'draft')
      .where(meetingVisibleTo(viewer, 'm')).where(viewerChairs(viewer, 'm'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    actionsBase(db, viewer, enterpriseId).where('m.status', '<>', 'draft').where('d.status', '=', 'open')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('d.owner_employee_id', '=', me).as('mine'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('d.owner_employee_id', '=', me), w('d.due_on', '<', today)])).as('mineOverdue'),
        eb.fn.countAll<number>().filterWhere('d.due_on', '<', today).as('overdue'),
      ]).executeTakeFirstOrThrow(),
  ]);
  return { toConfirm: Number(drafts.n), mine: Number(actions.mine), mineOverdue: Number(actions.mineOverdue), overdue: Number(actions.overdue) };
}

// ---- people ----

/** Of the given employee ids, those of active employees of the enterprise. */
export async function activeEmployeeIds(db: Executor, scope: AnyScope, enterpriseId: string, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('employees').select('id')
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', unique).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return new Set(rows.map((r) => r.id));
}

/** The active account behind an employee of the enterprise, if he has one. */
export async function accountOfEmployee(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string): Promise<{ id: string; role: string } | null> {
  const row = await db.selectFrom('users').select(['id', 'role'])
    .where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).where('disabled', '=', false)
    .where(enterpriseInScope(scope, 'enterprise_id')).orderBy('created_at').orderBy('id').executeTakeFirst();
  return row ?? null;
}

/** The active accounts behind some employees of the enterprise (the owners of decisions, to notify). */
export async function accountsOfEmployees(db: Executor, scope: AnyScope, enterpriseId: string, employeeIds: string[]): Promise<string[]> {
  const unique = [...new Set(employeeIds)];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('users').select('id')
    .where('enterprise_id', '=', enterpriseId).where('employee_id', 'in', unique).where('disabled', '=', false)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return rows.map((r) => r.id);
}

/** The employee record behind an account (null for an account without one). */
export async function employeeOfAccount(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirst();
  return row?.employee_id ?? null;
}

/** An enterprise's name (the export's file name). */
export async function enterpriseNameOf(db: Executor, scope: AnyScope, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprises as e').select('e.name').where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e'))
    .executeTakeFirstOrThrow();
  return e.name;
}

// ---- writes ----

export type MeetingValues = {
  type: MeetingType; title: string; held_at: Date; place: string; chair_employee_id: string; chair_user_id: string | null; agenda: string; minutes: string;
};
export type DecisionValues = { content: string; ownerEmployeeId: string; dueOn: string | null };

/** A new meeting, a draft, with its first history event. */
export async function insertMeeting(tx: Tx, scope: AnyScope, enterpriseId: string, values: MeetingValues, c: { by: string; at: Date; replacesId: string | null; note: string }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const row = await tx.insertInto('meetings').values({
    ...values, enterprise_id: enterpriseId, recorded_by: c.by, replaces_id: c.replacesId, created_at: c.at, updated_at: c.at,
  }).returning('id').executeTakeFirstOrThrow();
  await insertMeetingEvent(tx, scope, enterpriseId, row.id, { op: 'record', from: null, to: 'draft', actorId: c.by, at: c.at, note: c.note });
  return row.id;
}

/** Changes the columns of one meeting (its state, version and history move through the workflow engine). */
export async function updateMeeting(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, changes: Updateable<MeetingsTable>): Promise<void> {
  await tx.updateTable('meetings').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The attendees of a draft, replaced by the given list. */
export async function replaceAttendees(tx: Tx, scope: AnyScope, enterpriseId: string, meetingId: string, employeeIds: string[]): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.deleteFrom('meeting_attendees').where('enterprise_id', '=', enterpriseId).where('meeting_id', '=', meetingId).execute();
  const unique = [...new Set(employeeIds)];
  if (unique.length === 0) return;
  await tx.insertInto('meeting_attendees').values(unique.map((employee_id) => ({ enterprise_id: enterpriseId, meeting_id: meetingId, employee_id }))).execute();
}

/** The decisions of a draft, replaced by the given list in its order (a draft's decisions are not yet tracked). */
export async function replaceDecisions(tx: Tx, scope: AnyScope, enterpriseId: string, meetingId: string, decisions: DecisionValues[], at: Date): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.deleteFrom('meeting_decisions').where('enterprise_id', '=', enterpriseId).where('meeting_id', '=', meetingId).execute();
  if (decisions.length === 0) return;
  await tx.insertInto('meeting_decisions').values(decisions.map((d, i) => ({
    enterprise_id: enterpriseId, meeting_id: meetingId, sort: i, content: d.content, owner_employee_id: d.ownerEmployeeId, due_on: d.dueOn,
    created_at: at, updated_at: at,
  }))).execute();
}

export type MeetingEvent = { op: string; from: MeetingStatus | null; to: MeetingStatus; actorId: string | null; at: Date; note: string };

export async function insertMeetingEvent(tx: Tx, scope: AnyScope, enterpriseId: string, meetingId: string, e: MeetingEvent): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('meeting_events').values({
    enterprise_id: enterpriseId, meeting_id: meetingId, op: e.op, from_status: e.from, to_status: e.to, actor_id: e.actorId, at: e.at, note: e.note,
  }).execute();
}

/** A voided meeting of the enterprise (a correction replaces one), in the scope. */
export async function findVoidedMeeting(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('meetings as m').select(['m.id', 'm.status'])
    .where('m.enterprise_id', '=', enterpriseId).where('m.id', '=', id).where(meetingVisibleTo(viewer, 'm')).executeTakeFirst();
}

/** The meeting a file of the enterprise is attached to, if any (a file is deleted through its meeting). */
export async function meetingOfFile(db: Executor, scope: AnyScope, enterpriseId: string, fileId: string): Promise<string | null> {
  const row = await db.selectFrom('attachment_links').select('owner_id')
    .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', fileId).where('owner_type', '=', MEETING_FILE_OWNER)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row?.owner_id ?? null;
}
