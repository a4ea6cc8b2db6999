import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { PpePostItem } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { regulatedEnterprises, regulatedList, type AnyScope } from '../../../platform/db/scope';
import { unitPathLabel } from '../../org';
import { ppePersonVisibleTo } from './ppe.policy';
import { ISSUE_SORT, type PpeIssueQuery, type PpeOverviewQuery } from './ppe.schema';

/*
 * Issue 13 §3, R-PPE-1: the posts' issue standards (ppe_posts) and the issue ledger (ppe_issues), migration 0106. The
 * people and their posts are read from the roster (employees, employee_posts); a person counts while active.
 */

// ---- posts and their standard ----

export type PostRow = { id: string; name: string; org_unit_id: string; unit_path: string; unit_path_name: string; post_type: string | null; items: PpePostItem[] | null; version: number | null };

/** The enterprise's posts with their post type and own list, if mapped (a unit leader: the posts of his branch). */
export async function postsWithStandard(db: Executor, scope: AnyScope, enterpriseId: string): Promise<PostRow[]> {
  return db.selectFrom('posts as p')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .leftJoin('ppe_posts as pp', (j) => j.onRef('pp.enterprise_id', '=', 'p.enterprise_id').onRef('pp.post_id', '=', 'p.id'))
    .select(['p.id', 'p.name', 'p.org_unit_id', 'u.path as unit_path', unitPathLabel('u').as('unit_path_name'), 'pp.post_type', 'pp.items', 'pp.version'])
    .where('p.enterprise_id', '=', enterpriseId)
    .where(ppePersonVisibleTo(scope, 'p'))
    .orderBy('u.path').orderBy('p.name').execute() as Promise<PostRow[]>;
}

export async function findPost(db: Executor, enterpriseId: string, postId: string) {
  return db.selectFrom('posts as p')
    .leftJoin('ppe_posts as pp', (j) => j.onRef('pp.enterprise_id', '=', 'p.enterprise_id').onRef('pp.post_id', '=', 'p.id'))
    .select(['p.id', 'p.name', 'pp.post_type', 'pp.items', 'pp.version'])
    .where('p.enterprise_id', '=', enterpriseId).where('p.id', '=', postId).executeTakeFirst();
}

/** Sets a post's post type and own list, under the row's lock (a stale version is refused by the caller). */
export async function lockPpePost(tx: Tx, enterpriseId: string, postId: string) {
  return tx.selectFrom('ppe_posts').select(['post_type', 'items', 'version']).where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId)
    .forUpdate().executeTakeFirst();
}

export async function savePpePost(tx: Tx, row: { enterpriseId: string; postId: string; postType: string; items: PpePostItem[] | null; by: string; now: Date }) {
  const items = row.items === null ? null : JSON.stringify(row.items);
  await tx.insertInto('ppe_posts').values({
    enterprise_id: row.enterpriseId, post_id: row.postId, post_type: row.postType, items, updated_by: row.by, updated_at: row.now,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'post_id']).doUpdateSet((eb) => ({
    post_type: row.postType, items, updated_by: row.by, updated_at: row.now, version: eb('ppe_posts.version', '+', 1),
  }))).execute();
}

// ---- people on posts ----

/** The roster person of an account in its enterprise (null for an account that is nobody on the roster). */
export async function employeeOfUser(db: Executor, userId: string, enterpriseId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('employee_id').where('id', '=', userId).where('enterprise_id', '=', enterpriseId).executeTakeFirst())?.employee_id ?? null;
}

export type PlacementRow = { employee_id: string; name: string; org_unit_id: string; org_unit_name: string; unit_path: string; unit_path_name: string; post_id: string; post_name: string };

/** Every active person on a post the scope sees (a unit leader: the people of his branch). */
export async function placements(db: Executor, scope: AnyScope, enterpriseId: string): Promise<PlacementRow[]> {
  return db.selectFrom('employee_posts as ep')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .select(['e.id as employee_id', 'e.name', 'e.org_unit_id', 'u.name as org_unit_name', 'u.path as unit_path', unitPathLabel('u').as('unit_path_name'), 'p.id as post_id', 'p.name as post_name'])
    .where('ep.enterprise_id', '=', enterpriseId).where('e.status', '=', 'active').where(ppePersonVisibleTo(scope, 'e'))
    .orderBy('u.path').orderBy('e.name').orderBy('e.id').orderBy('p.name').execute();
}

