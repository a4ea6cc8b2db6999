import { sql } from 'kysely';
import type { Scope } from '../../platform/auth/actor';
import type { Executor, Tx } from '../../platform/db/database';
import type { EmploymentForm } from '../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, unitInScope } from '../../platform/db/scope';
import { postVisibleTo } from './post.policy';
import type { EmployeeExportQuery, EmployeeListQuery, EmployeeStatus } from './employee.schema';
import { listPage, orderByMap, searchWhere, type SortMap } from '../../platform/db/list-query';

/** The enterprise when it lies in the caller's scope; every employee call starts here so others answer 404. */
export async function findEnterpriseInScope(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('enterprises as en').select(['en.id', 'en.name']).where('en.id', '=', enterpriseId)
    .where(enterpriseRowInScope(scope, 'en')).executeTakeFirst();
}

/**
 * Employees of one enterprise as the caller may see them: the enterprise in scope, unit leaders limited to their
 * unit and its descendants, and an employee-scoped account to their own record.
 */
function scoped(db: Executor, scope: Scope, enterpriseId: string) {
  let q = db.selectFrom('employees as e')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .where('e.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'e.enterprise_id'))
    .where(unitInScope(scope, 'u.path'));
  if (scope.kind === 'enterprise' && scope.employeeId) q = q.where('e.id', '=', scope.employeeId);
  return q;
}

const COLUMNS = ['e.id', 'e.enterprise_id', 'e.name', 'e.id_number_masked', 'e.phone', 'e.employment_form', 'e.org_unit_id',
  'u.name as org_unit_name', 'e.hire_date', 'e.status', 'e.version', 'e.created_at', 'e.updated_at'] as const;

type Filters = Pick<EmployeeListQuery, 'q' | 'orgUnitId' | 'employmentForm' | 'status' | 'sort' | 'order'>;

function filtered(db: Executor, scope: Scope, enterpriseId: string, f: Filters) {
  let q = scoped(db, scope, enterpriseId);
  // A unit filter includes the units below it, as the org tree on the screen suggests.
  if (f.orgUnitId) {
    q = q.where(sql<boolean>`u.path like (select f.path || '%' from org_units f where f.enterprise_id = ${enterpriseId} and f.id = ${f.orgUnitId})`);
  }
  if (f.employmentForm) q = q.where('e.employment_form', '=', f.employmentForm);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.q) q = q.where(searchWhere(f.q, ['e.name', 'e.phone']));
  return q;
}

/** The roster's sort keys; hire dates without a value come last either way. */
export const EMPLOYEE_SORT = {
  name: 'e.name',
  hireDate: { by: 'e.hire_date', nulls: 'last' },
  createdAt: 'e.created_at',
} as const satisfies SortMap;
const sortOf = (f: Filters) => ({ map: EMPLOYEE_SORT, key: f.sort, order: f.order, tiebreak: [{ by: 'e.id', dir: 'asc' }] as const });

/** One page and the total in one round trip (window count). */
export async function listEmployeeRows(db: Executor, scope: Scope, enterpriseId: string, q: EmployeeListQuery) {
  return listPage(filtered(db, scope, enterpriseId, q), { select: (qb) => qb.select(COLUMNS), sort: sortOf(q), page: q.page, pageSize: q.pageSize, count: 'window' });
}

/** Every matching employee, for the export. */
export async function allEmployeeRows(db: Executor, scope: Scope, enterpriseId: string, q: EmployeeExportQuery) {
  return orderByMap(filtered(db, scope, enterpriseId, q).select(COLUMNS), sortOf(q)).execute();
}

export async function findEmployeeRow(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return scoped(db, scope, enterpriseId).select(COLUMNS).where('e.id', '=', id).executeTakeFirst();
}
export type EmployeeRowWithUnit = NonNullable<Awaited<ReturnType<typeof findEmployeeRow>>>;

