import { z } from 'zod';
import { invalid } from '../../../platform/errors';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { versionedSignatureBody } from '../../../platform/signatures';
import { pdfFile, sendPdf } from '../../../platform/submissions/submission.schema';
import { standardisationOverviewExport } from './standardisation.export';
import {
  adjustmentInput, assessmentView, elementParams, overviewExportQuery, overviewList, overviewQuery, pdfParams, reviewInput, reviewList, reviewView, uploadedEvidence,
  versionBody, yearParams,
} from './standardisation.schema';
import {
  adjustElement, assessmentPdf, correctAssessment, getAssessment, listExternalReviews, readEvidence, recordExternalReview, removeAdjustment, signAssessment,
  standardisationOverview, submitAssessment, uploadEvidence,
} from './standardisation.service';

const tags = ['standardisation'];

/** Evidence of an adjusted score: scans, photos or documents, a few at a time. */
const EVIDENCE_UPLOAD: MultipartSpec = { maxFiles: 5, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], notMultipart: () => invalid('body.file', 'attachment.missing') };

// Issue 13 §4, R-STD-1: the yearly self-assessment (prefilled, adjusted with evidence, signed, submitted, corrected),
// the external reviews, and the regulators' view.
export const standardisationRoutes: RouteModule = (app, { db, jobs, config }) => {
  const base = '/enterprises/:enterpriseId/standardisation/:year';
  const pdf = { fontPath: config.pdfFont };

  app.get(base, {
    config: { access: 'standardisation.read' },
    schema: {
      tags, summary: '年度安全生产标准化自评：各要素按记录预填的得分及依据、调整、合计（按已评要素折算为百分制）与拟申请等级、版本',
      params: yearParams, response: { 200: assessmentView },
    },
  }, async (req) => getAssessment(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.post(`${base}/evidence`, {
    config: { access: 'standardisation.manage', multipart: EVIDENCE_UPLOAD },
    schema: { tags, summary: '上传调整得分的佐证材料（multipart：file，可多个；照片或 PDF/Word）', params: yearParams, consumes: ['multipart/form-data'], response: { 201: uploadedEvidence } },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadEvidence(db, req.ctx, req.params.enterpriseId, req.params.year, files) });
  });

  app.get(`${base}/evidence/:fileId`, {
    config: { access: 'standardisation.read' },
    schema: { tags, summary: '佐证材料文件', params: yearParams.extend({ fileId: z.uuid() }) },
  }, async (req, reply) => sendStoredFile(reply, await readEvidence(db, req.ctx, req.params.enterpriseId, req.params.year, req.params.fileId), { zh: '标准化自评佐证材料', ascii: 'evidence' }));

  app.put(`${base}/elements/:code`, {
    config: { access: 'standardisation.manage' },
    schema: { tags, summary: '调整一个要素的得分（须填写理由并附佐证材料；已签字的自评退回草稿）', params: elementParams, body: adjustmentInput, response: { 200: assessmentView } },
  }, async (req) => adjustElement(db, req.ctx, req.params.enterpriseId, req.params.year, req.params.code, req.body));

  app.delete(`${base}/elements/:code`, {
    config: { access: 'standardisation.manage' },
    schema: { tags, summary: '撤销一个要素的得分调整（恢复为预填得分）', params: elementParams, response: { 200: assessmentView } },
  }, async (req) => removeAdjustment(db, req.ctx, req.params.enterpriseId, req.params.year, req.params.code));

  app.post(`${base}/sign`, {
    config: { access: 'standardisation.sign' },
    schema: { tags, summary: '主要负责人签字确认自评（手写签名或密码）：得分表在此时固定', params: yearParams, body: versionedSignatureBody, response: { 200: assessmentView } },
  }, async (req) => signAssessment(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.post(`${base}/submit`, {
    config: { access: 'standardisation.manage' },
    schema: { tags, summary: '报送自评（锁定并存档 PDF，报属地街道和行业主管部门，完成年度履职事项）', params: yearParams, body: versionBody, response: { 200: assessmentView } },
  }, async (req) => submitAssessment(db, req.ctx, req.params.enterpriseId, req.params.year, req.body, pdf));

  app.post(`${base}/corrections`, {
    config: { access: 'standardisation.manage' },
    schema: { tags, summary: '更正已报送的自评：生成新版本草稿，原版本保持锁定', params: yearParams, response: { 200: assessmentView } },
  }, async (req) => correctAssessment(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.get(`${base}/versions/:version/pdf`, {
    config: { access: 'standardisation.read' },
    schema: { tags, summary: '下载已报送版本的 PDF（报送时存档）', produces: ['application/pdf'], params: pdfParams, response: { 200: pdfFile } },
  }, async (req, reply) => sendPdf(reply, await assessmentPdf(db, req.ctx, req.params.enterpriseId, req.params.year, req.params.version, pdf)));

  const reviews = '/enterprises/:enterpriseId/standardisation-reviews';
  app.get(reviews, {
    config: { access: 'standardisation.read' },
    schema: { tags, summary: '外部评审记录：评审单位、评审人员、日期、结果、授予等级、证书有效期与复评申请日', params: enterpriseParams, response: { 200: reviewList } },
  }, async (req) => listExternalReviews(db, req.ctx, req.params.enterpriseId));

  app.post(reviews, {
    config: { access: 'standardisation.manage' },
    schema: { tags, summary: '登记外部评审结果（通过的证书有效期 3 年，到期前 3 个月生成复评申请事项）', params: enterpriseParams, body: reviewInput, response: { 201: reviewView } },
  }, async (req, reply) => reply.status(201).send(await recordExternalReview(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get('/standardisation-overview', {
    config: { access: 'standardisation.supervise' },
    schema: {
      tags, summary: '辖区须开展标准化自评的企业：本年度是否已自评报送（得分、拟申请等级、报送时间）与外部评审等级及有效期',
      querystring: overviewQuery, response: { 200: overviewList },
    },
  }, async (req) => standardisationOverview(db, req.ctx, req.query));

  app.get('/standardisation-overview/export', {
    config: { access: 'standardisation.supervise' },
    schema: { tags, summary: '导出标准化自评情况（.xlsx，按当前筛选与排序）', produces: [XLSX_MIME], querystring: overviewExportQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, standardisationOverviewExport, { q: req.query })));
};