/** The items each person holds (issued, not voided), for the gap list. */
export async function itemsHeld(db: Executor, enterpriseId: string, employeeIds?: readonly string[]): Promise<Map<string, Set<string>>> {
  let q = db.selectFrom('ppe_issues').select(['employee_id', 'item']).distinct().where('enterprise_id', '=', enterpriseId).where('voided_at', 'is', null);
  if (employeeIds) {
    if (!employeeIds.length) return new Map();
    q = q.where('employee_id', 'in', [...employeeIds]);
  }
  const out = new Map<string, Set<string>>();
  for (const r of await q.execute()) {
    const s = out.get(r.employee_id) ?? new Set<string>();
    s.add(r.item);
    out.set(r.employee_id, s);
  }
  return out;
}

/** The active people named, as the scope sees them (a unit leader: his branch), with whether each has an account. */
export async function peopleInScope(db: Executor, scope: AnyScope, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('employees as e').select(['e.id', 'e.name', 'e.status'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.id', 'in', [...ids]).where(ppePersonVisibleTo(scope, 'e')).execute();
}

/** The posts a person is on, with their standard (for the quantity of a batch issue and his own page). */
export async function postsOfPerson(db: Executor, enterpriseId: string, employeeIds: readonly string[]) {
  if (!employeeIds.length) return [];
  return db.selectFrom('employee_posts as ep')
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .leftJoin('ppe_posts as pp', (j) => j.onRef('pp.enterprise_id', '=', 'p.enterprise_id').onRef('pp.post_id', '=', 'p.id'))
    .select(['ep.employee_id', 'p.id as post_id', 'p.name as post_name', 'pp.post_type', 'pp.items'])
    .where('ep.enterprise_id', '=', enterpriseId).where('ep.employee_id', 'in', [...employeeIds]).orderBy('p.name').execute();
}

// ---- the ledger ----

/** The row of a live issue that is the person's latest of its item (the one whose replacement counts). */
const isLatest = (alias: string) => sql<SqlBool>`(${sql.ref(`${alias}.voided_at`)} is null and not exists (select 1 from ppe_issues l2
  where l2.enterprise_id = ${sql.ref(`${alias}.enterprise_id`)} and l2.employee_id = ${sql.ref(`${alias}.employee_id`)} and l2.item = ${sql.ref(`${alias}.item`)}
    and l2.voided_at is null and (l2.issued_on, l2.created_at, l2.id) > (${sql.ref(`${alias}.issued_on`)}, ${sql.ref(`${alias}.created_at`)}, ${sql.ref(`${alias}.id`)})))`;

function issueRows(db: Executor) {
  return db.selectFrom('ppe_issues as i')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'i.enterprise_id').onRef('e.id', '=', 'i.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'i.enterprise_id').onRef('p.id', '=', 'i.post_id'))
    .leftJoin('users as ib', 'ib.id', 'i.issued_by');
}

const ISSUE_COLUMNS = [
  'i.enterprise_id', 'i.id', 'i.employee_id', 'e.name as employee_name', 'e.status as employee_status', 'u.name as org_unit_name', 'i.post_id', 'p.name as post_name',
  'i.item', 'i.item_name', 'i.standard', 'i.quantity', 'i.cycle_months', 'i.batch_id', 'i.note', 'i.signature_id', 'i.signed_at', 'i.sign_method', 'i.voided_at',
  'i.void_reason', 'i.replaces_id', 'i.created_at', 'i.version', 'ib.display_name as issued_by_name',
] as const;

function issueSelect<QB extends ReturnType<typeof issueRows>>(qb: QB) {
  return qb.select([
    ...ISSUE_COLUMNS,
    sql<string>`i.issued_on::text`.as('issued_on'), sql<string | null>`i.next_replacement::text`.as('next_replacement'),
    isLatest('i').as('latest'),
    sql<boolean>`exists (select 1 from users au where au.enterprise_id = e.enterprise_id and au.employee_id = e.id and not au.disabled)`.as('has_account'),
  ]);
}

export type IssueRow = {
  enterprise_id: string; id: string; employee_id: string; employee_name: string; employee_status: 'active' | 'left'; org_unit_name: string; post_id: string | null;
  post_name: string | null; item: string; item_name: string; standard: string; quantity: number; cycle_months: number | null; batch_id: string | null; note: string;
  signature_id: string | null; signed_at: Date | null; sign_method: 'pad' | 'password' | 'proxy_pad' | null; voided_at: Date | null; void_reason: string | null;
  replaces_id: string | null; created_at: Date; version: number; issued_by_name: string | null; issued_on: string; next_replacement: string | null;
  latest: boolean; has_account: boolean;
};

export async function findIssue(db: Executor, scope: AnyScope, enterpriseId: string, id: string): Promise<IssueRow | undefined> {
  return issueSelect(issueRows(db)).where('i.enterprise_id', '=', enterpriseId).where('i.id', '=', id).where(ppePersonVisibleTo(scope, 'e'))
    .executeTakeFirst() as Promise<IssueRow | undefined>;
}

/** The issue row locked (its person's visibility checked by the caller first): signing and voiding take it one at a time. */
export async function lockIssue(tx: Tx, enterpriseId: string, id: string) {
  return tx.selectFrom('ppe_issues').select(['id', 'employee_id', 'signed_at', 'voided_at', 'version']).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .forUpdate().executeTakeFirst();
}

export async function issuesOf(db: Executor, enterpriseId: string, employeeId: string): Promise<IssueRow[]> {
  return issueSelect(issueRows(db)).where('i.enterprise_id', '=', enterpriseId).where('i.employee_id', '=', employeeId)
    .orderBy('i.issued_on', 'desc').orderBy('i.created_at', 'desc').execute() as Promise<IssueRow[]>;
}

export async function issuePage(db: Executor, scope: AnyScope, enterpriseId: string, q: PpeIssueQuery, at: { today: string; soonUntil: string }) {
  const base = issueRows(db).where('i.enterprise_id', '=', enterpriseId).where(ppePersonVisibleTo(scope, 'e'));
  type QB = typeof base;
  const filters: FilterMap<QB, PpeIssueQuery> = {
    state: (qb, v) => {
      switch (v) {
        case 'awaiting': return qb.where('i.voided_at', 'is', null).where('i.signed_at', 'is', null);
        case 'signed': return qb.where('i.voided_at', 'is', null).where('i.signed_at', 'is not', null);
        case 'voided': return qb.where('i.voided_at', 'is not', null);
        case 'live': return qb.where('i.voided_at', 'is', null);
        case 'overdue': return qb.where('e.status', '=', 'active').where(isLatest('i')).where(sql<SqlBool>`i.next_replacement < ${at.today}::date`);
        case 'due_soon': return qb.where('e.status', '=', 'active').where(isLatest('i')).where(sql<SqlBool>`i.next_replacement between ${at.today}::date and ${at.soonUntil}::date`);
      }
    },
    employeeId: (qb, v) => qb.where('i.employee_id', '=', v),
    item: (qb, v) => qb.where('i.item', '=', v),
    orgUnitId: (qb, v) => qb.where('e.org_unit_id', '=', v),
    batchId: (qb, v) => qb.where('i.batch_id', '=', v),
    q: (qb, v) => qb.where(searchWhere(v, ['e.name', 'i.item_name', 'p.name'])),
  };
  return listPage(applyFilters(base, filters, q), {
    select: (qb) => issueSelect(qb),
    sort: { map: ISSUE_SORT, key: q.sort, order: q.order, tiebreak: ['i.created_at', 'i.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}

export type NewIssue = {
  employee_id: string; post_id: string | null; item: string; item_name: string; standard: string; quantity: number; issued_on: string; cycle_months: number | null;
  next_replacement: string | null; batch_id: string | null; note: string; issued_by: string; replaces_id: string | null;
};

export async function insertIssues(tx: Tx, enterpriseId: string, rows: readonly NewIssue[], now: Date): Promise<string[]> {
  if (!rows.length) return [];
  const out = await tx.insertInto('ppe_issues').values(rows.map((r) => ({ enterprise_id: enterpriseId, ...r, created_at: now }))).returning('id').execute();
  return out.map((r) => r.id);
}

export async function markSigned(tx: Tx, enterpriseId: string, id: string, s: { signatureId: string; at: Date; method: 'pad' | 'password' | 'proxy_pad' }) {
  await tx.updateTable('ppe_issues').set((eb) => ({ signature_id: s.signatureId, signed_at: s.at, sign_method: s.method, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

export async function markVoided(tx: Tx, enterpriseId: string, id: string, v: { by: string; at: Date; reason: string }) {
  await tx.updateTable('ppe_issues').set((eb) => ({ voided_at: v.at, voided_by: v.by, void_reason: v.reason, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** Replacement counts of one enterprise in scope: the latest live issue per active person and item, overdue and due soon. */
export async function replacementCounts(db: Executor, scope: AnyScope, enterpriseId: string, at: { today: string; soonUntil: string }) {
  return db.selectFrom('ppe_issues as i')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'i.enterprise_id').onRef('e.id', '=', 'i.employee_id'))
    .select([
      'e.org_unit_id',
      sql<number>`(count(*) filter (where ${isLatest('i')} and i.next_replacement < ${at.today}::date))::int`.as('overdue'),
      sql<number>`(count(*) filter (where ${isLatest('i')} and i.next_replacement between ${at.today}::date and ${at.soonUntil}::date))::int`.as('due_soon'),
      sql<number>`(count(*) filter (where i.voided_at is null and i.signed_at is null))::int`.as('unsigned'),
    ])
    .where('i.enterprise_id', '=', enterpriseId).where('e.status', '=', 'active').where(ppePersonVisibleTo(scope, 'e'))
    .groupBy('e.org_unit_id').execute();
}

export async function unitsOf(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('org_units as u').select(['u.id', 'u.name', 'u.path', unitPathLabel('u').as('unit_path_name')])
    .where('u.enterprise_id', '=', enterpriseId).where('u.id', 'in', [...ids]).orderBy('u.path').execute();
}

// ---- facts across enterprises (the lead's interface, the regulators' list) ----

/**
 * Per enterprise (those `where` admits, a condition on an enterprise id column): the people on a post missing an item
 * its standard requires, the replacements overdue and due soon (the latest live issue per active person and item), and
 * the live issues not signed for. `standards` are the rule-set's defaults per post type ({post_type, item}).
 */
export function ppeFactsSql(where: (column: string) => RawBuilder<SqlBool>, standards: readonly { postType: string; item: string }[], at: { today: string; soonUntil: string }) {
  const std = JSON.stringify(standards.map((s) => ({ post_type: s.postType, item: s.item })));
  return sql<{ enterprise_id: string; missing: number; overdue: number; due_soon: number; unsigned: number }>`(
    with std as (select * from jsonb_to_recordset(${std}::jsonb) as s(post_type text, item text)),
    req as (
      select pp.enterprise_id, pp.post_id, l.item from ppe_posts pp cross join lateral jsonb_to_recordset(pp.items) as l(item text)
        where pp.items is not null and ${where('pp.enterprise_id')}
      union
      select pp.enterprise_id, pp.post_id, s.item from ppe_posts pp join std s on s.post_type = pp.post_type
        where pp.items is null and ${where('pp.enterprise_id')}),
    missing as (
      select ep.enterprise_id, count(distinct ep.employee_id)::int as n from employee_posts ep
        join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
        join req r on r.enterprise_id = ep.enterprise_id and r.post_id = ep.post_id
       where not exists (select 1 from ppe_issues i where i.enterprise_id = ep.enterprise_id and i.employee_id = ep.employee_id and i.item = r.item and i.voided_at is null)
       group by ep.enterprise_id),
    latest as (
      select distinct on (i.enterprise_id, i.employee_id, i.item) i.enterprise_id, i.next_replacement from ppe_issues i
        join employees e on e.enterprise_id = i.enterprise_id and e.id = i.employee_id and e.status = 'active'
       where i.voided_at is null and ${where('i.enterprise_id')}
       order by i.enterprise_id, i.employee_id, i.item, i.issued_on desc, i.created_at desc, i.id desc),
    due as (
      select enterprise_id, (count(*) filter (where next_replacement < ${at.today}::date))::int as overdue,
        (count(*) filter (where next_replacement between ${at.today}::date and ${at.soonUntil}::date))::int as due_soon
      from latest group by enterprise_id),
    unsigned as (
      select i.enterprise_id, count(*)::int as n from ppe_issues i
        join employees e on e.enterprise_id = i.enterprise_id and e.id = i.employee_id and e.status = 'active'
       where i.voided_at is null and i.signed_at is null and ${where('i.enterprise_id')} group by i.enterprise_id),
    ents as (select enterprise_id from missing union select enterprise_id from due union select enterprise_id from unsigned)
    select x.enterprise_id, coalesce(m.n, 0) as missing, coalesce(d.overdue, 0) as overdue, coalesce(d.due_soon, 0) as due_soon, coalesce(u.n, 0) as unsigned
    from ents x left join missing m on m.enterprise_id = x.enterprise_id left join due d on d.enterprise_id = x.enterprise_id
      left join unsigned u on u.enterprise_id = x.enterprise_id)`;
}

export async function ppeFactsRows(db: Executor, enterpriseIds: readonly string[], standards: readonly { postType: string; item: string }[], at: { today: string; soonUntil: string }) {
  if (!enterpriseIds.length) return [];
  const ids = [...enterpriseIds];
  const q = ppeFactsSql((c) => sql<SqlBool>`${sql.ref(c)} = any(${ids}::uuid[])`, standards, at);
  return (await sql<{ enterprise_id: string; missing: number; overdue: number; due_soon: number; unsigned: number }>`select * from ${q} f`.execute(db)).rows;
}

/** The regulators' list: the enterprises in scope with their PPE figures, one statement for the page and one for the totals. */
export async function ppeOverviewPage(db: Executor, scope: AnyScope, q: PpeOverviewQuery, standards: readonly { postType: string; item: string }[], at: { today: string; soonUntil: string }) {
  const inScope = (c: string) => sql<SqlBool>`${sql.ref(c)} in (select re.id from enterprises re where ${sql.join(regulatedEnterprises(scope, 're', { subdistrictId: q.subdistrictId }), sql` and `)})`;
  const facts = ppeFactsSql(inScope, standards, at);
  const base = regulatedList(db, scope, q).leftJoin(facts.as('f'), (j) => j.onRef(sql.ref('f.enterprise_id') as never, '=', 'e.id'));
  type QB = typeof base;
  const filters: FilterMap<QB, PpeOverviewQuery> = { gaps: (qb) => qb.where(sql<SqlBool>`f.missing > 0`) };
  const filtered = applyFilters(base, filters, q);
  const sortMap = { name: 'e.name', missing: [sql`coalesce(f.missing, 0)`, 'e.name'], overdue: [sql`coalesce(f.overdue, 0)`, 'e.name'] };
  const page = await listPage(filtered, {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      sql<number>`coalesce(f.missing, 0)`.as('missing'), sql<number>`coalesce(f.overdue, 0)`.as('overdue'), sql<number>`coalesce(f.due_soon, 0)`.as('due_soon'),
      sql<number>`coalesce(f.unsigned, 0)`.as('unsigned'),
    ]),
    sort: { map: sortMap, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const totals = await filtered.select([
    sql<number>`count(*)::int`.as('enterprises'), sql<number>`(count(*) filter (where f.missing > 0))::int`.as('with_gaps'),
    sql<number>`coalesce(sum(f.missing), 0)::int`.as('missing'), sql<number>`coalesce(sum(f.overdue), 0)::int`.as('overdue'),
  ]).executeTakeFirstOrThrow();
  return { page, totals };
}

// ---- the daily reminder of replacements due ----

/**
 * R-PPE-1: per active enterprise of the district, the replacements overdue and due by `soonUntil` (the latest live issue
 * per active person and item, as the ledger counts them); only enterprises with at least one.
 */
export async function replacementsDueByEnterprise(db: Executor, districtId: string, at: { today: string; soonUntil: string }) {
  const rows = await sql<{ enterprise_id: string; overdue: number; due_soon: number }>`
    with latest as (
      select distinct on (i.enterprise_id, i.employee_id, i.item) i.enterprise_id, i.next_replacement from ppe_issues i
        join enterprises en on en.id = i.enterprise_id and en.district_id = ${districtId} and en.status = 'active'
        join employees e on e.enterprise_id = i.enterprise_id and e.id = i.employee_id and e.status = 'active'
       where i.voided_at is null
       order by i.enterprise_id, i.employee_id, i.item, i.issued_on desc, i.created_at desc, i.id desc)
    select enterprise_id, (count(*) filter (where next_replacement < ${at.today}::date))::int as overdue,
      (count(*) filter (where next_replacement between ${at.today}::date and ${at.soonUntil}::date))::int as due_soon
    from latest where next_replacement <= ${at.soonUntil}::date
    group by enterprise_id order by enterprise_id`.execute(db);
  return rows.rows.map((r) => ({ enterpriseId: r.enterprise_id, overdue: Number(r.overdue), dueSoon: Number(r.due_soon) }));
}

/**
 * Claims the day's reminder of an enterprise: true for the first caller of the day, false after (and for a second
 * runner at the same time, which waits on the key). It is the platform's once-per-slot record (`job_schedule_runs`,
 * purged after 30 days), named per enterprise with the local day as its slot, so no table of its own is needed; it
 * is written in the caller's transaction with the notifications, so a rollback leaves the day unclaimed.
 */
export async function claimReminderDay(tx: Tx, enterpriseId: string, day: string, now: Date): Promise<boolean> {
  const won = await tx.insertInto('job_schedule_runs').values({ name: `ppe.replacements:${enterpriseId}`, slot: day, created_at: now })
    .onConflict((oc) => oc.columns(['name', 'slot']).doNothing()).returning('name').executeTakeFirst();
  return won !== undefined;
}
