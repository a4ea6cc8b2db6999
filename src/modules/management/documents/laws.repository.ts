import { sql, type Insertable, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import type { LawsTable } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { LAW_LEVEL_ORDER, LAW_SORT, type LawQuery } from './laws.schema';

/*
 * Issue 12 §2: the district's register of applicable laws, regulations and standards, and each enterprise's adoption
 * of them with the rule documents that implement each (migrations/0098_documents.sql; typed in platform/db/schema.ts).
 */


export type LawRow = {
  id: string; level: string; kind: string; title: string; doc_number: string; issuer: string; effective_on: string | null; repealed: boolean; version: number;
};
const lawColumns = ['l.id', 'l.level', 'l.kind', 'l.title', 'l.doc_number', 'l.issuer', sql<string | null>`l.effective_on::text`.as('effective_on'), 'l.repealed', 'l.version'] as const;

/** The district whose register a caller reads: his own, or his enterprise's. */
export async function districtOfScope(db: Executor, scope: Scope): Promise<string | null> {
  switch (scope.kind) {
    case 'district': return scope.districtId;
    case 'subdistrict': return (await db.selectFrom('subdistricts').select('district_id').where('id', '=', scope.subdistrictId).executeTakeFirst())?.district_id ?? null;
    case 'department': return (await db.selectFrom('departments').select('district_id').where('id', '=', scope.departmentId).executeTakeFirst())?.district_id ?? null;
    case 'enterprise': return (await db.selectFrom('enterprises').select('district_id').where('id', '=', scope.enterpriseId).executeTakeFirst())?.district_id ?? null;
    case 'institution': return null;
  }
}

export async function lawPage(db: Executor, districtId: string, q: LawQuery) {
  const base = db.selectFrom('laws as l').where('l.district_id', '=', districtId);
  type QB = typeof base;
  const filters: FilterMap<QB, LawQuery> = {
    level: (qb, v) => qb.where('l.level', '=', v),
    repealed: (qb, v) => qb.where('l.repealed', '=', v === 'yes'),
    q: (qb, v) => qb.where(searchWhere(v, ['l.title', 'l.doc_number', 'l.issuer'])),
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([...lawColumns]),
    sort: { map: LAW_SORT, key: q.sort, order: q.order, tiebreak: ['l.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  return page as typeof page & { items: LawRow[] };
}

export async function findLaw(db: Executor, districtId: string, id: string, opts: { lock?: boolean } = {}): Promise<LawRow | undefined> {
  let q = db.selectFrom('laws as l').select([...lawColumns]).where('l.district_id', '=', districtId).where('l.id', '=', id);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertLaw(tx: Tx, districtId: string, row: Pick<Insertable<LawsTable>, 'level' | 'kind' | 'title' | 'doc_number' | 'issuer' | 'effective_on' | 'created_by'> & { now: Date }) {
  const { now, ...values } = row;
  return (await tx.insertInto('laws').values({ district_id: districtId, ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateLaw(tx: Tx, id: string, version: number, set: Updateable<LawsTable>, now: Date) {
  return !!(await tx.updateTable('laws').set({ ...set, updated_at: now, version: version + 1 }).where('id', '=', id).where('version', '=', version)
    .returning('id').executeTakeFirst());
}

export type AdoptedRow = LawRow & { adopted_at: Date; documents: { id: string; title: string }[] | null };

export async function adoptedLaws(db: Executor, scope: AnyScope, enterpriseId: string): Promise<AdoptedRow[]> {
  return db.selectFrom('enterprise_laws as el').innerJoin('laws as l', 'l.id', 'el.law_id')
    .select([...lawColumns, 'el.adopted_at',
      sql<{ id: string; title: string }[] | null>`(select json_agg(json_build_object('id', d.id, 'title', d.title) order by d.title) from enterprise_law_documents ld
        join documents d on d.enterprise_id = ld.enterprise_id and d.id = ld.document_id where ld.enterprise_id = el.enterprise_id and ld.law_id = el.law_id)`.as('documents')])
    .where('el.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'el.enterprise_id'))
    .orderBy(LAW_LEVEL_ORDER).orderBy('l.title').execute();
}

/** Adopts the law (or keeps its adoption) and replaces the documents linked to it. */
export async function adoptLaw(tx: Tx, scope: AnyScope, enterpriseId: string, lawId: string, documentIds: readonly string[], by: string, now: Date) {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('enterprise_laws').values({ enterprise_id: enterpriseId, law_id: lawId, adopted_by: by, adopted_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'law_id']).doNothing()).execute();
  await tx.deleteFrom('enterprise_law_documents').where('enterprise_id', '=', enterpriseId).where('law_id', '=', lawId).execute();
  if (documentIds.length) {
    await tx.insertInto('enterprise_law_documents').values(documentIds.map((document_id) => ({ enterprise_id: enterpriseId, law_id: lawId, document_id }))).execute();
  }
}

export async function dropLaw(tx: Tx, scope: AnyScope, enterpriseId: string, lawId: string): Promise<boolean> {
  return !!(await tx.deleteFrom('enterprise_laws').where('enterprise_id', '=', enterpriseId).where('law_id', '=', lawId)
    .where(enterpriseInScope(scope, 'enterprise_id')).returning('law_id').executeTakeFirst());
}

/** The ids among `ids` that are documents of the enterprise. */
export async function documentsOf(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await sql<{ id: string }>`select id from documents where enterprise_id = ${enterpriseId} and id = any(${[...ids]}::uuid[])`.execute(db)).rows.map((r) => r.id);
}
