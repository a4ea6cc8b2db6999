import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { sendXlsx, XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { correctFinding, correctInterview } from './correction.service';
import { exportInsurerNotices } from './insurer.export';
import { getInsurerNotice, listInsurerNotices } from './insurer.service';
import { interviewsExport } from './interview.export';
import {
  accidentParams, actionCreate, findingCorrect, insurerNoticeParams, insurerNoticePage, insurerNoticeQuery, insurerNoticeView, interviewCorrect, actionDone, actionList, actionListQuery, actionView, concludeInput, dutyListsAtView, entrustInput, fileParams, findingCreate,
  findingListQuery, findingPage, findingView, followUpDone, followupView, interviewBoard as interviewBoardSchema, interviewCreate, interviewView,
  investigationOpen, investigationUpdate, periodQuery, recordParams, riskLinkCreate, uploadedFiles,
} from './followup.schema';
import {
  addAction, completeAction, concludeInvestigation, dutyListsAtAccident, entrustInvestigation, getFollowup, linkRiskPoint, listActions, listFindings,
  notifyInsurer, openInvestigation, readFollowupFile, recordFinding, updateInvestigationContent, uploadFindingFiles,
} from './followup.service';
import { completeFollowUp, interviewBoard, recordInterview, uploadInterviewFiles } from './interview.service';

const tags = ['accident-followup'];

/** An interview's record or a finding's evidence: PDF documents or photos, a few at a time. */
const FILE_UPLOAD: MultipartSpec = { maxFiles: 10, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], fields: [] };

