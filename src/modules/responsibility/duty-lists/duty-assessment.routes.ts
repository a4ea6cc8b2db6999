import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { assessmentExport } from './duty-assessment.export';
import {
  assessmentParams, campaignCreate, campaignList, campaignView, noticeView, personParams, personView, publishNoticeInput, scoreInput, scorePage, scoresQuery,
} from './duty-assessment.schema';
import { createCampaign, getCampaign, getNotice, getPerson, listCampaigns, listScores, publishCampaign, scorePerson } from './duty-assessment.service';

const tags = ['duties'];

/** R-RESP-2: the yearly assessment of every person's duties, its publication (公示) and the HR export. */
export const dutyAssessmentRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId/duty-assessments';

  app.get(base, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '全员安全生产责任制年度考核', params: enterpriseParams, response: { 200: campaignList } },
  }, async (req) => listCampaigns(db, req.ctx, req.params.enterpriseId));

  app.post(base, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '发起年度考核（每名在职人员一行，按组织架构确定考核人）', params: enterpriseParams, body: campaignCreate, response: { 201: campaignView } },
  }, async (req, reply) => reply.status(201).send(await createCampaign(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '考核进度（按单位、等级）', params: assessmentParams, response: { 200: campaignView } },
  }, async (req) => getCampaign(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get(`${base}/:id/scores`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '考核人员名单与得分（mine=待我考核）', params: assessmentParams, querystring: scoresQuery, response: { 200: scorePage } },
  }, async (req) => listScores(db, req.ctx, req.params.enterpriseId, req.params.id, req.query));

  app.get(`${base}/:id/people/:employeeId`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '某人的考核条目与得分', params: personParams, response: { 200: personView } },
  }, async (req) => getPerson(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.employeeId));

  app.put(`${base}/:id/people/:employeeId`, {
    config: { access: 'duty.assess' },
    schema: { tags, summary: '逐项打分（总分按分数线定等级）', params: personParams, body: scoreInput, response: { 200: personView } },
  }, async (req) => scorePerson(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.employeeId, req.body));

  app.post(`${base}/:id/publish`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '公示考核结果（公示期），全部人员考核完成后', params: assessmentParams, body: publishNoticeInput, response: { 200: campaignView } },
  }, async (req) => publishCampaign(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${base}/:id/notice`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '考核结果公示（全体员工可查阅、打印）', params: assessmentParams, response: { 200: noticeView } },
  }, async (req) => getNotice(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get(`${base}/:id/export`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '导出考核结果（.xlsx，供薪酬、晋升使用）', produces: [XLSX_MIME], params: assessmentParams, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, assessmentExport, { enterpriseId: req.params.enterpriseId, id: req.params.id })));
};
