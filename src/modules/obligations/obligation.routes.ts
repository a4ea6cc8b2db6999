import { sendStoredFile } from '../../platform/http/stored-file';
import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { multipartBody } from '../../platform/http/multipart';
import { enterpriseParams } from '../../platform/http/route';
import { PHOTO_MAX_BYTES } from '../../platform/files/kinds';
import { exportStarted, replyExport, startExport } from '../../platform/files/exports';
import { XLSX_MIME, xlsxFile } from '../../platform/http/xlsx';
import { boardEnterprisesExport, occurrencesExport } from './obligation.export';
import {
  board, boardEnterpriseList, confirmEvidence, evidenceFile, enterpriseRates, getOccurrence, listDefinitions, listOccurrences, myDuties, submitEvidence,
  urgeOccurrences, waiveOccurrence,
} from './obligation.views';
import {
  boardEnterprisePage, boardEnterpriseQuery, boardSchema, definitionList, enterpriseRates as ratesSchema, myDuties as mySchema, occurrenceDetail,
  occurrenceList, occurrenceListQuery, occurrenceParams, urgeBody, waiveBody, yearQuery,
} from './obligation.schema';

const tags = ['obligations'];
const EVIDENCE_UPLOAD = { maxFiles: 10, maxBytes: 4 * PHOTO_MAX_BYTES };

// Issue 11 §1: my duties, the enterprise's duty calendar, evidence, waivers, rates, and the regulators' board.
export const obligationRoutes: RouteModule = (app, { db, config, jobs }) => {
  app.get('/obligations/definitions', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '履职事项定义（名称、依据、周期）', response: { 200: definitionList } },
  }, async (req) => listDefinitions(db, req.ctx));

  app.get('/obligations/mine', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '我的履职事项：本月、逾期、即将到期', response: { 200: mySchema } },
  }, async (req) => myDuties(db, req.ctx));

  app.get('/enterprises/:enterpriseId/obligations', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '企业履职日历：按到期日列出履职事项', params: enterpriseParams, querystring: occurrenceListQuery, response: { 200: occurrenceList } },
  }, async (req) => listOccurrences(db, req.ctx, req.params.enterpriseId, {
    from: req.query.from, to: req.query.to, definitionKey: req.query.rule, owner: req.query.owner,
    statuses: req.query.status === undefined ? undefined : [req.query.status].flat(),
  }));

  app.get('/enterprises/:enterpriseId/obligations/export', {
    config: { access: 'obligation.read' },
    schema: {
      tags, summary: '导出履职事项（.xlsx，筛选条件同日历列表）', produces: [XLSX_MIME], params: enterpriseParams, querystring: occurrenceListQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, occurrencesExport, {
    enterpriseId: req.params.enterpriseId,
    f: { from: req.query.from, to: req.query.to, definitionKey: req.query.rule, owner: req.query.owner, statuses: req.query.status === undefined ? undefined : [req.query.status].flat() },
  })));

  app.get('/enterprises/:enterpriseId/obligations/rates', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '履职率（按事项、责任人）', params: enterpriseParams, querystring: yearQuery, response: { 200: ratesSchema } },
  }, async (req) => enterpriseRates(db, req.ctx, req.params.enterpriseId, req.query.year));

  app.get('/enterprises/:enterpriseId/obligations/:id', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '履职事项详情（履历、佐证材料）', params: occurrenceParams, response: { 200: occurrenceDetail } },
  }, async (req) => getOccurrence(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get('/enterprises/:enterpriseId/obligations/:id/files/:fileId', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '下载佐证材料', params: occurrenceParams.extend({ fileId: z.uuid() }) },
  }, async (req, reply) => {
    const f = await evidenceFile(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.fileId);
    return sendStoredFile(reply, f, { zh: '佐证材料', ascii: 'evidence' });
  });

  app.post('/enterprises/:enterpriseId/obligations/:id/evidence', {
    config: { access: 'obligation.fulfil', multipart: { ...EVIDENCE_UPLOAD, fields: ['note', 'version'] } },
    schema: {
      tags, summary: '上传佐证材料履职（multipart：file 可多个，note 说明）', params: occurrenceParams, consumes: ['multipart/form-data'],
      response: { 200: occurrenceDetail },
    },
  }, async (req) => {
    const body = multipartBody(req);
    const note = String(body?.fields.note ?? '').trim();
    const version = body?.fields.version === undefined ? undefined : Number(body.fields.version);
    return submitEvidence(db, req.ctx, req.params.enterpriseId, req.params.id, {
      note: note.slice(0, 2000), files: (body?.files ?? []).map((f) => ({ buffer: f.buffer, filename: f.filename })),
      version: Number.isInteger(version) ? version : undefined,
    });
  });

  app.post('/enterprises/:enterpriseId/obligations/:id/confirm', {
    config: { access: 'obligation.fulfil' },
    schema: { tags, summary: '主要负责人确认他人上传的佐证材料', params: occurrenceParams, body: z.object({}).optional(), response: { 200: occurrenceDetail } },
  }, async (req) => confirmEvidence(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post('/enterprises/:enterpriseId/obligations/:id/waive', {
    config: { access: 'obligation.waive' },
    schema: { tags, summary: '豁免履职事项（须说明理由）', params: occurrenceParams, body: waiveBody, response: { 200: occurrenceDetail } },
  }, async (req) => waiveOccurrence(db, req.ctx, req.params.enterpriseId, req.params.id, req.body.reason));

  app.get('/obligations/board', {
    config: { access: 'obligation.supervise' },
    schema: { tags, summary: '辖区履职看板：逾期事项按事项、街道、行业统计', querystring: yearQuery, response: { 200: boardSchema } },
  }, async (req) => board(db, req.ctx, req.query.year));

  app.get('/obligations/board/enterprises', {
    config: { access: 'obligation.supervise' },
    schema: { tags, summary: '辖区企业履职情况（逾期、履职率），可下钻', querystring: boardEnterpriseQuery, response: { 200: boardEnterprisePage } },
  }, async (req) => boardEnterpriseList(db, req.ctx, {
    ...req.query, definitionKey: req.query.rule, overdueOnly: req.query.overdueOnly === 'true',
  }));

  app.get('/obligations/board/enterprises/export', {
    config: { access: 'obligation.supervise' },
    schema: {
      tags, summary: '导出辖区企业履职情况（.xlsx）', produces: [XLSX_MIME], querystring: boardEnterpriseQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, boardEnterprisesExport, {
    ...req.query, definitionKey: req.query.rule, overdueOnly: req.query.overdueOnly === 'true',
  })));

  app.post('/obligations/urge', {
    config: { access: 'obligation.supervise' },
    schema: { tags, summary: '催报：提醒辖区内该期事项尚未履行的企业（每天一次）', body: urgeBody, response: { 200: z.object({ urged: z.number(), notified: z.number() }) } },
  }, async (req) => urgeOccurrences(db, req.ctx, req.body.definitionKey, req.body.periodKey));
};
