import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams, okResponse } from '../../../platform/http/route';
import { sendXlsx, XLSX_MIME, xlsxFile } from '../../../platform/http/xlsx';
import { exportEquipment } from './rescue.export';
import { exportRescueSupervision } from './rescue.supervision.export';
import { rescueSupervision } from './rescue.supervision';
import {
  emergencyContactInput, emergencyContactList, emergencyContactUpdate, emergencyContactView, rescueAgreementInput, rescueAgreementList,
  rescueAgreementUpdate, rescueAgreementView, rescueEquipmentInput, rescueEquipmentList, rescueEquipmentQuery, rescueEquipmentUpdate, rescueEquipmentView,
  rescueInspectionInput, rescueItemParams, rescueOverview as overviewSchema, rescueSupervisionPage, rescueSupervisionQuery, rescueTeamInput, rescueTeamList, rescueTeamUpdate, rescueTeamView,
} from './rescue.schema';
import {
  createAgreement, createContact, createEquipment, createTeam, deleteAgreement, deleteContact, deleteEquipment, deleteTeam, inspectEquipment, listAgreements,
  listContacts, listEquipment, listTeams, rescueOverview, updateAgreement, updateContact, updateEquipment, updateTeam,
} from './rescue.service';

const tags = ['rescue'];

