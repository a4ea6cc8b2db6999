import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { sendXlsx, XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { exportGaps, ppeIssuesExport, ppeOverviewExport } from './ppe.export';
import {
  myIssueParams, myPpe as myPpeSchema, ppeGapList, ppeIssueCreated, ppeIssueInput, ppeIssueList, ppeIssueParams, ppeIssueQuery, ppeIssueView, ppeOverview as overviewSchema,
  ppeOverviewQuery, ppeOwnSignInput, ppePostInput, ppePostParams, ppePostView, ppeSignForInput, ppeSummary as summarySchema, ppeVoided, ppeVoidInput,
} from './ppe.schema';
import { issuePpe, listIssues, myPpe, ppeGaps, ppeOverview, ppeSummary, setPostStandard, signIssueFor, signMyIssue, voidIssue } from './ppe.service';

const tags = ['ppe'];

// Issue 13 §3, R-PPE-1: issue standards per post, the issue ledger with signed receipts, replacements and gaps, and
// the regulators' view.
export const ppeRoutes: RouteModule = (app, { db, jobs, config }) => {
  const base = '/enterprises/:enterpriseId/ppe';

  app.get(base, {
    config: { access: 'ppe.read' },
    schema: {
      tags, summary: '劳动防护用品：岗位类别与配备标准、各岗位的配备标准、未配发人数、超期与即将到期的更换、待签收数（全企业与各部门）',
      params: enterpriseParams, response: { 200: summarySchema },
    },
  }, async (req) => ppeSummary(db, req.ctx, req.params.enterpriseId));

  app.put(`${base}/posts/:postId`, {
    config: { access: 'ppe.manage' },
    schema: {
      tags, summary: '设置岗位的劳动防护用品配备标准：对应的岗位类别，或本岗位单独的配备清单（空为采用岗位类别的标准）',
      params: ppePostParams, body: ppePostInput, response: { 200: ppePostView },
    },
  }, async (req) => setPostStandard(db, req.ctx, req.params.enterpriseId, req.params.postId, req.body));

  app.get(`${base}/gaps`, {
    config: { access: 'ppe.read' },
    schema: { tags, summary: '岗位人员防护用品配备缺口：人员、岗位、未配发的防护用品', params: enterpriseParams, response: { 200: ppeGapList } },
  }, async (req) => ppeGaps(db, req.ctx, req.params.enterpriseId));

  app.get(`${base}/gaps/export`, {
    config: { access: 'ppe.read' },
    schema: { tags, summary: '导出防护用品配备缺口（.xlsx）', params: enterpriseParams, produces: [XLSX_MIME], response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await exportGaps(db, req.ctx, req.params.enterpriseId)));

  app.get(`${base}/issues`, {
    config: { access: 'ppe.read' },
    schema: {
      tags, summary: '劳动防护用品发放台账（可按待签收、超期未更换、即将到期、人员、防护用品筛选）',
      params: enterpriseParams, querystring: ppeIssueQuery, response: { 200: ppeIssueList },
    },
  }, async (req) => listIssues(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/issues/export`, {
    config: { access: 'ppe.read' },
    schema: {
      tags, summary: '导出劳动防护用品发放台账（.xlsx，按当前筛选与排序）', params: enterpriseParams, querystring: ppeIssueQuery, produces: [XLSX_MIME],
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, ppeIssuesExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.post(`${base}/issues`, {
    config: { access: 'ppe.issue' },
    schema: {
      tags, summary: '发放劳动防护用品（一种防护用品发给一人或多人），每人一条待签收的发放记录',
      params: enterpriseParams, body: ppeIssueInput, response: { 201: ppeIssueCreated },
    },
  }, async (req, reply) => reply.status(201).send(await issuePpe(db, req.ctx, req.params.enterpriseId, req.body)));

  app.post(`${base}/issues/:id/void`, {
    config: { access: 'ppe.manage' },
    schema: {
      tags, summary: '作废发放记录（填写原因），可同时登记一条更正后的发放记录；已签收的记录不能修改，只能作废更正',
      params: ppeIssueParams, body: ppeVoidInput, response: { 200: ppeVoided },
    },
  }, async (req) => voidIssue(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/issues/:id/sign-for`, {
    config: { access: 'ppe.issue' },
    schema: {
      tags, summary: '没有账号的人员在共用设备上手写签名并输入身份证号后四位，签收劳动防护用品',
      params: ppeIssueParams, body: ppeSignForInput, response: { 200: ppeIssueView },
    },
  }, async (req) => signIssueFor(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/me/ppe', {
    config: { access: 'ppe.own' },
    schema: { tags, summary: '我的劳动防护用品：领用记录、待签收，以及本人岗位应配备的防护用品', response: { 200: myPpeSchema } },
  }, async (req) => myPpe(db, req.ctx));

  app.post('/me/ppe/issues/:id/sign', {
    config: { access: 'ppe.own' },
    schema: { tags, summary: '本人签收劳动防护用品（手写签名或密码）', params: myIssueParams, body: ppeOwnSignInput, response: { 200: ppeIssueView } },
  }, async (req) => signMyIssue(db, req.ctx, req.params.id, req.body));

  app.get('/ppe-overview', {
    config: { access: 'ppe.supervise' },
    schema: {
      tags, summary: '辖区企业劳动防护用品情况：岗位人员未配发人数、超期未更换、即将到期、待签收',
      querystring: ppeOverviewQuery, response: { 200: overviewSchema },
    },
  }, async (req) => ppeOverview(db, req.ctx, req.query));

  app.get('/ppe-overview/export', {
    config: { access: 'ppe.supervise' },
    schema: {
      tags, summary: '导出辖区企业劳动防护用品情况（.xlsx，按当前筛选与排序）', querystring: ppeOverviewQuery, produces: [XLSX_MIME],
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, ppeOverviewExport, { q: req.query })));
};
