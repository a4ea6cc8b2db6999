import { api, type Page, type Query } from '../../../app/api';

export type AuditRow = {
  seq: number;
  at: string;
  actorId?: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  enterpriseId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
};

export type AuditVerifyResult = { ok: boolean; checked: number; chains: number; lastSeq: number; problems: { seq: number; chain: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' }[] };

/** Entity types the services write today; the filter also accepts others typed into the address bar. */
export const ENTITY_TYPES = ['enterprise', 'org_unit', 'post', 'employee', 'user'] as const;

export const auditApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<Page<AuditRow>>('/audit', query, { signal }),
  verify: () => api.get<AuditVerifyResult>('/audit/verify'),
};
