import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import {
  departmentInput, engagementInput, engagementPatch, engineerInput, engineerPatch, staffInput, staffPatch, staffingItemParams, staffingOverview as overviewSchema,
  staffingOverviewQuery, staffingView, uploadedStaffingFiles,
} from './staffing.schema';
import {
  addEngagement, addEngineer, appointStaff, deleteStaffingFile, editEngagement, editEngineer, editStaff, getStaffing, readStaffingFile, removeDepartment,
  removeEngagement, removeEngineer, removeStaff, saveDepartment, staffingOverview, uploadStaffingFiles,
} from './staffing.service';

const tags = ['staffing'];

/** Scanned documents (PDF or photos of the paper), a few at a time. */
const FILE_UPLOAD: MultipartSpec = { maxFiles: 5, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], fields: ['owner', 'ownerId'] };

// R-TEAM-1/2, issue 12 §1: the safety department, safety staff, registered safety engineers, outsourced safety
// management, and the staffing check. Every write answers with the whole organisation and its check.
export const staffingRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/staffing';

  app.get(base, {
    config: { access: 'staffing.read' },
    schema: { tags, summary: '安全管理机构和人员：机构、专兼职安全生产管理人员、注册安全工程师、委托服务，以及配备是否达标、还缺什么', params: enterpriseParams, response: { 200: staffingView } },
  }, async (req) => getStaffing(db, req.ctx, req.params.enterpriseId));

  app.put(`${base}/department`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '设置或修改安全生产管理机构（名称、设立文件）', params: enterpriseParams, body: departmentInput, response: { 200: staffingView } },
  }, async (req) => saveDepartment(db, req.ctx, req.params.enterpriseId, req.body));

  app.delete(`${base}/department`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '撤销安全生产管理机构', params: enterpriseParams, response: { 200: staffingView } },
  }, async (req) => removeDepartment(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/staff`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '任命安全生产管理人员（名册中的在职人员，专职或兼职，任命文件）', params: enterpriseParams, body: staffInput, response: { 201: staffingView } },
  }, async (req, reply) => reply.status(201).send(await appointStaff(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/staff/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '修改安全生产管理人员（专兼职、任命文件、职责）', params: staffingItemParams, body: staffPatch, response: { 200: staffingView } },
  }, async (req) => editStaff(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/staff/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '免去安全生产管理人员', params: staffingItemParams, response: { 200: staffingView } },
  }, async (req) => removeStaff(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/engineers`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '登记注册安全工程师（证书编号、专业类别、有效期）', params: enterpriseParams, body: engineerInput, response: { 201: staffingView } },
  }, async (req, reply) => reply.status(201).send(await addEngineer(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/engineers/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '修改注册安全工程师', params: staffingItemParams, body: engineerPatch, response: { 200: staffingView } },
  }, async (req) => editEngineer(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/engineers/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '删除注册安全工程师', params: staffingItemParams, response: { 200: staffingView } },
  }, async (req) => removeEngineer(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/engagements`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '登记委托的安全生产管理服务机构（不能代替机构和人员）', params: enterpriseParams, body: engagementInput, response: { 201: staffingView } },
  }, async (req, reply) => reply.status(201).send(await addEngagement(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/engagements/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '修改委托的安全生产管理服务', params: staffingItemParams, body: engagementPatch, response: { 200: staffingView } },
  }, async (req) => editEngagement(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/engagements/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '删除委托的安全生产管理服务', params: staffingItemParams, response: { 200: staffingView } },
  }, async (req) => removeEngagement(db, req.ctx, req.params.enterpriseId, req.params.id));

  // The edge reads the upload (platform/http/multipart.ts) after the scope check: out of scope is refused unread.
  app.post(`${base}/files`, {
    config: { access: 'staffing.manage', multipart: FILE_UPLOAD },
    schema: {
      tags, summary: '上传机构设立文件、人员任命文件或委托服务合同（multipart：file，PDF 或照片；owner 为 department/staff/engagement，ownerId 为人员或委托记录的 id）',
      params: enterpriseParams, consumes: ['multipart/form-data'], response: { 201: uploadedStaffingFiles },
    },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    const ids = await uploadStaffingFiles(db, req.ctx, req.params.enterpriseId, body?.fields.owner, body?.fields.ownerId, files);
    return reply.status(201).send({ ids });
  });

  app.get(`${base}/files/:id`, {
    config: { access: 'staffing.read' },
    schema: { tags, summary: '安全管理机构和人员的文件', params: staffingItemParams },
  }, async (req, reply) => sendStoredFile(reply, await readStaffingFile(db, req.ctx, req.params.enterpriseId, req.params.id), { zh: '安全管理机构和人员文件', ascii: 'staffing-file' }));

  app.delete(`${base}/files/:id`, {
    config: { access: 'staffing.manage' },
    schema: { tags, summary: '删除安全管理机构和人员的文件', params: staffingItemParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteStaffingFile(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get('/staffing', {
    config: { access: 'staffing.supervise' },
    schema: {
      tags, summary: '辖区企业安全生产管理机构和人员配备情况（街道按属地、部门按行业），可只看未达标的企业，附缺少的人员',
      querystring: staffingOverviewQuery, response: { 200: overviewSchema },
    },
  }, async (req) => staffingOverview(db, req.ctx, req.query));
};
