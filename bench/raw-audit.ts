/**
 * The raw SQL side of the benches: an append to an enterprise's audit chain as the platform makes it
 * (src/platform/audit/audit.ts), through pg, so a bench's raw path performs the same writes as the API path.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { auditHashV2, canonicalize, GENESIS_HASH } from '../src/platform/audit/canonical';

export type AuditRow = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

/** Appends rows to the enterprise's audit chain in one go, as platform/audit/audit.ts (`writeAudits`) does: two statements. */
export async function auditAppend(client: pg.PoolClient, enterpriseId: string, actor: { userId: string | null; role: string }, rows: AuditRow[], at: Date): Promise<void> {
  const n = rows.length;
  const head = (await client.query<{ chain_seq: string; hash: string }>(`insert into audit_chain_heads (chain, chain_seq, hash) values ($1, $2, $3)
    on conflict (chain) do update set chain_seq = audit_chain_heads.chain_seq + ${n} returning chain_seq, hash`, [enterpriseId, n, GENESIS_HASH])).rows[0]!;
  let seq = Number(head.chain_seq) - n;
  let prevHash = head.hash;
  const requestId = randomUUID();
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const r of rows) {
    seq += 1;
    const b = r.before === undefined ? null : canonicalize(r.before);
    const a = r.after === undefined ? null : canonicalize(r.after);
    const entry = {
      chain: enterpriseId, chainSeq: seq, at, actorId: actor.userId, actorRole: actor.role, actorScope: `enterprise:${enterpriseId}`, action: r.action,
      entityType: r.entityType, entityId: r.entityId, enterpriseId, before: b, after: a, ip: '127.0.0.1', requestId, prevHash,
    };
    const hash = auditHashV2(entry);
    const base = params.length;
    params.push(entry.chain, seq, at, entry.actorId, entry.actorRole, entry.actorScope, r.action, r.entityType, r.entityId, enterpriseId,
      b === null ? null : JSON.stringify(b), a === null ? null : JSON.stringify(a), entry.ip, requestId, prevHash, hash);
    tuples.push(`(${Array.from({ length: 16 }, (_, i) => `$${base + i + 2}`).join(', ')})`);
    prevHash = hash;
  }
  await client.query(`with head as (update audit_chain_heads set hash = $1 where chain = $2)
    insert into audit_log (chain, chain_seq, at, actor_id, actor_role, actor_scope, action, entity_type, entity_id, enterprise_id, before, after, ip, request_id, prev_hash, hash)
    values ${tuples.join(', ')}`, [prevHash, ...params]);
}