/** The posts of many employees in one query, sorted by name: the posts a listed employee holds, shown with him. */
export async function postsOfEmployees(db: Executor, scope: Scope, enterpriseId: string, employeeIds: string[]) {
  const out = new Map<string, { id: string; name: string }[]>();
  if (employeeIds.length === 0) return out;
  const rows = await db.selectFrom('employee_posts as ep')
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .select(['ep.employee_id', 'p.id', 'p.name'])
    .where('ep.enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'ep.enterprise_id'))
    .where(sql<boolean>`ep.employee_id = any(${employeeIds}::uuid[])`)
    .orderBy('p.name').orderBy('p.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.employee_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.employee_id, list);
  }
  return out;
}

/** The enterprise's org tree, the reference unit names and paths of the roster are read and written against. */
export async function unitsOf(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('org_units').select(['id', 'parent_id', 'name', 'path']).where('enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .orderBy('path').execute();
}

/** The posts the scope sees (post.policy.ts), by name. */
export async function postsOf(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('posts as p').select(['p.id', 'p.org_unit_id', 'p.name', 'p.key_post', 'p.special_operation']).where('p.enterprise_id', '=', enterpriseId)
    .where(postVisibleTo(scope, 'p'))
    .orderBy('p.name').execute();
}

export async function unitExists(db: Executor, scope: Scope, enterpriseId: string, unitId: string) {
  const r = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', unitId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!r;
}

/** How many of these posts the scope sees (post.policy.ts). */
export async function countPosts(db: Executor, scope: Scope, enterpriseId: string, postIds: string[]) {
  if (postIds.length === 0) return 0;
  const r = await db.selectFrom('posts as p').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', 'in', postIds).where(postVisibleTo(scope, 'p')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The id of the employee (any status) already registered with this ID-number hash, if any. Uniqueness holds across
 * the whole enterprise, so the check is not narrowed to a unit.
 */
export async function employeeWithHash(db: Executor, scope: Scope, enterpriseId: string, hash: string) {
  const r = await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id_number_hash', '=', hash)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return r?.id ?? null;
}

/** Which of these ID-number hashes are registered in the enterprise already (see `employeeWithHash`). */
export async function registeredHashes(db: Executor, scope: Scope, enterpriseId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectFrom('employees').select('id_number_hash').where('enterprise_id', '=', enterpriseId)
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .where(sql<boolean>`id_number_hash = any(${hashes}::text[])`).execute();
  return new Set(rows.map((r) => r.id_number_hash));
}

export type EmployeeInsert = {
  id: string; name: string; id_number_masked: string; id_number_hash: string; phone: string;
  employment_form: EmploymentForm; org_unit_id: string; hire_date: string | null;
  /** Issue 11: the keyed hash of the last four ID characters (platform/signatures). */
  id_last4_hash: string;
};

// Rows per INSERT: large enough to make 5,000-row imports fast, small enough to stay far below the bind limit.
const BATCH = 1000;

/**
 * New employees of one enterprise in scope. `analyze` then refreshes the planner's statistics, for a bulk insert
 * followed by rows that reference the new employees: the embedded engine has no autovacuum, and a foreign-key check
 * keeps the plan it made while the table was tiny (a sequential scan), which turns linking thousands of new employees
 * to their posts quadratic (5 s for 5,000).
 */
export async function insertEmployees(tx: Tx, scope: Scope, enterpriseId: string, rows: EmployeeInsert[], now: Date, opts: { analyze?: boolean } = {}) {
  await requireInScope(tx, scope, enterpriseId);
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insertInto('employees').values(rows.slice(i, i + BATCH).map((r) => ({ ...r, enterprise_id: enterpriseId, created_at: now, updated_at: now }))).execute();
  }
  if (opts.analyze) await sql`analyze employees`.execute(tx);
}

export async function insertEmployeePosts(tx: Tx, scope: Scope, enterpriseId: string, links: { employee_id: string; post_id: string }[]) {
  if (links.length === 0) return;
  await requireInScope(tx, scope, enterpriseId);
  for (let i = 0; i < links.length; i += BATCH * 2) {
    await tx.insertInto('employee_posts').values(links.slice(i, i + BATCH * 2).map((l) => ({ ...l, enterprise_id: enterpriseId }))).execute();
  }
}

export async function replaceEmployeePosts(tx: Tx, scope: Scope, enterpriseId: string, employeeId: string, postIds: string[]) {
  await tx.deleteFrom('employee_posts').where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  await insertEmployeePosts(tx, scope, enterpriseId, postIds.map((post_id) => ({ employee_id: employeeId, post_id })));
}

export type EmployeeChanges = Partial<{
  name: string; id_number_masked: string; id_number_hash: string; id_last4_hash: string; phone: string; employment_form: EmploymentForm;
  org_unit_id: string; hire_date: string | null; status: EmployeeStatus;
}>;

/** Applies the change only if nobody changed the row since `version`; false when the version is stale. */
export async function updateEmployeeRow(tx: Tx, scope: Scope, enterpriseId: string, id: string, version: number, changes: EmployeeChanges, now: Date) {
  const r = await tx.updateTable('employees').set({ ...changes, version: version + 1, updated_at: now })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version)
    .where(enterpriseInScope(scope, 'enterprise_id'))
    .returning('id').executeTakeFirst();
  return !!r;
}
