import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { activityDetail, activityInput, activityList, activityListQuery, activityParams, rewardInput, rewardList, rewardListQuery, rewardView, signInInput } from './culture.schema';
import { createActivity, createReward, getActivity, listActivities, listRewards, signIn } from './culture.service';

const tags = ['culture'];

// Issue 12 §6: safety-culture activities with sign-in on a shared device, and the reward-and-penalty ledger.
export const cultureRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId/culture-activities';

  app.get(base, {
    config: { access: 'culture.read' },
    schema: { tags, summary: '安全文化活动记录（班前会、安全生产月、安全活动日等），按类型计数', params: enterpriseParams, querystring: activityListQuery, response: { 200: activityList } },
  }, async (req) => listActivities(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(base, {
    config: { access: 'culture.manage' },
    schema: { tags, summary: '登记一次安全文化活动及到场人员', params: enterpriseParams, body: activityInput, response: { 201: activityDetail } },
  }, async (req, reply) => reply.status(201).send(await createActivity(db, req.ctx, req.params.enterpriseId, req.body)));

  app.get(`${base}/:id`, {
    config: { access: 'culture.read' },
    schema: { tags, summary: '一次活动：内容、参加人员与签到情况', params: activityParams, response: { 200: activityDetail } },
  }, async (req) => getActivity(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.post(`${base}/:id/sign-ins`, {
    config: { access: 'culture.manage' },
    schema: {
      tags, summary: '在组织者的共用设备上签到：无账号员工手写签名并核对身份证号后四位',
      params: activityParams, body: signInInput, response: { 200: activityDetail },
    },
  }, async (req) => signIn(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  const ledger = '/enterprises/:enterpriseId/rewards-penalties';
  app.get(ledger, {
    config: { access: 'culture.read' },
    schema: { tags, summary: '安全奖惩台账：奖励与处罚合计（金额为精确小数，单位元）', params: enterpriseParams, querystring: rewardListQuery, response: { 200: rewardList } },
  }, async (req) => listRewards(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(ledger, {
    config: { access: 'culture.manage' },
    schema: { tags, summary: '登记一笔奖励或处罚（人员、事由、金额或措施，可关联隐患）', params: enterpriseParams, body: rewardInput, response: { 201: rewardView } },
  }, async (req, reply) => reply.status(201).send(await createReward(db, req.ctx, req.params.enterpriseId, req.body)));
};
