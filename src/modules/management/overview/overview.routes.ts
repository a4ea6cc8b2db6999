import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import type { RouteModule } from '../../../platform/http/app';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { competenceOverviewExport } from './competence.export';
import { competenceList, competenceQuery } from './competence.schema';
import { competenceOverview } from './competence.service';
import { managementOverviewExport } from './overview.export';
import { overviewList, overviewQuery } from './overview.schema';
import { managementOverview } from './overview.service';

const tags = ['management'];

// Issue 12 §7: the regulators' management-system view of the enterprises in scope, on screen and as .xlsx.
export const overviewRoutes: RouteModule = (app, { db, jobs, config }) => {
  app.get('/management-overview', {
    config: { access: 'management.overview' },
    schema: {
      tags, summary: '辖区企业安全管理体系总览：机构人员配备、必备制度、知晓率、安全费用提取与使用、安责险、特种设备超期未检',
      querystring: overviewQuery, response: { 200: overviewList },
    },
  }, async (req) => managementOverview(db, req.ctx, req.query));

  app.get('/management-overview/export', {
    config: { access: 'management.overview' },
    schema: { tags, summary: '导出管理体系总览（.xlsx，按当前筛选与排序）', produces: [XLSX_MIME], querystring: overviewQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, managementOverviewExport, { q: req.query })));

  // Issue 13 §5: the regulators' competence view (training, certificates, PPE, the standardisation self-assessment).
  app.get('/competence-overview', {
    config: { access: 'management.overview' },
    schema: {
      tags, summary: '辖区企业人员资格与培训总览：培训学时不足、学法培训覆盖、无证上岗、证书到期、劳动防护用品缺发、标准化自评',
      querystring: competenceQuery, response: { 200: competenceList },
    },
  }, async (req) => competenceOverview(db, req.ctx, req.query));

  app.get('/competence-overview/export', {
    config: { access: 'management.overview' },
    schema: { tags, summary: '导出人员资格与培训总览（.xlsx，按当前筛选与排序）', produces: [XLSX_MIME], querystring: competenceQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, competenceOverviewExport, { q: req.query })));
};
