import { sql } from 'kysely';
import type { Ctx } from '../auth/actor';
import { describeScope } from '../auth/actor';
import { beforeCommit } from '../db/commit-hooks';
import { PREPARED, type Executor, type Tx } from '../db/database';
import { auditHash, auditHashV2, canonicalize, GENESIS_HASH } from './canonical';

/** The chain of writes that belong to no enterprise (accounts of regulators, rule-sets, the directory…). */
export const PLATFORM_CHAIN = 'platform';
/** Rows written before the per-enterprise chains (migration 0008): one chain, hash version 1. */
export const LEGACY_CHAIN = 'global';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  enterpriseId?: string | null;
  before?: unknown;
  after?: unknown;
};

export function chainOf(enterpriseId: string | null | undefined): string {
  return enterpriseId ?? PLATFORM_CHAIN;
}

/**
 * Appends one row to the enterprise's hash chain (or the platform chain). Must be called inside the business
 * transaction: the row commits or rolls back with the change it records.
 */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, ctx, [entry]);
}

/**
 * Appends several rows, in the order given, each to its chain. In a transaction begun by `db.transaction()` the rows
 * are collected and appended when the transaction's work is done, just before it commits (`beforeCommit`): the chain's
 * head stays locked from its append to the commit, so it is taken last, and two transactions that wait for each other
 * elsewhere (a signature's key, a record's lock) cannot also wait on the head. Two statements per chain whatever the
 * number of rows, chains in name order.
 */
export async function writeAudits(tx: Tx, ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // Read now: a `before`/`after` object the caller changes later is recorded as it was when written.
  const rows = entries.map((entry) => prepared(ctx, entry));
  let queued = queuedAudits.get(tx);
  if (!queued) {
    const list: Prepared[] = [];
    if (!beforeCommit(tx, 'audit', () => appendAll(tx, list))) return appendAll(tx, rows);
    queuedAudits.set(tx, (queued = list));
  }
  queued.push(...rows);
}

/** A row as written, but for its place in the chain. */
type Prepared = Omit<Parameters<typeof auditHashV2>[0], 'chainSeq' | 'prevHash'> & { chain: string };

const queuedAudits = new WeakMap<Tx, Prepared[]>();

