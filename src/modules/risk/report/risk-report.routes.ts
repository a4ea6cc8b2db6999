import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import {
  aggregateList, aggregateVersionParams, annualReport, forwardedAggregate, forwardInput, forwardPreview, narrativeInput, reportListQuery, reportParams, reportStatusPage,
  reportVersionParams, versionInput, yearParams,
} from './risk-report.schema';
import {
  annualReportPdfFile, confirmAnnualReport, correctAnnualReport, forwardSubdistrictReport, getAggregateVersion, getAnnualReport, listAggregates, listAnnualReportVersions,
  listReportStatus, previewForward, saveReportNarrative, submitAnnualReport, urgeAnnualReports,
} from './risk-report.service';
import { pdfFile, sendPdf, submissionVersions } from '../../../platform/submissions/submission.schema';
import { majorPage, majorQuery, overviewPage, overviewQuery, overviewSummary, overviewSummaryQuery } from '../supervision/risk-supervision.schema';
import { majorRisks, riskOverview, riskOverviewSummary } from '../supervision/risk-supervision.service';

// Regulator views over the ledgers in scope (issue 3 §8) and the annual risk report (R-RISK-9).
export const riskReportRoutes: RouteModule = (app, { db, config }) => {
  const pdf = { fontPath: config.pdfFont };
  app.get('/risk/overview', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '辖区企业风险分级管控概况', querystring: overviewQuery, response: { 200: overviewPage } },
  }, async (req) => riskOverview(db, req.ctx, req.query));

  app.get('/risk/overview/summary', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '辖区风险汇总卡片', querystring: overviewSummaryQuery, response: { 200: overviewSummary } },
  }, async (req) => riskOverviewSummary(db, req.ctx, req.query));

  app.get('/risk/major', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '辖区重大风险清单', querystring: majorQuery, response: { 200: majorPage } },
  }, async (req) => majorRisks(db, req.ctx, req.query));

  app.get('/risk/reports', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '年度风险管控报告报送情况', querystring: reportListQuery, response: { 200: reportStatusPage } },
  }, async (req) => listReportStatus(db, req.ctx, req.query));

  app.get('/risk/reports/:year/forward', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '报送汇总前核对：未报送企业、距截止日期天数、与上一版相比有无变化', params: yearParams, response: { 200: forwardPreview } },
  }, async (req) => previewForward(db, req.ctx, req.params.year));

  app.post('/risk/reports/:year/forward', {
    config: { access: 'risk.supervise' },
    schema: {
      tags: ['risk'], summary: '街道汇总并报送区级行业部门（每次报送为新版本，已报送版本锁定；有未报送企业须确认 acknowledgeMissing）',
      params: yearParams, body: forwardInput, response: { 200: forwardedAggregate },
    },
  }, async (req) => forwardSubdistrictReport(db, req.ctx, req.params.year, req.body));

  app.post('/risk/reports/:year/urge', {
    config: { access: 'risk.supervise' },
    schema: {
      tags: ['risk'], summary: '催报：提醒辖区内未报送年度报告的企业（每天一次）', params: yearParams, body: z.object({}),
      response: { 200: z.object({ urged: z.number(), notified: z.number() }) },
    },
  }, async (req) => urgeAnnualReports(db, req.ctx, req.params.year));

  app.get('/risk/reports/:year/aggregates', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '街道汇总（部门仅见本部门监管行业）', params: yearParams, response: { 200: aggregateList } },
  }, async (req) => listAggregates(db, req.ctx, req.params.year));

  app.get('/risk/reports/:year/aggregates/:subdistrictId/versions/:version', {
    config: { access: 'risk.supervise' },
    schema: { tags: ['risk'], summary: '街道汇总的某一报送版本（部门仅见本部门监管行业）', params: aggregateVersionParams, response: { 200: forwardedAggregate } },
  }, async (req) => getAggregateVersion(db, req.ctx, req.params.year, req.params.subdistrictId, req.params.version));

  app.get('/enterprises/:enterpriseId/risk-reports/:year', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], summary: '年度风险点清单与风险管控分析报告', params: reportParams, response: { 200: annualReport } },
  }, async (req) => getAnnualReport(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.put('/enterprises/:enterpriseId/risk-reports/:year', {
    config: { access: 'risk.report.submit' },
    schema: { tags: ['risk'], summary: '编辑年度报告分析文字（已确认的退回草稿）', params: reportParams, body: narrativeInput, response: { 200: annualReport } },
  }, async (req) => saveReportNarrative(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.post('/enterprises/:enterpriseId/risk-reports/:year/confirm', {
    config: { access: 'risk.report.confirm' },
    schema: { tags: ['risk'], summary: '主要负责人确认年度报告', params: reportParams, body: versionInput, response: { 200: annualReport } },
  }, async (req) => confirmAnnualReport(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.post('/enterprises/:enterpriseId/risk-reports/:year/submit', {
    config: { access: 'risk.report.submit' },
    schema: { tags: ['risk'], summary: '向街道报送年度报告（报送后锁定）', params: reportParams, body: versionInput, response: { 200: annualReport } },
  }, async (req) => submitAnnualReport(db, req.ctx, req.params.enterpriseId, req.params.year, req.body, pdf));

  app.post('/enterprises/:enterpriseId/risk-reports/:year/corrections', {
    config: { access: 'risk.report.submit' },
    schema: { tags: ['risk'], summary: '更正已报送的年度报告（新建版本，原版本保留并锁定）', params: reportParams, body: z.object({}).optional(), response: { 200: annualReport } },
  }, async (req) => correctAnnualReport(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.get('/enterprises/:enterpriseId/risk-reports/:year/versions', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], summary: '年度报告的各版本', params: reportParams, response: { 200: submissionVersions } },
  }, async (req) => listAnnualReportVersions(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.get('/enterprises/:enterpriseId/risk-reports/:year/versions/:version/pdf', {
    config: { access: 'risk.read' },
    schema: { tags: ['risk'], summary: '下载已报送版本的 PDF（报送时存档）', produces: ['application/pdf'], params: reportVersionParams, response: { 200: pdfFile } },
  }, async (req, reply) => sendPdf(reply, await annualReportPdfFile(db, req.ctx, req.params.enterpriseId, req.params.year, req.params.version, pdf)));
};
