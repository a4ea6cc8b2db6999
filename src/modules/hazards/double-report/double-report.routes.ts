import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { doubleReport, reportListQuery, reportPeriodBody, reportParams, reportStatusPage, reportVersionParams, submittedReports } from './double-report.schema';
import {
  confirmDoubleReport, correctDoubleReport, doubleReportPdfFile, getDoubleReport, listDoubleReportVersions, listReportStatus, listSubmittedReports,
  submitDoubleReport, urgeDoubleReports,
} from './double-report.service';
import { pdfFile, sendPdf, submissionVersions } from '../../../platform/submissions/submission.schema';

const tags = ['hazards'];

// R-HAZ-5: the monthly, quarterly and yearly double report (双报告) to the regulator and the workers' congress.
export const doubleReportRoutes: RouteModule = (app, { db, config }) => {
  const pdf = { fontPath: config.pdfFont };
  app.get('/hazard-reports', {
    config: { access: 'hazard.supervise' },
    schema: { tags, summary: '辖区企业隐患排查治理报告报送情况', querystring: reportListQuery, response: { 200: reportStatusPage } },
  }, async (req) => listReportStatus(db, req.ctx, req.query));

  app.post('/hazard-reports/urge', {
    config: { access: 'hazard.supervise' },
    schema: {
      tags, summary: '催报：提醒辖区内未报送该期双报告的企业（每天一次）', body: reportPeriodBody,
      response: { 200: z.object({ urged: z.number(), notified: z.number() }) },
    },
  }, async (req) => urgeDoubleReports(db, req.ctx, req.body.periodType, req.body.periodKey));

  app.get('/enterprises/:enterpriseId/hazard-reports', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '已报送的双报告（职代会查阅）', params: enterpriseParams, response: { 200: submittedReports } },
  }, async (req) => listSubmittedReports(db, req.ctx, req.params.enterpriseId));

  app.get('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '双报告（月 2026-11、季 2026-Q4、年 2026）：草稿实时生成，确认后为签字快照', params: reportParams, response: { 200: doubleReport } },
  }, async (req) => getDoubleReport(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey));

  app.post('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey/confirm', {
    config: { access: 'risk.report.confirm' },
    schema: { tags, summary: '主要负责人确认（签字）', params: reportParams, body: z.object({}).optional(), response: { 200: doubleReport } },
  }, async (req) => confirmDoubleReport(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey));

  app.post('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey/submit', {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '报送监管部门并向职代会公开（报送后锁定）', params: reportParams, body: z.object({}).optional(), response: { 200: doubleReport } },
  }, async (req) => submitDoubleReport(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey, pdf));

  app.post('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey/corrections', {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '更正已报送的双报告（新建版本，原版本保留并锁定）', params: reportParams, body: z.object({}).optional(), response: { 200: doubleReport } },
  }, async (req) => correctDoubleReport(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey));

  app.get('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey/versions', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '双报告的各版本', params: reportParams, response: { 200: submissionVersions } },
  }, async (req) => listDoubleReportVersions(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey));

  app.get('/enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey/versions/:version/pdf', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '下载已报送版本的 PDF（报送时存档）', produces: ['application/pdf'], params: reportVersionParams, response: { 200: pdfFile } },
  }, async (req, reply) => sendPdf(reply, await doubleReportPdfFile(db, req.ctx, req.params.enterpriseId, req.params.periodType, req.params.periodKey, req.params.version, pdf)));
};
