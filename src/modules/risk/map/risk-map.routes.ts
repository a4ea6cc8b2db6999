import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { readUpload, sendXlsx, XLSX_MIME, XLSX_UPLOAD, xlsxFile } from '../../../platform/http/xlsx';
import { invalid } from '../../../platform/errors';
import { postCard, postCardParams, publicCard, publicCardParams, riskBoard } from '../cards/risk-card.schema';
import { issueRiskCard, postRiskCard, publicRiskCard, revokeRiskCard, riskBoard as buildBoard } from '../cards/risk-card.service';
import { riskExportQuery, riskImportQuery, riskImportReport } from '../ledger/risk-excel.schema';
import { importLedger, ledgerExport, ledgerTemplate } from '../ledger/risk-excel.service';
import { PLAN_CSP, PLAN_MAX_BYTES } from './risk-map.image';
import { floorPlanList, floorPlanParams, floorPlanRename, floorPlanView, mapQuery, planImage, riskMapView } from './risk-map.schema';
import { listPlans, placePoint, planImage as readPlanImage, planTooLarge, removePlan, renamePlan, riskMap, uploadPlan, type PlanUpload } from './risk-map.service';
import { riskDetail, riskParams, shapeInput } from '../points/risk-point.schema';

const tags = ['risk'];

/** A floor plan upload: the `file` part (at most 5 MB, whatever the order of the parts) and a `name` field. */
const PLAN_UPLOAD: MultipartSpec = {
  maxFiles: 1, maxBytes: PLAN_MAX_BYTES, fileFields: ['file'], fields: ['name'], maxFields: 5,
  notMultipart: () => invalid('body.file', 'riskMap.plan.missing'), tooLarge: planTooLarge,
};

function planUpload(req: FastifyRequest): PlanUpload | null {
  const body = multipartBody(req);
  const file = body?.files[0];
  return file ? { filename: file.filename, buffer: file.buffer, name: body.fields.name ?? null } : null;
}

export const riskMapRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';

  // ---- floor plans (一企一分布图) ----

  app.get(`${base}/floor-plans`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '风险分布图底图列表', params: enterpriseParams, response: { 200: floorPlanList } },
  }, async (req) => listPlans(db, req.ctx, req.params.enterpriseId));

  app.post(`${base}/floor-plans`, {
    config: { access: 'risk.manage', multipart: PLAN_UPLOAD },
    schema: {
      tags, summary: '上传底图（multipart/form-data：file 为 PNG/JPEG/SVG，≤ 5 MB；name 为名称）', consumes: ['multipart/form-data'],
      params: enterpriseParams, response: { 201: floorPlanView },
    },
  }, async (req, reply) => reply.status(201).send(await uploadPlan(db, req.ctx, req.params.enterpriseId, planUpload(req))));

  app.get(`${base}/floor-plans/:id/image`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '底图图片', produces: ['image/png', 'image/jpeg', 'image/svg+xml'], params: floorPlanParams, response: { 200: planImage } },
  }, async (req, reply) => {
    const img = await readPlanImage(db, req.ctx, req.params.enterpriseId, req.params.id);
    // An SVG opened on its own must not run script or fetch anything: the policy applies to every plan alike.
    return reply
      .header('content-type', img.mime)
      .header('content-security-policy', PLAN_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(img.data);
  });

  app.patch(`${base}/floor-plans/:id`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '重命名底图', params: floorPlanParams, body: floorPlanRename, response: { 200: floorPlanView } },
  }, async (req) => renamePlan(db, req.ctx, req.params.enterpriseId, req.params.id, req.body.name));

  app.delete(`${base}/floor-plans/:id`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '删除底图（其上仍有标注的风险点时拒绝）', params: floorPlanParams, response: { 200: okResponse } },
  }, async (req) => {
    await removePlan(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  // ---- the four-colour map ----

  app.put(`${base}/risk-points/:id/shape`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '在底图上标注风险点（点位或多边形，坐标为底图的 0..1）', params: riskParams, body: shapeInput, response: { 200: riskDetail } },
  }, async (req) => placePoint(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get(`${base}/risk-map`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '四色风险分布图', params: enterpriseParams, querystring: mapQuery, response: { 200: riskMapView } },
  }, async (req) => riskMap(db, req.ctx, req.params.enterpriseId, req.query.floorPlanId));

  // ---- notice board and post cards (R-RISK-7, R-RISK-8) ----

  app.get(`${base}/risk-board`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '安全风险公告栏', params: enterpriseParams, response: { 200: riskBoard } },
  }, async (req) => buildBoard(db, req.ctx, req.params.enterpriseId));

  app.get(`${base}/posts/:postId/risk-card`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '岗位风险告知卡（含二维码）', params: postCardParams, response: { 200: postCard } },
  }, async (req) => postRiskCard(db, req.ctx, req.params.enterpriseId, req.params.postId, config.publicBaseUrl));

  // D22: issuing the QR token is a write, so it is a POST (CSRF-checked), not a side effect of reading the card.
  app.post(`${base}/posts/:postId/risk-card`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '生成告知卡二维码（已有有效二维码时原样返回）', params: postCardParams, response: { 200: postCard } },
  }, async (req) => issueRiskCard(db, req.ctx, req.params.enterpriseId, req.params.postId, config.publicBaseUrl));

  app.post(`${base}/posts/:postId/risk-card/revoke`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '作废告知卡二维码并生成新的', params: postCardParams, response: { 200: postCard } },
  }, async (req) => revokeRiskCard(db, req.ctx, req.params.enterpriseId, req.params.postId, config.publicBaseUrl));

  // The token is a path parameter: logs carry the route pattern only, never the URL (see platform/http/app.ts).
  // No session, no CSRF: it is read-only, rate-limited per address, and never cached by a browser or proxy.
  app.get('/public/risk-cards/:token', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: '岗位风险告知卡公开页（扫码查看，无需登录）', params: publicCardParams, response: { 200: publicCard } },
  }, async (req, reply) => {
    const card = await publicRiskCard(db, req.locale, req.params.token);
    return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(card);
  });

  // ---- the ledger as a spreadsheet (一企一清单) ----

  app.get(`${base}/risk-points/export`, {
    config: { access: 'risk.read' },
    schema: { tags, summary: '导出风险分级管控清单（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, querystring: riskExportQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, ledgerExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.get(`${base}/risk-points/import-template`, {
    config: { access: 'risk.manage' },
    schema: { tags, summary: '下载风险清单导入模板（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await ledgerTemplate(db, req.ctx, req.params.enterpriseId)));

  app.post(`${base}/risk-points/import`, {
    config: { access: 'risk.manage', multipart: XLSX_UPLOAD },
    schema: {
      tags, summary: '导入风险分级管控清单（multipart/form-data，字段 file）', consumes: ['multipart/form-data'],
      params: enterpriseParams, querystring: riskImportQuery, response: { 200: riskImportReport },
    },
  }, async (req) => importLedger(db, req.ctx, req.params.enterpriseId, req.query.mode, await readUpload(req)));
};
