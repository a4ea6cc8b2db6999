import { z } from 'zod';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { enterpriseParams } from '../../../platform/http/route';
import {
  ackBody, ackDone, ackFileParams, ackParams, pendingPeopleView, proxyAckBody, approveBody, fileParams, uploadedFiles, documentInput, documentParams, documentPatch, documentView, libraryQuery, libraryView, myAcks, myAckView, overviewQuery, overviewView,
  reviewBody, reviewView, versionInput, versionParams, versionPatch, versionQuery, versionView,
} from './documents.schema';
import {
  acknowledge, approveVersion, createDocument, createVersion, documentsOverview, editDocument, editVersion, getDocument, getVersion, library, myAcknowledgement,
  myAcknowledgements, pendingPeople, proxyAcknowledge, publishVersion, readMyAckFile, readVersionFile, reviewRules, uploadVersionFiles,
} from './documents.service';

const FILE_UPLOAD: MultipartSpec = { maxFiles: 5, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], fields: [] };

const tags = ['documents'];

// R-DOC-1, issue 12 §2: the enterprise's rules, operating procedures and post safety procedures, their versions,
// the staff's acknowledgements, the principal's yearly review (R-RESP-5) and the regulators' list.
export const documentsRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/documents';

  app.get(base, {
    config: { access: 'documents.read' },
    schema: {
      tags, summary: '制度和操作规程库：文件及现行版本、缺少的必备制度、没有操作规程的岗位、各部门阅读确认率、本年度评审',
      params: enterpriseParams, querystring: libraryQuery, response: { 200: libraryView },
    },
  }, async (req) => library(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(base, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '新建制度或操作规程（含第 1 版草稿）', params: enterpriseParams, body: documentInput, response: { 201: documentView } },
  }, async (req, reply) => reply.status(201).send(await createDocument(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'documents.read' },
    schema: { tags, summary: '一份制度或操作规程及其各版本', params: documentParams, response: { 200: documentView } },
  }, async (req) => getDocument(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/:id`, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '修改标题、落实的必备制度、涉及工序和岗位，或停用', params: documentParams, body: documentPatch, response: { 200: documentView } },
  }, async (req) => editDocument(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/versions`, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '新建修订版本（草稿）；已有未发布的版本时拒绝', params: documentParams, body: versionInput, response: { 201: versionView } },
  }, async (req, reply) => reply.status(201).send(await createVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.get(`${base}/:id/versions/:versionId`, {
    config: { access: 'documents.read' },
    schema: { tags, summary: '一个版本的正文及与上一版（或指定版本）的逐行对比', params: versionParams, querystring: versionQuery, response: { 200: versionView } },
  }, async (req) => getVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId, req.query));

  app.patch(`${base}/:id/versions/:versionId`, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '修改草稿版本', params: versionParams, body: versionPatch, response: { 200: versionView } },
  }, async (req) => editVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId, req.body));

  app.post(`${base}/:id/versions/:versionId/approve`, {
    config: { access: 'documents.approve' },
    schema: { tags, summary: '主要负责人本人签字批准版本（手写签名或密码确认），批准后不能修改', params: versionParams, body: approveBody, response: { 200: versionView } },
  }, async (req) => approveVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId, req.body));

  app.post(`${base}/:id/versions/:versionId/publish`, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '发布已批准的版本：涉及岗位的每个人收到阅读确认任务', params: versionParams, response: { 200: versionView } },
  }, async (req) => publishVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId));

  app.get(`${base}/:id/versions/:versionId/proxy-acks`, {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '尚未阅读确认、没有账号的人员（在共用设备上确认）', params: versionParams, response: { 200: pendingPeopleView } },
  }, async (req) => pendingPeople(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId));

  app.post(`${base}/:id/versions/:versionId/proxy-acks`, {
    config: { access: 'documents.manage' },
    schema: {
      tags, summary: '没有账号的人员在共用设备上手写签名并输入身份证号后四位，确认已阅读知晓（版本附有测验时须全部答对）',
      params: versionParams, body: proxyAckBody, response: { 200: pendingPeopleView },
    },
  }, async (req) => proxyAcknowledge(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId, req.body));

  // The edge reads the upload (platform/http/multipart.ts) after the scope check: out of scope is refused unread.
  app.post(`${base}/:id/versions/:versionId/files`, {
    config: { access: 'documents.manage', multipart: FILE_UPLOAD },
    schema: {
      tags, summary: '给草稿版本附上文件（multipart：file，PDF 或纸质原件照片）；批准后文件随签名锁定',
      params: versionParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadVersionFiles(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.versionId, files) });
  });

  app.get('/enterprises/:enterpriseId/document-files/:fileId', {
    config: { access: 'documents.read' },
    schema: { tags, summary: '制度规程版本的附件', params: fileParams },
  }, async (req, reply) => sendStoredFile(reply, await readVersionFile(db, req.ctx, req.params.enterpriseId, req.params.fileId), { zh: '制度规程附件', ascii: 'document-file' }));

  app.post('/enterprises/:enterpriseId/document-reviews', {
    config: { access: 'documents.approve' },
    schema: {
      tags, summary: '主要负责人签署本年度制度规程评审记录（修订或未修订及理由），完成“十个一”中的年度修订',
      params: enterpriseParams, body: reviewBody, response: { 201: reviewView },
    },
  }, async (req, reply) => reply.status(201).send(await reviewRules(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get('/me/document-acks', {
    config: { access: 'documents.acknowledge' },
    schema: { tags, summary: '我待阅读确认的制度规程，以及最近确认过的', response: { 200: myAcks } },
  }, async (req) => myAcknowledgements(db, req.ctx));

  app.get('/me/document-acks/:versionId', {
    config: { access: 'documents.acknowledge' },
    schema: { tags, summary: '阅读一份要求我确认的制度规程', params: ackParams, response: { 200: myAckView } },
  }, async (req) => myAcknowledgement(db, req.ctx, req.params.versionId));

  app.post('/me/document-acks/:versionId', {
    config: { access: 'documents.acknowledge' },
    schema: {
      tags, summary: '确认已阅读知晓（重复确认不改变结果），返回确认时间；版本附有测验时须全部答对（answers 按题目顺序给出选项序号），答错返回 400 可重答',
      // No body at all is an acknowledgement without answers (the API before the quiz; a version without one).
      params: ackParams, body: z.preprocess((v) => v ?? {}, ackBody), response: { 200: ackDone },
    },
  }, async (req) => acknowledge(db, req.ctx, req.params.versionId, req.body));

  app.get('/me/document-acks/:versionId/files/:fileId', {
    config: { access: 'documents.acknowledge' },
    schema: { tags, summary: '要求我确认的制度规程的附件', params: ackFileParams },
  }, async (req, reply) => sendStoredFile(reply, await readMyAckFile(db, req.ctx, req.params.versionId, req.params.fileId), { zh: '制度规程附件', ascii: 'document-file' }));

  app.get('/documents-overview', {
    config: { access: 'documents.supervise' },
    schema: { tags, summary: '辖区企业安全生产规章制度建立情况：缺少的必备制度、阅读确认率、本年度评审', querystring: overviewQuery, response: { 200: overviewView } },
  }, async (req) => documentsOverview(db, req.ctx, req.query));
};
