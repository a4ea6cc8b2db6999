import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { getCoverage, listCoverage } from './duty-coverage.service';
import {
  assignmentsInput, coverageList, coverageListQuery, coverageView, draftInput, listCreate, listDetail, listIdParams, listPage, listQuery, listUpdate, postDutyInput,
  postDutyParams, postDutyView, publicationQuery, publicationView, publishInput, reviewCreate, reviewList, reviewView, signInput, templateDetail, templateParams,
  templateSummary, versionParams, versionView,
} from './duty-list.schema';
import {
  createList, deleteList, discardDraft, getList, getListVersion, getPublication, getTemplate, listLists, listTemplates, publishListVersion, renameList, saveDraft,
  setAssignments, setPostList,
} from './duty-list.service';
import { createReview, deleteReview, getReview, listReviews, signReview } from './duty-review.service';

const tags = ['duties'];

export const dutyListRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId';

  // ---- the built-in library (R-RESP-1) ----

  app.get('/duty-templates', {
    config: { access: 'duty.read' },
    schema: { tags, summary: '内置岗位安全生产责任清单模板库（按岗位、部门，含依据条款）', response: { 200: z.array(templateSummary) } },
  }, async (req) => listTemplates(req.ctx));

  app.get('/duty-templates/:key', {
    config: { access: 'duty.read' },
    schema: { tags, summary: '模板条目（内容、范围、考核标准、分值、依据）', params: templateParams, response: { 200: templateDetail } },
  }, async (req) => getTemplate(req.ctx, req.params.key));

  app.get('/duty-coverage', {
    config: { access: 'duty.coverage' },
    schema: { tags, summary: '辖区企业全员安全生产责任制覆盖率（岗位、人员）', querystring: coverageListQuery, response: { 200: coverageList } },
  }, async (req) => listCoverage(db, req.ctx, req.query));

  // ---- an enterprise's lists and versions ----

  app.get(`${base}/duty-lists`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '本企业安全生产责任清单', params: enterpriseParams, querystring: listQuery, response: { 200: listPage } },
  }, async (req) => listLists(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/duty-lists`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '新建责任清单（复制模板或自行编写，生成第 1 版草稿）', params: enterpriseParams, body: listCreate, response: { 201: listDetail } },
  }, async (req, reply) => reply.status(201).send(await createList(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/duty-lists/:id`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '责任清单：现行版本、草稿、历史版本、适用岗位或人员', params: listIdParams, response: { 200: listDetail } },
  }, async (req) => getList(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/duty-lists/:id`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '修改清单名称', params: listIdParams, body: listUpdate, response: { 200: listDetail } },
  }, async (req) => renameList(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/duty-lists/:id`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '删除从未发布的清单（已发布的版本永久保留）', params: listIdParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteList(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.put(`${base}/duty-lists/:id/draft`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '保存草稿条目（现行版本不可修改：编辑即生成新版本草稿）', params: listIdParams, body: draftInput, response: { 200: listDetail } },
  }, async (req) => saveDraft(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/duty-lists/:id/draft`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '放弃草稿', params: listIdParams, response: { 200: listDetail } },
  }, async (req) => discardDraft(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/duty-lists/:id/publish`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '发布草稿为现行版本（原现行版本作废留存）', params: listIdParams, body: publishInput, response: { 200: listDetail } },
  }, async (req) => publishListVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.put(`${base}/duty-lists/:id/assignments`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '设置清单适用的岗位、部门或人员（一岗一清单：已有清单的岗位改用本清单）', params: listIdParams, body: assignmentsInput, response: { 200: listDetail } },
  }, async (req) => setAssignments(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${base}/duty-lists/:id/versions/:version`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '清单的某一版本', params: versionParams, response: { 200: versionView } },
  }, async (req) => getListVersion(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.version));

  app.put(`${base}/posts/:postId/duty-list`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '为岗位指定责任清单（null 为取消）', params: postDutyParams, body: postDutyInput, response: { 200: postDutyView } },
  }, async (req) => setPostList(db, req.ctx, req.params.enterpriseId, req.params.postId, req.body.listId));

  // ---- coverage and the publication (公示) ----

  app.get(`${base}/duty-coverage`, {
    config: { access: 'duty.coverage' },
    schema: { tags, summary: '责任清单覆盖率：岗位、人员（含劳务派遣、临时用工、农民工、实习学生），按单位，未覆盖的岗位和人员', params: enterpriseParams, response: { 200: coverageView } },
  }, async (req) => getCoverage(db, req.ctx, req.params.enterpriseId));

  app.get(`${base}/duty-publication`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '责任清单公示：每个岗位、部门、人员的现行清单（全体员工可查阅、打印；mine=本人的）', params: enterpriseParams, querystring: publicationQuery, response: { 200: publicationView } },
  }, async (req) => getPublication(db, req.ctx, req.params.enterpriseId, req.query));

  // ---- the yearly review (R-RESP-5 梳理完善) ----

  app.get(`${base}/duty-reviews`, {
    config: { access: 'duty.read' },
    schema: { tags, summary: '责任制年度梳理完善记录', params: enterpriseParams, response: { 200: reviewList } },
  }, async (req) => listReviews(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/duty-reviews`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '登记年度梳理完善（有无修改及理由，修改生成的新版本为佐证）', params: enterpriseParams, body: reviewCreate, response: { 201: reviewView } },
  }, async (req, reply) => reply.status(201).send(await createReview(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/duty-reviews/:id`, {
    config: { access: 'duty.read' },
    schema: { tags, params: listIdParams, response: { 200: reviewView } },
  }, async (req) => getReview(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.delete(`${base}/duty-reviews/:id`, {
    config: { access: 'duty.manage' },
    schema: { tags, summary: '删除尚未签字的梳理记录', params: listIdParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteReview(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/duty-reviews/:id/sign`, {
    config: { access: 'duty.sign' },
    schema: { tags, summary: '主要负责人签字确认梳理记录（签字后履职完成，记录锁定）', params: listIdParams, body: signInput, response: { 200: reviewView } },
  }, async (req) => signReview(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
};
