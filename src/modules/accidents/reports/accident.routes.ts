import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, invalid } from '../../../platform/errors';
import { fileTooLarge } from '../../../platform/files/attachments';
import { exportStarted, replyExport, startExport } from '../../../platform/files/exports';
import { PHOTO_MAX_BYTES } from '../../../platform/files/photos';
import type { RouteModule } from '../../../platform/http/app';
import { assertNoControlChars } from '../../../platform/http/input';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams } from '../../../platform/http/route';
import { XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { accidentStatsExport } from './accident.export';
import {
  accidentDetail, accidentListQuery, accidentPage, accidentParams, dutyPhoneInput, dutyPhoneList, forwardInput, inboxPage, inboxParams, inboxQuery,
  PUBLIC_REPORT_PHOTOS, publicReportAccepted, publicReportForm, publicReportInput, publicReportParams, QUICK_REPORT_PHOTOS, quickReportAccepted, quickReportInput,
  REPORT_FIELD_BYTES, reportUpInput, statsQuery, statsResult, supplementInput, unitHeadTimeInput,
} from './accident.schema';
import {
  accidentStats, addSupplement, changeUnitHeadTime, forwardAccident, getAccident, listAccidents, listDutyPhones, listInbox, publicQuickReport,
  publicReportForm as publicForm, quickReport, readInboxItem, reportUp, saveDutyPhone,
} from './accident.service';

const tags = ['accidents'];

/**
 * A quick report from a phone is one request: multipart with the report's JSON in the field `report` and up to `max`
 * photos as `photo` files (or a plain JSON body). Each photo is capped like every photo (413 beyond).
 */
const reportUpload = (max: number): MultipartSpec => ({
  maxFiles: max, maxBytes: PHOTO_MAX_BYTES, fileFields: ['photo'], fields: ['report'], maxFields: 3, maxFieldBytes: REPORT_FIELD_BYTES, optional: true,
  tooLarge: () => fileTooLarge('photo', 'body.photo'),
});

/** The report (validated by `schema`, issues on `body.<field>` as for a JSON body) and the photos sent with it. */
function readReport<S extends z.ZodType>(req: FastifyRequest, schema: S): { input: z.output<S>; photos: Buffer[] } {
  let raw: unknown = req.body;
  const body = multipartBody(req);
  if (body) {
    try {
      raw = JSON.parse(body.fields.report ?? '{}') as unknown;
    } catch {
      throw invalid('body.report', 'accident.reportField');
    }
    assertNoControlChars({ report: raw });
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new AppError('VALIDATION', { issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })) });
  }
  return { input: parsed.data, photos: (body?.files ?? []).map((f) => f.buffer) };
}

/*
 * Issue 14 §4. There is no DELETE route on purpose: an accident report is corrected only by supplementary reports,
 * with their history.
 */
