import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../../platform/errors';
import { PHOTO_MAX_BYTES } from '../../../platform/files/photos';
import type { RouteModule } from '../../../platform/http/app';
import { assertNoControlChars } from '../../../platform/http/input';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { checkTasksExport, leaderboardExport } from './check.export';
import {
  checkIdParams, checklistCreate, checklistDetail, checklistList, checklistPrint, checklistQuery, checklistUpdate, enterpriseItem, enterpriseItemInput,
  enterpriseItemList, enterpriseItemUpdate, fromRiskInput, leaderboard, leaderboardQuery, libraryQuery, libraryView, planCreate, planList, planUpdate,
  planView, postParams, reportContext, runInput, runOutput, taskDetail, taskPage, taskQuery, type RunInput,
} from './check.schema';
import {
  checkLibrary, createCheckPlan, createChecklist, createEnterpriseItem, deleteCheckPlan, deleteChecklist, deleteEnterpriseItem, generatePostCard,
  getCheckTask, getChecklist, hazardLeaderboard, listCheckPlans, listCheckTasks, listChecklists, listEnterpriseItems, postReportContext,
  printChecklist, runCheckTask, updateCheckPlan, updateChecklist, updateEnterpriseItem, type RunPhotos,
} from './check.service';

const tags = ['checks'];
/** A run carries at most this many photos. */
const MAX_RUN_PHOTOS = 10;

/**
 * A run from a phone: multipart with a JSON field `results` and the photos as file fields, each referenced by name
 * from an item's `photoFields`; or, without photos, a plain JSON body `{ results }`.
 */
const RUN_UPLOAD: MultipartSpec = { maxFiles: MAX_RUN_PHOTOS, maxBytes: PHOTO_MAX_BYTES, fields: ['results'], maxFields: 5, maxFieldBytes: 512 * 1024, optional: true };

async function readRun(req: FastifyRequest): Promise<{ input: RunInput; photos: RunPhotos }> {
  const photos: RunPhotos = new Map();
  let raw: unknown = req.body;
  const body = multipartBody(req);
  if (body) {
    for (const file of body.files) {
      if (photos.has(file.field)) throw invalid(`body.${file.field}`, 'check.run.photoTwice', { field: file.field });
      photos.set(file.field, file.buffer);
    }
    try {
      raw = { results: JSON.parse(body.fields.results ?? '') as unknown };
    } catch {
      throw invalid('body.results', 'check.run.results');
    }
    assertNoControlChars({ results: raw });
  }
  const parsed = runInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION', { issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })) });
  }
  return { input: parsed.data, photos };
}

