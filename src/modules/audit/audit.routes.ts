import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit/audit';
import { auditVocabulary } from '../../platform/audit/audit-names';
import type { RouteModule } from '../../platform/http/app';
import { pageOf, pageQuery } from '../../platform/http/route';
import { listAudit } from './audit.service';

const auditRow = z.object({
  seq: z.number(), at: z.date(), actorId: z.string().nullable(), actorName: z.string().nullable(), actorRole: z.string().nullable(),
  action: z.string(), actionName: z.string(), entityType: z.string(), entityTypeName: z.string(), entityId: z.string(), enterpriseId: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), ip: z.string().nullable(), requestId: z.string().nullable(),
});

const auditTerm = z.object({ code: z.string(), name: z.string() });

export const auditRoutes: RouteModule = (app, { db }) => {
  app.get('/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'], summary: '审计记录（按范围）',
      querystring: z.object({ ...pageQuery, entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional(), enterpriseId: z.uuid().optional(), action: z.string().max(80).optional() }),
      response: { 200: pageOf(auditRow) },
    },
  }, async (req) => listAudit(db, req.ctx, req.query));

  // The codes the filters offer, each with its name in the caller's language (every module's, from its manifest).
  app.get('/audit/vocabulary', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'], summary: '审计对象类型与操作（筛选项）',
      response: { 200: z.object({ entityTypes: z.array(auditTerm), actions: z.array(auditTerm) }) },
    },
  }, async (req) => auditVocabulary(req.ctx.locale));

  app.get('/audit/verify', {
    config: { access: 'audit.verify' },
    schema: {
      tags: ['audit'], summary: '校验审计哈希链',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number(), chains: z.number(), lastSeq: z.number(), problems: z.array(z.object({ seq: z.number(), chain: z.string(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'gap', 'head_mismatch']) })) }) },
    },
  }, async () => verifyAuditChain(db));
};
