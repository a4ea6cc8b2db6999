import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { cardAckFigure, myAckBody, myAckDone, myCardParams, myRiskCards, pendingCardPeople, proxyCardAckBody, proxyCardAckDone } from './risk-card-ack.schema';
import { acknowledgeMyCard, cardAckFigure as figure, myRiskCards as myCards, pendingCardPeople as pending, proxyAcknowledgeCard } from './risk-card-ack.service';

const tags = ['risk'];

// R-RISK-7, issue 12 §2: the people on each post acknowledge its risk-notice card (岗位风险告知卡), on a phone or on a
// shared device; "every employee knows the risks of his post" is a figure for the managers and the regulators.
export const riskCardAckRoutes: RouteModule = (app, { db }) => {
  app.get('/me/risk-cards', {
    config: { access: 'risk.card.acknowledge' },
    schema: { tags, summary: '我的岗位风险告知卡：本人所在岗位的告知卡，以及是否已确认知晓当前内容', response: { 200: myRiskCards } },
  }, async (req) => myCards(db, req.ctx));

  app.post('/me/risk-cards/:postId/ack', {
    config: { access: 'risk.card.acknowledge' },
    schema: {
      tags, summary: '我已知晓本岗位风险：确认所阅读的告知卡内容（内容已变更时 409，需重新阅读）',
      params: myCardParams, body: myAckBody, response: { 200: myAckDone },
    },
  }, async (req) => acknowledgeMyCard(db, req.ctx, req.params.postId, req.body));

  app.get('/enterprises/:enterpriseId/risk-card-acks', {
    config: { access: 'risk.card.acks' },
    schema: { tags, summary: '岗位风险告知卡知晓率：全企业、各部门及各岗位', params: enterpriseParams, response: { 200: cardAckFigure } },
  }, async (req) => figure(db, req.ctx, req.params.enterpriseId));

  app.get('/enterprises/:enterpriseId/risk-card-acks/pending', {
    config: { access: 'risk.card.proxy' },
    schema: { tags, summary: '尚未确认当前告知卡、没有账号的岗位人员（在共用设备上确认）', params: enterpriseParams, response: { 200: pendingCardPeople } },
  }, async (req) => pending(db, req.ctx, req.params.enterpriseId));

  app.post('/enterprises/:enterpriseId/risk-card-acks', {
    config: { access: 'risk.card.proxy' },
    schema: {
      tags, summary: '没有账号的岗位人员在共用设备上阅读告知卡、手写签名并输入身份证号后四位，确认知晓本岗位风险',
      params: enterpriseParams, body: proxyCardAckBody, response: { 200: proxyCardAckDone },
    },
  }, async (req) => proxyAcknowledgeCard(db, req.ctx, req.params.enterpriseId, req.body));
};
