import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { DocumentQuizQuestion } from '../../../platform/db/schema';
import { enterpriseInScope, enterpriseRowInScope, orgUnitInScope, regulatedList, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { OVERVIEW_SORT, type DocumentKind, type LibraryQuery, type OverviewQuery } from './documents.schema';
import type { RequiredRule } from './documents.rules';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';

/*
 * R-DOC-1, issue 12 §2 (migrations/0098_documents.sql): the document library, its versions, the acknowledgements and
 * the yearly reviews (typed in platform/db/schema.ts). Every read carries the caller's scope; the enterprise's own people and its
 * regulators read the library, an employee only his own acknowledgements.
 */


export type DocumentRow = {
  id: string; kind: DocumentKind; title: string; required_codes: string[]; processes: string; archived: boolean; version: number;
  posts: { id: string; name: string }[] | null;
  current_id: string | null; current_number: number | null; current_effective_on: string | null;
  open_id: string | null; open_number: number | null; open_status: 'draft' | 'approved' | null;
  asked: number; acknowledged: number;
};

/** The day (YYYY-MM-DD, China local) as SQL, for "the version in force". */
const currentVersionSql = (day: string) => sql`(select v.id from document_versions v where v.enterprise_id = d.enterprise_id and v.document_id = d.id
  and v.status = 'published' and v.effective_on <= ${day}::date order by v.number desc limit 1)`;

function documentColumns() {
  return [
    'd.id', 'd.kind', 'd.title', 'd.required_codes', 'd.processes', 'd.archived', 'd.version',
    sql<{ id: string; name: string }[] | null>`(select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name) from document_posts dp
      join posts p on p.enterprise_id = dp.enterprise_id and p.id = dp.post_id where dp.enterprise_id = d.enterprise_id and dp.document_id = d.id)`.as('posts'),
    sql<string | null>`cv.id`.as('current_id'), sql<number | null>`cv.number`.as('current_number'), sql<string | null>`cv.effective_on::text`.as('current_effective_on'),
    sql<string | null>`ov.id`.as('open_id'), sql<number | null>`ov.number`.as('open_number'), sql<'draft' | 'approved' | null>`ov.status`.as('open_status'),
    sql<number>`(select count(*)::int from document_acks a where a.enterprise_id = d.enterprise_id and a.version_id = cv.id)`.as('asked'),
    sql<number>`(select count(*)::int from document_acks a where a.enterprise_id = d.enterprise_id and a.version_id = cv.id and a.acknowledged_at is not null)`.as('acknowledged'),
  ] as const;
}

function documentsFrom(db: Executor, day: string) {
  return db.selectFrom('documents as d')
    .leftJoin('document_versions as cv', (j) => j.onRef('cv.enterprise_id', '=', 'd.enterprise_id').on(sql<SqlBool>`cv.id = ${currentVersionSql(day)}`))
    .leftJoin('document_versions as ov', (j) => j.onRef('ov.enterprise_id', '=', 'd.enterprise_id').onRef('ov.document_id', '=', 'd.id').on('ov.status', '<>', 'published'));
}

export async function libraryPage(db: Executor, scope: AnyScope, enterpriseId: string, q: LibraryQuery, day: string) {
  const base = documentsFrom(db, day).where('d.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'd.enterprise_id'));
  type QB = typeof base;
  const filters: FilterMap<QB, LibraryQuery> = {
    kind: (qb, v) => qb.where('d.kind', '=', v),
    archived: (qb, v) => qb.where('d.archived', '=', v === 'yes'),
    q: (qb, v) => qb.where(searchWhere(v, ['d.title', 'd.processes'])),
  };
  const page = await listPage(applyFilters(base, filters, { ...q, archived: q.archived ?? 'no' }), {
    select: (qb) => qb.select([...documentColumns()]),
    sort: { map: { title: 'd.title', kind: ['d.kind', 'd.title'] }, key: q.sort, order: q.order, tiebreak: ['d.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  return page as typeof page & { items: DocumentRow[] };
}

export async function findDocument(db: Executor, scope: AnyScope, enterpriseId: string, id: string, day: string, opts: { lock?: boolean } = {}): Promise<DocumentRow | undefined> {
  let q = documentsFrom(db, day).select([...documentColumns()]).where('d.enterprise_id', '=', enterpriseId).where('d.id', '=', id)
    .where(enterpriseInScope(scope, 'd.enterprise_id'));
  if (opts.lock) q = q.forUpdate('d');
  return q.executeTakeFirst();
}

/** Locks the document row alone (the joins above cannot be locked with it). */
export async function lockDocument(tx: Tx, scope: AnyScope, enterpriseId: string, id: string) {
  return tx.selectFrom('documents as d').select(['d.id', 'd.kind', 'd.title', 'd.archived', 'd.version']).where('d.enterprise_id', '=', enterpriseId).where('d.id', '=', id)
    .where(enterpriseInScope(scope, 'd.enterprise_id')).forUpdate().executeTakeFirst();
}

export type VersionRow = {
  id: string; document_id: string; number: number; status: 'draft' | 'approved' | 'published'; effective_on: string; body: string; change_note: string;
  content_sha256: string | null; approved_at: Date | null; published_at: Date | null; row_version: number; approved_by_name: string | null;
  asked: number; acknowledged: number; quiz: DocumentQuizQuestion[];
};

function versionsFrom(db: Executor) {
  return db.selectFrom('document_versions as v')
    .leftJoin('users as au', 'au.id', 'v.approved_by')
    .select([
      'v.id', 'v.document_id', 'v.number', 'v.status', sql<string>`v.effective_on::text`.as('effective_on'), 'v.body', 'v.change_note', 'v.content_sha256',
      'v.approved_at', 'v.published_at', 'v.row_version', 'au.display_name as approved_by_name', 'v.quiz',
      sql<number>`(select count(*)::int from document_acks a where a.enterprise_id = v.enterprise_id and a.version_id = v.id)`.as('asked'),
      sql<number>`(select count(*)::int from document_acks a where a.enterprise_id = v.enterprise_id and a.version_id = v.id and a.acknowledged_at is not null)`.as('acknowledged'),
    ]);
}

export async function versionsOf(db: Executor, scope: AnyScope, enterpriseId: string, documentId: string): Promise<VersionRow[]> {
  return versionsFrom(db).where('v.enterprise_id', '=', enterpriseId).where('v.document_id', '=', documentId).where(enterpriseInScope(scope, 'v.enterprise_id'))
    .orderBy('v.number', 'desc').execute();
}

export async function findVersion(db: Executor, scope: AnyScope, enterpriseId: string, documentId: string, id: string, opts: { lock?: boolean } = {}): Promise<VersionRow | undefined> {
  let q = versionsFrom(db).where('v.enterprise_id', '=', enterpriseId).where('v.document_id', '=', documentId).where('v.id', '=', id)
    .where(enterpriseInScope(scope, 'v.enterprise_id'));
  if (opts.lock) q = q.forUpdate('v');
  return q.executeTakeFirst();
}

export async function versionByNumber(db: Executor, enterpriseId: string, documentId: string, number: number) {
  return db.selectFrom('document_versions').select(['body', 'number']).where('enterprise_id', '=', enterpriseId).where('document_id', '=', documentId)
    .where('number', '=', number).executeTakeFirst();
}

export async function insertDocument(tx: Tx, scope: AnyScope, enterpriseId: string, row: { kind: DocumentKind; title: string; required_codes: string[]; processes: string; created_by: string; now: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  return (await tx.insertInto('documents').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDocument(tx: Tx, enterpriseId: string, id: string, version: number, set: Partial<{ title: string; required_codes: string[]; processes: string; archived: boolean }>, now: Date) {
  return !!(await tx.updateTable('documents').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst());
}

export async function setDocumentPosts(tx: Tx, enterpriseId: string, documentId: string, postIds: readonly string[]) {
  await tx.deleteFrom('document_posts').where('enterprise_id', '=', enterpriseId).where('document_id', '=', documentId).execute();
  if (postIds.length) await tx.insertInto('document_posts').values(postIds.map((post_id) => ({ enterprise_id: enterpriseId, document_id: documentId, post_id }))).execute();
}

/** The ids among `postIds` that are posts of the enterprise. */
export async function postsOf(db: Executor, enterpriseId: string, postIds: readonly string[]): Promise<string[]> {
  if (!postIds.length) return [];
  return (await db.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', [...postIds]).execute()).map((r) => r.id);
}

export async function insertVersion(tx: Tx, enterpriseId: string, documentId: string, row: {
  body: string; effective_on: string; change_note: string; quiz: readonly DocumentQuizQuestion[]; created_by: string; now: Date;
}) {
  const { now, quiz, ...values } = row;
  // The next number under the document's row lock, which the caller holds.
  const r = await tx.insertInto('document_versions').values({
    enterprise_id: enterpriseId, document_id: documentId, ...values, quiz: JSON.stringify(quiz), created_at: now,
    number: sql<number>`(select coalesce(max(number), 0) + 1 from document_versions where enterprise_id = ${enterpriseId} and document_id = ${documentId})`,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'document_id']).where('status', '<>', 'published').doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateVersionDraft(tx: Tx, enterpriseId: string, id: string, rowVersion: number,
  set: Partial<{ body: string; effective_on: string; change_note: string; quiz: readonly DocumentQuizQuestion[] }>) {
  const { quiz, ...rest } = set;
  return !!(await tx.updateTable('document_versions').set({ ...rest, ...(quiz ? { quiz: JSON.stringify(quiz) } : {}), row_version: rowVersion + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').where('row_version', '=', rowVersion).returning('id').executeTakeFirst());
}

export async function markApproved(tx: Tx, enterpriseId: string, id: string, set: { signature_id: string; content_sha256: string; approved_by: string }, now: Date) {
  await tx.updateTable('document_versions').set((eb) => ({ ...set, status: 'approved' as const, approved_at: now, row_version: eb('row_version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').execute();
}

export async function markPublished(tx: Tx, enterpriseId: string, id: string, by: string, now: Date) {
  await tx.updateTable('document_versions').set((eb) => ({ status: 'published' as const, published_by: by, published_at: now, row_version: eb('row_version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'approved').execute();
}

/**
 * R-DOC-1: asks every active person on the document's posts to acknowledge the version — one row each, in one
 * INSERT … SELECT (5,000 people are one statement) — and tells the account holders among them through the outbox in
 * a second one. Returns how many were asked.
 */
export async function askAcknowledgements(tx: Tx, enterpriseId: string, documentId: string, versionId: string, now: Date, notice: { title: string; number: number }) {
  const asked = await sql<{ n: number }>`with asked as (
      insert into document_acks (enterprise_id, version_id, employee_id, document_id, asked_at)
      select distinct ep.enterprise_id, ${versionId}::uuid, ep.employee_id, ${documentId}::uuid, ${now}::timestamptz
      from document_posts dp
      join employee_posts ep on ep.enterprise_id = dp.enterprise_id and ep.post_id = dp.post_id
      join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
      where dp.enterprise_id = ${enterpriseId} and dp.document_id = ${documentId}
      on conflict do nothing
      returning employee_id
    ), told as (
      insert into outbox (topic, payload, created_at)
      select 'notify', jsonb_build_object('userId', u.id, 'kind', 'documents.ack', 'titleKey', 'documents.notify.ack.title', 'bodyKey', 'documents.notify.ack.body',
        'params', jsonb_build_object('title', ${notice.title}::text, 'number', ${notice.number}::int), 'link', '/documents/mine'), ${now}::timestamptz
      from asked a join users u on u.enterprise_id = ${enterpriseId} and u.employee_id = a.employee_id and not u.disabled
      returning id
    )
    select (select count(*)::int from asked) as n, (select count(*) from told) as told`.execute(tx);
  return Number(asked.rows[0]?.n ?? 0);
}

export type AckRow = {
  version_id: string; document_id: string; title: string; kind: DocumentKind; number: number; effective_on: string; asked_at: Date; acknowledged_at: Date | null;
  body: string; change_note: string; quiz: DocumentQuizQuestion[]; quiz_attempts: number;
};

function acksFrom(db: Executor) {
  return db.selectFrom('document_acks as a')
    .innerJoin('document_versions as v', (j) => j.onRef('v.enterprise_id', '=', 'a.enterprise_id').onRef('v.id', '=', 'a.version_id'))
    .innerJoin('documents as d', (j) => j.onRef('d.enterprise_id', '=', 'a.enterprise_id').onRef('d.id', '=', 'a.document_id'))
    // The version's quiz rides on the row, so the acknowledgement checks the answers without another query.
    .select(['a.version_id', 'a.document_id', 'd.title', 'd.kind', 'v.number', sql<string>`v.effective_on::text`.as('effective_on'), 'a.asked_at', 'a.acknowledged_at', 'v.body', 'v.change_note', 'v.quiz', 'a.quiz_attempts']);
}

/** The caller's own acknowledgements: pending ones, and the last 50 done. */
export async function acksOfEmployee(db: Executor, enterpriseId: string, employeeId: string): Promise<AckRow[]> {
  const pending = acksFrom(db).where('a.enterprise_id', '=', enterpriseId).where('a.employee_id', '=', employeeId).where('a.acknowledged_at', 'is', null).orderBy('a.asked_at', 'desc');
  const done = acksFrom(db).where('a.enterprise_id', '=', enterpriseId).where('a.employee_id', '=', employeeId).where('a.acknowledged_at', 'is not', null)
    .orderBy('a.acknowledged_at', 'desc').limit(50);
  const [p, d] = await Promise.all([pending.execute(), done.execute()]);
  return [...p, ...d];
}

export async function findAck(db: Executor, enterpriseId: string, employeeId: string, versionId: string, opts: { lock?: boolean } = {}): Promise<AckRow | undefined> {
  let q = acksFrom(db).where('a.enterprise_id', '=', enterpriseId).where('a.employee_id', '=', employeeId).where('a.version_id', '=', versionId);
  if (opts.lock) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

/** Marks the acknowledgement; `answered` counts the passing quiz attempt in the same statement. */
export async function markAcknowledged(tx: Tx, enterpriseId: string, employeeId: string, versionId: string, by: string, now: Date, signatureId: string | null = null, answered = false) {
  await tx.updateTable('document_acks')
    .set((eb) => ({ acknowledged_at: now, acknowledged_by: by, signature_id: signatureId, ...(answered ? { quiz_attempts: eb('quiz_attempts', '+', 1) } : {}) }))
    .where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).where('version_id', '=', versionId).where('acknowledged_at', 'is', null).execute();
}

/** A failed quiz attempt: only counted, the acknowledgement stays pending. */
export async function countQuizAttempt(tx: Tx, enterpriseId: string, employeeId: string, versionId: string) {
  await tx.updateTable('document_acks').set((eb) => ({ quiz_attempts: eb('quiz_attempts', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).where('version_id', '=', versionId).where('acknowledged_at', 'is', null).execute();
}

/** The codes the enterprise's rule documents in force satisfy (R-DOC-1). */
export async function satisfiedCodes(db: Executor, enterpriseId: string, day: string): Promise<string[]> {
  const r = await sql<{ code: string }>`select distinct unnest(d.required_codes) as code from documents d
    where d.enterprise_id = ${enterpriseId} and d.kind = 'rule' and not d.archived and exists (select 1 from document_versions v
      where v.enterprise_id = d.enterprise_id and v.document_id = d.id and v.status = 'published' and v.effective_on <= ${day}::date)`.execute(db);
  return r.rows.map((x) => x.code);
}

/** The posts with no operating or post procedure in force covering them. */
export async function postsWithoutProcedure(db: Executor, scope: AnyScope, enterpriseId: string, day: string) {
  const r = await sql<{ id: string; name: string; org_unit_name: string }>`select p.id, p.name, u.name as org_unit_name from posts p
    join org_units u on u.enterprise_id = p.enterprise_id and u.id = p.org_unit_id
    where p.enterprise_id = ${enterpriseId} and ${orgUnitInScope(scope, 'p.enterprise_id', 'p.org_unit_id')}
      and not exists (select 1 from document_posts dp join documents d on d.enterprise_id = dp.enterprise_id and d.id = dp.document_id
        where dp.enterprise_id = p.enterprise_id and dp.post_id = p.id and d.kind in ('procedure', 'post_procedure') and not d.archived
          and exists (select 1 from document_versions v where v.enterprise_id = d.enterprise_id and v.document_id = d.id and v.status = 'published' and v.effective_on <= ${day}::date))
    order by u.path, p.name`.execute(db);
  return r.rows;
}

/**
 * R-DOC-1 "人人知晓" by org unit: of the acknowledgements asked for each non-archived document's latest published
 * version, how many are done, grouped by the person's unit (a unit leader sees his subtree).
 */
export async function ratesByUnit(db: Executor, scope: AnyScope, enterpriseId: string) {
  const r = await sql<{ org_unit_id: string; name: string; asked: number; acknowledged: number }>`select u.id as org_unit_id, u.name,
      count(*)::int as asked, count(a.acknowledged_at)::int as acknowledged
    from document_acks a
    join documents d on d.enterprise_id = a.enterprise_id and d.id = a.document_id and not d.archived
    join employees e on e.enterprise_id = a.enterprise_id and e.id = a.employee_id
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    where a.enterprise_id = ${enterpriseId} and ${orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id')}
      and a.version_id = (select v.id from document_versions v where v.enterprise_id = a.enterprise_id and v.document_id = a.document_id
        and v.status = 'published' order by v.number desc limit 1)
    group by u.id, u.name, u.path order by u.path`.execute(db);
  return r.rows;
}

export async function reviewOfYear(db: Executor, enterpriseId: string, year: number) {
  return db.selectFrom('document_reviews as r').innerJoin('users as u', 'u.id', 'r.signed_by')
    .select(['r.id', 'r.year', sql<string>`r.reviewed_on::text`.as('reviewed_on'), 'r.changed', 'r.reason', 'r.content_sha256', 'u.display_name as signed_by_name'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.year', '=', year).executeTakeFirst();
}

export async function insertReview(tx: Tx, enterpriseId: string, row: { year: number; reviewed_on: string; changed: boolean; reason: string; signature_id: string; content_sha256: string; signed_by: string; now: Date }) {
  const { now, ...values } = row;
  const r = await tx.insertInto('document_reviews').values({ enterprise_id: enterpriseId, ...values, created_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function enterpriseFacts(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.industry_code', 'e.district_id']).where('e.id', '=', enterpriseId)
    .where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

const catalogueJson = (catalogue: readonly RequiredRule[]) => JSON.stringify(catalogue.map((r) => ({ code: r.code, name: r.name, industries: r.industries })));

/**
 * R-DOC-1 over an enterprise row `e` (its id and industry): the names of the district catalogue's required rules for its
 * industry that no published rule in force on `day` covers. The regulators' documents list and the management-system
 * view both read it.
 */
export function missingRulesSql(catalogue: readonly RequiredRule[], day: string) {
  return sql<string[]>`array(select c.name from jsonb_to_recordset(${catalogueJson(catalogue)}::jsonb) as c(code text, name text, industries jsonb)
    where (jsonb_array_length(c.industries) = 0 or c.industries ? e.industry_code)
      and not exists (select 1 from documents d where d.enterprise_id = e.id and d.kind = 'rule' and not d.archived and c.code = any(d.required_codes)
        and exists (select 1 from document_versions v where v.enterprise_id = d.enterprise_id and v.document_id = d.id and v.status = 'published' and v.effective_on <= ${day}::date)))`;
}

/**
 * The acknowledgements asked of an enterprise row `e`'s people on the latest published version of each of its documents
 * in use, as a derived table of `acknowledged_at` (null: not yet): its count and non-null count are the rate.
 */
export function latestAcksSql() {
  return sql`(select a.acknowledged_at from document_acks a join documents d on d.enterprise_id = a.enterprise_id and d.id = a.document_id and not d.archived
    where a.enterprise_id = e.id and a.version_id = (select v.id from document_versions v where v.enterprise_id = a.enterprise_id and v.document_id = a.document_id
      and v.status = 'published' order by v.number desc limit 1))`;
}

/**
 * R-DOC-1, the regulators' list: every active enterprise in scope with the required rules it lacks (from the district's
 * catalogue, passed as JSON), its documents, and its acknowledgement rate over the latest published versions — one
 * query for the page and one for its count.
 */
export async function overviewPage(db: Executor, scope: AnyScope, q: OverviewQuery, at: { catalogue: readonly RequiredRule[]; day: string; year: number }) {
  const catalogue = catalogueJson(at.catalogue);
  const base = regulatedList(db, scope, q);
  const missingNames = missingRulesSql(at.catalogue, at.day);
  type QB = typeof base;
  const filters: FilterMap<QB, OverviewQuery> = {
    missing: (qb, v) => qb.where(v === 'yes' ? sql<SqlBool>`cardinality(${missingNames}) > 0` : sql<SqlBool>`cardinality(${missingNames}) = 0`),
  };
  const acks = latestAcksSql();
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      sql<number>`(select count(*)::int from jsonb_to_recordset(${catalogue}::jsonb) as c(code text, industries jsonb)
        where jsonb_array_length(c.industries) = 0 or c.industries ? e.industry_code)`.as('required'),
      missingNames.as('missing_names'),
      sql<number>`cardinality(${missingNames})`.as('missing'),
      sql<number>`(select count(*)::int from documents d where d.enterprise_id = e.id and not d.archived)`.as('documents'),
      sql<number>`(select count(*)::int from ${acks} x)`.as('asked'),
      sql<number>`(select count(x.acknowledged_at)::int from ${acks} x)`.as('acknowledged'),
      sql<number | null>`(select case when count(*) = 0 then null else floor(count(x.acknowledged_at) * 100.0 / count(*))::int end from ${acks} x)`.as('rate'),
      sql<boolean>`exists (select 1 from document_reviews r where r.enterprise_id = e.id and r.year = ${at.year})`.as('reviewed'),
    ]),
    sort: { map: OVERVIEW_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  return page;
}

/** The roster person an account stands for (any enterprise role may be on a covered post). */
export async function employeeOfUser(db: Executor, userId: string, enterpriseId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('employee_id').where('id', '=', userId).where('enterprise_id', '=', enterpriseId).executeTakeFirst())?.employee_id ?? null;
}

/** Whether a file is attached to a version of the enterprise (and which), within the caller's scope. */
export async function versionOfFile(db: Executor, scope: AnyScope, enterpriseId: string, fileId: string, ownerType: string) {
  return (await db.selectFrom('attachment_links').select(['owner_id']).where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', fileId)
    .where('owner_type', '=', ownerType).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst())?.owner_id ?? null;
}

/** A version's files with their content hashes, in a stable order, for the signed content. */
export async function versionFileHashes(db: Executor, enterpriseId: string, ownerType: string, versionId: string) {
  return db.selectFrom('attachment_links as l')
    .innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['a.id', 'a.name', 'a.sha256']).where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', '=', ownerType).where('l.owner_id', '=', versionId)
    .orderBy('a.id').execute();
}

/** The people asked to acknowledge a version who have not, and have no account: they confirm on a shared device. */
export async function pendingWithoutAccount(db: Executor, scope: AnyScope, enterpriseId: string, versionId: string) {
  const r = await sql<{ employee_id: string; name: string; org_unit_name: string }>`select e.id as employee_id, e.name, u.name as org_unit_name
    from document_acks a join employees e on e.enterprise_id = a.enterprise_id and e.id = a.employee_id
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    where a.enterprise_id = ${enterpriseId} and a.version_id = ${versionId} and a.acknowledged_at is null and ${enterpriseInScope(scope, 'a.enterprise_id')}
      and not exists (select 1 from users us where us.employee_id = e.id and us.enterprise_id = e.enterprise_id and not us.disabled)
    order by u.path, e.name`.execute(db);
  return r.rows;
}

/** One person's acknowledgement of a version, locked. */
export async function lockAckOf(tx: Tx, enterpriseId: string, versionId: string, employeeId: string) {
  return tx.selectFrom('document_acks').select(['employee_id', 'acknowledged_at', 'quiz_attempts']).where('enterprise_id', '=', enterpriseId).where('version_id', '=', versionId)
    .where('employee_id', '=', employeeId).forUpdate().executeTakeFirst();
}
