import { z } from 'zod';
import type { Ctx } from '../../../platform/auth/actor';
import { AppError } from '../../../platform/errors';
import { PHOTO_MAX_BYTES } from '../../../platform/files/photos';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import {
  extensionDecision, fiveInPlacePlan, hazardAssign, hazardConfirm, hazardDetail, hazardExtension, hazardListQuery, hazardNote, hazardPage,
  hazardParams, hazardReport, hazardSubmit, hazardUnits, hazardVoid, supervisionInput, type HazardDetail,
} from './hazard.schema';
import {
  acceptHazard, assignRectification, listAssignees, confirmHazard, decideExtension, delistSupervision, fixOnSpot, getHazard, listForSupervision, listHazards, listHazardUnits,
  rejectRectification, reportHazard, requestExtension, saveFiveInPlacePlan, submitRectification, uploadPhotos, voidHazard,
} from './hazard.service';
import { deletePhoto, readPhoto } from './hazard-photo.service';

export const hazardRoutes: RouteModule = (app, { db }) => {
  // The edge reads the upload (platform/http/multipart.ts) after the scope check: out of scope is refused unread.
  app.post('/enterprises/:enterpriseId/photos', {
    config: { access: 'hazard.report', multipart: { maxFiles: 10, maxBytes: PHOTO_MAX_BYTES } },
    schema: {
      tags: ['hazards'], summary: '上传照片（multipart，字段 file，可多张）', params: enterpriseParams, consumes: ['multipart/form-data'],
      response: { 201: z.object({ ids: z.array(z.string()) }) },
    },
  }, async (req, reply) => {
    const files = multipartBody(req)?.files ?? [];
    if (files.length === 0) throw new AppError('VALIDATION', { issues: [{ path: 'body.file', message: 'validation.required' }] });
    const ids = await uploadPhotos(db, req.ctx, req.params.enterpriseId, files.map((f) => f.buffer));
    return reply.status(201).send({ ids });
  });

  app.get('/enterprises/:enterpriseId/photos/:id', {
    config: { access: 'hazard.read' },
    schema: { tags: ['hazards'], params: hazardParams },
  }, async (req, reply) => {
    // D11: the photo of a hazard or task the caller cannot see is not found either.
    const photo = await readPhoto(db, req.ctx, req.params.enterpriseId, req.params.id);
    return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(photo.data);
  });

  app.delete('/enterprises/:enterpriseId/photos/:id', {
    config: { access: 'hazard.report' },
    schema: { tags: ['hazards'], summary: '删除未使用的照片（已附于隐患或检查记录的照片不能删除）', params: hazardParams, response: { 200: okResponse } },
  }, async (req) => {
    await deletePhoto(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get('/enterprises/:enterpriseId/assignees', {
    config: { access: 'hazard.act' },
    schema: {
      tags: ['hazards'], summary: '可指派的整改责任人', params: enterpriseParams, querystring: z.object({ q: z.string().trim().max(50).optional() }),
      response: { 200: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), roleName: z.string() })) },
    },
  }, async (req) => listAssignees(db, req.ctx, req.params.enterpriseId, req.query.q));

  app.get('/enterprises/:enterpriseId/hazard-units', {
    config: { access: 'hazard.read' },
    schema: { tags: ['hazards'], summary: '隐患可归属的单元（含路径）及本人上报的默认单元', params: enterpriseParams, response: { 200: hazardUnits } },
  }, async (req) => listHazardUnits(db, req.ctx, req.params.enterpriseId));

  app.get('/enterprises/:enterpriseId/hazards', {
    config: { access: 'hazard.read' },
    schema: { tags: ['hazards'], summary: '隐患台账', params: enterpriseParams, querystring: hazardListQuery, response: { 200: hazardPage } },
  }, async (req) => listHazards(db, req.ctx, req.params.enterpriseId, req.query));

  app.get('/enterprises/:enterpriseId/hazards/:id', {
    config: { access: 'hazard.read' },
    schema: { tags: ['hazards'], params: hazardParams, response: { 200: hazardDetail } },
  }, async (req) => getHazard(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post('/enterprises/:enterpriseId/hazards', {
    config: { access: 'hazard.report' },
    schema: { tags: ['hazards'], summary: '上报隐患', params: enterpriseParams, body: hazardReport, response: { 201: z.object({ id: z.string(), code: z.string(), status: z.string() }) } },
  }, async (req, reply) => reply.status(201).send(await reportHazard(db, req.ctx, req.params.enterpriseId, req.body)));

  // Each workflow operation is one route; the state machine decides who may run it and when.
  const op = <T extends z.ZodType>(path: string, summary: string, body: T, run: (enterpriseId: string, id: string, input: z.infer<T>, ctx: Ctx) => Promise<HazardDetail>) => {
    app.post(`/enterprises/:enterpriseId/hazards/:id/${path}`, {
      config: { access: 'hazard.act' },
      schema: { tags: ['hazards'], summary, params: hazardParams, body, response: { 200: hazardDetail } },
    }, async (req) => run(req.params.enterpriseId, req.params.id, req.body as z.infer<T>, req.ctx));
  };
  op('confirm', '确认并定级', hazardConfirm, (e, id, b, ctx) => confirmHazard(db, ctx, e, id, b));
  op('assign', '下达整改（责任人、措施、期限）', hazardAssign, (e, id, b, ctx) => assignRectification(db, ctx, e, id, b));
  op('submit', '提交整改（须有整改后照片）', hazardSubmit, (e, id, b, ctx) => submitRectification(db, ctx, e, id, b));
  op('fix-on-spot', '立查立改（一般隐患）', hazardSubmit, (e, id, b, ctx) => fixOnSpot(db, ctx, e, id, b));
  op('accept', '验收销号（验收人不得为整改人）', hazardNote, (e, id, b, ctx) => acceptHazard(db, ctx, e, id, b));
  op('reject', '验收不通过，退回整改', hazardNote, (e, id, b, ctx) => rejectRectification(db, ctx, e, id, b));
  op('void', '作废（须说明原因）', hazardVoid, (e, id, b, ctx) => voidHazard(db, ctx, e, id, b));
  op('extensions', '申请延期（须在期限前）', hazardExtension, (e, id, b, ctx) => requestExtension(db, ctx, e, id, b));

  app.post('/enterprises/:enterpriseId/hazards/:id/extensions/:extensionId/decision', {
    config: { access: 'hazard.act' },
    schema: { tags: ['hazards'], summary: '审批延期', params: hazardParams.extend({ extensionId: z.uuid() }), body: extensionDecision, response: { 200: hazardDetail } },
  }, async (req) => decideExtension(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.extensionId, req.body));

  app.put('/enterprises/:enterpriseId/hazards/:id/plan', {
    config: { access: 'hazard.act' },
    schema: { tags: ['hazards'], summary: '重大隐患"五到位"治理方案', params: hazardParams, body: fiveInPlacePlan, response: { 200: hazardDetail } },
  }, async (req) => saveFiveInPlacePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post('/enterprises/:enterpriseId/hazards/:id/supervision', {
    config: { access: 'hazard.supervise' },
    schema: { tags: ['hazards'], summary: '挂牌督办', params: hazardParams, body: supervisionInput, response: { 200: hazardDetail } },
  }, async (req) => listForSupervision(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post('/enterprises/:enterpriseId/hazards/:id/supervision/delist', {
    config: { access: 'hazard.supervise' },
    schema: { tags: ['hazards'], summary: '确认摘牌（验收评估后）', params: hazardParams, body: hazardNote, response: { 200: hazardDetail } },
  }, async (req) => delistSupervision(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
};
