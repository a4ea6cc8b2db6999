import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { readUpload, sendXlsx, XLSX_MIME, XLSX_UPLOAD, xlsxFile } from '../../../platform/http/xlsx';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import { invalid } from '../../../platform/errors';
import {
  archiveView, attendanceParams, checkinBody, checkinDone, checkinLink, idParams, importQuery, importReport, personParams, planPut, planReport, planView,
  proxyAttendanceBody, quarterQuery, resultBody, retrainingCreate, reviewCreate, reviewList, reviewView, rosterView, sessionCreate, sessionList, sessionListQuery,
  sessionPatch, sessionView, shortfallList, shortfallQuery, supervisePage, superviseQuery, trainingOverview, uploadedFiles, yearParams, yearQuery,
} from './training.schema';
import {
  checkIn, createRetraining, createTrainingSession, deleteTrainingSession, getPlan, getTrainingOverview, getTrainingSession, importRecords, listPlanReviews,
  listShortfalls, listTrainingSessions, myArchive, openCheckin, personArchive, proxyAttend, quarterReport, readMaterial, recordTemplate, removeAttendance,
  savePlan, sessionRoster, setAttendanceResult, signPlanReview, superviseTraining, updateTrainingSession, uploadMaterials,
} from './training.service';

const tags = ['training'];

/** Course materials or a scanned sign-in sheet: a few files at a time, each within the document limit. */
const MATERIAL_UPLOAD: MultipartSpec = { maxFiles: 5, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], notMultipart: () => invalid('body.file', 'attachment.missing') };

