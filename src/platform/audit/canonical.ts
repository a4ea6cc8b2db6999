import { createHash } from 'node:crypto';

/** JSON with sorted keys and ISO dates, so a value hashes the same before it is stored and after jsonb reads it back. */
export function canonicalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalize);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as Record<string, unknown>).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonicalize(v);
  }
  return out;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

export type AuditHashInput = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorScope: string | null;
  action: string;
  entityType: string;
  entityId: string;
  enterpriseId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** Version 1: rows of the single chain written before migration 0008 ('global'); kept to verify them. */
export function auditHash(r: AuditHashInput): string {
  const payload = canonicalJson([
    r.seq, r.at.toISOString(), r.actorId, r.actorRole, r.actorScope, r.action, r.entityType, r.entityId,
    r.enterpriseId, r.before ?? null, r.after ?? null, r.ip, r.requestId, r.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainedAuditHashInput = Omit<AuditHashInput, 'seq'> & { chain: string; chainSeq: number };

/** Version 2: one chain per enterprise (or 'platform'); the hash covers the chain and the position in it. */
export function auditHashV2(r: ChainedAuditHashInput): string {
  const payload = canonicalJson([
    2, r.chain, r.chainSeq, r.at.toISOString(), r.actorId, r.actorRole, r.actorScope, r.action, r.entityType, r.entityId,
    r.enterpriseId, r.before ?? null, r.after ?? null, r.ip, r.requestId, r.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
