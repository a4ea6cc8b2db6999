import { sendStoredFile } from '../../../platform/http/stored-file';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { meetingsExport } from './meeting.export';
import {
  actionCancel, actionDone, actionListQuery, actionPage, actionParams, meetingAction, meetingConfirm, meetingCreate, meetingDetail, meetingFileParams,
  meetingListQuery, meetingPage, meetingParams, meetingUpdate, meetingVoid, uploadedFiles,
} from './meeting.schema';
import {
  cancelAction, completeAction, confirmMeeting, deleteMeetingFile, editMeeting, getMeeting, listActions, listMeetings, readMeetingFile, recordMeeting,
  uploadMeetingFiles, voidMeeting,
} from './meeting.service';

const tags = ['meetings'];

/** The minutes PDF, the safety work report or photos: a few files at a time, each within the document limit. */
const FILE_UPLOAD: MultipartSpec = { maxFiles: 10, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], fields: ['role'] };

export const meetingRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/meetings`, {
    config: { access: 'meeting.read' },
    schema: { tags, summary: '安全生产会议记录', params: enterpriseParams, querystring: meetingListQuery, response: { 200: meetingPage } },
  }, async (req) => listMeetings(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/meetings/export`, {
    config: { access: 'meeting.read' },
    schema: {
      tags, summary: '导出会议记录（.xlsx，筛选条件同列表）', produces: [XLSX_MIME], params: enterpriseParams, querystring: meetingListQuery,
      response: { 200: xlsxFile, 202: exportStarted },
    },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, meetingsExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.post(`${base}/meetings`, {
    config: { access: 'meeting.record' },
    schema: { tags, summary: '记录会议（草稿，由主持人确认纪要）', params: enterpriseParams, body: meetingCreate, response: { 201: meetingDetail } },
  }, async (req, reply) => {
    const { id } = await recordMeeting(db, req.ctx, req.params.enterpriseId, req.body);
    return reply.status(201).send(await getMeeting(db, req.ctx, req.params.enterpriseId, id));
  });

  app.get(`${base}/meetings/:id`, {
    config: { access: 'meeting.read' },
    schema: { tags, params: meetingParams, response: { 200: meetingDetail } },
  }, async (req) => getMeeting(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.put(`${base}/meetings/:id`, {
    config: { access: 'meeting.record' },
    schema: { tags, summary: '修改会议草稿（参会人和决定事项按所送替换）', params: meetingParams, body: meetingUpdate, response: { 200: meetingDetail } },
  }, async (req) => editMeeting(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/meetings/:id/confirm`, {
    config: { access: 'meeting.act' },
    schema: { tags, summary: '主持人确认会议纪要（确认后锁定）', params: meetingParams, body: meetingConfirm, response: { 200: meetingDetail } },
  }, async (req) => confirmMeeting(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/meetings/:id/void`, {
    config: { access: 'meeting.record' },
    schema: { tags, summary: '作废会议记录（须说明原因；更正请重新记录）', params: meetingParams, body: meetingVoid, response: { 200: meetingDetail } },
  }, async (req) => voidMeeting(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  // The edge reads the upload (platform/http/multipart.ts) after the scope check: out of scope is refused unread.
  app.post(`${base}/meetings/:id/files`, {
    config: { access: 'meeting.record', multipart: FILE_UPLOAD },
    schema: {
      tags, summary: '上传会议附件（multipart：file，可多个；role 为 minutes 纪要 PDF、report 安全生产工作报告 PDF 或 photo 照片）',
      params: meetingParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    const ids = await uploadMeetingFiles(db, req.ctx, req.params.enterpriseId, req.params.id, body?.fields.role, files);
    return reply.status(201).send({ ids });
  });

  app.get(`${base}/meeting-files/:id`, {
    config: { access: 'meeting.read' },
    schema: { tags, summary: '会议附件', params: meetingFileParams },
  }, async (req, reply) => {
    const file = await readMeetingFile(db, req.ctx, req.params.enterpriseId, req.params.id);
    return sendStoredFile(reply, file, { zh: '会议附件', ascii: 'meeting-file' });
  });

  app.delete(`${base}/meeting-files/:id`, {
    config: { access: 'meeting.record' },
    schema: { tags, summary: '删除会议草稿的附件（已确认的会议附件已锁定）', params: meetingFileParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteMeetingFile(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get(`${base}/meeting-actions`, {
    config: { access: 'meeting.read' },
    schema: { tags, summary: '会议决定事项（跟踪落实）', params: enterpriseParams, querystring: actionListQuery, response: { 200: actionPage } },
  }, async (req) => listActions(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/meeting-actions/:id/done`, {
    config: { access: 'meeting.act' },
    schema: { tags, summary: '决定事项已落实（责任人或管理人员，须填写落实情况）', params: actionParams, body: actionDone, response: { 200: meetingAction } },
  }, async (req) => completeAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/meeting-actions/:id/cancel`, {
    config: { access: 'meeting.record' },
    schema: { tags, summary: '撤销决定事项（须说明原因）', params: actionParams, body: actionCancel, response: { 200: meetingAction } },
  }, async (req) => cancelAction(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
};
