import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { acceptFiling, getFiling, listFilings, returnFiling } from './filing.service';
import { filingsExport } from './filing.export';
import { plansExport } from './plan.export';
import {
  assessmentCreate, assessmentParams, assessmentSign, createdId, filingAccept, filingDetail, filingListQuery, filingPage, filingParams, filingReturn, planCreate,
  planDetail, planFileParams, planIssue, planListQuery, planPage, planParams, planReview, planRevise, planSign, planStep, planUpdate, planWithdraw, receiptList,
  uploadedFiles,
} from './plan.schema';
import {
  createPlan, filePlan, getPlan, issuePlan, listPlans, planReceipts, readPlan, readPlanFile, recordAssessment, recordReview, refilePlan, revisePlan,
  signAssessment, signPlan, submitPlan, updatePlan, uploadPlanFiles, withdrawPlan,
} from './plan.service';

const tags = ['emergency-plans'];

/** The plan document or the review's files: a few at a time, each within the document limit. */
const FILE_UPLOAD: MultipartSpec = { maxFiles: 10, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], fields: ['role'] };

export const planRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId/emergency-plans';

  app.get(base, {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '应急预案（综合预案、专项预案、现场处置方案）', params: enterpriseParams, querystring: planListQuery, response: { 200: planPage } },
  }, async (req) => listPlans(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/export`, {
    config: { access: 'emergency_plan.read' },
    schema: {
      tags, summary: '导出应急预案（.xlsx，筛选条件同列表）', produces: [XLSX_MIME], params: enterpriseParams, querystring: planListQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, plansExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.post(base, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '编制应急预案（草稿，第 1 版）', params: enterpriseParams, body: planCreate, response: { 201: planDetail } },
  }, async (req, reply) => {
    const { id } = await createPlan(db, req.ctx, req.params.enterpriseId, req.body);
    return reply.status(201).send(await getPlan(db, req.ctx, req.params.enterpriseId, id));
  });

  app.get(`${base}/:id`, {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '应急预案详情（当前版本、版本历史、评审、签署、发布、备案）', params: planParams, response: { 200: planDetail } },
  }, async (req) => getPlan(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.put(`${base}/:id`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '修改预案草稿（已送审、签署、发布或备案的版本不能修改）', params: planParams, body: planUpdate, response: { 200: planDetail } },
  }, async (req) => updatePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/submit`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '提交评审或论证', params: planParams, body: planStep, response: { 200: planDetail } },
  }, async (req) => submitPlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/review`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '登记评审（论证）结果：专家、日期、结论、意见；未通过的退回修改', params: planParams, body: planReview, response: { 200: planDetail } },
  }, async (req) => recordReview(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/sign`, {
    config: { access: 'emergency_plan.sign' },
    schema: { tags, summary: '主要负责人签署本版本（手写签名或密码）', params: planParams, body: planSign, response: { 200: planDetail } },
  }, async (req) => signPlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/issue`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '发布预案（向相关人员发布并登记发放范围）', params: planParams, body: planIssue, response: { 200: planDetail } },
  }, async (req) => issuePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/file`, {
    config: { access: 'emergency_plan.file' },
    schema: { tags, summary: '报送备案（区应急管理局和行业主管部门各一份）', params: planParams, body: planStep, response: { 200: planDetail } },
  }, async (req) => filePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/refile`, {
    config: { access: 'emergency_plan.file' },
    schema: { tags, summary: '按退回意见修改后重新报送备案', params: planParams, body: planStep, response: { 200: planDetail } },
  }, async (req) => refilePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/revise`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '修订预案（新建草稿版本，须说明修订原因）', params: planParams, body: planRevise, response: { 200: planDetail } },
  }, async (req) => revisePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/withdraw`, {
    config: { access: 'emergency_plan.write' },
    schema: {
      tags, summary: '废止预案（须说明原因；未完成的备案、修订、评估和现场处置方案演练事项随之撤销，待受理或被退回的备案撤回）',
      params: planParams, body: planWithdraw, response: { 200: planDetail },
    },
  }, async (req) => withdrawPlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/read`, {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '确认已阅读发布的预案', params: planParams, response: { 200: planDetail } },
  }, async (req) => readPlan(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.get(`${base}/:id/receipts`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '预案发布的阅读回执', params: planParams, response: { 200: receiptList } },
  }, async (req) => planReceipts(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/:id/assessments`, {
    config: { access: 'emergency_plan.write' },
    schema: { tags, summary: '登记年度评审或三年评估（由主要负责人签字）', params: planParams, body: assessmentCreate, response: { 201: createdId } },
  }, async (req, reply) => reply.status(201).send(await recordAssessment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.post(`${base}/:id/assessments/:assessmentId/sign`, {
    config: { access: 'emergency_plan.sign' },
    schema: { tags, summary: '主要负责人签署年度评审或评估记录', params: assessmentParams, body: assessmentSign, response: { 200: planDetail } },
  }, async (req) => signAssessment(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.assessmentId, req.body));

  app.post(`${base}/:id/files`, {
    config: { access: 'emergency_plan.write', multipart: FILE_UPLOAD },
    schema: {
      tags, summary: '上传预案文本或评审材料（multipart：file，可多个；role 为 document 预案文本或 review 评审材料）',
      params: planParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadPlanFiles(db, req.ctx, req.params.enterpriseId, req.params.id, body?.fields.role, files) });
  });

  app.get('/enterprises/:enterpriseId/emergency-plan-files/:id', {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '应急预案附件', params: planFileParams },
  }, async (req, reply) => sendStoredFile(reply, await readPlanFile(db, req.ctx, req.params.enterpriseId, req.params.id), { zh: '应急预案附件', ascii: 'emergency-plan-file' }));

  // The offices' inbox (R-EMG-1): filings addressed to the caller's office, or in his district / subdistrict.
  app.get('/emergency-plan-filings', {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '应急预案备案（监管部门收件箱）', querystring: filingListQuery, response: { 200: filingPage } },
  }, async (req) => listFilings(db, req.ctx, req.query));

  app.get('/emergency-plan-filings/export', {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '导出应急预案备案（.xlsx，筛选条件同列表）', produces: [XLSX_MIME], querystring: filingListQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, filingsExport, { q: req.query })));

  app.get('/emergency-plan-filings/:id', {
    config: { access: 'emergency_plan.read' },
    schema: { tags, summary: '应急预案备案详情（含所备案版本的内容）', params: filingParams, response: { 200: filingDetail } },
  }, async (req) => getFiling(db, req.ctx, req.params.id));

  app.post('/emergency-plan-filings/:id/accept', {
    config: { access: 'emergency_plan.accept' },
    schema: { tags, summary: '受理备案（填写备案编号）', params: filingParams, body: filingAccept, response: { 200: filingDetail } },
  }, async (req) => acceptFiling(db, req.ctx, req.params.id, req.body));

  app.post('/emergency-plan-filings/:id/return', {
    config: { access: 'emergency_plan.accept' },
    schema: { tags, summary: '退回备案（须说明原因）', params: filingParams, body: filingReturn, response: { 200: filingDetail } },
  }, async (req) => returnFiling(db, req.ctx, req.params.id, req.body));
};
