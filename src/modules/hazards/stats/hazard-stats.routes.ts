import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { hazardListQuery } from '../loop/hazard.schema';
import { crossListQuery, crossPage, enterpriseStats, overviewQuery, overviewStats, statsQuery } from './hazard-stats.schema';
import { enterpriseHazardsExport, hazardsAcrossExport } from './hazard-stats.export';
import { enterpriseStats as enterpriseStatsOf, listHazardsAcross, overviewStats as overviewOf } from './hazard-stats.service';

const tags = ['hazards'];
// R-HAZ-7: the enterprise and regulator dashboards, the cross-enterprise list they drill down to, and .xlsx exports.
export const hazardStatsRoutes: RouteModule = (app, { db, jobs, config }) => {
  app.get('/enterprises/:enterpriseId/hazard-stats', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '企业隐患统计（按等级、状态、来源、单位、类别；整改率、按期整改率、逾期清单、月度趋势）', params: enterpriseParams, querystring: statsQuery, response: { 200: enterpriseStats } },
  }, async (req) => enterpriseStatsOf(db, req.ctx, req.params.enterpriseId, req.query));

  app.get('/hazard-stats/overview', {
    config: { access: 'hazard.supervise' },
    schema: { tags, summary: '辖区隐患排查治理概况（按街道、行业，重点企业，重大隐患，趋势）', querystring: overviewQuery, response: { 200: overviewStats } },
  }, async (req) => overviewOf(db, req.ctx, req.query));

  app.get('/hazards', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '跨企业隐患清单（监管部门：辖区；企业用户：本企业）', querystring: crossListQuery, response: { 200: crossPage } },
  }, async (req) => listHazardsAcross(db, req.ctx, req.query));

  app.get('/hazards/export', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '导出跨企业隐患清单（.xlsx）', produces: [XLSX_MIME], querystring: crossListQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, hazardsAcrossExport, req.query)));

  app.get('/enterprises/:enterpriseId/hazards/export', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '导出隐患台账（.xlsx，筛选条件同台账）', produces: [XLSX_MIME], params: enterpriseParams, querystring: hazardListQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, enterpriseHazardsExport, { enterpriseId: req.params.enterpriseId, q: req.query })));
};
