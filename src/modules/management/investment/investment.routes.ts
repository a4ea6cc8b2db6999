import type { RouteModule } from '../../../platform/http/app';
import { multipartBody, type MultipartSpec } from '../../../platform/http/multipart';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { sendStoredFile } from '../../../platform/http/stored-file';
import { readUpload, sendXlsx, XLSX_MIME, XLSX_UPLOAD, xlsxFile } from '../../../platform/http/xlsx';
import { DOCUMENT_MAX_BYTES } from '../../../platform/files/kinds';
import { invalid } from '../../../platform/errors';
import {
  accrualBody, accrualView, auditCreate, auditList, auditPatch, auditView, budgetPut, budgetView, checkCreate, checkList, checkSign, checkView, idParams,
  importQuery, importReport, investmentYear, supervisePage, superviseQuery, uploadedFiles, useCreate, useListQuery, usePage, usePatch, useView, yearParams,
  yearPatch, yearQuery,
} from './investment.schema';
import {
  approveBudget, computeYearAccrual, createFeeAudit, createInvestmentCheck, createUse, deleteBudget, deleteFeeAudit, deleteInvestmentCheck, deleteUse,
  feeOverview, getBudget, getInvestmentYear, importUses, ledgerTemplate, listFeeAudits, listInvestmentChecks, listUses, readVoucher, saveBudget,
  signInvestmentCheck, updateFeeAudit, updateUse, updateYear, uploadVouchers,
} from './investment.service';

const tags = ['investment'];

/** Voucher scans or photos: a few files at a time, each within the document limit. */
const VOUCHER_UPLOAD: MultipartSpec = { maxFiles: 5, maxBytes: DOCUMENT_MAX_BYTES, fileFields: ['file'], notMultipart: () => invalid('body.file', 'attachment.missing') };

