import type { RouteModule } from '../../platform/http/app';
import { enterpriseParams } from '../../platform/http/route';
import { exportStarted, replyExport, startExport } from '../../platform/files/exports';
import { readUpload, sendXlsx, XLSX_MIME, XLSX_UPLOAD, xlsxFile } from '../../platform/http/xlsx';
import {
  employeeCreate, employeeDetail, employeeExportQuery, employeeListQuery, employeePage, employeeParams, employeeUpdate,
  importQuery, importReport,
} from './employee.schema';
import {
  createEmployee, employeesExport, employeeTemplate, getEmployee, importEmployees, listEmployees, markEmployeeLeft,
  updateEmployee,
} from './employee.service';

const tags = ['employees'];

export const employeeRoutes: RouteModule = (app, { db, config, jobs }) => {
  const base = '/enterprises/:enterpriseId/employees';

  app.get(base, {
    config: { access: 'employee.read' },
    schema: { tags, summary: '员工列表', params: enterpriseParams, querystring: employeeListQuery, response: { 200: employeePage } },
  }, async (req) => listEmployees(db, req.ctx, req.params.enterpriseId, req.query));

  app.get(`${base}/import-template`, {
    config: { access: 'employee.import' },
    schema: { tags, summary: '下载员工导入模板（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await employeeTemplate(db, req.ctx, req.params.enterpriseId)));

  app.post(`${base}/import`, {
    config: { access: 'employee.import', multipart: XLSX_UPLOAD },
    schema: {
      tags, summary: '导入员工（multipart/form-data，字段 file）', consumes: ['multipart/form-data'],
      params: enterpriseParams, querystring: importQuery, response: { 200: importReport },
    },
  }, async (req) => importEmployees(db, req.ctx, config.appSecret, req.params.enterpriseId, req.query.mode, await readUpload(req)));

  app.get(`${base}/export`, {
    config: { access: 'employee.export' },
    schema: { tags, summary: '导出员工（.xlsx）', produces: [XLSX_MIME], params: enterpriseParams, querystring: employeeExportQuery, response: { 200: xlsxFile, 202: exportStarted } },
  }, async (req, reply) => replyExport(reply, await startExport(db, req.ctx, jobs, config, employeesExport, { enterpriseId: req.params.enterpriseId, q: req.query })));

  app.get(`${base}/:id`, {
    config: { access: 'employee.read' },
    schema: { tags, params: employeeParams, response: { 200: employeeDetail } },
  }, async (req) => getEmployee(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(base, {
    config: { access: 'employee.manage' },
    schema: { tags, params: enterpriseParams, body: employeeCreate, response: { 201: employeeDetail } },
  }, async (req, reply) => reply.status(201).send(await createEmployee(db, req.ctx, config.appSecret, req.params.enterpriseId, req.body)));

  app.patch(`${base}/:id`, {
    config: { access: 'employee.manage' },
    schema: { tags, params: employeeParams, body: employeeUpdate, response: { 200: employeeDetail } },
  }, async (req) => updateEmployee(db, req.ctx, config.appSecret, req.params.enterpriseId, req.params.id, req.body));

  app.delete(`${base}/:id`, {
    config: { access: 'employee.manage' },
    schema: { tags, summary: '员工离职（保留记录）', params: employeeParams, response: { 200: employeeDetail } },
  }, async (req) => markEmployeeLeft(db, req.ctx, req.params.enterpriseId, req.params.id));
};
