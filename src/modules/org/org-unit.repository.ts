import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import { unitSubtree, type Scope } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';
import type { OrgUnitsTable, PostsTable } from '../../platform/db/schema';
import { enterpriseInScope, requireInScope, unitInScope } from '../../platform/db/scope';

/**
 * The names of an org unit and its ancestors below the company, "一车间 / 甲班", as a SQL expression over the
 * org_units row aliased `alias`; the company itself is written with its own name. Built in the same query from the
 * materialised path (an ancestor's path is a prefix of the unit's), so lists do not load the tree to name a unit.
 * Posts are named by it because two units may each have an "操作工".
 */
export function unitPathLabel(alias: string): RawBuilder<string> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<string>`coalesce((select string_agg(pa.name, ' / ' order by length(pa.path)) from org_units pa
    where pa.enterprise_id = ${col('enterprise_id')} and pa.parent_id is not null
      and ${col('path')} like pa.path || '%'), ${col('name')})`;
}

/** The path label of one unit (see `unitPathLabel`); empty when the unit is gone. */
export async function unitPathOf(db: Executor, scope: Scope, enterpriseId: string, unitId: string): Promise<string> {
  const row = await db.selectFrom('org_units as u').select(unitPathLabel('u').as('unit_path'))
    .where('u.enterprise_id', '=', enterpriseId).where('u.id', '=', unitId).where(enterpriseInScope(scope, 'u.enterprise_id')).executeTakeFirst();
  return row?.unit_path ?? '';
}

/*
 * The org tree and its posts. Reads and writes are filtered by the enterprise scope (`enterpriseInScope`); which
 * enterprise's tree a caller may change is decided by the service before it calls (managers of that enterprise, the
 * district admin), so the filter repeats that decision in the statement.
 */

// ---- org units ----

/**
 * The units of one enterprise with their post and active-employee counts, by sort then name. An org-unit leader sees
 * the chain above his unit (for orientation) and his subtree in full; anyone else the whole tree.
 */
export async function listUnitRows(db: Executor, scope: Scope, enterpriseId: string) {
  const subtree = unitSubtree(scope);
  let q = db.selectFrom('org_units as u')
    .select(['u.id', 'u.parent_id', 'u.kind', 'u.name', 'u.sort', 'u.path',
      (eb) => eb.selectFrom('posts as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.enterprise_id', '=', 'u.enterprise_id').whereRef('p.org_unit_id', '=', 'u.id').as('post_count'),
      (eb) => eb.selectFrom('employees as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.enterprise_id', '=', 'u.enterprise_id').whereRef('m.org_unit_id', '=', 'u.id').where('m.status', '=', 'active').as('employee_count'),
    ])
    .where('u.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'u.enterprise_id'));
  if (subtree !== null) q = q.where(sql<SqlBool>`(u.path like ${subtree + '%'} or ${subtree} like u.path || '%')`);
  return q.orderBy('u.sort').orderBy('u.name').execute();
}

export async function findUnit(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('org_units').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

/** The highest sort among a unit's children, or null when it has none. */
export async function maxChildSort(db: Executor, scope: Scope, enterpriseId: string, parentId: string): Promise<number | null> {
  const r = await db.selectFrom('org_units').select((eb) => eb.fn.max('sort').as('m')).where('enterprise_id', '=', enterpriseId).where('parent_id', '=', parentId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return r?.m == null ? null : Number(r.m);
}

/** A new unit of one enterprise in scope; `path` is its materialised path, ending in its own id. */
export async function insertOrgUnit(tx: Tx, scope: Scope, enterpriseId: string, row: Omit<Insertable<OrgUnitsTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('org_units').values({ ...row, enterprise_id: enterpriseId }).returningAll().executeTakeFirstOrThrow();
}

/** Re-roots a whole subtree in one statement: every path starting `fromPath` starts `toPath` instead. */
export async function moveSubtree(tx: Tx, scope: Scope, enterpriseId: string, fromPath: string, toPath: string): Promise<void> {
  await sql`update org_units set path = ${toPath} || substr(path, ${fromPath.length + 1})
    where enterprise_id = ${enterpriseId} and path like ${fromPath + '%'} and ${enterpriseInScope(scope, 'enterprise_id')}`.execute(tx);
}

export async function updateOrgUnitRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<OrgUnitsTable>) {
  return tx.updateTable('org_units').set(changes)
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id'))
    .returningAll().executeTakeFirstOrThrow();
}

/** Whether anything hangs off a unit: a child unit, a post, an employee or an account. */
export async function unitInUse(db: Executor, scope: Scope, enterpriseId: string, id: string): Promise<boolean> {
  const inScope = enterpriseInScope(scope, 'enterprise_id');
  const child = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('parent_id', '=', id).where(inScope).limit(1).executeTakeFirst();
  const post = await db.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).where(inScope).limit(1).executeTakeFirst();
  const emp = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).where(inScope).limit(1).executeTakeFirst();
  const user = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).where(inScope).limit(1).executeTakeFirst();
  return !!(child || post || emp || user);
}

export async function deleteOrgUnitRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('org_units').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

// ---- posts (岗位) ----

/** The posts of one enterprise (of one unit, if given) under the caller's units, with unit path and active holders. */
export async function listPostRows(db: Executor, scope: Scope, enterpriseId: string, orgUnitId?: string) {
  let q = db.selectFrom('posts as p')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.org_unit_id', 'p.name', 'p.key_post', 'p.special_operation', 'p.certificate_type', unitPathLabel('u').as('unit_path'),
      (eb) => eb.selectFrom('employee_posts as ep').innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'ep.enterprise_id').onRef('m.id', '=', 'ep.employee_id'))
        .select((e) => e.fn.countAll<number>().as('n')).whereRef('ep.enterprise_id', '=', 'p.enterprise_id').whereRef('ep.post_id', '=', 'p.id').where('m.status', '=', 'active').as('employee_count')])
    .where('p.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'p.enterprise_id'))
    .where(unitInScope(scope, 'u.path'));
  if (orgUnitId) q = q.where('p.org_unit_id', '=', orgUnitId);
  return q.orderBy('u.path').orderBy('p.name').execute();
}

export async function findPost(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return db.selectFrom('posts').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

export async function insertPost(tx: Tx, scope: Scope, enterpriseId: string, row: Omit<Insertable<PostsTable>, 'enterprise_id'>) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('posts').values({ ...row, enterprise_id: enterpriseId }).returningAll().executeTakeFirstOrThrow();
}

export async function updatePostRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, changes: Updateable<PostsTable>) {
  return tx.updateTable('posts').set(changes)
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id'))
    .returningAll().executeTakeFirstOrThrow();
}

/** How many employees (of any status) hold the post. */
export async function countPostHolders(db: Executor, scope: Scope, enterpriseId: string, postId: string): Promise<number> {
  const r = await db.selectFrom('employee_posts').select((e) => e.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Whether an active employee holds the post. */
export async function postHasActiveHolder(db: Executor, scope: Scope, enterpriseId: string, postId: string): Promise<boolean> {
  const r = await db.selectFrom('employee_posts as ep').innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'ep.enterprise_id').onRef('m.id', '=', 'ep.employee_id'))
    .select('ep.post_id').where('ep.enterprise_id', '=', enterpriseId).where('ep.post_id', '=', postId).where('m.status', '=', 'active')
    .where(enterpriseInScope(scope, 'ep.enterprise_id')).limit(1).executeTakeFirst();
  return !!r;
}

export async function deletePostRow(tx: Tx, scope: Scope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('posts').where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}
