import { z } from 'zod';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import {
  campaignCreate, campaignDetail, campaignParams, campaignsResponse, letterDetail, letterListQuery, letterPage, letterParams, myLetters,
  paperConfirmed, paperParams, paperRecorded, pendingPaperLists, signBody, templateInput, templateParams, templatesResponse,
} from './letters.schema';
import {
  confirmPaperLetters, createCampaign, getCampaign, getLetter, listCampaigns, listLetters, listPendingPaper, listTemplates, myLetters as mine,
  paperScan, recordPaperLetters, remindCampaign, saveTemplate, signLetter,
} from './letters.service';

const tags = ['letters'];

// R-RESP-3, R-RESP-5: letter templates, the yearly signing campaigns and each person's letter.
export const letterRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/letter-templates`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '责任书、承诺书的文本（本企业最新版本，未修改时为平台内置文本）', params: enterpriseParams, response: { 200: templatesResponse } },
  }, async (req) => listTemplates(db, req.ctx, req.params.enterpriseId));

  app.put(`${base}/letter-templates/:kind`, {
    config: { access: 'letters.manage' },
    schema: { tags, summary: '保存本企业的文本（新版本；已发起的签订不受影响）', params: templateParams, body: templateInput, response: { 200: templatesResponse } },
  }, async (req) => saveTemplate(db, req.ctx, req.params.enterpriseId, req.params.kind, req.body));

  app.get(`${base}/letter-campaigns`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '年度签订活动及进度（已签、纸质、未签、离职）', params: enterpriseParams, response: { 200: campaignsResponse } },
  }, async (req) => listCampaigns(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/letter-campaigns`, {
    config: { access: 'letters.manage' },
    schema: {
      tags, summary: '发起年度签订：按开始日在岗的全体员工（含各种用工形式）生成每人一份', params: enterpriseParams, body: campaignCreate,
      response: { 201: campaignDetail },
    },
  }, async (req, reply) => reply.status(201).send(await createCampaign(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/letter-campaigns/:id`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '签订活动详情及按部门的进度', params: campaignParams, response: { 200: campaignDetail } },
  }, async (req) => getCampaign(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get(`${base}/letter-campaigns/:id/letters`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '每人一份的签订情况（可按状态、部门、是否有账号筛选）', params: campaignParams, querystring: letterListQuery, response: { 200: letterPage } },
  }, async (req) => listLetters(db, req.ctx, req.params.enterpriseId, req.params.id, req.query));

  app.post(`${base}/letter-campaigns/:id/remind`, {
    config: { access: 'letters.manage' },
    schema: { tags, summary: '提醒未签订的人员及其部门负责人（每天一次）', params: campaignParams, body: z.object({}).optional(), response: { 200: z.object({ notified: z.number() }) } },
  }, async (req) => remindCampaign(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/letter-campaigns/:id/paper-lists`, {
    config: { access: 'letters.operate', multipart: { maxFiles: 1, maxBytes: DOCUMENT_MAX_BYTES, fields: ['employeeIds'], maxFieldBytes: 128 * 1024 } },
    schema: {
      tags, summary: '登记纸质签名名单（multipart：file 为扫描件 PDF 或照片，employeeIds 为 JSON 数组）；经安全管理人员确认后计为纸质签订',
      params: campaignParams, consumes: ['multipart/form-data'], response: { 201: paperRecorded },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const file = body?.files[0];
    return reply.status(201).send(await recordPaperLetters(db, req.ctx, req.params.enterpriseId, req.params.id, file && { buffer: file.buffer, filename: file.filename }, body?.fields.employeeIds));
  });

  app.get(`${base}/letter-campaigns/:id/paper-lists`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '待确认的纸质签名名单', params: campaignParams, response: { 200: pendingPaperLists } },
  }, async (req) => listPendingPaper(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get(`${base}/letter-campaigns/:id/paper-lists/:attachmentId/file`, {
    config: { access: 'letters.read' },
    schema: { tags, summary: '纸质签名名单的扫描件', params: paperParams },
  }, async (req, reply) => {
    const file = await paperScan(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.attachmentId);
    return reply.type(file.mime).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  app.post(`${base}/letter-campaigns/:id/paper-lists/:attachmentId/confirm`, {
    config: { access: 'letters.manage' },
    schema: { tags, summary: '确认纸质签名名单（核对扫描件后），名单上的人计为纸质签订', params: paperParams, body: z.object({}).optional(), response: { 200: paperConfirmed } },
  }, async (req) => confirmPaperLetters(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.attachmentId));

  app.get('/letters/mine', {
    config: { access: 'letters.sign' },
    schema: { tags, summary: '我的责任书、承诺书（待签与已签）', response: { 200: myLetters } },
  }, async (req) => mine(db, req.ctx));

  app.get(`${base}/letters/:id`, {
    config: { access: 'letters.sign' },
    schema: { tags, summary: '一份责任书（本人的；或管理人员、部门负责人范围内的）及其签名', params: letterParams, response: { 200: letterDetail } },
  }, async (req) => getLetter(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/letters/:id/sign`, {
    config: { access: 'letters.sign' },
    schema: {
      tags, params: letterParams, body: signBody, response: { 200: letterDetail },
      summary: '签署：本人用手写签名（pad，先上传签名图片）或密码确认（password）；没有账号的人员在负责人设备上手写并输入身份证号后四位（proxy_pad）。返回签署后的责任书，签名图片不随之返回（image 为 null，打印时读取该责任书）',
    },
  }, async (req) => signLetter(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
};
