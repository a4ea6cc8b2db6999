import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import {
  coverageList, coverageQuery, creditCodeQuery, enterpriseFound, enterprisePolicyParams, insuranceOverview as overviewSchema, policyConfirm, policyCreate,
  policyList, policyListQuery, policyParams, policyPatch, policyView, rosterView, workInjuryInput,
} from './insurance.schema';
import {
  confirmPolicy, coverage, createPolicy, getInsurerPolicy, getPolicy, insuranceOverview, insurerRoster, listInsurerPolicies, lookupEnterprise, setWorkInjury,
  updatePolicy,
} from './insurance.service';

const tags = ['insurance'];

// R-INS-1, issue 12 §4: the district's safety-liability insurance (安责险) platform and work-injury coverage.
export const insuranceRoutes: RouteModule = (app, { db }) => {
  // The insurer's staff.
  app.get('/insurance/enterprise-lookup', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '保险机构按统一社会信用代码（精确）查找本区企业，以录入保单', querystring: creditCodeQuery, response: { 200: enterpriseFound } },
  }, async (req) => lookupEnterprise(db, req.ctx, req.query.creditCode));

  app.get('/insurance/policies', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '本保险机构录入的安责险保单', querystring: policyListQuery, response: { 200: policyList } },
  }, async (req) => listInsurerPolicies(db, req.ctx, req.query));

  app.post('/insurance/policies', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '录入安责险保单（保险期间、被保险人及每人保额、保费及缴纳方）；企业确认前可修改', body: policyCreate, response: { 201: policyView } },
  }, async (req, reply) => reply.status(201).send(await createPolicy(db, req.ctx, req.body)));

  app.get('/insurance/policies/:id', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '本机构的一份保单', params: policyParams, response: { 200: policyView } },
  }, async (req) => getInsurerPolicy(db, req.ctx, req.params.id));

  app.patch('/insurance/policies/:id', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '修改企业尚未确认的保单', params: policyParams, body: policyPatch, response: { 200: policyView } },
  }, async (req) => updatePolicy(db, req.ctx, req.params.id, req.body));

  app.get('/insurance/policies/:id/roster', {
    config: { access: 'insurance.underwrite' },
    schema: { tags, summary: '待确认保单所属企业的在岗从业人员（选择被保险人）', params: policyParams, response: { 200: rosterView } },
  }, async (req) => insurerRoster(db, req.ctx, req.params.id));

  // The enterprise (and its regulators, reading).
  const base = '/enterprises/:enterpriseId';
  app.get(`${base}/insurance`, {
    config: { access: 'insurance.read' },
    schema: { tags, summary: '企业保险：安责险保单与合规检查、工伤保险参保情况', params: enterpriseParams, response: { 200: overviewSchema } },
  }, async (req) => insuranceOverview(db, req.ctx, req.params.enterpriseId));

  app.get(`${base}/liability-policies/:id`, {
    config: { access: 'insurance.read' },
    schema: { tags, summary: '一份安责险保单及其被保险人', params: enterprisePolicyParams, response: { 200: policyView } },
  }, async (req) => getPolicy(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/liability-policies/:id/confirm`, {
    config: { access: 'insurance.confirm' },
    schema: { tags, summary: '企业确认保险机构录入的保单；确认后不能修改', params: enterprisePolicyParams, body: policyConfirm, response: { 200: policyView } },
  }, async (req) => confirmPolicy(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.put(`${base}/work-injury-coverage`, {
    config: { access: 'insurance.work_injury' },
    schema: { tags, summary: '登记从业人员是否参加工伤保险', params: enterpriseParams, body: workInjuryInput, response: { 200: overviewSchema } },
  }, async (req) => setWorkInjury(db, req.ctx, req.params.enterpriseId, req.body));

  // The regulators.
  app.get('/insurance/coverage', {
    config: { access: 'insurance.supervise' },
    schema: { tags, summary: '辖区应投保安责险企业的投保情况：未投保、未覆盖人数、不合规原因', querystring: coverageQuery, response: { 200: coverageList } },
  }, async (req) => coverage(db, req.ctx, req.query));
};
