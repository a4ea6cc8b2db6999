import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import {
  equipmentCreate, equipmentDetail, equipmentList, equipmentListQuery, equipmentOverview as overviewSchema, equipmentOverviewQuery, equipmentParams, equipmentPatch,
  inspectionInput, renovationInput, renovationList, renovationParams, renovationPatch, renovationView,
} from './equipment.schema';
import {
  createEquipment, createRenovation, equipmentOverview, getEquipment, listEquipment, listRenovations, recordInspection, updateEquipment, updateRenovation,
} from './equipment.service';

const tags = ['equipment'];

// Issue 12 §5: the equipment register, special equipment inspections, renovation projects, and the regulators' view.
export const equipmentRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/equipment';

  app.get(base, {
    config: { access: 'equipment.read' },
    schema: {
      tags, summary: '设备设施台账：列表（可按特种设备、检验超期/即将到期、淘汰目录标记筛选），各项计数，特种设备类型与淘汰目录',
      params: enterpriseParams, querystring: equipmentListQuery, response: { 200: equipmentList },
    },
  }, async (req) => listEquipment(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(base, {
    config: { access: 'equipment.manage' },
    schema: {
      tags, summary: '登记设备设施（特种设备含使用登记、最近一次检验和下次检验日期；下次检验成为履职事项）',
      params: enterpriseParams, body: equipmentCreate, response: { 201: equipmentDetail },
    },
  }, async (req, reply) => reply.status(201).send(await createEquipment(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'equipment.read' },
    schema: { tags, summary: '一台设备：关联风险点、监测联锁措施、平面图位置、检验记录', params: equipmentParams, response: { 200: equipmentDetail } },
  }, async (req) => getEquipment(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/:id`, {
    config: { access: 'equipment.manage' },
    schema: { tags, summary: '修改设备信息（检验日期通过登记检验变更）', params: equipmentParams, body: equipmentPatch, response: { 200: equipmentDetail } },
  }, async (req) => updateEquipment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/:id/inspections`, {
    config: { access: 'equipment.manage' },
    schema: {
      tags, summary: '登记特种设备定期检验：完成本次检验履职事项，按检验周期（或报告所载日期）生成下次检验',
      params: equipmentParams, body: inspectionInput, response: { 200: equipmentDetail },
    },
  }, async (req) => recordInspection(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  const projects = '/enterprises/:enterpriseId/renovation-projects';
  app.get(projects, {
    config: { access: 'equipment.read' },
    schema: { tags, summary: '机械化换人、自动化减人项目及合计（投资额为精确小数，单位元）', params: enterpriseParams, response: { 200: renovationList } },
  }, async (req) => listRenovations(db, req.ctx, req.params.enterpriseId));

  app.post(projects, {
    config: { access: 'equipment.manage' },
    schema: { tags, summary: '登记机械化换人、自动化减人项目', params: enterpriseParams, body: renovationInput, response: { 201: renovationView } },
  }, async (req, reply) => reply.status(201).send(await createRenovation(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch(`${projects}/:id`, {
    config: { access: 'equipment.manage' },
    schema: { tags, summary: '修改机械化换人、自动化减人项目', params: renovationParams, body: renovationPatch, response: { 200: renovationView } },
  }, async (req) => updateRenovation(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.get('/equipment-overview', {
    config: { access: 'equipment.supervise' },
    schema: {
      tags, summary: '辖区企业特种设备检验情况（超期、即将到期、淘汰目录标记）与机械化换人、自动化减人项目数、投资额、减少人数',
      querystring: equipmentOverviewQuery, response: { 200: overviewSchema },
    },
  }, async (req) => equipmentOverview(db, req.ctx, req.query));
};