// Issue 14 §2, R-EMG-3: the rescue organisation (teams and members, part-time rescuers and agreements), emergency
// equipment and materials with inspections, and emergency contacts. Managers write; whoever sees the enterprise reads.
export const rescueRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/rescue-overview`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '应急救援：本企业的应急管理要求、救援组织是否落实及原因、救援队伍/协议/物资/联络人数量', params: enterpriseParams, response: { 200: overviewSchema } },
  }, async (req) => rescueOverview(db, req.ctx, req.params.enterpriseId));

  // ---- teams ----
  app.get(`${base}/rescue-teams`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '应急救援队伍及兼职救援人员（含成员）', params: enterpriseParams, response: { 200: rescueTeamList } },
  }, async (req) => listTeams(db, req.ctx, req.params.enterpriseId));
  app.post(`${base}/rescue-teams`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '新建应急救援队伍或兼职救援人员名单（成员为本企业员工或外部人员）', params: enterpriseParams, body: rescueTeamInput, response: { 201: rescueTeamView } },
  }, async (req, reply) => reply.status(201).send(await createTeam(db, req.ctx, req.params.enterpriseId, req.body)));
  app.put(`${base}/rescue-teams/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '修改应急救援队伍及成员（成员整体替换）', params: rescueItemParams, body: rescueTeamUpdate, response: { 200: rescueTeamView } },
  }, async (req) => updateTeam(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
  app.delete(`${base}/rescue-teams/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '删除应急救援队伍', params: rescueItemParams, response: { 200: okResponse } },
  }, async (req) => deleteTeam(db, req.ctx, req.params.enterpriseId, req.params.id));

  // ---- agreements ----
  app.get(`${base}/rescue-agreements`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '与邻近专业应急救援队伍签订的救援协议（有效期、状态）', params: enterpriseParams, response: { 200: rescueAgreementList } },
  }, async (req) => listAgreements(db, req.ctx, req.params.enterpriseId));
  app.post(`${base}/rescue-agreements`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '登记救援协议（对方单位、联系人、有效期、协议附件）', params: enterpriseParams, body: rescueAgreementInput, response: { 201: rescueAgreementView } },
  }, async (req, reply) => reply.status(201).send(await createAgreement(db, req.ctx, req.params.enterpriseId, req.body)));
  app.put(`${base}/rescue-agreements/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '修改救援协议', params: rescueItemParams, body: rescueAgreementUpdate, response: { 200: rescueAgreementView } },
  }, async (req) => updateAgreement(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
  app.delete(`${base}/rescue-agreements/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '删除救援协议', params: rescueItemParams, response: { 200: okResponse } },
  }, async (req) => deleteAgreement(db, req.ctx, req.params.enterpriseId, req.params.id));

  // ---- equipment ----
  app.get(`${base}/rescue-equipment`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '应急物资装备台账（可筛选需关注的：检查到期、超期或过期）', params: enterpriseParams, querystring: rescueEquipmentQuery, response: { 200: rescueEquipmentList } },
  }, async (req) => listEquipment(db, req.ctx, req.params.enterpriseId, req.query));
  app.get(`${base}/rescue-equipment/export`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '导出应急物资装备台账（.xlsx，按当前筛选）', params: enterpriseParams, querystring: rescueEquipmentQuery, produces: [XLSX_MIME], response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await exportEquipment(db, req.ctx, req.params.enterpriseId, req.query)));
  app.post(`${base}/rescue-equipment`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '登记应急物资装备（名称、类别、数量、存放位置、检查周期、有效期）', params: enterpriseParams, body: rescueEquipmentInput, response: { 201: rescueEquipmentView } },
  }, async (req, reply) => reply.status(201).send(await createEquipment(db, req.ctx, req.params.enterpriseId, req.body)));
  app.put(`${base}/rescue-equipment/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '修改应急物资装备', params: rescueItemParams, body: rescueEquipmentUpdate, response: { 200: rescueEquipmentView } },
  }, async (req) => updateEquipment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
  app.delete(`${base}/rescue-equipment/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '删除应急物资装备', params: rescueItemParams, response: { 200: okResponse } },
  }, async (req) => deleteEquipment(db, req.ctx, req.params.enterpriseId, req.params.id));
  app.post(`${base}/rescue-equipment/:id/inspections`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '登记应急物资装备检查（日期、结果），更新上次检查和下次检查日期', params: rescueItemParams, body: rescueInspectionInput, response: { 200: rescueEquipmentView } },
  }, async (req) => inspectEquipment(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  // ---- contacts ----
  app.get(`${base}/rescue-contacts`, {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '应急联络人（内部人员、救援队伍、医院、消防、监管部门值班电话等），可打印为联络卡', params: enterpriseParams, response: { 200: emergencyContactList } },
  }, async (req) => listContacts(db, req.ctx, req.params.enterpriseId));
  app.post(`${base}/rescue-contacts`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '新增应急联络人', params: enterpriseParams, body: emergencyContactInput, response: { 201: emergencyContactView } },
  }, async (req, reply) => reply.status(201).send(await createContact(db, req.ctx, req.params.enterpriseId, req.body)));
  app.put(`${base}/rescue-contacts/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '修改应急联络人', params: rescueItemParams, body: emergencyContactUpdate, response: { 200: emergencyContactView } },
  }, async (req) => updateContact(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));
  app.delete(`${base}/rescue-contacts/:id`, {
    config: { access: 'rescue.manage' },
    schema: { tags, summary: '删除应急联络人', params: rescueItemParams, response: { 200: okResponse } },
  }, async (req) => deleteContact(db, req.ctx, req.params.enterpriseId, req.params.id));

  // ---- the regulators' list ----
  app.get('/rescue-supervision', {
    config: { access: 'rescue.read' },
    schema: {
      tags, summary: '应急救援力量（监管部门）：辖区企业的救援组织要求与落实、救援协议、物资装备检查超期（可筛选未落实、协议过期、检查超期）',
      querystring: rescueSupervisionQuery, response: { 200: rescueSupervisionPage },
    },
  }, async (req) => rescueSupervision(db, req.ctx, req.query));
  app.get('/rescue-supervision/export', {
    config: { access: 'rescue.read' },
    schema: { tags, summary: '导出应急救援力量（.xlsx，按当前筛选）', querystring: rescueSupervisionQuery, produces: [XLSX_MIME], response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await exportRescueSupervision(db, req.ctx, req.query)));
};
