import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, enterpriseRowInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { COMMITMENT_OVERVIEW_SORT, type CommitmentOverviewQuery } from './letters.schema';

/*
 * R-COM-1: the principal's safety commitments and their quarterly reports. A commitment is the enterprise's own
 * record: everyone of the enterprise reads it, and its regulators (by scope).
 */

export type CommitmentRow = {
  enterprise_id: string; id: string; seq: number; year: number; status: 'draft' | 'signed' | 'superseded'; content: unknown;
  content_sha256: string | null; principal_name: string; signature_id: string | null; signed_by: string | null; signed_at: Date | null;
  public_token: string | null; version: number; signed_by_name: string | null;
};

function commitments(db: Executor) {
  return db.selectFrom('safety_commitments as c').leftJoin('users as su', 'su.id', 'c.signed_by')
    .select([
      'c.enterprise_id', 'c.id', 'c.seq', 'c.year', 'c.status', 'c.content', 'c.content_sha256', 'c.principal_name', 'c.signature_id', 'c.signed_by',
      'c.signed_at', 'c.public_token', 'c.version', 'su.display_name as signed_by_name',
    ]);
}

export async function listCommitmentRows(db: Executor, scope: AnyScope, enterpriseId: string): Promise<CommitmentRow[]> {
  return commitments(db).where('c.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'c.enterprise_id')).orderBy('c.seq', 'desc').execute();
}

export async function findCommitment(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<CommitmentRow | undefined> {
  let q = commitments(db).where('c.enterprise_id', '=', enterpriseId).where('c.id', '=', id).where(enterpriseInScope(scope, 'c.enterprise_id'));
  if (opts.lock) q = q.forUpdate('c');
  return q.executeTakeFirst();
}

/** The public page's commitment: by its token alone (the token is the credential), signed or superseded. */
export async function commitmentByToken(db: Executor, scope: AnyScope, token: string) {
  return commitments(db).innerJoin('enterprises as e', 'e.id', 'c.enterprise_id').select('e.name as enterprise_name')
    .where('c.public_token', '=', token).where('c.status', 'in', ['signed', 'superseded']).where(enterpriseInScope(scope, 'c.enterprise_id'))
    .executeTakeFirst();
}

export async function draftOf(db: Executor, enterpriseId: string) {
  return db.selectFrom('safety_commitments').select('id').where('enterprise_id', '=', enterpriseId).where('status', '=', 'draft').executeTakeFirst();
}

export async function insertCommitment(tx: Tx, scope: AnyScope, enterpriseId: string, row: { year: number; content: unknown; principal_name: string; created_by: string; now: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  const last = await tx.selectFrom('safety_commitments').select((eb) => eb.fn.max('seq').as('s')).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  const r = await tx.insertInto('safety_commitments').values({
    enterprise_id: enterpriseId, seq: Number(last?.s ?? 0) + 1, year: row.year, content: JSON.stringify(row.content), principal_name: row.principal_name,
    created_by: row.created_by, created_at: row.now, updated_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDraft(tx: Tx, enterpriseId: string, id: string, version: number, set: { content: unknown; principal_name: string }, now: Date): Promise<boolean> {
  const r = await tx.updateTable('safety_commitments')
    .set({ content: JSON.stringify(set.content), principal_name: set.principal_name, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').where('version', '=', version)
    .returning('id').executeTakeFirst();
  return !!r;
}

/** The current commitment, once a new one is signed, is superseded (the trigger allows nothing else). */
export async function supersedeCurrent(tx: Tx, enterpriseId: string, now: Date) {
  await tx.updateTable('safety_commitments').set((eb) => ({ status: 'superseded', superseded_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'signed').execute();
}

export async function markCommitmentSigned(tx: Tx, enterpriseId: string, id: string, set: { content_sha256: string; signature_id: string; signed_by: string; public_token: string }, now: Date) {
  await tx.updateTable('safety_commitments').set((eb) => ({ ...set, status: 'signed', signed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'draft').execute();
}

export async function insertReport(tx: Tx, enterpriseId: string, commitmentId: string, periodKey: string, by: string, now: Date): Promise<boolean> {
  const r = await tx.insertInto('commitment_reports').values({ enterprise_id: enterpriseId, commitment_id: commitmentId, period_key: periodKey, reported_by: by, reported_at: now })
    .onConflict((oc) => oc.columns(['enterprise_id', 'commitment_id', 'period_key']).doNothing()).returning('period_key').executeTakeFirst();
  return !!r;
}

export async function reportsOf(db: Executor, enterpriseId: string, commitmentId: string) {
  return db.selectFrom('commitment_reports').select(['period_key', 'reported_at']).where('enterprise_id', '=', enterpriseId)
    .where('commitment_id', '=', commitmentId).orderBy('reported_at', 'desc').execute();
}

/** Figures the draft quotes that no other module's door gives: staffing. */
export async function staffing(db: Executor, enterpriseId: string) {
  const [e, m] = await Promise.all([
    db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').executeTakeFirstOrThrow(),
    db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('role', '=', 'safety_manager')
      .where('disabled', '=', false).executeTakeFirstOrThrow(),
  ]);
  return { employees: Number(e.n), safetyManagers: Number(m.n) };
}

/**
 * R-COM-1, the regulators' view: every enterprise in scope with its current (latest signed) commitment, if any, and
 * when it was last reported.
 */
export async function commitmentOverviewPage(db: Executor, scope: AnyScope, q: CommitmentOverviewQuery) {
  const base = db.selectFrom('enterprises as e')
    .innerJoin('subdistricts as sd', 'sd.id', 'e.subdistrict_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .leftJoin('safety_commitments as c', (j) => j.onRef('c.enterprise_id', '=', 'e.id').on('c.status', '=', 'signed'))
    .where(enterpriseRowInScope(scope, 'e')).where('e.status', '<>', 'closed');
  type QB = typeof base;
  const filters: FilterMap<QB, CommitmentOverviewQuery> = {
    current: (qb, v) => qb.where(v === 'yes' ? sql<SqlBool>`c.id is not null` : sql<SqlBool>`c.id is null`),
    subdistrictId: (qb, v) => qb.where('e.subdistrict_id', '=', v),
    q: (qb, v) => qb.where(searchWhere(v, ['e.name', { column: 'e.credit_code', upper: true }])),
  };
  const filtered = applyFilters(base, filters, q);
  const page = await listPage(filtered, {
    select: (qb) => qb.select([
      'e.id as enterprise_id', 'e.name', 'e.credit_code', 'sd.name as subdistrict_name', 'i.name as industry_name',
      'c.id as commitment_id', 'c.year', 'c.signed_at', 'c.principal_name',
      sql<Date | null>`(select max(r.reported_at) from commitment_reports r where r.enterprise_id = c.enterprise_id and r.commitment_id = c.id)`.as('last_reported_at'),
    ]),
    sort: { map: COMMITMENT_OVERVIEW_SORT, key: q.sort, order: q.order, tiebreak: ['e.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const counts = await applyFilters(base, { ...filters, current: undefined }, q)
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(c.id)::int`.as('current')]).executeTakeFirstOrThrow();
  return { page, counts: { total: Number(counts.total), current: Number(counts.current) } };
}