// R-INV-1, issue 12 §3: safety investment (budget) and the safety production fee (accrual, ledger, audits, yearly check).
export const investmentRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/investment';

  app.get(base, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '安全生产投入：某年度（默认本年）应提取、已提取、已使用、结余与结转，预算和主要负责人检查情况', params: enterpriseParams, querystring: yearQuery, response: { 200: investmentYear } },
  }, async (req) => getInvestmentYear(db, req.ctx, req.params.enterpriseId, req.query));

  app.put(`${base}/years/:year`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '登记某年度实际提取的安全生产费用和期初结余（平台首个年度）', params: yearParams, body: yearPatch, response: { 200: investmentYear } },
  }, async (req) => updateYear(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.post(`${base}/years/:year/accrual`, {
    config: { access: 'investment.manage' },
    schema: {
      tags, summary: '按财资〔2022〕136号计算应提取的安全生产费用（上一年度营业收入、各类工程造价或产量）；save=true 时保存为该年度应提取额',
      params: yearParams, body: accrualBody, response: { 200: accrualView },
    },
  }, async (req) => computeYearAccrual(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.get(`${base}/budgets/:year`, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '某年度安全生产投入预算（按使用类别）', params: yearParams, response: { 200: budgetView } },
  }, async (req) => getBudget(db, req.ctx, req.params.enterpriseId, req.params.year));

  app.put(`${base}/budgets/:year`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '编制或修改某年度预算（整体替换预算项；修改时带上版本号）', params: yearParams, body: budgetPut, response: { 200: budgetView } },
  }, async (req) => saveBudget(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.delete(`${base}/budgets/:year`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '删除未批准的预算', params: yearParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteBudget(db, req.ctx, req.params.enterpriseId, req.params.year);
    return { ok: true as const };
  });

  app.post(`${base}/budgets/:year/approve`, {
    config: { access: 'investment.approve' },
    schema: { tags, summary: '主要负责人本人签署批准预算（手写签名或密码确认），批准后不能修改', params: yearParams, body: checkSign, response: { 200: budgetView } },
  }, async (req) => approveBudget(db, req.ctx, req.params.enterpriseId, req.params.year, req.body));

  app.get(`${base}/uses`, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '安全生产费用使用台账（某年度）', params: enterpriseParams, querystring: useListQuery, response: { 200: usePage } },
  }, async (req) => listUses(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/uses`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '登记一笔安全生产费用使用（日期、类别、金额、用途、凭证号）', params: enterpriseParams, body: useCreate, response: { 201: useView } },
  }, async (req, reply) => reply.status(201).send(await createUse(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/uses/import-template`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '下载使用台账导入模板（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await ledgerTemplate(db, req.ctx, req.params.enterpriseId)));

  app.post(`${base}/uses/import`, {
    config: { access: 'investment.manage', multipart: XLSX_UPLOAD },
    schema: { tags, summary: '导入使用台账（multipart/form-data，字段 file）', consumes: ['multipart/form-data'], params: enterpriseParams, querystring: importQuery, response: { 200: importReport } },
  }, async (req) => importUses(db, req.ctx, req.params.enterpriseId, req.query.mode, await readUpload(req)));

  app.patch(`${base}/uses/:id`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '修改使用记录（已签署检查的年度不能修改）', params: idParams, body: usePatch, response: { 200: useView } },
  }, async (req) => updateUse(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/uses/:id`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '删除使用记录及其凭证', params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteUse(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/uses/:id/vouchers`, {
    config: { access: 'investment.manage', multipart: VOUCHER_UPLOAD },
    schema: { tags, summary: '上传凭证（multipart：file，可多个；照片或 PDF/Word）', params: idParams, consumes: ['multipart/form-data'], response: { 201: uploadedFiles } },
  }, async (req, reply) => {
    const body = multipartBody(req);
    const files = (body?.files ?? []).map((f) => ({ buffer: f.buffer, name: f.filename }));
    return reply.status(201).send({ ids: await uploadVouchers(db, req.ctx, req.params.enterpriseId, req.params.id, files) });
  });

  app.get(`${base}/vouchers/:id`, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '凭证文件', params: idParams },
  }, async (req, reply) => sendStoredFile(reply, await readVoucher(db, req.ctx, req.params.enterpriseId, req.params.id), { zh: '安全生产费用凭证', ascii: 'voucher' }));

  app.get(`${base}/audits`, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '安全生产费用内部/外部审计记录', params: enterpriseParams, querystring: yearQuery, response: { 200: auditList } },
  }, async (req) => listFeeAudits(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/audits`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '登记审计（日期、审计单位/人员、发现问题、整改）', params: enterpriseParams, body: auditCreate, response: { 201: auditView } },
  }, async (req, reply) => reply.status(201).send(await createFeeAudit(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${base}/audits/:id`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '修改审计记录（如登记整改完成）', params: idParams, body: auditPatch, response: { 200: auditView } },
  }, async (req) => updateFeeAudit(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/audits/:id`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '删除审计记录', params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteFeeAudit(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get(`${base}/checks`, {
    config: { access: 'investment.read' },
    schema: { tags, summary: '主要负责人年度安全生产投入检查', params: enterpriseParams, querystring: yearQuery, response: { 200: checkList } },
  }, async (req) => {
    const r = await listInvestmentChecks(db, req.ctx, req.params.enterpriseId, req.query);
    return { items: r.items, abilities: { canCreate: r.canCreate } };
  });

  app.post(`${base}/checks`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '填写年度安全生产投入检查（检查日期、检查意见），待主要负责人签署', params: enterpriseParams, body: checkCreate, response: { 201: checkView } },
  }, async (req, reply) => reply.status(201).send(await createInvestmentCheck(db, req.ctx, req.params.enterpriseId, req.body)));

  app.delete(`${base}/checks/:id`, {
    config: { access: 'investment.manage' },
    schema: { tags, summary: '删除未签署的检查', params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteInvestmentCheck(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/checks/:id/sign`, {
    config: { access: 'investment.approve' },
    schema: {
      tags, summary: '主要负责人本人签署年度安全生产投入检查（完成“十个一”中每年一次安全生产投入检查），签署后该年度台账封存',
      params: idParams, body: checkSign, response: { 200: checkView },
    },
  }, async (req) => signInvestmentCheck(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/safety-fee-overview', {
    config: { access: 'investment.supervise' },
    schema: {
      tags, summary: '辖区安全生产费用提取使用情况：应提取、已提取、已使用、结余、提取不足和超范围使用（街道按属地、部门按行业）',
      querystring: superviseQuery, response: { 200: supervisePage },
    },
  }, async (req) => feeOverview(db, req.ctx, req.query));
};
