import { z } from 'zod';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { PHOTO_MAX_BYTES, VIDEO_MAX_BYTES } from '../../../platform/files/kinds';
import { drillsExport } from './drill.export';
import { drillSignInList, signInDrill } from './drill-signin.service';
import {
  actionCancel, actionDone, actionHazard, actionParams, drillAction, drillConfirm, drillDetail, drillEvaluate, drillInput, drillListQuery, drillPage,
  drillParams, drillPlan, drillReport, drillSignIn, drillSignInRoster, drillUpdate, drillVoid, planQuery, reportedListQuery, reportedPage,
} from './drill.schema';
import {
  cancelAction, completeAction, confirmPrincipal, drillPlanOf, editDrill, evaluateDrill, getDrill, listDrills, listReportedDrills, openActionHazard,
  readDrillFile, recordDrill, reportDrill, uploadDrillFiles, voidDrill,
} from './drill.service';

const tags = ['drills'];

/**
 * Photos (`file`) of the drill, a few at a time within the photo limit, and its videos (`video`) within the video
 * limit: the larger limit is the video field's only. The rule-set's count of videos is checked by the service.
 */
const VIDEOS_PER_UPLOAD = 5;
const FILE_UPLOAD: MultipartSpec = {
  maxFiles: 10 + VIDEOS_PER_UPLOAD, maxBytes: PHOTO_MAX_BYTES, fileFields: ['file', 'video'], fields: [],
  fieldLimits: { file: { maxBytes: PHOTO_MAX_BYTES, maxFiles: 10 }, video: { maxBytes: VIDEO_MAX_BYTES, maxFiles: VIDEOS_PER_UPLOAD } },
};
const fileParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });

export const drillRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/drill-plan`, {
    config: { access: 'drill.read' },
    schema: { tags, summary: '年度应急演练计划（按演练频次规则生成的履职事项及完成情况）', params: enterpriseParams, querystring: planQuery, response: { 200: drillPlan } },
  }, async (req) => drillPlanOf(db, req.ctx, req.params.enterpriseId, req.query.year));

  app.get(`${base}/drills`, {
    config: { access: 'drill.read' },
    schema: { tags, summary: '应急演练记录', params: enterpriseParams, querystring: drillListQuery, response: { 200: drillPage } },
  }, async (req) => listDrills(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/drills/export`, {
    config: { access: 'drill.read' },
    schema: {
      tags, summary: '导出应急演练记录（.xlsx，筛选条件同列表）', produces: [XLSX_MIME], params: enterpriseParams, querystring: drillListQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, drillsExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.post(`${base}/drills`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '记录应急演练（同时完成相应的演练履职事项）', params: enterpriseParams, body: drillInput, response: { 201: drillDetail } },
  }, async (req, reply) => {
    const { id } = await recordDrill(db, req.ctx, req.params.enterpriseId, req.body);
    return reply.status(201).send(await getDrill(db, req.ctx, req.params.enterpriseId, id));
  });

  app.get(`${base}/drills/:id`, {
    config: { access: 'drill.read' },
    schema: { tags, params: drillParams, response: { 200: drillDetail } },
  }, async (req) => getDrill(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.put(`${base}/drills/:id`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '修改待评估的演练记录', params: drillParams, body: drillUpdate, response: { 200: drillDetail } },
  }, async (req) => editDrill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drills/:id/confirm-principal`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '主要负责人本人确认组织了本次演练', params: drillParams, body: drillConfirm, response: { 200: drillDetail } },
  }, async (req) => confirmPrincipal(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drills/:id/evaluate`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '演练评估（效果、发现的问题、预案是否需修订、整改事项）', params: drillParams, body: drillEvaluate, response: { 200: drillDetail } },
  }, async (req) => evaluateDrill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drills/:id/report`, {
    config: { access: 'drill.report' },
    schema: { tags, summary: '向监管部门报告演练（须每半年报告演练的行业）', params: drillParams, body: drillReport, response: { 200: drillDetail } },
  }, async (req) => reportDrill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${base}/drills/:id/sign-in`, {
    config: { access: 'drill.read' },
    schema: { tags, summary: '演练签到名单：参演人员是否有账号、是否已签到；本人是否待签到', params: drillParams, response: { 200: drillSignInRoster } },
  }, async (req) => drillSignInList(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/drills/:id/sign-in`, {
    config: { access: 'drill.read' },
    schema: {
      tags, summary: '参演人员签到（本人手写签名或密码确认；无账号人员在组织者或班组长设备上手写签名并核对身份证号后四位）',
      params: drillParams, body: drillSignIn, response: { 200: drillDetail },
    },
  }, async (req) => signInDrill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drills/:id/void`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '作废演练记录（须说明原因；相应履职事项恢复未完成）', params: drillParams, body: drillVoid, response: { 200: drillDetail } },
  }, async (req) => voidDrill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drills/:id/files`, {
    config: { access: 'drill.write', multipart: FILE_UPLOAD },
    schema: { tags, summary: '上传演练照片和视频（multipart：照片 file，视频 video（MP4、MOV、WebM），可多个）', params: drillParams, consumes: ['multipart/form-data'], response: { 201: z.object({ ids: z.array(z.string()) }) } },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const of = (field: string) => (body?.files ?? []).filter((f) => f.field === field).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadDrillFiles(db, req.ctx, req.params.enterpriseId, req.params.id, of('file'), of('video')) });
  });

  app.get(`${base}/drill-files/:id`, {
    config: { access: 'drill.read' },
    schema: { tags, summary: '演练照片或视频（视频支持 Range 分段读取）', params: fileParams },
  }, async (req, reply) => {
    const file = await readDrillFile(db, req.ctx, req.params.enterpriseId, req.params.id);
    return sendStoredFile(reply, file, file.kind === 'video' ? { zh: '演练视频', ascii: 'drill-video' } : { zh: '演练照片', ascii: 'drill-photo' });
  });

  app.post(`${base}/drill-actions/:id/done`, {
    config: { access: 'drill.read' },
    schema: { tags, summary: '整改事项已完成（责任人或管理人员，须填写完成情况）', params: actionParams, body: actionDone, response: { 200: drillAction } },
  }, async (req) => completeAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drill-actions/:id/cancel`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '撤销整改事项（须说明原因）', params: actionParams, body: actionCancel, response: { 200: drillAction } },
  }, async (req) => cancelAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/drill-actions/:id/hazard`, {
    config: { access: 'drill.write' },
    schema: { tags, summary: '将演练发现的问题登记为隐患', params: actionParams, body: actionHazard, response: { 200: drillAction } },
  }, async (req) => openActionHazard(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/drills/reported', {
    config: { access: 'drill.read' },
    schema: { tags, summary: '企业报告的应急演练（监管部门、街道查看辖区内）', querystring: reportedListQuery, response: { 200: reportedPage } },
  }, async (req) => listReportedDrills(db, req.ctx, req.query));
};