// R-TRN-1, issue 13 §1: training plan, sessions and attendance, shortfalls, the person's archive, the principal's
// quarterly check of the plan (R-RESP-5), the import, and the regulators' list.
export const trainingRoutes: RouteModule = (app, { db, config }) => {
  const base = '/enterprises/:enterpriseId/training';

  app.get(base, {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训教育概况：在职人数、学时不足人数、本年学时、学法培训全员覆盖率、各部门不足人数、本年已检查的季度', params: enterpriseParams, response: { 200: trainingOverview } },
  }, async (req) => getTrainingOverview(db, req.ctx, req.params.enterpriseId));

  app.get(`${base}/shortfalls`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训学时不足名单（应培训、已培训、缺少学时，待再培训）及各部门人数；all=yes 列出全部人员', params: enterpriseParams, querystring: shortfallQuery, response: { 200: shortfallList } },
  }, async (req) => listShortfalls(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/plans/:year`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '某年度安全培训计划（没有时为空计划）', params: yearParams, response: { 200: planView } },
  }, async (req) => getPlan(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.put(`${base}/plans/:year`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '编制或修改某年度培训计划（整体替换计划项；修改时带上版本号）', params: yearParams, body: planPut, response: { 200: planView } },
  }, async (req) => savePlan(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.get(`${base}/sessions`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '某年度的培训（类型、课程、学时、授课人、参训人数）', params: enterpriseParams, querystring: sessionListQuery, response: { 200: sessionList } },
  }, async (req) => listTrainingSessions(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/sessions`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '登记一次培训（类型、课程、授课人、日期、学时、是否考试）', params: enterpriseParams, body: sessionCreate, response: { 201: sessionView } },
  }, async (req, reply) => reply.status(201).send(await createTrainingSession(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/sessions/:id`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训详情：签到名单、成绩和培训资料', params: idParams, response: { 200: sessionView } },
  }, async (req) => getTrainingSession(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/sessions/:id`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '修改培训（带上版本号）', params: idParams, body: sessionPatch, response: { 200: sessionView } },
  }, async (req) => updateTrainingSession(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/sessions/:id`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '删除培训及其签到记录', params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteTrainingSession(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/sessions/:id/checkin`, {
    config: { access: 'training.record' },
    schema: { tags, summary: '打开扫码签到：生成短时有效的签到二维码（再次生成时旧码失效）', params: idParams, response: { 200: checkinLink } },
  }, async (req) => openCheckin(db, req.ctx, config.publicBaseUrl, req.params.enterpriseId, req.params.id));

  app.get(`${base}/sessions/:id/roster`, {
    config: { access: 'training.record' },
    schema: { tags, summary: '共用设备签到名单：可代为签到的人员（是否有账号、是否已签到）', params: idParams, response: { 200: rosterView } },
  }, async (req) => sessionRoster(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/sessions/:id/attendance`, {
    config: { access: 'training.record' },
    schema: {
      tags, summary: '没有账号的人员在共用设备上签到：手写签名并输入身份证号后四位',
      params: idParams, body: proxyAttendanceBody, response: { 200: sessionView },
    },
  }, async (req) => proxyAttend(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.put(`${base}/sessions/:id/attendance/:employeeId`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '按纸质签到表登记参训，或登记考试成绩和是否合格', params: attendanceParams, body: resultBody, response: { 200: sessionView } },
  }, async (req) => setAttendanceResult(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.employeeId, req.body));

  app.delete(`${base}/sessions/:id/attendance/:employeeId`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '删除未经本人签名的签到记录', params: attendanceParams, response: { 200: sessionView } },
  }, async (req) => removeAttendance(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.employeeId));

  app.post(`${base}/sessions/:id/materials`, {
    config: { access: 'training.manage', multipart: MATERIAL_UPLOAD },
    schema: { tags, summary: '上传培训资料（multipart：file，可多个；照片或 PDF/Word）', params: idParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles } },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadMaterials(db, req.ctx, req.params.enterpriseId, req.params.id, files) });
  });

  app.get(`${base}/materials/:id`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训资料文件', params: idParams },
  }, async (req, reply) => sendStoredFile(reply, await readMaterial(db, req.ctx, req.params.enterpriseId, req.params.id), { zh: '培训资料', ascii: 'training-material' }));

  app.post(`${base}/retraining`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '登记再培训要求（转岗、离岗一年以上复岗、新工艺新设备），再培训完成前计入学时不足', params: enterpriseParams, body: retrainingCreate, response: { 201: archiveView } },
  }, async (req, reply) => reply.status(201).send(await createRetraining(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/people/:employeeId`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '个人培训档案（一人一档）：全部培训、每年学时、再培训、入职前培训', params: personParams, response: { 200: archiveView } },
  }, async (req) => personArchive(db, req.ctx, req.params.enterpriseId, req.params.employeeId));

  app.get(`${base}/review-report`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '某季度培训计划执行情况（计划与实际对照），由平台数据生成', params: enterpriseParams, querystring: quarterQuery, response: { 200: planReport } },
  }, async (req) => quarterReport(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/reviews`, {
    config: { access: 'training.read' },
    schema: { tags, summary: '主要负责人签署的季度培训计划执行情况检查', params: enterpriseParams, querystring: yearQuery, response: { 200: reviewList } },
  }, async (req) => listPlanReviews(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/reviews`, {
    config: { access: 'training.review' },
    schema: {
      tags, summary: '主要负责人本人审阅季度培训计划执行情况并签署检查意见（完成“十个一”中每季度一次培训计划检查）',
      params: enterpriseParams, body: reviewCreate, response: { 201: reviewView },
    },
  }, async (req, reply) => reply.status(201).send(await signPlanReview(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/import-template`, {
    config: { access: 'training.manage' },
    schema: { tags, summary: '下载培训记录导入模板（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await recordTemplate(db, req.ctx, req.params.enterpriseId)));

  app.post(`${base}/import`, {
    config: { access: 'training.manage', multipart: XLSX_UPLOAD },
    schema: { tags, summary: '导入培训记录（multipart/form-data，字段 file）', consumes: ['multipart/form-data'], params: enterpriseParams, querystring: importQuery, response: { 200: importReport } },
  }, async (req) => importRecords(db, req.ctx, req.params.enterpriseId, req.query.mode, await readUpload(req)));

  app.get('/me/training', {
    config: { access: 'training.attend' },
    schema: { tags, summary: '我的培训档案', response: { 200: archiveView } },
  }, async (req) => myArchive(db, req.ctx));

  app.post('/me/training/checkin', {
    config: { access: 'training.attend' },
    schema: { tags, summary: '扫码签到：用手机打开培训的签到二维码后确认签到', body: checkinBody, response: { 200: checkinDone } },
  }, async (req) => checkIn(db, req.ctx, req.body.token));

  app.get('/training-overview', {
    config: { access: 'training.supervise' },
    schema: { tags, summary: '辖区企业培训教育情况：学时不足人数、学法培训覆盖率、本年学时、主要负责人季度检查（街道按属地、部门按行业）', querystring: superviseQuery, response: { 200: supervisePage } },
  }, async (req) => superviseTraining(db, req.ctx, req.query));
};

