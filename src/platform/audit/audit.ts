import { sql } from 'kysely';
import type { Ctx } from '../auth/actor';
import { describeScope } from '../auth/actor';
import type { Executor, Tx } from '../db/database';
import { auditHash, canonicalize, GENESIS_HASH } from './canonical';

// Serialises appends to the chain across connections and instances; released at commit.
const AUDIT_LOCK = 727_002;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  enterpriseId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one row to the hash-chained audit log. Must be called inside the business transaction. */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const before = entry.before === undefined ? null : canonicalize(entry.before);
  const after = entry.after === undefined ? null : canonicalize(entry.after);
  const row = {
    seq,
    at,
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorScope: ctx.actor ? describeScope(ctx.actor.scope) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    enterpriseId: entry.enterpriseId ?? null,
    before,
    after,
    ip: ctx.ip,
    requestId: ctx.requestId,
    prevHash,
  };
  await tx.insertInto('audit_log').values({
    seq,
    at,
    actor_id: row.actorId,
    actor_role: row.actorRole,
    actor_scope: row.actorScope,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    enterprise_id: row.enterpriseId,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    ip: row.ip,
    request_id: row.requestId,
    prev_hash: prevHash,
    hash: auditHash(row),
  }).execute();
}

export type ChainProblem = { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };
export type ChainReport = { ok: boolean; checked: number; lastSeq: number; problems: ChainProblem[] };

/** Walks the whole chain in seq order and reports every row whose link or own hash does not hold. */
export async function verifyAuditChain(db: Executor, opts: { batch?: number; maxProblems?: number } = {}): Promise<ChainReport> {
  const batch = opts.batch ?? 5000;
  const maxProblems = opts.maxProblems ?? 100;
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', String(after) as never).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq && problems.length < maxProblems) problems.push({ seq, reason: 'gap' });
      if (r.prev_hash !== prevHash && problems.length < maxProblems) problems.push({ seq, reason: 'prev_hash_mismatch' });
      const recomputed = auditHash({
        seq, at: r.at, actorId: r.actor_id, actorRole: r.actor_role, actorScope: r.actor_scope, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, enterpriseId: r.enterprise_id, before: r.before, after: r.after,
        ip: r.ip, requestId: r.request_id, prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash && problems.length < maxProblems) problems.push({ seq, reason: 'hash_mismatch' });
      prevHash = r.hash;
      expectedSeq = seq + 1;
      after = seq;
      checked++;
    }
  }
  return { ok: problems.length === 0, checked, lastSeq: after, problems };
}
