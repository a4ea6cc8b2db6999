import type { RouteModule } from '../../../platform/http/app';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { enterpriseParams } from '../../../platform/http/route';
import { readUpload, sendXlsx, XLSX_MIME, XLSX_UPLOAD, xlsxFile } from '../../../platform/http/xlsx';
import {
  certificateCatalogue as catalogueSchema, certificateCreate, certificateExportQuery, importQuery, importReport, certificateDetail, certificateList, certificateListQuery, certificateParams, certificatePatch, reviewInput,
  unqualifiedList, unqualifiedQuery,
} from './certificates.schema';
import {
  certificateCatalogue, certificatesExport, certificateTemplate, createCertificate, importCertificates, getCertificate, listCertificates, listUnqualified, recordReview, updateCertificate,
} from './certificates.service';
import { unqualifiedExport } from './certificates.export';

const tags = ['certificates'];

// Issue 13 §2, R-TRN-2: the certificates register, reviews and renewals, the catalogue, and who is not qualified for his post.
export const certificateRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId/certificates';

  app.get(`${base}/export`, {
    config: { access: 'certificate.read' },
    schema: {
      tags, summary: '导出证书台账（.xlsx，按列表的筛选条件）', produces: [XLSX_MIME], params: enterpriseParams, querystring: certificateExportQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, certificatesExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.get(`${base}/import-template`, {
    config: { access: 'certificate.manage' },
    schema: { tags, summary: '下载证书导入模板（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await certificateTemplate(db, req.ctx, req.params.enterpriseId)));

  app.post(`${base}/import`, {
    config: { access: 'certificate.manage', multipart: XLSX_UPLOAD },
    schema: {
      tags, summary: '导入证书（multipart/form-data，字段 file；持证人按身份证号和姓名对应，逐行报告错误）', consumes: ['multipart/form-data'],
      params: enterpriseParams, querystring: importQuery, response: { 200: importReport },
    },
  }, async (req) => importCertificates(db, req.ctx, config.appSecret, req.params.enterpriseId, req.query.mode, await readUpload(req)));

  app.get(base, {
    config: { access: 'certificate.read' },
    schema: {
      tags, summary: '持证管理：证书列表（按证书种类、类型、状态筛选：有效、即将到期、待复审、复审逾期、已过期、已注销），各项计数与证书类型目录',
      params: enterpriseParams, querystring: certificateListQuery, response: { 200: certificateList },
    },
  }, async (req) => listCertificates(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(base, {
    config: { access: 'certificate.manage' },
    schema: {
      tags, summary: '登记证书（有效期、下次复审按规则配置计算；到期换证与复审成为履职事项）',
      params: enterpriseParams, body: certificateCreate, response: { 201: certificateDetail },
    },
  }, async (req, reply) => reply.status(201).send(await createCertificate(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'certificate.read' },
    schema: { tags, summary: '一张证书及其复审、换证记录', params: certificateParams, response: { 200: certificateDetail } },
  }, async (req) => getCertificate(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/:id`, {
    config: { access: 'certificate.manage' },
    schema: { tags, summary: '修改证书（编号、发证机关、扫描件、延长复审周期、注销）', params: certificateParams, body: certificatePatch, response: { 200: certificateDetail } },
  }, async (req) => updateCertificate(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/reviews`, {
    config: { access: 'certificate.manage' },
    schema: {
      tags, summary: '登记复审或换证：完成对应履职事项并生成下一次；不合格则证书失效',
      params: certificateParams, body: reviewInput, response: { 200: certificateDetail },
    },
  }, async (req) => recordReview(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/enterprises/:enterpriseId/certificate-catalogue', {
    config: { access: 'certificate.read' },
    schema: { tags, summary: '证书类型目录（岗位编辑时选择所需证书类型）', params: enterpriseParams, response: { 200: catalogueSchema } },
  }, async (req) => certificateCatalogue(db, req.ctx, req.params.enterpriseId));

  app.get('/enterprises/:enterpriseId/unqualified-on-post', {
    config: { access: 'certificate.read' },
    schema: {
      tags, summary: '不符合上岗条件的在岗人员：特种作业无有效证书、未成年工在重点或特种作业岗位、未经岗前培训、主要负责人和安全管理人员无安全资格证',
      params: enterpriseParams, querystring: unqualifiedQuery, response: { 200: unqualifiedList },
    },
  }, async (req) => listUnqualified(db, req.ctx, req.params.enterpriseId, req.query.reason));

  app.get('/enterprises/:enterpriseId/unqualified-on-post/export', {
    config: { access: 'certificate.read' },
    schema: {
      tags, summary: '导出不符合上岗条件的在岗人员（.xlsx，按列表的问题筛选；表头与取值随界面语言）', produces: [XLSX_MIME], params: enterpriseParams, querystring: unqualifiedQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, unqualifiedExport, { enterpriseId: req.params.enterpriseId, reason: req.query.reason })));
};