export const accidentRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId';

  app.post(`${base}/accidents`, {
    config: { access: 'accident.report', multipart: reportUpload(QUICK_REPORT_PHOTOS) },
    schema: {
      tags, params: enterpriseParams, consumes: ['multipart/form-data', 'application/json'], response: { 201: quickReportAccepted },
      summary: `事故快报（或未遂事件）：先保存，再通知单位负责人和主要负责人（multipart：字段 report 为 JSON，照片为 photo 文件，最多 ${QUICK_REPORT_PHOTOS} 张，保存后处理）`,
    },
  }, async (req, reply) => {
    const { input, photos } = readReport(req, quickReportInput);
    return reply.status(201).send(await quickReport(db, req.ctx, req.params.enterpriseId, input, photos));
  });

  app.get(`${base}/accidents`, {
    config: { access: 'accident.read' },
    schema: { tags, summary: '本企业事故与未遂事件', params: enterpriseParams, querystring: accidentListQuery, response: { 200: accidentPage } },
  }, async (req) => listAccidents(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/accidents/:id`, {
    config: { access: 'accident.read' },
    schema: { tags, summary: '事故报告详情（报告、续报时间线，迟报提示，等级）', params: accidentParams, response: { 200: accidentDetail } },
  }, async (req) => getAccident(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/accidents/:id/report-up`, {
    config: { access: 'accident.report_up' },
    schema: { tags, summary: '向区应急管理局、行业主管部门和街道报告事故', params: accidentParams, body: reportUpInput, response: { 200: accidentDetail } },
  }, async (req) => reportUp(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/accidents/:id/unit-head-informed`, {
    config: { access: 'accident.report_up' },
    schema: { tags, summary: '更正单位负责人获知事故的时间（须说明原因）', params: accidentParams, body: unitHeadTimeInput, response: { 200: accidentDetail } },
  }, async (req) => changeUnitHeadTime(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/accidents/:id/supplements`, {
    config: { access: 'accident.report_up' },
    schema: { tags, summary: '事故续报（伤亡或损失变化，期限内）', params: accidentParams, body: supplementInput, response: { 201: accidentDetail } },
  }, async (req, reply) => reply.status(201).send(await addSupplement(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.get(`${base}/accident-stats`, {
    config: { access: 'accident.read' },
    schema: { tags, summary: '本企业事故统计（按等级、类别、月份等）', params: enterpriseParams, querystring: statsQuery, response: { 200: statsResult } },
  }, async (req) => accidentStats(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/accident-stats/export`, {
    config: { access: 'accident.read' },
    schema: { tags, summary: '导出本企业事故统计（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, querystring: statsQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, accidentStatsExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  // ---- the regulators ----

  app.get('/accident-inbox', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '事故接报（本部门/街道收到的事故报告，含迟报提示）', querystring: inboxQuery, response: { 200: inboxPage } },
  }, async (req) => listInbox(db, req.ctx, req.query));

  app.get('/accident-inbox/:id', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '接报的事故详情', params: inboxParams, response: { 200: accidentDetail } },
  }, async (req) => getAccident(db, req.ctx, null, req.params.id));

  app.post('/accident-inbox/:id/read', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '标记为已读', params: inboxParams, response: { 200: accidentDetail } },
  }, async (req) => readInboxItem(db, req.ctx, req.params.id));

  app.post('/accident-inbox/:id/forward', {
    config: { access: 'accident.forward' },
    schema: { tags, summary: '登记逐级上报（区应急管理局，接报后 2 小时内）', params: inboxParams, body: forwardInput, response: { 200: accidentDetail } },
  }, async (req) => forwardAccident(db, req.ctx, req.params.id, req.body));

  app.get('/accident-stats', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '辖区事故统计（按等级、行业、街道、类别、月份）', querystring: statsQuery, response: { 200: statsResult } },
  }, async (req) => accidentStats(db, req.ctx, null, req.query));

  app.get('/accident-stats/export', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '导出辖区事故统计（.xlsx）', produces: [XLSX_MIME], querystring: statsQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, accidentStatsExport, { enterpriseId: null, q: req.query })));

  app.get('/regulator-duty-phones', {
    config: { access: 'accident.receive' },
    schema: { tags, summary: '监管部门值班电话（事故报告的短信提醒号码）', response: { 200: dutyPhoneList } },
  }, async (req) => listDutyPhones(db, req.ctx));

  app.put('/regulator-duty-phones', {
    config: { access: 'accident.duty_phones' },
    schema: { tags, summary: '设置部门或街道的值班电话（区管理员）', body: dutyPhoneInput, response: { 200: dutyPhoneList } },
  }, async (req) => saveDutyPhone(db, req.ctx, req.body));

  // ---- the public QR form (no session; the post's risk-card token is the credential) ----

  app.get('/public/accident-report/:token', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '扫码事故快报页（无需登录）', params: publicReportParams, response: { 200: publicReportForm } },
  }, async (req, reply) => reply.header('x-robots-tag', 'noindex').send(await publicForm(db, req.params.token)));

  // Public forms' abuse controls: 5 reports a minute per address, a small body (a JSON body of 16 KB; as multipart, the
  // same JSON and at most three photos, each capped like every photo), and a honeypot field (service).
  app.post('/public/accident-report/:token', {
    config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' }, multipart: reportUpload(PUBLIC_REPORT_PHOTOS) },
    bodyLimit: REPORT_FIELD_BYTES,
    schema: {
      tags, params: publicReportParams, consumes: ['multipart/form-data', 'application/json'], response: { 201: publicReportAccepted },
      summary: `扫码提交事故快报（无需登录；multipart：字段 report 为 JSON，照片为 photo 文件，最多 ${PUBLIC_REPORT_PHOTOS} 张）`,
    },
  }, async (req, reply) => {
    const { input, photos } = readReport(req, publicReportInput);
    return reply.status(201).send(await publicQuickReport(db, req.ctx, req.params.token, input, photos));
  });
};
