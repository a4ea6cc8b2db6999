import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import {
  assessmentInput, controllersInput, measuresInput, myRiskList, riskCheckItems, riskDetail, riskListQuery, riskPage, riskParams, riskPointCreate, riskPointUpdate,
} from './risk-point.schema';
import {
  archiveRiskPoint, assessRiskPoint, checkItemsFor, createRiskPoint, enterpriseRiskSummary, getRiskPoint, listLedger, myRisks, setControllers, setMeasures, updateRiskPoint,
} from './risk-point.service';
import { currentRulesFor, listRiskRuleVersions, riskRuleSetSchema, saveRiskRules } from '../rules/risk-rules.service';
import { requireActor } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';

const summary = z.object({
  total: z.number(), byGrade: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() }),
  unassessed: z.number(), overdue: z.number(), controlFailing: z.number(), missingR8: z.number(),
});
const rulesView = z.object({ version: z.number(), rules: riskRuleSetSchema, createdAt: z.date().nullable(), note: z.string() });

export const riskRoutes: RouteModule = (app, { db }) => {
  app.get('/risk/rules', {
    config: { access: 'risk.rules' },
    schema: { tags: ['risk'], summary: '风险分级规则集（当前版本与历史）', response: { 200: z.object({ current: rulesView, history: z.array(z.object({ version: z.number(), note: z.string(), createdAt: z.date() })) }) } },
  }, async (req) => listRiskRuleVersions(db, req.ctx));

  app.put('/risk/rules', {
    config: { access: 'risk.rules' },
    schema: { tags: ['risk'], summary: '保存新版本规则集', body: z.object({ rules: riskRuleSetSchema, note: z.string().trim().max(500).default('') }), response: { 200: rulesView } },
  }, async (req) => saveRiskRules(db, req.ctx, { rules: req.body.rules, note: req.body.note }));

  app.get('/risk/rules/current', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], summary: '当前生效的风险分级规则（评价表单预览用）', response: { 200: rulesView } },
  }, async (req) => currentRulesFor(db, req.ctx));

  app.get('/risk/mine', {
    config: { access: 'risk.read' },
    schema: {
      tags: ['risk'], summary: '我管控的风险',
      response: { 200: myRiskList },
    },
  }, async (req) => myRisks(db, req.ctx));

  app.get('/enterprises/:enterpriseId/risk-points', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], summary: '风险分级管控清单（一企一清单）', params: enterpriseParams, querystring: riskListQuery, response: { 200: riskPage.extend({ canManage: z.boolean() }) } },
  }, async (req) => listLedger(db, req.ctx, req.params.enterpriseId, req.query));

  app.get('/enterprises/:enterpriseId/risk-summary', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], params: enterpriseParams, response: { 200: summary } },
  }, async (req) => enterpriseRiskSummary(db, req.ctx, req.params.enterpriseId));

  app.get('/enterprises/:enterpriseId/risk-check-items', {
    config: { access: 'risk.read' },
    schema: {
      tags: ['risk'], summary: '由管控措施生成的排查项', params: enterpriseParams, querystring: z.object({ postId: z.uuid().optional() }),
      response: { 200: riskCheckItems },
    },
  }, async (req) => {
    const actor = requireActor(req.ctx);
    await requireEnterpriseInScope(db, actor, req.params.enterpriseId);
    return checkItemsFor(db, actor.scope, req.params.enterpriseId, { postId: req.query.postId });
  });

  app.get('/enterprises/:enterpriseId/risk-points/:id', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], params: riskParams, response: { 200: riskDetail } },
  }, async (req) => getRiskPoint(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post('/enterprises/:enterpriseId/risk-points', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], summary: '新增风险点（可同时评价）', params: enterpriseParams, body: riskPointCreate, response: { 201: riskDetail } },
  }, async (req, reply) => reply.status(201).send(await createRiskPoint(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch('/enterprises/:enterpriseId/risk-points/:id', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], params: riskParams, body: riskPointUpdate, response: { 200: riskDetail } },
  }, async (req) => updateRiskPoint(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete('/enterprises/:enterpriseId/risk-points/:id', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], summary: '归档风险点', params: riskParams, response: { 200: okResponse } },
  }, async (req) => {
    await archiveRiskPoint(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.post('/enterprises/:enterpriseId/risk-points/:id/assessments', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], summary: '风险评价（LEC / LS / MES / 直接判定）', params: riskParams, body: assessmentInput, response: { 201: riskDetail } },
  }, async (req, reply) => reply.status(201).send(await assessRiskPoint(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.put('/enterprises/:enterpriseId/risk-points/:id/controllers', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], summary: '分级管控责任人', params: riskParams, body: controllersInput, response: { 200: riskDetail } },
  }, async (req) => setControllers(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.put('/enterprises/:enterpriseId/risk-points/:id/measures', {
    config: { access: 'risk.manage' },
    schema: { tags: ['risk'], summary: '管控措施与排查项', params: riskParams, body: measuresInput, response: { 200: riskDetail } },
  }, async (req) => setMeasures(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
};
