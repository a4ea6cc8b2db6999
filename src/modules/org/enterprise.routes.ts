import type { RouteModule } from '../../platform/http/app';
import { idParams } from '../../platform/http/route';
import { enterpriseCreate, enterpriseDetail, enterpriseListQuery, enterprisePage, enterpriseUpdate } from './enterprise.schema';
import { createEnterprise, getEnterprise, listEnterpriseDirectory, updateEnterprise } from './enterprise.service';

export const enterpriseRoutes: RouteModule = (app, { db }) => {
  app.get('/enterprises', {
    config: { access: 'enterprise.read' },
    schema: { tags: ['enterprises'], summary: '企业名录（按调用者范围）', querystring: enterpriseListQuery, response: { 200: enterprisePage } },
  }, async (req) => listEnterpriseDirectory(db, req.ctx, req.query));

  app.get('/enterprises/:id', {
    config: { access: 'enterprise.read' },
    schema: { tags: ['enterprises'], params: idParams, response: { 200: enterpriseDetail } },
  }, async (req) => getEnterprise(db, req.ctx, req.params.id));

  app.post('/enterprises', {
    config: { access: 'enterprise.create' },
    schema: { tags: ['enterprises'], body: enterpriseCreate, response: { 201: enterpriseDetail } },
  }, async (req, reply) => reply.status(201).send(await createEnterprise(db, req.ctx, req.body)));

  app.patch('/enterprises/:id', {
    config: { access: 'enterprise.update' },
    schema: { tags: ['enterprises'], params: idParams, body: enterpriseUpdate, response: { 200: enterpriseDetail } },
  }, async (req) => updateEnterprise(db, req.ctx, req.params.id, req.body));
};
