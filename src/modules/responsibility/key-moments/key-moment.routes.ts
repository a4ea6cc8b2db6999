import { sendStoredFile } from '../../../platform/http/stored-file';
import { z } from 'zod';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import { PHOTO_MAX_BYTES } from '../../../platform/files/photos';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import {
  fileParams, gapList, gapQuery, keyMomentCreate, keyMomentDeleteQuery, keyMomentDetail, keyMomentLeader, keyMomentList, keyMomentListQuery,
  keyMomentOverview, keyMomentOverviewQuery, keyMomentParams, keyMomentPatch, payLinkList,
} from './key-moment.schema';
import { keyMomentOverview as overview } from './key-moment-overview.service';
import {
  checkIn, declareKeyMoment, deleteKeyMoment, editKeyMoment, getKeyMoment, listGaps, listKeyMoments, readCheckinPhoto, setMomentLeader,
} from './key-moment.service';
import { listPayLinks, readPayLinkFile, recordPayLink } from './pay-link.service';

const tags = ['key-moments'];

/** A check-in from a phone: one photo (field `photo`) and its text fields; coordinates only with consent. */
const CHECKIN_UPLOAD: MultipartSpec = {
  maxFiles: 1, maxBytes: PHOTO_MAX_BYTES, fileFields: ['photo'], fields: ['note', 'locationText', 'locationConsent', 'latitude', 'longitude'],
};
/** A pay link's evidence: PDFs (`document`) and photos (`photo`), a few at a time, with the year and the description. */
const PAY_LINK_UPLOAD: MultipartSpec = { maxFiles: 10, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['document', 'photo'], fields: ['year', 'description'] };

export const keyMomentRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/key-moments`, {
    config: { access: 'key_moment.read' },
    schema: { tags, summary: '关键时段（节假日、复产复工、检维修）及本年法定节假日', params: enterpriseParams, querystring: keyMomentListQuery, response: { 200: keyMomentList } },
  }, async (req) => listKeyMoments(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/key-moments`, {
    config: { access: 'key_moment.manage' },
    schema: { tags, summary: '申报检维修时段，或停产停业后的复产复工（停产天数须达到规则配置的下限）', params: enterpriseParams, body: keyMomentCreate, response: { 201: keyMomentDetail } },
  }, async (req, reply) => {
    const { id } = await declareKeyMoment(db, req.ctx, req.params.enterpriseId, req.body);
    return reply.status(201).send(await getKeyMoment(db, req.ctx, req.params.enterpriseId, id));
  });

  app.get(`${base}/key-moments/:id`, {
    config: { access: 'key_moment.read' },
    schema: { tags, summary: '关键时段详情：每日带班打卡、关联的节假日/复产复工检查计划', params: keyMomentParams, response: { 200: keyMomentDetail } },
  }, async (req) => getKeyMoment(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/key-moments/:id`, {
    config: { access: 'key_moment.manage' },
    schema: {
      tags, summary: '修改关键时段：自行申报的可改名称、日期（已过去的日子不变，已打卡的日子不能删去）；所有未结束的可改说明和带班领导',
      params: keyMomentParams, body: keyMomentPatch, response: { 200: keyMomentDetail },
    },
  }, async (req) => editKeyMoment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/key-moments/:id`, {
    config: { access: 'key_moment.manage' },
    schema: {
      tags, summary: '删除自行申报、尚未开始且没有打卡的关键时段（节假日、恢复经营生成的不能删除）；其履职事项一并撤销',
      params: keyMomentParams, querystring: keyMomentDeleteQuery, response: { 200: okResponse },
    },
  }, async (req) => {
    await deleteKeyMoment(db, req.ctx, req.params.enterpriseId, req.params.id, req.query);
    return { ok: true as const };
  });

  // Issue 11 §10: the regulators' view, per enterprise in scope.
  app.get('/key-moments/overview', {
    config: { access: 'key_moment.supervise' },
    schema: {
      tags, summary: '辖区企业关键时段带班情况：进行中和即将开始的关键时段，本年已打卡天数/应打卡天数、缺卡天数',
      querystring: keyMomentOverviewQuery, response: { 200: keyMomentOverview },
    },
  }, async (req) => overview(db, req.ctx, req.query));

  app.put(`${base}/key-moments/:id/leader`, {
    config: { access: 'key_moment.manage' },
    schema: { tags, summary: '指定带班领导（不指定则为主要负责人）', params: keyMomentParams, body: keyMomentLeader, response: { 200: keyMomentDetail } },
  }, async (req) => setMomentLeader(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  // The edge reads the upload (platform/http/multipart.ts) after the scope check: out of scope is refused unread.
  app.post(`${base}/key-moments/:id/checkins`, {
    config: { access: 'key_moment.checkin', multipart: CHECKIN_UPLOAD },
    schema: {
      tags, summary: '带班打卡（multipart：photo 现场照片；locationText 地点；locationConsent 为 true 时可带 latitude、longitude；note 说明）',
      params: keyMomentParams, consumes: ['multipart/form-data'], response: { 201: keyMomentDetail },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const photos = (body?.files ?? []).map((f) => f.buffer);
    return reply.status(201).send(await checkIn(db, req.ctx, req.params.enterpriseId, req.params.id, body?.fields ?? {}, photos));
  });

  app.get(`${base}/key-moment-gaps`, {
    config: { access: 'key_moment.read' },
    schema: { tags, summary: '缺少带班打卡的关键时段日期（已过去的日子）', params: enterpriseParams, querystring: gapQuery, response: { 200: gapList } },
  }, async (req) => listGaps(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/duty-checkin-photos/:id`, {
    config: { access: 'key_moment.read' },
    schema: { tags, summary: '带班打卡照片', params: fileParams },
  }, async (req, reply) => {
    const file = await readCheckinPhoto(db, req.ctx, req.params.enterpriseId, req.params.id);
    return reply.type(file.mime).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(file.data);
  });

  // ---- R-RESP-7: the pay–safety link ----

  app.get(`${base}/pay-links`, {
    config: { access: 'pay_link.read' },
    schema: { tags, summary: '国有企业领导人员薪酬与安全生产挂钩记录', params: enterpriseParams, response: { 200: payLinkList } },
  }, async (req) => listPayLinks(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/pay-links`, {
    config: { access: 'pay_link.record', multipart: PAY_LINK_UPLOAD },
    schema: {
      tags, summary: '记录年度薪酬与安全生产挂钩情况（multipart：year、description；document 佐证 PDF、photo 照片，至少一个）',
      params: enterpriseParams, consumes: ['multipart/form-data'], response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ field: f.field, buffer: f.buffer, name: f.filename }));
    return reply.status(201).send(await recordPayLink(db, req.ctx, req.params.enterpriseId, body?.fields ?? {}, files));
  });

  app.get(`${base}/pay-link-files/:id`, {
    config: { access: 'pay_link.read' },
    schema: { tags, summary: '薪酬挂钩佐证材料', params: fileParams },
  }, async (req, reply) => {
    const file = await readPayLinkFile(db, req.ctx, req.params.enterpriseId, req.params.id);
    return sendStoredFile(reply, file, { zh: '薪酬挂钩佐证材料', ascii: 'pay-link' });
  });
};
