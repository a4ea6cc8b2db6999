import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import {
  commitmentCreate, commitmentList, commitmentOverview as overviewSchema, commitmentOverviewQuery, commitmentParams, commitmentPatch,
  commitmentPoster as posterSchema, commitmentSign, commitmentView, publicCommitment as publicSchema, publicParams,
} from './letters.schema';
import {
  commitmentOverview, commitmentPoster, draftCommitment, getCommitment, listCommitments, publicCommitment, reportCommitment, signCommitment,
  updateCommitment,
} from './commitment.service';
import { publicNotice } from '../daily-notice/daily-notice.schema';

const tags = ['commitments'];
// The public page's payload: the commitment and, below it, today's posted daily notice (issue 11 §6) or null.
const publicPage = publicSchema.extend({ dailyNotice: publicNotice.nullable() });

// R-COM-1: the principal's public safety commitment: draft, sign, post, report; the regulators' list; the public page.
export const commitmentRoutes: RouteModule = (app, { db, config }) => {
  const base = '/enterprises/:enterpriseId/commitments';

  app.get(base, {
    config: { access: 'commitment.read' },
    schema: { tags, summary: '主要负责人安全承诺（各版本，最新在前）', params: enterpriseParams, response: { 200: commitmentList } },
  }, async (req) => listCommitments(db, req.ctx, req.params.enterpriseId));

  app.post(base, {
    config: { access: 'commitment.manage' },
    schema: {
      tags, summary: '按本企业数据起草承诺（风险点分级、未整改重大隐患、本年度安全投入、人员配备）', params: enterpriseParams, body: commitmentCreate,
      response: { 201: commitmentView },
    },
  }, async (req, reply) => reply.status(201).send(await draftCommitment(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'commitment.read' },
    schema: { tags, summary: '一份承诺', params: commitmentParams, response: { 200: commitmentView } },
  }, async (req) => getCommitment(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/:id`, {
    config: { access: 'commitment.manage' },
    schema: { tags, summary: '修改承诺草稿（五个方面的文字、负责人姓名、本年度安全投入）', params: commitmentParams, body: commitmentPatch, response: { 200: commitmentView } },
  }, async (req) => updateCommitment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/sign`, {
    config: { access: 'commitment.sign' },
    schema: { tags, summary: '主要负责人本人签署（手写签名或密码确认）；签署后公开并取代上一份', params: commitmentParams, body: commitmentSign, response: { 200: commitmentView } },
  }, async (req) => signCommitment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${base}/:id/poster`, {
    config: { access: 'commitment.read' },
    schema: { tags, summary: '张贴用承诺（A3/A4 打印）及公开页面二维码', params: commitmentParams, response: { 200: posterSchema } },
  }, async (req) => commitmentPoster(db, req.ctx, req.params.enterpriseId, req.params.id, config.publicBaseUrl));

  app.post(`${base}/:id/report`, {
    config: { access: 'commitment.manage' },
    schema: { tags, summary: '向街道报告现行承诺（每期一次）', params: commitmentParams, body: z.object({}).optional(), response: { 200: commitmentView } },
  }, async (req) => reportCommitment(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get('/commitments', {
    config: { access: 'commitment.supervise' },
    schema: { tags, summary: '辖区企业主要负责人安全承诺情况（是否有现行已签署的承诺）', querystring: commitmentOverviewQuery, response: { 200: overviewSchema } },
  }, async (req) => commitmentOverview(db, req.ctx, req.query));

  app.get('/public/commitments/:token', {
    config: { access: 'public' },
    schema: { tags, summary: '公开的安全承诺及今日安全风险研判与承诺公告（扫描张贴海报上的二维码，无需登录）', params: publicParams, response: { 200: publicPage } },
  }, async (req) => publicCommitment(db, req.locale, req.params.token, req.ctx.now));
};
