import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import {
  noticeFigures, noticeMonth as monthSchema, noticeMonthQuery, noticeOverview as overviewSchema, noticeOverviewQuery, noticeParams, noticePatch, noticeSign,
  noticeView,
} from './daily-notice.schema';
import { draftNotice, getNotice, noticeMonth, noticeOverview, signNotice, updateNotice } from './daily-notice.service';

const tags = ['daily-notices'];

// R-COM-1 [cfg], issue 11 §6: hazardous-chemical enterprises' daily risk assessment and commitment notice.
export const dailyNoticeRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/daily-notices';

  app.get(base, {
    config: { access: 'daily_notice.read' },
    schema: { tags, summary: '安全风险研判与承诺公告：某月（默认本月）各日公告、今日公告、已公告天数/应公告天数', params: enterpriseParams, querystring: noticeMonthQuery, response: { 200: monthSchema } },
  }, async (req) => noticeMonth(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(base, {
    config: { access: 'daily_notice.draft' },
    schema: {
      tags, summary: '填写今日公告（装置运行、重大危险源、特殊作业、试生产/开停车/检维修）；每个自然日（北京时间）一份，仅限规则配置的行业',
      params: enterpriseParams, body: noticeFigures, response: { 201: noticeView },
    },
  }, async (req, reply) => reply.status(201).send(await draftNotice(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'daily_notice.read' },
    schema: { tags, summary: '一份公告', params: noticeParams, response: { 200: noticeView } },
  }, async (req) => getNotice(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/:id`, {
    config: { access: 'daily_notice.draft' },
    schema: { tags, summary: '修改今日未签署的公告', params: noticeParams, body: noticePatch, response: { 200: noticeView } },
  }, async (req) => updateNotice(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/sign`, {
    config: { access: 'daily_notice.sign' },
    schema: { tags, summary: '主要负责人本人签署承诺（手写签名或密码确认），签署即公告，之后不能修改', params: noticeParams, body: noticeSign, response: { 200: noticeView } },
  }, async (req) => signNotice(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/daily-notices', {
    config: { access: 'daily_notice.supervise' },
    schema: {
      tags, summary: '辖区应公告企业今日是否已公告，本月已公告天数/应公告天数（街道按属地、部门按行业）',
      querystring: noticeOverviewQuery, response: { 200: overviewSchema },
    },
  }, async (req) => noticeOverview(db, req.ctx, req.query));
};