export const followupRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';
  const acc = `${base}/accidents/:id`;

  app.get(`${acc}/followup`, {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '事故后续：调查、认定、整改措施、约谈、关联风险点', params: accidentParams, response: { 200: followupView } },
  }, async (req) => getFollowup(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${acc}/investigation`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '确定调查方式（一般事故区级组织调查；较大及以上由上级调查）', params: accidentParams, body: investigationOpen, response: { 200: followupView } },
  }, async (req) => openInvestigation(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${acc}/investigation/entrust`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '委托企业调查（仅限无人员伤亡的一般事故）', params: accidentParams, body: entrustInput, response: { 200: followupView } },
  }, async (req) => entrustInvestigation(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.put(`${acc}/investigation`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '编辑调查：调查组、原因分析、5why、责任认定（引用事故发生时有效的责任清单版本）、教训', params: accidentParams, body: investigationUpdate, response: { 200: followupView } },
  }, async (req) => updateInvestigationContent(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${acc}/investigation/conclude`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '调查结案（须作出责任事故认定；发布事故教训）', params: accidentParams, body: concludeInput, response: { 200: followupView } },
  }, async (req) => concludeInvestigation(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${acc}/investigation/correct`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '更正已结案调查的责任认定（须说明理由，保留更正记录）', params: accidentParams, body: findingCorrect, response: { 200: followupView } },
  }, async (req) => correctFinding(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${acc}/duty-lists`, {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '事故发生时有效的责任清单版本（供责任认定引用）', params: accidentParams, response: { 200: dutyListsAtView } },
  }, async (req) => dutyListsAtAccident(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${acc}/actions`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '新增整改或预防措施（责任人、期限）', params: accidentParams, body: actionCreate, response: { 201: actionView } },
  }, async (req, reply) => reply.status(201).send(await addAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.get(`${base}/accident-actions`, {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '事故整改措施（mine=true 为本人负责的）', params: enterpriseParams, querystring: actionListQuery, response: { 200: actionList } },
  }, async (req) => listActions(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/accident-actions/:id/done`, {
    config: { access: 'accident_followup.act' },
    schema: { tags, summary: '整改措施已完成（须说明完成情况）', params: recordParams, body: actionDone, response: { 200: actionView } },
  }, async (req) => completeAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${acc}/findings`, {
    config: { access: 'accident.finding' },
    schema: { tags, summary: '认定漏报、谎报或瞒报（附证据）', params: accidentParams, body: findingCreate, response: { 201: findingView } },
  }, async (req, reply) => reply.status(201).send(await recordFinding(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.post(`${base}/accident-findings/:id/files`, {
    config: { access: 'accident.finding', multipart: FILE_UPLOAD },
    schema: { tags, summary: '上传认定证据（multipart：file，可多个；PDF 或照片）', params: recordParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles } },
  }, async (req, reply) => {
    const files = (multipartBody(req)?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadFindingFiles(db, req.ctx, req.params.enterpriseId, req.params.id, files) });
  });

  app.get('/accident-findings', {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '漏报、谎报、瞒报认定清单（监管部门）', querystring: findingListQuery, response: { 200: findingPage } },
  }, async (req) => listFindings(db, req.ctx, req.query));

  app.post(`${acc}/risk-links`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '关联事故发生的风险点（管控失效、直接判定为重大风险并待重新评估）', params: accidentParams, body: riskLinkCreate, response: { 200: followupView } },
  }, async (req) => linkRiskPoint(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${acc}/insurer-notice`, {
    config: { access: 'accident.investigate' },
    schema: { tags, summary: '通知安责险承保机构（事故当日有效保单）', params: accidentParams, response: { 200: followupView } },
  }, async (req) => notifyInsurer(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/accident-interviews`, {
    config: { access: 'accident.interview' },
    schema: { tags, summary: '记录约谈（可合并同一企业的多起事故）', params: enterpriseParams, body: interviewCreate, response: { 201: interviewView } },
  }, async (req, reply) => reply.status(201).send(await recordInterview(db, req.ctx, req.params.enterpriseId, req.body)));

  app.post(`${base}/accident-interviews/:id/follow-up`, {
    config: { access: 'accident.interview' },
    schema: { tags, summary: '约谈后续跟踪完成', params: recordParams, body: followUpDone, response: { 200: interviewView } },
  }, async (req) => completeFollowUp(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/accident-interviews/:id/correct`, {
    config: { access: 'accident.interview' },
    schema: { tags, summary: '更正约谈记录（须说明理由，保留更正记录；所涉事故变化时约谈义务相应恢复或履行）', params: recordParams, body: interviewCorrect, response: { 200: interviewView } },
  }, async (req) => correctInterview(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/accident-interviews/:id/files`, {
    config: { access: 'accident.interview', multipart: FILE_UPLOAD },
    schema: { tags, summary: '上传约谈记录附件（multipart：file，可多个；PDF 或照片）', params: recordParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles } },
  }, async (req, reply) => {
    const files = (multipartBody(req)?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadInterviewFiles(db, req.ctx, req.params.enterpriseId, req.params.id, files) });
  });

  app.get(`${base}/accident-followup-files/:id`, {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '约谈或认定的附件', params: fileParams },
  }, async (req, reply) => sendStoredFile(reply, await readFollowupFile(db, req.ctx, req.params.enterpriseId, req.params.id), { zh: '事故附件', ascii: 'accident-file' }));

  app.get('/accident-interviews', {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '事故约谈台账：待约谈、已约谈、各部门约谈率（目标 100%）', querystring: periodQuery, response: { 200: interviewBoardSchema } },
  }, async (req) => interviewBoard(db, req.ctx, req.query));

  app.get('/accident-interviews/export', {
    config: { access: 'accident_followup.read' },
    schema: { tags, summary: '导出事故约谈台账（.xlsx）', produces: [XLSX_MIME], querystring: periodQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, interviewsExport, req.query)));

  // 安责险: the insurer's staff read the accidents notified to their insurer.
  app.get('/insurer/accident-notices', {
    config: { access: 'accident.claims' },
    schema: { tags, summary: '安责险事故通知（本保险机构承保的企业发生的事故，含等级、伤亡和调查进展）', querystring: insurerNoticeQuery, response: { 200: insurerNoticePage } },
  }, async (req) => listInsurerNotices(db, req.ctx, req.query));

  app.get('/insurer/accident-notices/export', {
    config: { access: 'accident.claims' },
    schema: { tags, summary: '导出安责险事故通知（.xlsx，按当前筛选）', querystring: insurerNoticeQuery, produces: [XLSX_MIME], response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await exportInsurerNotices(db, req.ctx, req.query)));

  app.get('/insurer/accident-notices/:id', {
    config: { access: 'accident.claims' },
    schema: { tags, summary: '安责险事故通知详情（事故、保单、调查结论）', params: insurerNoticeParams, response: { 200: insurerNoticeView } },
  }, async (req) => getInsurerNotice(db, req.ctx, req.params.id));
};
