import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { enterpriseInScope, orgUnitInScope, requireInScope, unitInScope, type AnyScope } from '../../../platform/db/scope';
import { postVisibleTo, unitPathLabel } from '../../org';
import { dutyListVisibleTo } from './duty-list.policy';
import { LIST_SORT, type DutyItem, type ListQuery } from './duty-list.schema';

/*
 * Duty lists, their versions and what they are attached to (migration 0084). Every read is filtered by the caller's
 * scope: lists by `dutyListVisibleTo`, posts by `postVisibleTo`, units and people by the unit subtree of a unit leader.
 */

const ref = (column: string) => sql.ref(column);

/** A list attached by `a` has a current version. */
export function hasCurrent(a: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from duty_list_versions hv where hv.enterprise_id = ${ref(`${a}.enterprise_id`)}
    and hv.list_id = ${ref(`${a}.list_id`)} and hv.status = 'current')`;
}

/** R-RESP-1: the post aliased `p` has a list with a current version. */
export function postCovered(p = 'p'): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from duty_list_assignments ca where ca.enterprise_id = ${ref(`${p}.enterprise_id`)}
    and ca.post_id = ${ref(`${p}.id`)} and ${hasCurrent('ca')})`;
}

/** R-RESP-1: the employee aliased `m` holds a covered post, or has a personal list with a current version. */
export function personCovered(m = 'm'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from employee_posts cep join duty_list_assignments ca on ca.enterprise_id = cep.enterprise_id and ca.post_id = cep.post_id
      where cep.enterprise_id = ${ref(`${m}.enterprise_id`)} and cep.employee_id = ${ref(`${m}.id`)} and ${hasCurrent('ca')})
    or exists (select 1 from duty_list_assignments ca where ca.enterprise_id = ${ref(`${m}.enterprise_id`)} and ca.employee_id = ${ref(`${m}.id`)} and ${hasCurrent('ca')}))`;
}

const userName = (column: string) => sql<string | null>`(select un.display_name from users un where un.id = ${ref(column)})`;

// ---- lists ----

export async function listDutyLists(db: Executor, scope: Scope, enterpriseId: string, q: ListQuery) {
  let filtered = db.selectFrom('duty_lists as l')
    .where('l.enterprise_id', '=', enterpriseId)
    .where(dutyListVisibleTo(scope, 'l'));
  if (q.level) filtered = filtered.where('l.level', '=', q.level);
  if (q.q) filtered = filtered.where(searchWhere(q.q, ['l.name']));
  if (q.state === 'unpublished') filtered = filtered.where(sql<SqlBool>`not exists (select 1 from duty_list_versions sv where sv.enterprise_id = l.enterprise_id and sv.list_id = l.id and sv.status = 'current')`);
  if (q.state === 'draft') filtered = filtered.where(sql<SqlBool>`exists (select 1 from duty_list_versions sv where sv.enterprise_id = l.enterprise_id and sv.list_id = l.id and sv.status = 'draft')`);
  if (q.state === 'unassigned') filtered = filtered.where(sql<SqlBool>`not exists (select 1 from duty_list_assignments sa where sa.enterprise_id = l.enterprise_id and sa.list_id = l.id)`);
  return listPage(filtered, {
    select: (qb) => qb
      .leftJoin('duty_list_versions as cv', (j) => j.onRef('cv.enterprise_id', '=', 'l.enterprise_id').onRef('cv.list_id', '=', 'l.id').on('cv.status', '=', 'current'))
      .select(['l.id', 'l.name', 'l.level', 'l.template_key', 'l.updated_at', 'cv.version as current_version', 'cv.effective_on',
        sql<number | null>`jsonb_array_length(cv.items)`.as('item_count'),
        sql<boolean>`exists (select 1 from duty_list_versions dv where dv.enterprise_id = l.enterprise_id and dv.list_id = l.id and dv.status = 'draft')`.as('has_draft')]),
    sort: { map: LIST_SORT, key: q.sort, order: q.order, tiebreak: ['l.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}

export async function findDutyList(db: Executor, scope: Scope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = db.selectFrom('duty_lists as l').selectAll('l').where('l.enterprise_id', '=', enterpriseId).where('l.id', '=', id).where(dutyListVisibleTo(scope, 'l'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertDutyList(tx: Tx, scope: AnyScope, enterpriseId: string, row: { name: string; level: 'post' | 'department' | 'person'; template_key: string | null; created_by: string | null; at: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('duty_lists').values({
    enterprise_id: enterpriseId, name: row.name, level: row.level, template_key: row.template_key, created_by: row.created_by, created_at: row.at, updated_at: row.at,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function updateDutyListRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: { name?: string; updated_at: Date }) {
  await tx.updateTable('duty_lists').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteDutyListRow(tx: Tx, scope: Scope, enterpriseId: string, id: string) {
  await tx.deleteFrom('duty_lists').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- versions ----

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

/** A list's versions, newest first, with who made and published them. */
export async function versionsOf(db: Executor, scope: AnyScope, enterpriseId: string, listIds: readonly string[]) {
  if (!listIds.length) return [];
  return db.selectFrom('duty_list_versions as v')
    .select(['v.list_id', 'v.version', 'v.status', 'v.items', 'v.note', 'v.effective_on', 'v.made_at', 'v.published_at', 'v.superseded_at',
      userName('v.made_by').as('made_by_name'), userName('v.published_by').as('published_by_name')])
    .where('v.enterprise_id', '=', enterpriseId).where('v.list_id', 'in', listIds).where(enterpriseInScope(scope, 'v.enterprise_id'))
    .orderBy('v.list_id').orderBy('v.version', 'desc').execute();
}

export async function insertVersion(tx: Tx, scope: AnyScope, enterpriseId: string, row: { listId: string; version: number; items: DutyItem[]; note: string; by: string | null; at: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('duty_list_versions').values({
    enterprise_id: enterpriseId, list_id: row.listId, version: row.version, status: 'draft', items: JSON.stringify(row.items), note: row.note, made_by: row.by, made_at: row.at,
  }).execute();
}

export async function updateDraft(tx: Tx, scope: Scope, enterpriseId: string, listId: string, version: number, items: DutyItem[], note: string, by: string, at: Date) {
  await tx.updateTable('duty_list_versions').set({ items: JSON.stringify(items), note, made_by: by, made_at: at })
    .where('enterprise_id', '=', enterpriseId).where('list_id', '=', listId).where('version', '=', version).where('status', '=', 'draft')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteDraft(tx: Tx, scope: Scope, enterpriseId: string, listId: string) {
  await tx.deleteFrom('duty_list_versions').where('enterprise_id', '=', enterpriseId).where('list_id', '=', listId).where('status', '=', 'draft')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** The current version (if any) becomes superseded and the draft becomes current, in that order (one current at a time). */
export async function publishDraft(tx: Tx, scope: AnyScope, enterpriseId: string, listId: string, draftVersion: number, effectiveOn: string, by: string | null, at: Date) {
  const inScope = enterpriseInScope(scope, 'enterprise_id');
  await tx.updateTable('duty_list_versions').set({ status: 'superseded', superseded_at: at })
    .where('enterprise_id', '=', enterpriseId).where('list_id', '=', listId).where('status', '=', 'current').where(inScope).execute();
  await tx.updateTable('duty_list_versions').set({ status: 'current', published_by: by, published_at: at, effective_on: effectiveOn })
    .where('enterprise_id', '=', enterpriseId).where('list_id', '=', listId).where('version', '=', draftVersion).where('status', '=', 'draft').where(inScope).execute();
}

/** Published versions by (list, version), with their list's name: what a review may name as its evidence. */
export async function publishedVersions(db: Executor, scope: Scope, enterpriseId: string, refs: readonly { listId: string; version: number }[]) {
  if (!refs.length) return [];
  return db.selectFrom('duty_list_versions as v').innerJoin('duty_lists as l', (j) => j.onRef('l.enterprise_id', '=', 'v.enterprise_id').onRef('l.id', '=', 'v.list_id'))
    .select(['v.list_id', 'v.version', 'v.effective_on', 'v.published_at', 'l.name'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.status', '<>', 'draft').where(enterpriseInScope(scope, 'v.enterprise_id'))
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('v.list_id', '=', r.listId), eb('v.version', '=', r.version)]))))
    .execute();
}

// ---- assignments ----

export type TargetRow = { list_id: string; type: 'post' | 'employee' | 'orgUnit'; id: string; name: string; unit_path: string };

/** What the lists are attached to, those of them the caller's scope sees, by unit then name. */
export async function targetsOf(db: Executor, scope: AnyScope, enterpriseId: string, listIds: readonly string[]): Promise<TargetRow[]> {
  if (!listIds.length) return [];
  const rows = await db.selectFrom('duty_list_assignments as a')
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'a.enterprise_id').onRef('p.id', '=', 'a.post_id'))
    .leftJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'a.enterprise_id').onRef('m.id', '=', 'a.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'a.enterprise_id').on(sql<SqlBool>`u.id = coalesce(a.org_unit_id, p.org_unit_id, m.org_unit_id)`))
    .select(['a.list_id',
      sql<'post' | 'employee' | 'orgUnit'>`case when a.post_id is not null then 'post' when a.employee_id is not null then 'employee' else 'orgUnit' end`.as('type'),
      sql<string>`coalesce(a.post_id, a.employee_id, a.org_unit_id)`.as('id'),
      sql<string>`coalesce(p.name, m.name, u.name)`.as('name'),
      unitPathLabel('u').as('unit_path')])
    .where('a.enterprise_id', '=', enterpriseId).where('a.list_id', 'in', listIds)
    .where(enterpriseInScope(scope, 'a.enterprise_id')).where(unitInScope(scope, 'u.path'))
    .orderBy('u.path').orderBy(sql`coalesce(p.name, m.name, u.name)`).execute();
  return rows;
}

/** The ids among `ids` of posts the scope sees. */
export async function visiblePostIds(db: Executor, scope: Scope, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('posts as p').select('p.id').where('p.enterprise_id', '=', enterpriseId).where('p.id', 'in', ids).where(postVisibleTo(scope, 'p')).execute();
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` of active employees the scope sees. */
export async function visibleEmployeeIds(db: Executor, scope: Scope, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('employees as m').select('m.id').where('m.enterprise_id', '=', enterpriseId).where('m.id', 'in', ids).where('m.status', '=', 'active')
    .where(enterpriseInScope(scope, 'm.enterprise_id')).where(orgUnitInScope(scope, 'm.enterprise_id', 'm.org_unit_id')).execute();
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` of org units the scope sees. */
export async function visibleUnitIds(db: Executor, scope: Scope, enterpriseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('org_units as u').select('u.id').where('u.enterprise_id', '=', enterpriseId).where('u.id', 'in', ids)
    .where(enterpriseInScope(scope, 'u.enterprise_id')).where(unitInScope(scope, 'u.path')).execute();
  return new Set(rows.map((r) => r.id));
}

export type Targets = { postIds: readonly string[]; employeeIds: readonly string[]; orgUnitIds: readonly string[] };

/**
 * Attaches the list to exactly these targets: what it held before is let go, and a target another list held moves to
 * this one (one list per post, per person, per unit). Returns the lists that lost a target.
 */
export async function replaceAssignments(tx: Tx, scope: AnyScope, enterpriseId: string, listId: string, targets: Targets, by: string | null, at: Date): Promise<string[]> {
  const inScope = enterpriseInScope(scope, 'enterprise_id');
  await tx.deleteFrom('duty_list_assignments').where('enterprise_id', '=', enterpriseId).where('list_id', '=', listId).where(inScope).execute();
  const moved = await tx.deleteFrom('duty_list_assignments').where('enterprise_id', '=', enterpriseId).where(inScope)
    .where((eb) => eb.or([
      ...(targets.postIds.length ? [eb('post_id', 'in', targets.postIds)] : []),
      ...(targets.employeeIds.length ? [eb('employee_id', 'in', targets.employeeIds)] : []),
      ...(targets.orgUnitIds.length ? [eb('org_unit_id', 'in', targets.orgUnitIds)] : []),
      eb.val(false),
    ]))
    .returning('list_id').execute();
  const rows = [
    ...targets.postIds.map((id) => ({ post_id: id, employee_id: null, org_unit_id: null })),
    ...targets.employeeIds.map((id) => ({ post_id: null, employee_id: id, org_unit_id: null })),
    ...targets.orgUnitIds.map((id) => ({ post_id: null, employee_id: null, org_unit_id: id })),
  ];
  if (rows.length) {
    await requireInScope(tx, scope, enterpriseId);
    await tx.insertInto('duty_list_assignments').values(rows.map((r) => ({ ...r, enterprise_id: enterpriseId, list_id: listId, assigned_by: by, assigned_at: at }))).execute();
  }
  return [...new Set(moved.map((m) => m.list_id))];
}

/** The list attached to a post, if any. */
export async function listOfPost(db: Executor, scope: Scope, enterpriseId: string, postId: string): Promise<string | null> {
  const row = await db.selectFrom('duty_list_assignments').select('list_id').where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return row?.list_id ?? null;
}

export async function detachPost(tx: Tx, scope: Scope, enterpriseId: string, postId: string): Promise<void> {
  await tx.deleteFrom('duty_list_assignments').where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function attachPost(tx: Tx, scope: Scope, enterpriseId: string, listId: string, postId: string, by: string, at: Date): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('duty_list_assignments').values({ enterprise_id: enterpriseId, list_id: listId, post_id: postId, assigned_by: by, assigned_at: at }).execute();
}

// ---- the publication (公示) ----

export type PublishedRow = {
  list_id: string; list_name: string; version: number; effective_on: string; items: unknown;
  type: 'post' | 'employee' | 'orgUnit'; target_id: string; target_name: string; unit_path: string;
};

/**
 * Every current list attached to something the caller sees: posts (by `postVisibleTo`), units and people (by the unit
 * subtree), with the current version's items. `mine` keeps the caller's own: his posts' lists and his personal list.
 */
export async function publishedLists(db: Executor, scope: Scope, enterpriseId: string, opts: { mineOf?: string | null; orgUnitId?: string }): Promise<PublishedRow[]> {
  let q = db.selectFrom('duty_list_assignments as a')
    .innerJoin('duty_lists as l', (j) => j.onRef('l.enterprise_id', '=', 'a.enterprise_id').onRef('l.id', '=', 'a.list_id'))
    .innerJoin('duty_list_versions as v', (j) => j.onRef('v.enterprise_id', '=', 'a.enterprise_id').onRef('v.list_id', '=', 'a.list_id').on('v.status', '=', 'current'))
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'a.enterprise_id').onRef('p.id', '=', 'a.post_id'))
    .leftJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'a.enterprise_id').onRef('m.id', '=', 'a.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'a.enterprise_id').on(sql<SqlBool>`u.id = coalesce(a.org_unit_id, p.org_unit_id, m.org_unit_id)`))
    .select(['a.list_id', 'l.name as list_name', 'v.version', 'v.items',
      sql<string>`v.effective_on::text`.as('effective_on'),
      sql<'post' | 'employee' | 'orgUnit'>`case when a.post_id is not null then 'post' when a.employee_id is not null then 'employee' else 'orgUnit' end`.as('type'),
      sql<string>`coalesce(a.post_id, a.employee_id, a.org_unit_id)`.as('target_id'),
      sql<string>`coalesce(p.name, m.name, u.name)`.as('target_name'),
      unitPathLabel('u').as('unit_path')])
    .where('a.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'a.enterprise_id'))
    // One's own duties are always one's to read, a unit leader's too where his own post lies outside his unit.
    .where(opts.mineOf !== undefined ? sql<SqlBool>`true` : unitInScope(scope, 'u.path'))
    // A person's list is theirs while they work here.
    .where((eb) => eb.or([eb('a.employee_id', 'is', null), eb('m.status', '=', 'active')]));
  if (opts.orgUnitId) q = q.where(sql<SqlBool>`u.path like (select ou.path from org_units ou where ou.enterprise_id = a.enterprise_id and ou.id = ${opts.orgUnitId}) || '%'`);
  if (opts.mineOf !== undefined) {
    const me = opts.mineOf ?? '00000000-0000-0000-0000-000000000000';
    q = q.where((eb) => eb.or([
      eb('a.employee_id', '=', me),
      eb.exists(eb.selectFrom('employee_posts as mp').select('mp.post_id').whereRef('mp.enterprise_id', '=', 'a.enterprise_id').whereRef('mp.post_id', '=', 'a.post_id').where('mp.employee_id', '=', me)),
    ]));
  }
  const rows = await q.orderBy('u.path').orderBy(sql`coalesce(p.name, m.name, u.name)`).execute();
  return rows as PublishedRow[];
}

/** The employee record of an account (principals, safety managers and unit leaders have one too), or null. */
export async function employeeOfUser(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('employee_id').where('id', '=', userId).executeTakeFirst();
  return row?.employee_id ?? null;
}

export async function enterpriseName(db: Executor, scope: AnyScope, enterpriseId: string): Promise<string> {
  const row = await db.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).where(enterpriseInScope(scope, 'id')).executeTakeFirst();
  return row?.name ?? '';
}

/**
 * Issue 14 §4: the enterprise's duty lists with the version that was in force at `at` (published by then and not yet
 * superseded), for an accident investigation's findings, which cite the duties as they stood on the day. With
 * `employeeId`, only the lists assigned to that person (directly or through a post held now).
 */
export async function dutyListsInForceAt(db: Executor, scope: AnyScope, enterpriseId: string, at: Date, employeeId?: string | null) {
  let q = db.selectFrom('duty_lists as l')
    .innerJoin('duty_list_versions as v', (j) => j.onRef('v.enterprise_id', '=', 'l.enterprise_id').onRef('v.list_id', '=', 'l.id'))
    .select(['l.id as list_id', 'l.name as list_name', 'l.level', 'v.version', 'v.items', 'v.published_at'])
    .where('l.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'l.enterprise_id'))
    .where('v.published_at', 'is not', null).where('v.published_at', '<=', at)
    .where((eb) => eb.or([eb('v.superseded_at', 'is', null), eb('v.superseded_at', '>', at)]));
  if (employeeId) {
    q = q.where((eb) => eb.exists(eb.selectFrom('duty_list_assignments as a').select('a.list_id')
      .whereRef('a.enterprise_id', '=', 'l.enterprise_id').whereRef('a.list_id', '=', 'l.id')
      .where((w) => w.or([
        w('a.employee_id', '=', employeeId),
        w.exists(w.selectFrom('employee_posts as ep').select('ep.post_id').whereRef('ep.enterprise_id', '=', 'a.enterprise_id').whereRef('ep.post_id', '=', 'a.post_id').where('ep.employee_id', '=', employeeId)),
      ]))));
  }
  const rows = await q.orderBy('l.name').orderBy('l.id').execute();
  return rows.map((r) => ({ listId: r.list_id, listName: r.list_name, level: r.level, version: r.version, items: (r.items as DutyItem[]).map((i) => i.content) }));
}