function prepared(ctx: Ctx, entry: AuditEntry): Prepared {
  return {
    chain: chainOf(entry.enterpriseId),
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorScope: ctx.actor ? describeScope(ctx.actor.scope) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    enterpriseId: entry.enterpriseId ?? null,
    before: entry.before === undefined ? null : canonicalize(entry.before),
    after: entry.after === undefined ? null : canonicalize(entry.after),
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

async function appendAll(tx: Tx, rows: readonly Prepared[]): Promise<void> {
  const byChain = new Map<string, Prepared[]>();
  for (const r of rows) {
    const list = byChain.get(r.chain);
    if (list) list.push(r);
    else byChain.set(r.chain, [r]);
  }
  for (const chain of [...byChain.keys()].sort()) await appendToChain(tx, chain, byChain.get(chain)!);
}

async function appendToChain(tx: Tx, chain: string, rows: readonly Prepared[]): Promise<void> {
  const n = rows.length;
  // Move the head on by n and read the previous hash: the upsert locks the head row until commit, so appends to
  // one chain queue here and see each other's committed heads (READ COMMITTED re-reads the row after the wait).
  const head = await tx.insertInto('audit_chain_heads').values({ chain, chain_seq: n, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doUpdateSet({ chain_seq: sql`audit_chain_heads.chain_seq + ${sql.lit(n)}` }))
    .returning(['chain_seq', 'hash']).modifyEnd(PREPARED).executeTakeFirstOrThrow();
  let chainSeq = Number(head.chain_seq) - n;
  let prevHash = head.hash;
  const values = rows.map((p) => {
    chainSeq += 1;
    const row = { ...p, chainSeq, prevHash };
    const hash = auditHashV2(row);
    prevHash = hash;
    return {
      chain,
      chain_seq: row.chainSeq,
      at: row.at,
      actor_id: row.actorId,
      actor_role: row.actorRole,
      actor_scope: row.actorScope,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      enterprise_id: row.enterpriseId,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      ip: row.ip,
      request_id: row.requestId,
      prev_hash: row.prevHash,
      hash,
    };
  });
  const last = prevHash;
  await tx.with('head', (db) => db.updateTable('audit_chain_heads').set({ hash: last }).where('chain', '=', chain))
    .insertInto('audit_log').values(values).modifyEnd(PREPARED).execute();
}

export type ChainProblem = { seq: number; chain: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' };
export type ChainReport = { ok: boolean; checked: number; chains: number; lastSeq: number; problems: ChainProblem[] };

/**
 * Walks every chain in position order and reports every row whose link or own hash does not hold, every gap in
 * a chain's positions (a deleted row), and every chain whose head does not name its last row (rows cut off the end). Rows are read in batches by (chain, chain_seq), which the unique index serves.
 */
export async function verifyAuditChain(db: Executor, opts: { batch?: number; maxProblems?: number } = {}): Promise<ChainReport> {
  const batch = opts.batch ?? 5000;
  const maxProblems = opts.maxProblems ?? 100;
  const problems: ChainProblem[] = [];
  const problem = (p: ChainProblem) => { if (problems.length < maxProblems) problems.push(p); };
  let chain: string | null = null;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let chains = 0;
  let lastSeq = 0;
  let cursor: { chain: string; pos: number } | null = null;
  const ends = new Map<string, { seq: number; pos: number; hash: string }>();
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll();
    if (cursor) {
      const c: { chain: string; pos: number } = cursor;
      q = q.where((eb) => eb(eb.refTuple('chain', 'chain_seq'), '>', eb.tuple(c.chain, String(c.pos) as never)));
    }
    const rows = await q.orderBy('chain').orderBy('chain_seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const pos = Number(r.chain_seq);
      if (r.chain !== chain) {
        chain = r.chain;
        expected = 1;
        prevHash = GENESIS_HASH;
        chains++;
      }
      if (pos !== expected) problem({ seq, chain: r.chain, reason: 'gap' });
      if (r.prev_hash !== prevHash) problem({ seq, chain: r.chain, reason: 'prev_hash_mismatch' });
      const common = {
        at: r.at, actorId: r.actor_id, actorRole: r.actor_role, actorScope: r.actor_scope, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, enterpriseId: r.enterprise_id, before: r.before, after: r.after,
        ip: r.ip, requestId: r.request_id, prevHash: r.prev_hash,
      };
      const recomputed = r.hash_version === 1 ? auditHash({ ...common, seq }) : auditHashV2({ ...common, chain: r.chain, chainSeq: pos });
      if (recomputed !== r.hash) problem({ seq, chain: r.chain, reason: 'hash_mismatch' });
      prevHash = r.hash;
      ends.set(r.chain, { seq, pos, hash: r.hash });
      expected = pos + 1;
      lastSeq = Math.max(lastSeq, seq);
      checked++;
      cursor = { chain: r.chain, pos };
    }
  }
  // Each chain's head must name its last row: rows cut off the end of a chain (or a whole chain) show up here.
  const heads = await db.selectFrom('audit_chain_heads').selectAll().execute();
  for (const h of heads) {
    const end = ends.get(h.chain);
    if (!end || end.pos !== Number(h.chain_seq) || end.hash !== h.hash) problem({ seq: end?.seq ?? 0, chain: h.chain, reason: 'head_mismatch' });
    ends.delete(h.chain);
  }
  for (const [c, end] of ends) problem({ seq: end.seq, chain: c, reason: 'head_mismatch' });
  return { ok: problems.length === 0, checked, chains, lastSeq, problems };
}