export const checkRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';

  // ---- the built-in library and the enterprise's own items (R-HAZ-1, R-HAZ-2) ----

  app.get('/check-library', {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '内置排查标准库（含重大事故隐患判定标准条款）', querystring: libraryQuery, response: { 200: libraryView } },
  }, async (req) => checkLibrary(db, req.query));

  app.get(`${base}/check-items`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '企业自建排查项', params: enterpriseParams, response: { 200: enterpriseItemList } },
  }, async (req) => listEnterpriseItems(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/check-items`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '新增企业自建排查项', params: enterpriseParams, body: enterpriseItemInput, response: { 201: enterpriseItem } },
  }, async (req, reply) => reply.status(201).send(await createEnterpriseItem(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/check-items/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '修改企业自建排查项', params: checkIdParams, body: enterpriseItemUpdate, response: { 200: enterpriseItem } },
  }, async (req) => updateEnterpriseItem(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/check-items/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '删除企业自建排查项（已复制进清单的条目保留）', params: checkIdParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteEnterpriseItem(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  // ---- checklists: enterprise list, workshop table, post card ----

  app.get(`${base}/checklists`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '排查清单（一企一清单、一车间一表格、一岗一对照卡）', params: enterpriseParams, querystring: checklistQuery, response: { 200: checklistList } },
  }, async (req) => listChecklists(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/checklists`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '新建排查清单（条目取自标准库、企业自建项、风险管控措施排查项）', params: enterpriseParams, body: checklistCreate, response: { 201: checklistDetail } },
  }, async (req, reply) => reply.status(201).send(await createChecklist(db, req.ctx, req.params.enterpriseId, req.body)));

  app.post(`${base}/checklists/from-risk`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '按岗位风险管控措施生成（刷新）岗位检查卡', params: enterpriseParams, body: fromRiskInput, response: { 200: checklistDetail } },
  }, async (req) => generatePostCard(db, req.ctx, req.params.enterpriseId, req.body.postId));

  app.get(`${base}/checklists/:id`, {
    config: { access: 'hazard.read' },
    schema: { tags, params: checkIdParams, response: { 200: checklistDetail } },
  }, async (req) => getChecklist(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/checklists/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '修改清单名称或条目（整体替换，保留未变条目）', params: checkIdParams, body: checklistUpdate, response: { 200: checklistDetail } },
  }, async (req) => updateChecklist(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/checklists/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '删除清单（仍有检查计划使用时拒绝）', params: checkIdParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteChecklist(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get(`${base}/checklists/:id/print`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '打印数据（岗位检查卡附隐患随手报二维码）', params: checkIdParams, response: { 200: checklistPrint } },
  }, async (req) => printChecklist(db, req.ctx, req.params.enterpriseId, req.params.id, config.publicBaseUrl));

  // ---- plans and tasks ----

  app.get(`${base}/check-plans`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '排查计划', params: enterpriseParams, response: { 200: planList } },
  }, async (req) => listCheckPlans(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/check-plans`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '新建排查计划（类型、周期、岗位或人员）', params: enterpriseParams, body: planCreate, response: { 201: planView } },
  }, async (req, reply) => reply.status(201).send(await createCheckPlan(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/check-plans/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '修改、停用排查计划', params: checkIdParams, body: planUpdate, response: { 200: planView } },
  }, async (req) => updateCheckPlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/check-plans/:id`, {
    config: { access: 'hazard.manage' },
    schema: { tags, summary: '删除尚无检查记录的计划', params: checkIdParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteCheckPlan(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get(`${base}/check-tasks`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '排查任务（mine=我的：指派给我或我所在岗位）', params: enterpriseParams, querystring: taskQuery, response: { 200: taskPage } },
  }, async (req) => listCheckTasks(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/check-tasks/export`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '导出排查任务（.xlsx，筛选条件同任务列表）', produces: [XLSX_MIME], params: enterpriseParams, querystring: taskQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, checkTasksExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.get(`${base}/check-tasks/:id`, {
    config: { access: 'hazard.read' },
    schema: { tags, params: checkIdParams, response: { 200: taskDetail } },
  }, async (req) => getCheckTask(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/check-tasks/:id/run`, {
    config: { access: 'hazard.act', multipart: RUN_UPLOAD },
    schema: {
      tags, params: checkIdParams, consumes: ['multipart/form-data', 'application/json'], response: { 200: runOutput },
      summary: '执行检查（一次提交：multipart 字段 results 为 JSON [{checklistItemId, result: pass|fail|na, note, photoFields}]，照片为文件字段；不合格项自动生成隐患）',
    },
  }, async (req) => {
    const { input, photos } = await readRun(req);
    return runCheckTask(db, req.ctx, req.params.enterpriseId, req.params.id, input, photos);
  });

  // ---- everyone a safety officer (R-HAZ-6) ----

  app.get(`${base}/hazard-leaderboard`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '"人人都是安全员"积分排行', params: enterpriseParams, querystring: leaderboardQuery, response: { 200: leaderboard } },
  }, async (req) => hazardLeaderboard(db, req.ctx, req.params.enterpriseId, req.query.period));

  app.get(`${base}/hazard-leaderboard/export`, {
    config: { access: 'hazard.read' },
    schema: { tags, summary: '导出积分排行（.xlsx，所选期间内全部有积分人员）', produces: [XLSX_MIME], params: enterpriseParams, querystring: leaderboardQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, leaderboardExport, { enterpriseId: req.params.enterpriseId, period: req.query.period })));

  app.get(`${base}/posts/:postId/report-context`, {
    config: { access: 'hazard.report' },
    schema: { tags, summary: '岗位扫码上报隐患的预填信息（岗位、单元、风险点）', params: postParams, response: { 200: reportContext } },
  }, async (req) => postReportContext(db, req.ctx, req.params.enterpriseId, req.params.postId));
};
